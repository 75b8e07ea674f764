"""The cue lexicon behind the free-text intake: words and phrases per MIDI determinant."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache

from pydantic import BaseModel, ConfigDict

from implementatie.errors import CatalogError
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.datafile import bundled_text, read_model, user_text
from implementatie.knowledge.models import Slug
from implementatie.knowledge.text import Lang, NonEmptyStr
from implementatie.knowledge.yamlsource import YamlDocument

CUES_FILE = "cues.yaml"


class DeterminantCues(BaseModel):
    """Cues of one determinant: Dutch, English, and weak ones (either language, half weight)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: tuple[NonEmptyStr, ...] = ()
    en: tuple[NonEmptyStr, ...] = ()
    weak: tuple[NonEmptyStr, ...] = ()


class WordClass(BaseModel):
    """Words that fill a `{slot}` in a cue, per language (`{clients}`: ouders, pubers, …)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: tuple[NonEmptyStr, ...] = ()
    en: tuple[NonEmptyStr, ...] = ()


SLOT = re.compile(r"\{([a-z_]+)\}")
"""A slot in a cue: `{clients} haken af` stands for `ouders haken af`, `pubers haken af`, …"""


class CueLexicon(BaseModel):
    """The whole lexicon, keyed by determinant id."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    about: str = ""
    ignore: tuple[NonEmptyStr, ...] = ()
    """Common words that never count as evidence from a determinant's description or items."""
    classes: dict[Slug, WordClass] = {}
    """Word classes for slots in cues: who a sentence is about (clients, colleagues, roles)."""
    cues: dict[Slug, DeterminantCues]

    def expand(self, cue: str, lang: Lang) -> Iterator[str]:
        """The cue with each slot filled by every word of its class in `lang` (the cue itself
        when it has no slot)."""
        found = SLOT.search(cue)
        if found is None:
            yield cue
            return
        for word in getattr(self.classes[found.group(1)], lang):
            yield from self.expand(cue[: found.start()] + word + cue[found.end() :], lang)


def load_cues(
    path: str | os.PathLike[str] | None = None, *, catalog: Catalog | None = None
) -> CueLexicon:
    """Read and check the cue lexicon (the bundled one without `path`).

    With `catalog`, every key must be one of its determinants. Raises `CatalogError` naming
    file, line and key for each problem.
    """
    lexicon, doc = _bundled() if path is None else read_model(*user_text(path), CueLexicon)
    unknown_slots = [
        doc.problem(("cues", key, group, place), f"unknown word class {{{slot}}} in {cue!r}")
        for key, cues in lexicon.cues.items()
        for group in ("nl", "en", "weak")
        for place, cue in enumerate(getattr(cues, group))
        for slot in SLOT.findall(cue)
        if slot not in lexicon.classes
    ]
    if unknown_slots:
        raise CatalogError(unknown_slots)
    if catalog is not None:
        known = {d.id for d in catalog.determinants}
        unknown = [key for key in lexicon.cues if key not in known]
        if unknown:
            raise CatalogError(
                doc.problem(("cues", key), f"unknown determinant {key!r}") for key in unknown
            )
    return lexicon


@cache
def _bundled() -> tuple[CueLexicon, YamlDocument]:
    return read_model(*bundled_text(CUES_FILE), CueLexicon)
