"""A wording overlay: one YAML file that replaces texts of a catalogue, per language.

For a team that has the rights to other wording (TNO's original questions, a house style), the
overlay replaces question texts, and optionally determinant and category names and
descriptions, answer option labels and the questionnaire's title and introduction. Ids,
numbers, response codes, scores and links stay as they are, so answer files, mappings and
rankings keep working::

    items:
      q01: {nl: "Eigen tekst van vraag 1", en: "Own text of question 1"}
    determinants:
      procedural_clarity: {name: {nl: "Duidelijke stappen"}}
    response_formats:
      agree5: {options: {1: {nl: "Helemaal mee oneens"}}}

Every problem (unknown id, unknown key, empty text) is reported at once with file and line.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from difflib import get_close_matches
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from implementatie.errors import CatalogError, Problem, file_error
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.limits import MAX_YAML_BYTES, FileTooLarge, read_limited
from implementatie.knowledge.models import Determinant, Item, ResponseFormat
from implementatie.knowledge.text import CleanText, Text
from implementatie.knowledge.yamlsource import Loc, YamlDocument, read_yaml

PathLike = str | os.PathLike[str]

FREE_SECTIONS = ("about",)
"""Keys for notes about the file itself (source, licence); not applied."""
QUESTIONNAIRE_KEYS = ("title", "introduction", "not_applicable")
NAMED_KEYS = ("name", "description")
FORMAT_KEYS = ("name", "options")
SECTIONS = ("questionnaire", "items", "determinants", "categories", "response_formats")

# Messages, in one place (plain English; Dutch in the message catalogue).
NOT_A_MAPPING = "expected sections such as `items:`"
NO_TEXTS = "the file replaces no texts; add a section such as `items:`"
UNKNOWN_SECTION = "unknown section {key!r} (allowed: {allowed}){hint}"
UNKNOWN_KEY = "unknown key {key!r} (allowed: {allowed}){hint}"
UNKNOWN_ID = {
    "item": "there is no question {key!r} in the catalogue{hint}",
    "determinant": "there is no determinant {key!r} in the catalogue{hint}",
    "category": "there is no category {key!r} in the catalogue{hint}",
    "response format": "there is no answer scale {key!r} in the catalogue{hint}",
}
DID_YOU_MEAN = "; did you mean {close!r}?"
SECTION_NOT_MAPPING = "`{section}` must list ids with their texts"
FIELDS_NOT_MAPPING = "expected {allowed} here"
OPTIONS_NOT_MAPPING = "`options` must list answer codes with their texts"
UNKNOWN_CODE = "answer scale {format!r} has no answer code {code!r} (codes: {codes})"
TEXT_SHAPE = "expected a Dutch text (nl), an English text (en) or both, as `nl: ...`"
TEXT_EMPTY = "the text is empty"
TEXT_NOT_TEXT = "expected text, got {value!r}; put the text in quotes"
UNKNOWN_LANGUAGE = "unknown language {key!r} (allowed: en, nl)"
NOT_UTF8 = "cannot read this file as UTF-8 text"


@dataclasses.dataclass
class _Texts:
    """What the overlay replaces, by id; each value holds the languages given."""

    questionnaire: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    items: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)
    determinants: dict[str, dict[str, dict[str, str]]] = dataclasses.field(default_factory=dict)
    categories: dict[str, dict[str, dict[str, str]]] = dataclasses.field(default_factory=dict)
    formats: dict[str, dict[str, dict[str, str]]] = dataclasses.field(default_factory=dict)
    options: dict[str, dict[int, dict[str, str]]] = dataclasses.field(default_factory=dict)


def apply_overlay(catalog: Catalog, path: PathLike) -> Catalog:
    """`catalog` with the texts of the overlay file at `path` in place of its own.

    Raises `CatalogError` listing every problem in the file, each with its line.
    """
    name = str(path)
    try:
        raw = read_limited(Path(path), MAX_YAML_BYTES)
        text = raw.decode("utf-8")
    except FileTooLarge as exc:
        raise CatalogError([Problem(name, None, None, "", str(exc))]) from None
    except OSError as exc:
        raise CatalogError([Problem(name, None, None, "", file_error(exc))]) from None
    except UnicodeDecodeError:
        raise CatalogError([Problem(name, None, None, "", NOT_UTF8)]) from None
    doc, problems = read_yaml(text, name)
    texts = _Texts()
    if doc is not None:
        problems.extend(_Reader(doc, catalog, texts).read())
    if problems:
        raise CatalogError(problems)
    return _applied(catalog, texts, name)


class _Reader:
    """Checks the overlay against the catalogue while collecting its texts."""

    def __init__(self, doc: YamlDocument, catalog: Catalog, texts: _Texts) -> None:
        self.doc = doc
        self.catalog = catalog
        self.texts = texts

    def read(self) -> Iterator[Problem]:
        data = self.doc.data
        if not isinstance(data, dict):
            yield self.doc.problem((), NOT_A_MAPPING)
            return
        if not any(key in SECTIONS for key in data):
            yield self.doc.problem((), NO_TEXTS)
        for key, value in data.items():
            loc: Loc = (key,)
            if key in FREE_SECTIONS:
                continue
            if key not in SECTIONS:
                yield self._unknown(loc, UNKNOWN_SECTION, SECTIONS)
            elif key == "questionnaire":
                yield from self._fields(loc, value, QUESTIONNAIRE_KEYS, self.texts.questionnaire)
            elif key == "items":
                yield from self._ids(loc, value, self.catalog.item_ids, "item", self._item)
            elif key == "determinants":
                ids = [d.id for d in self.catalog.determinants]
                yield from self._ids(loc, value, ids, "determinant", self._determinant)
            elif key == "categories":
                ids = [c.id for c in self.catalog.categories]
                yield from self._ids(loc, value, ids, "category", self._category)
            else:
                ids = [f.id for f in self.catalog.response_formats]
                yield from self._ids(loc, value, ids, "response format", self._format)

    def _ids(
        self,
        loc: Loc,
        value: Any,
        known: Any,
        kind: str,
        each: Callable[[Loc, str, Any], Iterator[Problem]],
    ) -> Iterator[Problem]:
        if not isinstance(value, dict):
            yield self.doc.problem(loc, SECTION_NOT_MAPPING.format(section=loc[-1]))
            return
        for key, entry in value.items():
            if key in known:
                yield from each((*loc, key), str(key), entry)
            elif kind == "item" and self.catalog.retired_item(str(key)):
                yield self.doc.problem((*loc, key), self.catalog.unknown_item_message(str(key)))
            else:
                message = UNKNOWN_ID[kind].format(key=key, hint=_hint(str(key), known))
                yield self.doc.problem((*loc, key), message)

    def _item(self, loc: Loc, item_id: str, value: Any) -> Iterator[Problem]:
        found = yield from self._text(loc, value)
        if found:
            self.texts.items[item_id] = found

    def _determinant(self, loc: Loc, key: str, value: Any) -> Iterator[Problem]:
        yield from self._fields(loc, value, NAMED_KEYS, self.texts.determinants.setdefault(key, {}))

    def _category(self, loc: Loc, key: str, value: Any) -> Iterator[Problem]:
        yield from self._fields(loc, value, NAMED_KEYS, self.texts.categories.setdefault(key, {}))

    def _format(self, loc: Loc, key: str, value: Any) -> Iterator[Problem]:
        if not isinstance(value, dict):
            yield self.doc.problem(loc, FIELDS_NOT_MAPPING.format(allowed=" or ".join(FORMAT_KEYS)))
            return
        names = {k: v for k, v in value.items() if k != "options"}
        yield from self._fields(loc, names, FORMAT_KEYS, self.texts.formats.setdefault(key, {}))
        if "options" not in value:
            return
        options = value["options"]
        where: Loc = (*loc, "options")
        if not isinstance(options, dict):
            yield self.doc.problem(where, OPTIONS_NOT_MAPPING)
            return
        response_format = self.catalog.response_format(key)
        codes = {str(option.code): option.code for option in response_format.options}
        labels = self.texts.options.setdefault(key, {})
        for code, label in options.items():
            if str(code) not in codes:
                message = UNKNOWN_CODE.format(format=key, code=code, codes=", ".join(codes))
                yield self.doc.problem((*where, code), message)
                continue
            found = yield from self._text((*where, code), label)
            if found:
                labels[codes[str(code)]] = found

    def _fields(
        self, loc: Loc, value: Any, allowed: tuple[str, ...], into: dict[str, Any]
    ) -> Iterator[Problem]:
        if not isinstance(value, dict):
            yield self.doc.problem(loc, FIELDS_NOT_MAPPING.format(allowed=" or ".join(allowed)))
            return
        for key, text in value.items():
            if key not in allowed:
                yield self._unknown((*loc, key), UNKNOWN_KEY, allowed)
                continue
            found = yield from self._text((*loc, key), text)
            if found:
                into[key] = found

    def _text(self, loc: Loc, value: Any) -> Generator[Problem, None, dict[str, str]]:
        """Problems of one text; returns its languages (empty when it has problems)."""
        if not isinstance(value, dict) or not value:
            yield self.doc.problem(loc, TEXT_SHAPE)
            return {}
        found: dict[str, str] = {}
        bad = False
        for lang, text in value.items():
            where = (*loc, lang)
            if lang not in ("nl", "en"):
                yield self.doc.problem(where, UNKNOWN_LANGUAGE.format(key=lang))
                bad = True
            elif not isinstance(text, str):
                yield self.doc.problem(where, TEXT_NOT_TEXT.format(value=text))
                bad = True
            else:
                problem = _clean_text_problem(text)
                if problem:
                    yield self.doc.problem(where, problem)
                    bad = True
                else:
                    found[lang] = text.strip()
        return {} if bad else found

    def _unknown(self, loc: Loc, message: str, allowed: tuple[str, ...]) -> Problem:
        key = str(loc[-1])
        hint = _hint(key, allowed)
        return self.doc.problem(loc, message.format(key=key, hint=hint, allowed=", ".join(allowed)))


def _hint(key: str, known: Iterable[str]) -> str:
    close = get_close_matches(key, list(known), n=1)
    return DID_YOU_MEAN.format(close=close[0]) if close else ""


def _clean_text_problem(text: str) -> str | None:
    """What is wrong with `text` as catalogue text (empty, control characters), or None."""
    if not text.strip():
        return TEXT_EMPTY
    try:
        _clean().validate_python(text)
    except ValidationError as exc:
        return str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
    return None


@cache
def _clean() -> TypeAdapter[str]:
    return TypeAdapter(CleanText)


def _merged(old: Text, new: Mapping[str, str] | None) -> Text:
    if not new:
        return old
    return Text(nl=new.get("nl", old.nl), en=new.get("en", old.en))


def _applied(catalog: Catalog, texts: _Texts, source: str) -> Catalog:
    def item(old: Item) -> Item:
        return old.model_copy(update={"text": _merged(old.text, texts.items.get(old.id))})

    def determinant(old: Determinant) -> Determinant:
        new = texts.determinants.get(old.id, {})
        return old.model_copy(
            update={
                "name": _merged(old.name, new.get("name")),
                "description": _merged(old.description, new.get("description")),
                "items": tuple(item(i) for i in old.items),
            }
        )

    def response_format(old: ResponseFormat) -> ResponseFormat:
        labels = texts.options.get(old.id, {})
        options = tuple(
            o.model_copy(update={"label": _merged(o.label, labels.get(o.code))})
            for o in old.options
        )
        name = _merged(old.name, texts.formats.get(old.id, {}).get("name"))
        return old.model_copy(update={"name": name, "options": options})

    categories = tuple(
        c.model_copy(
            update={
                key: _merged(getattr(c, key), texts.categories.get(c.id, {}).get(key))
                for key in NAMED_KEYS
            }
        )
        for c in catalog.categories
    )
    questionnaire = catalog.questionnaire.model_copy(
        update={
            key: _merged(getattr(catalog.questionnaire, key), texts.questionnaire.get(key))
            for key in QUESTIONNAIRE_KEYS
        }
    )
    return dataclasses.replace(
        catalog,
        categories=categories,
        questionnaire=questionnaire,
        determinants=tuple(determinant(d) for d in catalog.determinants),
        response_formats=tuple(response_format(f) for f in catalog.response_formats),
        sources=(*catalog.sources, source),
    )
