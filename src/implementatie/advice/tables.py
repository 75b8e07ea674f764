"""Per-catalogue tables for `recommend` and `plan`, computed once and kept with the catalogue.

A `Catalog` is immutable, so everything the ranking rule and the greedy plan look up about a
strategy can be worked out once: its links as small integers, its place in the generic order
(ERIC importance, feasibility, id), and, per determinant, which strategies link to it. The plan
works on bitsets: bit `i` stands for the i-th given barrier.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass

from implementatie.advice.ranking import NO_PLACE, generic_rating
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import EFFORT_ORDER

COST_SCALE = math.lcm(*EFFORT_ORDER.values())
"""Gain × COST_SCALE // effort is an exact integer: gain per effort without fractions."""


@dataclass(frozen=True, eq=False)
class Tables:
    """Integer look-ups of one catalogue; strategies are numbered in catalogue order."""

    ids: tuple[str, ...]
    effort: tuple[int, ...]
    generic: tuple[int, ...]
    """Each strategy's place in the order of step 4 of the ranking rule (ratings, then id)."""
    links: tuple[dict[str, tuple[int, int]], ...]
    """Per strategy: determinant id → (weight, place in the curated top 3 or NO_PLACE)."""
    linked: dict[str, tuple[int, ...]]
    """Per determinant id (every determinant of the catalogue): the strategies linked to it."""
    index: dict[str, int]


_TABLES: weakref.WeakKeyDictionary[Catalog, Tables] = weakref.WeakKeyDictionary()


def tables(catalog: Catalog) -> Tables:
    """The tables of `catalog`, built on first use and dropped with the catalogue."""
    found = _TABLES.get(catalog)
    if found is None:
        found = _TABLES[catalog] = _build(catalog)
    return found


def _build(catalog: Catalog) -> Tables:
    strategies = catalog.strategies
    order = sorted(
        range(len(strategies)),
        key=lambda i: _generic_key(catalog, i),
    )
    generic = [0] * len(strategies)  # pragma: no mutate (every place is written just below)
    for place, i in enumerate(order):
        generic[i] = place
    linked: dict[str, list[int]] = {d.id: [] for d in catalog.determinants}
    for i, strategy in enumerate(strategies):
        for link in strategy.links:
            linked[link.determinant].append(i)
    return Tables(
        ids=tuple(s.id for s in strategies),
        effort=tuple(EFFORT_ORDER[s.effort] for s in strategies),
        generic=tuple(generic),
        links=tuple(
            {lk.determinant: (lk.weight, lk.top or NO_PLACE) for lk in s.links} for s in strategies
        ),
        linked={d: tuple(found) for d, found in linked.items()},
        index={s.id: i for i, s in enumerate(strategies)},
    )


def _generic_key(catalog: Catalog, i: int) -> tuple[float, float, str]:
    strategy = catalog.strategies[i]
    importance, feasibility = generic_rating(strategy, catalog)
    return (-importance, -feasibility, strategy.id)
