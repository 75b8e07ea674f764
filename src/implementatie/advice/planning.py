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
from typing import TYPE_CHECKING, Any

from implementatie.advice.ranking import NO_PLACE
from implementatie.advice.recommendation import BarrierLike, candidate_strategies, resolve_barriers
from implementatie.advice.tables import COST_SCALE, tables
from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Determinant, Effort, Strategy
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
    return _plan(barriers, catalog, max_strategies, in_use, exclude, max_effort)


def _plan(
    barriers: Iterable[BarrierLike],
    catalog: Catalog | None,
    max_strategies: int | None,
    in_use: Sequence[str],
    exclude: Sequence[str],
    max_effort: Effort | None,
) -> Plan:
    # Not decorated, so that mutation testing reaches it (mutmut skips decorated functions).
    if max_strategies is not None and max_strategies < 0:
        raise InvalidOption(f"max_strategies must be 0 or more, got {max_strategies}")
    catalog = catalog or load_catalog()
    determinants = resolve_barriers(barriers, catalog)
    ids = [d.id for d in determinants]
    table = tables(catalog)
    used = [catalog.strategy(s) for s in in_use]
    used_ids = {s.id for s in used}
    candidates = [
        table.index[s.id]
        for s in candidate_strategies(catalog, exclude, max_effort)
        if s.id not in used_ids
    ]
    masks = {
        i: _masks(table.links[i], ids) for i in (*(table.index[s.id] for s in used), *candidates)
    }
    covered_by_use = 0
    for s in used:
        covered_by_use |= masks[table.index[s.id]][0]
    everything = 0
    for i in candidates:
        everything |= masks[i][0]
    coverable = everything & ~covered_by_use
    chosen: list[int] = []
    open_ = coverable
    pool = [i for i in candidates if masks[i][0] & open_]
    while open_ and (max_strategies is None or len(chosen) < max_strategies):
        best = min(
            pool, key=lambda i: _greedy_key(masks[i], open_, table.effort[i], table.generic[i])
        )
        chosen.append(best)
        open_ &= ~masks[best][0]
        pool = [i for i in pool if masks[i][0] & open_]
    chosen = _prune(chosen, {i: masks[i][0] for i in chosen}, coverable)
    covered = covered_by_use
    for i in chosen:
        covered |= masks[i][0]

    def covers(i: int) -> tuple[str, ...]:
        return tuple(b for bit, b in enumerate(ids) if masks[i][0] >> bit & 1)

    return Plan(
        barriers=tuple(determinants),
        strategies=tuple(PlannedStrategy(catalog.strategies[i], covers(i)) for i in chosen),
        in_use=tuple(PlannedStrategy(s, covers(table.index[s.id]), in_use=True) for s in used),
        uncovered=tuple(d for bit, d in enumerate(determinants) if not covered >> bit & 1),
        limit_reached=bool(open_),
    )


Masks = tuple[int, int, int, int, int]
"""Bitsets of one strategy over the given barriers (bit i: the i-th barrier): linked strongly
(weight ≥ 2), as a first choice (weight 3), and at places 1, 2 and 3 of the curated top 3."""


def _masks(links: Mapping[str, tuple[int, int]], ids: Sequence[str]) -> Masks:
    strong = first = top1 = top2 = top3 = 0
    for bit, barrier in enumerate(ids):
        found = links.get(barrier)
        if found is None or found[0] < STRONG:
            continue
        strong |= 1 << bit
        if found[0] == 3:
            first |= 1 << bit
        if found[1] == 1:
            top1 |= 1 << bit
        elif found[1] == 2:
            top2 |= 1 << bit
        elif found[1] == 3:
            top3 |= 1 << bit
    return (strong, first, top1, top2, top3)


def _greedy_key(
    masks: Masks, open_: int, cost: int, generic: int
) -> tuple[int, int, int, int, int]:
    """The module docstring's order: gain per effort, barriers covered, effort, place, rating."""
    strong, first, top1, top2, top3 = masks
    newly = strong & open_
    count = newly.bit_count()
    first_count = (first & open_).bit_count()
    gain = GAIN[3] * first_count + GAIN[2] * (count - first_count)
    if top1 & open_:
        place = 1
    elif top2 & open_:
        place = 2
    elif top3 & open_:
        place = 3
    else:
        place = NO_PLACE
    return (-(gain * COST_SCALE // cost), -count, cost, place, generic)


def _prune(chosen: list[int], strong: Mapping[int, int], needed: int) -> list[int]:
    """Drop, latest first, every strategy whose barriers the others already cover."""
    kept = list(chosen)
    for strategy in reversed(chosen):
        others = [s for s in kept if s != strategy]
        rest = 0
        for s in others:
            rest |= strong[s]
        if needed & strong[strategy] & ~rest == 0:
            kept = others
    return kept
