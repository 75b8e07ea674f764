"""The workshop notebook runs top to bottom and shows every result as a table or a figure."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import ROOT

NOTEBOOK = ROOT / "docs" / "workshop.ipynb"


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> nbformat.NotebookNode:
    work = tmp_path_factory.mktemp("workshop")
    shutil.copy(NOTEBOOK, work)
    notebook = nbformat.read(work / NOTEBOOK.name, as_version=4)
    NotebookClient(notebook, timeout=300, resources={"metadata": {"path": str(work)}}).execute()
    notebook.metadata["work"] = str(work)
    return notebook


def test_every_result_shows_as_a_table_or_a_figure(executed: nbformat.NotebookNode) -> None:
    for cell in executed.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.outputs:
            assert output.output_type != "error", output
            data = output.get("data", {})
            if output.output_type == "execute_result":
                if {"text/html", "image/png", "image/svg+xml"} & set(data):
                    continue
                plain = data.get("text/plain", "")
                where = f"raw object text in: {cell.source[:60]}"
                assert len(plain) < 200 and "<Figure size" not in plain, where
                assert "object at 0x" not in plain, where


def test_the_workshop_writes_excel_and_the_report(executed: nbformat.NotebookNode) -> None:
    work = Path(executed.metadata["work"])
    import pandas as pd

    sheets = pd.read_excel(work / "workshop.xlsx", sheet_name=None)
    assert list(sheets) == ["profiel", "top 3", "plan", "voor en na"]
    assert len(sheets["profiel"]) == 29
    page = (work / "rapport.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Plan over alle belemmeringen" in page
