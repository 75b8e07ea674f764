"""JSON-ready dictionaries of catalogue content (docs/json.md). Results have their own
`to_dict()`."""

from __future__ import annotations

from typing import Any

from implementatie.advice.eric import EricTerm
from implementatie.knowledge.models import Determinant, Strategy
from implementatie.report.review import Agreement


def determinant_data(determinant: Determinant) -> dict[str, Any]:
    """A determinant with its items: `id`, `number`, `category`, `name`, `description`, `items`."""
    return determinant.model_dump(mode="json")


def strategy_data(strategy: Strategy) -> dict[str, Any]:
    """A strategy; `eric` is the list of ERIC numbers (empty if none)."""
    data = strategy.model_dump(mode="json")
    data["eric"] = list(strategy.eric_numbers)
    return data


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
