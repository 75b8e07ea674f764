"""Bad answer files and API calls: one clear ImplementatieError, never a wrong result."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from implementatie import (
    ImplementatieError,
    InvalidOption,
    LookupFailed,
    ResponseError,
    assess,
    make_responses,
    parse_submission,
    questionnaire_schema,
    recommend,
    surveyjs,
)
from implementatie.knowledge.limits import MAX_ANSWERS_BYTES
from implementatie.survey.csv_files import read_csv
from implementatie.survey.exports import read_export, template
from tests.conftest import EXAMPLE

HEADER = EXAMPLE.read_text(encoding="utf-8").splitlines()[4]


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def first_problem(path: Path, mapping: Path | None = None) -> str:
    with pytest.raises(ResponseError) as caught:
        read_export(path, mapping) if mapping else read_csv(path)
    return str(caught.value.problems[0])


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("respondent,q01,q02,q01", "column 'q01' has the same name as column 2 ('q01')"),
        ("respondent,team,q01,Team", "column 'Team' has the same name as column 2 ('team')"),
        ("respondent,item,value,role,ROLE ", "column 'ROLE' has the same name as column 4"),
    ],
)
def test_issue_10_duplicate_columns_are_an_error(tmp_path: Path, header: str, message: str) -> None:
    # Reproduction 5: the second column silently replaced the first.
    cells = ",".join(["r1", *(["3"] * (header.count(",")))])
    assert message in first_problem(write(tmp_path / "a.csv", header, cells))


def test_issue_10_long_mapping_matches_item_text_ignoring_case(tmp_path: Path) -> None:
    # Reproduction 8: item texts differing in case dropped every row: "0 respondenten", exit 0.
    rows = [f"r{i},VRAAG 23,2" for i in range(6)]
    export = write(tmp_path / "long.csv", "id,vraag,antwoord", *rows)
    mapping = write(
        tmp_path / "m.yaml",
        "tool: long",
        "respondent: id",
        "item_column: vraag",
        "value_column: antwoord",
        "items: {q23: Vraag 23}",
    )
    responses = read_export(export, mapping)
    assert len(responses) == 6 and responses.respondents[0].answers == {"q23": 2}


def test_a_file_without_respondents_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(template("wide"), encoding="utf-8")
    assert "no respondents found in the file" in first_problem(path)


def test_issue_10_endless_answers_file_is_refused() -> None:
    # Reproduction 6: `assess /dev/zero` ran out of memory.
    with pytest.raises(ResponseError, match="larger than 50 MB"):
        read_csv("/dev/zero")
    assert MAX_ANSWERS_BYTES == 50 * 1024 * 1024


def test_issue_10_newline_in_respondent_id_cannot_fake_error_lines(tmp_path: Path) -> None:
    # Reproduction 8: a newline in a respondent id faked extra error lines.
    path = write(tmp_path / "a.csv", "respondent,q23", '"r1\nfake.csv:9: all is well",9')
    with pytest.raises(ResponseError) as caught:
        read_csv(path)
    message = str(caught.value)
    assert message.count("\n") == 1 and "r1\\nfake.csv:9" in message


@pytest.mark.parametrize(
    "call",
    [
        lambda: make_responses({"": {"q01": 3}}),  # empty id
        lambda: make_responses({"r1": {"q01": math.inf}}),  # OverflowError before
        lambda: make_responses({"r1": {1: 3}}),  # type: ignore[dict-item]  # TypeError before
        lambda: assess(make_responses({"r1": {"q01": 3}}), min_group_size="5"),  # type: ignore[arg-type]
        lambda: surveyjs("de"),  # type: ignore[arg-type]  # KeyError before
        lambda: questionnaire_schema("de"),  # type: ignore[arg-type]  # English before
        lambda: recommend([19], max_effort="extreme"),  # type: ignore[arg-type]
        lambda: assess(make_responses({"r1": {"q01": 3}})).result("x"),  # StopIteration before
        lambda: parse_submission({"respondent": "x", "answers": {"q01": _nested(5000)}}),
    ],
)
def test_issue_10_public_functions_raise_only_library_errors(call) -> None:
    # Reproduction 7: pydantic ValidationError, OverflowError, TypeError, KeyError,
    # StopIteration and RecursionError escaped from the Python API.
    with pytest.raises(ImplementatieError):
        call()


def test_bad_arguments_name_the_parameter() -> None:
    with pytest.raises(
        InvalidOption, match=r"assess: min_group_size input should be a valid integer \(got '5'\)"
    ):
        assess(make_responses({"r1": {"q01": 3}}), min_group_size="5")  # type: ignore[arg-type]
    with pytest.raises(LookupFailed, match="unknown determinant 'x'"):
        assess(make_responses({"r1": {"q01": 3}})).result("x")


def test_issue_10_schema_and_parser_agree_on_whole_floats() -> None:
    # Reproduction 7: {"q01": 4.0} was valid under the JSON Schema but rejected by the parser.
    assert parse_submission({"respondent": "x", "answers": {"q01": 4.0}}).answers == {"q01": 4}
    for wrong in (4.5, True):
        with pytest.raises(ResponseError):
            parse_submission({"respondent": "x", "answers": {"q01": wrong}})


def _nested(depth: int) -> list[object]:
    value: list[object] = []
    for _ in range(depth):
        value = [value]
    return value
