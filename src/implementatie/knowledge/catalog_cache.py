"""A cache of validated catalogues, so that a second run skips parsing and validating the YAML.

The cache is a JSON file per catalogue in the user's cache folder (`platformdirs`), named by
a SHA-256 key over everything the validated catalogue depends on: the name and bytes of every
catalogue file, the bundled reference lists, the source of the code that defines and checks
the catalogue (`knowledge/*.py`) and the pydantic version. Editing any of these gives another
key, so a stale entry is never read. Entries hold plain data (JSON), never code: a model is
rebuilt with pydantic's `model_construct` from values that were validated when the entry was
written, and the entry is only written after decoding it gives back exactly the catalogue.

The cache is never required. `IMPLEMENTATIE_CACHE_DIR` chooses the folder and
`IMPLEMENTATIE_NO_CACHE=1` turns it off. A folder that cannot be created or written is
skipped silently; a damaged or foreign file (checked by key and checksum) is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import pydantic
from pydantic import BaseModel

from implementatie.knowledge import models, text
from implementatie.knowledge.catalog import Catalog

FORMAT = 1
"""Bump when the layout of an entry changes."""
KEEP = 8
"""Entries kept in the folder; the oldest go first (edited user catalogues leave old ones)."""
CACHE_DIR_VARIABLE = "IMPLEMENTATIE_CACHE_DIR"
NO_CACHE_VARIABLE = "IMPLEMENTATIE_NO_CACHE"

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
    path = folder / f"catalog-{key[:32]}.json"
    found = _read(path, key)
    if found is not None:
        return found
    catalog = load()
    _write(path, key, catalog)
    return catalog


def cache_folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir  # only when no folder is given

    return Path(user_cache_dir("implementatie", appauthor=False))


def _key(texts: Texts) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{pydantic.VERSION}\0".encode())
    for source in _code_files():
        digest.update(source.read_bytes())
    for name, content in texts:
        data = (content or "").encode("utf-8")
        digest.update(f"\0{len(name)}:{name}\0{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


@cache
def _code_files() -> tuple[Path, ...]:
    """The modules that define and check a catalogue; a change to any of them is a new key."""
    return tuple(sorted(Path(models.__file__).parent.glob("*.py")))


def _read(path: Path, key: str) -> Catalog | None:
    """The stored catalogue, or None when there is none or it is damaged or foreign."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
        if header != {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}:
            return None
        return _decode_catalog(json.loads(body))
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _write(path: Path, key: str, catalog: Catalog) -> None:
    """Store `catalog` atomically; any failure leaves the cache as it was."""
    import tempfile

    try:
        body = json.dumps(_encode_catalog(catalog), ensure_ascii=False).encode("utf-8")
        if not same(_decode_catalog(json.loads(body)), catalog):
            return
        header = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".catalog-", suffix=".tmp")
    except (OSError, ValueError, TypeError):
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(json.dumps(header).encode() + b"\n" + body)
        Path(temporary).replace(path)
        _prune(path.parent)
    except OSError:
        Path(temporary).unlink(missing_ok=True)


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


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("catalog-*.json"), key=lambda p: p.stat().st_mtime)
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)


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
    new, set_attribute = cls.__new__, object.__setattr__

    def decode(data: list[Any]) -> BaseModel:
        if len(data) != width:
            raise ValueError(f"{cls.__name__}: expected {width} values")
        values = dict(zip(names, data[1:], strict=True))
        for name, convert in converting:
            if values[name] is not None:
                values[name] = convert(values[name])
        mask = data[0]
        fields_set = sets.get(mask)
        if fields_set is None:
            fields_set = sets[mask] = frozenset(n for i, n in enumerate(names) if mask >> i & 1)
        if not plain:
            return cls.model_construct(set(fields_set), **values)
        model = new(cls)
        set_attribute(model, "__dict__", values)
        set_attribute(model, "__pydantic_fields_set__", set(fields_set))
        set_attribute(model, "__pydantic_extra__", None)
        set_attribute(model, "__pydantic_private__", None)
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
