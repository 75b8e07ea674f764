"""Bilingual text and the normalisation used to look up what a person types."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from implementatie.errors import InvalidOption

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Text(BaseModel):
    """A text in Dutch (`nl`) and English (`en`); both are required and non-empty."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: NonEmptyStr
    en: NonEmptyStr

    def in_(self, lang: Lang) -> str:
        """The text in `lang`."""
        return self.nl if lang == "nl" else self.en


def checked_lang(lang: str) -> Lang:
    """`lang` when it is a supported language; otherwise one clear error."""
    for known in LANGUAGES:
        if lang == known:
            return known
    raise InvalidOption(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")


_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(text: str) -> str:
    """Fold case, accents, underscores and repeated spaces, for matching typed names."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()
