"""Answer files from the first edition: removed item ids get one clear error naming the new ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from implementatie import ResponseError, load_catalog, parse_submission
from implementatie.survey.importers import read_responses

CATALOG = load_catalog()
RENAMED = {"q08b": "q08c", "q13": "q13a, q13b", "q28": "q28b"}


@pytest.mark.parametrize("old", sorted(RENAMED))
def test_wide_file_with_a_removed_item_column(tmp_path: Path, old: str) -> None:
    path = tmp_path / "answers.csv"
    path.write_text(f"respondent,q01,{old}\nr1,4,4\n", encoding="utf-8")
    with pytest.raises(ResponseError) as caught:
        read_responses(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (1, 3)
    assert f"item {old!r} was removed in edition 2" in problem.message
    assert f"use instead: {RENAMED[old]} (" in problem.message


def test_long_file_with_a_removed_item(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    path.write_text("respondent,item,value\nr1,q01,4\nr1,q13,5\n", encoding="utf-8")
    with pytest.raises(ResponseError) as caught:
        read_responses(path)
    [problem] = caught.value.problems
    assert problem.line == 3
    assert "use instead: q13a, q13b (" in problem.message


def test_submission_with_a_removed_item() -> None:
    with pytest.raises(ResponseError) as caught:
        parse_submission({"respondent": "r1", "answers": {"q28": 4}}, catalog=CATALOG)
    [problem] = caught.value.problems
    assert "'q28' was removed" in problem.message and "q28b" in problem.message


def test_the_new_items_score_their_determinant() -> None:
    support = CATALOG.determinant("social_support")
    assert [i.id for i in support.items] == ["q13a", "q13b"]
    assert [i.id for i in CATALOG.determinant("outcome_expectations").items] == ["q09", "q09b"]
    drawback = CATALOG.item("q08c")[1]
    assert drawback.reversed
    assert "voortgang" in CATALOG.determinant("performance_feedback").description.nl
