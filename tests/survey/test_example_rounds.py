"""The two example rounds: the second is made as its header says, and compares cleanly."""

from __future__ import annotations

from implementatie import assess, compare, read_responses
from tests.conftest import EXAMPLE, EXAMPLE_LATER
from tests.fixtures.team_later import IMPROVED, WORSENED, team_later


def test_second_round_is_reproducible_from_the_first() -> None:
    assert team_later(EXAMPLE) == EXAMPLE_LATER.read_text(encoding="utf-8")


def test_second_round_has_new_ids_and_some_barriers_resolved_and_new() -> None:
    before, after = read_responses(EXAMPLE), read_responses(EXAMPLE_LATER)
    assert not {r.id for r in before.respondents} & {r.id for r in after.respondents}
    comparison = compare(assess(before), assess(after))
    assert comparison.warnings == ()
    resolved = {d.id for d in comparison.resolved}
    assert resolved and resolved <= set(IMPROVED)
    assert {d.id for d in comparison.new} == set(WORSENED)
