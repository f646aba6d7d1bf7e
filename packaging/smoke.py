"""Headless smoke run of the frozen program in ``dist/dxeditor/`` (after ``python tasks.py build``).

Proves the folder is complete: the frozen executables create the demo plan, report on
it, check it, export JSON, xlsx and PDF, run the bundled migrations, load the PostgreSQL
driver (psycopg, binary) and serve a plan from a throwaway cluster where PostgreSQL is installed, keep their data
beside the program in portable mode, and the GUI starts and paints offscreen. Exports
whose modules do not exist yet in the source tree are skipped with a note. Exit code 0
when every step passed; a summary with the time of each step is printed.

    python packaging/smoke.py [--dist dist/dxeditor] [--keep]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
DEMO_INITIATIVES = 10
DEMO_ROWS = 24
GUI_TIMEOUT = 90
CLI_TIMEOUT = 180


class SmokeFailure(Exception):
    """A step of the smoke run failed."""


class Skipped(Exception):
    """A step cannot run yet (a module it needs is not written)."""


@dataclass
class Smoke:
    """The frozen folder, a scratch folder and the results so far."""

    dist: Path
    scratch: Path
    results: list[tuple[str, str, float, str]] = field(default_factory=list)

    @property
    def cli(self) -> Path:
        return self.dist / f"dxeditor-cli{EXE_SUFFIX}"

    @property
    def gui(self) -> Path:
        return self.dist / f"dxeditor{EXE_SUFFIX}"

    @property
    def plan(self) -> Path:
        return self.scratch / "demo.dxplan"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DXEDITOR_", "PYTHON"))}
        env.update(
            QT_QPA_PLATFORM="offscreen",
            DXEDITOR_DATA_DIR=str(self.scratch / "data"),
            DXEDITOR_SETTINGS_DIR=str(self.scratch / "settings"),
            DXEDITOR_USER="smoke",
            DXEDITOR_HOST="SMOKE-PC",
        )
        env.update(extra)
        return {k: v for k, v in env.items() if v != ""}

    def run(
        self,
        exe: Path,
        *args: str,
        env: dict[str, str] | None = None,
        ok: tuple[int, ...] = (0,),
        timeout: int = CLI_TIMEOUT,
    ) -> subprocess.CompletedProcess[str]:
        """Run a frozen executable; fail on an unexpected exit code or a traceback."""
        proc = subprocess.run(
            [str(exe), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env or self.env(),
            timeout=timeout,
            cwd=self.scratch,
        )
        shown = f"$ {exe.name} {' '.join(args)}\n--- stdout\n{proc.stdout[-3000:]}\n--- stderr\n{proc.stderr[-3000:]}"
        if proc.returncode not in ok:
            missing = re.search(r"No module named '(dxeditor[\w.]*)'", proc.stderr)
            if missing and not source_module_exists(missing.group(1)):
                raise Skipped(f"{missing.group(1)} is not written yet")
            raise SmokeFailure(f"exit code {proc.returncode}\n{shown}")
        if "Traceback (most recent call last)" in proc.stderr:
            raise SmokeFailure(f"traceback on stderr\n{shown}")
        return proc

    def step(self, name: str, fn: Callable[[], str | None]) -> None:
        t0 = time.monotonic()
        try:
            note = fn() or ""
            status = "ok"
        except Skipped as exc:
            status, note = "SKIP", str(exc)
        except (SmokeFailure, subprocess.TimeoutExpired, OSError, ValueError, AssertionError) as exc:
            status, note = "FAIL", str(exc)
        took = time.monotonic() - t0
        self.results.append((name, status, took, note))
        first = note.splitlines()[0] if note else ""
        print(f"[smoke] {status:4} {name} ({took:.1f} s) {first}", flush=True)
        if status == "FAIL" and "\n" in note:
            print(note, flush=True)


def source_module_exists(name: str) -> bool:
    """Whether the source tree has ``name`` (export modules arrive while the project grows)."""
    sys.path.insert(0, str(ROOT))
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False
    finally:
        sys.path.remove(str(ROOT))


def check(cond: bool, message: str) -> None:
    if not cond:
        raise SmokeFailure(message)


# --- the steps -----------------------------------------------------------------------------------


def step_layout(s: Smoke) -> str:
    internal = s.dist / "_internal"
    for path in (s.cli, s.gui, internal / "db" / "env.py", internal / "resources"):
        check(path.exists(), f"missing in the frozen folder: {path}")
    versions = sorted(p.name for p in (internal / "db" / "versions").glob("*.py"))
    check(bool(versions), "no migration scripts in _internal/db/versions")
    names = {p.name for p in internal.rglob("*")}
    check("qtbase_ja.qm" in names, "Qt's Japanese translation (qtbase_ja.qm) is missing")
    network = sorted(
        n for n in names if re.match(r"(lib)?(Qt6Network|QtNetwork\.|q\w*(tls|backend)\w*\.(so|dll))", n)
    )
    check(not network, f"Qt network files in the build: {network}")
    font_types = (".ttf", ".otf", ".ttc")
    fonts = [p.name for p in (internal / "resources" / "fonts").glob("*") if p.suffix.lower() in font_types]
    return f"{len(versions)} migration(s), no Qt network, fonts: {', '.join(fonts) or 'none yet'}"


def step_version(s: Smoke) -> str:
    out = s.run(s.cli, "--version").stdout.strip()
    check(out.startswith("dxeditor "), f"unexpected --version output: {out!r}")
    return out


def step_new(s: Smoke) -> str:
    has_demo = (s.dist / "_internal" / "resources" / "demo" / "otaru.json").exists()
    template = "demo" if has_demo else "blank"
    s.run(s.cli, "new", "--template", template, str(s.plan))
    check(s.plan.exists(), f"{s.plan} was not written")
    return f"template {template}"


def step_info(s: Smoke) -> str:
    info = json.loads(s.run(s.cli, "info", "--json", str(s.plan)).stdout)
    if (s.dist / "_internal" / "resources" / "demo" / "otaru.json").exists():
        check(info["initiatives"] == DEMO_INITIATIVES, f"demo has {info['initiatives']} initiatives, not 10")
        check(info["schedule_rows"] == DEMO_ROWS, f"demo has {info['schedule_rows']} schedule rows, not 24")
    return f"{info['municipality']}: {info['initiatives']} initiatives, {info['schedule_rows']} rows"


def step_check(s: Smoke) -> str:
    proc = s.run(s.cli, "check", str(s.plan), ok=(0, 1))
    return proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""


def step_json(s: Smoke) -> str:
    out = s.scratch / "demo.json"
    s.run(s.cli, "export", "--format", "json", "-o", str(out), str(s.plan))
    data = json.loads(out.read_text(encoding="utf-8"))
    check("plan" in data, "exported JSON has no 'plan'")
    return f"{out.stat().st_size} bytes"


def step_xlsx(s: Smoke) -> str:
    if not source_module_exists("dxeditor.formats.xlsx.write.export"):
        raise Skipped("dxeditor.formats.xlsx.write.export does not exist yet")
    out = s.scratch / "demo.xlsx"
    proc = s.run(s.cli, "export", "--format", "xlsx", "-o", str(out), str(s.plan))
    check(out.exists() and zipfile.is_zipfile(out), "no xlsx workbook written")
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        shared = (
            z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
        )
    check(bool(sheets), "workbook has no worksheets")
    note = f"{len(sheets)} sheet(s), {out.stat().st_size} bytes"
    if "小樽" not in shared and "小樽" not in proc.stdout:
        note += " (小樽 not found in shared strings)"
    return note


def step_pdf(s: Smoke) -> str:
    if not source_module_exists("dxeditor.publish.pdf.export"):
        raise Skipped("dxeditor.publish.pdf.export does not exist yet")
    notes = []
    for kind in ("schedule", "booklet"):
        try:
            notes.append(_export_pdf(s, kind))
        except Skipped as exc:
            notes.append(f"{kind} skipped: {exc}")
    if all("skipped" in n for n in notes):
        raise Skipped("; ".join(notes))
    return "; ".join(notes)


def _export_pdf(s: Smoke, kind: str) -> str:
    out = s.scratch / f"demo-{kind}.pdf"
    s.run(s.cli, "export", "--format", "pdf", "--kind", kind, "-o", str(out), str(s.plan))
    check(out.exists() and out.read_bytes()[:5] == b"%PDF-", f"no PDF written for --kind {kind}")
    note = f"{kind} {out.stat().st_size} bytes"
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        text = subprocess.run([pdftotext, str(out), "-"], capture_output=True, text=True).stdout
        japanese = any("\u3040" <= c <= "\u9fff" for c in text)
        check(japanese, f"{kind} PDF has no extractable Japanese text (fonts?)")
        note += ", Japanese text extractable"
    return note


def step_migrations(s: Smoke) -> str:
    target = s.scratch / "migrated.sqlite"
    s.run(s.cli, env=s.env(DXEDITOR_SELFTEST_MIGRATE=str(target)))
    import sqlite3

    con = sqlite3.connect(target)
    try:
        rev = con.execute("SELECT version_num FROM alembic_version").fetchone()
        tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    finally:
        con.close()
    check(rev is not None, "alembic_version is empty after migrating")
    return f"head {rev[0]}, {tables} tables"


def step_old_plans(s: Smoke) -> str:
    """Open plan files of every earlier schema (tests/data/schemas): the frozen Alembic migrates them."""
    olds = sorted((ROOT / "tests" / "data" / "schemas").glob("*.dxplan"))
    if not olds:
        raise Skipped("no tests/data/schemas/*.dxplan yet")
    done = []
    for old in olds:
        copy = s.scratch / "old" / old.name
        copy.parent.mkdir(exist_ok=True)
        shutil.copyfile(old, copy)
        info = json.loads(s.run(s.cli, "info", "--json", str(copy)).stdout)
        done.append(f"{old.stem}->{info['schema_version']}")
    return ", ".join(done)


def step_portable(s: Smoke) -> str:
    """With ``portable.txt`` beside the program, everything it writes stays beside it."""
    marker = s.dist / "portable.txt"
    userdata = s.dist / "userdata"
    if marker.exists() or userdata.exists():
        raise Skipped("the folder already holds portable.txt/userdata; not touching it")
    profile = s.scratch / "profile"  # where a non-portable run would write
    marker.write_text("smoke\n", encoding="utf-8")
    try:
        env = s.env(
            DXEDITOR_DATA_DIR="",
            DXEDITOR_SETTINGS_DIR="",
            XDG_DATA_HOME=str(profile / "share"),
            XDG_CONFIG_HOME=str(profile / "config"),
            LOCALAPPDATA=str(profile / "local"),
            APPDATA=str(profile / "roaming"),
        )
        s.run(s.cli, "info", str(s.plan), env=env)
        if gui_first_paint_implemented():
            env["DXEDITOR_EXIT_AFTER_FIRST_PAINT"] = "1"
            s.run(s.gui, str(s.plan), env=env, timeout=GUI_TIMEOUT)
        check(userdata.is_dir(), "portable mode did not create userdata/ beside the program")
        leaked = [str(p) for p in profile.rglob("*") if p.is_file()] if profile.exists() else []
        check(not leaked, f"portable mode wrote into the user profile: {leaked}")
        return "beside the program: " + ", ".join(
            sorted(
                str(p.relative_to(s.dist)) for p in userdata.rglob("*") if p.is_file() or p.parent == userdata
            )
        )
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(userdata, ignore_errors=True)


def source_server_head() -> str:
    """The newest revision under the source tree's ``db/server/versions`` (what the frozen program must report)."""
    found = {}
    for path in (ROOT / "db" / "server" / "versions").glob("*.py"):
        m = re.search(r'^revision = "([^"]+)"', path.read_text(encoding="utf-8"), re.MULTILINE)
        d = re.search(r'^down_revision = (?:"([^"]+)"|None)', path.read_text(encoding="utf-8"), re.MULTILINE)
        if m and d:
            found[m.group(1)] = d.group(1)
    heads = set(found) - set(found.values())
    check(len(heads) == 1, f"db/server/versions has no single head: {sorted(heads)}")
    return heads.pop()


