"""Nothing phones home: start-up, opening, editing, saving and exporting open no internet socket.

LGWAN PCs have no internet and municipal rules forbid update checks, telemetry and web
fonts (docs/install.md). Two checks:

- dynamic: a fresh interpreter installs a guard on Python's socket layer (any socket that
  is not AF_UNIX, any connect/bind/sendto on one, any name lookup), then creates the demo
  plan, edits it through a service, saves, reopens, exports JSON/xlsx/PDF and starts the
  GUI offscreen; the guard must record nothing.
- static: the ``dxeditor`` package uses no HTTP client, no socket beyond
  ``socket.gethostname`` and no Qt networking class, so Qt's own sockets (which bypass
  Python's) cannot be reached either. The frozen build also drops Qt's network library
  (``packaging/spec_data.py``).
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "dxeditor"

GUARD = r"""
import json
import os
import socket
import sys

RECORDED = []
LOCAL_FAMILIES = {getattr(socket, "AF_UNIX", object())}


def _note(what):
    RECORDED.append(what)


def _block(what):
    _note(what)
    raise OSError(f"network access blocked by test_no_network: {what}")


_init = socket.socket.__init__


def _guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
    _init(self, family, type, proto, fileno)
    if self.family not in LOCAL_FAMILIES:
        _note(f"socket({self.family!r}, {self.type!r})")


def _method(name):
    original = getattr(socket.socket, name)

    def guarded(self, *args, **kwargs):
        if self.family not in LOCAL_FAMILIES:
            _block(f"socket.{name}{args!r}")
        return original(self, *args, **kwargs)

    return guarded


socket.socket.__init__ = _guarded_init
for _name in ("connect", "connect_ex", "bind", "sendto"):
    setattr(socket.socket, _name, _method(_name))
for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getfqdn", "getnameinfo"):
    def _blocked(*args, _name=_name, **kwargs):
        _block(f"{_name}{args!r}")
    setattr(socket, _name, _blocked)


def report(steps):
    sys.stdout.write("NETWORK-REPORT " + json.dumps({"recorded": RECORDED, "steps": steps}) + "\n")
"""

SCENARIO = r"""
import importlib.util
import sys
from pathlib import Path

work = Path(sys.argv[1])
steps = []


def has(module):
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


from dxeditor import cli
from dxeditor.app.templates import open_template
from dxeditor.core import paths
from dxeditor.store.document import PlanDocument

# Create / open the demo (or a blank plan until the demo exists).
doc = open_template("demo") if paths.demo_plan_json().exists() else PlanDocument.create()
steps.append("create")

# Edit through the one path for changes.
from dxeditor.plan.editor import PlanEditor

plan_id = doc.plan.id
PlanEditor(doc).run("表題の変更", lambda rec: rec.update("plan", plan_id, title="ネットワーク検査"))
steps.append("edit")

# Save, close, open again.
target = work / "plan.dxplan"
doc.save(target)
doc.close(keep_working_copy=False)
steps.append("save")
doc = PlanDocument.open(target)
assert doc.plan.title == "ネットワーク検査", doc.plan.title
doc.close(keep_working_copy=False)
steps.append("open")

# Exports through the command line, in this process.
assert cli.main(["info", str(target)]) == 0
assert cli.main(["export", "--format", "json", "-o", str(work / "plan.json"), str(target)]) == 0
steps.append("export json")
if has("dxeditor.formats.xlsx.write.export"):
    assert cli.main(["export", "--format", "xlsx", "-o", str(work / "plan.xlsx"), str(target)]) == 0
    steps.append("export xlsx")
if has("dxeditor.publish.pdf.export"):
    assert cli.main(["export", "--format", "pdf", "-o", str(work / "plan.pdf"), str(target)]) == 0
    steps.append("export pdf")

# The GUI on the saved plan, offscreen; quit shortly after the window is up.
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

app = QApplication.instance() or QApplication(["dxeditor"])
QTimer.singleShot(1500, QApplication.quit)
from dxeditor.ui.app import run_gui

