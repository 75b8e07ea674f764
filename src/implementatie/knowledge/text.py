"""Bilingual text and the normalisation used to look up what a person types."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from implementatie.errors import InvalidOption

Lang = Literal["nl", "en"]
LANGUAGES: tuple[Lang, ...] = ("nl", "en")

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _no_control_characters(text: str) -> str:
    """Catalogue text goes into terminals, GraphML and templates: no control characters."""
    found = _CONTROL.search(text)
    if found:
        raise ValueError(f"contains the control character {found.group()!r}; remove it")
    return text


CleanText = Annotated[NonEmptyStr, AfterValidator(_no_control_characters)]
"""Non-empty text without control characters (line breaks and tabs are allowed)."""


class Text(BaseModel):
    """A text in Dutch (`nl`) and English (`en`); both are required and non-empty."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    nl: CleanText
    en: CleanText

    def in_(self, lang: Lang) -> str:
        """The text in `lang`."""
        return self.nl if lang == "nl" else self.en


def checked_lang(lang: str) -> Lang:
    """`lang` when it is a supported language; otherwise one clear error."""
    for known in LANGUAGES:
        if lang == known:
            return known
    raise InvalidOption(f"lang must be one of {', '.join(LANGUAGES)}, got {lang!r}")


_INNOVATION = {
    "nl": re.compile(r"\b[Dd]e innovatie\b"),
    "en": re.compile(r"\b[Tt]he innovation\b"),
}


def name_innovation(text: str, name: str | None, lang: Lang) -> str:
    """`text` with "de innovatie" / "the innovation" replaced by the innovation's own name.

    Questionnaire items speak of "de innovatie"; a team that gives the name of what it
    introduces ("Triple P", "de Meldcode") sees that name instead. Without a name, unchanged.
    """
    if not name or not name.strip():
        return text
    return _INNOVATION[lang].sub(name.strip(), text)


_SEPARATORS = re.compile(r"[\s_\-/]+")


def normalise(text: str) -> str:
    """Fold case, accents, underscores and repeated spaces, for matching typed names."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SEPARATORS.sub(" ", stripped.casefold()).strip()
