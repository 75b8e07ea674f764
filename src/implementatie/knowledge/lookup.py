"""Find an entry from what a person types: an id, a number or a name in either language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from implementatie.errors import LookupFailed
from implementatie.knowledge.text import normalise

T = TypeVar("T")


class NameIndex(Generic[T]):
    """Maps every normalised spelling (id, number, Dutch and English name) to one entry.

    `find` accepts an exact spelling, or a part of a name that fits one entry only
    (`"formele bekrachtiging"`); otherwise it raises `LookupFailed` with close matches.
    """

    def __init__(self, kind: str, entries: Iterable[tuple[str, Iterable[str], T]]) -> None:
        self.kind = kind
        self._exact: dict[str, T] = {}
        self._labels: dict[str, str] = {}
        self._ids: dict[str, T] = {}
        for entry_id, spellings, value in entries:
            self._ids[entry_id] = value
            for spelling in (entry_id, *spellings):
                key = normalise(spelling)
                self._exact.setdefault(key, value)
                self._labels.setdefault(key, entry_id)

    def exact(self, query: str | int) -> T | None:
        """The entry with exactly this id, number or name (after normalising), if any."""
        if _signed(str(query)):
            return None
        return self._exact.get(normalise(str(query)))

    def find(self, query: str | int) -> T:
        """The entry `query` names; raises LookupFailed when unknown or ambiguous."""
        if isinstance(query, str) and query in self._ids:
            return self._ids[query]
        text = str(query).strip()
        if _signed(text):
            raise LookupFailed(self.kind, text, [], ambiguous=False)
        key = normalise(text)
        if key in self._exact:
            return self._exact[key]
        partial = sorted({self._labels[k] for k in self._exact if key and key in k})
        if len(partial) == 1:
            return self._exact[normalise(partial[0])]
        if len(partial) > 1:
            raise LookupFailed(self.kind, text, partial, ambiguous=True)
        import difflib  # only for a name that is not found

        close = difflib.get_close_matches(key, list(self._exact), n=5, cutoff=0.6)
        suggestions = list(dict.fromkeys(self._labels[k] for k in close))
        raise LookupFailed(self.kind, text, suggestions, ambiguous=False)


def _signed(text: str) -> bool:
    """True for "-1" or "+3": a sign is not part of a number's spelling (`-1` is not 1)."""
    text = text.strip()
    return text[:1] in ("+", "-") and text[1:].strip().isdigit()
