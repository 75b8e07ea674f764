"""From chosen strategies to an action plan: who does what, for whom, when, how often, and why.

Each strategy is specified with the fields of Proctor et al. 2013 (Implement Sci 8:139): actor,
action, target, timing (a phase of Fleuren's innovation process and an order), dose, outcome
(one of Proctor et al. 2011's implementation outcomes, Adm Policy Ment Health 38:65-76, and how
to see it) and justification. Defaults come from data/action_defaults.yaml and the strategy's
own description and links; a team's edits (`edits=`) take their place and are kept when the
plan is written again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import BarrierLike, resolve_barriers
from implementatie.errors import InvalidOption
from implementatie.knowledge.action_defaults import (
    PHASES,
    ActionDefaults,
    Outcome,
    Phase,
    load_action_defaults,
)
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Determinant, Strategy
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang

STRONG = 2
"""Links of at least this weight make a determinant part of a strategy's target."""

_STEP = {"nl": "stap", "en": "step"}


class ActionStep(BaseModel):
    """One strategy of the plan, specified after Proctor et al. 2013."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    name: str
    actor: str
    action: str
    target: str
    phase: Phase
    order: Annotated[int, Field(ge=1)]
    dose: str
    outcome: Outcome
    indicator: str
    """How the team can see whether the outcome moved."""
    justification: str


class ActionPlan(BaseModel):
    """The steps of an action plan in one language, in the order they are to be taken."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lang: Lang
    steps: tuple[ActionStep, ...]

    def step(self, strategy_id: str) -> ActionStep | None:
        """The step for this strategy, if the plan has one."""
        return next((s for s in self.steps if s.id == strategy_id), None)

    def _repr_html_(self) -> str:
        from implementatie.report.action_plan_views import action_plan_view
        from implementatie.report.document import render

        return render(action_plan_view(self), "html")


@checked
def action_plan(
    plan_or_strategies: Plan | str | Strategy | Iterable[str | Strategy],
    *,
    barriers: Iterable[BarrierLike] = (),
    lang: Lang = "nl",
    catalog: Catalog | None = None,
    defaults: ActionDefaults | None = None,
    edits: ActionPlan | None = None,
) -> ActionPlan:
    """Specify every strategy of a plan (or of a list of strategies) as an action plan.

    With a `Plan`, each strategy targets the barriers it covers. With strategies (ids or
    objects), each targets the given `barriers` it links to strongly, or, without barriers,
    every determinant it links to strongly. Steps are ordered by phase, then as given.
    `edits`: an earlier (edited) action plan; its steps replace the defaults for the same
    strategies, with the team's order.
    """
    catalog = catalog or load_catalog()
    defaults = defaults or load_action_defaults(catalog=catalog)
    if isinstance(plan_or_strategies, Plan):
        chosen = [(p.strategy, list(p.covers)) for p in plan_or_strategies.strategies]
        names = {d.id: d for d in plan_or_strategies.barriers}
    else:
        if isinstance(plan_or_strategies, str | Strategy):  # one strategy, not its letters
            plan_or_strategies = [plan_or_strategies]
        given = resolve_barriers(barriers, catalog) if barriers else []
        names = {d.id: d for d in given} or {d.id: d for d in catalog.determinants}
        chosen = []
        for entry in plan_or_strategies:
            strategy = entry if isinstance(entry, Strategy) else catalog.strategy(entry)
            chosen.append((strategy, _targets(strategy, given)))
    ranked = sorted(
        enumerate(chosen), key=lambda pair: (PHASES.index(_phase(pair[1][0], defaults)), pair[0])
    )
    steps = [
        _step(strategy, [names[t] for t in targets], order, lang, defaults)
        for order, (_, (strategy, targets)) in enumerate(ranked, start=1)
    ]
    if edits is not None:
        steps = [edits.step(s.id) or s for s in steps]
        steps.sort(key=lambda s: (s.order, PHASES.index(s.phase), s.id))
    return ActionPlan(lang=lang, steps=tuple(steps))


def _targets(strategy: Strategy, barriers: Sequence[Determinant]) -> list[str]:
    if barriers:
        return [b.id for b in barriers if (link := strategy.link(b.id)) and link.weight >= STRONG]
    strong = [link.determinant for link in strategy.links if link.weight >= STRONG]
    return strong or [link.determinant for link in strategy.links]


def _phase(strategy: Strategy, defaults: ActionDefaults) -> Phase:
    entry = defaults.defaults.get(strategy.id)
    return entry.phase if entry else PHASES[0]


def _step(
    strategy: Strategy,
    targets: Sequence[Determinant],
    order: int,
    lang: Lang,
    defaults: ActionDefaults,
) -> ActionStep:
    entry = defaults.defaults.get(strategy.id)
    if entry is None:
        raise InvalidOption(
            f"strategy {strategy.id!r} has no action plan defaults; add it under `defaults:` "
            "in an action defaults file and pass it as `defaults=`"
        )
    names = "; ".join(t.name.in_(lang) for t in targets)
    audience = defaults.audiences[strategy.level].in_(lang)
    return ActionStep(
        id=strategy.id,
        name=strategy.name.in_(lang),
        actor=defaults.roles[entry.actor].in_(lang),
        action=strategy.description.in_(lang),
        target=f"{names} — {audience}" if names else audience,
        phase=entry.phase,
        order=order,
        dose=defaults.doses[entry.dose].in_(lang),
        outcome=entry.outcome,
        indicator=defaults.outcomes[entry.outcome].indicator.in_(lang),
        justification=_justification(strategy, targets, lang),
    )


def _justification(strategy: Strategy, targets: Sequence[Determinant], lang: Lang) -> str:
    """The link reasons per target, then the basis. In English the basis names the ERIC
    strategies, methods and references; in Dutch only the ERIC numbers, and that the (English)
    sources are with the strategy in the catalogue, so a Dutch plan and report stay Dutch."""
    reasons = [
        f"{t.name.in_(lang)}: {link.rationale.in_(lang)}"
        for t in targets
        if (link := strategy.link(t.id)) is not None
    ]
    if lang == "en":
        basis = [f"ERIC {ref.number} ({ref.name})" for ref in strategy.eric]
        basis += list(strategy.methods) + list(strategy.references)
        return " ".join([*reasons, f"Basis: {'; '.join(basis)}."])
    basis = [f"ERIC {ref.number}" for ref in strategy.eric]
    if strategy.methods or strategy.references:
        basis.append("bronnen bij de strategie in de catalogus (implementatie show)")
    return " ".join([*reasons, f"Basis: {'; '.join(basis)}."])


def timing_text(step: ActionStep, defaults: ActionDefaults, lang: Lang) -> str:
    """`Adoptie (besluiten om ermee te werken), stap 2`."""
    return f"{defaults.phases[step.phase].in_(lang)}, {_STEP[lang]} {step.order}"


def outcome_text(step: ActionStep, defaults: ActionDefaults, lang: Lang) -> str:
    """`Adoptie: Tel hoeveel professionals …`."""
    return f"{defaults.outcomes[step.outcome].name.in_(lang)}: {step.indicator}"
