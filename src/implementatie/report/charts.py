"""The figures of every result, drawn with matplotlib: one implementation for notebooks, the
HTML report and the PDF (as SVG).

Colours are from the Okabe-Ito palette, safe for colour-blind readers; nothing is told by colour
alone (thresholds are labelled lines, statuses are written out, hidden cells say so). Figures are
made without pyplot, so nothing is shown or kept open behind the caller's back.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import Recommendation
from implementatie.errors import MissingExtra
from implementatie.knowledge.models import Determinant, Strategy
from implementatie.knowledge.text import Lang, checked_lang
from implementatie.report.labels import label
from implementatie.report.optional import require
from implementatie.survey.assessment import Assessment
from implementatie.survey.comparison import Comparison
from implementatie.survey.scoring import DeterminantResult
from implementatie.survey.subgroups import Subgroups

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

NEGATIVE, POSITIVE, NEUTRAL = "#D55E00", "#0072B2", "#999999"
RESOLVED, NEW, PERSISTING = "#009E73", "#D55E00", "#000000"
FONT_SIZE = 11
ROW_INCHES = 0.32


def _axes(ax: Axes | None, width: float, height: float) -> tuple[Figure, Axes]:
    """The caller's axes, or a new figure of this size (inches) with one axes."""
    require("matplotlib", "plotting", "report")
    from matplotlib.figure import Figure

    if ax is not None:
        figure = ax.get_figure()
        assert figure is not None
        return figure.get_figure() or figure, ax  # type: ignore[return-value]
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.subplots()


def _style(ax: Axes) -> None:
    ax.tick_params(labelsize=FONT_SIZE)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def profile_figure(assessment: Assessment, lang: Lang, *, ax: Axes | None = None) -> Figure:
    """Per determinant, grouped by MIDI category: % negative to the left of zero, % positive to
    the right; the barrier threshold is a dashed line on the left, the facilitator threshold a
    dotted line on the right, so the two never fall on the same spot."""
    lang = checked_lang(lang)
    rows: list[str | DeterminantResult] = []  # a category heading or a determinant's result
    for result in assessment.determinants:
        category = label(f"category_{result.determinant.category}", lang).upper()
        if not rows or all(r != category for r in rows if isinstance(r, str)):
            rows.append(category)
        rows.append(result)
    figure, ax = _axes(ax, 11, ROW_INCHES * len(rows) + 1.6)
    settings = assessment.settings
    for y, row in enumerate(rows):
        if isinstance(row, str):
            continue
        if row.negative is None or row.positive is None:
            ax.text(
                2,
                y,
                label(row.status, lang),
                va="center",
                fontsize=FONT_SIZE - 1,
                color="#555555",
                style="italic",
            )
            continue
        ax.barh(y, -row.negative * 100, color=NEGATIVE, height=0.7)
        ax.barh(y, row.positive * 100, color=POSITIVE, height=0.7)
        note = f"n={row.n}"
        if row.status in ("barrier", "facilitator"):
            note = f"{label(row.status, lang)} · {note}"
        ax.text(
            102,
            y,
            note,
            va="center",
            fontsize=FONT_SIZE - 1,
            fontweight="bold" if row.status == "barrier" else "normal",
        )
    barrier = -settings.barrier_threshold * 100
    facilitator = settings.facilitator_threshold * 100
    ax.axvline(barrier, color="black", linestyle="--", linewidth=1.2)
    ax.axvline(facilitator, color="black", linestyle=":", linewidth=1.5)
    ax.axvline(0, color="#444444", linewidth=0.8)
    top = -0.9
    ax.text(
        barrier,
        top,
        f"{label('barrier', lang)} ≥ {-barrier:.0f}%",
        ha="right",
        va="bottom",
        fontsize=FONT_SIZE - 1,
    )
    ax.text(
        facilitator,
        top,
        f"{label('facilitator', lang)} ≥ {facilitator:.0f}%",
        ha="right",
        va="bottom",
        fontsize=FONT_SIZE - 1,
    )
    ax.set_yticks(
        range(len(rows)),
        [
            row
            if isinstance(row, str)
            else f"{row.determinant.number}. {_short(row.determinant.name.in_(lang))}"
            for row in rows
        ],
    )
    for tick, row in zip(ax.get_yticklabels(), rows, strict=True):
        if isinstance(row, str):
            tick.set_fontweight("bold")
    ax.set_ylim(len(rows) - 0.5, -1.6)
    ax.set_xlim(-100, 135)
    ax.set_xticks(range(-100, 101, 20), [f"{abs(x)}%" for x in range(-100, 101, 20)])
    ax.set_xlabel(
        f"← {label('negative', lang)}   |   {label('positive', lang)} →", fontsize=FONT_SIZE
    )
    ax.set_title(label("profile", lang), fontsize=FONT_SIZE + 3, loc="left")
    _style(ax)
    return figure


