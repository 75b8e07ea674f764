"""Find cue phrases in a short note: stemmed words, Dutch compounds and typos.

A note and every cue are split into words the same way (accents and case folded, apostrophes
dropped, hyphens split) and stemmed with the Snowball stemmer of the cue's language. A cue
matches when its stems occur in order in the note, with at most `MAX_GAP` other words in
between. Each word of the note may also stand for

- a part of a Dutch compound (`personeelstekort` → `personeel`, `tekort`), and
- a cue word it misspells, with the same first letter: one edit (a swap of two neighbouring
  letters counts as one) for words of 6 letters or more, two from 9 (`ingewikeld` →
  `ingewikkeld`, `subsidei` → `subsidie`); in words of 5 letters only one changed letter
  after the first two (`traeg` → `traag`).

Such a stand-in counts at `INDIRECT` of a direct match.

Stemming alone joins too much (Dutch Snowball turns `overheid` into `over`, `als` and `alles`
into `al`), so two words only count as the same when their stems are equal and they look alike:
equal outright, one the other plus at most two letters, or a stem of 4 letters or more, the
same first two letters and lengths within `LENGTH_RATIO` of each other. Dutch moves `niet`
around (`helpt niet`, `dat het niet helpt`), so a Dutch cue with `niet` also matches with
`niet` in any other place.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from implementatie.errors import MissingExtra
from implementatie.knowledge.text import Lang

MAX_GAP = 2
"""Words of the note allowed between the words of a multi-word cue, in total."""

INDIRECT = 0.8
"""Weight of a match through a compound part or a corrected typo."""

MIN_PART = 4
"""The shortest compound part that counts."""

SHORT_TYPO = 5
"""The shortest note word that may be corrected."""

LONG_TYPO = 6
"""From this length a correction may also add, drop or swap letters."""

LENGTH_RATIO = 0.55
"""The shorter of two words with the same stem needs at least this share of the longer's length."""

MOVABLE: dict[Lang, str] = {"nl": "niet"}
"""A word that may stand anywhere in a cue of that language."""

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_STEMMER_NAMES: dict[Lang, str] = {"nl": "dutch", "en": "english"}


def words(text: str) -> list[tuple[str, str]]:
    """(surface word, folded word) pairs: case and accents folded, apostrophes dropped."""
    found = []
    for match in _WORD.finditer(text):
        surface = match.group()
        decomposed = unicodedata.normalize("NFKD", surface)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
        found.append((surface, plain.replace("'", "").replace("’", "")))
    return found


@dataclass(frozen=True)
class Cue:
    """One cue of one determinant, as stems and the words they came from."""

    determinant: str
    stems: tuple[str, ...]
    spellings: tuple[str, ...]
    weight: float


