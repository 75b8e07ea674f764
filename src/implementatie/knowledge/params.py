"""Checked parameters: every public function ends in a result or an ImplementatieError.

`checked` validates a function's arguments against its type hints (pydantic, strict: `"5"` is
not 5 and `True` is not 1) and turns a wrong argument into `InvalidOption` naming the
parameter. Input nested too deeply to handle becomes `InvalidOption` too.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from pydantic import ConfigDict, ValidationError, validate_call

from implementatie.errors import InvalidOption

P = ParamSpec("P")
R = TypeVar("R")

_CONFIG = ConfigDict(arbitrary_types_allowed=True, strict=True)

# Messages, in one place (plain English).
BAD_ARGUMENT = "{function}: {parameter} {problem} (got {value})"
TOO_DEEP = "{function}: the input is nested too deeply"


def checked(function: Callable[P, R]) -> Callable[P, R]:
    """`function` with its arguments validated against its type hints."""
    validated = validate_call(config=_CONFIG)(function)
    name = function.__name__

    @functools.wraps(function)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return validated(*args, **kwargs)
        except ValidationError as exc:  # the arguments, or a value built from them
            raise InvalidOption(_describe(function, exc)) from None
        except RecursionError:
            raise InvalidOption(TOO_DEEP.format(function=name)) from None

    return call


def _describe(function: Callable[..., object], exc: ValidationError) -> str:
    first = exc.errors(include_url=False)[0]
    loc = list(first["loc"])
    if loc and isinstance(loc[0], int) and exc.title == function.__name__:
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
