"""Seeded fuzzing of every input a person hands the program: JSON plans, workbooks, inquiry answers.

Each case mutates a valid input (1–3 random mutations, reproducible from its seed) and runs the
import in-process. A case passes when the input is accepted and exports (JSON and workbook; an
answer is applied and undone), or is refused with a :class:`DxError` whose message is specific —
never another exception, never the generic 「予期しないエラー」, never a file written on refusal.
Used by ``tests/fuzz`` (a bounded number of cases) and ``bench/fuzz.py`` (a longer run).
"""

from __future__ import annotations

import copy
import io
import json
import random
import re
import shutil
import time
import traceback
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dxeditor.core.errors import DxError, message_for

GENERIC = ("予期しない", "Unexpected error")
ENUMERATED = ("year_style", "numbering_style", "pattern", "color", "national_category", "status", "placement",
              "kind")

HOSTILE_STRINGS = [
    "", " ", "=cmd|' /C calc'!A0", '=WEBSERVICE("http://x")', "+1", "-1+2", "@SUM(A1)", '"', "a,b",
    "\t=1", "\r\n=1", "#N/A", "\x00", "\x01\x1f", "\x0b", "\u202eabc", "\u2066x\u2069", "\ufeff", "\ud800",
    "\udfff", "😀", "令和5年度", "2023年度", "R5", "令和99年度", "平成元年度", "2023-13", "0000-01", "9999-12",
    "2023-04", "CON", "../x", "x" * 2001, "あ" * 40_000, "工程\n・続き", "◆運用開始", "実施→", "　",
]
HOSTILE_NUMBERS: list[Any] = [0, -1, 1, 17, 18, 19, 20, 99, 100, 1988, 1989, 2100, 2101, 2**31, 2**53, 2**62, 2**63,
                              2**64, -(2**63) - 1, 10**30, 1.5, -0.0, 1e15, 1e16, 1e308, -1e308, 1e-320]
HOSTILE_VALUES: list[Any] = [None, True, False, [], {}, [1, 2], {"a": 1}, [[[]]], *HOSTILE_STRINGS, *HOSTILE_NUMBERS]


@dataclass
class Outcome:
    """What one case did."""

    kind: str
    seed: int
    result: str  # "accepted", "refused", "FAILED"
    seconds: float
    detail: str = ""


@dataclass
class Tally:
    """Counts over many cases, with the failures kept for the report."""

    cases: int = 0
    accepted: int = 0
    refused: int = 0
    failures: list[Outcome] = field(default_factory=list)
    slowest: Outcome | None = None
    messages: dict[str, int] = field(default_factory=dict)

    def add(self, o: Outcome) -> None:
        self.cases += 1
        if o.result == "accepted":
            self.accepted += 1
        elif o.result == "refused":
            self.refused += 1
            key = re.sub(r"\d+", "N", o.detail.split(": ", 1)[-1])[:60]
            self.messages[key] = self.messages.get(key, 0) + 1
        else:
            self.failures.append(o)
        if self.slowest is None or o.seconds > self.slowest.seconds:
            self.slowest = o

    def summary(self) -> str:
        slow = f"{self.slowest.seconds:.2f} s ({self.slowest.kind} seed {self.slowest.seed})" if self.slowest else "-"
        return (f"{self.cases} cases: {self.accepted} accepted, {self.refused} refused, "
                f"{len(self.failures)} failed; slowest {slow}")


# ----------------------------------------------------------------------------- running
def _run(kind: str, seed: int, workdir: Path, body: Callable[[], str], slow: float) -> Outcome:
    """Run ``body``; classify what it did (it returns "accepted" or raises)."""
    before = set(workdir.iterdir())
    start = time.perf_counter()
    try:
        result, detail = body(), ""
    except DxError as exc:
        result, detail = "refused", exc.message("ja")
        if any(g in detail for g in GENERIC):
            result = "FAILED"
        elif set(workdir.iterdir()) != before:
            result, detail = "FAILED", f"files written before the refusal: {detail}"
    except Exception as exc:  # the point of fuzzing: anything else is a finding
        tb = traceback.extract_tb(exc.__traceback__)[-3:]
        where = " <- ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(tb))
        result, detail = "FAILED", f"{type(exc).__name__}: {str(exc)[:200]} [{where}] ({message_for(exc)[:80]})"
    seconds = time.perf_counter() - start
    if seconds > slow and result != "FAILED":
        result, detail = "FAILED", f"took {seconds:.1f} s ({detail})"
    return Outcome(kind, seed, result, seconds, detail)


def _fresh(workdir: Path) -> None:
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)


