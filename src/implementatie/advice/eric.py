"""A plan in ERIC terms: the ERIC numbers and names to report, for journals and StaRI.

Each strategy maps to the ERIC strategies it *is* (`eric`), then to the ones it adapts or
bundles (`adapts`). A strategy without an honest ERIC mapping is reported by its behaviour
change methods (Kok et al. 2016), or as having no ERIC equivalent.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from implementatie.advice.planning import Plan
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Strategy

Relation = Literal["is", "adapts", "method", "none"]


@dataclass(frozen=True)
class EricTerm:
    """One line of the report: a strategy and one ERIC strategy (or method) it maps to."""

    strategy: Strategy
    relation: Relation
    """`is`: the strategy is this ERIC strategy; `adapts`: it adapts or bundles it; `method`:
    no ERIC mapping, reported by its behaviour change method; `none`: nothing to report."""
    number: int | None
    """The ERIC number (for `is` and `adapts`)."""
    name: str | None
    """The ERIC name, or the method's name."""


def eric_terms(
    strategies: Plan | Iterable[Strategy], *, catalog: Catalog | None = None
) -> tuple[EricTerm, ...]:
    """The ERIC terms of a plan (its strategies, in use ones included) or of given strategies."""
    catalog = catalog or load_catalog()
    if isinstance(strategies, Plan):
        chosen = [p.strategy for p in (*strategies.in_use, *strategies.strategies)]
    else:
        chosen = [catalog.strategy(s) for s in strategies]
    terms: list[EricTerm] = []
    for strategy in chosen:
        found = [
            EricTerm(strategy, "is", e.number, catalog.eric(e.number).name) for e in strategy.eric
        ]
        found += [EricTerm(strategy, "adapts", n, catalog.eric(n).name) for n in strategy.adapts]
        if not found:
            found = [EricTerm(strategy, "method", None, m) for m in strategy.methods]
        terms += found or [EricTerm(strategy, "none", None, None)]
    return tuple(terms)