def _short(name: str, limit: int = 48) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def change_figure(comparison: Comparison, lang: Lang, *, ax: Axes | None = None) -> Figure:
    """A dumbbell per determinant: % negative before (open circle) and after (filled), the
    barrier threshold dashed; resolved, new and persisting barriers are named in the legend."""
    lang = checked_lang(lang)
    known = [
        c
        for c in comparison.changes
        if c.before.negative is not None and c.after.negative is not None
    ]
    figure, ax = _axes(ax, 10, ROW_INCHES * max(len(known), 1) + 1.8)
    colours = {"resolved": RESOLVED, "new": NEW, "persisting": PERSISTING}
    shown: set[str] = set()
    for y, change in enumerate(known):
        before = (change.before.negative or 0) * 100
        after = (change.after.negative or 0) * 100
        colour = colours.get(change.kind, NEUTRAL)
        ax.plot([before, after], [y, y], color=colour, linewidth=2)
        ax.plot(before, y, "o", markerfacecolor="white", markeredgecolor=colour, markersize=8)
        legend = label(change.kind, lang) if change.kind in colours else None
        ax.plot(
            after,
            y,
            "o",
            color=colour,
            markersize=8,
            label=legend if legend and change.kind not in shown else None,
        )
        shown.add(change.kind)
    if comparison.changes:
        threshold = _threshold(comparison)
        ax.axvline(threshold, color="black", linestyle="--", linewidth=1.2)
        ax.text(
            threshold,
            -0.9,
            f" {label('barrier', lang)} ≥ {threshold:.0f}%",
            va="bottom",
            fontsize=FONT_SIZE - 1,
        )
    ax.set_yticks(
        range(len(known)),
        [f"{c.determinant.number}. {_short(c.determinant.name.in_(lang))}" for c in known],
    )
    ax.set_ylim(len(known) - 0.5, -1.6)
    ax.set_xlim(0, 100)
    ax.set_xlabel(
        f"% {label('negative', lang).lower()}: ○ {label('before', lang).lower()}, "
        f"● {label('after', lang).lower()}",
        fontsize=FONT_SIZE,
    )
    ax.set_title(label("comparison", lang), fontsize=FONT_SIZE + 3, loc="left")
    if shown & set(colours):
        ax.legend(loc="lower right", fontsize=FONT_SIZE - 1, frameon=False)
    _style(ax)
    return figure


def _threshold(comparison: Comparison) -> float:
    """The barrier threshold (%) both rounds were scored with."""
    return comparison.settings.barrier_threshold * 100


def subgroups_figure(subgroups: Subgroups, lang: Lang, *, ax: Axes | None = None) -> Figure:
    """A heatmap of % negative: determinants × groups. Hidden groups and cells, and cells with
    too few answers, stay blank and are labelled, never coloured."""
    lang = checked_lang(lang)
    np = require("numpy", "plotting", "report")
    groups = subgroups.groups
    if not groups:
        figure, ax = _axes(ax, 8, 1.2)
        ax.text(0, 0.5, label("no_groups", lang), fontsize=FONT_SIZE, va="center")
        ax.set_axis_off()
        return figure
    determinants = [r.determinant for r in groups[0].determinants] if groups else []
    values = np.full((len(determinants), len(groups)), np.nan)
    for column, group in enumerate(groups):
        for row, result in enumerate(group.determinants):
            if result.negative is not None:
                values[row, column] = result.negative * 100
    figure, ax = _axes(ax, 3.2 + 1.3 * len(groups), ROW_INCHES * len(determinants) + 1.8)
    image = ax.imshow(np.ma.masked_invalid(values), cmap="Oranges", vmin=0, vmax=100, aspect="auto")
    for row in range(len(determinants)):
        for column, group in enumerate(groups):
            result = group.determinants[row]
            if result.negative is None:
                text = label("hidden", lang) if result.status == "suppressed" else "n<min"
                ax.text(
                    column,
                    row,
                    text,
                    ha="center",
                    va="center",
                    fontsize=FONT_SIZE - 2,
                    color="#555555",
                    style="italic",
                )
            else:
                share = values[row, column]
                ax.text(
                    column,
                    row,
                    f"{share:.0f}",
                    ha="center",
                    va="center",
                    fontsize=FONT_SIZE - 1,
                    color="white" if share > 60 else "black",
                )
    ax.set_xticks(range(len(groups)), [f"{g.name}\nn={g.respondents}" for g in groups])
    ax.xaxis.tick_top()
    ax.set_yticks(
        range(len(determinants)),
        [f"{d.number}. {_short(d.name.in_(lang), 40)}" for d in determinants],
    )
    ax.tick_params(labelsize=FONT_SIZE - 1, length=0)
    colourbar = figure.colorbar(image, ax=ax, shrink=0.5)
    colourbar.set_label(f"% {label('negative', lang).lower()}", fontsize=FONT_SIZE)
    ax.set_title(f"{label('by', lang)} {subgroups.attribute}", fontsize=FONT_SIZE + 3, loc="left")
    return figure


