"""Write ``THIRD-PARTY-NOTICES``: what the frozen program ships from others, and under which licences.

Run with the build environment's Python (``.venv/bin/python packaging/notices.py``) after
changing dependencies or ``packaging/constraints.txt``; ``--check`` exits 1 when the file is
out of date. The list of distributions is the run-time dependency closure of dxeditor
(what PyInstaller bundles), read from the installed metadata with each one's own licence
files; Python, Qt (LGPL-3.0, with the GNU licence texts it refers to), the PyInstaller
bootloader and the bundled fonts are added by hand below.
"""

from __future__ import annotations

import argparse
import re
import sys
import sysconfig
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "THIRD-PARTY-NOTICES"
RUNTIME = ("PySide6-Essentials", "SQLAlchemy", "alembic", "openpyxl", "reportlab", "XlsxWriter", "psycopg",
           "psycopg-binary")  # psycopg's [binary] extra is not followed from its metadata
#: Libraries that psycopg-binary's wheel carries inside it (psycopg_binary.libs), with their licences.
PSYCOPG_BINARY_LIBS = ("libpq (PostgreSQL License), OpenSSL (Apache-2.0), MIT Kerberos (MIT), OpenLDAP (OpenLDAP "
                       "Public License), Cyrus SASL (BSD-style) — inside psycopg-binary; its SBOM in the wheel "
                       "(psycopg_binary-*.dist-info/sboms) lists them")
LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
GNU_TEXTS = HERE / "licenses"  # the FSF texts, as Debian ships them in /usr/share/common-licenses
RULE = "=" * 78

HEADER = """\
dxeditor — third-party notices / 第三者ソフトウェアのライセンス

dxeditor itself is under the MIT License (see LICENSE). The program as distributed
(the Windows folder and installer built with PyInstaller) also contains the software
listed below, each under its own licence, reproduced in full further down.

dxeditor は MIT ライセンスです（LICENSE を参照）。配布するプログラムには、以下のソフトウェアが
含まれており、それぞれのライセンスに従います。各ライセンスの全文を後に掲げます。

Qt and PySide6 (LGPL-3.0): the Qt libraries are shipped as separate, unmodified shared
libraries (the PySide6/ folder inside the program folder, _internal/PySide6). You may
replace them with your own build of a compatible version; the sources are available from
https://download.qt.io/official_releases/qt/ and https://download.qt.io/official_releases/QtForPython/
(or on request from the distributor of this program). Qt itself contains third-party
components; their notices are listed at https://doc.qt.io/qt-6/licenses-used-in-qt.html.
"""


def runtime_distributions() -> list[str]:
    """The run-time dependency closure of dxeditor (distribution names, sorted)."""
    seen: dict[str, str] = {}
    todo = list(RUNTIME)
    while todo:
        name = todo.pop()
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = dist.metadata["Name"]
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return sorted(seen.values(), key=str.lower)


def licence_files(name: str) -> list[tuple[str, str]]:
    """(file name, text) of the licence files a distribution installed with its metadata."""
    dist = distribution(name)
    out = []
    for f in sorted(dist.files or [], key=str):
        parts = Path(str(f)).parts
        if len(parts) >= 2 and parts[0].endswith(".dist-info") and LICENCE_FILE.match(parts[-1]):
            out.append((parts[-1], Path(str(dist.locate_file(f))).read_text(encoding="utf-8", errors="replace")))
    return out


def licence_name(name: str) -> str:
    meta = distribution(name).metadata
    expr = meta.get("License-Expression") or meta.get("License") or ""
    return expr.splitlines()[0] if expr else "see below"


def python_licence() -> str:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    for folder in (Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix) / "lib" / version,
                   Path(sys.base_prefix)):  # Windows: LICENSE.txt beside python.exe
        f = folder / "LICENSE.txt"
        if f.exists():
            return f.read_text(encoding="utf-8", errors="replace")
    raise SystemExit("Python's LICENSE.txt not found")


def fonts() -> list[tuple[str, str, str]]:
    folder = ROOT / "resources" / "fonts"
    return [
        ("BIZ UDGothic, BIZ UDMincho (Morisawa)", "SIL Open Font License 1.1",
         (folder / "OFL-BIZUD.txt").read_text(encoding="utf-8")),
        ("Hanazono Mincho A (GlyphWiki Project)", "Hanazono Font License or SIL Open Font License 1.1",
         (folder / "LICENSE-Hanazono.txt").read_text(encoding="utf-8")),
    ]


def build() -> str:
    """The text of THIRD-PARTY-NOTICES for the current environment."""
    dists = runtime_distributions()
    py = f"{sys.version_info.major}.{sys.version_info.minor}"
    lines = [HEADER, "", "Contents / 一覧", ""]
    lines.append(f"  Python {py} — PSF License Agreement (Python Software Foundation)")
    for name in dists:
        lines.append(f"  {name} {distribution(name).version} — {licence_name(name)}")
    lines.append("  " + PSYCOPG_BINARY_LIBS)
    lines.append("  PyInstaller bootloader — GPL-2.0-or-later with the bootloader exception")
    for font, licence, _text in fonts():
        lines.append(f"  {font} — {licence}")
    lines += ["", RULE, f"Python {py}", RULE, "", python_licence().rstrip()]
    for name in dists:
        lines += ["", RULE, f"{name} {distribution(name).version} ({licence_name(name)})", RULE]
        files = licence_files(name)
        if not files and name.lower().startswith(("pyside6", "shiboken6", "psycopg")):
            lines += ["", "GNU Lesser General Public License v3.0 (LGPL-3.0-only); text below."]
        for fname, text in files:
            lines += ["", f"--- {fname} ---", "", text.rstrip()]
    lines += ["", RULE, "PyInstaller bootloader", RULE, "",
              "The executables start through PyInstaller's bootloader, distributed under the GNU General\n"
              "Public License version 2 or later with this exception: \"the bootloader may be linked with\n"
              "and distributed as part of any program, with no restriction on the licence of that program\".\n"
              "See https://github.com/pyinstaller/pyinstaller/blob/develop/COPYING.txt."]
    for font, licence, text in fonts():
        lines += ["", RULE, f"{font} ({licence})", RULE, "", text.rstrip()]
    for title, file in (("GNU Lesser General Public License v3.0 (Qt, PySide6, Shiboken6, psycopg)", "LGPL-3.0.txt"),
                        ("GNU General Public License v3.0 (referred to by the LGPL-3.0)", "GPL-3.0.txt")):
        lines += ["", RULE, title, RULE, "", (GNU_TEXTS / file).read_text(encoding="utf-8").rstrip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--check", action="store_true", help="exit 1 when THIRD-PARTY-NOTICES is out of date")
    args = p.parse_args(argv)
    text = build()
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            sys.stderr.write("THIRD-PARTY-NOTICES is out of date: run .venv/bin/python packaging/notices.py\n")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8", newline="\n")
    sys.stdout.write(f"wrote {OUT} ({len(text)} characters)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
