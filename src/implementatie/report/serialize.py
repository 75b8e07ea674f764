"""JSON-ready dictionaries: the documented contract other tools rely on (docs/json.md)."""

from __future__ import annotations

import dataclasses
from typing import Any

from implementatie.advice.eric import EricTerm
from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import Recommendation
from implementatie.knowledge.models import Determinant, Strategy
from implementatie.knowledge.text import Lang
from implementatie.report.review import Agreement
from implementatie.survey.assessment import Assessment
from implementatie.survey.comparison import Comparison
from implementatie.survey.scoring import DeterminantResult
from implementatie.survey.subgroups import Subgroups


def determinant_data(determinant: Determinant) -> dict[str, Any]:
    """A determinant with its items: `id`, `number`, `category`, `name`, `description`, `items`."""
    return determinant.model_dump(mode="json")


def strategy_data(strategy: Strategy) -> dict[str, Any]:
    """A strategy; `eric` is the list of ERIC numbers (empty if none)."""
    data = strategy.model_dump(mode="json")
    data["eric"] = list(strategy.eric_numbers)
    return data


def recommendation_data(recommendation: Recommendation, lang: Lang) -> dict[str, Any]:
    """`{"barriers": [{"determinant", "name", "strategies": [...]}]}` with texts in `lang`."""
    return {
        "lang": lang,
        "barriers": [
            {
                "determinant": entry.determinant.id,
                "name": entry.determinant.name.in_(lang),
                "strategies": [
                    {
                        "id": ranked.id,
                        "rank": ranked.rank,
                        "score": ranked.score,
                        "weight": ranked.weight,
                        "name": ranked.strategy.name.in_(lang),
                        "rationale": ranked.rationale.in_(lang),
                        "basis": ranked.basis,
                        "source": ranked.source,
                        "also_addresses": list(ranked.also_addresses),
                        "effort": ranked.strategy.effort,
                        "eric": list(ranked.strategy.eric_numbers),
                        "adapts": list(ranked.strategy.adapts),
                    }
                    for ranked in entry.strategies
                ],
            }
            for entry in recommendation.barriers
        ],
    }


def plan_data(plan: Plan, lang: Lang) -> dict[str, Any]:
    """`{"strategies": [...], "in_use": [...], "coverage": {...}, "uncovered": [...]}`."""
    return {
        "strategies": [
            {
                "id": p.id,
                "name": p.strategy.name.in_(lang),
                "effort": p.strategy.effort,
                "covers": list(p.covers),
            }
            for p in plan.strategies
        ],
        "in_use": [{"id": p.id, "covers": list(p.covers)} for p in plan.in_use],
        "coverage": {barrier: list(ids) for barrier, ids in plan.coverage.items()},
        "uncovered": [d.id for d in plan.uncovered],
        "limit_reached": plan.limit_reached,
    }


def eric_data(terms: tuple[EricTerm, ...]) -> list[dict[str, Any]]:
    """`[{"strategy", "relation", "eric", "name"}]`: relation is/adapts/method/none."""
    return [
        {"strategy": t.strategy.id, "relation": t.relation, "eric": t.number, "name": t.name}
        for t in terms
    ]


def agreement_data(agreement: Agreement) -> dict[str, Any]:
    """`{"reviewers", "links": [{determinant, strategy, place, agree, disagree, agreement,
    consensus, alternatives}]}`; agreement in % of the reviewers who scored the link."""
    return {
        "reviewers": list(agreement.reviewers),
        "links": [
            {
                "determinant": link.determinant,
                "strategy": link.strategy,
                "place": link.place,
                "agree": link.agree,
                "disagree": link.disagree,
                "agreement": _percent(link.agreement),
                "consensus": link.consensus,
                "alternatives": [{"strategy": s, "count": n} for s, n in link.alternatives],
            }
            for link in agreement.links
        ],
    }


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


def result_data(result: DeterminantResult) -> dict[str, Any]:
    """One determinant's counts: `id`, `n`, `negative`, `neutral`, `positive` (%), `status`."""
    return {
        "id": result.determinant.id,
        "n": result.n,
        "negative": _percent(result.negative),
        "neutral": _percent(result.neutral),
        "positive": _percent(result.positive),
        "status": result.status,
    }


def assessment_data(assessment: Assessment) -> dict[str, Any]:
    """`{"respondents", "settings", "determinants": [...]}`; no respondent-level data."""
    return {
        "respondents": assessment.respondents,
        "settings": dataclasses.asdict(assessment.settings),
        "determinants": [result_data(r) for r in assessment.determinants],
        "warnings": list(assessment.warnings),
    }


def subgroups_data(subgroups: Subgroups) -> dict[str, Any]:
    """Per group shown its size and its determinant counts; hidden groups are not listed."""
    return {
        "attribute": subgroups.attribute,
        "groups_hidden": subgroups.hidden,
        "groups": [
            {
                "name": group.name,
                "respondents": group.respondents,
                "determinants": [result_data(r) for r in group.determinants],
            }
            for group in subgroups.groups
        ],
    }


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """Per determinant its status before and after and the kind of change."""
    return {
        "warnings": list(comparison.warnings),
        "resolved": [d.id for d in comparison.resolved],
        "new": [d.id for d in comparison.new],
        "persisting": [d.id for d in comparison.persisting],
        "determinants": [
            {
                "id": c.determinant.id,
                "before": c.before.status,
                "after": c.after.status,
                "negative_change": _percent(c.negative_change),
                "change": c.kind,
            }
            for c in comparison.changes
        ],
    }
