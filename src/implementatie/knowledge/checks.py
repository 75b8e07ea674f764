"""Validate catalogue files: each entry against its model, then across the whole catalogue.

Every problem is reported at once, each with its file and line. Loaded by `load_catalog`
only when a catalogue is not in the cache.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from implementatie.errors import CatalogError, Problem, file_error
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import (
    BehaviourChangeMethod,
    Category,
    Cluster,
    Determinant,
    EricStrategy,
    QuestionnaireText,
    ResponseFormat,
    Retired,
    Strategy,
)
from implementatie.knowledge.text import normalise
from implementatie.knowledge.yamlsource import Loc, YamlDocument, read_yaml

Texts = Sequence[tuple[str, str | None]]
"""(file name, text) pairs; the text is None when the file cannot be read."""

LIST_SECTIONS: dict[str, type[BaseModel]] = {
    "categories": Category,
    "response_formats": ResponseFormat,
    "determinants": Determinant,
    "clusters": Cluster,
    "strategies": Strategy,
    "eric_strategies": EricStrategy,
    "behaviour_change_methods": BehaviourChangeMethod,
    "retired_strategies": Retired,
    "retired_items": Retired,
}
SINGLE_SECTIONS: dict[str, type[BaseModel]] = {"questionnaire": QuestionnaireText}
FREE_SECTIONS = ("about",)
"""Keys for notes and citations about the file itself; not validated."""

REFERENCE_SECTIONS = ("eric_strategies", "behaviour_change_methods")
"""Sections with published reference lists; taken from the bundle unless a file supplies them."""

ALL_SECTIONS = (*LIST_SECTIONS, *SINGLE_SECTIONS, *FREE_SECTIONS)

EMPTY_SECTION = "`{section}` has no entries; every command needs at least one"


@dataclass
class Sections:
    """Validated entries per section, plus what is needed to avoid follow-on errors."""

    entries: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    present: set[str] = field(default_factory=set)
    """Sections that appear in some file, valid or not."""
    invalid_ids: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    """Ids of entries that failed validation: not reported again as unknown references."""
    unreadable: bool = False
    """Some file could not be read or parsed, so missing sections may just be unseen."""
    invalid: dict[str, list[tuple[YamlDocument, Loc, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    """Raw entries that failed validation, still checked for unknown references."""

    def __getitem__(self, section: str) -> list[Entry]:
        return self.entries[section]

    def ids(self, section: str) -> set[str]:
        """Ids of the section's entries, valid or not."""
        return {e.model.id for e in self.entries[section]} | self.invalid_ids[section]


@dataclass(frozen=True)
class Entry:
    """One validated entry and where it came from."""

    doc: YamlDocument
    loc: Loc
    model: Any

    def problem(self, message: str, *field: str | int) -> Problem:
        return self.doc.problem((*self.loc, *field), message)


def _why_unreadable(name: str) -> str:
    try:
        Path(name).read_bytes()
    except OSError as exc:
        return file_error(exc)
    return "cannot read this file as UTF-8 text"


def load_texts(texts: Texts, reference_lists: Callable[[], Texts]) -> Catalog:
    """The catalogue of `texts`; CatalogError listing every problem found.

    `reference_lists` gives the bundled reference lists, for a catalogue without its own.
    """
    problems: list[Problem] = []
    sections = Sections()
    for name, text in texts:
        if text is None:
            problems.append(Problem(name, None, None, "", _why_unreadable(name)))
            sections.unreadable = True
            continue
        doc, found = read_yaml(text, name)
        problems.extend(found)
        if doc is None:
            sections.unreadable = True
        else:
            _collect(doc, sections, problems)
    if not any(s in sections.present for s in REFERENCE_SECTIONS):
        [(name, text)] = reference_lists()
        doc, _ = read_yaml(text or "", name)
        if doc is not None:
            _collect(doc, sections, problems)
    files = [name for name, _ in texts]
    problems.extend(_check(sections, files[0] if files else "<no files>"))
    if problems:
        raise CatalogError(problems)

    def models(section: str) -> tuple[Any, ...]:
        return tuple(entry.model for entry in sections[section])

    return Catalog(
        categories=models("categories"),
        response_formats=models("response_formats"),
        questionnaire=sections["questionnaire"][0].model,
        determinants=tuple(sorted(models("determinants"), key=lambda d: d.number)),
        clusters=models("clusters"),
        strategies=models("strategies"),
        eric_strategies=tuple(sorted(models("eric_strategies"), key=lambda e: e.number)),
        behaviour_change_methods=models("behaviour_change_methods"),
        retired_strategies=models("retired_strategies"),
        retired_items=models("retired_items"),
        sources=tuple(files),
    )


