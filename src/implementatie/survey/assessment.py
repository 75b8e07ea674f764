"""A team's determinant profile: the barriers and facilitators, scored as in
`implementatie.survey.scoring`, with subgroup views on demand."""

from __future__ import annotations

import dataclasses
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import TYPE_CHECKING, Any

from implementatie.errors import LookupFailed
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Determinant
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang
from implementatie.survey.disclosure import SAFE_MINIMUM, SMALL_GROUPS_WARNING
from implementatie.survey.responses import Responses
from implementatie.survey.scoring import (
    DeterminantResult,
    DontKnow,
    Polarity,
    Settings,
    classify,
    summarise,
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
    classes = {
        r.id: {
            d.id: polarity
            for d in catalog.determinants
            if (polarity := classify(r, d, catalog, settings)) is not None
        }
        for r in responses.respondents
    }
    results = tuple(
        summarise(d, [c[d.id] for c in classes.values() if d.id in c], settings)
        for d in catalog.determinants
    )
    attributes = {r.id: dict(r.attributes) for r in responses.respondents}
    return Assessment(len(responses), results, settings, classes, attributes, notes)
