"""The reports a team lead forwards: whole HTML documents from Jinja2 templates (in
`report/templates/`), printable on A4, and PDF from them (see `pdf`).

The first page is the summary: respondents, the barriers most severe first and the plan. Then the
profile chart, per barrier its top strategies with reasons, the action plan (each strategy of the
plan specified after Proctor et al. 2013), the facilitators, the subgroups and, last, how the
report was made and the limits of the 20/80 rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

import jinja2

from implementatie.advice.action_plan import ActionPlan
from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import Recommendation
from implementatie.errors import InvalidOption
from implementatie.knowledge.text import Lang, checked_lang
from implementatie.report.action_plan_views import step_fields
from implementatie.report.charts import inline_chart
from implementatie.report.document import Block, render
from implementatie.report.labels import label
from implementatie.report.views import points
from implementatie.survey.assessment import Assessment
from implementatie.survey.comparison import Comparison
from implementatie.survey.scoring import Settings
from implementatie.survey.subgroups import Subgroups


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("implementatie.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _percent(share: float | None) -> str:
    return "-" if share is None else f"{share * 100:.0f}%"


def _common(lang: Lang, settings: Settings, names: dict[str, str]) -> dict[str, Any]:
    return {
        "lang": lang,
        "t": lambda key: label(key, lang),
        "pct": _percent,
        "points": points,
        "names": lambda ids: ", ".join(names.get(i, i) for i in ids),
        "rule": {
            "barrier": round(settings.barrier_threshold * 100),
            "facilitator": round(settings.facilitator_threshold * 100),
            "minimum": settings.min_group_size,
        },
    }


def assessment_report(
    assessment: Assessment,
    *,
    recommendation: Recommendation | None = None,
    plan: Plan | None = None,
    action_plan: ActionPlan | None = None,
    subgroups: Subgroups | None = None,
    lang: Lang = "nl",
    title: str | None = None,
    subtitle: str = "",
) -> str:
    """The full report of an assessment as one self-contained HTML page (print it, or make a
    PDF with `pdf.html_to_pdf`). Recommendation, plan, action plan and subgroups are added when
    given; the action plan must be in the report's language (`InvalidOption` otherwise)."""
    lang = checked_lang(lang)
    if action_plan is not None and action_plan.lang != lang:
        raise InvalidOption(
            f"the action plan is in {action_plan.lang!r} but the report in {lang!r}; "
            "make the action plan with the same lang"
        )
    names = {r.determinant.id: r.determinant.name.in_(lang) for r in assessment.determinants}
    s = assessment.settings
    context = {
        **_common(lang, s, names),
        "title": title or label("report_title", lang),
        "subtitle": subtitle,
        "assessment": assessment,
        "recommendation": recommendation,
        "plan": plan,
        "action_plan": step_fields(action_plan) if action_plan else [],
        "subgroups": subgroups,
        "profile_intro": label("profile_intro", lang).format(
            n=assessment.respondents,
            barrier=round(s.barrier_threshold * 100),
            facilitator=round(s.facilitator_threshold * 100),
            minimum=s.min_group_size,
        ),
        "profile_chart": inline_chart(assessment, lang),
        "subgroups_chart": inline_chart(subgroups, lang) if subgroups else "",
    }
    return _environment().get_template("assessment.html.j2").render(context)


def comparison_report(
    comparison: Comparison,
    *,
    lang: Lang = "nl",
    title: str | None = None,
    subtitle: str = "",
) -> str:
    """The report of a comparison of two rounds as one self-contained HTML page."""
    lang = checked_lang(lang)
    names = {c.determinant.id: c.determinant.name.in_(lang) for c in comparison.changes}
    context = {
        **_common(lang, comparison.settings, names),
        "title": title or label("report_comparison_title", lang),
        "subtitle": subtitle,
        "comparison": comparison,
        "change_chart": inline_chart(comparison, lang),
    }
    return _environment().get_template("comparison.html.j2").render(context)


def blocks_page(blocks: Sequence[Block], title: str, lang: Lang = "nl") -> str:
    """A whole, printable HTML page around document blocks (an action plan, a view)."""
    context = {
        "lang": checked_lang(lang),
        "title": title,
        "subtitle": "",
        "body": render(blocks, "html"),
    }
    return _environment().get_template("page.html.j2").render(context)
