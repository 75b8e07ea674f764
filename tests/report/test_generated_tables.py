"""Tables on the generated docs pages are well formed: every row has the header's cells.

Markdown renderers drop the cells past the header's count without a word, so a stray `|` in a
cell loses text silently; this counts the cells in the Markdown source instead."""

from __future__ import annotations

import re

import pytest

from implementatie import Catalog
from implementatie.report.catalogue_pages import determinants_page, fields_page, strategies_page
from implementatie.report.tables import markdown_table

# A pipe splits cells unless an odd number of backslashes stands before it.
SPLIT = re.compile(r"(?<!\\)(?:\\\\)*\|")


def cells(row: str) -> int:
    return len(SPLIT.split(row.strip().strip("|"))) if row.strip() else 0


def table_shapes(page: str) -> list[list[int]]:
    """The number of cells of each row, per Markdown table (runs of lines starting with |)."""
    tables: list[list[int]] = []
    inside = False
    for line in page.splitlines():
        if line.startswith("|"):
            if not inside:
                tables.append([])
            tables[-1].append(cells(line))
        inside = line.startswith("|")
    return tables


def test_the_check_sees_a_broken_row() -> None:
    """Guard the guard: a pipe in a cell, or one after an escaped backslash, adds a cell."""
    assert table_shapes("| a | b |\n|---|---|\n| x | y | z |\n") == [[2, 2, 3]]
    assert table_shapes("| a | b |\n|---|---|\n| x \\\\| y | z |\n") == [[2, 2, 3]]
    assert table_shapes(markdown_table(["a", "b"], [["x | y", "z"]])) == [[2, 2, 2]]


@pytest.mark.parametrize("page", ["determinants", "strategies", "fields"])
def test_generated_pages_have_well_formed_tables(catalog: Catalog, page: str) -> None:
    text = {
        "determinants": lambda: determinants_page(catalog),
        "strategies": lambda: strategies_page(catalog),
        "fields": fields_page,
    }[page]()
    tables = table_shapes(text)
    assert tables, "the page has tables"
    for rows in tables:
        assert len(set(rows)) == 1, f"rows with different numbers of cells: {rows}"
