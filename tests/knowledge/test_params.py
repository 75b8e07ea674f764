"""Checked parameters: plain arguments skip the validator, everything else meets it."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Literal

import pytest

from implementatie import InvalidOption, load_catalog
from implementatie.knowledge.models import Determinant
from implementatie.knowledge.params import _plainly, checked


@pytest.mark.parametrize(
    ("value", "hint", "plain"),
    [
        (3, int, True),
        (True, int, False),  # strict: a bool is not an int
        ("3", int, False),
        (3.0, int, False),
        (None, int | None, True),
        ("low", Literal["low", "high"], True),
        ("medium", Literal["low", "high"], False),
        (["a", "b"], Sequence[str], True),
        (("a",), Iterable[str], True),
        ("ab", Sequence[str], False),  # a string is not a list of strings: pydantic decides
        (["a", 1], Sequence[str], False),
        ({"a"}, Iterable[str], False),
        (1.5, float, False),  # left to pydantic
        (Path("a.csv"), str | os.PathLike[str], True),
        (PurePosixPath("a.csv"), str | os.PathLike[str], True),
        (b"a.csv", str | os.PathLike[str], False),  # bytes are no path here: pydantic says so
    ],
)
def test_plainly(value: object, hint: object, plain: bool) -> None:
    assert _plainly(value, hint) is plain


def test_models_and_dataclasses_by_type(catalog: object) -> None:
    from implementatie.knowledge.catalog import Catalog

    determinant = load_catalog().determinants[0]
    assert _plainly(determinant, Determinant)
    assert _plainly([determinant, "x"], Sequence[str | Determinant])
    assert not _plainly(determinant.model_dump(), Determinant)
    assert _plainly(catalog, Catalog)


@checked
def _sample(items: Sequence[str], *, top: int | None = 3) -> tuple[list[str], int | None]:
    return list(items), top


@checked
def _read(path: str | os.PathLike[str]) -> str | os.PathLike[str]:
    return path


def test_a_path_is_passed_as_it_is_and_bytes_are_refused() -> None:
    path = Path("a.csv")
    assert _read(path) is path
    with pytest.raises(InvalidOption, match="path"):
        _read(b"a.csv")  # type: ignore[arg-type]


def test_plain_and_validated_calls_agree() -> None:
    assert _sample(["a"], top=2) == (["a"], 2)
    assert _sample(("a",)) == (["a"], 3)
    with pytest.raises(InvalidOption, match="top"):
        _sample(["a"], top=True)  # type: ignore[arg-type]
    with pytest.raises(InvalidOption, match="items"):
        _sample("a")
    with pytest.raises(InvalidOption):
        _sample()  # type: ignore[call-arg]
