"""Sentence length limits for the catalogue texts, shared by the Dutch and English data tests.

B1 guidance (e.g. Rijksoverheid's Direct duidelijk; plain-English guides say the same): at most
15 words per sentence on average and none over 25.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from implementatie import load_catalog
from implementatie.knowledge.text import Lang

CATALOG = load_catalog()
MAX_WORDS = 25
MAX_MEAN = 15.0

ABBREVIATIONS = (
    # Dutch
    *("art.", "bijv.", "o.a.", "e.d.", "ca.", "nr.", "enz.", "d.w.z.", "t.a.v."),
    # English
    *("e.g.", "i.e.", "etc.", "cf.", "et al."),
    "vs.",
)
_ABBREVIATION = re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, ABBREVIATIONS)) + ")")
"""An abbreviation as a whole word: 'art.' in 'zie art. 27', not in 'part.'."""
SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?]['\")]))\s+(?=[A-Z0-9ÀÉÈËÏÖÜ'\"(])")


def sentences(text: str) -> list[str]:
    """The sentences of a text, not splitting after common abbreviations."""
    protected = _ABBREVIATION.sub(lambda m: m.group().replace(".", "\0"), " ".join(text.split()))
    return [s.replace("\0", ".") for s in SENTENCE_END.split(protected) if s.strip()]


def catalogue_texts(lang: Lang) -> Iterator[tuple[str, str]]:
    """(where, text) for every name, description, condition, reason and item in `lang`."""
    for s in CATALOG.strategies:
        yield f"{s.id}.name", s.name.in_(lang)
        yield f"{s.id}.description", s.description.in_(lang)
        if s.conditions is not None:
            yield f"{s.id}.conditions", s.conditions.in_(lang)
        for link in s.links:
            yield f"{s.id}.links.{link.determinant}", link.rationale.in_(lang)
    for d in CATALOG.determinants:
        yield f"{d.id}.name", d.name.in_(lang)
        yield f"{d.id}.description", d.description.in_(lang)
        for item in d.items:
            yield f"{d.id}.{item.id}", item.text.in_(lang)


def too_long(texts: Iterable[tuple[str, str]]) -> list[tuple[str, int, str]]:
    """(where, words, sentence) for every sentence of more than `MAX_WORDS` words."""
    return [
        (where, len(s.split()), s)
        for where, text in texts
        for s in sentences(text)
        if len(s.split()) > MAX_WORDS
    ]


def mean_sentence_length(texts: Iterable[tuple[str, str]]) -> tuple[float, int]:
    """The mean number of words per sentence, and the number of sentences."""
    lengths = [len(s.split()) for _, text in texts for s in sentences(text)]
    return sum(lengths) / len(lengths), len(lengths)
