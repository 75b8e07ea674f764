"""The bundled strategy catalogue: coverage, a decidable top 3, ERIC completeness, clean text."""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter

import pytest

from implementatie import load_catalog
from implementatie.knowledge.models import CATEGORY_IDS

CATALOG = load_catalog()
STRATEGIES = CATALOG.strategies
ADAPTED_ONLY: dict[int, str] = {
    10: "clarify_legal_responsibilities adapts 'change liability laws': local partners agree "
    "liability and data sharing, they cannot change a law",
}
"""ERIC numbers without a strategy that *is* them, only one that adapts them, with the reason."""


def test_at_least_100_strategies() -> None:
    assert len(STRATEGIES) >= 100


def test_every_eric_strategy_present_exactly_once() -> None:
    numbers = Counter(n for s in STRATEGIES for n in s.eric_numbers)
    for number in range(1, 74):
        if number in ADAPTED_ONLY:
            assert numbers[number] == 0
            assert any(number in s.adapts for s in STRATEGIES), number
            continue
        assert numbers[number] == 1, f"ERIC {number} appears {numbers[number]} times"


def test_behaviour_change_methods_and_dutch_strategies_are_there() -> None:
    kok = [s for s in STRATEGIES if s.methods and not s.eric]
    dutch = [s for s in STRATEGIES if not s.eric and not s.methods]
    assert len(kok) >= 15
    assert len(dutch) >= 10
    for strategy in kok:
        assert strategy.conditions is not None, f"{strategy.id}: a method needs its conditions"
    clusters = {s.cluster for s in dutch}
    assert {"governance_and_contracts", "regional_collaboration"} <= clusters


@pytest.mark.parametrize("determinant", [d.id for d in CATALOG.determinants])
def test_every_determinant_has_six_links_and_a_curated_top_three(determinant: str) -> None:
    links = [s.link(determinant) for s in CATALOG.strategies_for(determinant)]
    assert len(links) >= 6
    tops = sorted(link.top for link in links if link is not None and link.top is not None)
    assert tops == [1, 2, 3]
    assert all(link.weight == 3 for link in links if link is not None and link.top is not None)


def test_every_category_is_covered() -> None:
    covered = {
        CATALOG.determinant(link.determinant).category for s in STRATEGIES for link in s.links
    }
    assert covered == set(CATEGORY_IDS)


def test_weights_mean_something() -> None:
    """Weight 3 is a first choice: not the default. Most links are 1 or 2."""
    weights = Counter(link.weight for s in STRATEGIES for link in s.links)
    total = sum(weights.values())
    assert weights[3] / total < 0.4
    assert all(1 <= len(s.links) <= 8 for s in STRATEGIES)


