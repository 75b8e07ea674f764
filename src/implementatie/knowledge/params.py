"""Checked parameters: every public function ends in a result or an ImplementatieError.

`checked` validates a function's arguments against its type hints (pydantic, strict: `"5"` is
not 5 and `True` is not 1) and turns a wrong argument into `InvalidOption` naming the
parameter. Input nested too deeply to handle becomes `InvalidOption` too.
"""

from __future__ import annotations

import collections.abc
import dataclasses
import functools
import inspect
import os
import types
import typing
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar, cast

from pydantic import BaseModel, ConfigDict, ValidationError

from implementatie.errors import InvalidOption

P = ParamSpec("P")
R = TypeVar("R")

_CONFIG = ConfigDict(arbitrary_types_allowed=True, strict=True)

# Messages, in one place (plain English).
BAD_ARGUMENT = "{function}: {parameter} {problem} (got {value})"
TOO_DEEP = "{function}: the input is nested too deeply"


def checked(function: Callable[P, R]) -> Callable[P, R]:
    """`function` with its arguments validated against its type hints.

    Arguments that are plainly of their declared types (see `_plainly`) go straight to the
    function; only others meet pydantic's validator, built on first need, so importing the
    package and the usual call stay cheap. Instances of plain dataclasses (a `Catalog`) and
    of pydantic models (a `Determinant`) are checked by type only: passed through as they
    are, never rebuilt field by field, as strict validation does with a model instance.
    """
    name = function.__name__

    @functools.cache
    def validated() -> Callable[P, R]:
        from pydantic import validate_call

        return validate_call(config=_CONFIG)(_with_instance_checks(function))

    @functools.cache
    def plain_check() -> Callable[..., bool]:
        signature = inspect.signature(function)
        try:
            hints = typing.get_type_hints(function)
        except NameError:  # a hint that cannot be resolved: always ask pydantic
            return lambda *args, **kwargs: False

        def check(*args: object, **kwargs: object) -> bool:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError:
                return False
            return all(_plainly(value, hints[n]) for n, value in bound.arguments.items())

        return check

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            if plain_check()(*args, **kwargs):
                return function(*args, **kwargs)
            return validated()(*args, **kwargs)
        except ValidationError as exc:  # the arguments, or a value built from them
            raise InvalidOption(_describe(function, exc)) from None
        except RecursionError:
            raise InvalidOption(TOO_DEEP.format(function=name)) from None

    return call


_SEQUENCES = (collections.abc.Iterable, collections.abc.Sequence)


def _plainly(value: object, hint: Any) -> bool:
    """True when `value` is plainly of type `hint`, so that strict validation would pass it
    through unchanged: exact `int`, `str`, `bool` or None, a `Literal` value, a path
    (`os.PathLike`), an instance of a dataclass or model, a list or tuple of such. Anything
    else (constraints, protocols, floats, mappings) is left to pydantic, which then also words
    the error."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_plainly(value, option) for option in typing.get_args(hint))
    if origin is typing.Literal:
        return any(type(value) is type(v) and value == v for v in typing.get_args(hint))
    if origin in _SEQUENCES:
        [inner] = typing.get_args(hint) or [Any]
        return type(value) in (list, tuple) and all(_plainly(v, inner) for v in value)  # type: ignore[attr-defined]
    if hint in (int, str, bool, type(None)):
        return type(value) is hint
    if origin is os.PathLike:  # a Path: pydantic, too, passes any os.PathLike through
        return isinstance(value, os.PathLike)
    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or issubclass(hint, BaseModel)):
        return isinstance(value, hint)
    return False


def _with_instance_checks(function: Callable[P, R]) -> Callable[P, R]:
    """A copy of `function` whose hints say `InstanceOf[D]` for every plain dataclass D."""
    hints = typing.get_type_hints(function, include_extras=True)
    hints.pop("return", None)
    copy = types.FunctionType(
        function.__code__,
        function.__globals__,
        function.__name__,
        function.__defaults__,
        function.__closure__,
    )
    copy.__kwdefaults__ = function.__kwdefaults__
    copy.__annotations__ = {name: _instances(hint) for name, hint in hints.items()}
    copy.__qualname__ = function.__qualname__
    copy.__module__ = function.__module__
    return cast(Callable[P, R], copy)


def _instances(hint: Any) -> Any:
    from pydantic import InstanceOf

    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or issubclass(hint, BaseModel)):
        return InstanceOf[hint]  # type: ignore[misc]
    args = typing.get_args(hint)
    origin = typing.get_origin(hint)
    if not args or origin is typing.Literal:
        return hint
    if origin is typing.Annotated:
        return typing.Annotated[(_instances(args[0]), *hint.__metadata__)]
    changed = tuple(_instances(arg) for arg in args)
    if changed == args:
        return hint
    if origin in (typing.Union, types.UnionType):
        return typing.Union[changed]  # noqa: UP007 - built from a tuple of types
    return origin[changed]


def _describe(function: Callable[..., object], exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    loc = list(first["loc"])
    if loc and isinstance(loc[0], int) and exc.title in (function.__name__, function.__qualname__):
        names = list(inspect.signature(function).parameters)
        loc[0] = names[loc[0]] if loc[0] < len(names) else "argument"
    parameter = "".join(
        " (key)" if part == "[key]" else f"[{part!r}]" if index else str(part)
        for index, part in enumerate(loc)
    )
    parameter = parameter or "argument"
    value = repr(first.get("input"))
    if len(value) > 60:
        value = value[:57] + "..."
    problem = first["msg"][:1].lower() + first["msg"][1:]
    return BAD_ARGUMENT.format(
        function=function.__name__, parameter=parameter, problem=problem, value=value
    )
