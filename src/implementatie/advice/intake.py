"""From what a team writes on sticky notes to the MIDI determinants it most likely means.

The evidence per determinant, per language:

- its cues (data/cues.yaml) found in the note: 1 per cue (a phrase counts as one cue), half
  for a weak cue, times 0.8 when found through a compound part or a typo; cues of one
  determinant that share a note word count once (the strongest first);
- words of its name, description and questionnaire items found in the note: `EXTRA_WEIGHT` per
  distinct word, at most `EXTRA_CAP`. Only words of 4 letters or more that occur in at most
  `EXTRA_SPREAD` determinants count, so common words ("innovatie", "werken") do not;
- how alike the note is to its closest example note (data/example_notes.yaml, 0 to 1), times
  `LIKENESS_WEIGHT`.

With `lang=None` both languages are tried and each determinant keeps its better score. A note
gets suggestions only when its best determinant scores at least `CLEAR` ("no clear
determinant" otherwise); then every determinant scoring at least `SHOWN` is ranked, highest
first, ties by MIDI number. A note more alike to an off-topic example than its best
determinant's score allows (`LIKENESS_WEIGHT` times the likeness above that score) gets none.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from implementatie.advice.cue_matching import CueIndex, CueMatch, alike, stemmer, words
from implementatie.advice.similar_notes import SimilarNotes
from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.cues import SLOT, CueLexicon, load_cues
from implementatie.knowledge.example_notes import ExampleNotes, load_example_notes
from implementatie.knowledge.limits import MAX_ANSWERS_BYTES, read_text
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Determinant
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import LANGUAGES, Lang

CLEAR = 0.8
"""The lowest best score that counts as a clear determinant."""

SHOWN = 0.5
"""The lowest score of a suggestion listed after a clear first one."""

WEAK = 0.5
EXTRA_WEIGHT = 0.25
EXTRA_CAP = 0.75
EXTRA_SPREAD = 3
LIKENESS_WEIGHT = 4.0


@dataclass(frozen=True)
class Suggestion:
    """A determinant a note probably refers to, its score and the note's words that matched."""

    determinant: Determinant
    score: float
    matched: tuple[str, ...]


@dataclass(frozen=True)
class NoteSuggestions:
    """One note and its suggestions, best first; empty means no clear determinant."""

    text: str
    suggestions: tuple[Suggestion, ...]

    @property
    def clear(self) -> bool:
        """True when the note points to at least one determinant."""
        return bool(self.suggestions)


@dataclass(frozen=True)
class Intake:
    """Suggestions for every note, in the order given."""

    notes: tuple[NoteSuggestions, ...]

    def _repr_html_(self) -> str:
        from implementatie.report.document import render
        from implementatie.report.intake_views import intake_view

        return render(intake_view(self, "nl"), "html")


@checked
def suggest(
    text: str | Iterable[str],
    *,
    top: int = 3,
    lang: Lang | None = None,
    catalog: Catalog | None = None,
    lexicon: CueLexicon | None = None,
    examples: ExampleNotes | None = None,
) -> Intake:
    """Suggest determinants for one note (a string) or for each of several notes.

    `lang` limits the matching to Dutch or English cues and example notes; by default both are
    tried. `lexicon` and `examples` replace the bundled cue lexicon and example notes. Needs the
    `intake` extra (snowballstemmer with PyStemmer, rapidfuzz).
    """
    if top < 1:
        raise InvalidOption(f"top must be 1 or more, got {top}")
    if lang is not None and lang not in LANGUAGES:
        raise InvalidOption(f"lang must be one of {', '.join(LANGUAGES)} or None, got {lang!r}")
    catalog = catalog or load_catalog()
    lexicon = lexicon or load_cues(catalog=catalog)
    matcher = _matcher(catalog, lexicon, examples or load_example_notes(catalog=catalog))
    notes = [text] if isinstance(text, str) else list(text)
    languages = LANGUAGES if lang is None else (lang,)
    return Intake(tuple(matcher.note(note, languages, top) for note in notes))


def read_notes(path: str | os.PathLike[str]) -> list[str]:
    """Notes from a text file, one per line; blank lines are skipped."""
    text = read_text(Path(path), MAX_ANSWERS_BYTES)
    return [line.strip() for line in text.splitlines() if line.strip()]


