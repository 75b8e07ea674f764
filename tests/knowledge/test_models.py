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


def _link(**changes: object) -> dict[str, object]:
    link: dict[str, object] = {
        "determinant": "knowledge",
        "weight": 2,
        "rationale": TEXT,
        "basis": "practice_judgement",
    }
    link.update(changes)
    return link


def test_every_link_states_its_basis() -> None:
    link = _link()
    del link["basis"]
    with pytest.raises(ValidationError, match="basis"):
        Link.model_validate(link)
    with pytest.raises(ValidationError, match="basis"):
        Link.model_validate(_link(basis="gut_feeling"))


@pytest.mark.parametrize(
    "basis", ["cfir_eric_matching", "tno_tool_example", "dutch_guideline_or_study"]
)
def test_a_cited_basis_needs_its_source(basis: str) -> None:
    with pytest.raises(ValidationError, match="needs a `source`"):
        Link.model_validate(_link(basis=basis))
    assert Link.model_validate(_link(basis=basis, source="Wpg art. 13")).source == "Wpg art. 13"


@pytest.mark.parametrize("basis", ["intervention_mapping_method", "practice_judgement"])
def test_an_uncited_basis_needs_no_source(basis: str) -> None:
    assert Link.model_validate(_link(basis=basis)).source is None


def test_adapts_lists_eric_numbers_apart_from_eric() -> None:
    eric = [{"number": 41, "name": "Involve patients/consumers and family members"}]
    strategy = Strategy.model_validate(_strategy(adapts=[41, 64]))
    assert strategy.adapts == (41, 64) and strategy.eric_crosswalk == (41, 64)
    with pytest.raises(ValidationError, match="both `eric` and `adapts`"):
        Strategy.model_validate(_strategy(eric=eric, adapts=[41]))
    with pytest.raises(ValidationError, match="twice"):
        Strategy.model_validate(_strategy(adapts=[41, 41]))
    with pytest.raises(ValidationError):
        Strategy.model_validate(_strategy(adapts=[74]))
    assert Strategy.model_validate(_strategy(adapts=[73])).adapts == (73,)
    both = Strategy.model_validate(_strategy(eric=eric, adapts=[64]))
    assert both.eric_crosswalk == (41, 64)
