"""The cue lexicon and the action plan defaults against the catalogue."""

from __future__ import annotations

import pytest

from implementatie.errors import CatalogError
from implementatie.knowledge.action_defaults import OUTCOMES, PHASES, load_action_defaults
from implementatie.knowledge.cues import load_cues
from implementatie.knowledge.datafile import bundled_text


def test_every_determinant_has_dutch_and_english_cues(catalog) -> None:
    cues = load_cues(catalog=catalog)
    assert set(cues.cues) == {d.id for d in catalog.determinants}
    for determinant, entry in cues.cues.items():
        assert len(entry.nl) >= 5 and len(entry.en) >= 5, determinant


def test_unknown_determinant_in_cues_is_located(tmp_path, catalog) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("cues:\n  time_avialable:\n    nl: [tijd]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"cues.yaml:2:3: cues.time_avialable: unknown"):
        load_cues(path, catalog=catalog)


def test_wrong_key_in_cues_is_located(tmp_path) -> None:
    path = tmp_path / "cues.yaml"
    path.write_text("cues:\n  time_available:\n    dutch: [tijd]\n", encoding="utf-8")
    with pytest.raises(CatalogError, match=r"cues.yaml:3:5: .*dutch"):
        load_cues(path)


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
