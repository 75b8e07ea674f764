"""The MIDI-based questionnaire (own wording) for forms: a JSON Schema of one submission, a
SurveyJS survey, and validation of what a form posts.

A submission is `{"respondent": "r17", "attributes": {"role": "…"}, "answers": {"q01": 4,
"q04": "na", …}}`: option codes per item, `"na"` for not applicable, items left out when not
answered. The schema comes from a pydantic model built from the catalogue, and the same model
validates submissions, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model

from implementatie.errors import Problem, ResponseError
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Item
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang, NonEmptyStr, name_innovation
from implementatie.survey.responses import ATTRIBUTES, NOT_APPLICABLE, Respondent


@checked
def questionnaire_schema(
    lang: Lang = "nl", *, catalog: Catalog | None = None, innovation: str | None = None
) -> dict[str, Any]:
    """The JSON Schema of one submission, with item texts and options in `lang`.

    `innovation`: the name of what is introduced, used in the texts instead of "de innovatie".
    """
    schema = _submission_model(catalog or load_catalog(), lang).model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    named: dict[str, Any] = _named(schema, innovation, lang)
    return named


def _named(value: Any, innovation: str | None, lang: Lang) -> Any:
    """Every text in a JSON-like value with the innovation's name filled in."""
    if isinstance(value, str):
        return name_innovation(value, innovation, lang)
    if isinstance(value, dict):
        return {k: _named(v, innovation, lang) for k, v in value.items()}
    if isinstance(value, list):
        return [_named(v, innovation, lang) for v in value]
    return value


@checked
def parse_submission(data: Any, *, catalog: Catalog | None = None) -> Respondent:
    """Validate what a form posts; raise ResponseError naming respondent and item."""
    catalog = catalog or load_catalog()
    model = _submission_model(catalog, "en")
    try:
        submission = model.model_validate(data)
    except ValidationError as exc:
        respondent = data.get("respondent") if isinstance(data, Mapping) else None
        raise ResponseError(_problems(exc, respondent, catalog)) from None
    answers = {
        item: value
        for item, value in submission.answers.model_dump().items()  # type: ignore[attr-defined]
        if value is not None
    }
    return Respondent(
        id=submission.respondent,  # type: ignore[attr-defined]
        answers=answers,
        attributes=submission.attributes,  # type: ignore[attr-defined]
    )


def _problems(exc: ValidationError, respondent: object, catalog: Catalog) -> list[Problem]:
    who = f"respondent {respondent}" if isinstance(respondent, str) else "submission"
    problems = []
    for error in exc.errors():
        loc = error["loc"]
        if loc[:1] == ("answers",) and len(loc) > 1:
            field = f"{who}, item {loc[1]}"
            if error["type"] == "extra_forbidden":
                message = catalog.unknown_item_message(str(loc[1]))
            elif error["type"] == "value_error":
                message = error["msg"].removeprefix("Value error, ")
            else:
                message = f"{error['msg']} (got {error.get('input')!r})"
        else:
            field = f"{who}, {'.'.join(map(str, loc))}" if loc else who
            message = error["msg"]
        problems.append(Problem("<submission>", None, None, field, message))
    return problems


@cache
def _submission_model(catalog: Catalog, lang: Lang) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for determinant in catalog.determinants:
        for item in determinant.items:
            fields[item.id] = _answer_field(item, catalog, lang)
    answers = create_model(
        "Answers",
        __config__=ConfigDict(extra="forbid", frozen=True),
        **fields,
    )
    title = catalog.questionnaire.title.in_(lang)
    model: type[BaseModel] = create_model(
        "Submission",
        __config__=ConfigDict(extra="forbid", frozen=True, title=title),
        __doc__=catalog.questionnaire.introduction.in_(lang),
        respondent=(NonEmptyStr, Field(description="A pseudonymous respondent id.")),
        attributes=(
            dict[str, NonEmptyStr],
            Field(
                default_factory=dict,
                description="Optional respondent attributes for subgroup views, e.g. "
                + ", ".join(ATTRIBUTES),
            ),
        ),
        answers=(answers, Field(default_factory=answers)),
    )
    return model


def _answer_field(item: Item, catalog: Catalog, lang: Lang) -> tuple[Any, Any]:
    fmt = catalog.response_format(item.format)
    codes = tuple(o.code for o in fmt.options)
    choices = "; ".join(f"{o.code} = {o.label.in_(lang)}" for o in fmt.options)
    na = catalog.questionnaire.not_applicable.in_(lang)
    allowed = Literal[(*codes, NOT_APPLICABLE)]  # type: ignore[valid-type]
    return (
        Annotated[allowed | None, BeforeValidator(_exact_type)],
        Field(default=None, title=item.text.in_(lang), description=f"{choices}; na = {na}"),
    )


def _exact_type(value: object) -> object:
    """Refuse True where the code 1 is meant; read 4.0 as 4, as JSON Schema does."""
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        raise ValueError(f"expected an option code or 'na', got {value!r}")
    return int(value) if isinstance(value, float) else value


@checked
def surveyjs(
    lang: Lang = "nl", *, catalog: Catalog | None = None, innovation: str | None = None
) -> dict[str, Any]:
    """The questionnaire as a SurveyJS survey definition: a page per category.

    `innovation`: the name of what is introduced, used in the texts instead of "de innovatie".

    A SurveyJS result is flat (`{"q01": 4, "role": "…"}`); `submission_from_flat` turns it
    into a submission for `parse_submission`.
    """
    catalog = catalog or load_catalog()
    na = catalog.questionnaire.not_applicable.in_(lang)
    pages: list[dict[str, Any]] = []
    for category in catalog.categories:
        elements = []
        for determinant in catalog.determinants_in(category.id):
            for item in determinant.items:
                fmt = catalog.response_format(item.format)
                choices = [{"value": o.code, "text": o.label.in_(lang)} for o in fmt.options]
                elements.append(
                    {
                        "type": "radiogroup",
                        "name": item.id,
                        "title": item.text.in_(lang),
                        "choices": [*choices, {"value": NOT_APPLICABLE, "text": na}],
                        "colCount": 0,
                    }
                )
        pages.append({"name": category.id, "title": category.name.in_(lang), "elements": elements})
    about = {
        "name": "about",
        "title": {"nl": "Over jou", "en": "About you"}[lang],
        "elements": [
            {"type": "text", "name": name, "title": title}
            for name, title in zip(
                ATTRIBUTES,
                {"nl": ("Functie", "Team", "Locatie"), "en": ("Role", "Team", "Location")}[lang],
                strict=True,
            )
        ],
    }
    survey = {
        "title": catalog.questionnaire.title.in_(lang),
        "description": catalog.questionnaire.introduction.in_(lang),
        "locale": lang,
        "pages": [about, *pages],
    }
    named: dict[str, Any] = _named(survey, innovation, lang)
    return named


@checked
def submission_from_flat(flat: Mapping[str, Any], respondent: str) -> dict[str, Any]:
    """A submission from a flat form result (items and attributes side by side)."""
    attributes = {k: str(v) for k, v in flat.items() if k in ATTRIBUTES and v not in (None, "")}
    answers = {k: v for k, v in flat.items() if k not in ATTRIBUTES}
    return {"respondent": respondent, "attributes": attributes, "answers": answers}
