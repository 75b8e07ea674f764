"""Recommend strategies per barrier: a ranked, explained top-k, deterministic.

Pure functions of the catalogue and the given barriers; see `ranking` for the rule, applied
here with the catalogue's precomputed `tables`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from implementatie.advice.tables import tables
from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import EFFORT_ORDER, Basis, Determinant, Effort, Strategy
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Text


@runtime_checkable
class HasDeterminant(Protocol):
    """Anything that names a determinant, such as a barrier from an assessment."""

    @property
    def determinant(self) -> Determinant: ...


BarrierLike = str | int | Determinant | HasDeterminant
"""A barrier as a person or a program gives it: id, MIDI number, name, or an object with one."""


@dataclass(frozen=True)
class RankedStrategy:
    """One strategy in a barrier's list, with the reasons for its place."""

    strategy: Strategy
    rank: int
    score: int
    """Summed link weight over all given barriers."""
    weight: int
    """Weight of the link to this barrier (3 first choice, 2 strong, 1 supportive)."""
    rationale: Text
    """Why this strategy moves this barrier."""
    also_addresses: tuple[str, ...]
    """The other given barriers (ids) this strategy is linked to, in the order given."""
    top: int | None
    """The link's place in the barrier's curated top 3, if any."""
    basis: Basis
    """What the link rests on (see `implementatie.knowledge.models.Basis`)."""
    source: str | None
    """The citation for the basis, where it has one."""

    @property
    def id(self) -> str:
        return self.strategy.id


@dataclass(frozen=True)
class BarrierStrategies:
    """A barrier with its ranked strategies."""

    determinant: Determinant
    strategies: tuple[RankedStrategy, ...]


@dataclass(frozen=True)
class Recommendation:
    """Ranked strategies for each given barrier, in the order the barriers were given."""

    barriers: tuple[BarrierStrategies, ...]
    top: int | None
    excluded: tuple[str, ...]

    def _repr_html_(self) -> str:
        from implementatie.report.document import render
        from implementatie.report.views import recommendation_view

        return render(recommendation_view(self, "nl"), "html")


def resolve_barriers(barriers: Iterable[BarrierLike], catalog: Catalog) -> list[Determinant]:
    """Determinants for the given barriers, in order, without repeats."""
    found: dict[str, Determinant] = {}
    for barrier in barriers:
        # The plain kinds first: a runtime Protocol check is slow.
        plain = isinstance(barrier, str | int | Determinant)
        determinant = catalog.determinant(
            barrier.determinant if not plain and isinstance(barrier, HasDeterminant) else barrier  # type: ignore[arg-type]
        )
        found.setdefault(determinant.id, determinant)
    return list(found.values())


def candidate_strategies(
    catalog: Catalog, exclude: Iterable[str] = (), max_effort: Effort | None = None
) -> list[Strategy]:
    """The strategies that may be recommended: not excluded and within the effort limit."""
    excluded = {catalog.strategy(s).id for s in exclude}
    limit = EFFORT_ORDER[max_effort] if max_effort else max(EFFORT_ORDER.values())
    return [
        s for s in catalog.strategies if s.id not in excluded and EFFORT_ORDER[s.effort] <= limit
    ]


@checked
def recommend(
    barriers: Iterable[BarrierLike],
    *,
    top: int | None = 3,
    catalog: Catalog | None = None,
    exclude: Sequence[str] = (),
    max_effort: Effort | None = None,
) -> Recommendation:
    """Rank the strategies for each barrier and keep the best `top` (all when None).

    Barriers may be ids, MIDI numbers, Dutch or English names, or barriers from an
    assessment (which come most severe first). `exclude` names strategies never to
    recommend; `max_effort` leaves out strategies that cost more. Same input, same output.
    """
    if top is not None and top < 1:
        raise InvalidOption(f"top must be at least 1, got {top}")
    catalog = catalog or load_catalog()
    determinants = resolve_barriers(barriers, catalog)
    ids = [d.id for d in determinants]
    table = tables(catalog)
    allowed = {table.index[s.id] for s in candidate_strategies(catalog, exclude, max_effort)}
    scores = dict.fromkeys(allowed, 0)
    for barrier in ids:
        for i in table.linked.get(barrier, ()):
            if i in allowed:
                scores[i] += table.links[i][barrier][0]
    entries = []
    for determinant in determinants:
        barrier = determinant.id
        linked = [i for i in table.linked.get(barrier, ()) if i in allowed]
        linked.sort(
            key=lambda i: (
                -table.links[i][barrier][0],
                -scores[i],
                table.links[i][barrier][1],
                table.generic[i],
            )
        )
        kept = linked if top is None else linked[:top]
        entries.append(
            BarrierStrategies(
                determinant,
                tuple(
                    _ranked(catalog.strategies[i], rank, barrier, ids, scores[i], table.links[i])
                    for rank, i in enumerate(kept, 1)
                ),
            )
        )
    excluded = tuple(sorted(catalog.strategy(s).id for s in exclude))
    return Recommendation(tuple(entries), top, excluded)


def _ranked(
    strategy: Strategy,
    rank: int,
    barrier: str,
    ids: Sequence[str],
    score: int,
    links: Mapping[str, object],
) -> RankedStrategy:
    link = strategy.link(barrier)
    assert link is not None
    others = tuple(b for b in ids if b in links and b != barrier)
    return RankedStrategy(
        strategy=strategy,
        rank=rank,
        score=score,
        weight=link.weight,
        rationale=link.rationale,
        also_addresses=others,
        top=link.top,
        basis=link.basis,
        source=link.source,
    )
