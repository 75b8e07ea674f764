"""Action plans written as CSV or Excel never turn a team's text into a formula."""

from __future__ import annotations

import csv
import io

import pytest

from implementatie import action_plan, plan, read_action_plan, write_action_plan
from implementatie.advice.action_plan_files import csv_text
from implementatie.knowledge.spreadsheet import cell_text, read_cell_text

FORMULAS = ['=HYPERLINK("http://x","klik")', "+1", "-2 keer", "@SUM(A1)"]


@pytest.mark.parametrize("text", [*FORMULAS, "gewoon", "'=al gequote", ""])
def test_cell_text_reads_back(text: str) -> None:
    assert read_cell_text(cell_text(text)) == text
    assert not cell_text(text).startswith(("=", "+", "-", "@"))


def edited_plan():
    chosen = action_plan(plan([19, 23]))
    first, *rest = chosen.steps
    steps = (first.model_copy(update={"actor": FORMULAS[0], "dose": FORMULAS[2]}), *rest)
    return chosen.model_copy(update={"steps": steps})


def test_csv_has_no_formula_cells() -> None:
    cells = [cell for row in csv.reader(io.StringIO(csv_text(edited_plan()))) for cell in row]
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert "'" + FORMULAS[0] in cells


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_formula_like_text_reads_back_unchanged(tmp_path, suffix: str) -> None:
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    edited = edited_plan()
    path = tmp_path / f"plan{suffix}"
    write_action_plan(edited, path)
    assert read_action_plan(path) == edited
