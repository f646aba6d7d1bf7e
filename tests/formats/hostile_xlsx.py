"""Hostile workbooks made by rewriting the parts of a valid one (tests and the fuzz run)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

Edit = Callable[[str, bytes], bytes | None]


def rewrite(src: Path, dst: Path, edit: Edit, *, extra: dict[str, bytes] | None = None) -> Path:
    """Copy the workbook ``src`` to ``dst`` part by part; ``edit(name, data)`` returns the new
    data of a part (None drops it). ``extra`` parts are added at the end."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = edit(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            zout.writestr(name, data)
    return dst


def sheet_edit(sheet: str, change: Callable[[bytes], bytes]) -> Edit:
    """An edit that changes only the part ``xl/worksheets/<sheet>.xml``."""
    def edit(name: str, data: bytes) -> bytes:
        return change(data) if name == f"xl/worksheets/{sheet}.xml" else data
    return edit


def with_merges(refs: list[str]) -> Callable[[bytes], bytes]:
    """Add merged ranges (``A1:C3`` …) to a sheet, after any it has."""
    cells = "".join(f'<mergeCell ref="{r}"/>' for r in refs).encode()

    def change(xml: bytes) -> bytes:
        if b"</mergeCells>" in xml:
            return xml.replace(b"</mergeCells>", cells + b"</mergeCells>")
        return xml.replace(b"</sheetData>", b"</sheetData><mergeCells>" + cells + b"</mergeCells>")
    return change


def with_doctype(xml: bytes) -> bytes:
    """An entity-expansion (billion laughs) header in front of a part."""
    head = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    return head + xml.split(b"?>", 1)[-1]


def with_rows(n: int) -> Callable[[bytes], bytes]:
    """``n`` more (empty-valued) rows at the end of the sheet data: small compressed, long to read."""
    def change(xml: bytes) -> bytes:
        rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
                        for r in range(10_000, 10_000 + n))
        return xml.replace(b"</sheetData>", rows + b"</sheetData>").replace(b"<sheetData/>",
                                                                          b"<sheetData>" + rows + b"</sheetData>")
    return change
