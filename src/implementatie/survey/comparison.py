"""Change over time: two assessments of the same determinants, before and after."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from implementatie.errors import InvalidOption
from implementatie.knowledge.models import Determinant
from implementatie.knowledge.text import Lang
from implementatie.survey.assessment import Assessment
from implementatie.survey.scoring import DeterminantResult, Settings, percent

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View


@dataclass(frozen=True)
class Change:
    """One determinant before and after."""

    determinant: Determinant
    before: DeterminantResult
    after: DeterminantResult

    @property
    def kind(self) -> Literal["resolved", "new", "persisting", "changed", "unchanged"]:
        """resolved: no longer a barrier; new: now a barrier; persisting: a barrier in both."""
        was, now = self.before.status == "barrier", self.after.status == "barrier"
        if was and now:
            return "persisting"
        if was and self.after.status != "insufficient_data":
            return "resolved"
        if now and self.before.status != "insufficient_data":
            return "new"
        if self.before.status != self.after.status:
            return "changed"
        return "unchanged"

    @property
    def negative_change(self) -> float | None:
        """Change in the share of negative answers (after - before), when both are known."""
        if self.before.negative is None or self.after.negative is None:
            return None
        return self.after.negative - self.before.negative

    def to_dict(self) -> dict[str, Any]:
        """`id`, `before` and `after` status, `negative_change` (percentage points), `change`."""
        return {
            "id": self.determinant.id,
            "before": self.before.status,
            "after": self.after.status,
            "negative_change": percent(self.negative_change),
            "change": self.kind,
        }

    def __repr__(self) -> str:
        return (
            f"Change({self.determinant.id}, {self.before.status} → {self.after.status}, "
            f"{self.kind})"
        )


@dataclass(frozen=True)
class Comparison:
    """Two assessments of the same determinants, for example before and after introduction."""

    changes: tuple[Change, ...]
    settings: Settings = field(default_factory=Settings)
    """The scoring settings both rounds share (thresholds, minimum group size)."""

    def of(self, kind: str) -> tuple[Determinant, ...]:
        """Determinants whose change is `kind` (resolved, new, persisting, changed, unchanged)."""
        return tuple(c.determinant for c in self.changes if c.kind == kind)

    @property
    def resolved(self) -> tuple[Determinant, ...]:
        return self.of("resolved")

    @property
    def new(self) -> tuple[Determinant, ...]:
        return self.of("new")

    @property
    def persisting(self) -> tuple[Determinant, ...]:
        return self.of("persisting")

    def to_dict(self) -> dict[str, Any]:
        """The barriers resolved, new and persisting, and per determinant its change."""
        return {
            "resolved": [d.id for d in self.resolved],
            "new": [d.id for d in self.new],
            "persisting": [d.id for d in self.persisting],
            "determinants": [c.to_dict() for c in self.changes],
        }

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per determinant: status and shares before and after, and the change."""
        from implementatie.report.frames import comparison_frame

        return comparison_frame(self, lang)

    def plot(self, lang: Lang = "nl", *, ax: Axes | None = None) -> Figure:
        """% negative before and after per determinant (a dumbbell chart), threshold marked."""
        from implementatie.report.charts import change_figure

        return change_figure(self, lang, ax=ax)

    def view(self, lang: Lang = "nl") -> View:
        """Resolved, new and persisting barriers and the change per determinant, in `lang`."""
        from implementatie.report.notebook import view

        return view(self, lang)

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"Comparison({len(self.changes)} determinants: {len(self.resolved)} resolved, "
            f"{len(self.new)} new, {len(self.persisting)} persisting)"
        )


def compare(before: Assessment, after: Assessment) -> Comparison:
    """What changed between two assessments scored with the same settings."""
    if before.settings != after.settings:
        raise InvalidOption(
            f"assessments were scored with different settings: {before.settings} vs "
            f"{after.settings}; score both the same way to compare them"
        )
    after_by_id = {r.determinant.id: r for r in after.determinants}
    changes = tuple(
        Change(r.determinant, r, after_by_id[r.determinant.id])
        for r in before.determinants
        if r.determinant.id in after_by_id
    )
    return Comparison(changes, before.settings)