Option = tuple[str, str, float]
"""What a note word may stand for: (stem, spelling, factor)."""


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a note: which note words carried it, and how directly."""

    cue: Cue
    positions: tuple[int, ...]
    factor: float

    @property
    def score(self) -> float:
        return self.cue.weight * self.factor


class CueIndex:
    """All cues of one language, ready to be looked for in notes."""

    def __init__(self, lang: Lang, cues: Iterable[tuple[str, str, float]]) -> None:
        """`cues`: (determinant id, cue text, weight) triples."""
        self.stem = _stemmer(lang)
        self._by_first: dict[str, list[Cue]] = defaultdict(list)
        self._single: set[str] = set()
        spellings: dict[str, str] = {}
        movable = MOVABLE.get(lang)
        for determinant, text, weight in cues:
            folded = [plain for _, plain in words(text)]
            if not folded:
                continue
            for order in _orders(folded, movable):
                stems = tuple(self.stem(w) for w in order)
                self._by_first[stems[0]].append(Cue(determinant, stems, tuple(order), weight))
            if len(folded) == 1:
                self._single.add(self.stem(folded[0]))
            for plain in folded:
                spellings.setdefault(plain, self.stem(plain))
        self._known = set(spellings) | set(spellings.values())
        self._spellings_by_letter: dict[str, list[str]] = defaultdict(list)
        for plain in sorted(spellings):
            self._spellings_by_letter[plain[0]].append(plain)
        self._alternatives: dict[str, tuple[Option, ...]] = {}

    def find(self, folded: Sequence[str]) -> list[CueMatch]:
        """Every cue occurrence in a note given as folded words, in note order."""
        options = [self.alternatives(word) for word in folded]
        present = {stem for choices in options for stem, _, _ in choices}
        found = []
        for start, first_options in enumerate(options):
            for stem, spelling, factor in first_options:
                for cue in self._by_first.get(stem, ()):
                    if not present.issuperset(cue.stems):
                        continue
                    if not alike(spelling, cue.spellings[0], stem):
                        continue
                    match = _match_rest(cue, options, start, factor)
                    if match is not None:
                        found.append(match)
        return found

    def alternatives(self, word: str) -> tuple[Option, ...]:
        """What a note word may stand for: itself (factor 1), compound parts and a correction."""
        cached = self._alternatives.get(word)
        if cached is None:
            stem = self.stem(word)
            found = {stem: (stem, word, 1.0)}
            for part in (*self._compound_parts(word), self._correction(word, stem)):
                if part is not None and part not in found:
                    found[part] = (self.stem(part), part, INDIRECT)
            cached = self._alternatives[word] = tuple(found.values())
        return cached

    def _compound_parts(self, word: str) -> list[str]:
        """Single-word cues a Dutch compound starts or ends with."""
        parts = []
        for cut in range(MIN_PART, len(word) - MIN_PART + 1):
            head, tail = word[:cut], word[cut:]
            candidates = [head, tail]
            if tail.startswith("s") and len(tail) > MIN_PART:
                candidates.append(tail[1:])  # linking s: personeel-s-tekort
            for piece in candidates:
                if self.stem(piece) in self._single and piece not in parts:
                    parts.append(piece)
        return parts

    def _correction(self, word: str, stem: str) -> str | None:
        """The cue word `word` misspells, if any (see the module doc for how close)."""
        if len(word) < SHORT_TYPO or word in self._known or stem in self._known:
            return None
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import extractOne

        candidates = self._spellings_by_letter.get(word[0], [])
        if len(word) < LONG_TYPO:  # short words: one wrong letter after the first two
            candidates = [c for c in candidates if len(c) == len(word) and c[:2] == word[:2]]
        most = 1 if len(word) < 9 else 2
        best = extractOne(word, candidates, scorer=OSA.distance, score_cutoff=most)
        return None if best is None else str(best[0])


def _orders(folded: list[str], movable: str | None) -> list[list[str]]:
    """The cue's word order, plus every other place for its movable word."""
    if movable is None or movable not in folded or len(folded) == 1:
        return [folded]
    rest = list(folded)
    rest.remove(movable)
    orders = [folded]
    for place in range(len(rest) + 1):
        order = [*rest[:place], movable, *rest[place:]]
        if order not in orders:
            orders.append(order)
    return orders


def alike(note_word: str, cue_word: str, stem: str) -> bool:
    """Whether two words with the same stem count as the same word (see the module doc)."""
    if note_word == cue_word:
        return True
    short, long_ = sorted((note_word, cue_word), key=len)
    if len(stem) >= 3 and long_.startswith(short) and len(long_) - len(short) <= 2:
        return True  # a short inflection: pay/pays, tijd/tijden
    if len(stem) < 4 or note_word[:2] != cue_word[:2]:
        return False
    return len(short) / len(long_) >= LENGTH_RATIO


def _match_rest(
    cue: Cue, options: Sequence[tuple[Option, ...]], start: int, factor: float
) -> CueMatch | None:
    positions = [start]
    gaps = 0
    at = start + 1
    for stem, spelling in zip(cue.stems[1:], cue.spellings[1:], strict=True):
        while at < len(options):
            hit = next((f for s, w, f in options[at] if s == stem and alike(w, spelling, s)), None)
            if hit is not None:
                positions.append(at)
                factor = min(factor, hit)
                at += 1
                break
            gaps += 1
            if gaps > MAX_GAP:
                return None
            at += 1
        else:
            return None
    return CueMatch(cue, tuple(positions), factor)


def _stemmer(lang: Lang) -> Callable[[str], str]:
    try:
        import rapidfuzz  # noqa: F401  (used for typos; checked here so the error comes early)
        import snowballstemmer
    except ImportError:
        raise MissingExtra("the intake (suggest)", "intake") from None
    stem: Callable[[str], str] = snowballstemmer.stemmer(_STEMMER_NAMES[lang]).stemWord
    cache: dict[str, str] = {}

    def cached(word: str) -> str:
        found = cache.get(word)
        if found is None:
            found = cache[word] = stem(word)
        return found

    return cached
