"""The action plan as blocks (text, Markdown, HTML) and as JSON-ready data."""

from __future__ import annotations

from typing import Any

from implementatie.advice.action_plan import ActionPlan, ActionStep, outcome_text, timing_text
from implementatie.knowledge.action_defaults import ActionDefaults, load_action_defaults
from implementatie.knowledge.text import Lang
from implementatie.report.document import Block, Bullets, Heading, Paragraph
from implementatie.report.labels import label

FIELDS = ("actor", "action", "target", "timing", "dose", "outcome", "justification")
"""Proctor et al. (2013)'s fields, in the order they are shown."""


def step_fields(plan: ActionPlan) -> list[tuple[ActionStep, list[tuple[str, str]]]]:
    """Per step, its (label, value) pairs in `FIELDS` order, in the plan's language."""
    defaults = load_action_defaults()
    return [
        (
            step,
            [
                (label(f"action_{key}", plan.lang), value)
                for key, value in zip(FIELDS, _values(step, defaults, plan.lang), strict=True)
            ],
        )
        for step in plan.steps
    ]


def _values(step: ActionStep, defaults: ActionDefaults, lang: Lang) -> tuple[str, ...]:
    return (
        step.actor,
        step.action,
        step.target,
        timing_text(step, defaults, lang),
        step.dose,
        outcome_text(step, defaults, lang),
        step.justification,
    )


def action_plan_view(plan: ActionPlan) -> list[Block]:
    """One section per strategy, in the plan's order, with every Proctor field."""
    lang = plan.lang
    blocks: list[Block] = [
        Heading(label("action_plan", lang), 2),
        Paragraph(label("action_plan_intro", lang)),
    ]
    for step, fields in step_fields(plan):
        blocks.append(Heading(f"{step.order}. {step.name} ({step.id})", 3))
        blocks.append(Bullets(tuple(f"{name}: {value}" for name, value in fields)))
    blocks.append(Paragraph(label("action_plan_sources", lang)))
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
