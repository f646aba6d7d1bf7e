"""A plan served from PostgreSQL (issue 19): push, server export and pull times at size.

Run: ``.venv/bin/python bench/bench_server.py [ROWS ...] [--repeat N]`` (default 1,386 and
10,000 schedule rows, 3 repetitions). Starts a throwaway cluster on a Unix socket in a temp
folder (as the server tests do; needs Debian's ``postgresql``), publishes a generated plan and
prints JSON per size: ``push_s`` (file → server, one transaction, with triggers, grants and
policies), ``export_s`` (the server's plan in the JSON form), ``pull_s`` (server → new
.dxplan file) and the rows moved. Medians of the repetitions; never part of the tests.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("rows", nargs="*", type=int, default=[1386, 10_000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from bench.generate import cached_plan
    from dxeditor.app import server as runs
    from tests.server.cluster import running_cluster

    results = []
    with tempfile.TemporaryDirectory() as tmp, running_cluster() as cluster:
        for rows in args.rows:
            plan = cached_plan(rows, Path(tmp))
            url = cluster.url(cluster.new_database())
            runs.init(url)
            push, export, pull = [], [], []
            for n in range(args.repeat):
                t = time.perf_counter()
                result = runs.push(plan, url, replace=n > 0)
                push.append(time.perf_counter() - t)
                t = time.perf_counter()
                data = runs.server_export(url, result.uid)
                export.append(time.perf_counter() - t)
                t = time.perf_counter()
                runs.pull(url, result.uid, Path(tmp) / f"pulled-{rows}.dxplan", overwrite=True)
                pull.append(time.perf_counter() - t)
            inits = data["initiatives"]
            results.append({
                "rows": rows,
                "initiatives": len(inits),
                "bars": sum(len(r["bars"]) for it in inits for r in it["schedule_rows"]),
                "push_s": round(statistics.median(push), 3),
                "export_s": round(statistics.median(export), 3),
                "pull_s": round(statistics.median(pull), 3),
                "repeat": args.repeat,
            })
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
    print(json.dumps({"sizes": results}, ensure_ascii=False), flush=True)  # last: what `python -m bench` reads
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
