"""One plan across all barriers: few strategies that together give each barrier a strong link.

Weighted greedy set cover, then pruning. A barrier counts as covered by a strategy when their
link has weight ≥ 2 (`STRONG`). Strategies already in use cover first and are not recommended
again. Each round picks the strategy with the highest gain per unit of effort: gain sums, over
the barriers it would newly cover, 3 for a first-choice link (weight 3) and 1 for a strong link
(weight 2); effort counts low 1, medium 2, high 3. Ties go to more barriers covered, lower
effort, a better place in a barrier's curated top 3, the ERIC rating, then the id. Finally, a
chosen strategy whose barriers are all covered by the others is dropped again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from implementatie.advice.ranking import NO_PLACE, generic_rating
from implementatie.advice.recommendation import BarrierLike, candidate_strategies, resolve_barriers
from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import EFFORT_ORDER, Determinant, Effort, Strategy
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang, checked_lang

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from implementatie.report.notebook import View

STRONG = 2
"""The lowest link weight that counts as covering a barrier."""

GAIN = {3: 3, 2: 1}
"""What covering a barrier is worth: a first-choice link (weight 3) three times a strong one."""


@dataclass(frozen=True)
class PlannedStrategy:
    """A strategy in the plan and the barriers it covers strongly."""

    strategy: Strategy
    covers: tuple[str, ...]
    """Given barriers (ids) this strategy links to with weight ≥ 2, in the order given."""
    in_use: bool = False

    @property
    def id(self) -> str:
        return self.strategy.id

    def __repr__(self) -> str:
        use = ", in use" if self.in_use else ""
        return f"PlannedStrategy({self.id}, covers {len(self.covers)}{use})"


@dataclass(frozen=True)
class Plan:
    """A small set of strategies covering the barriers, with its coverage table."""

    barriers: tuple[Determinant, ...]
    strategies: tuple[PlannedStrategy, ...]
    """The recommended strategies, in the order they were chosen (most gain first)."""
    in_use: tuple[PlannedStrategy, ...]
    """Strategies the team already uses, counted as covering."""
    uncovered: tuple[Determinant, ...]
    """Barriers without a strong link in the plan."""
    limit_reached: bool
    """True when `max_strategies` stopped the plan before every coverable barrier was covered."""

    @property
    def coverage(self) -> dict[str, tuple[str, ...]]:
        """For each barrier (id), the plan's strategies (ids) that cover it, in use ones first."""
        every = (*self.in_use, *self.strategies)
        return {b.id: tuple(p.id for p in every if b.id in p.covers) for b in self.barriers}

    def to_dict(self, lang: Lang = "nl") -> dict[str, Any]:
        """Strategies, those in use, coverage, uncovered barriers: the `plan` of docs/json.md."""
        lang = checked_lang(lang)
        return {
            "strategies": [
                {
                    "id": p.id,
                    "name": p.strategy.name.in_(lang),
                    "effort": p.strategy.effort,
                    "covers": list(p.covers),
                }
                for p in self.strategies
            ],
            "in_use": [{"id": p.id, "covers": list(p.covers)} for p in self.in_use],
            "coverage": {barrier: list(ids) for barrier, ids in self.coverage.items()},
            "uncovered": [d.id for d in self.uncovered],
            "limit_reached": self.limit_reached,
        }

    def to_frame(self, lang: Lang = "nl") -> pd.DataFrame:
        """One row per planned strategy (in use ones too): names in `lang`, effort, coverage."""
        from implementatie.report.frames import plan_frame

        return plan_frame(self, lang)

    def plot(self, lang: Lang = "nl", *, ax: Axes | None = None) -> Figure:
        """The plan as a map: which strategy covers which barrier."""
        from implementatie.report.charts import plan_figure

        return plan_figure(self, lang, ax=ax)

    def view(self, lang: Lang = "nl") -> View:
        """The chosen strategies and what each covers, in `lang`."""
        from implementatie.report.notebook import view

        return view(self, lang)

    def _repr_html_(self) -> str:
        return self.view()._repr_html_()

    def __repr__(self) -> str:
        return (
            f"Plan({len(self.strategies)} strategies for {len(self.barriers)} barriers, "
            f"{len(self.uncovered)} uncovered)"
        )


@checked
def plan(
    barriers: Iterable[BarrierLike],
    *,
    catalog: Catalog | None = None,
    max_strategies: int | None = None,
    in_use: Sequence[str] = (),
    exclude: Sequence[str] = (),
    max_effort: Effort | None = None,
) -> Plan:
    """Choose few strategies that together give every barrier a strong link (weight ≥ 2)."""
    if max_strategies is not None and max_strategies < 0:
        raise InvalidOption(f"max_strategies must be 0 or more, got {max_strategies}")
    catalog = catalog or load_catalog()
    determinants = resolve_barriers(barriers, catalog)
    ids = [d.id for d in determinants]
    used = [catalog.strategy(s) for s in in_use]
    used_ids = {s.id for s in used}
    candidates = [
        s for s in candidate_strategies(catalog, exclude, max_effort) if s.id not in used_ids
    ]

    strong = {
        s.id: tuple(b for b in ids if (link := s.link(b)) and link.weight >= STRONG)
        for s in (*used, *candidates)
    }
    remaining = set(ids) - {b for s in used for b in strong[s.id]}
    coverable = remaining & {b for s in candidates for b in strong[s.id]}
    chosen: list[Strategy] = []
    open_ = set(coverable)
    while open_ and (max_strategies is None or len(chosen) < max_strategies):
        best = min(
            (s for s in candidates if not open_.isdisjoint(strong[s.id])),
            key=lambda s: _greedy_key(s, open_, catalog),
        )
        chosen.append(best)
        open_ -= set(strong[best.id])
    chosen = _prune(chosen, strong, coverable)
    covered = {b for s in (*used, *chosen) for b in strong[s.id]}
    return Plan(
        barriers=tuple(determinants),
        strategies=tuple(PlannedStrategy(s, strong[s.id]) for s in chosen),
        in_use=tuple(PlannedStrategy(s, strong[s.id], in_use=True) for s in used),
        uncovered=tuple(d for d in determinants if d.id not in covered),
        limit_reached=bool(open_),
    )


def _greedy_key(
    strategy: Strategy, open_: set[str], catalog: Catalog
) -> tuple[Fraction, int, int, int, float, float, str]:
    newly = [link for link in strategy.links if link.determinant in open_ and link.weight >= STRONG]
    gain = sum(GAIN[link.weight] for link in newly)
    cost = EFFORT_ORDER[strategy.effort]
    place = min(link.top or NO_PLACE for link in newly)  # newly: never empty for a candidate
    importance, feasibility = generic_rating(strategy, catalog)
    return (-Fraction(gain, cost), -len(newly), cost, place, -importance, -feasibility, strategy.id)


def _prune(
    chosen: list[Strategy], strong: Mapping[str, tuple[str, ...]], needed: set[str]
) -> list[Strategy]:
    """Drop, latest first, every strategy whose barriers the others already cover."""
    kept = list(chosen)
    for strategy in reversed(chosen):
        others = [s for s in kept if s is not strategy]
        own = needed & set(strong[strategy.id])
        # pragma below: `<` would do the same, as every pick covered a barrier that no earlier
        # pick did, so what a redundant strategy covers is never all that the others cover
        if own <= {b for s in others for b in strong[s.id]}:  # pragma: no mutate
            kept = others
    return kept
