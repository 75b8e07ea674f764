"""Every public function checks its arguments: a wrong one is InvalidOption naming it."""

from __future__ import annotations

import inspect

import pytest

import implementatie
from implementatie import InvalidOption, ResponseError

FUNCTIONS = sorted(
    name for name in implementatie.__all__ if inspect.isfunction(getattr(implementatie, name))
)


def test_there_are_public_functions() -> None:
    assert {"assess", "compare", "recommend", "plan", "load_catalog"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_function_is_checked(name: str) -> None:
    function = getattr(implementatie, name)
    assert hasattr(function, "__wrapped__"), f"{name} lacks @checked"
    first = next(iter(inspect.signature(function).parameters))
    if name == "parse_submission":  # takes anything a form posts; bad data is a ResponseError
        with pytest.raises(ResponseError, match="valid dictionary"):
            function(object())
        return
    with pytest.raises(InvalidOption, match=rf"^{name}: {first}"):
        function(object())