class _Matcher:
    """Cue indexes, description words and example notes of one catalogue."""

    def __init__(self, catalog: Catalog, lexicon: CueLexicon, examples: ExampleNotes) -> None:
        self.determinants = {d.id: d for d in catalog.determinants}
        self.indexes: dict[Lang, CueIndex] = {}
        self.extra: dict[Lang, dict[str, list[tuple[str, str]]]] = {}
        """Per language: stem → (determinant, spelling) from descriptions and items."""
        for lang in LANGUAGES:
            plain: list[tuple[str, str, float]] = []
            frames: list[tuple[str, str, float]] = []
            for determinant, cues in lexicon.cues.items():
                weighted = [(cue, 1.0) for cue in getattr(cues, lang)]
                weighted += [(cue, WEAK) for cue in cues.weak]
                for cue, weight in weighted:
                    into = frames if SLOT.search(cue) else plain
                    into += [(determinant, text, weight) for text in lexicon.expand(cue, lang)]
            heads = {word for group in lexicon.classes.values() for word in getattr(group, lang)}
            index = self.indexes[lang] = CueIndex(lang, plain, heads, frames)
            ignore = {plain for text in lexicon.ignore for _, plain in words(text)}
            self.extra[lang] = _description_words(catalog.determinants, lang, index, ignore)
        self.similar = SimilarNotes(
            [
                (key, lang, [plain for _, plain in words(note)])
                for key, lang, note in examples.labelled()
                if key is None or key in self.determinants
            ],
            {lang: stemmer(lang) for lang in LANGUAGES},
        )

    def note(self, text: str, languages: Sequence[Lang], top: int) -> NoteSuggestions:
        found = words(text)
        best: dict[str, tuple[float, set[int]]] = {}
        for lang in languages:
            for determinant, (score, positions) in self._scores(found, lang).items():
                if determinant not in best or score > best[determinant][0]:
                    best[determinant] = (score, positions)
        likeness = self.similar.closest([plain for _, plain in found], languages)
        off_topic = likeness.get(None)
        for key, like in likeness.items():
            if key is not None:
                score, positions = best.get(key, (0.0, set()))
                best[key] = (score + LIKENESS_WEIGHT * like.score, positions | like.positions)
        ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], self.determinants[kv[0]].number))
        if not ranked or ranked[0][1][0] < CLEAR:
            return NoteSuggestions(text, ())
        if off_topic is not None and LIKENESS_WEIGHT * off_topic.score > ranked[0][1][0]:
            return NoteSuggestions(text, ())
        suggestions = tuple(
            Suggestion(
                self.determinants[determinant],
                round(score, 2),
                tuple(dict.fromkeys(found[i][0] for i in sorted(positions))),
            )
            for determinant, (score, positions) in ranked[:top]
            if score >= SHOWN
        )
        return NoteSuggestions(text, suggestions)

    def _scores(
        self, found: Sequence[tuple[str, str]], lang: Lang
    ) -> dict[str, tuple[float, set[int]]]:
        index = self.indexes[lang]
        folded = [plain for _, plain in found]
        by_determinant: dict[str, list[CueMatch]] = defaultdict(list)
        for match in index.find(found):
            if match.cue.determinant in self.determinants:
                by_determinant[match.cue.determinant].append(match)
        scores: dict[str, tuple[float, set[int]]] = {}
        for determinant, matches in by_determinant.items():
            used: set[int] = set()
            total = 0.0
            for match in sorted(matches, key=lambda m: (-m.score, m.positions)):
                if used.isdisjoint(match.positions):
                    used.update(match.positions)
                    total += match.score
            scores[determinant] = (total, used)
        hits: dict[str, set[int]] = defaultdict(set)
        stems = {index.stem(word): (at, word) for at, word in enumerate(folded)}
        for stem, (at, word) in stems.items():
            for determinant, spelling in self.extra[lang].get(stem, ()):
                if alike(word, spelling, stem):
                    hits[determinant].add(at)
        for determinant, places in hits.items():
            total, used = scores.get(determinant, (0.0, set()))
            bonus = min(EXTRA_CAP, EXTRA_WEIGHT * len(places))
            scores[determinant] = (total + bonus, used | places)
        return scores


def _description_words(
    determinants: Sequence[Determinant], lang: Lang, index: CueIndex, ignore: set[str]
) -> dict[str, list[tuple[str, str]]]:
    """The telling stems of each determinant's name, description and items: stem → (id, word)."""
    bags: dict[str, dict[str, str]] = {}
    for determinant in determinants:
        texts = [determinant.name.in_(lang), determinant.description.in_(lang)]
        texts += [item.text.in_(lang) for item in determinant.items]
        bag = bags[determinant.id] = {}
        for text in texts:
            for _, plain in words(text):
                if len(plain) >= 4 and plain not in ignore:
                    bag.setdefault(index.stem(plain), plain)
    spread = Counter(stem for bag in bags.values() for stem in bag)
    by_stem: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for determinant_id, bag in bags.items():
        for stem, spelling in bag.items():
            if spread[stem] <= EXTRA_SPREAD:
                by_stem[stem].append((determinant_id, spelling))
    return dict(by_stem)


_MATCHERS: dict[tuple[int, int, int], tuple[Catalog, CueLexicon, ExampleNotes, _Matcher]] = {}
"""Built matchers by (catalogue, lexicon, examples) identity; all are kept so their ids stay
unique."""


def _matcher(catalog: Catalog, lexicon: CueLexicon, examples: ExampleNotes) -> _Matcher:
    key = (id(catalog), id(lexicon), id(examples))
    if key not in _MATCHERS:
        if len(_MATCHERS) >= 8:
            _MATCHERS.pop(next(iter(_MATCHERS)))
        _MATCHERS[key] = (catalog, lexicon, examples, _Matcher(catalog, lexicon, examples))
    return _MATCHERS[key][3]
