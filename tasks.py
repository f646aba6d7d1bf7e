#!/usr/bin/env python3
"""Developer tasks that set themselves up: ``python tasks.py run | test | bench | build``.

Each task first makes sure ``.venv`` exists with the project installed (re-installing
when ``pyproject.toml`` changed). On Linux, ``test`` also installs the system packages
the suite needs (Qt's libraries, poppler, LibreOffice) when it runs as root with apt.
Only the Python standard library is used here, so a bare Python >= 3.11 is enough.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".dxeditor-installed"
APT_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libxkbcommon-x11-0", "libfontconfig1", "libdbus-1-3",
    "libglib2.0-0", "poppler-utils", "libreoffice-calc-nogui", "xvfb", "xauth",
]
APT_PROBES = {  # package -> file that shows it is installed
    "poppler-utils": "/usr/bin/pdftotext",
    "libreoffice-calc-nogui": "/usr/bin/soffice",
    "xvfb": "/usr/bin/Xvfb",
}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def log(msg: str) -> None:
    print(f"[tasks] {msg}", flush=True)


def ensure_venv(extras: str = "test") -> Path:
    """Create ``.venv`` and install the project (editable) when missing or outdated."""
    py = venv_python()
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if py.exists() and STAMP.exists() and STAMP.read_text().strip() == want:
        return py
    if not py.exists():
        log(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    log("installing dxeditor and its dependencies (first run only)")
    subprocess.check_call([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(py), "-m", "pip", "install", "-q", "-e", f".[{extras}]"], cwd=ROOT)
    STAMP.write_text(want)
    return py


def ensure_system_packages() -> None:
    """On Debian/Ubuntu as root: install what Qt offscreen, PDF and workbook checks need."""
    if not sys.platform.startswith("linux") or not shutil.which("apt-get"):
        return
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return
    missing = [p for p in APT_PACKAGES if not _installed(p)]
    if not missing:
        return
    log("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.call(["apt-get", "update", "-qq"], env=env, stdout=subprocess.DEVNULL)
    subprocess.check_call(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env,
                          stdout=subprocess.DEVNULL)


def _installed(pkg: str) -> bool:
    probe = APT_PROBES.get(pkg)
    if probe:
        return Path(probe).exists()
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
    return "install ok installed" in r.stdout


def task_run(args: list[str]) -> int:
    py = ensure_venv()
    return subprocess.call([str(py), "-m", "dxeditor", *args], cwd=ROOT)


def task_test(args: list[str]) -> int:
    ensure_system_packages()
    py = ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(py), "-m", "pytest", *args], cwd=ROOT, env=env)


def task_bench(args: list[str]) -> int:
    ensure_system_packages()
    py = ensure_venv()
    return subprocess.call([str(py), "-m", "bench", *args], cwd=ROOT)


def task_build(args: list[str]) -> int:
    py = ensure_venv("test,package")
    return subprocess.call([str(py), str(ROOT / "packaging" / "build.py"), *args], cwd=ROOT)


TASKS = {"run": task_run, "test": task_test, "bench": task_bench, "build": task_build}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        print("usage: python tasks.py {" + "|".join(TASKS) + "} [args…]")
        return 2
    return TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