def _collect(doc: YamlDocument, sections: Sections, problems: list[Problem]) -> None:
    """Validate each entry of each section of one file, separately, so all problems surface."""
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "expected a mapping with sections such as `determinants:`"))
        return
    for key, value in doc.data.items():
        if key in FREE_SECTIONS:
            continue
        sections.present.add(key)
        if key in SINGLE_SECTIONS:
            _validate(doc, (key,), value, SINGLE_SECTIONS[key], sections, problems)
        elif key in LIST_SECTIONS:
            if not isinstance(value, list):
                problems.append(doc.problem((key,), f"`{key}` must be a list of entries"))
                continue
            for index, entry in enumerate(value):
                _validate(doc, (key, index), entry, LIST_SECTIONS[key], sections, problems)
        else:
            problems.append(
                doc.problem((key,), f"unknown section {key!r} (allowed: {', '.join(ALL_SECTIONS)})")
            )


def _validate(
    doc: YamlDocument,
    loc: Loc,
    value: Any,
    model: type[BaseModel],
    sections: Sections,
    problems: list[Problem],
) -> None:
    from implementatie.knowledge.validation_messages import describe

    section = str(loc[0])
    try:
        sections[section].append(Entry(doc, loc, model.model_validate(value)))
    except ValidationError as exc:
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            sections.invalid_ids[section].add(value["id"])
        sections.invalid[section].append((doc, loc, value))
        errors = exc.errors()
        for error in errors:
            if not _has_deeper(error["loc"], errors):
                problems.append(doc.problem((*loc, *error["loc"]), describe(error, model)))


def _has_deeper(loc: tuple[Any, ...], errors: Sequence[Any]) -> bool:
    """True when another error lies inside `loc`: report only the most specific one."""
    return any(len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == loc for e in errors)


def _check(sections: Sections, first_file: str) -> Iterable[Problem]:
    """Cross-references and uniqueness over the whole catalogue."""
    for required in ("categories", "response_formats", "determinants", "questionnaire"):
        if required not in sections.present and not sections.unreadable:
            yield Problem(first_file, None, None, required, f"no `{required}` section in any file")
    for required in ("categories", "response_formats", "determinants"):
        if required in sections.present and not sections.ids(required) and not sections.unreadable:
            yield Problem(first_file, None, None, required, EMPTY_SECTION.format(section=required))
    if len(sections["questionnaire"]) > 1:
        for entry in sections["questionnaire"][1:]:
            yield entry.problem("`questionnaire` is defined more than once")

    for section, key in [
        ("categories", "id"),
        ("response_formats", "id"),
        ("determinants", "id"),
        ("determinants", "number"),
        ("clusters", "id"),
        ("strategies", "id"),
        ("eric_strategies", "number"),
        ("behaviour_change_methods", "name"),
        ("retired_strategies", "id"),
        ("retired_items", "id"),
    ]:
        yield from _duplicates(sections[section], key)
    yield from _duplicate_items(sections["determinants"])

    categories = sections.ids("categories")
    formats = sections.ids("response_formats")
    for entry in sections["determinants"]:
        determinant: Determinant = entry.model
        if categories and determinant.category not in categories:
            yield entry.problem(f"category {determinant.category!r} is not defined", "category")
        for index, item in enumerate(determinant.items):
            if formats and item.format not in formats:
                known = ", ".join(sorted(formats))
                yield entry.problem(
                    f"unknown response format {item.format!r} (defined: {known})",
                    "items",
                    index,
                    "format",
                )
    yield from _check_strategies(sections)
    items = {item.id for e in sections["determinants"] for item in e.model.items}
    yield from _check_retired(
        sections["retired_strategies"], sections.ids("strategies"), "strategy"
    )
    yield from _check_retired(sections["retired_items"], items, "item")


