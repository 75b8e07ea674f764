"""Example sticky notes per MIDI determinant: the intake's evidence by likeness."""

from __future__ import annotations

import os
from functools import cache

from pydantic import BaseModel, ConfigDict

from implementatie.errors import CatalogError, Problem
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.datafile import bundled_text, read_model, user_text
from implementatie.knowledge.models import Slug
from implementatie.knowledge.text import LANGUAGES, Lang, NonEmptyStr
from implementatie.knowledge.yamlsource import YamlDocument

EXAMPLES_FILE = "example_notes.yaml"


class NotesByLanguage(BaseModel):
    """Example notes in Dutch and in English."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: tuple[NonEmptyStr, ...] = ()
    en: tuple[NonEmptyStr, ...] = ()


class ExampleNotes(BaseModel):
    """Notes a coach would put under one determinant first, and notes about nothing of it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str = ""
    examples: dict[Slug, NotesByLanguage]
    off_topic: NotesByLanguage = NotesByLanguage()

    def labelled(self) -> list[tuple[str | None, Lang, str]]:
        """(determinant id or None for off-topic, language, note) for every example, in order."""
        groups: list[tuple[str | None, NotesByLanguage]] = [*self.examples.items()]
        groups.append((None, self.off_topic))
        return [
            (key, lang, note)
            for key, notes in groups
            for lang in LANGUAGES
            for note in getattr(notes, lang)
        ]


def load_example_notes(
    path: str | os.PathLike[str] | None = None, *, catalog: Catalog | None = None
) -> ExampleNotes:
    """Read and check example notes (the bundled ones without `path`).

    A note listed twice is an error, and with `catalog` every key must be one of its
    determinants. Raises `CatalogError` naming file, line and key for each problem.
    """
    notes, doc = _bundled() if path is None else _read(*user_text(path))
    if catalog is not None:
        known = {d.id for d in catalog.determinants}
        unknown = [key for key in notes.examples if key not in known]
        if unknown:
            raise CatalogError(
                doc.problem(("examples", key), f"unknown determinant {key!r}") for key in unknown
            )
    return notes


def _read(file: str, text: str) -> tuple[ExampleNotes, YamlDocument]:
    """Parse, validate and check that no note is listed twice."""
    notes, doc = read_model(file, text, ExampleNotes)
    problems = _repeated(notes, doc)
    if problems:
        raise CatalogError(problems)
    return notes, doc


def _repeated(notes: ExampleNotes, doc: YamlDocument) -> list[Problem]:
    """A problem for every note that occurs earlier in the file (case and spaces ignored)."""
    seen: dict[str, str] = {}
    problems: list[Problem] = []
    places = [("examples", key) for key in notes.examples] + [("off_topic",)]
    groups = [*notes.examples.values(), notes.off_topic]
    for place, group in zip(places, groups, strict=True):
        for lang in LANGUAGES:
            for index, note in enumerate(getattr(group, lang)):
                key = " ".join(note.casefold().split())
                where = "/".join(place)
                if key in seen:
                    message = f"the note {note!r} is already listed under {seen[key]}"
                    problems.append(doc.problem((*place, lang, index), message))
                else:
                    seen[key] = where
    return problems


@cache
def _bundled() -> tuple[ExampleNotes, YamlDocument]:
    return _read(*bundled_text(EXAMPLES_FILE))
