"""Read one YAML data file into one pydantic model, with every problem placed at file:line."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from implementatie.errors import CatalogError, Problem
from implementatie.knowledge.limits import MAX_YAML_BYTES, FileTooLarge, read_limited
from implementatie.knowledge.validation_messages import describe
from implementatie.knowledge.yamlsource import YamlDocument, read_yaml

M = TypeVar("M", bound=BaseModel)


def bundled_text(name: str) -> tuple[str, str]:
    """(file name, text) of a file in the package's `data/` folder."""
    path = resources.files("implementatie") / "data" / name
    return str(path), path.read_text(encoding="utf-8")


def user_text(path: str | os.PathLike[str]) -> tuple[str, str]:
    """(file name, text) of a file a person gives; unreadable files are a CatalogError."""
    name = str(path)
    try:
        return name, read_limited(Path(path), MAX_YAML_BYTES).decode("utf-8")
    except FileTooLarge as exc:
        raise CatalogError([Problem(name, None, None, "", str(exc))]) from None
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise CatalogError([Problem(name, None, None, "", f"cannot read: {reason}")]) from None


def read_model(file: str, text: str, model: type[M]) -> tuple[M, YamlDocument]:
    """Parse and validate; raise CatalogError listing every problem with its place."""
    doc, problems = read_yaml(text, file)
    if doc is None or problems:
        raise CatalogError(problems)
    try:
        return model.model_validate(doc.data), doc
    except ValidationError as exc:
        errors = exc.errors()
        raise CatalogError(
            doc.problem(tuple(e["loc"]), describe(e, model))
            for e in errors
            if not _has_deeper(e["loc"], errors)
        ) from None


def _has_deeper(loc: tuple[Any, ...], errors: list[Any]) -> bool:
    return any(len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == loc for e in errors)