def step_server_help(s: Smoke) -> str:
    out = s.run(s.cli, "server", "--help").stdout
    for sub in ("init", "upgrade", "push", "pull", "list"):
        check(sub in out, f"`server --help` does not list {sub}: {out[-800:]!r}")
    return "init, upgrade, push, pull, list"


def step_server_driver(s: Smoke) -> str:
    """psycopg 3 with its binary implementation (libpq inside) and the server migrations load in the frozen program."""
    if not (s.dist / "_internal" / "db" / "server" / "env.py").exists():
        raise SmokeFailure("missing in the frozen folder: _internal/db/server/env.py")
    proc = s.run(s.cli, env=s.env(DXEDITOR_SELFTEST_SERVER="1"))
    facts = json.loads(proc.stdout.strip().splitlines()[-1])
    check(facts["impl"] == "binary", f"psycopg.pq.__impl__ is {facts['impl']!r}, not 'binary'")
    check(facts["dialect"].endswith("PGDialect_psycopg"), f"unexpected dialect {facts['dialect']}")
    check(facts["server_head"] == source_server_head(),
          f"bundled server migrations end at {facts['server_head']}, the source at {source_server_head()}")
    return f"psycopg {facts['psycopg']} ({facts['impl']}, libpq {facts['libpq']}), server layout {facts['server_head']}"


