"""Bytes a save writes to the shared folder (issue 14 item 3), counted with strace.

    python bench/share_bytes.py [--rows 10000] [--code /path/to/checkout]

Builds a plan of ``--rows`` schedule rows on a "share" folder, then, under
``strace -f -y``, opens it, edits the title and saves it once. Every write-type system
call (write, pwrite64, writev, pwritev, sendfile, copy_file_range) whose target
descriptor lies in the share folder is summed, as is the number of SQLite side files
(``-journal``, ``-wal``, ``-shm``) that appeared there. ``--code`` measures another checkout
(e.g. the main branch, for the figure before the change). Linux only; needs strace.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SETUP = r"""
import sys
from pathlib import Path
from dxeditor.formats.json import io as json_io
rows = int(sys.argv[2])
data = {"format": "dxeditor-plan", "format_version": 1,
        "plan": {"title": "版0", "period_start_fy": 2022, "period_end_fy": 2027},
        "initiatives": [{"id": 1, "title": "取組", "schedule_rows": [
            {"id": i, "title": f"行{i}" * 5, "bars": [{"start": "2022-04", "end": "2025-03", "label": "システム構築" * 3}]}
            for i in range(1, rows + 1)]}]}
doc = json_io.import_data(data)
doc.save(Path(sys.argv[1]))
doc.close(keep_working_copy=False)
"""
SAVE = r"""
import sys
from pathlib import Path
from dxeditor.store.document import PlanDocument
from dxeditor.plan.editor import PlanEditor
doc = PlanDocument.open(Path(sys.argv[1]))
PlanEditor(doc).run("edit", lambda rec: rec.update("plan", 1, title="版1"))
doc.save()
doc.close(keep_working_copy=False)
"""
CALL = re.compile(r"^\d+\s+(write|pwrite64|writev|pwritev|sendfile|copy_file_range)\((\d+)<([^>]*)>.*\)\s+=\s+(\d+)")


def measure(code: Path, rows: int) -> dict:
    tmp = Path(tempfile.mkdtemp(prefix="dxshare-"))
    share, data = tmp / "share", tmp / "data"
    share.mkdir()
    env = dict(os.environ, PYTHONPATH=str(code), DXEDITOR_DATA_DIR=str(data))
    plan = share / "計画.dxplan"
    subprocess.run([sys.executable, "-c", SETUP, str(plan), str(rows)], env=env, check=True, cwd=code)
    size = plan.stat().st_size
    trace = tmp / "trace.txt"
    subprocess.run(["strace", "-f", "-y", "-s", "0", "-e", "trace=write,pwrite64,writev,pwritev,sendfile,"
                    "copy_file_range", "-o", str(trace), sys.executable, "-c", SAVE, str(plan)],
                   env=env, check=True, cwd=code)
    files: dict[str, int] = {}
    for line in trace.read_text(encoding="utf-8", errors="replace").splitlines():
        m = CALL.match(line)
        if m and m.group(3).startswith(str(share)):
            name = Path(m.group(3)).name
            files[name] = files.get(name, 0) + int(m.group(4))
    side = sorted({re.sub(r"^.*?(-journal|-wal|-shm)$", r"\1", n) for n in files if n.endswith(
        ("-journal", "-wal", "-shm"))})
    shutil.rmtree(tmp, ignore_errors=True)
    return {"rows": rows, "plan_bytes": size, "bytes_written_to_share": sum(files.values()),
            "ratio_to_plan_size": round(sum(files.values()) / size, 2), "sqlite_side_files_on_share": side,
            "files_written": len(files)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10000)
    ap.add_argument("--code", type=Path, default=Path(__file__).resolve().parents[1])
    args = ap.parse_args()
    if not shutil.which("strace"):
        print("strace is needed", file=sys.stderr)
        return 2
    print(json.dumps(measure(args.code.resolve(), args.rows), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
