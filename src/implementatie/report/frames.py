"""Tidy pandas tables of every result: one row per observation, ids and names, numbers as
numbers (shares 0-1, missing when hidden or unknown)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import Recommendation
from implementatie.knowledge.text import Lang, checked_lang
from implementatie.report.labels import label
from implementatie.report.optional import require
from implementatie.survey.assessment import Assessment
from implementatie.survey.comparison import Comparison
from implementatie.survey.scoring import DeterminantResult
from implementatie.survey.subgroups import Subgroups

SHARES = ("negative", "neutral", "positive")


def _frame(rows: Iterable[Mapping[str, Any]], columns: Mapping[str, str]) -> Any:
    """A DataFrame with these columns and dtypes (`columns` maps name → pandas dtype)."""
    pd = require("pandas", "to_frame()")
    frame = pd.DataFrame(list(rows), columns=list(columns))
    return frame.astype(dict(columns))


def _result_row(result: DeterminantResult, lang: Lang) -> dict[str, Any]:
    d = result.determinant
    return {
        "determinant": d.id,
        "number": d.number,
        "category": d.category,
        "name": d.name.in_(lang),
        "n": result.n,
        **{share: getattr(result, share) for share in SHARES},
        "status": result.status,
        "status_label": label(result.status, lang),
    }


RESULT_COLUMNS = {
    "determinant": "string",
    "number": "int64",
    "category": "string",
    "name": "string",
    "n": "Int64",
    "negative": "Float64",
    "neutral": "Float64",
    "positive": "Float64",
    "status": "string",
    "status_label": "string",
}


def assessment_frame(assessment: Assessment, lang: Lang) -> Any:
    """One row per determinant, in MIDI order."""
    lang = checked_lang(lang)
    return _frame((_result_row(r, lang) for r in assessment.determinants), RESULT_COLUMNS)


def subgroups_frame(subgroups: Subgroups, lang: Lang) -> Any:
    """One row per group × determinant; a hidden group's size and hidden cells are missing."""
    lang = checked_lang(lang)
    rows = (
        {
            "attribute": subgroups.attribute,
            "group": group.name,
            "group_respondents": group.respondents,
            **_result_row(result, lang),
        }
        for group in subgroups.groups
        for result in group.determinants
    )
    columns = {
        "attribute": "string",
        "group": "string",
        "group_respondents": "Int64",
        **RESULT_COLUMNS,
    }
    return _frame(rows, columns)


def comparison_frame(comparison: Comparison, lang: Lang) -> Any:
    """One row per determinant: before and after status and shares, and the change."""
    lang = checked_lang(lang)
    rows = (
        {
            "determinant": c.determinant.id,
            "number": c.determinant.number,
            "name": c.determinant.name.in_(lang),
            "n_before": c.before.n,
            "n_after": c.after.n,
            "negative_before": c.before.negative,
            "negative_after": c.after.negative,
            "negative_change": c.negative_change,
            "status_before": c.before.status,
            "status_after": c.after.status,
            "change": c.kind,
            "change_label": label(c.kind, lang),
        }
        for c in comparison.changes
    )
    columns = {
        "determinant": "string",
        "number": "int64",
        "name": "string",
        "n_before": "Int64",
        "n_after": "Int64",
        "negative_before": "Float64",
        "negative_after": "Float64",
        "negative_change": "Float64",
        "status_before": "string",
        "status_after": "string",
        "change": "string",
        "change_label": "string",
    }
    return _frame(rows, columns)


def recommendation_frame(recommendation: Recommendation, lang: Lang) -> Any:
    """One row per barrier × ranked strategy, barriers in the order given."""
    lang = checked_lang(lang)
    names = {b.determinant.id: b.determinant.name.in_(lang) for b in recommendation.barriers}
    rows = (
        {
            "barrier": entry.determinant.id,
            "barrier_name": entry.determinant.name.in_(lang),
            "severity": entry.severity,
            "rank": ranked.rank,
            "strategy": ranked.id,
            "strategy_name": ranked.strategy.name.in_(lang),
            "weight": ranked.weight,
            "score": ranked.score,
            "effort": ranked.strategy.effort,
            "rationale": ranked.rationale.in_(lang),
            "also_addresses": "; ".join(names[b] for b in ranked.also_addresses),
        }
        for entry in recommendation.barriers
        for ranked in entry.strategies
    )
    columns = {
        "barrier": "string",
        "barrier_name": "string",
        "severity": "Float64",
        "rank": "int64",
        "strategy": "string",
        "strategy_name": "string",
        "weight": "int64",
        "score": "int64",
        "effort": "string",
        "rationale": "string",
        "also_addresses": "string",
    }
    return _frame(rows, columns)


def plan_frame(plan: Plan, lang: Lang) -> Any:
    """One row per strategy in the plan (in use ones first), with the barriers it covers."""
    lang = checked_lang(lang)
    names = {b.id: b.name.in_(lang) for b in plan.barriers}
    rows = (
        {
            "strategy": p.id,
            "strategy_name": p.strategy.name.in_(lang),
            "effort": p.strategy.effort,
            "in_use": p.in_use,
            "covers": "; ".join(names[b] for b in p.covers),
            "barriers_covered": len(p.covers),
        }
        for p in (*plan.in_use, *plan.strategies)
    )
    columns = {
        "strategy": "string",
        "strategy_name": "string",
        "effort": "string",
        "in_use": "bool",
        "covers": "string",
        "barriers_covered": "int64",
    }
    return _frame(rows, columns)