def _check_retired(entries: list[Entry], live: set[str], kind: str) -> Iterable[Problem]:
    """What replaces a retired id exists (a catalogue may define the old id again)."""
    for entry in entries:
        retired: Retired = entry.model
        for index, new in enumerate(retired.replaced_by):
            if new not in live:
                yield entry.problem(
                    f"replacement {new!r} is not a {kind} in the catalogue", "replaced_by", index
                )


def _check_strategies(sections: Sections) -> Iterable[Problem]:
    clusters = sections.ids("clusters")
    determinants = sections.ids("determinants")
    yield from _raw_link_problems(sections, determinants)
    eric = {e.model.number: e.model for e in sections["eric_strategies"]}
    methods = {normalise(e.model.name) for e in sections["behaviour_change_methods"]}
    tops: dict[tuple[str, int], list[str]] = defaultdict(list)
    for entry in sections["strategies"]:
        strategy: Strategy = entry.model
        if strategy.cluster not in clusters:
            yield entry.problem(f"cluster {strategy.cluster!r} is not defined", "cluster")
        for index, ref in enumerate(strategy.eric):
            known = eric.get(ref.number)
            if known is None:
                yield entry.problem(
                    f"ERIC number {ref.number} does not exist (ERIC numbers run 1-73)",
                    "eric",
                    index,
                    "number",
                )
            elif normalise(ref.name) != normalise(known.name):
                yield entry.problem(
                    f"ERIC {ref.number} is {known.name!r}, not {ref.name!r}", "eric", index, "name"
                )
        for index, number in enumerate(strategy.adapts):
            if number not in eric:
                yield entry.problem(
                    f"ERIC number {number} does not exist (ERIC numbers run 1-73)",
                    "adapts",
                    index,
                )
        for index, method in enumerate(strategy.methods):
            if normalise(method) not in methods:
                yield entry.problem(
                    f"{method!r} is not a method in the behaviour change methods list",
                    "methods",
                    index,
                )
        for index, link in enumerate(strategy.links):
            if link.determinant not in determinants:
                yield entry.problem(
                    _unknown_determinant(link.determinant, determinants),
                    "links",
                    index,
                    "determinant",
                )
            if link.top is not None:
                tops[(link.determinant, link.top)].append(strategy.id)
                if len(tops[(link.determinant, link.top)]) > 1:
                    others = ", ".join(map(repr, tops[(link.determinant, link.top)][:-1]))
                    yield entry.problem(
                        f"top {link.top} of {link.determinant!r} is already taken by {others}",
                        "links",
                        index,
                        "top",
                    )


def _duplicates(entries: list[Entry], key: str) -> Iterable[Problem]:
    seen: dict[Any, Entry] = {}
    for entry in entries:
        value = getattr(entry.model, key)
        normalised = normalise(value) if isinstance(value, str) else value
        first = seen.setdefault(normalised, entry)
        if first is not entry:
            line, _ = first.doc.position((*first.loc, key))
            yield entry.problem(
                f"duplicate {key} {value!r} (first defined in {first.doc.file}:{line})", key
            )


def _duplicate_items(entries: list[Entry]) -> Iterable[Problem]:
    owners: dict[str, str] = {}
    for entry in entries:
        for index, item in enumerate(entry.model.items):
            owner = owners.setdefault(item.id, entry.model.id)
            if (owner, index) != (entry.model.id, _first_index(entry.model.items, item.id)):
                yield entry.problem(
                    f"duplicate item id {item.id!r} (also used by {owner!r})", "items", index, "id"
                )


def _first_index(items: Sequence[Any], item_id: str) -> int:
    return next(i for i, item in enumerate(items) if item.id == item_id)


def _raw_link_problems(sections: Sections, determinants: set[str]) -> Iterable[Problem]:
    """Unknown determinants in the links of strategies that failed validation for another
    reason, so that every problem shows at once."""
    for doc, loc, value in sections.invalid["strategies"]:
        links = value.get("links") if isinstance(value, dict) else None
        for index, link in enumerate(links if isinstance(links, list) else []):
            target = link.get("determinant") if isinstance(link, dict) else None
            if isinstance(target, str) and target not in determinants:
                yield doc.problem(
                    (*loc, "links", index, "determinant"),
                    _unknown_determinant(target, determinants),
                )


def _unknown_determinant(name: str, determinants: set[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, sorted(determinants), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return f"unknown determinant {name!r}{hint}"
