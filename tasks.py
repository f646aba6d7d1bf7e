#!/usr/bin/env python3
"""Developer tasks that set themselves up: ``python tasks.py run | test | lint | bench | build | fuzz``.

Each task first makes sure ``.venv`` exists with the project installed (re-installing
when ``pyproject.toml`` changed, or when a task needs an extra not installed yet). On Linux, ``test`` also installs the system packages
the suite needs (Qt's libraries, poppler, LibreOffice, PostgreSQL's server for tests/server) when it runs as root
with apt.
Only the Python standard library is used here, so a bare Python >= 3.11 is enough.
"""

from __future__ import annotations

import hashlib
import json
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
    # Qt's xcb platform plugin (a real or Xvfb display: `tasks.py run`, screenshots)
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-randr0",
    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
    # the server tests (tests/server) start a throwaway PostgreSQL cluster with its initdb / pg_ctl
    "postgresql",
]
APT_PROBES = {  # package -> file that shows it is installed
    "poppler-utils": "/usr/bin/pdftotext",
    "libreoffice-calc-nogui": "/usr/bin/soffice",
    "xvfb": "/usr/bin/Xvfb",
    "postgresql": "/usr/lib/postgresql/*/bin/initdb",  # any major version
}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def log(msg: str) -> None:
    print(f"[tasks] {msg}", flush=True)


def _extras(spec: str | set[str] | list[str]) -> set[str]:
    """``"test,package"`` → {"test", "package"} (blanks dropped)."""
    items = spec.split(",") if isinstance(spec, str) else spec
    return {e.strip() for e in items if e.strip()}


def _defined_extras(pyproject: bytes) -> set[str] | None:
    """The extras ``pyproject.toml`` declares (None when it cannot be read)."""
    try:
        import tomllib

        return set(tomllib.loads(pyproject.decode("utf-8"))["project"].get("optional-dependencies", {}))
    except (ImportError, KeyError, TypeError, ValueError):
        return None


def read_stamp(pyproject: bytes) -> set[str] | None:
    """The extras installed into ``.venv`` for this ``pyproject.toml`` (None: reinstall needed).

    The stamp is JSON: the hash of ``pyproject.toml`` and the extras installed with it. An
    older stamp (a bare hash of pyproject + extras string) is still understood.
    """
    try:
        text = STAMP.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    digest = hashlib.sha256(pyproject).hexdigest()
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        if data.get("pyproject") != digest or not isinstance(data.get("extras"), list):
            return None
        return _extras([str(e) for e in data["extras"]])
    for legacy in ("test", "test,package", "package", ""):  # the stamps written before
        if text == hashlib.sha256(pyproject + legacy.encode()).hexdigest():
            return _extras(legacy)
    return None


def write_stamp(pyproject: bytes, extras: set[str]) -> None:
    data = {"pyproject": hashlib.sha256(pyproject).hexdigest(), "extras": sorted(extras)}
    STAMP.write_text(json.dumps(data) + "\n", encoding="utf-8")


def ensure_venv(extras: str = "test") -> Path:
    """Create ``.venv`` and install the project (editable) with ``extras`` when missing or outdated.

    The stamp records which extras are installed: a later call that needs only some of them
    skips the install, and one that needs a new extra installs the union (``.[package,test]``),
    so ``tasks.py test`` and ``tasks.py build`` in turn do not reinstall each time. A changed
    ``pyproject.toml`` reinstalls everything that was installed (extras it no longer declares
    are dropped).
    """
    py = venv_python()
    pyproject = (ROOT / "pyproject.toml").read_bytes()
    wanted = _extras(extras)
    have = read_stamp(pyproject) if py.exists() else None
    if have is not None and wanted <= have:
        return py
    if not py.exists():
        log(f"creating {VENV}")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    install = wanted | (have or set())
    if have is None and STAMP.exists():  # pyproject changed: bring along what was installed before
        install |= _stamped_extras()
        defined = _defined_extras(pyproject)
        if defined is not None:
            install = {e for e in install if e in defined or e in wanted}
    target = f".[{','.join(sorted(install))}]" if install else "."
    log(f"installing dxeditor and its dependencies: {target}")
    subprocess.check_call([str(py), "-m", "pip", "install", "-q", "--upgrade", "pip"])
    subprocess.check_call([str(py), "-m", "pip", "install", "-q", "-e", target], cwd=ROOT)
    write_stamp(pyproject, install)
    return py


def _stamped_extras() -> set[str]:
    """The extras a (possibly outdated) JSON stamp lists; empty for an older or unreadable one."""
    try:
        data = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    extras = data.get("extras") if isinstance(data, dict) else None
    return _extras([str(e) for e in extras]) if isinstance(extras, list) else set()


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
        return any(Path("/").glob(probe.lstrip("/"))) if "*" in probe else Path(probe).exists()
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg], capture_output=True, text=True)
    return "install ok installed" in r.stdout


def task_run(args: list[str]) -> int:
    py = ensure_venv()
    return subprocess.call([str(py), "-m", "dxeditor", *args], cwd=ROOT)


def lint(py: Path) -> int:
    """ruff, mypy and the layer contracts (import-linter); the first failure's exit code."""
    bindir = py.parent
    for name, cmd in (("ruff", [str(bindir / "ruff"), "check", "."]),
                      ("mypy", [str(py), "-m", "mypy"]),
                      ("import-linter", [str(bindir / "lint-imports")])):
        log(f"lint: {name}")
        code = subprocess.call(cmd, cwd=ROOT, stdout=subprocess.DEVNULL if name == "import-linter" else None)
        if code:
            if name == "import-linter":  # show the broken contract
                subprocess.call(cmd, cwd=ROOT)
            log(f"lint: {name} failed")
            return code
    return 0


def task_lint(args: list[str]) -> int:
    return lint(ensure_venv())


def task_test(args: list[str]) -> int:
    """The lint checks, then the whole suite (``--no-lint`` skips the checks)."""
    ensure_system_packages()
    py = ensure_venv()
    if "--no-lint" in args:
        args = [a for a in args if a != "--no-lint"]
    elif code := lint(py):
        return code
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(py), "-m", "pytest", *args], cwd=ROOT, env=env)


def task_bench(args: list[str]) -> int:
    ensure_system_packages()
    py = ensure_venv()
    return subprocess.call([str(py), "-m", "bench", *args], cwd=ROOT)


CONSTRAINTS = ROOT / "packaging" / "constraints.txt"


def task_build(args: list[str]) -> int:
    py = ensure_venv("test,package")
    # the exact versions of packaging/constraints.txt: two builds of one commit bundle the same libraries
    log(f"pinning the build's libraries to {CONSTRAINTS.relative_to(ROOT)}")
    subprocess.check_call([str(py), "-m", "pip", "install", "-q", "-c", str(CONSTRAINTS), "-e", ".[package]"],
                          cwd=ROOT)
    return subprocess.call([str(py), str(ROOT / "packaging" / "build.py"), *args], cwd=ROOT)


def task_fuzz(args: list[str]) -> int:
    """The long fuzz run (``bench/fuzz.py``): ``python tasks.py fuzz --cases 3000``."""
    py = ensure_venv()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.call([str(py), "-m", "bench.fuzz", *args], cwd=ROOT, env=env)


TASKS = {"run": task_run, "test": task_test, "lint": task_lint, "bench": task_bench, "build": task_build,
         "fuzz": task_fuzz}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        print(__doc__)
        print("usage: python tasks.py {" + "|".join(TASKS) + "} [args…]")
        return 2
    return TASKS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
