"""A team's determinant profile: the barriers and facilitators, scored as in
`implementatie.survey.scoring`, with subgroup views on demand."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import cached_property
from typing import TYPE_CHECKING, Any

from implementatie.errors import LookupFailed
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Determinant
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang
from implementatie.survey.disclosure import SAFE_MINIMUM, SMALL_GROUPS_WARNING
from implementatie.survey.responses import (
    ABSENT,
    FIRST_OPTION,
    AttributeColumn,
    Responses,
    encoder,
)
from implementatie.survey.scoring import (
    POLARITIES,
    DeterminantResult,
    DontKnow,
    Polarity,
    Settings,
    counts,
    polarity_codes,
    summarise_counts,
)
from implementatie.survey.subgroups import Subgroups, split_by

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View


@dataclass(frozen=True)
class Barrier:
    """A determinant the team experiences as a barrier, with its severity."""

    determinant: Determinant
    severity: float
    """Share of respondents answering negatively (0-1)."""
    n: int

    def __repr__(self) -> str:
        return f"Barrier({self.determinant.id}, severity={self.severity:.2f}, n={self.n})"


@dataclass(frozen=True, eq=False)
class Assessment:
    """The determinant profile of a group of respondents.

    Holds the per-respondent classifications privately, to compute subgroup views; they are
    never part of any output.
    """

    respondents: int
    determinants: tuple[DeterminantResult, ...]
    settings: Settings
    _classes: Mapping[str, Mapping[str, Polarity]] = field(repr=False)
    _attributes: Mapping[str, Mapping[str, str]] = field(repr=False)
    warnings: tuple[str, ...] = ()
    """Things a reader must know before sharing this result (small groups allowed, …)."""

    def result(self, determinant: str) -> DeterminantResult:
        """The result for one determinant (by id); LookupFailed for an unknown id."""
        for found in self.determinants:
            if found.determinant.id == determinant:
                return found
        ids = [r.determinant.id for r in self.determinants]
        raise LookupFailed(
            "determinant",
            str(determinant),
            get_close_matches(str(determinant), ids, n=3),
            ambiguous=False,
        )

    @property
    def barriers(self) -> tuple[Barrier, ...]:
        """The barriers, most severe first (then by MIDI number); feed them to `recommend`."""
        found = [r for r in self.determinants if r.status == "barrier"]
        found.sort(key=lambda r: (-r.severity, r.determinant.number))
        return tuple(Barrier(r.determinant, r.severity, r.n or 0) for r in found)

    @property
    def facilitators(self) -> tuple[Determinant, ...]:
        """The facilitators, in MIDI order."""
        return tuple(r.determinant for r in self.determinants if r.status == "facilitator")

    def subgroups(self, attribute: str) -> Subgroups:
        """The profile per value of a respondent attribute (role, team, …).

        Groups and cells that any combination of views of these answers could narrow down to
        fewer than `min_group_size` respondents are hidden (see `survey.disclosure`).
        """
        return split_by(
            self.determinants, self._classes, self._attributes, self.settings, attribute
        )

    def to_dict(self) -> dict[str, Any]:
        """`respondents`, `settings` and per determinant its counts: the JSON of docs/json.md.

        No respondent-level data. `implementatie assess --format json` adds the
        recommendation's `barriers` (with `severity`) and the `plan` to this.
        """
        return {
            "respondents": self.respondents,
            "settings": dataclasses.asdict(self.settings),
            "determinants": [r.to_dict() for r in self.determinants],
            "warnings": list(self.warnings),
        }

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per determinant: ids, names in `lang`, n and shares (0-1), status."""
        from implementatie.report.frames import assessment_frame

        return assessment_frame(self, lang)

    def plot(self, lang: Lang = "nl", *, ax: Axes | None = None) -> Figure:
        """The MIDI profile: diverging bars per determinant by category, thresholds marked."""
        from implementatie.report.charts import profile_figure

        return profile_figure(self, lang, ax=ax)

    def view(self, lang: Lang = "nl") -> View:
        """The profile as tables and chart in `lang`, for a notebook or `print`."""
        from implementatie.report.notebook import view

        return view(self, lang)

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"Assessment({self.respondents} respondents, {len(self.determinants)} determinants, "
            f"{len(self.barriers)} barriers, {len(self.facilitators)} facilitators)"
        )


