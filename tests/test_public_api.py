"""Every public function checks its arguments: a wrong one is InvalidOption naming it."""

from __future__ import annotations

import inspect

import pytest

import implementatie
from implementatie import (
    Catalog,
    InvalidOption,
    ResponseError,
    Responses,
    load_catalog,
    make_responses,
)
from implementatie.knowledge.params import checked

FUNCTIONS = sorted(
    name for name in implementatie.__all__ if inspect.isfunction(getattr(implementatie, name))
)


def test_there_are_public_functions() -> None:
    assert {"assess", "compare", "recommend", "plan", "load_catalog"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_function_is_checked(name: str) -> None:
    function = getattr(implementatie, name)
    assert hasattr(function, "__wrapped__"), f"{name} lacks @checked"
    parameters = inspect.signature(function).parameters
    if not parameters:  # nothing to check but that an argument is refused
        with pytest.raises(InvalidOption):
            function("unexpected")
        return
    first = next(iter(parameters))
    if name == "parse_submission":  # takes anything a form posts; bad data is a ResponseError
        with pytest.raises(ResponseError, match="valid dictionary"):
            function(object())
        return
    with pytest.raises(InvalidOption, match=rf"^{name}: {first}"):
        function(object())


def test_dataclass_arguments_pass_through_unchanged() -> None:
    @checked
    def echo(catalog: Catalog, responses: Responses | None = None) -> tuple[object, object]:
        return catalog, responses

    catalog, responses = load_catalog(), make_responses({"r1": {"q01": 3}})
    assert echo(catalog, responses)[0] is catalog  # not rebuilt field by field
    assert echo(catalog, responses)[1] is responses
    with pytest.raises(InvalidOption, match="echo: responses input should be an instance of"):
        echo(catalog, {"r1": {}})  # type: ignore[arg-type]