def step_server_plan(s: Smoke) -> str:
    """Against a throwaway PostgreSQL on a Unix socket (tests/server/cluster.py): init, push, list, info, upgrade."""
    sys.path.insert(0, str(ROOT))
    try:
        from tests.server.cluster import ClusterError, pg_bindir, running_cluster
    except ImportError as exc:
        raise Skipped(f"tests/server/cluster.py cannot be loaded: {exc}") from None
    finally:
        sys.path.remove(str(ROOT))
    if pg_bindir() is None:
        raise Skipped("no PostgreSQL server installed (Debian's postgresql)")
    try:
        with running_cluster() as cluster:
            url = cluster.url(cluster.new_database())
            init = s.run(s.cli, "server", "init", url).stdout
            check(source_server_head() in init, f"init did not report the layout: {init!r}")
            uid = s.run(s.cli, "server", "push", str(s.plan), url).stdout.split("\t")[0].strip()
            listed = json.loads(s.run(s.cli, "server", "list", url, "--json").stdout)
            check([p["uid"] for p in listed] == [uid], f"server list: {listed}")
            info = json.loads(s.run(s.cli, "info", "--json", f"{url}&plan={uid}").stdout)
            again = s.run(s.cli, "server", "upgrade", url).stdout
            check(source_server_head() in again, f"upgrade did not report the layout: {again!r}")
    except ClusterError as exc:
        raise Skipped(f"no throwaway cluster: {str(exc)[:200]}") from None
    return f"init, push {uid}, list, info ({info['initiatives']} initiatives), upgrade"