# ----------------------------------------------------------------------------- JSON plans
def _containers(data: Any, out: list[tuple[Any, Any]], depth: int = 0) -> list[tuple[Any, Any]]:
    """Every (container, key) pair of a parsed JSON document."""
    if depth > 12:
        return out
    if isinstance(data, dict):
        for k in list(data):
            out.append((data, k))
            _containers(data[k], out, depth + 1)
    elif isinstance(data, list):
        for i in range(len(data)):
            out.append((data, i))
            _containers(data[i], out, depth + 1)
    return out


def mutate_data(data: dict[str, Any], rnd: random.Random) -> None:
    """One structural mutation of a parsed JSON plan, in place."""
    try:
        _mutate_data(data, rnd)
    except RecursionError:  # copying a value an earlier mutation nested thousands deep
        pass


def _mutate_data(data: dict[str, Any], rnd: random.Random) -> None:
    spots = _containers(data, [])
    parent, key = rnd.choice(spots)
    op = rnd.random()
    old = parent[key]
    if op < 0.4 and isinstance(old, (str, int, float)):  # same type, edge value: most of these import
        if isinstance(old, bool):
            parent[key] = not old
        elif isinstance(old, str):
            parent[key] = rnd.choice(HOSTILE_STRINGS)
        else:
            parent[key] = rnd.choice([n for n in HOSTILE_NUMBERS if isinstance(n, type(old))] or [0])
    elif op < 0.55:
        parent[key] = copy.deepcopy(rnd.choice(HOSTILE_VALUES))
    elif op < 0.62:
        del parent[key]
    elif op < 0.66 and isinstance(parent, dict):
        parent[rnd.choice(["x", "id", "lane", "parent_id", "extra"])] = rnd.choice(HOSTILE_VALUES)
    elif op < 0.74 and isinstance(parent, list):
        parent.insert(rnd.randrange(len(parent) + 1), copy.deepcopy(parent[key]))  # a duplicate (ids too)
    elif op < 0.79:
        depth = rnd.choice([3, 50, 900, 5000])
        value: Any = rnd.choice([0, "x", None])
        for _ in range(depth):
            value = [value] if rnd.random() < 0.5 else {"a": value}
        parent[key] = value
    elif op < 0.90:
        other_parent, other_key = rnd.choice(spots)
        try:
            parent[key], other_parent[other_key] = other_parent[other_key], parent[key]
        except (KeyError, IndexError):
            pass
    else:
        ids = [c[k] for c, k in spots if k in ("id", "parent_id", "section_id", "lead_department_id")]
        parent[key] = rnd.choice(ids) if ids else 1