code = run_gui(target, [])
steps.append(f"gui (exit {code})")
report(steps)
"""


def test_start_open_edit_save_export_open_no_socket(tmp_path: Path) -> None:
    script = tmp_path / "scenario.py"
    script.write_text(GUARD + textwrap.dedent(SCENARIO), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    proc = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("NETWORK-REPORT ")]
    assert proc.returncode == 0 and lines, f"scenario failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}"
    report = json.loads(lines[-1].removeprefix("NETWORK-REPORT "))
    assert report["recorded"] == [], f"network access: {report['recorded']}"
    expected = ["create", "edit", "save", "open", "export json"]
    expected += [f"export {fmt}" for fmt in ("xlsx", "pdf") if _has({"xlsx": "dxeditor.formats.xlsx.write.export", "pdf": "dxeditor.publish.pdf.export"}[fmt])]
    assert report["steps"][:-1] == expected
    assert report["steps"][-1].startswith("gui")


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


def test_guard_catches_a_connection(tmp_path: Path) -> None:
    """The guard itself works: a lookup and an internet socket are recorded and refused."""
    script = tmp_path / "probe.py"
    probe = """
        import socket
        steps = []
        try:
            socket.getaddrinfo("example.invalid", 80)
        except OSError:
            steps.append("lookup refused")
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            s.connect(("192.0.2.1", 80))
        except OSError:
            steps.append("connect refused")
        s.close()
        report(steps)
    """
    script.write_text(GUARD + textwrap.dedent(probe), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    line = next(ln for ln in proc.stdout.splitlines() if ln.startswith("NETWORK-REPORT "))
    report = json.loads(line.removeprefix("NETWORK-REPORT "))
    assert report["steps"] == ["lookup refused", "connect refused"]
    assert len(report["recorded"]) == 3  # the lookup, the socket, the connect


# --- static check -------------------------------------------------------------------------------

#: Modules that talk to the network; none may be imported by the program.
FORBIDDEN_MODULES = (
    "urllib.request",
    "urllib3",
    "http.client",
    "http.server",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "xmlrpc",
    "socketserver",
    "ssl",
    "asyncio",
    "webbrowser",
    "PySide6.QtNetwork",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
)
#: Qt classes that open connections or fetch URLs.
FORBIDDEN_NAMES = (
    "QNetworkAccessManager",
    "QNetworkRequest",
    "QTcpSocket",
    "QUdpSocket",
    "QSslSocket",
    "QWebEngineView",
    "QWebSocket",
    "QHostInfo",
)
#: ``socket`` may be used only for the PC's own name.
ALLOWED_SOCKET_ATTRS = {"gethostname"}


def _forbidden(module: str) -> bool:
    return any(module == m or module.startswith(m + ".") for m in FORBIDDEN_MODULES)


def _violations(path: Path, root: Path = ROOT) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    rel = path.relative_to(root)
    found = []
    socket_aliases = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _forbidden(alias.name):
                    found.append(f"{rel}:{node.lineno} imports {alias.name}")
                if alias.name == "socket":
                    socket_aliases.add(alias.asname or "socket")
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{a.name}" for a in node.names]
            if _forbidden(node.module) or any(_forbidden(n) for n in names):
                found.append(f"{rel}:{node.lineno} imports from {node.module}")
            found += [
                f"{rel}:{node.lineno} imports {a.name}" for a in node.names if a.name in FORBIDDEN_NAMES
            ]
            if node.module == "socket":
                found += [
                    f"{rel}:{node.lineno} imports socket.{a.name}"
                    for a in node.names
                    if a.name not in ALLOWED_SOCKET_ATTRS
                ]
        elif isinstance(node, ast.Name | ast.Attribute):
            name = node.id if isinstance(node, ast.Name) else node.attr
            if name in FORBIDDEN_NAMES:
                found.append(f"{rel}:{node.lineno} uses {name}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "__import__":
            found.append(f"{rel}:{node.lineno} calls __import__ (hides imports from this check)")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in socket_aliases
            and node.attr not in ALLOWED_SOCKET_ATTRS
        ):
            found.append(f"{rel}:{node.lineno} uses socket.{node.attr}")
    return found


def test_package_has_no_network_code() -> None:
    files = sorted(PACKAGE.rglob("*.py"))
    assert files
    problems = [v for f in files for v in _violations(f)]
    assert problems == [], "network code in dxeditor/:\n" + "\n".join(problems)


def test_static_check_sees_network_code(tmp_path: Path) -> None:
    """The static check is not vacuous: it flags the usual ways of reaching the network."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import socket\nimport urllib.request\nfrom PySide6.QtNetwork import QNetworkAccessManager\n"
        "socket.create_connection(('example.org', 80))\nsocket.gethostname()\n",
        encoding="utf-8",
    )
    problems = _violations(bad, tmp_path)
    assert any("urllib.request" in p for p in problems)
    assert any("PySide6.QtNetwork" in p for p in problems)
    assert any("QNetworkAccessManager" in p for p in problems)
    assert any("socket.create_connection" in p for p in problems)
    assert not any("gethostname" in p for p in problems)
