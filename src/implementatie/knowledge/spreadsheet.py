"""Text cells for spreadsheets: a cell a program writes never starts a formula.

A cell starting with `=`, `+`, `-`, `@` (or a tab or carriage return) runs as a formula in
Excel and LibreOffice. `cell_text` puts a `'` in front of such text; `read_cell_text` takes it
off again, so a file written and read back holds the same text.
"""

from __future__ import annotations

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell_text(text: str) -> str:
    """`text`, with a `'` in front when a spreadsheet would read it as a formula."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_START) else text


def read_cell_text(text: str) -> str:
    """The text `cell_text` was given: the `'` it added taken off again."""
    quoted = text.startswith("'") and text.lstrip("'").startswith(FORMULA_START)
    return text[1:] if quoted else text
