@echo off
rem ===========================================================================
rem  dxeditor: Windows build (run from a normal Command Prompt, no admin needed)
rem    packaging\build_windows.bat
rem  1. python tasks.py build --zip   -> dist\dxeditor\  (the program folder)
rem                                   -> dist\dxeditor-<ver>-windows-amd64-portable.zip
rem  2. Inno Setup 6.3+ (if installed) -> dist\dxeditor-<ver>-setup.exe
rem  Needs Python 3.11+ (python.org, "py" launcher) and, the first time, access to
rem  PyPI or a local package mirror. The built program itself never uses the network.
rem  Extra arguments go to packaging\build.py (e.g. --clean).
rem ===========================================================================
setlocal
chcp 65001 >nul
cd /d "%~dp0.."

set "PY=python"
where py >nul 2>nul && set "PY=py -3"

%PY% tasks.py build --zip %*
if errorlevel 1 (
    echo [build_windows] build failed
    exit /b 1
)

for /f "usebackq delims=" %%v in (`.venv\Scripts\python.exe -c "import sys; sys.path.insert(0, 'packaging'); import spec_data; print(spec_data.app_version())"`) do set "VER=%%v"

set "ISCC="
where iscc >nul 2>nul && set "ISCC=iscc"
if not defined ISCC if exist "%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe" set "ISCC=%LOCALAPPDATA%\Programs\Inno Setup 6\ISCC.exe"
if not defined ISCC if exist "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" set "ISCC=%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe"
if not defined ISCC if exist "%ProgramFiles%\Inno Setup 6\ISCC.exe" set "ISCC=%ProgramFiles%\Inno Setup 6\ISCC.exe"
if not defined ISCC (
    echo [build_windows] Inno Setup 6 not found: built dist\dxeditor and the portable zip only.
    exit /b 0
)

"%ISCC%" /Q /DAppVersion=%VER% packaging\dxeditor.iss
if errorlevel 1 (
    echo [build_windows] Inno Setup failed
    exit /b 1
)
echo [build_windows] installer: dist\dxeditor-%VER%-setup.exe
exit /b 0
