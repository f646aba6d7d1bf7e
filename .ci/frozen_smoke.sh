#!/usr/bin/env bash
# CI: build the frozen program (PyInstaller onedir) and run it headless (packaging/smoke.py).
# Called by .ci/run after the test suite. Installs PyInstaller into .venv when missing
# (`python3 tasks.py build` does that), then checks that the frozen dxeditor-cli creates,
# reports on, checks and exports the demo plan, runs the bundled migrations, honours
# portable mode, that the windowed dxeditor starts and paints offscreen, and (with strace)
# that none of it opens an internet socket; and that the PostgreSQL driver (psycopg, binary) and
# the server migrations load and `dxeditor-cli server init/push/list/upgrade` work against a
# throwaway cluster on a Unix socket (Debian's postgresql, installed for the tests).
# Takes about a minute and a half on a shared 2-core machine (build 40-75 s, smoke ~25 s).
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONUNBUFFERED=1
start=$(date +%s)
# Qt's system libraries (libEGL, xkbcommon, fontconfig …) and pdftotext, as for the tests.
python3 -c 'import tasks; tasks.ensure_system_packages()'
# strace lets the smoke run prove the frozen program opens no internet socket (optional).
if ! command -v strace >/dev/null && command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends strace >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends strace >/dev/null; } \
        || echo "[frozen_smoke] strace not installed; the trace step will be skipped"
fi
python3 tasks.py build
if [ -x .venv/bin/python ]; then py=.venv/bin/python; else py=.venv/Scripts/python.exe; fi
"$py" packaging/smoke.py
echo "[frozen_smoke] done in $(( $(date +%s) - start )) s"