INET = re.compile(r"\b(AF|PF)_INET6?\b")


def step_network_trace(s: Smoke) -> str:
    """Linux with strace: the frozen program makes no internet socket while it works."""
    strace = shutil.which("strace")
    if not strace or not sys.platform.startswith("linux"):
        raise Skipped("needs strace on Linux (Windows: see tests/test_no_network.py)")
    control = s.scratch / "strace-control.txt"
    probe = "import socket; socket.socket(socket.AF_INET, socket.SOCK_STREAM).close()"
    subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=socket", "-o", str(control), sys.executable, "-c", probe],
        capture_output=True,
        timeout=60,
    )
    if not control.exists() or not INET.search(control.read_text(errors="replace")):
        raise Skipped("strace does not record socket calls here")
    runs = [
        (s.cli, ["info", str(s.plan)], {}),
        (s.cli, ["export", "--format", "json", "-o", str(s.scratch / "t.json"), str(s.plan)], {}),
    ]
    if source_module_exists("dxeditor.formats.xlsx.write.export"):
        runs.append((s.cli, ["export", "--format", "xlsx", "-o", str(s.scratch / "t.xlsx"), str(s.plan)], {}))
    if source_module_exists("dxeditor.publish.pdf.export"):
        runs.append((s.cli, ["export", "--format", "pdf", "-o", str(s.scratch / "t.pdf"), str(s.plan)], {}))
    if gui_first_paint_implemented():
        runs.append((s.gui, [str(s.plan)], {"DXEDITOR_EXIT_AFTER_FIRST_PAINT": "1"}))
    calls = 0
    for i, (exe, args, extra) in enumerate(runs):
        trace = s.scratch / f"strace-{i}.txt"
        cmd = [strace, "-f", "-qq", "-e", "trace=socket,connect,bind,sendto,sendmsg", "-o", str(trace)]
        proc = subprocess.run(
            [*cmd, str(exe), *args], capture_output=True, text=True, env=s.env(**extra), timeout=GUI_TIMEOUT
        )
        if proc.returncode != 0 and "ptrace" in proc.stderr:
            raise Skipped(f"strace cannot trace here: {proc.stderr.strip()[:200]}")
        check(proc.returncode == 0, f"{exe.name} {args[0]} failed under strace: {proc.stderr[-2000:]}")
        lines = trace.read_text(encoding="utf-8", errors="replace").splitlines()
        calls += len(lines)
        inet = [ln for ln in lines if INET.search(ln)]
        check(not inet, f"internet socket use by {exe.name} {args[0]}:\n" + "\n".join(inet[:20]))
    return f"{len(runs)} runs, {calls} socket calls, none AF_INET/AF_INET6"


