"""Change over time: every kind of change, and never "resolved" or "new" on too few answers."""

from __future__ import annotations

import pytest

from implementatie import InvalidOption
from implementatie.survey.assessment import Assessment, assess
from implementatie.survey.comparison import compare
from implementatie.survey.responses import make_responses


def round_(q23: list[object], prefix: str = "") -> Assessment:
    """An assessment where respondent i answers q23 with q23[i] (time_available).

    Each round gets its own respondent ids (`prefix`), as in an anonymous survey."""
    return assess(make_responses({f"{prefix}r{i}": {"q23": a} for i, a in enumerate(q23)}))


BARRIER = [1] * 5
FEW = [4] * 4  # below the minimum group size: insufficient data
NEUTRAL = [3] * 5
FACILITATOR = [5] * 5


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        (BARRIER, BARRIER, "persisting"),
        (BARRIER, NEUTRAL, "resolved"),
        (BARRIER, FACILITATOR, "resolved"),
        (NEUTRAL, BARRIER, "new"),
        (NEUTRAL, FACILITATOR, "changed"),
        (NEUTRAL, NEUTRAL, "unchanged"),
        (FEW, FEW, "unchanged"),
        # too few answers in the follow-up: we do not know whether the barrier is gone
        (BARRIER, FEW, "changed"),
        # too few answers before: we do not know whether the barrier is new
        (FEW, BARRIER, "changed"),
    ],
)
def test_kind_of_change(before: list[object], after: list[object], kind: str) -> None:
    comparison = compare(round_(before, "before-"), round_(after, "after-"))
    change = next(c for c in comparison.changes if c.determinant.id == "time_available")
    assert change.kind == kind
    assert [d.id for d in comparison.of(kind)].count("time_available") == 1
    assert ("time_available" in [d.id for d in comparison.resolved]) == (kind == "resolved")
    assert ("time_available" in [d.id for d in comparison.new]) == (kind == "new")
    assert ("time_available" in [d.id for d in comparison.persisting]) == (kind == "persisting")


def test_negative_change_only_when_both_rounds_have_enough_answers() -> None:
    def change(before: list[object], after: list[object]) -> float | None:
        comparison = compare(round_(before, "before-"), round_(after, "after-"))
        found = next(c for c in comparison.changes if c.determinant.id == "time_available")
        return found.negative_change

    assert change(BARRIER, NEUTRAL) == -1.0
    assert change(NEUTRAL, [1, 1, 3, 3, 3]) == pytest.approx(0.4)
    assert change(BARRIER, FEW) is None
    assert change(FEW, BARRIER) is None


def test_every_determinant_is_compared_in_midi_order() -> None:
    comparison = compare(round_(BARRIER, "b"), round_(NEUTRAL, "a"))
    numbers = [c.determinant.number for c in comparison.changes]
    assert numbers == sorted(numbers) and len(numbers) == 29


def test_different_settings_cannot_be_compared() -> None:
    before = round_(BARRIER, "b")
    after = assess(make_responses({f"a{i}": {"q23": 1} for i in range(5)}), dont_know="neutral")
    with pytest.raises(InvalidOption, match=r"different settings.*score both the same way"):
        compare(before, after)