def _normal(name: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", name.casefold())


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_two_strategies_have_near_identical_names(lang: str) -> None:
    names = [(s.id, _normal(s.name.in_(lang))) for s in STRATEGIES]
    for (id_a, a), (id_b, b) in itertools.combinations(names, 2):
        ratio = difflib.SequenceMatcher(None, a, b).ratio()
        assert ratio < 0.85, f"{id_a} and {id_b} have near-identical {lang} names: {a!r} / {b!r}"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_descriptions_and_rationales_have_sensible_lengths(lang: str) -> None:
    for strategy in STRATEGIES:
        description = strategy.description.in_(lang)
        assert 120 <= len(description) <= 800, (strategy.id, len(description))
        assert len(strategy.name.in_(lang)) <= 80, strategy.id
        for link in strategy.links:
            rationale = link.rationale.in_(lang)
            assert 20 <= len(rationale) <= 300, (strategy.id, link.determinant)


def test_texts_are_translated_not_copied() -> None:
    for strategy in STRATEGIES:
        assert strategy.description.nl != strategy.description.en, strategy.id
        for link in strategy.links:
            assert link.rationale.nl != link.rationale.en, (strategy.id, link.determinant)


def test_dutch_text_avoids_jargon_and_formal_you() -> None:
    banned = re.compile(
        r"\b(transformatie|co-creatie|integraal|ontschotten|eigenaarschap|stip op de horizon|"
        r"impact maken|handelingsperspectief)\b",
        re.IGNORECASE,
    )
    formal_you = re.compile(r"\b(u|uw)\b")
    for strategy in STRATEGIES:
        texts = [strategy.name.nl, strategy.description.nl]
        texts += [link.rationale.nl for link in strategy.links]
        for text in texts:
            assert not banned.search(text), (strategy.id, banned.search(text))
            assert not formal_you.search(text), (strategy.id, text)


def test_ids_are_unique_slugs_in_the_file_order_of_sections() -> None:
    ids = [s.id for s in STRATEGIES]
    assert len(ids) == len(set(ids))
    eric_order = [s.eric_numbers[0] for s in STRATEGIES if s.eric_numbers]
    assert eric_order == sorted(eric_order)


def test_eric_strategies_sit_in_their_waltz_cluster() -> None:
    """Each Waltz et al. 2015 cluster maps to exactly one cluster id here, and back."""
    pairs = {(CATALOG.eric(n).cluster, s.cluster) for s in STRATEGIES for n in s.eric_numbers}
    waltz = [w for w, _ in pairs]
    ours = [o for _, o in pairs]
    assert len(set(waltz)) == len(waltz) == 9
    assert len(set(ours)) == len(ours)
    for _, cluster in pairs:
        assert "Waltz" in CATALOG.cluster(cluster).source


# -- provenance --------------------------------------------------------------------------------

NO_ERIC_EQUIVALENT = {
    "protect_time_in_caseload_norms": "workload norms; no ERIC strategy changes caseload",
    "privacy_and_legal_check": "a legal check before the start; ERIC has none",
    "check_recognised_interventions_databases": "the Dutch recognition system; ERIC has none",
    "link_to_quality_framework_and_inspection": "Dutch quality frameworks and supervision",
    "change_calendar": "timing around other changes; ERIC has none",
    "communicate_decisions_internally": "internal communication of decisions; ERIC has none",
    "stop_other_work_to_make_room": "de-implementation; ERIC has no strategy for it",
}
"""Dutch-setting strategies without an honest ERIC mapping, with the reason."""


def test_every_link_states_its_basis_and_cites_where_needed() -> None:
    bases = Counter(link.basis for s in STRATEGIES for link in s.links)
    assert sum(bases.values()) == sum(len(s.links) for s in STRATEGIES)
    assert bases["tno_tool_example"] >= 1
    for strategy in STRATEGIES:
        for link in strategy.links:
            if link.basis in ("cfir_eric_matching", "tno_tool_example", "dutch_guideline_or_study"):
                assert link.source, (strategy.id, link.determinant)
            if link.basis == "intervention_mapping_method":
                assert strategy.methods, (strategy.id, link.determinant)
            if link.basis == "cfir_eric_matching":
                assert strategy.eric, (strategy.id, link.determinant)


def test_the_tno_example_rests_on_the_tno_tool() -> None:
    link = CATALOG.strategy("leaders_lead_by_example").link("formal_ratification")
    assert link is not None and link.basis == "tno_tool_example" and link.top is not None


def test_every_eric_derived_strategy_maps_to_its_eric_numbers() -> None:
    """A strategy from the Dutch setting adapts ERIC strategies, or says why none fits."""
    dutch = [s for s in STRATEGIES if not s.eric and not s.methods]
    for strategy in dutch:
        assert bool(strategy.adapts) != (strategy.id in NO_ERIC_EQUIVALENT), strategy.id
    assert set(NO_ERIC_EQUIVALENT) <= {s.id for s in dutch}
    assert CATALOG.strategy("involve_experts_by_experience").adapts == (41,)
    mapped = [s for s in STRATEGIES if s.eric_crosswalk]
    assert len(mapped) / len(STRATEGIES) > 0.75
