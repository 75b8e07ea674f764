"""Default Proctor specification per strategy: actor, phase, dose and implementation outcome.

Fields after Proctor et al. 2013 (Implement Sci 8:139); outcomes after Proctor et al. 2011
(Adm Policy Ment Health 38:65-76); phases of the innovation process after Fleuren et al. 2004.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

from implementatie.errors import CatalogError, Problem
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.datafile import bundled_text, read_model, user_text
from implementatie.knowledge.models import Level, Slug
from implementatie.knowledge.text import Text
from implementatie.knowledge.yamlsource import YamlDocument

ACTION_DEFAULTS_FILE = "action_defaults.yaml"

Phase = Literal["disseminatie", "adoptie", "implementatie", "continuering"]
PHASES: tuple[Phase, ...] = get_args(Phase)
"""Fleuren's phases of the innovation process, in order."""

Outcome = Literal[
    "acceptability",
    "adoption",
    "appropriateness",
    "feasibility",
    "fidelity",
    "penetration",
    "costs",
    "sustainability",
]
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
"""Proctor et al. 2011's implementation outcomes."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class OutcomeText(_Model):
    """An implementation outcome's name and how a team can see whether it moved."""

    name: Text
    indicator: Text


class StrategyDefaults(_Model):
    """What the action plan proposes for one strategy until the team changes it."""

    actor: Slug
    phase: Phase
    dose: Slug
    outcome: Outcome


class ActionDefaults(_Model):
    """The whole defaults file."""

    about: str = ""
    roles: dict[Slug, Text]
    doses: dict[Slug, Text]
    phases: dict[Phase, Text]
    outcomes: dict[Outcome, OutcomeText]
    audiences: dict[Level, Text]
    """Who a strategy is for, by its level."""
    defaults: dict[Slug, StrategyDefaults]


def load_action_defaults(
    path: str | os.PathLike[str] | None = None, *, catalog: Catalog | None = None
) -> ActionDefaults:
    """Read and check the defaults (the bundled file without `path`).

    Every role and dose a default names must be defined, and every phase and outcome must have
    its texts. With `catalog`, every key must be a strategy of it. Raises `CatalogError`
    naming file, line and key for each problem.
    """
    defaults, doc = _bundled() if path is None else _read(path)
    problems = list(_problems(defaults, doc, catalog))
    if problems:
        raise CatalogError(problems)
    return defaults


def _read(path: str | os.PathLike[str]) -> tuple[ActionDefaults, YamlDocument]:
    return read_model(*user_text(path), ActionDefaults)


@cache
def _bundled() -> tuple[ActionDefaults, YamlDocument]:
    return read_model(*bundled_text(ACTION_DEFAULTS_FILE), ActionDefaults)


def _problems(
    data: ActionDefaults, doc: YamlDocument, catalog: Catalog | None
) -> Iterator[Problem]:
    for phase in PHASES:
        if phase not in data.phases:
            yield doc.problem(("phases",), f"no text for phase {phase!r}")
    for outcome in OUTCOMES:
        if outcome not in data.outcomes:
            yield doc.problem(("outcomes",), f"no text for outcome {outcome!r}")
    for level in get_args(Level):
        if level not in data.audiences:
            yield doc.problem(("audiences",), f"no text for level {level!r}")
    known = {s.id for s in catalog.strategies} if catalog is not None else None
    for strategy, entry in data.defaults.items():
        where = ("defaults", strategy)
        if known is not None and strategy not in known:
            yield doc.problem(where, f"unknown strategy {strategy!r}")
        if entry.actor not in data.roles:
            yield doc.problem((*where, "actor"), f"unknown role {entry.actor!r}")
        if entry.dose not in data.doses:
            yield doc.problem((*where, "dose"), f"unknown dose {entry.dose!r}")
