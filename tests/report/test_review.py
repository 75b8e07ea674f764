"""Expert review: export the top-3 lists, read scored workbooks back into agreement per link."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest

from implementatie import ImplementatieError, load_catalog
from implementatie.cli import main
from implementatie.errors import ReviewError
from implementatie.report.review import COLUMNS, SHEET, read_reviews, write_review

CATALOG = load_catalog()
JUDGEMENT = COLUMNS.index("judgement") + 1
ALTERNATIVE = COLUMNS.index("better_alternative") + 1


@pytest.fixture(scope="module")
def blank(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("review") / "blank.xlsx"
    write_review(path, catalog=CATALOG)
    return path


def scored(blank: Path, folder: Path, name: str, cells: dict[tuple[int, int], object]) -> Path:
    """A copy of the blank workbook with some cells filled in, as a reviewer would."""
    workbook = openpyxl.load_workbook(blank)
    sheet = workbook[SHEET]
    for (row, column), value in cells.items():
        sheet.cell(row=row, column=column, value=value)
    path = folder / f"{name}.xlsx"
    workbook.save(path)
    return path


def test_the_sheet_lists_every_top_three_link_with_reason_and_basis(blank: Path) -> None:
    sheet = openpyxl.load_workbook(blank)[SHEET]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + 29 * 3
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["determinant"] == "procedural_clarity" and first["place"] == 1
    ratification = [
        dict(zip(COLUMNS, r, strict=True))["strategy"]
        for r in rows
        if r[0] == "formal_ratification"
    ]
    assert "leaders_lead_by_example" in ratification
    assert all(r[COLUMNS.index("basis")] for r in rows[1:])
    assert all(r[COLUMNS.index("reason")] for r in rows[1:])


def test_agreement_per_link_with_the_consensus_boundary(blank: Path, tmp_path: Path) -> None:
    # row 2 is the first link: 3 of 4 agree = 75 % (consensus); row 3: 2 of 3 = 67 % (none)
    files = [
        scored(blank, tmp_path, "a", {(2, JUDGEMENT): "eens", (3, JUDGEMENT): "eens"}),
        scored(blank, tmp_path, "b", {(2, JUDGEMENT): "Agree", (3, JUDGEMENT): "agree"}),
        scored(
            blank,
            tmp_path,
            "c",
            {
                (2, JUDGEMENT): "eens",
                (3, JUDGEMENT): "oneens",
                (3, ALTERNATIVE): "remind_professionals",
            },
        ),
        scored(
            blank,
            tmp_path,
            "d",
            {
                (2, JUDGEMENT): "oneens",
                (2, ALTERNATIVE): "Herinneringen op het moment van handelen",
            },
        ),
    ]
    agreement = read_reviews(files, catalog=CATALOG)
    assert agreement.reviewers == ("a", "b", "c", "d")
    first, second, third = agreement.links[:3]
    assert (first.agree, first.disagree, first.agreement, first.consensus) == (3, 1, 0.75, True)
    assert first.alternatives == (("remind_professionals", 1),)
    assert (second.agree, second.disagree, second.consensus) == (2, 1, False)
    assert second.alternatives == (("remind_professionals", 1),)
    assert (third.scored, third.agreement, third.consensus) == (0, None, False)
    assert second in agreement.without_consensus and third not in agreement.without_consensus


def test_every_problem_is_reported_with_file_row_and_column(blank: Path, tmp_path: Path) -> None:
    bad = scored(
        blank,
        tmp_path,
        "bad",
        {
            (2, JUDGEMENT): "misschien",
            (3, ALTERNATIVE): "no_such_strategy",
            (4, 4): "mandate_change",  # not in the top 3 of that determinant
            (5, ALTERNATIVE): "living_work_card",  # removed: named with its replacement
        },
    )
    with pytest.raises(ReviewError) as caught:
        read_reviews([bad], catalog=CATALOG)
    found = {(p.line, p.column): p.message for p in caught.value.problems}
    assert found[(2, JUDGEMENT)].startswith("judgement 'misschien'")
    assert "unknown strategy 'no_such_strategy'" in found[(3, ALTERNATIVE)]
    assert "'mandate_change' is not in the top 3" in found[(4, None)]
    assert "use instead: develop_educational_materials" in found[(5, ALTERNATIVE)]
    assert len(found) == 4


def test_a_file_without_the_sheet_or_not_a_workbook(tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    text = tmp_path / "notes.xlsx"
    text.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ReviewError) as caught:
        read_reviews([other, text], catalog=CATALOG)
    messages = sorted(p.message for p in caught.value.problems)
    assert messages == ["no sheet 'top3'", "this is not an Excel workbook (.xlsx)"]
    with pytest.raises(ReviewError) as caught:
        read_reviews([tmp_path / "missing.xlsx", tmp_path], catalog=CATALOG)
    messages = sorted(p.message for p in caught.value.problems)
    assert messages == ["file not found", "this is a folder, not a file"]


def test_without_openpyxl_the_error_says_what_to_install(
    blank: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImplementatieError, match=r"implementatie\[review\]"):
        read_reviews([blank])


def test_command_line_export_and_import(blank: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "panel.xlsx"
    assert main(["review", "export", "-o", str(out), "--lang", "en"]) == 0
    assert "87 links" in capsys.readouterr().out
    sheet = openpyxl.load_workbook(out)[SHEET]
    assert sheet.data_validations.dataValidation[0].formula1 == '"agree,disagree"'
    one = scored(out, tmp_path, "jansen", {(2, JUDGEMENT): "agree"})
    assert main(["review", "import", str(one), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["reviewers"] == ["jansen"]
    assert data["links"][0]["agreement"] == 100.0 and data["links"][0]["consensus"]
    assert main(["review", "import", "--lang", "en"]) == 1
    assert "needs the scored .xlsx files" in capsys.readouterr().err
