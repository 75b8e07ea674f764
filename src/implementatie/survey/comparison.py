"""Change over time: two assessments of the same determinants, before and after."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from implementatie.errors import InvalidOption
from implementatie.knowledge.models import Determinant
from implementatie.survey.assessment import Assessment
from implementatie.survey.scoring import DeterminantResult


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


@dataclass(frozen=True)
class Comparison:
    """Two assessments of the same determinants, for example before and after introduction."""

    changes: tuple[Change, ...]

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
    return Comparison(changes)