@checked
def assess(
    responses: Responses,
    *,
    catalog: Catalog | None = None,
    barrier_threshold: float = 0.20,
    facilitator_threshold: float = 0.80,
    dont_know: DontKnow = "negative",
    min_group_size: int = 5,
    min_motivation: int = 3,
    allow_small_groups: bool = False,
) -> Assessment:
    """Score a group's answers into a determinant profile (see the module docstring).

    A `min_group_size` below 5 is refused unless `allow_small_groups=True`; then the result
    carries a warning (also issued as a `UserWarning`).
    """
    catalog = catalog or load_catalog()
    settings = Settings(
        barrier_threshold,
        facilitator_threshold,
        dont_know,
        min_group_size,
        min_motivation,
        allow_small_groups,
    )
    notes: tuple[str, ...] = ()
    if min_group_size < SAFE_MINIMUM:
        notes = (SMALL_GROUPS_WARNING.format(minimum=min_group_size, safe=SAFE_MINIMUM),)
        warnings.warn(notes[0], UserWarning, stacklevel=5)  # past the argument checks
    answers = _answers_for(responses, catalog)
    results = tuple(
        summarise_counts(d, *counts(polarity_codes(d, answers, catalog, settings)), settings)
        for d in catalog.determinants
    )
    classes = Classes(responses.ids, answers, catalog, settings)
    attributes = Attributes(responses.ids, responses.attributes)
    return Assessment(len(responses), results, settings, classes, attributes, notes)


def _answers_for(responses: Responses, catalog: Catalog) -> Mapping[str, bytes | bytearray]:
    """The answer codes in terms of `catalog`'s response formats (they may differ from the
    catalogue the answers were read with); items `responses` lacks count as not answered."""
    if responses.catalog is catalog:
        return responses.answers
    absent = bytes(len(responses))
    found: dict[str, bytes | bytearray] = {}
    for item_id in catalog.item_ids:
        column = responses.answers.get(item_id)
        if column is None:
            found[item_id] = absent
            continue
        before = responses.catalog.response_format(responses.catalog.item(item_id)[1].format)
        after = encoder(catalog.response_format(catalog.item(item_id)[1].format))
        table = bytearray(range(256))
        for i, option in enumerate(before.options):
            table[FIRST_OPTION + i] = after.get(option.code, ABSENT)
        found[item_id] = bytes(column).translate(table)
    return found


class Classes(Mapping[str, Mapping[str, Polarity]]):
    """Respondent id → determinant id → polarity, from compact polarity codes (worked out
    from the answer codes on first use); determinants without a valid answer are left out."""

    def __init__(
        self,
        ids: Mapping[str, int],
        answers: Mapping[str, bytes | bytearray],
        catalog: Catalog,
        settings: Settings,
    ) -> None:
        self._ids, self._answers, self._catalog, self._settings = ids, answers, catalog, settings

    @cached_property
    def columns(self) -> dict[str, bytes]:
        """Determinant id → every respondent's polarity code (see `scoring.POLARITIES`)."""
        return {
            d.id: polarity_codes(d, self._answers, self._catalog, self._settings)
            for d in self._catalog.determinants
        }

    def __getitem__(self, respondent: str) -> Mapping[str, Polarity]:
        return _Polarities(self.columns, self._ids[respondent])

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class Attributes(Mapping[str, Mapping[str, str]]):
    """Respondent id → attribute → value, read from the compact attribute columns."""

    def __init__(self, ids: Mapping[str, int], columns: Mapping[str, AttributeColumn]) -> None:
        self._ids, self.columns = ids, columns

    def __getitem__(self, respondent: str) -> Mapping[str, str]:
        position = self._ids[respondent]
        return {
            name: column.values[code]
            for name, column in self.columns.items()
            if (code := column.codes[position])
        }

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


class _Polarities(Mapping[str, Polarity]):
    """One respondent's polarity per determinant id, read from the columns when asked."""

    def __init__(self, columns: Mapping[str, bytes], position: int) -> None:
        self._columns, self._position = columns, position

    def __getitem__(self, determinant: str) -> Polarity:
        polarity = POLARITIES[self._columns[determinant][self._position]]
        if polarity is None:
            raise KeyError(determinant)
        return polarity

    def __iter__(self) -> Iterator[str]:
        return (d for d, column in self._columns.items() if column[self._position])

    def __len__(self) -> int:
        return sum(1 for _ in self)
