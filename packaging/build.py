"""Build the frozen program on the current OS: ``dist/dxeditor/`` (one folder, two executables).

Run it through ``python tasks.py build`` (which first installs PyInstaller into ``.venv``).
Options:

    --no-trim     keep every Qt plugin/translation and skip the exclusions (to measure trimming)
    --clean       drop PyInstaller's cache first (after upgrading Python/PySide6)
    --zip         also write ``dist/dxeditor-<version>-<os>-<arch>-portable.zip``: the folder
                  plus the ``portable.txt`` marker, to unpack on PCs where nothing may be
                  installed (``dist/dxeditor/`` itself stays without the marker)

It prints the build time and the folder's size. The Windows installer is built from the
folder afterwards with Inno Setup (``packaging/build_windows.bat``).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "dxeditor.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"

sys.path.insert(0, str(HERE))
import spec_data  # noqa: E402

PORTABLE_TEXT = (
    "このファイルがあると dxeditor はポータブルモードで動きます。\n"
    "設定・作業用コピー・復元用ファイルはこのフォルダーの userdata に保存されます。\n"
    "This file puts dxeditor in portable mode: settings, working copies and recovery files\n"
    "are kept in the userdata folder beside the program.\n"
)


def folder_size(path: Path) -> int:
    """Total bytes of the files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def largest(path: Path, count: int = 12) -> list[tuple[int, Path]]:
    """The biggest files under ``path`` (to see what to trim next)."""
    files = [(p.stat().st_size, p) for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(files, reverse=True)[:count]


def missing_qt_libraries(folder: Path) -> list[str]:
    """Qt libraries some bundled ELF file needs but trimming left out (Linux; needs ``readelf``).

    A Windows build cannot be checked this way; the frozen smoke run covers what it can.
    """
    readelf = shutil.which("readelf")
    if not readelf or not sys.platform.startswith("linux"):
        return []
    present = {p.name for p in folder.rglob("*")}
    problems = []
    for path in folder.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "(NEEDED)" in line and "[libQt6" in line:
                lib = line.split("[", 1)[1].rstrip("]")
                if lib not in present:
                    problems.append(f"{path.relative_to(folder)} needs {lib}")
    return problems


def portable_zip(folder: Path) -> Path:
    """Zip ``folder`` as ``dxeditor/…`` with the portable marker added inside the archive."""
    tag = f"{spec_data.app_version()}-{platform.system().lower()}-{platform.machine().lower()}"
    archive = DIST / f"{spec_data.APP_NAME}-{tag}-portable.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.name != "portable.txt":
                z.write(path, Path(spec_data.APP_NAME) / path.relative_to(folder))
        z.writestr(f"{spec_data.APP_NAME}/portable.txt", PORTABLE_TEXT)
    return archive


def build(args: argparse.Namespace) -> int:
    out = DIST / spec_data.APP_NAME
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        args.log_level,
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
    ]
    if args.clean:
        cmd.append("--clean")
    env = dict(os.environ)
    if args.no_trim:
        env["DXEDITOR_NO_TRIM"] = "1"
    print("[build] " + " ".join(cmd), flush=True)
    t0 = time.monotonic()
    code = subprocess.call(cmd, cwd=ROOT, env=env)
    took = time.monotonic() - t0
    if code != 0:
        print(f"[build] PyInstaller failed (exit {code}) after {took:.0f} s", flush=True)
        return code
    problems = missing_qt_libraries(out)
    for problem in problems:
        print(f"[build] MISSING: {problem}", flush=True)
    if problems:
        print("[build] trimming dropped a library something still needs (see packaging/spec_data.py)")
        return 3
    for name in spec_data.DATA_FILES:  # beside the executables too, where an administrator looks
        shutil.copy2(ROOT / name, out / name)
    size = folder_size(out)
    print(f"[build] built {out} in {took:.0f} s ({'untrimmed' if args.no_trim else 'trimmed'})")
    print(f"[build] onedir size: {mib(size)} ({size} bytes)")
    if args.verbose:
        for n, p in largest(out):
            print(f"[build]   {mib(n):>10}  {p.relative_to(out)}")
    if args.zip:
        archive = portable_zip(out)
        print(f"[build] portable archive: {archive} ({mib(archive.stat().st_size)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--no-trim", action="store_true", help="keep all Qt plugins and modules")
    p.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    p.add_argument("--zip", action="store_true", help="also write a portable zip of the folder")
    p.add_argument("-v", "--verbose", action="store_true", help="list the largest files")
    p.add_argument("--log-level", default="WARN", help="PyInstaller's log level (default WARN)")
    return build(p.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
