"""Reading and checking answers: numbers as floats, missing values, duplicates, messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from implementatie import Problem, ResponseError, load_catalog, read_responses
from implementatie.survey.assessment import assess
from implementatie.survey.responses import (
    AttributeColumn,
    RawRespondent,
    coerce_answer,
    make_responses,
    validate_respondents,
)

CATALOG = load_catalog()
_, AGREE_ITEM = CATALOG.item("q01")
AGREE = CATALOG.response_format("agreement")
_, YES_NO_ITEM = CATALOG.item("q19")
YES_NO = CATALOG.response_format("yes_no_dont_know")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (4, 4),
        (4.0, 4),  # spreadsheets and pandas give whole numbers as floats
        (1.0, 1),
        (float("nan"), None),  # pandas' empty cell
        (None, None),
        ("4.0", 4),
        (" 5 ", 5),
        ("", None),
        ("NaN", None),
        ("-99", None),
        ("nvt", "na"),
        ("Mee eens", 4),
        ("totally agree", 5),
    ],
)
def test_coerce_answer_reads(raw: object, expected: object) -> None:
    assert coerce_answer(raw, AGREE_ITEM, AGREE) == expected


AGREE_NAME = "Five-point agreement scale"
ALLOWED_AGREE = (
    "allowed: 1 (Totally disagree), 2 (Disagree), 3 (Neither agree nor disagree), 4 (Agree), "
    "5 (Totally agree), or na (not applicable), or empty"
)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (4.5, f"4.5 is not a code of 'Five-point agreement scale'; {ALLOWED_AGREE}"),
        (6, f"6 is not a code of 'Five-point agreement scale'; {ALLOWED_AGREE}"),
        (float("inf"), "expected an answer code or label, got inf"),
        (float("-inf"), "expected an answer code or label, got -inf"),
        ("-1", f"-1 is not a code of 'Five-point agreement scale'; {ALLOWED_AGREE}"),
        ("7.0", f"7 is not a code of 'Five-point agreement scale'; {ALLOWED_AGREE}"),
        ("misschien", f"'misschien' is not an answer to item 'q01'; {ALLOWED_AGREE}"),
        (True, "expected an answer code or label, got True"),
        ([4], "expected an answer code or label, got list"),
    ],
)
def test_coerce_answer_rejects_with_a_message_listing_what_is_allowed(
    raw: object, message: str
) -> None:
    with pytest.raises(ValueError) as caught:
        coerce_answer(raw, AGREE_ITEM, AGREE)
    assert str(caught.value) == message


def test_allowed_answers_of_a_yes_no_item() -> None:
    with pytest.raises(ValueError) as caught:
        coerce_answer("soms", YES_NO_ITEM, YES_NO)
    assert str(caught.value) == (
        "'soms' is not an answer to item 'q19'; allowed: 1 (Yes), 2 (No), "
        "3 (Don't know), or na (not applicable), or empty"
    )
    # both languages are accepted as answers, though a message shows the reader's only
    assert coerce_answer("Nee", YES_NO_ITEM, YES_NO) == coerce_answer("No", YES_NO_ITEM, YES_NO)


def test_an_infinite_answer_is_a_clear_error_not_an_overflow() -> None:
    with pytest.raises(
        ResponseError, match="respondent r1, item q01: expected an answer code or label, got inf"
    ):
        make_responses({"r1": {"q01": float("inf")}})


def test_float_answers_count_and_nan_is_missing() -> None:
    answers = {f"r{i}": {"q23": 2.0, "q17": float("nan")} for i in range(5)}
    responses = make_responses(answers)
    assert [dict(r.answers) for r in responses.respondents] == [{"q23": 2}] * 5
    assessment = assess(responses)
    assert (assessment.result("time_available").n, assessment.result("time_available").status) == (
        5,
        "barrier",
    )
    assert assessment.result("knowledge").n == 0


def raw(rid: str, line: int | None, **answers: object) -> RawRespondent:
    return RawRespondent(rid, answers, {}, ("team.csv", line))


def problems(entries: list[RawRespondent]) -> list[Problem]:
    with pytest.raises(ResponseError) as caught:
        validate_respondents(entries, CATALOG)
    return list(caught.value.problems)


def test_duplicate_respondent_names_both_lines() -> None:
    found = problems([raw("anna", 2, q01=4), raw("ben", 3, q01=5), raw("anna", 4, q01=3)])
    assert found == [
        Problem("team.csv", 4, None, "respondent anna", "duplicate respondent (first at line 2)")
    ]


def test_duplicate_respondent_without_line_numbers() -> None:
    found = problems([raw("anna", None, q01=4), raw("anna", None, q01=3)])
    assert found == [Problem("team.csv", None, None, "respondent anna", "duplicate respondent")]


def test_checking_goes_on_after_a_duplicate() -> None:
    found = problems([raw("anna", 2), raw("anna", 3), raw("ben", 4, q01=9), raw("ben", 5)])
    assert [(p.line, p.field, p.message.split(";")[0]) for p in found] == [
        (3, "respondent anna", "duplicate respondent (first at line 2)"),
        (4, "respondent ben, item q01", "9 is not a code of 'Five-point agreement scale'"),
        (5, "respondent ben", "duplicate respondent (first at line 4)"),
    ]


def test_duplicate_respondent_in_a_csv_file(tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("respondent,q01\nanna,4\nben,5\nanna,3\n", encoding="utf-8")
    with pytest.raises(ResponseError) as caught:
        read_responses(path)
    assert caught.value.problems == (
        Problem(str(path), 4, None, "respondent anna", "duplicate respondent (first at line 2)"),
    )


def test_problem_names_the_line_and_column_an_answer_came_from() -> None:
    entry = RawRespondent(
        "anna",
        {"q01": 9, "q02": 4, "q03": "x"},
        {},
        ("export.csv", 2),
        columns={"q01": "Vraag 1"},
        lines={"q01": 12},
    )
    found = problems([entry])
    assert [(p.file, p.line, p.field) for p in found] == [
        ("export.csv", 2, "respondent anna, item q03"),
        ("export.csv", 12, "respondent anna, item q01 (column 'Vraag 1')"),
    ]


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("zzz", "unknown item 'zzz'"),
        (
            "q15_colleague",
            "unknown item 'q15_colleague'; did you mean q15_colleagues, q15_colleagues_motivation?",
        ),
        ("q08", "unknown item 'q08'; did you mean q08c, q08a, q20?"),  # at most three
    ],
)
def test_unknown_item_suggests_close_ids(item: str, message: str) -> None:
    found = problems([raw("anna", 2, **{item: 4})])
    assert [p.message for p in found] == [message]


def test_responses_keep_order_source_and_attributes() -> None:
    responses = make_responses(
        {"b": {"q01": 4}, "a": {"q01": "na"}},
        attributes={"b": {"role": "arts"}, "a": {"role": "verpleegkundige", "team": "Noord"}},
    )
    assert [r.id for r in responses.respondents] == ["b", "a"]
    assert responses.source == "<answers>"
    assert len(responses) == 2
    assert responses.attribute_values("role") == ["arts", "verpleegkundige"]
    assert responses.attribute_values("team") == ["Noord"]
    assert dict(responses.respondents[1].answers) == {"q01": "na"}


def test_an_empty_respondent_id_is_named_and_checking_goes_on() -> None:
    found = problems([raw(" ", 2, q01=4), raw("ben", 3, q01=9)])
    assert [(p.file, p.line, p.column, p.field, p.message.split(";")[0]) for p in found] == [
        ("team.csv", 2, None, "respondent", "empty respondent id"),
        ("team.csv", 3, None, "respondent ben, item q01", f"9 is not a code of {AGREE_NAME!r}"),
    ]


@pytest.mark.parametrize(
    ("count", "typecode"), [(255, "B"), (256, "H"), (65535, "H"), (65536, "I")]
)
def test_attribute_codes_widen_when_the_values_no_longer_fit(count: int, typecode: str) -> None:
    """Code 0 is "not given", so one byte holds 255 values, two bytes 65535."""
    column = AttributeColumn()
    for i in range(count):
        code = column.code(f"v{i}")  # before `column.codes` is read: it may be replaced
        column.codes.append(code)
    assert column.codes.typecode == typecode
    assert [column.values[c] for c in column.codes] == [f"v{i}" for i in range(count)]
    assert column.code("v0") == 1 and column.code("") == 0
