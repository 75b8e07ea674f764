"""SimilarNotes: how alike a new note is to labelled example notes."""

from __future__ import annotations

import pytest

from implementatie.advice.similar_notes import COMMON_SHARE, SimilarNotes


def same(word: str) -> str:
    return word


def index(*examples: tuple[str | None, str, str]) -> SimilarNotes:
    """Examples as (key, lang, text); words are split on spaces and not stemmed."""
    return SimilarNotes([(key, lang, text.split()) for key, lang, text in examples], {"nl": same})


FILLER = [("filler", "nl", f"woord{n} ander{n}") for n in range(40)]
"""Notes that share no word, so that a word in a few examples is rare enough to count."""


def test_a_note_equal_to_an_example_is_fully_alike_and_shares_its_words() -> None:
    notes = index(("time", "nl", "geen tijd"), ("money", "nl", "geen geld"), *FILLER)
    found = notes.closest(["geen", "tijd"])
    assert found["time"].score == pytest.approx(1.0)
    assert found["time"].positions == {0, 1}
    assert found["money"].score < 0.5
    assert found["money"].positions == {0}


def test_a_note_sharing_no_telling_word_is_left_out() -> None:
    notes = index(("time", "nl", "geen tijd"), *FILLER)
    assert notes.closest(["koffie", "op"]) == {}
    assert notes.closest([]) == {}


def test_a_term_counts_up_to_a_share_of_common_share_of_the_examples() -> None:
    assert COMMON_SHARE == 0.05  # 20 examples: a term in 1 counts, in 2 does not
    rare = index(("a", "nl", "alfa x1"), *FILLER[:19])
    common = index(("a", "nl", "alfa x1"), ("b", "nl", "alfa x2"), *FILLER[:18])
    assert "a" in rare.closest(["alfa"])
    assert common.closest(["alfa"]) == {}


def test_only_examples_in_the_languages_asked_for_count() -> None:
    notes = index(("time", "en", "no time"), ("time", "nl", "geen tijd"), *FILLER)
    assert notes.closest(["time"], ["nl"]) == {}
    assert notes.closest(["time"], ["en"])["time"].score > 0
    assert notes.closest(["time"])["time"].score > 0


def test_off_topic_examples_have_the_key_none() -> None:
    notes = index((None, "nl", "koffie op"), ("time", "nl", "geen tijd"), *FILLER)
    assert set(notes.closest(["koffie", "is", "op"])) == {None}


def test_of_two_equally_alike_examples_the_first_one_counts() -> None:
    notes = index(("time", "nl", "tijd rooster"), ("time", "nl", "tijd agenda"), *FILLER)
    found = notes.closest(["tijd", "rooster", "agenda"])
    assert found["time"].positions == {0, 1}  # the first example: tijd, rooster


def test_a_common_word_in_a_shared_pair_adds_to_the_likeness_but_is_not_listed() -> None:
    common = [("filler", "nl", f"ik woord{n}") for n in range(40)]
    notes = index(("self_efficacy", "nl", "ik twijfel"), *common)
    found = notes.closest(["ik", "twijfel"])["self_efficacy"]
    assert found.positions == {1}
    assert found.score == pytest.approx(1.0)  # `twijfel` and the pair `ik twijfel`
    assert notes.closest(["twijfel"])["self_efficacy"].score < 0.8
