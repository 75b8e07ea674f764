"""How well the intake finds the determinants a coach would accept, on labelled notes."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from implementatie.advice.intake import NoteSuggestions, suggest
from implementatie.errors import CatalogError
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.cues import CueLexicon
from implementatie.knowledge.datafile import read_model, user_text
from implementatie.knowledge.example_notes import ExampleNotes
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Slug
from implementatie.knowledge.text import Lang


class LabelledNote(BaseModel):
    """A note and the determinants a coach would accept; none means off-topic."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    lang: Lang
    acceptable: tuple[Slug, ...] = ()


class LabelledNotes(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    notes: tuple[LabelledNote, ...]


@dataclass(frozen=True)
class Outcome:
    """One note's expected and suggested determinants, and whether rank 1 / top 3 was right."""

    note: LabelledNote
    suggested: tuple[str, ...]
    top1: bool
    top3: bool


@dataclass(frozen=True)
class Accuracy:
    """Shares of notes right at rank 1 and within the top 3, with every outcome."""

    outcomes: tuple[Outcome, ...]

    @property
    def top1(self) -> float:
        return sum(o.top1 for o in self.outcomes) / len(self.outcomes)

    @property
    def top3(self) -> float:
        return sum(o.top3 for o in self.outcomes) / len(self.outcomes)

    @property
    def failures(self) -> tuple[Outcome, ...]:
        """Notes without an acceptable determinant in the top 3."""
        return tuple(o for o in self.outcomes if not o.top3)


def read_labelled_notes(
    path: str | os.PathLike[str], *, catalog: Catalog | None = None
) -> tuple[LabelledNote, ...]:
    """Read `notes: [{text, lang, acceptable: [ids]}]`; unknown ids are a CatalogError."""
    labelled, doc = read_model(*user_text(path), LabelledNotes)
    known = {d.id for d in (catalog or load_catalog()).determinants}
    problems = [
        doc.problem(("notes", index, "acceptable", place), f"unknown determinant {wanted!r}")
        for index, note in enumerate(labelled.notes)
        for place, wanted in enumerate(note.acceptable)
        if wanted not in known
    ]
    if problems:
        raise CatalogError(problems)
    return labelled.notes


def evaluate(
    notes: Sequence[LabelledNote],
    *,
    catalog: Catalog | None = None,
    lexicon: CueLexicon | None = None,
    examples: ExampleNotes | None = None,
) -> Accuracy:
    """Run the intake on every note (both languages tried) and score it.

    A note is right at rank 1 when the first suggestion is acceptable, and within the top 3
    when one of the first three is. An off-topic note (nothing acceptable) is right in both
    when the intake says there is no clear determinant.
    """
    texts = [n.text for n in notes]
    intake = suggest(texts, top=3, catalog=catalog, lexicon=lexicon, examples=examples)
    return Accuracy(tuple(_outcome(n, s) for n, s in zip(notes, intake.notes, strict=True)))


def _outcome(note: LabelledNote, result: NoteSuggestions) -> Outcome:
    suggested = tuple(s.determinant.id for s in result.suggestions)
    if not note.acceptable:
        right = not suggested
        return Outcome(note, suggested, right, right)
    return Outcome(
        note,
        suggested,
        suggested[:1] != () and suggested[0] in note.acceptable,
        any(s in note.acceptable for s in suggested[:3]),
    )
