"""Straightforward reference implementations of the ranking rule and the plan.

They apply the rules as the docs state them, with no precomputed tables, so that the fast
code in `implementatie.advice` can be compared with them on many barrier sets.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import EFFORT_ORDER, Effort, Strategy

NO_PLACE = 4


def rating(strategy: Strategy, catalog: Catalog) -> tuple[float, float]:
    rated = [catalog.eric(number) for number in strategy.eric_numbers]
    return (
        max((e.importance or 0.0 for e in rated), default=0.0),
        max((e.feasibility or 0.0 for e in rated), default=0.0),
    )


def candidates(
    catalog: Catalog, exclude: Sequence[str], max_effort: Effort | None
) -> list[Strategy]:
    excluded = {catalog.strategy(s).id for s in exclude}
    limit = EFFORT_ORDER[max_effort] if max_effort else 3
    return [
        s for s in catalog.strategies if s.id not in excluded and EFFORT_ORDER[s.effort] <= limit
    ]


def sort_key(
    strategy: Strategy, barrier: str, barriers: Sequence[str], catalog: Catalog
) -> tuple[int, int, int, float, float, str]:
    """The ranking rule as one sort key (lower first): weight, score over all barriers, curated
    place, ERIC importance and feasibility, id."""
    link = strategy.link(barrier)
    assert link is not None, (strategy.id, barrier)
    total = sum(lk.weight for lk in strategy.links if lk.determinant in barriers)
    importance, feasibility = rating(strategy, catalog)
    place = link.top if link.top is not None else NO_PLACE
    return (-link.weight, -total, place, -importance, -feasibility, strategy.id)


def recommend(
    barriers: Sequence[str],
    catalog: Catalog,
    top: int | None = 3,
    exclude: Sequence[str] = (),
    max_effort: Effort | None = None,
) -> list[list[tuple[str, int, int, tuple[str, ...]]]]:
    """Per barrier: (strategy id, score, weight, also addresses) of the kept strategies."""
    result = []
    for barrier in barriers:
        linked = [s for s in candidates(catalog, exclude, max_effort) if s.link(barrier)]
        ordered = sorted(linked, key=lambda s, b=barrier: sort_key(s, b, barriers, catalog))
        kept = ordered if top is None else ordered[:top]
        result.append(
            [
                (
                    s.id,
                    sum(lk.weight for lk in s.links if lk.determinant in barriers),
                    s.link(barrier).weight,  # type: ignore[union-attr]
                    tuple(b for b in barriers if b != barrier and s.link(b) is not None),
                )
                for s in kept
            ]
        )
    return result


def plan(
    barriers: Sequence[str],
    catalog: Catalog,
    max_strategies: int | None = None,
    in_use: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_effort: Effort | None = None,
) -> tuple[list[tuple[str, tuple[str, ...]]], list[str], bool]:
    """(chosen strategies with what they cover, uncovered barriers, limit reached)."""
    used = [catalog.strategy(s) for s in in_use]
    used_ids = {s.id for s in used}
    pool = [s for s in candidates(catalog, exclude, max_effort) if s.id not in used_ids]

    def strong(s: Strategy) -> tuple[str, ...]:
        return tuple(b for b in barriers if (lk := s.link(b)) and lk.weight >= 2)

    remaining = set(barriers) - {b for s in used for b in strong(s)}
    coverable = remaining & {b for s in pool for b in strong(s)}
    open_ = set(coverable)
    chosen: list[Strategy] = []

    def key(s: Strategy) -> tuple[Fraction, int, int, int, float, float, str]:
        newly = [lk for lk in s.links if lk.determinant in open_ and lk.weight >= 2]
        gain = sum(3 if lk.weight == 3 else 1 for lk in newly)
        cost = EFFORT_ORDER[s.effort]
        place = min((lk.top or NO_PLACE for lk in newly), default=NO_PLACE)
        importance, feasibility = rating(s, catalog)
        return (-Fraction(gain, cost), -len(newly), cost, place, -importance, -feasibility, s.id)

    while open_ and (max_strategies is None or len(chosen) < max_strategies):
        best = min((s for s in pool if not open_.isdisjoint(strong(s))), key=key)
        chosen.append(best)
        open_ -= set(strong(best))
    kept = list(chosen)
    for s in reversed(chosen):
        others = [o for o in kept if o is not s]
        if coverable & set(strong(s)) <= {b for o in others for b in strong(o)}:
            kept = others
    covered = {b for s in (*used, *kept) for b in strong(s)}
    return (
        [(s.id, strong(s)) for s in kept],
        [b for b in barriers if b not in covered],
        bool(open_),
    )