def recommendation_figure(
    recommendation: Recommendation, lang: Lang, *, ax: Axes | None = None
) -> Figure:
    """Barriers (rows) × recommended strategies (columns); a dot per link, larger for a higher
    weight. A strategy recommended for more than one barrier gets a shaded column and a ★."""
    lang = checked_lang(lang)
    barriers = [entry.determinant for entry in recommendation.barriers]
    strategies: dict[str, Strategy] = {}
    count: dict[str, int] = {}
    for entry in recommendation.barriers:
        for ranked in entry.strategies:
            strategies.setdefault(ranked.id, ranked.strategy)
            count[ranked.id] = count.get(ranked.id, 0) + 1
    shared = {s for s, n in count.items() if n > 1}
    return _map(barriers, list(strategies.values()), shared, lang, ax, label("strategies", lang))


def plan_figure(plan: Plan, lang: Lang, *, ax: Axes | None = None) -> Figure:
    """Barriers (rows) × the plan's strategies (columns, in use ones first); a strategy that
    covers more than one barrier gets a shaded column and a ★."""
    lang = checked_lang(lang)
    every = (*plan.in_use, *plan.strategies)
    shared = {p.id for p in every if len(p.covers) > 1}
    return _map(
        list(plan.barriers), [p.strategy for p in every], shared, lang, ax, label("plan", lang)
    )


def _map(
    barriers: Sequence[Determinant],
    strategies: Sequence[Strategy],
    shared: set[str],
    lang: Lang,
    ax: Axes | None,
    title: str,
) -> Figure:
    figure, ax = _axes(ax, 3.5 + 0.45 * len(strategies), 0.45 * len(barriers) + 3.2)
    sizes = {1: 40, 2: 110, 3: 220}
    for column, strategy in enumerate(strategies):
        if strategy.id in shared:
            ax.axvspan(column - 0.5, column + 0.5, color="#F0E442", alpha=0.35, linewidth=0)
        for row, barrier in enumerate(barriers):
            link = strategy.link(barrier.id)
            if link is not None:
                ax.scatter(column, row, s=sizes[link.weight], color=POSITIVE, zorder=3)
    ax.set_xticks(
        range(len(strategies)),
        [("★ " if s.id in shared else "") + _short(s.name.in_(lang), 40) for s in strategies],
        rotation=60,
        ha="right",
        rotation_mode="anchor",
    )
    ax.set_yticks(range(len(barriers)), [_short(b.name.in_(lang)) for b in barriers])
    ax.set_xlim(-0.5, len(strategies) - 0.5)
    ax.set_ylim(len(barriers) - 0.5, -0.5)
    ax.grid(color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(labelsize=FONT_SIZE - 1, length=0)
    ax.set_title(title, fontsize=FONT_SIZE + 3, loc="left")
    for weight, size in sizes.items():
        ax.scatter([], [], s=size, color=POSITIVE, label=f"{label('weight', lang)} {weight}")
    ax.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=FONT_SIZE - 1,
        frameon=False,
        title=f"★ {label('shared', lang)}",
        title_fontsize=FONT_SIZE - 1,
    )
    return figure


def inline_chart(result: Assessment | Subgroups | Comparison, lang: Lang) -> str:
    """The result's figure as inline SVG for a page, or, when matplotlib is not installed, a
    short note saying how to get charts (the tables beside it carry the same numbers)."""
    try:
        return responsive(svg(result.plot(lang)))
    except MissingExtra:
        return f"<p>{html.escape(label('no_chart', lang))}</p>"


def svg(figure: Figure) -> str:
    """The figure as an inline SVG element: text kept as text, no date, same bytes every run."""
    matplotlib = require("matplotlib", "charts in reports", "report")
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "implementatie"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]


_SIZE = re.compile(r'(<svg[^>]*?) width="[^"]*" height="[^"]*"')


def responsive(svg_text: str) -> str:
    """The SVG scaled to its container's width (its viewBox keeps the proportions)."""
    return _SIZE.sub(r'\1 style="max-width:100%;height:auto"', svg_text, count=1)
