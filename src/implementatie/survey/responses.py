"""Questionnaire answers: typed respondents, and their validation against the catalogue.

An answer is an option `code` of the item's response format (for example 1-5 on the agreement
scale), `"na"` for not applicable, or absent (missing). Importers and form back-ends turn
whatever a survey tool exports into this shape; `coerce_answer` reads codes and labels.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
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

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: NonEmptyStr
    answers: Mapping[str, Answer] = Field(default_factory=dict)
    attributes: Mapping[str, NonEmptyStr] = Field(default_factory=dict)

    def __repr__(self) -> str:
        return f"Respondent({self.id!r}, {len(self.answers)} answers)"


class Responses:
    """Validated answers of a group of respondents, in the order they came in, held compactly.

    Every answer is one byte (see `ABSENT` and on): `answers[item]` holds that item's answers
    of all respondents, `ids` maps each respondent id to its position. Built by the readers
    through `ResponsesBuilder`. (A plain class, not a dataclass, so that checking a function's
    arguments looks at its type only, not at every answer.)
    """

    def __init__(
        self,
        ids: Mapping[str, int],
        answers: Mapping[str, bytes | bytearray],
        attributes: Mapping[str, AttributeColumn],
        catalog: Catalog,
        source: str = "<answers>",
    ) -> None:
        self.ids = ids
        self.answers = answers
        """Item id → one answer code per respondent; every item of `catalog`."""
        self.attributes = attributes
        self.catalog = catalog
        """The catalogue whose response formats the codes refer to."""
        self.source = source

    def __len__(self) -> int:
        return len(self.ids)

    @cached_property
    def respondents(self) -> tuple[Respondent, ...]:
        """Every respondent as an object with its answers (built on first use: costly for big
        files; scoring does not need it)."""
        return _decode(self)

    def __repr__(self) -> str:
        attributes = sorted(name for name, column in self.attributes.items() if any(column.codes))
        by = f", attributes: {', '.join(attributes)}" if attributes else ""
        return f"Responses({len(self)} respondents from {Path(self.source).name}{by})"

    def attribute_values(self, attribute: str) -> list[str]:
        """The distinct values of an attribute, sorted."""
        column = self.attributes.get(attribute)
        if column is None:
            return []
        return sorted(column.values[code] for code in set(column.codes) if code)


def _decode(responses: Responses) -> tuple[Respondent, ...]:
    """Every respondent of `responses` as an object, in order (see `Responses.respondents`)."""
    catalog = responses.catalog
    decoders = {
        item: _decoder(catalog.response_format(catalog.item(item)[1].format))
        for item in responses.answers
    }
    found = []
    for rid, position in responses.ids.items():
        answers = {}
        for item, column in responses.answers.items():
            answer = decoders[item][column[position]]
            if answer is not None:
                answers[item] = answer
        attributes = {
            name: column.values[code]
            for name, column in responses.attributes.items()
            if (code := column.codes[position])
        }
        found.append(Respondent(id=rid, answers=answers, attributes=attributes))
    return tuple(found)


class AttributeColumn:
    """One attribute of every respondent: `codes[position]` indexes `values`; 0 = not given.

    Codes take one byte each while there are fewer than 256 values, then two, then four.
    """

    def __init__(self) -> None:
        self.values: list[str] = [""]
        self.codes: array[int] = array("B")
        self._known: dict[str, int] = {}

    def code(self, value: str) -> int:
        """The code of `value` ("" → 0), adding it when new (`codes` may then widen)."""
        if not value:
            return 0
        found = self._known.get(value)
        if found is None:
            found = self._known[value] = len(self.values)
            self.values.append(value)
            if found == 1 << 8 * self.codes.itemsize:
                self.codes = array("H" if found == 256 else "I", self.codes)
        return found


class ResponsesBuilder:
    """Collects respondents into the compact columns of `Responses`."""

    def __init__(self, catalog: Catalog, source: str = "<answers>") -> None:
        self.catalog = catalog
        self.source = source
        self.ids: dict[str, int] = {}
        self.answers: dict[str, bytearray] = {item: bytearray() for item in catalog.item_ids}
        self.attributes: dict[str, AttributeColumn] = {}
        self._encoders = {
            item: encoder(catalog.response_format(catalog.item(item)[1].format))
            for item in catalog.item_ids
        }

    def add(self, rid: str, answers: Mapping[str, Answer], attributes: Mapping[str, str]) -> None:
        """One respondent with valid answers (item id → code or "na")."""
        position = len(self.ids)
        self.ids[rid] = position
        for item, column in self.answers.items():
            answer = answers.get(item)
            column.append(ABSENT if answer is None else self._encoders[item][answer])
        for name, value in attributes.items():
            attribute = self.attribute(name)
            code = attribute.code(value)
            attribute.codes.extend(bytes(position - len(attribute.codes)))
            attribute.codes.append(code)
        self.pad()

    def attribute(self, name: str) -> AttributeColumn:
        found = self.attributes.get(name)
        if found is None:
            found = self.attributes[name] = AttributeColumn()
        return found

    def pad(self) -> None:
        """Fill every column up to the number of respondents (absent answers, no attribute)."""
        count = len(self.ids)
        for column in self.answers.values():
            if len(column) < count:
                column.extend(bytes(count - len(column)))
        for attribute in self.attributes.values():
            if len(attribute.codes) < count:
                attribute.codes.extend(bytes(count - len(attribute.codes)))

    def build(self) -> Responses:
        self.pad()
        return Responses(self.ids, self.answers, self.attributes, self.catalog, self.source)


ABSENT, EMPTY, NA, FIRST_OPTION = 0, 1, 2, 3
"""Answer codes: no answer (ABSENT; EMPTY for an empty cell that was read), not applicable,
then option i of the response format as FIRST_OPTION + i."""
INVALID = 255
"""Never stored: what `cell_codes` gives for a cell that is not a valid answer."""


def encoder(fmt: ResponseFormat) -> dict[Answer, int]:
    """Answer (option code or "na") → answer code."""
    table: dict[Answer, int] = {o.code: FIRST_OPTION + i for i, o in enumerate(fmt.options)}
    table[NOT_APPLICABLE] = NA
    return table


def _decoder(fmt: ResponseFormat) -> list[Answer | None]:
    decoded: list[Answer | None] = [None, None, NOT_APPLICABLE]
    return decoded + [o.code for o in fmt.options]


class CellCodes(dict[str, int]):
    """Cell text → answer code for one response format, filled as cells are met; a cell that
    is not a valid answer gives INVALID (and is not remembered)."""

    def __init__(self, item: Item, fmt: ResponseFormat) -> None:
        super().__init__()
        self.item, self.fmt, self.codes = item, fmt, encoder(fmt)

    def __missing__(self, cell: str) -> int:
        try:
            answer = coerce_answer(cell, self.item, self.fmt)
        except ValueError:
            return INVALID
        code = EMPTY if answer is None else self.codes[answer]
        self[cell] = code
        return code


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
        raise ValueError(f"{raw!r} is not a code of {fmt.name.en!r}; {_allowed(fmt)}")
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
    return f"allowed: {fmt.options_text('en')}, or na (not applicable), or empty"


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
    built = ResponsesBuilder(catalog, source)
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
        if not problems:
            given = {k: v for k, v in entry.attributes.items() if v.strip()}
            built.add(entry.id, answers, given)
    if problems:
        raise ResponseError(problems)
    return built.build()


@checked
def make_responses(
    answers: Mapping[str, Mapping[str, object]],
    *,
    attributes: Mapping[str, Mapping[str, str]] | None = None,
    catalog: Catalog | None = None,
) -> Responses:
    """Responses from plain dictionaries: `{respondent: {item: code or label}}`."""
    return _make_responses(answers, attributes, catalog)


def _make_responses(
    answers: Mapping[str, Mapping[str, object]],
    attributes: Mapping[str, Mapping[str, str]] | None,
    catalog: Catalog | None,
) -> Responses:
    # Not decorated, so that mutation testing reaches it (mutmut skips decorated functions).
    from implementatie.knowledge.loader import load_catalog

    catalog = catalog or load_catalog()
    raw = [
        RawRespondent(str(rid), values, (attributes or {}).get(rid, {}))
        for rid, values in answers.items()
    ]
    return validate_respondents(raw, catalog)
