; Inno Setup 6 script: per-user installer for dxeditor (no administrator rights).
;
; Needs Inno Setup 6.3 or newer. Build on Windows after `python tasks.py build` (packaging\build_windows.bat does both):
;     iscc /DAppVersion=0.1.0 packaging\dxeditor.iss
; Output: dist\dxeditor-<version>-setup.exe
;
; - Installs dist\dxeditor\ into %LOCALAPPDATA%\Programs\dxeditor (PrivilegesRequired=lowest).
; - Start-menu entries for the program and its uninstaller (current user only).
; - Associates .dxplan with dxeditor.exe under HKCU\Software\Classes (current user only).
; - Uninstall (Settings > Apps, or the Start-menu entry) removes the program folder and the
;   association. It never deletes plans, their .bak copies, or %LOCALAPPDATA%\dxeditor
;   (working copies may hold unsaved work); see docs/install.md.
; - Nothing is downloaded: the installer and the program work without any network.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "dxeditor"
#define AppDisplayName "自治体DX計画エディタ dxeditor"
#define AppPublisher "dxeditor developers"
#define AppExe "dxeditor.exe"
#define ProgId "dxeditor.Plan"
#define SourceDir "..\dist\dxeditor"

[Setup]
; AppId identifies the program for upgrades and uninstall: never change it.
AppId={{D7B86CE8-C7DB-4EE8-A5C4-4AE30444EDB7}
AppName={#AppDisplayName}
AppVersion={#AppVersion}
AppVerName={#AppDisplayName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoDescription={#AppDisplayName} セットアップ
; Per-user install: no UAC prompt, no administrator rights, nothing outside the user profile.
PrivilegesRequired=lowest
; With lowest privileges {autopf} is %LOCALAPPDATA%\Programs and {group} is in the user's Start menu.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ChangesAssociations=yes
CloseApplications=yes
RestartApplications=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile=..\resources\icons\dxeditor.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppDisplayName}
OutputDir=..\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no

[Languages]
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.AssocTask=.dxplan ファイルを dxeditor で開く
english.AssocTask=Open .dxplan files with dxeditor
japanese.PlanFile=dxeditor 計画ファイル
english.PlanFile=dxeditor plan file
japanese.UninstallEntry=dxeditor のアンインストール
english.UninstallEntry=Uninstall dxeditor

[Tasks]
Name: "association"; Description: "{cm:AssocTask}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole program folder (old Qt plugins must not linger).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Excludes: "\portable.txt,\userdata"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{#AppDisplayName}"
Name: "{group}\{cm:UninstallEntry}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; File association for the current user only (HKCU\Software\Classes), removed on uninstall.
Root: HKCU; Subkey: "Software\Classes\.dxplan"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\.dxplan\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PlanFile}"; Flags: uninsdeletekey; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppDisplayName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".dxplan"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
