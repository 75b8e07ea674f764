"""A plan in ERIC terms: what each strategy is, adapts, or uses instead."""

from __future__ import annotations

from implementatie import load_catalog, plan
from implementatie.advice.eric import eric_terms

CATALOG = load_catalog()


def test_each_strategy_reports_what_it_is_then_what_it_adapts() -> None:
    terms = eric_terms(
        ["identify_and_prepare_champions", "implementation_team", "leaders_lead_by_example"]
    )
    rows = [(t.strategy.id, t.relation, t.number, t.name) for t in terms]
    assert rows == [
        ("identify_and_prepare_champions", "is", 35, "Identify and prepare champions"),
        ("implementation_team", "adapts", 57, "Recruit, designate, and train for leadership"),
        ("implementation_team", "adapts", 64, "Use advisory boards and workgroups"),
        ("leaders_lead_by_example", "method", None, "Modeling"),
    ]


def test_a_strategy_without_eric_or_method_says_so() -> None:
    [term] = eric_terms(["stop_other_work_to_make_room"])
    assert (term.relation, term.number, term.name) == ("none", None, None)


def test_a_plan_reports_strategies_in_use_first() -> None:
    chosen = plan(["formal_ratification", "coordinator"], in_use=["appoint_coordinator_with_hours"])
    terms = eric_terms(chosen, catalog=CATALOG)
    assert terms[0].strategy.id == "appoint_coordinator_with_hours"
    assert (terms[0].relation, terms[0].number) == ("adapts", 57)
    reported = {t.strategy.id for t in terms}
    assert reported == {p.id for p in (*chosen.in_use, *chosen.strategies)}


def test_every_bundled_strategy_maps_to_something() -> None:
    for term in eric_terms(CATALOG.strategies, catalog=CATALOG):
        if term.relation in ("is", "adapts"):
            assert term.number is not None
            assert term.name == CATALOG.eric(term.number).name
        elif term.relation == "method":
            assert term.name in term.strategy.methods
