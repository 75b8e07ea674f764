"""Plain English in the bundled catalogue: the same sentence limits as the Dutch B1 texts.

Counted over every English name, description, condition and reason of strategies and
determinants, and the questionnaire items: the mean sentence length is at most 15 words and
no sentence has more than 25.
"""

from __future__ import annotations

from tests.knowledge.plain_language import (
    MAX_MEAN,
    MAX_WORDS,
    catalogue_texts,
    mean_sentence_length,
    sentences,
    too_long,
)


def test_sentence_splitting_respects_english_abbreviations() -> None:
    text = "Use a tool, e.g. a card, i.e. paper. Ask staff, parents etc. first. Then report."
    assert sentences(text) == [
        "Use a tool, e.g. a card, i.e. paper.",
        "Ask staff, parents etc. first.",
        "Then report.",
    ]
    assert sentences("Smith et al. 2019 vs. Jones. Next.") == [
        "Smith et al. 2019 vs. Jones.",
        "Next.",
    ]


def test_an_abbreviation_inside_a_word_ends_a_sentence() -> None:
    """'art.' is a Dutch abbreviation, but 'part.' and 'start.' end sentences."""
    assert sentences("Parents take part. They start. Then it ends.") == [
        "Parents take part.",
        "They start.",
        "Then it ends.",
    ]


def test_the_limits_hold_at_their_exact_boundary() -> None:
    at_limit = " ".join(["word"] * MAX_WORDS) + "."
    over_limit = " ".join(["word"] * (MAX_WORDS + 1)) + "."
    assert too_long([("x", at_limit)]) == []
    assert too_long([("x", over_limit)]) == [("x", MAX_WORDS + 1, over_limit)]
    assert mean_sentence_length([("x", "One two three four. One.")]) == (2.5, 2)


def test_every_text_field_is_counted() -> None:
    fields = {where.rsplit(".", 1)[-1] for where, _ in catalogue_texts("en")}
    assert {"name", "description", "conditions", "q01"} <= fields
    assert any(".links." in where for where, _ in catalogue_texts("en"))


def test_no_sentence_has_more_than_25_words() -> None:
    found = too_long(catalogue_texts("en"))
    assert not found, found


def test_sentences_have_at_most_15_words_on_average() -> None:
    mean, count = mean_sentence_length(catalogue_texts("en"))
    assert count > 1000
    assert mean <= MAX_MEAN
