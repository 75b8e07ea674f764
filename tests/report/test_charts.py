"""Figures: drawn headless (Agg), never shown, one per result type, thresholds distinct."""

from __future__ import annotations

import matplotlib
import pytest
from matplotlib.figure import Figure

from implementatie import (
    DeterminantResult,
    GroupResult,
    Subgroups,
    assess,
    compare,
    make_responses,
    plan,
    read_responses,
    recommend,
)
from implementatie.report.charts import svg
from tests.conftest import EXAMPLE, EXAMPLE_LATER

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def assessment():  # type: ignore[no-untyped-def]
    return assess(read_responses(EXAMPLE))


def test_profile_figure_draws_two_bars_per_shown_determinant(assessment) -> None:
    figure = assessment.plot("en")
    assert isinstance(figure, Figure)
    ax = figure.axes[0]
    shown = [r for r in assessment.determinants if r.negative is not None]
    assert len(ax.patches) == 2 * len(shown)
    negative = sorted(-p.get_width() for p in ax.patches if p.get_width() < 0)
    assert negative[-1] == pytest.approx(max(r.negative or 0 for r in shown) * 100)


@pytest.mark.parametrize(("barrier", "facilitator"), [(0.2, 0.8), (0.2, 0.2), (0.5, 0.5)])
def test_threshold_lines_never_coincide(barrier: float, facilitator: float) -> None:
    answers = {f"r{i}": {"q19": 2 if i < 3 else 1} for i in range(6)}
    result = assess(
        make_responses(answers), barrier_threshold=barrier, facilitator_threshold=facilitator
    )
    ax = result.plot("en").axes[0]
    vertical = {round(line.get_xdata()[0], 6) for line in ax.get_lines()}  # type: ignore[index]
    assert {-barrier * 100, facilitator * 100, 0} == vertical


def test_figures_draw_on_a_given_axes(assessment) -> None:
    figure = Figure()
    ax = figure.subplots()
    assert assessment.plot("nl", ax=ax) is figure


def test_subgroup_heatmap_leaves_hidden_cells_blank(assessment) -> None:
    shown = assessment.subgroups("team")
    first, second = shown.groups
    cells = list(second.determinants)
    cells[0] = DeterminantResult(cells[0].determinant, None, None, None, None, "suppressed")
    subgroups = Subgroups("team", (first, GroupResult(second.name, 9, tuple(cells))), True)
    ax = subgroups.plot("en").axes[0]
    image = ax.images[0].get_array()
    assert image.mask[0, 1] and not image.mask[0, 0]  # type: ignore[union-attr,index]
    assert image.count() == 2 * 29 - 1  # type: ignore[union-attr]
    assert [t.get_text() for t in ax.texts].count("hidden") == 1


def test_subgroup_heatmap_with_no_group_to_show_says_so(assessment) -> None:
    subgroups = assessment.subgroups("role")
    assert not subgroups.groups, "roles in the example are too small to show"
    ax = subgroups.plot("en").axes[0]
    assert not ax.images and "No group can be shown" in ax.texts[0].get_text()


def test_change_figure_has_a_dumbbell_per_known_determinant(assessment) -> None:
    later = assess(read_responses(EXAMPLE_LATER))
    comparison = compare(assessment, later)
    ax = comparison.plot("en").axes[0]
    known = [
        c
        for c in comparison.changes
        if c.before.negative is not None and c.after.negative is not None
    ]
    assert len(ax.get_yticklabels()) == len(known)
    legend = {t.get_text() for t in ax.get_legend().get_texts()}
    assert legend <= {"Resolved", "New", "Persisting"} and legend


def test_recommendation_map_marks_shared_strategies(assessment) -> None:
    result = recommend(assessment.barriers)
    ax = result.plot("en").axes[0]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    counts: dict[str, int] = {}
    for entry in result.barriers:
        for ranked in entry.strategies:
            counts[ranked.strategy.name.en] = counts.get(ranked.strategy.name.en, 0) + 1
    starred = {label.removeprefix("★ ") for label in labels if label.startswith("★ ")}
    assert starred and all(counts[name] > 1 for name in starred if name in counts)
    assert plan(assessment.barriers).plot("en").axes


def test_svg_keeps_text_and_is_deterministic(assessment) -> None:
    first, second = svg(assessment.plot("en")), svg(assessment.plot("en"))
    assert first.startswith("<svg") and first == second
    assert "Formal ratification by management" in first
