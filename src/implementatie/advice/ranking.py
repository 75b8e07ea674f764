"""The ranking rule of `recommend`, documented; `advice/tables.py` applies it as integer keys.

For a barrier `b` among the given barriers `B`, strategies linked to `b` are ordered by

1. the weight of their link to `b` (3 before 2 before 1);
2. their score: the summed weight of their links to all of `B` — among equal weights, a strategy
   that also addresses the other barriers (and more strongly) comes first;
3. the curated top 3 of `b` (`top: 1..3` on the link), then links without a place;
4. a generic criterion: the ERIC importance rating, then the ERIC feasibility rating (Waltz et al.
   2015; a strategy without a rating counts as 0, a strategy with several ERIC numbers takes the
   highest);
5. the strategy id, so the order is always the same.
"""

from __future__ import annotations

from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Strategy

NO_PLACE = 4
"""Sort value for a link outside the curated top 3."""


def generic_rating(strategy: Strategy, catalog: Catalog) -> tuple[float, float]:
    """(importance, feasibility) from the ERIC ratings; (0, 0) when not rated."""
    rated = [catalog.eric(number) for number in strategy.eric_numbers]
    importance = max((e.importance or 0.0 for e in rated), default=0.0)
    feasibility = max((e.feasibility or 0.0 for e in rated), default=0.0)
    return importance, feasibility
