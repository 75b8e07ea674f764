"""Recommendations and plans as data, text, table, chart and HTML, in the language asked."""

from __future__ import annotations

import json

import pytest

from implementatie import load_catalog, plan, recommend
from implementatie.survey.assessment import assess
from implementatie.survey.responses import make_responses

CATALOG = load_catalog()
BARRIERS = ["time_available", "formal_ratification", "coordinator"]


@pytest.fixture(scope="module")
def chosen():  # type: ignore[no-untyped-def]
    return plan(BARRIERS, in_use=["appoint_coordinator_with_hours"])


@pytest.fixture(scope="module")
def ranked():  # type: ignore[no-untyped-def]
    return recommend(BARRIERS, top=2)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_plan_as_data(chosen, lang: str) -> None:  # type: ignore[no-untyped-def]
    data = chosen.to_dict(lang)
    assert json.loads(json.dumps(data)) == data
    assert data["in_use"] == [{"id": "appoint_coordinator_with_hours", "covers": ["coordinator"]}]
    assert data["strategies"] == [
        {
            "id": p.strategy.id,
            "name": getattr(p.strategy.name, lang),
            "effort": p.strategy.effort,
            "covers": list(p.covers),
        }
        for p in chosen.strategies
    ]
    assert data["strategies"] and all(s["covers"] for s in data["strategies"])
    assert list(data["coverage"]) == BARRIERS
    assert data["coverage"]["coordinator"][0] == "appoint_coordinator_with_hours"
    assert data["coverage"] == {b: list(ids) for b, ids in chosen.coverage.items()}
    assert data["uncovered"] == [] and data["limit_reached"] is False


def test_a_plan_cut_short_as_data() -> None:
    data = plan(BARRIERS, max_strategies=1).to_dict()
    assert data["limit_reached"] is True
    assert len(data["strategies"]) == 1
    assert data["uncovered"] == [b for b in BARRIERS if b not in data["strategies"][0]["covers"]]
    assert data["uncovered"]


def test_a_plan_as_text(chosen) -> None:  # type: ignore[no-untyped-def]
    count = len(chosen.strategies)
    assert repr(chosen) == f"Plan({count} strategies for 3 barriers, 0 uncovered)"
    assert repr(chosen.in_use[0]) == (
        "PlannedStrategy(appoint_coordinator_with_hours, covers 1, in use)"
    )
    first = chosen.strategies[0]
    assert repr(first) == f"PlannedStrategy({first.id}, covers {len(first.covers)})"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_recommendation_as_data(ranked, lang: str) -> None:  # type: ignore[no-untyped-def]
    data = ranked.to_dict(lang)
    assert json.loads(json.dumps(data)) == data
    assert data["lang"] == lang
    assert [b["determinant"] for b in data["barriers"]] == BARRIERS
    for entry, given in zip(data["barriers"], ranked.barriers, strict=True):
        assert entry["name"] == getattr(given.determinant.name, lang)
        assert "severity" not in entry and "n" not in entry  # not from an assessment
        assert len(entry["strategies"]) == 2
        for found, r in zip(entry["strategies"], given.strategies, strict=True):
            assert found == {
                "id": r.strategy.id,
                "rank": r.rank,
                "score": r.score,
                "weight": r.weight,
                "name": getattr(r.strategy.name, lang),
                "rationale": getattr(r.rationale, lang),
                "basis": r.basis,
                "source": r.source,
                "also_addresses": list(r.also_addresses),
                "effort": r.strategy.effort,
                "eric": list(r.strategy.eric_numbers),
                "adapts": list(r.strategy.adapts),
            }
    assert [s["rank"] for s in data["barriers"][0]["strategies"]] == [1, 2]


def test_a_recommendation_is_in_dutch_by_default(ranked) -> None:  # type: ignore[no-untyped-def]
    assert ranked.to_dict() == ranked.to_dict("nl") != ranked.to_dict("en")
    entry = ranked.barriers[0]
    assert entry.to_dict() == entry.to_dict("nl") != entry.to_dict("en")
    first = entry.strategies[0]
    assert first.to_dict() == first.to_dict("nl") != first.to_dict("en")


def test_a_plan_is_in_dutch_by_default(chosen) -> None:  # type: ignore[no-untyped-def]
    assert chosen.to_dict() == chosen.to_dict("nl") != chosen.to_dict("en")


def test_barriers_from_an_assessment_carry_severity_and_n() -> None:
    answers = {f"r{i}": {"q23": 1 if i < 2 else 3} for i in range(8)}
    result = recommend(assess(make_responses(answers)).barriers)
    (entry,) = result.to_dict()["barriers"]
    assert entry["determinant"] == "time_available"
    assert entry["severity"] == 25.0 and entry["n"] == 8


def test_a_recommendation_as_text(ranked) -> None:  # type: ignore[no-untyped-def]
    assert repr(ranked) == "Recommendation(3 barriers, 6 ranked strategies)"
    entry = ranked.barriers[0]
    assert repr(entry) == "BarrierStrategies(time_available, 2 strategies)"
    first = entry.strategies[0]
    assert repr(first) == (
        f"RankedStrategy(1. {first.id}, weight={first.weight}, score={first.score})"
    )


def test_tables_in_the_language_asked(chosen, ranked) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    for result, rows in ((chosen, 3), (ranked, 6)):
        dutch, english = result.to_frame(), result.to_frame("en")
        assert len(dutch) == len(english) == rows
        assert list(dutch.columns) == list(english.columns)
        assert not dutch.equals(english)


def test_charts_on_the_axes_given(chosen, ranked) -> None:  # type: ignore[no-untyped-def]
    plt = pytest.importorskip("matplotlib.pyplot")
    for result in (chosen, ranked):
        _, ax = plt.subplots()
        assert result.plot("en", ax=ax) is ax.figure
        assert result.plot().axes  # in Dutch by default, on a new figure
    plt.close("all")


def test_views_and_html_in_the_language_asked(chosen, ranked) -> None:  # type: ignore[no-untyped-def]
    for result in (chosen, ranked):
        dutch = result.view()._repr_html_()
        assert dutch == result._repr_html_()
        assert dutch != result.view("en")._repr_html_()
