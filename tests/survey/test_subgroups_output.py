"""Subgroup views as data, table, chart and text: what is shown, in the language asked."""

from __future__ import annotations

import pytest

from implementatie.survey.assessment import assess
from implementatie.survey.responses import make_responses


@pytest.fixture(scope="module")
def subgroups():  # type: ignore[no-untyped-def]
    roles = ["nurse"] * 6 + ["doctor"] * 5 + ["aide"] * 2
    answers = {f"r{i}": {"q23": 2 if i < 6 else 4} for i in range(len(roles))}
    attributes = {f"r{i}": {"role": role} for i, role in enumerate(roles)}
    return assess(make_responses(answers, attributes=attributes)).subgroups("role")


def test_as_data(subgroups) -> None:  # type: ignore[no-untyped-def]
    data = subgroups.to_dict()
    # aide (2) is hidden, and doctor with it: nurse + doctor = everyone − aide would show it
    assert data["attribute"] == "role" and data["groups_hidden"] is True
    assert [(g["name"], g["respondents"]) for g in data["groups"]] == [("nurse", 6)]
    (nurse,) = data["groups"]
    assert set(nurse) == {"name", "respondents", "determinants"}
    time = next(d for d in nurse["determinants"] if d["id"] == "time_available")
    assert time == {
        "id": "time_available",
        "n": 6,
        "negative": 100.0,
        "neutral": 0.0,
        "positive": 0.0,
        "status": "barrier",
    }
    assert [d["id"] for d in nurse["determinants"]] == [
        r.determinant.id for r in subgroups.groups[0].determinants
    ]


def test_as_text(subgroups) -> None:  # type: ignore[no-untyped-def]
    assert repr(subgroups) == "Subgroups(by 'role': 1 groups shown, some hidden)"
    roles = {f"r{i}": {"role": "a" if i < 5 else "b"} for i in range(10)}
    answers = {rid: {"q23": 3} for rid in roles}
    everyone = assess(make_responses(answers, attributes=roles)).subgroups("role")
    assert repr(everyone) == "Subgroups(by 'role': 2 groups shown)"
    assert repr(subgroups.groups[0]) == "GroupResult('nurse', 6 respondents)"


def test_as_table_in_the_language_asked(subgroups) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("pandas")
    dutch, english = subgroups.to_frame(), subgroups.to_frame("en")
    assert len(dutch) == len(subgroups.groups[0].determinants)
    assert set(dutch["group"]) == {"nurse"}
    assert list(dutch.columns) == list(english.columns)
    assert not dutch.equals(english)  # names in another language


def test_as_chart_on_the_axes_given(subgroups) -> None:  # type: ignore[no-untyped-def]
    plt = pytest.importorskip("matplotlib.pyplot")
    _, ax = plt.subplots()
    assert subgroups.plot("en", ax=ax) is ax.figure
    assert subgroups.plot().axes  # in Dutch by default, on a new figure
    plt.close("all")


def test_as_view_and_html_in_the_language_asked(subgroups) -> None:  # type: ignore[no-untyped-def]
    dutch = subgroups.view()._repr_html_()
    assert dutch == subgroups._repr_html_()
    assert dutch != subgroups.view("en")._repr_html_()
    assert "nurse" in dutch
