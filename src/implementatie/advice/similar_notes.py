"""Which example notes a new note is most like: TF-IDF over stemmed words and word pairs.

Every note, example or new, becomes a set of terms: each word stemmed by the Dutch and by the
English Snowball stemmer, and each pair of neighbouring words. A term gets its weight from how
rare it is among the examples (inverse document frequency; a term counts once per note);
terms found in more than `COMMON_SHARE` of the examples (`de`, `het`, `the`) carry no evidence
and are dropped, and so are terms no example has. The
likeness of two notes is the cosine of their weighted terms; a determinant's likeness to a new
note is that of its most alike example.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from implementatie.knowledge.text import LANGUAGES, Lang

COMMON_SHARE = 0.05
"""Terms in more than this share of the examples are too common to tell determinants apart."""

Terms = dict[str, set[int]]
"""A note's terms, each with the positions of the note words it came from."""


@dataclass(frozen=True)
class Likeness:
    """How alike a new note is to the closest example of one determinant (0 to 1), and which
    telling words of the note the two share."""

    score: float
    positions: frozenset[int]


class SimilarNotes:
    """An index of labelled example notes, each given as (determinant id or None for
    off-topic, language, folded words)."""

    def __init__(
        self,
        examples: Sequence[tuple[str | None, Lang, Sequence[str]]],
        stemmers: Mapping[Lang, Callable[[str], str]],
    ) -> None:
        self._stemmers = stemmers
        found = [self._terms(folded) for _, _, folded in examples]
        frequency = Counter(term for terms in found for term in terms)
        limit = COMMON_SHARE * len(examples)
        self._idf = {
            term: math.log((len(examples) + 1) / (count + 1)) + 1
            for term, count in frequency.items()
            if count <= limit
        }
        self._keys = [(key, lang) for key, lang, _ in examples]
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for at, terms in enumerate(found):
            for term, weight in self._vector(terms).items():
                self._postings[term].append((at, weight))
        self._telling = [frozenset(self._idf.keys() & terms.keys()) for terms in found]
        """Per example, its terms that carry evidence."""

    def closest(
        self, folded: Sequence[str], languages: Sequence[Lang] = LANGUAGES
    ) -> dict[str | None, Likeness]:
        """Per determinant id (None: off-topic), the likeness of its closest example in one of
        `languages` to the note given as folded words; keys without a shared term are left out."""
        terms = self._terms(folded)
        sums: dict[int, float] = defaultdict(float)
        for term, weight in self._vector(terms).items():
            for at, other in self._postings.get(term, ()):
                sums[at] += weight * other
        best: dict[str | None, tuple[float, int]] = {}
        for at, score in sorted(sums.items()):
            key, lang = self._keys[at]
            if lang in languages and (key not in best or score > best[key][0]):
                best[key] = (score, at)
        return {key: Likeness(score, self._shared(terms, at)) for key, (score, at) in best.items()}

    def _shared(self, terms: Terms, at: int) -> frozenset[int]:
        """Positions of the note's words that are telling terms of example `at` by themselves
        (a shared word pair adds to the likeness, but `ik word` does not make `ik` telling)."""
        shared = self._telling[at] & terms.keys()
        return frozenset(place for term in shared if " " not in term for place in terms[term])

    def _terms(self, folded: Sequence[str]) -> Terms:
        terms: Terms = defaultdict(set)
        for at, word in enumerate(folded):
            for lang, stem in self._stemmers.items():
                terms[f"{lang}:{stem(word)}"].add(at)
        for at, (first, second) in enumerate(pairwise(folded)):
            terms[f"{first} {second}"].update((at, at + 1))
        return terms

    def _vector(self, terms: Terms) -> dict[str, float]:
        weights = {term: self._idf[term] for term in terms if term in self._idf}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {term: w / norm for term, w in weights.items()}