def gui_first_paint_implemented() -> bool:
    for path in (ROOT / "dxeditor").rglob("*.py"):
        if "DXEDITOR_EXIT_AFTER_FIRST_PAINT" in path.read_text(encoding="utf-8", errors="replace"):
            return True
    return False


def step_gui(s: Smoke) -> str:
    env = s.env(DXEDITOR_EXIT_AFTER_FIRST_PAINT="1")
    if gui_first_paint_implemented():
        proc = s.run(s.gui, str(s.plan), env=env, timeout=GUI_TIMEOUT)
        check(
            "first-paint" in proc.stdout, f"GUI exited without printing first-paint: {proc.stdout[-500:]!r}"
        )
        return "first-paint"
    # Until the main window handles DXEDITOR_EXIT_AFTER_FIRST_PAINT: it must stay up for a while.
    proc = subprocess.Popen(
        [str(s.gui), str(s.plan)],
        env=env,
        cwd=s.scratch,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        return "alive after 15 s (DXEDITOR_EXIT_AFTER_FIRST_PAINT not implemented yet)"
    _out, err = proc.communicate()
    raise SmokeFailure(f"GUI exited early with code {proc.returncode}\n{err[-3000:]}")


STEPS: list[tuple[str, Callable[[Smoke], str | None]]] = [
    ("layout", step_layout),
    ("--version", step_version),
    ("new --template demo", step_new),
    ("info --json", step_info),
    ("check", step_check),
    ("export json", step_json),
    ("export xlsx", step_xlsx),
    ("export pdf", step_pdf),
    ("migrations", step_migrations),
    ("open old schemas", step_old_plans),
    ("server --help", step_server_help),
    ("postgresql driver", step_server_driver),
    ("server plan (throwaway cluster)", step_server_plan),
    ("portable mode", step_portable),
    ("gui offscreen", step_gui),
    ("no internet sockets (strace)", step_network_trace),
]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--dist", type=Path, default=ROOT / "dist" / "dxeditor", help="the frozen folder")
    p.add_argument("--keep", action="store_true", help="keep the scratch folder with the outputs")
    args = p.parse_args(argv)
    dist = args.dist.resolve()
    if not (dist / f"dxeditor-cli{EXE_SUFFIX}").exists():
        print(f"[smoke] no frozen program in {dist}; run `python tasks.py build` first", flush=True)
        return 2
    scratch = Path(tempfile.mkdtemp(prefix="dxeditor-smoke-"))
    smoke = Smoke(dist=dist, scratch=scratch)
    t0 = time.monotonic()
    try:
        for name, fn in STEPS:
            smoke.step(name, lambda fn=fn: fn(smoke))
    finally:
        if args.keep:
            print(f"[smoke] outputs kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    failed = [r for r in smoke.results if r[1] == "FAIL"]
    skipped = [r for r in smoke.results if r[1] == "SKIP"]
    print(
        f"[smoke] {len(smoke.results) - len(failed) - len(skipped)} passed, {len(skipped)} skipped, "
        f"{len(failed)} failed in {time.monotonic() - t0:.0f} s",
        flush=True,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
