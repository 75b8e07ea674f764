"""Model rules that hold for any catalogue, bundled or not."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from implementatie import Text
from implementatie.knowledge.models import Item, Link, ResponseFormat, ResponseOption, Strategy

TEXT = {"nl": "Tekst", "en": "Text"}


def test_text_needs_both_languages_and_no_empty_strings() -> None:
    assert Text(nl="Kennis", en="Knowledge").in_("en") == "Knowledge"
    with pytest.raises(ValidationError):
        Text.model_validate({"nl": "Kennis"})
    with pytest.raises(ValidationError):
        Text(nl="  ", en="Knowledge")
    with pytest.raises(ValidationError):
        Text.model_validate({"nl": "a", "en": "b", "de": "c"})


def test_models_are_frozen() -> None:
    text = Text(nl="a", en="b")
    with pytest.raises(ValidationError):
        text.nl = "c"  # type: ignore[misc]


def test_option_has_a_score_or_is_dont_know() -> None:
    ResponseOption(code=3, label=Text(**TEXT), dont_know=True)
    with pytest.raises(ValidationError, match="either a score"):
        ResponseOption(code=3, label=Text(**TEXT))
    with pytest.raises(ValidationError, match="either a score"):
        ResponseOption(code=3, label=Text(**TEXT), score=2, dont_know=True)


def test_response_format_codes_are_unique() -> None:
    option = {"code": 1, "score": 1, "label": TEXT}
    with pytest.raises(ValidationError, match="unique"):
        ResponseFormat.model_validate({"id": "f", "name": TEXT, "options": [option, option]})


def test_motivation_item_needs_referent() -> None:
    with pytest.raises(ValidationError, match="referent"):
        Item.model_validate({"id": "q", "text": TEXT, "format": "agreement", "motivation": True})


def test_top_only_on_weight_three() -> None:
    Link.model_validate(
        {
            "determinant": "knowledge",
            "weight": 3,
            "top": 1,
            "rationale": TEXT,
            "basis": "practice_judgement",
        }
    )
    with pytest.raises(ValidationError, match="weight 3"):
        Link.model_validate(
            {
                "determinant": "knowledge",
                "weight": 2,
                "top": 1,
                "rationale": TEXT,
                "basis": "practice_judgement",
            }
        )


def _strategy(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": "s",
        "name": TEXT,
        "description": TEXT,
        "cluster": "c",
        "level": "team",
        "effort": "low",
        "references": ["x"],
        "links": [
            {
                "determinant": "knowledge",
                "weight": 2,
                "rationale": TEXT,
                "basis": "practice_judgement",
            }
        ],
    }
    data.update(changes)
    return data


def test_strategy_needs_a_source_and_links_each_determinant_once() -> None:
    Strategy.model_validate(_strategy())
    with pytest.raises(ValidationError, match="needs a source"):
        Strategy.model_validate(_strategy(references=[]))
    link = {
        "determinant": "knowledge",
        "weight": 2,
        "rationale": TEXT,
        "basis": "practice_judgement",
    }
    with pytest.raises(ValidationError, match="more than once: knowledge"):
        Strategy.model_validate(_strategy(links=[link, link]))
    with pytest.raises(ValidationError, match="pattern"):
        Strategy.model_validate(_strategy(id="Not A Slug"))


def test_eric_numbers_property() -> None:
    strategy = Strategy.model_validate(
        _strategy(eric=[{"number": 5, "name": "Audit and provide feedback"}])
    )
    assert strategy.eric_numbers == (5,)
    assert strategy.link("knowledge") is not None
    assert strategy.link("coordinator") is None
