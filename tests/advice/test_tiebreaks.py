"""Each tie-break of the ranking rule and the plan, in its own direction.

`tiebreaks.yaml` holds one small puzzle per rule; the ids are chosen so that the last
tie-break (the id) alone would give the other answer, so only the rule under test can pass.
ERIC ratings are those of the bundled taxonomy (Waltz et al. 2015).
"""

from __future__ import annotations

import pytest

from implementatie import load_catalog, plan, recommend
from tests.conftest import CATALOGUES

CATALOG = load_catalog(CATALOGUES / "tiebreaks.yaml")


def ranking(barrier: str) -> list[str]:
    return [r.id for r in recommend([barrier], catalog=CATALOG, top=None).barriers[0].strategies]


def chosen(*barriers: str) -> list[str]:
    return [p.id for p in plan(barriers, catalog=CATALOG).strategies]


def test_ranking_higher_eric_importance_first() -> None:
    # ERIC 4 has importance 4.6, ERIC 5 has 4.4; all else is equal
    assert ranking("by_importance") == ["z_more_important", "a_less_important"]


def test_ranking_higher_eric_feasibility_first_when_importance_is_equal() -> None:
    # ERIC 63 and 26 are both 4.37 important; 63 is more feasible (4.0 against 3.63)
    assert ranking("by_feasibility") == ["z_more_feasible", "a_less_feasible"]


def test_ranking_takes_the_highest_of_several_ratings_and_zero_for_none() -> None:
    assert ranking("by_several") == [
        # weight 3: ERIC 68 and 4 give the higher of each (4.6), which beats ERIC 5 (4.4)
        "z_best_of_two",
        "a_single_rating",
        # weight 2: both 3.57 important; feasibility 3.13 (from ERIC 67) beats none (0)
        "y_feasibility_from_other",
        "b_importance_only",
        # weight 1: a low rating (ERIC 68) beats no rating; an ERIC number without ratings
        # and no ERIC number at all both count (0, 0), so the id decides between them
        "x_low_rating",
        "a_no_eric",
        "c_unrated_eric",
        "e_no_eric",
    ]


def test_plan_divides_gain_by_effort() -> None:
    # one high-effort step covers both (gain 6 / effort 3 = 2); two low-effort steps cover
    # one each (3 / 1 = 3): the cheap pair is chosen, the cheapest per gain first
    assert chosen("effort_a", "effort_b") == ["y_small_step_a", "z_small_step_b"]


def test_plan_counts_weight_two_links_and_not_weight_one() -> None:
    result = plan(["only_strong", "only_weak"], catalog=CATALOG)
    assert [p.id for p in result.strategies] == ["strong_link"]
    assert result.strategies[0].covers == ("only_strong",)
    assert [d.id for d in result.uncovered] == ["only_weak"]
    assert result.coverage == {"only_strong": ("strong_link",), "only_weak": ()}
    assert not result.limit_reached  # a barrier no strategy can cover is not a limit


def test_plan_prunes_latest_first_against_what_is_kept() -> None:
    # greedy picks p_first {1} (3/1), then p_second {1, 4} (1/1), then p_third {4, 5} (1/3).
    # Latest first: p_third is needed for 5; p_second is redundant (1 by p_first, 4 by
    # p_third) and goes; p_first is then the only one left for 1 and stays.
    assert chosen("prune_1", "prune_4", "prune_5") == ["p_first", "p_third"]


def test_plan_prunes_also_when_the_limit_is_reached() -> None:
    # the same three picks with max_strategies=3, and prune_6 left open by the limit:
    # p_second is still redundant among the picks and still goes
    result = plan(["prune_1", "prune_4", "prune_5", "prune_6"], catalog=CATALOG, max_strategies=3)
    assert [p.id for p in result.strategies] == ["p_first", "p_third"]
    assert result.limit_reached
    assert [d.id for d in result.uncovered] == ["prune_6"]
    unlimited = plan(["prune_1", "prune_4", "prune_5", "prune_6"], catalog=CATALOG)
    assert [p.id for p in unlimited.strategies] == ["p_first", "p_third", "q_last"]


def test_plan_prefers_more_barriers_at_equal_gain_per_effort() -> None:
    # z_covers_two: 6 / 2 = 3 for two barriers; a_covers_one: 3 / 1 = 3 for one
    assert chosen("count_1", "count_2") == ["z_covers_two"]


def test_plan_prefers_lower_effort_at_equal_gain_per_effort() -> None:
    # a_costly: weight 3 at high effort (3 / 3); z_cheap: weight 2 at low effort (1 / 1)
    assert chosen("cheaper") == ["z_cheap"]


def test_plan_prefers_a_better_curated_place() -> None:
    assert chosen("by_place") == ["z_first_place"]


@pytest.mark.parametrize(
    ("barriers", "in_use", "expected"),
    [
        (("place_1_open", "place_1_in_use"), "u_uses_first", "z_first_on_both"),
        (("place_3_open", "place_3_in_use"), "u_uses_third", "z_third_on_both"),
        (("place_3_in_use", "place_3_open"), "u_uses_third", "z_third_on_both"),
    ],
)
def test_plan_counts_the_place_on_every_open_barrier(
    barriers: tuple[str, str], in_use: str, expected: str
) -> None:
    """The place on the barrier in use does not count; the place on the open one does, at
    place 1 and at place 3 (a third place beats no place), whichever barrier is given first."""
    result = plan(barriers, catalog=CATALOG, in_use=[in_use])
    assert [p.id for p in result.strategies] == [expected]


@pytest.mark.parametrize(
    ("barrier", "expected"),
    [
        ("by_importance", "z_more_important"),
        ("by_feasibility", "z_more_feasible"),
        ("by_several", "z_best_of_two"),
    ],
)
def test_plan_breaks_remaining_ties_by_eric_rating(barrier: str, expected: str) -> None:
    assert chosen(barrier) == [expected]


def test_plan_counts_a_first_choice_link_as_three_strong_ones() -> None:
    # z_first_choice: weight 3 on first_choice (gain 3; its weight-1 link counts nothing);
    # a_two_strong: weight 2 on strong_1 and strong_2 (gain 1 + 1): the first choice comes first
    result = plan(["first_choice", "strong_1", "strong_2"], catalog=CATALOG)
    assert [p.id for p in result.strategies] == ["z_first_choice", "a_two_strong"]
    assert result.strategies[0].covers == ("first_choice",)


def test_plan_leaves_out_what_is_in_use_and_counts_it_as_covering() -> None:
    result = plan(["effort_a", "effort_b"], catalog=CATALOG, in_use=["a_one_big_step"])
    assert result.strategies == ()
    assert [(p.id, p.in_use, p.covers) for p in result.in_use] == [
        ("a_one_big_step", True, ("effort_a", "effort_b"))
    ]
    assert result.uncovered == ()
    assert result.coverage == {"effort_a": ("a_one_big_step",), "effort_b": ("a_one_big_step",)}


def test_plan_stops_at_max_strategies_and_says_so() -> None:
    result = plan(["effort_a", "effort_b"], catalog=CATALOG, max_strategies=1)
    assert [p.id for p in result.strategies] == ["y_small_step_a"]
    assert result.limit_reached
    assert [d.id for d in result.uncovered] == ["effort_b"]
    exact = plan(["effort_a", "effort_b"], catalog=CATALOG, max_strategies=2)
    assert not exact.limit_reached and exact.uncovered == ()
