"""Recommend: ranking rule, explanations, options, and properties that must always hold."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from implementatie import LookupFailed, load_catalog
from implementatie.advice.recommendation import recommend
from tests.advice.reference import sort_key

CATALOG = load_catalog()
IDS = [d.id for d in CATALOG.determinants]
barrier_lists = st.lists(st.sampled_from(IDS), min_size=1, max_size=8, unique=True)


def test_two_barriers_three_explained_strategies_each() -> None:
    result = recommend(["formal_ratification", "time_available"])
    assert [b.determinant.id for b in result.barriers] == ["formal_ratification", "time_available"]
    for entry in result.barriers:
        assert [r.rank for r in entry.strategies] == [1, 2, 3]
        for ranked in entry.strategies:
            link = ranked.strategy.link(entry.determinant.id)
            assert link is not None
            assert ranked.weight == link.weight and ranked.rationale == link.rationale
            assert ranked.rationale.nl and ranked.rationale.en


def test_barriers_by_number_and_name_in_either_language() -> None:
    by_id = recommend(["formal_ratification", "time_available"])
    by_other = recommend([19, "Beschikbare tijd"])
    by_english = recommend(["Formal ratification by management", "time available"])
    assert by_id == by_other == by_english


def test_unknown_barrier_lists_close_matches() -> None:
    with pytest.raises(LookupFailed, match="did you mean: time_available"):
        recommend(["time_availble"])


def test_score_is_summed_weight_and_also_addresses_lists_other_barriers() -> None:
    barriers = ["knowledge", "self_efficacy", "awareness_of_content"]
    result = recommend(barriers, top=None)
    for entry in result.barriers:
        for ranked in entry.strategies:
            expected = sum(
                link.weight for link in ranked.strategy.links if link.determinant in barriers
            )
            assert ranked.score == expected
            others = [
                b
                for b in barriers
                if b != entry.determinant.id and ranked.strategy.link(b) is not None
            ]
            assert list(ranked.also_addresses) == others


def test_synergy_breaks_ties_in_weight() -> None:
    """Among equal weights, a strategy that also addresses the other barriers ranks higher."""
    result = recommend(IDS, top=None)
    for entry in result.barriers:
        for first, second in zip(entry.strategies, entry.strategies[1:], strict=False):
            assert (first.weight, first.score) >= (second.weight, second.score)


def test_single_barrier_follows_curated_top_three() -> None:
    for determinant in CATALOG.determinants:
        ranked = recommend([determinant.id]).barriers[0].strategies
        tops = [r.top for r in ranked]
        assert tops == [1, 2, 3], determinant.id


@given(barrier_lists, st.integers(min_value=1, max_value=6))
@settings(max_examples=60, deadline=None)
def test_top_is_respected(barriers: list[str], top: int) -> None:
    result = recommend(barriers, top=top)
    for entry in result.barriers:
        linked = len(CATALOG.strategies_for(entry.determinant.id))
        assert len(entry.strategies) == min(top, linked)


@given(barrier_lists, st.lists(st.sampled_from([s.id for s in CATALOG.strategies]), max_size=15))
@settings(max_examples=60, deadline=None)
def test_excluded_strategies_never_appear(barriers: list[str], excluded: list[str]) -> None:
    result = recommend(barriers, top=5, exclude=excluded)
    shown = {r.id for entry in result.barriers for r in entry.strategies}
    assert not shown & set(excluded)


@given(barrier_lists, st.randoms(use_true_random=False))
@settings(max_examples=60, deadline=None)
def test_order_of_barriers_never_changes_a_barriers_own_list(barriers: list[str], rnd) -> None:
    """Synergy depends on the set of barriers, not their order, so each list stays the same."""
    shuffled = list(barriers)
    rnd.shuffle(shuffled)
    first = {b.determinant.id: b.strategies for b in recommend(barriers, top=None).barriers}
    second = {b.determinant.id: b.strategies for b in recommend(shuffled, top=None).barriers}
    for barrier in barriers:
        ids_first = [(r.id, r.rank, r.score) for r in first[barrier]]
        ids_second = [(r.id, r.rank, r.score) for r in second[barrier]]
        assert ids_first == ids_second
    assert [b.determinant.id for b in recommend(shuffled).barriers] == shuffled


def test_ranking_never_falls_back_to_the_id_within_a_top_three() -> None:
    """For every determinant alone, the first four keys differ before the id is reached."""
    for determinant in CATALOG.determinants:
        linked = CATALOG.strategies_for(determinant.id)
        keys = sorted(sort_key(s, determinant.id, [determinant.id], CATALOG) for s in linked)
        for upper, lower in itertools.pairwise(keys[:4]):
            assert upper[:-1] != lower[:-1], (determinant.id, upper, lower)


def test_max_effort_leaves_out_costly_strategies() -> None:
    result = recommend(IDS, top=None, max_effort="low")
    assert all(r.strategy.effort == "low" for b in result.barriers for r in b.strategies)


def test_invalid_top() -> None:
    with pytest.raises(ValueError, match="top must be at least 1"):
        recommend(["knowledge"], top=0)


def test_recommend_accepts_barriers_from_an_assessment_in_their_order() -> None:
    from implementatie.survey.assessment import Barrier

    barriers = [
        Barrier(CATALOG.determinant("time_available"), 0.6, 10),
        Barrier(CATALOG.determinant("knowledge"), 0.3, 10),
    ]
    result = recommend(barriers)
    assert [b.determinant.id for b in result.barriers] == ["time_available", "knowledge"]
