"""Every result as data: `to_dict()` is the CLI's JSON, `to_frame()` a tidy table, a short
`repr`, and a view in the language asked for, with names instead of ids."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from implementatie import (
    InvalidOption,
    MissingExtra,
    assess,
    compare,
    plan,
    read_responses,
    recommend,
)
from implementatie.cli import main
from tests.conftest import EXAMPLE, EXAMPLE_LATER


@pytest.fixture(scope="module")
def assessment():  # type: ignore[no-untyped-def]
    return assess(read_responses(EXAMPLE))


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main([*args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_assess_json_is_the_results_to_dict(capsys, assessment, lang: str) -> None:
    out = cli_json(capsys, "assess", str(EXAMPLE), "--by", "team", "--lang", lang)
    expected = {
        **assessment.to_dict(),
        "subgroups": assessment.subgroups("team").to_dict(),
        **recommend(assessment.barriers).to_dict(lang),
        "plan": plan(assessment.barriers).to_dict(lang),
    }
    assert out == expected
    first = out["barriers"][0]
    assert first["severity"] == round(assessment.barriers[0].severity * 100, 1)
    assert first["n"] == assessment.barriers[0].n


def test_recommend_and_compare_json_are_to_dict(capsys, assessment) -> None:
    out = cli_json(capsys, "recommend", "19", "23", "--plan")
    assert out == {
        **recommend([19, 23]).to_dict(),
        "plan": plan([19, 23]).to_dict(),
    }
    assert "severity" not in out["barriers"][0]
    out = cli_json(capsys, "compare", str(EXAMPLE), str(EXAMPLE_LATER))
    later = assess(read_responses(EXAMPLE_LATER))
    assert out == compare(assessment, later).to_dict()
    assert json.dumps(compare(assessment, later).to_dict())  # plain JSON types only


def test_reprs_are_one_short_line(assessment) -> None:
    later = assess(read_responses(EXAMPLE_LATER))
    results = [
        assessment,
        assessment.subgroups("team"),
        compare(assessment, later),
        recommend(assessment.barriers),
        plan(assessment.barriers),
        *assessment.barriers,
        *assessment.determinants,
        *assessment.subgroups("team").groups,
        *compare(assessment, later).changes,
        *recommend(assessment.barriers).barriers,
        *recommend(assessment.barriers).barriers[0].strategies,
        *plan(assessment.barriers).strategies,
    ]
    for result in results:
        text = repr(result)
        assert "\n" not in text and len(text) < 120, text
    assert repr(assessment) == (
        f"Assessment(20 respondents, 29 determinants, {len(assessment.barriers)} barriers, "
        f"{len(assessment.facilitators)} facilitators)"
    )


def test_views_use_the_language_asked_and_names_not_ids(assessment) -> None:
    result = recommend(assessment.barriers)
    chosen = plan(assessment.barriers)
    for shown in (result.view("en"), chosen.view("en")):
        html = shown._repr_html_()
        assert "Barrier" in html or "Plan across all barriers" in html
        assert "replacement_when_staff_leave" not in html and "_" not in str(shown)
    assert "Belemmering: Formele bekrachtiging" in result._repr_html_()
    assert "Replacement when staff leave" in str(chosen.view("en"))
    with pytest.raises(InvalidOption, match="lang must be one of nl, en, got 'de'"):
        assessment.view("de")  # type: ignore[arg-type]


def test_subgroups_and_comparison_display_as_html(assessment) -> None:
    subgroups = assessment.subgroups("team")
    html = subgroups._repr_html_()
    assert "<table>" in html and "<svg" in html and "Noord (n=11)" in html
    comparison = compare(assessment, assess(read_responses(EXAMPLE_LATER)))
    html = comparison._repr_html_()
    assert "<svg" in html and "Opgelost" in html and len(html) < 200_000


def test_assessment_frame_is_tidy(assessment) -> None:
    frame = assessment.to_frame("en")
    assert frame.shape == (29, 10)
    assert list(frame["number"]) == list(range(1, 30))
    assert frame["negative"].dtype == "Float64" and frame["n"].dtype == "Int64"
    row = frame.set_index("determinant").loc["formal_ratification"]
    assert row["name"] == "Formal ratification by management" and row["status"] == "barrier"
    result = assessment.result("formal_ratification")
    assert row["negative"] == pytest.approx(result.negative)


def test_subgroups_frame_has_a_row_per_group_and_determinant(assessment) -> None:
    subgroups = assessment.subgroups("team")
    frame = subgroups.to_frame()
    assert frame.shape == (len(subgroups.groups) * 29, 13)
    hidden = frame[frame["negative"].isna()]
    expected = sum(r.negative is None for g in subgroups.groups for r in g.determinants)
    assert len(hidden) == expected
    assert set(frame["group"]) == {g.name for g in subgroups.groups}
    sizes = dict(zip(frame["group"], frame["group_respondents"], strict=True))
    assert sizes == {g.name: g.respondents for g in subgroups.groups}


def test_recommendation_plan_and_comparison_frames(assessment) -> None:
    result = recommend(assessment.barriers)
    frame = result.to_frame("en")
    assert len(frame) == sum(len(b.strategies) for b in result.barriers)
    assert frame["rank"].dtype == "int64" and frame["severity"].dtype == "Float64"
    assert "_" not in "".join(frame["also_addresses"])
    chosen = plan(assessment.barriers, in_use=["audit_and_feedback"])
    frame = chosen.to_frame()
    assert len(frame) == len(chosen.strategies) + 1 and frame["in_use"].iloc[0]
    comparison = compare(assessment, assess(read_responses(EXAMPLE_LATER)))
    frame = comparison.to_frame()
    assert frame.shape == (29, 12)
    resolved = frame[frame["change"] == "resolved"]["determinant"]
    assert list(resolved) == [d.id for d in comparison.resolved]
    assert isinstance(frame, pd.DataFrame)


def test_missing_pandas_is_one_clear_error(assessment, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        MissingExtra, match=r'to_frame\(\) \(pandas\).*pip install "implementatie\[notebook\]"'
    ):
        assessment.to_frame()


def test_missing_matplotlib_leaves_a_note_instead_of_the_chart(assessment, monkeypatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(
        MissingExtra, match=r"plotting \(matplotlib\) needs optional.*implementatie\[report\]"
    ):
        assessment.plot()
    html = assessment._repr_html_()
    assert "<svg" not in html and "installeer implementatie[report]" in html
