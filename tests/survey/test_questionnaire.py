"""Form embedding: JSON Schema of a submission, SurveyJS export, and parsing what forms post."""

from __future__ import annotations

import json

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from implementatie import ResponseError, load_catalog
from implementatie.survey.questionnaire import (
    parse_submission,
    questionnaire_schema,
    submission_from_flat,
    surveyjs,
)

CATALOG = load_catalog()
ITEMS = list(CATALOG.item_ids)


def test_schema_lists_every_item_with_its_text_and_codes() -> None:
    schema = questionnaire_schema("nl")
    answers = schema["$defs"]["Answers"]
    assert list(answers["properties"]) == ITEMS
    assert answers["additionalProperties"] is False
    q19 = answers["properties"]["q19"]
    assert q19["title"].startswith("Heeft het management formeel vastgelegd")
    assert q19["anyOf"][0]["enum"] == [1, 2, 3, "na"]
    assert "3 = Weet ik niet" in q19["description"]
    assert schema["required"] == ["respondent"]
    english = questionnaire_schema("en")
    assert english["$defs"]["Answers"]["properties"]["q19"]["title"].startswith("Has management")


def test_surveyjs_has_a_page_per_category_and_every_item() -> None:
    survey = surveyjs("en")
    assert [p["name"] for p in survey["pages"]] == [
        "about",
        "innovatie",
        "uitvoerder",
        "organisatie",
        "sociaal-politieke-omgeving",
    ]
    questions = [e for page in survey["pages"][1:] for e in page["elements"]]
    assert [q["name"] for q in questions] == ITEMS
    first = questions[0]
    assert first["type"] == "radiogroup"
    assert first["choices"][0] == {"value": 1, "text": "Totally disagree"}
    assert first["choices"][-1] == {"value": "na", "text": "Not applicable"}


def test_parse_submission_round_trip() -> None:
    respondent = parse_submission(
        {
            "respondent": "r7",
            "attributes": {"role": "jeugdarts"},
            "answers": {"q01": 4, "q04": "na", "q19": 3, "q02": None},
        }
    )
    assert respondent.id == "r7"
    assert dict(respondent.answers) == {"q01": 4, "q04": "na", "q19": 3}
    assert dict(respondent.attributes) == {"role": "jeugdarts"}


def test_flat_surveyjs_result_becomes_a_submission() -> None:
    flat = {"role": "teamleider", "team": "", "q01": 5, "q23": 2}
    respondent = parse_submission(submission_from_flat(flat, "abc"))
    assert dict(respondent.attributes) == {"role": "teamleider"}
    assert dict(respondent.answers) == {"q01": 5, "q23": 2}


def test_bad_submission_names_respondent_and_item() -> None:
    with pytest.raises(ResponseError) as caught:
        parse_submission({"respondent": "r7", "answers": {"q01": 9, "q77": 1}})
    problems = {p.field: p.message for p in caught.value.problems}
    assert "got 9" in problems["respondent r7, item q01"]
    assert problems["respondent r7, item q77"].startswith("unknown item 'q77'")
    with pytest.raises(ResponseError, match="respondent"):
        parse_submission({"answers": {}})


def answer_for(item: str) -> st.SearchStrategy[object]:
    fmt = CATALOG.response_format(CATALOG.item(item)[1].format)
    return st.sampled_from([*(o.code for o in fmt.options), "na"])


@given(st.fixed_dictionaries({}, optional={item: answer_for(item) for item in ITEMS}))
@settings(max_examples=60, deadline=None)
def test_every_schema_valid_submission_parses(answers: dict[str, object]) -> None:
    respondent = parse_submission({"respondent": "x", "answers": answers})
    assert dict(respondent.answers) == answers


@given(
    st.sampled_from(ITEMS),
    st.one_of(st.integers(min_value=6), st.text(min_size=2), st.floats(allow_nan=False)),
)
@settings(max_examples=60, deadline=None)
def test_invalid_values_always_get_a_clear_error(item: str, value: object) -> None:
    assume(value != "na" and not (isinstance(value, float) and value.is_integer()))
    with pytest.raises(ResponseError) as caught:
        parse_submission({"respondent": "x", "answers": {item: value}})
    assert caught.value.problems[0].field == f"respondent x, item {item}"


def test_the_innovation_can_be_named_once_for_the_whole_questionnaire() -> None:
    from implementatie.knowledge.text import name_innovation

    assert (
        name_innovation("De innovatie past bij mij.", "Triple P", "nl") == "Triple P past bij mij."
    )
    assert name_innovation("Ik werk met de innovatie.", None, "nl") == "Ik werk met de innovatie."
    assert name_innovation("The innovation fits.", " Triple P ", "en") == "Triple P fits."
    schema = questionnaire_schema("nl", innovation="de Meldcode")
    text = json.dumps(schema, ensure_ascii=False)
    assert "de innovatie" not in text.casefold() and "de Meldcode" in text
    survey = surveyjs("en", innovation="Triple P")
    titles = [e["title"] for page in survey["pages"] for e in page["elements"]]
    assert "I know enough about Triple P to carry out its steps myself." in titles
    # the schema still validates the same submissions
    assert questionnaire_schema("nl")["properties"].keys() == schema["properties"].keys()
