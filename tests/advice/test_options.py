"""What a recommendation and a plan record about their options, and the messages of bad ones."""

from __future__ import annotations

import pytest

from implementatie import InvalidOption, load_catalog, plan, recommend

CATALOG = load_catalog()


def test_recommendation_records_top_and_excluded_ids() -> None:
    result = recommend(["time_available"], top=2, exclude=["Mandate change", "audit_and_feedback"])
    assert result.top == 2
    assert result.excluded == ("audit_and_feedback", "mandate_change")  # ids, sorted
    assert [len(b.strategies) for b in result.barriers] == [2]
    everything = recommend(["time_available"], top=None)
    assert everything.top is None and everything.excluded == ()
    linked = len(CATALOG.strategies_for("time_available"))
    assert len(everything.barriers[0].strategies) == linked > 3


def test_bad_max_strategies_names_the_value() -> None:
    with pytest.raises(InvalidOption) as caught:
        plan(["time_available"], max_strategies=-1)
    assert str(caught.value) == "max_strategies must be 0 or more, got -1"


def test_zero_strategies_is_an_empty_plan_that_says_the_limit_was_reached() -> None:
    result = plan(["time_available"], max_strategies=0)
    assert result.strategies == () and result.limit_reached
    assert [d.id for d in result.uncovered] == ["time_available"]


def test_each_ranked_strategy_carries_its_links_explanation() -> None:
    result = recommend(["performance_feedback", "compatibility"], top=None)
    # some of these links cite a source, so a lost source would show
    assert any(r.source for entry in result.barriers for r in entry.strategies)
    for entry in result.barriers:
        for ranked in entry.strategies:
            link = ranked.strategy.link(entry.determinant.id)
            assert link is not None
            assert (ranked.weight, ranked.top, ranked.rationale) == (
                link.weight,
                link.top,
                link.rationale,
            )
            assert (ranked.basis, ranked.source) == (link.basis, link.source)
            assert ranked.basis is not None
