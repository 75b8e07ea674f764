"""Questionnaire answers: typed respondents, and their validation against the catalogue.

An answer is an option `code` of the item's response format (for example 1-5 on the agreement
scale), `"na"` for not applicable, or absent (missing). Importers and form back-ends turn
whatever a survey tool exports into this shape; `coerce_answer` reads codes and labels.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from implementatie.errors import Problem, ResponseError
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Item, ResponseFormat
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import NonEmptyStr, normalise

NOT_APPLICABLE: Literal["na"] = "na"
Answer = int | Literal["na"]
"""An option code, or "na" for not applicable."""

NA_SPELLINGS = frozenset(
    normalise(s)
    for s in ("na", "n/a", "n.a.", "nvt", "n.v.t.", "niet van toepassing", "not applicable")
)
MISSING_SPELLINGS = frozenset({"", "-", "-99", "-77", ".", "none", "null", "missing", "nan"})
"""Cells that mean "no answer" in common exports."""

ATTRIBUTES = ("role", "team", "location")
"""Respondent attributes recognised by default, for subgroup views."""


class Respondent(BaseModel):
    """One respondent's answers, keyed by item id, and optional attributes (role, team, …)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: NonEmptyStr
    answers: Mapping[str, Answer] = Field(default_factory=dict)
    attributes: Mapping[str, NonEmptyStr] = Field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Respondent({self.id!r}, {len(self.answers)} answers)"


@dataclass(frozen=True)
class Responses:
    """Validated answers of a group of respondents, in the order they came in."""

    respondents: tuple[Respondent, ...]
    source: str = "<answers>"

    def __len__(self) -> int:
        return len(self.respondents)

    def __repr__(self) -> str:
        attributes = sorted({a for r in self.respondents for a in r.attributes})
        by = f", attributes: {', '.join(attributes)}" if attributes else ""
        return f"Responses({len(self)} respondents from {Path(self.source).name}{by})"

    def attribute_values(self, attribute: str) -> list[str]:
        """The distinct values of an attribute, sorted."""
        return sorted(
            {r.attributes[attribute] for r in self.respondents if attribute in r.attributes}
        )


def coerce_answer(raw: object, item: Item, fmt: ResponseFormat) -> Answer | None:
    """Read one answer: an option code, its Dutch or English label, "na", or empty (None).

    Raises ValueError with a message that lists what is allowed.
    """
    if raw is None or (isinstance(raw, float) and raw != raw):
        return None
    if isinstance(raw, bool) or (isinstance(raw, float) and not math.isfinite(raw)):
        raise ValueError(f"expected an answer code or label, got {raw!r}")
    if isinstance(raw, int | float):
        if raw == int(raw) and fmt.option(int(raw)) is not None:
            return int(raw)
        raise ValueError(f"{raw!r} is not a code of {fmt.id!r}; {_allowed(fmt)}")
    if not isinstance(raw, str):
        raise ValueError(f"expected an answer code or label, got {type(raw).__name__}")
    plain = raw.strip().casefold()
    if plain in MISSING_SPELLINGS:
        return None
    number = plain.removesuffix(".0")
    if number.removeprefix("-").isdigit():
        return coerce_answer(int(number), item, fmt)  # pragma: no mutate (item unused for codes)
    text = normalise(raw)
    if text in NA_SPELLINGS:
        return NOT_APPLICABLE
    for option in fmt.options:
        if text in (normalise(option.label.nl), normalise(option.label.en)):
            return option.code
    raise ValueError(f"{raw!r} is not an answer to item {item.id!r}; {_allowed(fmt)}")


def _allowed(fmt: ResponseFormat) -> str:
    options = ", ".join(f"{o.code} ({o.label.nl} / {o.label.en})" for o in fmt.options)
    return f"allowed: {options}, or na (not applicable), or empty"


@dataclass(frozen=True)
class RawRespondent:
    """A respondent as read from a file, before validation: cells still as text."""

    id: str
    answers: Mapping[str, object]
    attributes: Mapping[str, str]
    where: tuple[str, int | None] = ("<answers>", None)
    """(file, line) of the respondent's first row, for error messages."""
    columns: Mapping[str, str] | None = None
    """Item id → the column it came from, to name the column in errors."""
    lines: Mapping[str, int] | None = None
    """Item id → the line its answer is on, when answers come from different rows."""


def validate_respondents(
    raw: Iterable[RawRespondent], catalog: Catalog, source: str = "<answers>"
) -> Responses:
    """Check every answer against the catalogue; raise ResponseError listing every problem."""
    problems: list[Problem] = []
    respondents: list[Respondent] = []
    seen: dict[str, tuple[str, int | None]] = {}
    for entry in raw:
        file, line = entry.where
        if not entry.id.strip():
            problems.append(Problem(file, line, None, "respondent", "empty respondent id"))
            continue
        if entry.id in seen:
            first = seen[entry.id]
            at = f" (first at line {first[1]})" if first[1] else ""
            problems.append(
                Problem(file, line, None, f"respondent {entry.id}", f"duplicate respondent{at}")
            )
            continue
        seen[entry.id] = entry.where
        answers: dict[str, Answer] = {}
        for item_id, value in entry.answers.items():
            line = (entry.lines or {}).get(item_id, entry.where[1])
            column = (entry.columns or {}).get(item_id, item_id)
            field = f"respondent {entry.id}, item {item_id}"
            if column != item_id:
                field += f" (column {column!r})"
            try:
                _, item = catalog.item(item_id)
            except KeyError:
                message = catalog.unknown_item_message(item_id)
                problems.append(Problem(file, line, None, field, message))
                continue
            try:
                answer = coerce_answer(value, item, catalog.response_format(item.format))
            except ValueError as exc:
                problems.append(Problem(file, line, None, field, str(exc)))
                continue
            if answer is not None:
                answers[item_id] = answer
        respondents.append(
            Respondent(
                id=entry.id,
                answers=answers,
                attributes={k: v for k, v in entry.attributes.items() if v.strip()},
            )
        )
    if problems:
        raise ResponseError(problems)
    return Responses(tuple(respondents), source)


@checked
def make_responses(
    answers: Mapping[str, Mapping[str, object]],
    *,
    attributes: Mapping[str, Mapping[str, str]] | None = None,
    catalog: Catalog | None = None,
) -> Responses:
    """Responses from plain dictionaries: `{respondent: {item: code or label}}`."""
    from implementatie.knowledge.loader import load_catalog

    catalog = catalog or load_catalog()
    raw = [
        RawRespondent(str(rid), values, (attributes or {}).get(rid, {}))
        for rid, values in answers.items()
    ]
    return validate_respondents(raw, catalog)
