"""JSON-ready dictionaries: the documented contract other tools rely on (docs/json.md)."""

from __future__ import annotations

from typing import Any

from ..models import Determinant, Strategy
from ..plan import Plan
from ..recommend import Recommendation
from ..text import Lang


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
                        "also_addresses": list(ranked.also_addresses),
                        "effort": ranked.strategy.effort,
                        "eric": list(ranked.strategy.eric_numbers),
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
