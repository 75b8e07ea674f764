"""A determinant profile chart as inline SVG: no plotting library needed, works in notebooks.

One row per determinant, a 100 % bar split into negative (left), neutral and positive (right),
with dashed lines at the barrier threshold (measured from the left) and at the facilitator
threshold (measured from the right): a bar whose negative part crosses the first line is a
barrier; a bar whose positive part starts left of the second line is a facilitator. Colours are
the colour-blind safe Okabe-Ito vermillion and blue.
"""

from __future__ import annotations

from html import escape

from implementatie.i18n import gettext
from implementatie.knowledge.text import Lang
from implementatie.survey.assessment import Assessment

NEGATIVE, NEUTRAL, POSITIVE = "#D55E00", "#BBBBBB", "#0072B2"
ROW, LABEL, BAR, GAP = 20, 330, 420, 4


def profile_svg(assessment: Assessment, lang: Lang) -> str:
    """The profile of an assessment as an SVG document string."""
    rows = assessment.determinants
    height = ROW * (len(rows) + 2)
    width = LABEL + BAR + 110
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12" role="img">',
        f"<title>{escape(_title(lang))}</title>",
    ]
    for index, result in enumerate(rows):
        y = ROW * (index + 1)
        name = f"{result.determinant.number}. {result.determinant.name.in_(lang)}"
        parts.append(
            f'<text x="{LABEL - 8}" y="{y + ROW - 7}" text-anchor="end">{escape(name)}</text>'
        )
        if result.negative is None or result.neutral is None or result.positive is None:
            text = "n < " + str(assessment.settings.min_group_size)
            parts.append(
                f'<text x="{LABEL + 4}" y="{y + ROW - 7}" fill="#666">{escape(text)}</text>'
            )
            continue
        x = float(LABEL)
        for share, colour in (
            (result.negative, NEGATIVE),
            (result.neutral, NEUTRAL),
            (result.positive, POSITIVE),
        ):
            w = share * BAR
            if w > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y + GAP / 2}" width="{w:.1f}" '
                    f'height="{ROW - GAP}" fill="{colour}"/>'
                )
            x += w
        mark = {"barrier": "●", "facilitator": "○"}.get(result.status, "")
        parts.append(f'<text x="{LABEL + BAR + 8}" y="{y + ROW - 7}">{mark} n={result.n}</text>')
    top, bottom = ROW, ROW * (len(rows) + 1)
    for share in (
        assessment.settings.barrier_threshold,
        1 - assessment.settings.facilitator_threshold,
    ):
        x = LABEL + share * BAR
        parts.append(
            f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{bottom}" stroke="#000" '
            'stroke-dasharray="3,3"/>'
        )
    legend_y = bottom + ROW - 6
    for offset, (colour, text) in enumerate(
        zip((NEGATIVE, NEUTRAL, POSITIVE), _legend(lang), strict=True)
    ):
        lx = LABEL + offset * 130
        parts.append(f'<rect x="{lx}" y="{legend_y - 10}" width="12" height="12" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 16}" y="{legend_y}">{escape(text)}</text>')
    markers = _markers(lang)
    parts.append(f'<text x="{LABEL + 3 * 130}" y="{legend_y}">{escape(markers)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _title(lang: Lang) -> str:
    return gettext("Determinant profile", lang)


def _markers(lang: Lang) -> str:
    return gettext("● barrier  ○ facilitator", lang)


def _legend(lang: Lang) -> tuple[str, str, str]:
    return (gettext("negative", lang), gettext("neutral", lang), gettext("positive", lang))
