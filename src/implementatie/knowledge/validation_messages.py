"""Turn pydantic's validation errors into messages a person editing YAML can act on."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from implementatie.knowledge.models import BASES
from implementatie.knowledge.yamlsource import Loc

_LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}


def describe(error: ErrorDetails, model: type[BaseModel]) -> str:
    """A plain-English message for one pydantic error on `model`."""
    kind = error["type"]
    loc = error["loc"]
    value = error.get("input")
    field = loc[-1] if loc else ""
    if kind == "missing":
        if field in _LANGUAGE_NAMES:
            return f"{_LANGUAGE_NAMES[str(field)]} text ({field}) is missing"
        if field == "basis":
            return (
                "required field 'basis' is missing: say what the link rests on "
                f"({', '.join(BASES)})"
            )
        return f"required field {field!r} is missing"
    if kind == "extra_forbidden":
        allowed = sorted(allowed_keys(model, loc[:-1]))
        close = difflib.get_close_matches(str(field), allowed, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"unknown key {field!r} (allowed: {', '.join(allowed)}){hint}"
    if kind == "string_too_short":
        if field in _LANGUAGE_NAMES:
            return f"{_LANGUAGE_NAMES[str(field)]} text ({field}) is empty"
        return "text is empty"
    if kind == "string_type" and isinstance(value, bool | int | float):
        return (
            f"expected text, got {value!r}; YAML reads words like yes/no/on/off and numbers "
            "as other types, so put the text in quotes"
        )
    message = error["msg"].removeprefix("Value error, ")
    if kind == "value_error" or isinstance(value, dict | list):
        return message
    return f"{message} (got {value!r})"


def allowed_keys(model: type[BaseModel], loc: Loc) -> set[str]:
    """The field names of the model found at `loc` inside `model`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = current.model_fields if _is_model(current) else {}
        if part not in fields:
            return set()
        current = _inner_model(fields[part].annotation)
        if current is None:
            return set()
    return set(current.model_fields) if _is_model(current) else set()


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation like `tuple[Item, ...]` or `Text | None`."""
    if _is_model(annotation):
        return typing.cast(type[BaseModel], annotation)
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for argument in typing.get_args(annotation):
        found = _inner_model(argument)
        if found is not None:
            return found
    return None