def mutate_text(text: str, rnd: random.Random) -> bytes:
    """One mutation of the JSON text (bytes: a case may not even be UTF-8)."""
    op = rnd.random()
    raw = text.encode("utf-8", "surrogatepass")
    pos = rnd.randrange(len(raw) + 1)
    if op < 0.2:
        return raw[:pos]
    if op < 0.4:
        b = bytearray(raw)
        for _ in range(rnd.randint(1, 4)):
            if b:
                b[rnd.randrange(len(b))] = rnd.randrange(256)
        return bytes(b)
    if op < 0.55:
        insert = rnd.choice([b"NaN", b"Infinity", b"-Infinity", b"1e999", b"9" * 5000, b"\\ud800", b'"\\u0000"',
                             b"[" * 3000, b"{", b"}", b",", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00"])
        return raw[:pos] + insert + raw[pos:]
    if op < 0.65:
        return re.sub(rb"\b(\d+)\b", lambda m: m.group(1) + b"0" * rnd.choice([5, 19, 40]), raw, count=rnd.randint(1, 5))
    if op < 0.75:
        return text.encode("utf-16", "surrogatepass")
    if op < 0.85:
        return raw.replace(b'"', b"'", rnd.randint(1, 3))
    return b"[" * 200_000 + b"]" * 200_000


def json_case(base: dict[str, Any], seed: int, workdir: Path, *, slow: float = 20.0) -> Outcome:
    """Mutate ``base`` (a valid plan), import it; when accepted, export JSON and xlsx."""
    from dxeditor.formats.json import io as json_io

    rnd = random.Random(seed)
    _fresh(workdir)
    data = copy.deepcopy(base)
    for _ in range(rnd.randint(1, 3)):
        mutate_data(data, rnd)
    if rnd.random() < 0.15:  # an enumerated field (year style, pattern …) with a value outside its list
        spots = [(c, k) for c, k in _containers(data, []) if k in ENUMERATED]
        if spots:
            parent, key = rnd.choice(spots)
            parent[key] = rnd.choice(["../x", "", "WAREKI", "#12345", "#gggggg", "solid ", "done"])
    try:
        text = json.dumps(data, ensure_ascii=rnd.random() < 0.3)
    except (RecursionError, ValueError):
        text = json.dumps(base)
    raw = mutate_text(text, rnd) if rnd.random() < 0.2 else text.encode("utf-8", "surrogatepass")
    src = workdir / "in.json"
    src.write_bytes(raw)

    def body() -> str:
        doc = json_io.import_json(src)
        try:
            _export_all(doc, workdir, seed)
        finally:
            doc.close(keep_working_copy=False)
        return "accepted"

    return _run("json", seed, workdir, body, slow)


#: Also export a PDF schedule for every N-th accepted case (0: never; the long run sets it).
PDF_EVERY = 0


def _export_all(doc: Any, workdir: Path, seed: int = 1) -> None:
    from dxeditor.formats.json.io import export_json
    from dxeditor.formats.xlsx.write.export import XlsxOptions, export_xlsx

    export_json(doc, workdir / "out.json")
    export_xlsx(doc, workdir / "out.xlsx", XlsxOptions())
    if PDF_EVERY and seed % PDF_EVERY == 0:
        from dxeditor.publish.pdf.export import PdfOptions, export_pdf

        export_pdf(doc, workdir / "out.pdf", PdfOptions())


# ----------------------------------------------------------------------------- workbooks
_CELL = re.compile(rb"<c r=\"([A-Z]+)(\d+)\"([^>]*)>(.*?)</c>", re.S)
_HOSTILE_XML = [b'<c r="A1" t="inlineStr"><is><t>=cmd</t></is></c>', b"<row/>", b"<mergeCell ref=\"A1:GR20000\"/>",
                b"<!DOCTYPE x>", b"&#0;", b"&bogus;", b"<c r=\"ZZZZ9999999\"/>", b"<dimension ref=\"A1:XFD1048576\"/>",
                b"\xff\xfe", b"<f>1/0</f>", b"]]>", b"<v>1e999</v>", b"<v>NaN</v>", b"<v>abc</v>"]


def _xml_mutation(data: bytes, rnd: random.Random) -> bytes:
    op = rnd.random()
    if op < 0.3 and data:
        cells = list(_CELL.finditer(data))
        if cells:
            m = rnd.choice(cells)
            value = rnd.choice(HOSTILE_STRINGS + [str(x) for x in HOSTILE_NUMBERS])
            text = value.encode("utf-8", "surrogatepass").replace(b"&", b"&amp;").replace(b"<", b"&lt;")
            if rnd.random() < 0.5:
                new = b'<c r="%s%s" t="inlineStr"><is><t>%s</t></is></c>' % (m.group(1), m.group(2), text)
            else:
                new = b'<c r="%s%s"><v>%s</v></c>' % (m.group(1), m.group(2), text[:40])
            return data[:m.start()] + new + data[m.end():]
    if op < 0.5:
        pos = rnd.randrange(len(data) + 1)
        return data[:pos] + rnd.choice(_HOSTILE_XML) + data[pos:]
    if op < 0.65:
        refs = []
        for _ in range(rnd.choice([1, 5, 50, 501])):
            r1, c1 = rnd.randint(1, 60), rnd.randint(1, 12)
            r2, c2 = r1 + rnd.choice([0, 1, 3, 20, 20_000]), c1 + rnd.choice([0, 1, 5, 300])
            refs.append(f"{_col(c1)}{r1}:{_col(c2)}{r2}")
        cells = "".join(f'<mergeCell ref="{r}"/>' for r in refs).encode()
        if b"</mergeCells>" in data:
            return data.replace(b"</mergeCells>", cells + b"</mergeCells>", 1)
        return data.replace(b"</sheetData>", b"</sheetData><mergeCells>" + cells + b"</mergeCells>", 1)
    if op < 0.8:
        b = bytearray(data)
        for _ in range(rnd.randint(1, 6)):
            if b:
                b[rnd.randrange(len(b))] = rnd.randrange(32, 127)
        return bytes(b)
    if op < 0.9:
        return data[: rnd.randrange(len(data) + 1)]
    return re.sub(rb'r="([A-Z]+)(\d+)"', lambda m: b'r="%s%d"' % (m.group(1), int(m.group(2)) * 1000),
                  data, count=rnd.randint(1, 3))


def _col(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def mutate_workbook(src: bytes, rnd: random.Random) -> bytes:
    """1–3 mutations of a workbook: its zip bytes, its parts or the XML inside them."""
    out = src
    for _ in range(rnd.randint(1, 3)):
        op = rnd.random()
        if op < 0.12:  # bytes of the zip itself
            b = bytearray(out)
            for _ in range(rnd.randint(1, 8)):
                b[rnd.randrange(len(b))] = rnd.randrange(256)
            out = bytes(b)
            continue
        if op < 0.17:
            out = out[: rnd.randrange(len(out))]
            continue
        try:
            with zipfile.ZipFile(io.BytesIO(out)) as z:
                parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
        except Exception:  # already damaged: keep the damage
            continue
        names = [n for n, _ in parts]
        target = rnd.choice([n for n in names if n.endswith(".xml")] or names)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts:
                if name == target:
                    if op < 0.25:
                        continue  # drop the part
                    data = _xml_mutation(data, rnd)
                z.writestr(name, data)
            if op > 0.97 and "xl/bomb.xml" not in names:
                z.writestr("xl/bomb.xml", b"<a>" + b" " * 80_000_000 + b"</a>")
        out = buf.getvalue()
    return out


def workbook_case(bases: list[bytes], seed: int, workdir: Path, *, slow: float = 20.0) -> Outcome:
    """Mutate one of the valid workbooks, import it; when accepted, export JSON and xlsx."""
    from dxeditor.formats.json.io import import_data
    from dxeditor.formats.xlsx.read.workbook import load_workbook_import

    rnd = random.Random(seed)
    _fresh(workdir)
    src = workdir / "in.xlsx"
    src.write_bytes(mutate_workbook(rnd.choice(bases), rnd))

    def body() -> str:
        result = load_workbook_import(src)
        doc = import_data(result.data, str(src))
        try:
            _export_all(doc, workdir, seed)
        finally:
            doc.close(keep_working_copy=False)
        return "accepted"

    return _run("workbook", seed, workdir, body, slow)


# ----------------------------------------------------------------------------- inquiry answers
def mutate_answer(src: bytes, rnd: random.Random) -> bytes:
    """An answer workbook with its cells (editable or not) or its binding data changed, or its zip."""
    if rnd.random() < 0.3:
        return mutate_workbook(src, rnd)
    import openpyxl

    from dxeditor.exchange import inquiry

    wb = openpyxl.load_workbook(io.BytesIO(src))
    for _ in range(rnd.randint(1, 3)):
        op = rnd.random()
        sheets = [n for n in (inquiry.BARS_SHEET, inquiry.PROGRESS_SHEET, inquiry.KPI_SHEET) if n in wb.sheetnames]
        if op < 0.6 and sheets:
            ws = wb[rnd.choice(sheets)]
            r = rnd.randint(inquiry.HEADER_ROW - 1, max(ws.max_row, inquiry.HEADER_ROW) + 1)
            c = rnd.randint(1, 9)
            value = rnd.choice(HOSTILE_VALUES + HOSTILE_STRINGS)
            if isinstance(value, (list, dict)):
                value = str(value)
            if isinstance(value, str):
                value = value.encode("utf-8", "replace").decode("utf-8")  # a workbook cannot carry surrogates
            try:
                ws.cell(r, c).value = value
            except Exception:  # openpyxl refuses control characters: what Excel cannot hold either
                ws.cell(r, c).value = repr(value)
        elif op < 0.85 and inquiry.BIND_SHEET in wb.sheetnames:
            ws = wb[inquiry.BIND_SHEET]
            text = "".join(str(c.value or "") for c in ws["A"])
            try:
                data = json.loads(text)
                mutate_data(data, rnd)
                text = json.dumps(data, ensure_ascii=False)
            except (ValueError, RecursionError, IndexError):
                text = text[: rnd.randrange(len(text) + 1)]
            if rnd.random() < 0.2:
                text = text[: rnd.randrange(len(text) + 1)]
            try:
                ws["A1"].value = text[:32000]
                ws["A1"].data_type = "s"
            except Exception:
                ws["A1"].value = "{}"
        elif op < 0.93:
            ws = rnd.choice(wb.worksheets)
            ws.delete_rows(rnd.randint(1, max(ws.max_row, 1)), rnd.randint(1, 3))
        else:
            ws = rnd.choice(wb.worksheets)
            ws.title = rnd.choice(["x", "工程 ", inquiry.KPI_SHEET + "2"])
    buf = io.BytesIO()
    try:
        wb.save(buf)
    except Exception:  # a value openpyxl cannot write: answer with the workbook as it was
        return src
    return buf.getvalue()


def answer_case(doc: Any, base: bytes, seed: int, workdir: Path, *, slow: float = 20.0) -> Outcome:
    """Mutate an answer workbook; check it; when it passes, apply its changes and undo them."""
    from dxeditor.exchange import inquiry
    from dxeditor.plan.editor import PlanEditor

    rnd = random.Random(seed)
    _fresh(workdir)
    src = workdir / "answer.xlsx"
    src.write_bytes(mutate_answer(base, rnd))

    def body() -> str:
        check = inquiry.check_answer(doc.session.connection(), src)
        if not check.ok:
            raise DxError("回答に誤りがあります: " + " / ".join(check.errors)[:300])
        if check.changes:
            editor = PlanEditor(doc)
            changeset, _n = editor.run("照会回答の取込", lambda rec: inquiry.apply_answers(rec, check.changes,
                                                                                         check.fiscal_year))
            if changeset:
                editor.revert(changeset)
        return "accepted"

    return _run("answer", seed, workdir, body, slow)
