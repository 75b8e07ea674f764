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

FRAME_GAP = 4
"""The same for a sentence frame (a cue with a word class, `{clients} leuk`): a subject and
what is said about it are often further apart (`jongeren vinden de app echt leuk`)."""

ANTONYM_PREFIXES: dict[Lang, tuple[str, ...]] = {"nl": ("on",), "en": ("un",)}
"""A word with or without these counts for the same determinant (`zeker` / `onzeker`,
`clear` / `unclear`): a note can name a barrier or what goes well."""

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

PARTICLES: dict[Lang, frozenset[str]] = {
    "nl": frozenset(
        {"aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "samen", "terug", "toe"}
        | {"uit", "voor", "weg"}
    ),
}
"""Parts of Dutch separable verbs: `haken af` / `afhaken`, `doet mee` / `meedoen`."""

PARTICLE_REACH = 6
"""How many words before a particle its verb may stand (`vullen de lijst bijna nooit in`)."""

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
    gap: int = MAX_GAP


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

    def __init__(
        self,
        lang: Lang,
        cues: Iterable[tuple[str, str, float]],
        heads: Iterable[str] = (),
        frames: Iterable[tuple[str, str, float]] = (),
    ) -> None:
        """`cues`: (determinant id, cue text, weight) triples; `frames`: the same for sentence
        frames, which allow `FRAME_GAP` words in between; `heads`: words a compound may end
        with and still count as that word (`schuldhulpverlener` is a `hulpverlener`)."""
        self.stem = stemmer(lang)
        self.lang = lang
        self._by_first: dict[str, list[Cue]] = defaultdict(list)
        self._single: set[str] = set()
        self._particles = PARTICLES.get(lang, frozenset())
        spellings: dict[str, str] = {}
        joined: set[str] = set()
        movable = MOVABLE.get(lang)
        tagged = [(*cue, MAX_GAP) for cue in cues] + [(*cue, FRAME_GAP) for cue in frames]
        self.capitals: set[str] = set()
        """Cue words written in capitals (`IT`): they match only a note word in capitals."""
        split: dict[str, list[tuple[str, str]]] = {}  # frames repeat words: split each once
        for determinant, text, weight, gap in tagged:
            found = [
                pair
                for token in text.split()
                for pair in split.get(token) or split.setdefault(token, words(token))
            ]
            self.capitals.update(plain for surface, plain in found if surface.isupper())
            folded = [plain for _, plain in found]
            if not folded:
                continue
            for variant in [folded, *_separable(folded, self._particles)]:
                for order in _orders(variant, movable):
                    stems = tuple(self.stem(w) for w in order)
                    cue = Cue(determinant, stems, tuple(order), weight, gap)
                    self._by_first[stems[0]].append(cue)
                joined.update(self.stem(w) for w in variant)
            if len(folded) == 1:
                self._single.add(self.stem(folded[0]))
            for plain in folded:
                spellings.setdefault(plain, self.stem(plain))
        self._known = set(spellings) | set(spellings.values())
        self._stems = set(spellings.values()) | joined
        self._heads = {self.stem(w) for head in heads for w in [head] if " " not in head}
        self._spellings_by_letter: dict[str, list[str]] = defaultdict(list)
        for plain in sorted(spellings):
            self._spellings_by_letter[plain[0]].append(plain)
        self._alternatives: dict[str, tuple[Option, ...]] = {}

    def find(self, note: Sequence[tuple[str, str]]) -> list[CueMatch]:
        """Every cue occurrence in a note given as (surface, folded) words, in note order."""
        folded = [
            "" if plain in self.capitals and not surface.isupper() else plain
            for surface, plain in note
        ]
        options = [self.alternatives(word) if word else () for word in folded]
        if self._particles:
            options = self._join_particles(folded, options)
        present = {stem for choices in options for stem, _, _ in choices}
        found: list[CueMatch] = []
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
            for form in self._verb_forms(word):
                found.setdefault(self.stem(form), (self.stem(form), form, 1.0))
            indirect = [
                *self._compound_parts(word),
                self._final_d_or_t(word),
                *self._antonyms(word),
            ]
            if len(found) == 1:
                indirect.append(self._correction(word, stem))
            for part in indirect:
                if part is not None and self.stem(part) not in found:
                    found[self.stem(part)] = (self.stem(part), part, INDIRECT)
            cached = self._alternatives[word] = tuple(found.values())
        return cached

    def _verb_forms(self, word: str) -> list[str]:
        """Dutch present-tense forms back to the infinitive a cue uses: `helpt` → `helpen`,
        `haakt` → `haken`, `vult` → `vullen`, `durft` → `durven`, `doet` → `doen`; only forms
        whose stem some cue has."""
        if self.lang != "nl" or len(word) < 4:
            return []
        stem = word[:-1] if word.endswith("t") else word
        candidates = [stem + "en", stem + "n"]
        if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou":
            candidates.append(stem[:-2] + stem[-1] + "en")  # haak → haken
        if len(stem) >= 2 and stem[-1] not in "aeiouy" and stem[-2] in "aeiou":
            candidates.append(stem + stem[-1] + "en")  # vul → vullen
        if stem.endswith(("f", "s")):
            candidates.append(stem[:-1] + {"f": "v", "s": "z"}[stem[-1]] + "en")
        return [c for c in candidates if c != word and self.stem(c) in self._stems]

    def _antonyms(self, word: str) -> list[str]:
        """The cue word this word negates or is negated by (`zeker` ↔ `onzeker`)."""
        found = []
        for prefix in ANTONYM_PREFIXES.get(self.lang, ()):
            other = word[len(prefix) :] if word.startswith(prefix) else prefix + word
            if len(other) >= MIN_PART + 1 and other in self._known:
                found.append(other)
        return found

    def _final_d_or_t(self, word: str) -> str | None:
        """The cue word meant when a Dutch word ends in `t` for `d` or the other way round
        (`tijt` → `tijd`, `wort` → `word`), the most common Dutch spelling slip."""
        if self.lang != "nl" or len(word) < 3 or word in self._known:
            return None
        swap = {"t": "d", "d": "t"}.get(word[-1])
        candidates = [word[:-1] + swap] if swap else []
        if word.endswith("dt"):
            candidates += [word[:-1], word[:-2] + "t"]
        return next((c for c in candidates if c in self._known), None)

    def _join_particles(
        self, folded: Sequence[str], options: list[tuple[Option, ...]]
    ) -> list[tuple[Option, ...]]:
        """Let a verb stand for its separable verb when the particle follows within the clause
        (`pubers haken na twee sessies al af` → `afhaken`) or comes as `af te haken`."""
        joined = list(options)
        for at, word in enumerate(folded):
            if word not in self._particles:
                continue
            hosts = range(max(0, at - PARTICLE_REACH), at)
            if at + 2 < len(folded) and folded[at + 1] == "te":
                hosts = range(at + 2, at + 3)
            for host in hosts:
                if folded[host] in self._particles:
                    continue
                for form in [folded[host], *self._verb_forms(folded[host])]:
                    whole = word + form
                    for candidate in [whole, *self._verb_forms(whole)]:
                        stem = self.stem(candidate)
                        if stem in self._stems and all(o[0] != stem for o in joined[host]):
                            joined[host] = (*joined[host], (stem, candidate, 1.0))
        return joined

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
            if self.stem(tail) in self._heads and tail not in parts:
                parts.append(tail)  # a kind of that role or group
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


def _separable(folded: list[str], particles: frozenset[str]) -> list[list[str]]:
    """A Dutch cue ending in a separable particle also as one verb: `haken af` → `afhaken`,
    `doen goed mee` → `meedoen goed`. The particle joins each other word in turn (a joined
    non-verb never occurs in a note, so it costs nothing)."""
    if len(folded) < 2 or folded[-1] not in particles:
        return []
    particle, rest = folded[-1], folded[:-1]
    return [
        [*rest[:at], particle + word, *rest[at + 1 :]]
        for at, word in enumerate(rest)
        if word not in particles and word != "niet"
    ]


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
            if gaps > cue.gap:
                return None
            at += 1
        else:
            return None
    return CueMatch(cue, tuple(positions), factor)


def stemmer(lang: Lang) -> Callable[[str], str]:
    """The Snowball stemmer of `lang`, with a cache; needs the `intake` extra."""
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
