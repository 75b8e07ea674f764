"""The cue lexicon, the example notes and the action plan defaults against the catalogue."""

from __future__ import annotations

import pytest

from implementatie.errors import CatalogError
from implementatie.knowledge.action_defaults import OUTCOMES, PHASES, load_action_defaults
from implementatie.knowledge.cues import load_cues
from implementatie.knowledge.datafile import bundled_text
from implementatie.knowledge.example_notes import load_example_notes

LOADERS = pytest.mark.parametrize(
    ("load", "key"), [(load_cues, "cues"), (load_example_notes, "examples")]
)
"""The two intake files share their shape: determinant id → `nl` / `en` lists."""


def test_every_determinant_has_dutch_and_english_cues(catalog) -> None:
    cues = load_cues(catalog=catalog)
    assert set(cues.cues) == {d.id for d in catalog.determinants}
    for determinant, entry in cues.cues.items():
        assert len(entry.nl) >= 5 and len(entry.en) >= 5, determinant


@LOADERS
def test_unknown_determinant_is_located(tmp_path, catalog, load, key) -> None:
    path = tmp_path / "intake.yaml"
    path.write_text(f"{key}:\n  time_avialable:\n    nl: [tijd]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=rf"intake.yaml:2:3: {key}.time_avialable: unknown"):
        load(path, catalog=catalog)


@LOADERS
def test_wrong_key_is_located(tmp_path, load, key) -> None:
    path = tmp_path / "intake.yaml"
    path.write_text(f"{key}:\n  time_available:\n    dutch: [tijd]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"intake.yaml:3:5: .*dutch"):
        load(path)


def test_every_strategy_has_defaults_and_every_default_a_strategy(catalog) -> None:
    defaults = load_action_defaults(catalog=catalog)
    strategies = {s.id for s in catalog.strategies}
    assert set(defaults.defaults) == strategies


def test_defaults_use_defined_roles_doses_and_every_phase_and_outcome(catalog) -> None:
    defaults = load_action_defaults(catalog=catalog)
    assert set(defaults.phases) == set(PHASES)
    assert set(defaults.outcomes) == set(OUTCOMES)
    for entry in defaults.defaults.values():
        assert entry.actor in defaults.roles and entry.dose in defaults.doses
    used = {entry.phase for entry in defaults.defaults.values()}
    assert used == set(PHASES), "each phase of the innovation process has strategies"


def test_undefined_role_and_unknown_strategy_are_located(tmp_path, catalog) -> None:
    text = (
        bundled_text("action_defaults.yaml")[1]
        + "  no_such_strategy: {actor: wizard, phase: adoptie, dose: once, outcome: costs}\n"
    )
    path = tmp_path / "defaults.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        load_action_defaults(path, catalog=catalog)
    messages = [str(p) for p in raised.value.problems]
    assert any("unknown strategy 'no_such_strategy'" in m for m in messages)
    assert any("defaults.no_such_strategy.actor: unknown role 'wizard'" in m for m in messages)
