"""Plan: few strategies that together cover every coverable barrier strongly."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from implementatie import load_catalog
from implementatie.advice.planning import STRONG, plan
from implementatie.knowledge.models import EFFORT_ORDER

CATALOG = load_catalog()
IDS = [d.id for d in CATALOG.determinants]
STRATEGY_IDS = [s.id for s in CATALOG.strategies]
barrier_lists = st.lists(st.sampled_from(IDS), min_size=1, max_size=29, unique=True)


def strong(strategy_id: str, barrier: str) -> bool:
    link = CATALOG.strategy(strategy_id).link(barrier)
    return link is not None and link.weight >= STRONG


def test_plan_covers_two_barriers() -> None:
    result = plan(["formal_ratification", "time_available"])
    assert not result.uncovered
    coverage = result.coverage
    assert set(coverage) == {"formal_ratification", "time_available"}
    for barrier, strategies in coverage.items():
        assert strategies and all(strong(s, barrier) for s in strategies)


def test_plan_over_all_29_is_much_smaller_than_29_times_3() -> None:
    result = plan(IDS)
    assert not result.uncovered
    assert len(result.strategies) <= 15
    assert len(result.strategies) < 29 * 3 / 4


@given(barrier_lists)
@settings(max_examples=60, deadline=None)
def test_every_coverable_barrier_is_covered(barriers: list[str]) -> None:
    result = plan(barriers)
    for barrier in barriers:
        coverable = any(strong(s.id, barrier) for s in CATALOG.strategies)
        covered = any(barrier in p.covers for p in result.strategies)
        assert covered == coverable
    assert {d.id for d in result.uncovered} == {
        b for b in barriers if not any(strong(s.id, b) for s in CATALOG.strategies)
    }


@given(barrier_lists)
@settings(max_examples=60, deadline=None)
def test_no_strategy_in_the_plan_is_redundant(barriers: list[str]) -> None:
    result = plan(barriers)
    for chosen in result.strategies:
        others = {b for p in result.strategies if p is not chosen for b in p.covers}
        assert not set(chosen.covers) <= others


@given(
    barrier_lists,
    st.lists(st.sampled_from(STRATEGY_IDS), max_size=5, unique=True),
    st.lists(st.sampled_from(STRATEGY_IDS), max_size=20, unique=True),
    st.sampled_from(["low", "medium", "high"]),
)
@settings(max_examples=60, deadline=None)
def test_options_are_respected(barriers, in_use, exclude, max_effort) -> None:
    exclude = [s for s in exclude if s not in in_use]
    result = plan(barriers, in_use=in_use, exclude=exclude, max_effort=max_effort)
    chosen = {p.id for p in result.strategies}
    assert not chosen & set(exclude)
    assert not chosen & set(in_use)
    assert [p.id for p in result.in_use] == in_use
    assert all(
        EFFORT_ORDER[p.strategy.effort] <= EFFORT_ORDER[max_effort] for p in result.strategies
    )
    covered_by_use = {b for p in result.in_use for b in p.covers}
    for barrier in covered_by_use:
        assert barrier not in {d.id for d in result.uncovered}


@given(barrier_lists, st.integers(min_value=0, max_value=4))
@settings(max_examples=40, deadline=None)
def test_max_strategies(barriers: list[str], limit: int) -> None:
    result = plan(barriers, max_strategies=limit)
    assert len(result.strategies) <= limit
    coverable = {b for b in barriers if any(strong(s, b) for s in STRATEGY_IDS)}
    covered = {b for p in result.strategies for b in p.covers}
    assert result.limit_reached == bool(coverable - covered)


def test_plan_prefers_first_choice_links() -> None:
    """A first-choice link counts three times a strong one, so both barriers get a weight 3."""
    result = plan(["formal_ratification", "time_available"])
    for planned in result.strategies:
        for barrier in planned.covers:
            link = planned.strategy.link(barrier)
            assert link is not None and link.weight == 3
