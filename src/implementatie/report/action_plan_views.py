"""The action plan as blocks (text, Markdown, HTML) and as JSON-ready data."""

from __future__ import annotations

from typing import Any

from implementatie.advice.action_plan import ActionPlan, outcome_text, timing_text
from implementatie.knowledge.action_defaults import load_action_defaults
from implementatie.report.document import Block, Bullets, Heading, Paragraph

_TEXT = {
    "title": ("Actieplan", "Action plan"),
    "intro": (
        "Per strategie: wie wat doet, voor wie, wanneer, hoe vaak, welke uitkomst het moet "
        "opleveren en waarom. Zo beschrijven Proctor en collega's (2013) een strategie. De "
        "uitkomsten komen uit Proctor en collega's (2011). Pas alles aan wat voor jullie anders "
        "is.",
        "Per strategy: who does what, for whom, when, how often, which outcome it should move "
        "and why, as Proctor and colleagues (2013) specify a strategy. The outcomes are those "
        "of Proctor and colleagues (2011). Change whatever is different for your team.",
    ),
    "actor": ("Wie", "Who"),
    "action": ("Wat", "What"),
    "target": ("Voor wie en waarvoor", "For whom and what"),
    "timing": ("Wanneer", "When"),
    "dose": ("Hoe vaak en hoe lang", "How often and how long"),
    "outcome": ("Uitkomst en hoe je die ziet", "Outcome and how to see it"),
    "justification": ("Waarom", "Why"),
    "sources": (
        "Bronnen: Proctor EK, Powell BJ, McMillen JC. Implement Sci 2013;8:139. Proctor E, "
        "Silmere H, Raghavan R, et al. Adm Policy Ment Health 2011;38:65-76. Fasen: Fleuren M, "
        "Wiefferink K, Paulussen T. Int J Qual Health Care 2004;16(2):107-123.",
        "Sources: Proctor EK, Powell BJ, McMillen JC. Implement Sci 2013;8:139. Proctor E, "
        "Silmere H, Raghavan R, et al. Adm Policy Ment Health 2011;38:65-76. Phases: Fleuren M, "
        "Wiefferink K, Paulussen T. Int J Qual Health Care 2004;16(2):107-123.",
    ),
}


def _t(key: str, plan: ActionPlan) -> str:
    nl, en = _TEXT[key]
    return nl if plan.lang == "nl" else en


def action_plan_view(plan: ActionPlan) -> list[Block]:
    """One section per strategy, in the plan's order, with every Proctor field."""
    defaults = load_action_defaults()
    blocks: list[Block] = [Heading(_t("title", plan), 2), Paragraph(_t("intro", plan))]
    for step in plan.steps:
        blocks.append(Heading(f"{step.order}. {step.name} ({step.id})", 3))
        fields = (
            ("actor", step.actor),
            ("action", step.action),
            ("target", step.target),
            ("timing", timing_text(step, defaults, plan.lang)),
            ("dose", step.dose),
            ("outcome", outcome_text(step, defaults, plan.lang)),
            ("justification", step.justification),
        )
        blocks.append(Bullets(tuple(f"{_t(key, plan)}: {value}" for key, value in fields)))
    blocks.append(Paragraph(_t("sources", plan)))
    return blocks


def action_plan_data(plan: ActionPlan) -> dict[str, Any]:
    """`{"strategies": [{"id", "name", "actor", "action", "target", "timing", "dose",
    "outcome", "justification", …}]}`; `phase`, `order`, `outcome_id` and `indicator` are the
    parts of `timing` and `outcome` for programs."""
    defaults = load_action_defaults()
    return {
        "lang": plan.lang,
        "strategies": [
            {
                "id": step.id,
                "name": step.name,
                "actor": step.actor,
                "action": step.action,
                "target": step.target,
                "timing": timing_text(step, defaults, plan.lang),
                "dose": step.dose,
                "outcome": outcome_text(step, defaults, plan.lang),
                "justification": step.justification,
                "phase": step.phase,
                "order": step.order,
                "outcome_id": step.outcome,
                "indicator": step.indicator,
            }
            for step in plan.steps
        ],
    }
