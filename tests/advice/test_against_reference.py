"""recommend and plan, from their precomputed tables, agree with the plain reference rules."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from implementatie import load_catalog, plan, recommend
from tests.advice import reference

CATALOG = load_catalog()
IDS = [d.id for d in CATALOG.determinants]
STRATEGY_IDS = [s.id for s in CATALOG.strategies]
barrier_lists = st.lists(st.sampled_from(IDS), min_size=1, max_size=29, unique=True)
strategy_lists = st.lists(st.sampled_from(STRATEGY_IDS), max_size=8, unique=True)
efforts = st.sampled_from([None, "low", "medium", "high"])


@given(barrier_lists, st.sampled_from([None, 1, 3, 5]), strategy_lists, efforts)
@settings(max_examples=150, deadline=None)
def test_recommend_matches_the_reference(barriers, top, exclude, max_effort) -> None:  # type: ignore[no-untyped-def]
    fast = recommend(barriers, top=top, exclude=exclude, max_effort=max_effort, catalog=CATALOG)
    got = [
        [(r.id, r.score, r.weight, r.also_addresses) for r in entry.strategies]
        for entry in fast.barriers
    ]
    assert [r.rank for r in fast.barriers[0].strategies] == list(
        range(1, len(fast.barriers[0].strategies) + 1)
    )
    assert got == reference.recommend(barriers, CATALOG, top, exclude, max_effort)


@given(
    barrier_lists,
    st.sampled_from([None, 0, 1, 2, 4]),
    strategy_lists,
    strategy_lists,
    efforts,
)
@settings(max_examples=150, deadline=None)
def test_plan_matches_the_reference(barriers, limit, in_use, exclude, max_effort) -> None:  # type: ignore[no-untyped-def]
    fast = plan(
        barriers,
        max_strategies=limit,
        in_use=in_use,
        exclude=exclude,
        max_effort=max_effort,
        catalog=CATALOG,
    )
    chosen, uncovered, limited = reference.plan(
        barriers, CATALOG, limit, in_use, exclude, max_effort
    )
    assert [(p.id, p.covers) for p in fast.strategies] == chosen
    assert [d.id for d in fast.uncovered] == uncovered
    assert fast.limit_reached == limited
    assert [p.id for p in fast.in_use] == [CATALOG.strategy(s).id for s in in_use]


def test_the_reference_comparison_sees_a_difference() -> None:
    """Guard the guard: the reference rule depends on the order rule it claims to check."""
    full = reference.recommend(IDS, CATALOG, top=None)
    assert any(len(entry) > 1 for entry in full)
    assert full != [list(reversed(entry)) for entry in full]
