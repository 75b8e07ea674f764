"""Load a catalogue: the bundled one or your own files, from the cache or read and checked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from implementatie.errors import CatalogError, Problem
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.limits import MAX_YAML_BYTES, FileTooLarge, read_limited
from implementatie.knowledge.params import checked

# Parsing (PyYAML), validating and error messages (`knowledge/checks.py`) load only when YAML
# is read: a cached catalogue needs none of them.

PathLike = str | os.PathLike[str]

DATA_FOLDER = Path(__file__).parent.parent / "data"
"""The package's `data/` folder (what `importlib.resources.files` gives for a package on disk)."""

BUNDLED_FILES = ("determinants.yaml", "strategies.yaml", "taxonomies.yaml", "retired.yaml")
"""The files shipped in the package's `data/` folder, in load order."""

NO_YAML_FILES = "the folder holds no .yaml or .yml files"


@checked
def load_catalog(
    path: PathLike | Sequence[PathLike] | None = None,
    *,
    extend: bool = False,
    overlay: PathLike | None = None,
) -> Catalog:
    """Load and validate a catalogue.

    With no `path`, the bundled MIDI determinants and strategies. With `path` (a YAML file, a
    folder of YAML files, or a list of them), the user's own catalogue; with `extend=True`,
    the user's files are added to the bundled ones (for example an organisation's own
    strategies). `overlay` is a YAML file with other wording for questions, names and answer
    options (docs/questionnaire-wording.md); ids, scoring and links stay the same. Raises
    `CatalogError` listing every problem found, each with file and line.
    """
    if path is None:
        catalog = _bundled_catalog()
    else:
        catalog = _cached_load([*(_bundled_texts() if extend else []), *_read_user_files(path)])
    if overlay is None:
        return catalog
    from implementatie.knowledge.overlay import apply_overlay

    return apply_overlay(catalog, overlay)


@cache
def _bundled_catalog() -> Catalog:
    return _cached_load(_bundled_texts())


def _cached_load(texts: Sequence[tuple[str, str | None]]) -> Catalog:
    """`_load(texts)`, or the same catalogue from the cache of validated catalogues."""
    from implementatie.knowledge.catalog_cache import cached_load

    return cached_load(texts, _bundled_texts(["taxonomies.yaml"]), lambda: _load(texts))


def _bundled_texts(names: Sequence[str] = BUNDLED_FILES) -> list[tuple[str, str | None]]:
    folder = DATA_FOLDER
    return [(str(folder / name), (folder / name).read_text(encoding="utf-8")) for name in names]


def _read_user_files(path: PathLike | Sequence[PathLike]) -> list[tuple[str, str | None]]:
    """(file name, text) pairs; text is None when the file cannot be read.

    Raises CatalogError for a folder without YAML files and for a file over the size limit.
    """
    paths = [path] if isinstance(path, str | os.PathLike) else list(path)
    files: list[Path] = []
    problems: list[Problem] = []
    for given in map(Path, paths):
        if given.is_dir():
            found = sorted([*given.glob("*.yaml"), *given.glob("*.yml")])
            if not found:
                problems.append(Problem(str(given), None, None, "", NO_YAML_FILES))
            files.extend(found)
        else:
            files.append(given)
    result: list[tuple[str, str | None]] = []
    for file in files:
        try:
            result.append((str(file), read_limited(file, MAX_YAML_BYTES).decode("utf-8")))
        except FileTooLarge as exc:
            problems.append(Problem(str(file), None, None, "", str(exc)))
        except (OSError, UnicodeDecodeError):
            result.append((str(file), None))
    if problems:
        raise CatalogError(problems)
    return result


def _load(texts: Sequence[tuple[str, str | None]]) -> Catalog:
    """Parse and validate `texts` (file name, text or None when unreadable)."""
    from implementatie.knowledge.checks import load_texts  # not needed for a cached catalogue

    return load_texts(texts, lambda: _bundled_texts(["taxonomies.yaml"]))
