"""A cache of validated catalogues, so that a second run skips parsing and validating the YAML.

An entry is a JSON file in the user's cache folder (see `implementatie.cachefiles`), found by
a SHA-256 key over everything the validated catalogue depends on: the name and bytes of every
catalogue file, the bundled reference lists, the source of the code that defines and checks
the catalogue (`knowledge/*.py`) and the pydantic version. Editing any of these gives another
key, so a stale entry is never read. Entries hold plain data, never code: a model is rebuilt
as pydantic's `model_construct` would, from values that were validated when the entry was
written; an entry is only written when decoding it gives back exactly the catalogue.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from implementatie.cachefiles import cache_folder, cache_path, key_of, read, write
from implementatie.knowledge import models, text
from implementatie.knowledge.catalog import Catalog

Texts = Sequence[tuple[str, str | None]]
Decode = Callable[[Any], Any]


def cached_load(texts: Texts, extra: Texts, load: Callable[[], Catalog]) -> Catalog:
    """The catalogue of `texts` from the cache, else `load()`, stored for the next time.

    `extra` are further texts the catalogue may depend on (the bundled reference lists).
    Errors from `load` pass through; a catalogue with problems is never stored.
    """
    folder = cache_folder()
    if folder is None or any(content is None for _, content in (*texts, *extra)):
        return load()
    key = _key([*texts, *extra])
    path = cache_path(folder, "catalog", key, ".json")
    body = read(path, key)
    if body is not None:
        try:
            return _decode_catalog(json.loads(body))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            pass  # a layout this code does not know: build it again
    catalog = load()
    try:
        body = json.dumps(_encode_catalog(catalog), ensure_ascii=False).encode("utf-8")
        if same(_decode_catalog(json.loads(body)), catalog):
            write(path, key, body)
    except (ValueError, TypeError):
        pass  # a value the cache cannot hold: not stored
    return catalog


def _key(texts: Texts) -> str:
    parts = [pydantic.VERSION.encode(), *(p.read_bytes() for p in _code_files())]
    for name, content in texts:
        parts += [name.encode("utf-8"), (content or "").encode("utf-8")]
    return key_of(*parts)


@cache
def _code_files() -> tuple[Path, ...]:
    """The modules that define and check a catalogue; a change to any of them is a new key."""
    return tuple(sorted(Path(models.__file__).parent.glob("*.py")))


def same(one: Catalog, other: Catalog) -> bool:
    """Equal field by field, with the same types and the same fields set in every model."""
    return all(
        _shape(getattr(one, f.name)) == _shape(getattr(other, f.name)) for f in fields(Catalog)
    )


def _shape(value: Any) -> Any:
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        return (type(value), value.model_fields_set, *(_shape(getattr(value, n)) for n in names))
    if isinstance(value, tuple):
        return (tuple, *map(_shape, value))
    return (type(value), value)


# -- plain data ---------------------------------------------------------------------------------
# A model is [fields set (bit mask), value, value, ...] in the order of its fields.

_MODELS: dict[str, type[BaseModel]] = {
    cls.__name__: cls
    for module in (models, text)
    for cls in vars(module).values()
    if isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ == module.__name__
}


def _encode_catalog(catalog: Catalog) -> dict[str, Any]:
    """Each field as [kind, model name, data]: kind is "one" model, "many" or "plain"."""
    result: dict[str, Any] = {}
    for field in fields(catalog):
        value = getattr(catalog, field.name)
        if isinstance(value, BaseModel):
            result[field.name] = ["one", type(value).__name__, _encode(value)]
        elif value and isinstance(value[0], BaseModel):
            kind = type(value[0])
            if any(type(v) is not kind for v in value):
                raise TypeError(f"{field.name} mixes kinds of entries")
            result[field.name] = ["many", kind.__name__, [_encode(v) for v in value]]
        else:
            result[field.name] = ["plain", None, _encode(value)]
    return result


def _decode_catalog(data: dict[str, Any]) -> Catalog:
    values: dict[str, Any] = {}
    for field in fields(Catalog):
        shape, name, value = data[field.name]
        if shape == "plain":
            values[field.name] = tuple(value)
        elif shape == "many":
            values[field.name] = tuple(map(_decoder(_MODELS[name]), value))
        else:
            values[field.name] = _decoder(_MODELS[name])(value)
    return Catalog(**values)


def _encode(value: Any) -> Any:
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        set_ = value.model_fields_set
        mask = sum(1 << i for i, name in enumerate(names) if name in set_)
        return [mask, *(_encode(getattr(value, name)) for name in names)]
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the catalogue cache")


_SLOTS: dict[str, Callable[[Any, Any], None]] = {
    name: vars(BaseModel)[name].__set__ for name in BaseModel.__slots__
}
"""Setters of the slots every pydantic model instance has."""


@cache
def _decoder(cls: type[BaseModel]) -> Decode:
    """Rebuilds one `cls` from its plain data, nested models and tuples included.

    What `cls.model_construct` does for a model without aliases, private attributes or
    post-init hook (checked here), without its per-field look-ups: a few times faster.
    """
    names = tuple(cls.model_fields)
    width = len(names) + 1
    converting = tuple(
        (name, convert)
        for name, field in cls.model_fields.items()
        if (convert := _converter(field.annotation)) is not None
    )
    plain = not (
        cls.__private_attributes__
        or cls.__pydantic_post_init__
        or cls.model_config.get("extra") == "allow"
        or any(f.alias or f.validation_alias for f in cls.model_fields.values())
    )
    sets: dict[int, frozenset[str]] = {}

    def fields_set(mask: int) -> frozenset[str]:
        found = sets.get(mask)
        if found is None:
            found = sets[mask] = frozenset(n for i, n in enumerate(names) if mask >> i & 1)
        return found

    def values_of(data: list[Any]) -> tuple[int, dict[str, Any]]:
        if len(data) != width:
            raise ValueError(f"{cls.__name__}: expected {width} values")
        given = iter(data)
        mask = next(given)
        values = dict(zip(names, given, strict=True))
        for name, convert in converting:
            if values[name] is not None:
                values[name] = convert(values[name])
        return mask, values

    if not plain:

        def construct(data: list[Any]) -> BaseModel:
            mask, values = values_of(data)
            return cls.model_construct(set(fields_set(mask)), **values)

        return construct

    # The four slots of a pydantic model, written directly (what model_construct writes).
    new = cls.__new__
    set_dict = _SLOTS["__dict__"]
    set_fields = _SLOTS["__pydantic_fields_set__"]
    set_extra = _SLOTS["__pydantic_extra__"]
    set_private = _SLOTS["__pydantic_private__"]

    def decode(data: list[Any]) -> BaseModel:
        mask, values = values_of(data)
        model = new(cls)
        set_dict(model, values)
        set_fields(model, set(fields_set(mask)))
        set_extra(model, None)
        set_private(model, None)
        return model

    return decode


def _converter(annotation: Any) -> Decode | None:
    """How to rebuild a value of this type from JSON; None when JSON gives it as it is."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _decoder(annotation)
    if origin is typing.Annotated:
        return _converter(args[0])
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        inner = _converter(args[0])
        return tuple if inner is None else lambda v: tuple(map(inner, v))
    if origin in (typing.Union, types.UnionType):
        options = [_converter(a) for a in args if a is not type(None)]
        if len(options) == 1:
            return options[0]
        if all(option is None for option in options):
            return None
    if origin is typing.Literal or annotation in (str, int, float, bool):
        return None
    raise TypeError(f"the catalogue cache cannot store a field of type {annotation!r}")
