"""Plain Dutch (B1) in the bundled catalogue: short sentences, no jargon, no banned words.

Counted over every Dutch name, description, condition and reason of strategies and determinants,
and the questionnaire items: the mean sentence length is at most 15 words and no sentence has more
than 25 (the B1 guidance used by Dutch public bodies, e.g. Rijksoverheid's Direct duidelijk).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from implementatie.knowledge.action_defaults import load_action_defaults
from tests.knowledge.plain_language import (
    CATALOG,
    MAX_MEAN,
    MAX_WORDS,
    catalogue_texts,
    mean_sentence_length,
    sentences,
    too_long,
)

BANNED = {
    "aandachtsfunctionaris": "is the meldcode role; call a champion 'ambassadeur'",
    "plan-do-study-act": "jargon; say 'in korte rondes uitproberen en bijstellen'",
    "lumpsum": "jargon; say 'vast jaarbudget'",
    "gepseudonimiseerd": "jargon; say what happens to the data",
    "transformatie": "policy jargon",
    "co-creatie": "policy jargon",
    "integraal": "policy jargon",
    "ontschotten": "policy jargon",
    "eigenaarschap": "policy jargon",
    "stip op de horizon": "policy jargon",
    "impact maken": "policy jargon",
    "handelingsperspectief": "policy jargon",
}
HUN_NOT_HEN = re.compile(r"\b(?:het|dat|dit) hen (?:opleverde|oplevert|oplevert|kost|geeft)\b")
"""'hen' as an indirect object before a verb of giving is an error for 'hun'."""


def dutch_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every Dutch name, description, condition, reason and item."""
    return catalogue_texts("nl")


def test_sentence_splitting_respects_abbreviations_and_quotes() -> None:
    assert sentences("Zie art. 27 van de WOR. Dat is kort.") == [
        "Zie art. 27 van de WOR.",
        "Dat is kort.",
    ]
    assert sentences("Zeg: 'Zo doe ik het.' Daarna volgt de rest.") == [
        "Zeg: 'Zo doe ik het.'",
        "Daarna volgt de rest.",
    ]
    assert sentences("Een zin zonder punt") == ["Een zin zonder punt"]


def test_no_sentence_has_more_than_25_words() -> None:
    found = too_long(dutch_texts())
    assert not found, found


def test_sentences_have_at_most_15_words_on_average() -> None:
    mean, count = mean_sentence_length(dutch_texts())
    assert count > 1000
    assert mean <= MAX_MEAN


@pytest.mark.parametrize("word", sorted(BANNED))
def test_banned_words_do_not_occur(word: str) -> None:
    pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
    found = [where for where, text in dutch_texts() if pattern.search(text)]
    assert not found, f"{word!r} ({BANNED[word]}) in {found}"


def test_formal_you_and_hen_for_hun_do_not_occur() -> None:
    formal_you = re.compile(r"\b(u|uw)\b")
    for where, text in dutch_texts():
        if ".q" in where:
            continue  # items address the respondent; checked in the determinant tests
        assert not formal_you.search(text), where
        assert not HUN_NOT_HEN.search(text), where


def test_the_innovation_is_named_only_in_the_questionnaire() -> None:
    """Strategy texts say what is meant ('de werkwijze'); items keep 'de innovatie', which a
    form replaces by the name the user gives (see `questionnaire_schema(innovation=...)`)."""
    pattern = re.compile(r"\binnovatie\b", re.IGNORECASE)
    in_strategies = [
        where
        for where, text in dutch_texts()
        if not where.startswith(tuple(d.id for d in CATALOG.determinants)) and pattern.search(text)
    ]
    assert not in_strategies, in_strategies


def action_default_texts() -> Iterator[tuple[str, str]]:
    """(where, text) for every Dutch role, dose, phase, outcome and audience of the action plan."""
    defaults = load_action_defaults()
    for group in ("roles", "doses", "phases", "audiences"):
        for key, text in getattr(defaults, group).items():
            yield f"{group}.{key}", text.nl
    for key, outcome in defaults.outcomes.items():
        yield f"outcomes.{key}.name", outcome.name.nl
        yield f"outcomes.{key}.indicator", outcome.indicator.nl


def test_action_plan_defaults_are_plain_dutch() -> None:
    """Roles are short names a team uses (no meldcode role for a champion), sentences short."""
    texts = list(action_default_texts())
    assert len(texts) > 30
    for word, why in BANNED.items():
        pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
        assert not [where for where, text in texts if pattern.search(text)], f"{word}: {why}"
    for where, text in texts:
        assert all(len(s.split()) <= MAX_WORDS for s in sentences(text)), where
        if where.startswith("roles."):
            assert len(text.split()) <= 6, f"{where}: a role is a short name"
