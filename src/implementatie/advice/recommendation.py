"""Recommend strategies per barrier: a ranked, explained top-k, deterministic.

Pure functions of the catalogue and the given barriers; see `ranking` for the rule, applied
here with the catalogue's precomputed `tables`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from implementatie.advice.tables import tables
from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import EFFORT_ORDER, Basis, Determinant, Effort, Strategy
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang, Text, checked_lang

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View


@runtime_checkable
class HasDeterminant(Protocol):
    """Anything that names a determinant, such as a barrier from an assessment."""

    @property
    def determinant(self) -> Determinant: ...


@runtime_checkable
class HasSeverity(Protocol):
    """A measured barrier, such as `Assessment.barriers` gives: how severe, over how many."""

    @property
    def determinant(self) -> Determinant: ...

    @property
    def severity(self) -> float: ...

    @property
    def n(self) -> int: ...


BarrierLike = str | int | Determinant | HasDeterminant
"""A barrier as a person or a program gives it: id, MIDI number, name, or an object with one."""


@dataclass(frozen=True, repr=False)  # its own __repr__
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

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """The strategy's entry in a barrier's list, texts in `lang` (docs/json.md)."""
        return {
            "id": self.id,
            "rank": self.rank,
            "score": self.score,
            "weight": self.weight,
            "name": self.strategy.name.in_(lang),
            "rationale": self.rationale.in_(lang),
            "basis": self.basis,
            "source": self.source,
            "also_addresses": list(self.also_addresses),
            "effort": self.strategy.effort,
            "eric": list(self.strategy.eric_numbers),
            "adapts": list(self.strategy.adapts),
        }

    def __repr__(self) -> str:
        return f"RankedStrategy({self.rank}. {self.id}, weight={self.weight}, score={self.score})"


@dataclass(frozen=True, repr=False)  # its own __repr__
class BarrierStrategies:
    """A barrier with its ranked strategies (and its severity, when it came from an assessment)."""

    determinant: Determinant
    strategies: tuple[RankedStrategy, ...]
    severity: float | None = None
    """Share of respondents answering negatively (0-1), for a barrier from an assessment."""
    n: int | None = None
    """Respondents with a valid answer, for a barrier from an assessment."""

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """`determinant`, `name`, `strategies` and, from an assessment, `severity` (%) and `n`."""
        data: dict[str, Any] = {
            "determinant": self.determinant.id,
            "name": self.determinant.name.in_(lang),
            "strategies": [r.to_dict(lang) for r in self.strategies],
        }
        if self.severity is not None:
            from implementatie.survey.scoring import percent

            data.update(severity=percent(self.severity), n=self.n)
        return data

    def __repr__(self) -> str:
        return f"BarrierStrategies({self.determinant.id}, {len(self.strategies)} strategies)"


@dataclass(frozen=True, repr=False)  # its own __repr__
class Recommendation:
    """Ranked strategies for each given barrier, in the order the barriers were given."""

    barriers: tuple[BarrierStrategies, ...]
    top: int | None
    excluded: tuple[str, ...]

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """`{"lang", "barriers": [...]}` with texts in `lang`: the JSON of docs/json.md."""
        lang = checked_lang(lang)
        return {"lang": lang, "barriers": [b.to_dict(lang) for b in self.barriers]}

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per barrier × strategy: ids, names in `lang`, rank, weight, score, reason."""
        from implementatie.report.frames import recommendation_frame

        return recommendation_frame(self, lang)

    def plot(self, lang: Lang = "nl", *, ax: Axes | None = None) -> Figure:
        """The recommendation map: barriers × strategies, link weights; shared ones stand out."""
        from implementatie.report.charts import recommendation_figure

        return recommendation_figure(self, lang, ax=ax)

    def view(self, lang: Lang = "nl") -> View:
        """Per barrier its ranked strategies with reasons, in `lang`."""
        from implementatie.report.notebook import view

        return view(self, lang)

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()

    def __repr__(self) -> str:
        count = sum(len(b.strategies) for b in self.barriers)
        return f"Recommendation({len(self.barriers)} barriers, {count} ranked strategies)"


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
    return _recommend(barriers, top, catalog, exclude, max_effort)


def _recommend(
    barriers: Iterable[BarrierLike],
    top: int | None,
    catalog: Catalog | None,
    exclude: Sequence[str],
    max_effort: Effort | None,
) -> Recommendation:
    # Not decorated, so that mutation testing reaches it (mutmut skips decorated functions).
    if top is not None and top < 1:
        raise InvalidOption(f"top must be at least 1, got {top}")
    catalog = catalog or load_catalog()
    given = list(barriers)
    determinants = resolve_barriers(given, catalog)
    ids = [d.id for d in determinants]
    measured = {b.determinant.id: (b.severity, b.n) for b in given if isinstance(b, HasSeverity)}
    table = tables(catalog)
    allowed = {table.index[s.id] for s in candidate_strategies(catalog, exclude, max_effort)}
    scores = dict.fromkeys(allowed, 0)
    for barrier in ids:
        for i in table.linked[barrier]:
            if i in allowed:
                scores[i] += table.links[i][barrier][0]
    entries = []
    for determinant in determinants:
        barrier = determinant.id
        linked = [i for i in table.linked[barrier] if i in allowed]
        linked.sort(
            key=lambda i: (
                -table.links[i][barrier][0],
                -scores[i],
                table.links[i][barrier][1],
                table.generic[i],
            )
        )
        kept = linked[:top]  # all when top is None
        entries.append(
            BarrierStrategies(
                determinant,
                tuple(
                    _ranked(catalog.strategies[i], rank, barrier, ids, scores[i], table.links[i])
                    for rank, i in enumerate(kept, 1)
                ),
                *measured.get(barrier, (None, None)),
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
