"""How every workbook the product writes stores text a person typed: as text, never as a formula.

One policy for the three writers (the main export and the audit log with XlsxWriter, the
department inquiry workbooks with openpyxl):

- a user string is stored as a string cell (``t="s"`` / ``t="inlineStr"``), so ``=cmd|' /C
  calc'!A0``, ``=WEBSERVICE(…)``, ``+1``, ``-1+2``, ``@SUM(A1)`` and ``#N/A`` stay text;
- the characters XML 1.0 cannot carry are replaced (lone surrogates by U+FFFD, other C0 controls
  removed; vertical tab and form feed, Word's line and page breaks, become a line break) and
  CR LF / CR become LF, which is what a reader gets back after the XML round trip anyway;
- text longer than Excel's 32,767 characters per cell is cut there (the caller is told);
- a string that Excel would read as a formula once someone edits the cell (it starts with
  ``= + - @`` or a tab/CR before one) gets the quote prefix: Excel shows it as text and keeps it
  text when the cell is edited and confirmed.

:func:`cell_text` gives the exact text that is written, so a writer that records a checksum
of what it wrote (the inquiry workbooks do) records the same text a reader gets back.
"""

from __future__ import annotations

import re
from typing import Any

#: Excel's limit of characters in one cell.
MAX_CELL_CHARS = 32767

#: XlsxWriter options every XlsxWriter workbook of the product is opened with.
XLSXWRITER_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
}

_FORMULA_LEAD = re.compile(r"^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BREAKS = {"\x0b": "\n", "\x0c": "\n"}


def _replace(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _BREAKS:
        return _BREAKS[ch]
    if "\ud800" <= ch <= "\udfff":
        return "\ufffd"
    return ""


def cell_text(value: Any) -> str:
    """The text a workbook cell gets for ``value`` (see the module docstring)."""
    text = "" if value is None else str(value)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub(_replace, text)
    return text[:MAX_CELL_CHARS]


def looks_like_formula(text: str) -> bool:
    """Whether Excel would take ``text`` for a formula if it were typed into a cell."""
    return bool(_FORMULA_LEAD.match(text))


def set_text(cell: Any, value: Any) -> str:
    """Store ``value`` in an openpyxl ``cell`` as a string cell; returns the text stored.

    openpyxl turns any string starting with ``=`` into a formula (and ``#N/A`` into an error)
    when it is assigned; the data type is forced back to a string afterwards.
    """
    text = cell_text(value)
    cell.value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True
    return text


def write_text(ws: Any, row: int, col: int, value: Any, fmt: Any = None) -> int:
    """Write ``value`` to an XlsxWriter worksheet as a string cell (never a formula)."""
    return ws.write_string(row, col, cell_text(value), fmt)


def header_footer_text(value: Any) -> str:
    """User text for a page header or footer: ``&`` is a control character there."""
    return cell_text(value).replace("&", "&&")


def written_line(line: list[Any]) -> list[Any]:
    """A line as the workbook holds it (texts as :func:`cell_text` writes them), so that the
    checksums and old values kept on the binding sheet match what an answer reads back."""
    return [cell_text(v) if isinstance(v, str) else v for v in line]


def hidden_list_range(wb: Any, values: list[str]) -> str:
    """The values of a drop-down list as text cells on the hidden ``_lists`` sheet; the range."""
    ws = wb["_lists"] if "_lists" in wb.sheetnames else wb.create_sheet("_lists")
    ws.sheet_state = "hidden"
    ws.protection.sheet = True
    col = ws.max_column + 1 if ws.max_row > 1 or ws["A1"].value is not None else 1
    for i, v in enumerate(values, start=1):
        set_text(ws.cell(i, col), v)
    letter = ws.cell(1, col).column_letter
    return f"'_lists'!${letter}$1:${letter}${max(len(values), 1)}"
