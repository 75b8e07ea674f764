"""The fast CSV path: what it reads itself, and every case where it leaves the file to the full
reader (None). `test_streaming.py` checks big files against a reference reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from implementatie import load_catalog
from implementatie.survey.csv_stream import stream_csv
from implementatie.survey.responses import ATTRIBUTES, Responses

CATALOG = load_catalog()


def stream(tmp_path: Path, text: str, attributes: tuple[str, ...] = ATTRIBUTES) -> Responses | None:
    path = tmp_path / "answers.csv"
    path.write_text(text, encoding="utf-8")
    return stream_csv(path, CATALOG, attributes)


def answers(found: Responses | None) -> dict[str, dict[str, object]]:
    assert found is not None, "the fast path reads this file"
    return {r.id: dict(r.answers) for r in found.respondents}


def attributes(found: Responses | None) -> dict[str, dict[str, str]]:
    assert found is not None, "the fast path reads this file"
    return {r.id: dict(r.attributes) for r in found.respondents}


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_wide_file_with_any_separator(tmp_path: Path, sep: str) -> None:
    text = sep.join(["respondent", "q01", "q02"]) + "\n"
    text += sep.join(["r1", "4", " 2 "]) + "\n" + sep.join(["r2", "na", ""]) + "\n"
    assert answers(stream(tmp_path, text)) == {"r1": {"q01": 4, "q02": 2}, "r2": {"q01": "na"}}


def test_a_header_without_separator_is_one_column(tmp_path: Path) -> None:
    assert stream(tmp_path, "respondent\nr1\n") is not None
    assert len(stream(tmp_path, "respondent\nr1\nr2\n") or ()) == 2


def test_comment_and_blank_lines_before_the_header_are_skipped(tmp_path: Path) -> None:
    text = "# exported 3 December\n\n   \nrespondent,q01\nr1,5\n"
    assert answers(stream(tmp_path, text)) == {"r1": {"q01": 5}}


def test_a_comment_line_after_the_header_is_not_skipped(tmp_path: Path) -> None:
    assert stream(tmp_path, "respondent,q01\n# note,5\n") is not None
    assert answers(stream(tmp_path, "respondent,q01\n# note,5\n")) == {"# note": {"q01": 5}}


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing at all
        "# only a comment\n\n",
        "respondent,q01\n",  # a header and no respondents
        "respondent,q01\n\n\n",
    ],
)
def test_a_file_without_respondents_goes_to_the_full_reader(tmp_path: Path, text: str) -> None:
    assert stream(tmp_path, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "respondent,q01,Q01\nr1,1,2\n",  # the same column twice (any case)
        "respondent,Respondent\nr1,r2\n",
        "q01,q02\n1,2\n",  # no respondent column
        "respondent,q01,unknown\nr1,1,x\n",  # a column that is no item or attribute
        "respondent,q01\nr1,7\n",  # not an answer of the item
        "respondent,q01\n ,1\n",  # an empty respondent id
        "respondent,q01\nr1,1\nr1,2\n",  # a respondent twice
        "respondent,q01\nr1,1\nr2\n",  # a short row that is not blank
        "respondent,q01\nr1,1,5\n",  # a long row
    ],
)
def test_anything_wrong_in_a_wide_file_goes_to_the_full_reader(tmp_path: Path, text: str) -> None:
    assert stream(tmp_path, text) is None


def test_blank_rows_between_respondents_are_left_out(tmp_path: Path) -> None:
    text = "respondent,q01,q02\nr1,1,2\n\n , \n  \nr2,3,4\n"
    assert answers(stream(tmp_path, text)) == {
        "r1": {"q01": 1, "q02": 2},
        "r2": {"q01": 3, "q02": 4},
    }


def test_wide_attributes_are_read_when_asked_for(tmp_path: Path) -> None:
    text = "respondent,Role,team,q01\nr1, nurse ,a,1\nr2,,b,2\nr3,nurse,,3\n"
    assert attributes(stream(tmp_path, text)) == {
        "r1": {"role": "nurse", "team": "a"},
        "r2": {"team": "b"},
        "r3": {"role": "nurse"},
    }
    assert stream(tmp_path, text, ("team",)) is None  # role is then an unknown column


def test_a_long_file(tmp_path: Path) -> None:
    text = (
        "respondent,item,value,team\n"
        "r2,q02,3,b\n"
        "r1,q01,5,a\n"
        "r2, q01 ,na,b\n"  # an item id with spaces around it
        "r1,q02,,\n"  # an empty answer; the team given on another row
    )
    found = stream(tmp_path, text)
    assert answers(found) == {"r2": {"q02": 3, "q01": "na"}, "r1": {"q01": 5}}
    assert attributes(found) == {"r2": {"team": "b"}, "r1": {"team": "a"}}
    assert found is not None and list(found.ids) == ["r2", "r1"]


def test_a_long_file_with_the_attribute_first_missing_then_given(tmp_path: Path) -> None:
    text = "respondent,item,value,team\nr1,q01,5,\nr1,q02,4,a\n"
    assert attributes(stream(tmp_path, text)) == {"r1": {"team": "a"}}


@pytest.mark.parametrize(
    "text",
    [
        "respondent,item,value\nr1,q01,1\nr1,q01,2\n",  # the same item answered twice
        "respondent,item,value\nr1,q01,1\nr1,q01,1\n",
        "respondent,item,value,team\nr1,q01,1,a\nr1,q02,1,b\n",  # two teams for one respondent
        "respondent,item,value\nr1,nope,1\n",  # an unknown item
        "respondent,item,value\nr1,q01,9\n",  # not an answer of the item
        "respondent,item,value\n  ,q01,1\n",  # an empty respondent id
        "respondent,item,value,extra\nr1,q01,1,x\n",  # a column that is not asked for
        "respondent,item,value\nr1,q01\n",  # a short row
    ],
)
def test_anything_wrong_in_a_long_file_goes_to_the_full_reader(tmp_path: Path, text: str) -> None:
    assert stream(tmp_path, text) is None


def test_a_long_file_with_the_same_team_on_every_row(tmp_path: Path) -> None:
    text = "respondent,item,value,team\nr1,q01,1,a\nr1,q02,1,a\nr2,q01,2,b\n"
    assert attributes(stream(tmp_path, text)) == {"r1": {"team": "a"}, "r2": {"team": "b"}}


def test_what_is_not_a_readable_file_goes_to_the_full_reader(tmp_path: Path) -> None:
    assert stream_csv(tmp_path, CATALOG, ATTRIBUTES) is None  # a folder
    assert stream_csv(tmp_path / "missing.csv", CATALOG, ATTRIBUTES) is None
    latin = tmp_path / "latin.csv"
    latin.write_bytes("respondent,q01\nr\xe9,1\n".encode("latin-1"))
    assert stream_csv(latin, CATALOG, ATTRIBUTES) is None


def test_a_byte_order_mark_is_not_part_of_the_header(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_text("respondent,q01\nr1,2\n", encoding="utf-8-sig")
    assert answers(stream_csv(path, CATALOG, ATTRIBUTES)) == {"r1": {"q01": 2}}


def test_the_source_is_the_path(tmp_path: Path) -> None:
    found = stream(tmp_path, "respondent,q01\nr1,2\n")
    assert found is not None and found.source == str(tmp_path / "answers.csv")
