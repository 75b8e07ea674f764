"""A comparison as data, text, table, chart and HTML."""

from __future__ import annotations

import dataclasses
import json

import pytest

from implementatie.survey.assessment import Assessment, assess
from implementatie.survey.comparison import compare
from implementatie.survey.responses import make_responses


def round_(q23: int, q17: int, prefix: str) -> Assessment:
    """Six respondents answering time_available (q23) and knowledge (q17) alike."""
    return assess(make_responses({f"{prefix}{i}": {"q23": q23, "q17": q17} for i in range(6)}))


@pytest.fixture(scope="module")
def comparison():  # type: ignore[no-untyped-def]
    # time_available: barrier → barrier; knowledge: barrier → facilitator
    return compare(round_(1, 1, "a"), round_(1, 5, "b"))


def test_as_data(comparison) -> None:  # type: ignore[no-untyped-def]
    data = comparison.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["warnings"] == []
    assert data["resolved"] == ["knowledge"]
    assert data["new"] == []
    assert data["persisting"] == ["time_available"]
    changes = {d["id"]: d for d in data["determinants"]}
    assert changes["knowledge"] == {
        "id": "knowledge",
        "before": "barrier",
        "after": "facilitator",
        "negative_change": -100.0,
        "change": "resolved",
    }
    assert changes["time_available"]["negative_change"] == 0.0
    unanswered = changes["compatibility"]
    assert unanswered["negative_change"] is None and unanswered["change"] == "unchanged"
    assert [d["id"] for d in data["determinants"]] == [c.determinant.id for c in comparison.changes]


def test_as_text(comparison) -> None:  # type: ignore[no-untyped-def]
    count = len(comparison.changes)
    assert repr(comparison) == f"Comparison({count} determinants: 1 resolved, 0 new, 1 persisting)"
    knowledge = next(c for c in comparison.changes if c.determinant.id == "knowledge")
    assert repr(knowledge) == "Change(knowledge, barrier → facilitator, resolved)"


def test_as_table_chart_and_html(comparison) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    plt = pytest.importorskip("matplotlib.pyplot")
    dutch, english = comparison.to_frame(), comparison.to_frame("en")
    assert len(dutch) == len(comparison.changes)
    assert not dutch.equals(english)
    _, ax = plt.subplots()
    assert comparison.plot("en", ax=ax) is ax.figure
    assert comparison.plot().axes  # in Dutch by default, on a new figure
    plt.close("all")
    html = comparison.view()._repr_html_()
    assert html == comparison._repr_html_() != comparison.view("en")._repr_html_()


def test_the_comparison_keeps_the_settings_of_both_rounds() -> None:
    answers = {f"r{i}": {"q23": 1} for i in range(7)}
    before = assess(make_responses(answers), min_group_size=6, barrier_threshold=0.3)
    after = assess(make_responses(answers), min_group_size=6, barrier_threshold=0.3)
    assert compare(before, after).settings == before.settings
    assert before.settings.min_group_size == 6


def test_a_determinant_missing_from_one_round_is_left_out_and_the_rest_compared(
    comparison,  # type: ignore[no-untyped-def]
) -> None:
    """As with two editions of the questionnaire: only what both rounds measured is compared."""
    before, after = round_(1, 1, "a"), round_(1, 5, "b")
    first = after.determinants[0].determinant.id
    fewer = dataclasses.replace(after, determinants=after.determinants[1:])
    changes = [c.determinant.id for c in compare(before, fewer).changes]
    assert changes == [c.determinant.id for c in comparison.changes if c.determinant.id != first]
    assert len(changes) == len(before.determinants) - 1
