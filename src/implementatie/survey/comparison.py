"""Change over time: two assessments of the same determinants, before and after.

Privacy: when the two rounds share respondent ids, subtracting one round from the other can
show the answers of the people who are in one round only. Such a comparison is refused when
the rounds differ by 1 to `min_group_size - 1` respondents, a determinant's change is hidden
when the respondents with a valid answer differ that little, and any shared id gives a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from implementatie.errors import InvalidOption
from implementatie.knowledge.models import Determinant
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang
from implementatie.survey.assessment import Assessment
from implementatie.survey.disclosure import ROUNDS_SHARE_IDS, ROUNDS_TOO_CLOSE, is_safe
from implementatie.survey.scoring import DeterminantResult, Settings, Status, percent

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View

ChangeKind = Literal["resolved", "new", "persisting", "changed", "unchanged"]


@dataclass(frozen=True)
class Change:
    """One determinant before and after."""

    determinant: Determinant
    before: DeterminantResult
    after: DeterminantResult

    @property
    def kind(self) -> ChangeKind:
        """resolved: no longer a barrier; new: now a barrier; persisting: a barrier in both."""
        return change_kind(self.before.status, self.after.status)

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
    warnings: tuple[str, ...] = ()
    """Things to know before sharing the comparison (respondent ids in both rounds, …)."""
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
            "warnings": list(self.warnings),
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


def change_kind(before: Status, after: Status) -> ChangeKind:
    """The kind of change from status `before` to status `after` (see `Change.kind`): a
    barrier is only called resolved or new when the other round has enough answers."""
    was, now = before == "barrier", after == "barrier"
    if was and now:
        return "persisting"
    if was and after != "insufficient_data":
        return "resolved"
    if now and before != "insufficient_data":
        return "new"
    if before != after:
        return "changed"
    return "unchanged"


def rounds_may_be_compared(
    before: set[str] | frozenset[str], after: set[str] | frozenset[str], minimum: int
) -> bool:
    """True when two rounds with these respondent ids may be shown side by side: they share
    no id, or each holds no one or at least `minimum` respondents the other does not."""
    if not before & after:
        return True
    return is_safe(len(before - after), minimum) and is_safe(len(after - before), minimum)


@checked
def compare(before: Assessment, after: Assessment) -> Comparison:
    """What changed between two assessments scored with the same settings.

    Raises InvalidOption when the rounds share respondent ids and differ by fewer than
    `min_group_size` respondents (see the module docstring).
    """
    return _compare(before, after)


def _compare(before: Assessment, after: Assessment) -> Comparison:
    # Not decorated, so that mutation testing reaches it (mutmut skips decorated functions).
    if before.settings != after.settings:
        raise InvalidOption(
            f"assessments were scored with different settings: {before.settings} vs "
            f"{after.settings}; score both the same way to compare them"
        )
    minimum = before.settings.min_group_size
    ids_before, ids_after = set(before._classes), set(after._classes)
    if not rounds_may_be_compared(ids_before, ids_after, minimum):
        raise InvalidOption(ROUNDS_TOO_CLOSE.format(minimum=minimum))
    shared = ids_before & ids_after
    notes = (*before.warnings, *after.warnings)
    if shared:
        notes = (*notes, ROUNDS_SHARE_IDS.format(count=len(shared)))
    after_by_id = {r.determinant.id: r for r in after.determinants}
    changes = []
    for result in before.determinants:
        d = result.determinant
        if d.id not in after_by_id:
            continue
        answered_before = {r for r, found in before._classes.items() if d.id in found}
        answered_after = {r for r, found in after._classes.items() if d.id in found}
        if rounds_may_be_compared(answered_before, answered_after, minimum):
            changes.append(Change(d, result, after_by_id[d.id]))
        else:
            hidden = DeterminantResult(d, None, None, None, None, "suppressed")
            changes.append(Change(d, hidden, hidden))
    return Comparison(tuple(changes), tuple(dict.fromkeys(notes)), before.settings)
