"""The quick YAML read (no positions) gives what the careful read gives, or hands over to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from implementatie.knowledge import yamlsource
from implementatie.knowledge.loader import DATA_FOLDER
from implementatie.knowledge.yamlsource import (
    MAX_DEPTH,
    _read_with_positions,
    read_yaml,
)
from tests.conftest import FIXTURES

YAML_FILES = sorted([*DATA_FOLDER.glob("*.yaml"), *FIXTURES.rglob("*.yaml")])


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_quick_read_gives_the_careful_data_and_positions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    quick, quick_problems = read_yaml(text, str(path))
    careful, careful_problems = _read_with_positions(text, str(path))
    assert [str(p) for p in quick_problems] == [str(p) for p in careful_problems]
    if careful is None:
        assert quick is None
        return
    assert quick is not None
    assert quick.data == careful.data
    assert repr(quick.data) == repr(careful.data)  # same types, same order
    assert quick.positions == careful.positions


def test_a_plain_file_is_read_without_positions_until_a_message_needs_one() -> None:
    doc, found = read_yaml("a:\n  b: 1\n  c: [x, y]\n", "x.yaml")
    assert doc is not None and not found
    assert doc.recorded is None
    assert str(doc.problem(("a", "c", 1), "wrong")) == "x.yaml:3:10: a.c[1]: wrong"
    assert doc.positions[("a", "b")] == (2, 3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "x.yaml:2:1: a: key 'a' appears twice"),
        ("a: 1\n[b]: 2\n", "x.yaml:2:1: a key must be plain text"),
        ("a: 1\n1.5: 2\n", "x.yaml:2:1: a key must be plain text"),
        ("a: {b: 1, b: 1}\n", "x.yaml:1:11: a.b: key 'b' appears twice"),
    ],
)
def test_what_the_quick_read_cannot_judge_the_careful_read_names(text: str, message: str) -> None:
    doc, found = read_yaml(text, "x.yaml")
    assert doc is not None and doc.recorded is not None
    assert [str(p) for p in found] == [message]


def test_merge_keys_are_expanded_by_the_careful_read() -> None:
    doc, found = read_yaml("c: {<<: {x: 1}, y: 2}\n", "x.yaml")
    assert doc is not None and not found and doc.recorded is not None
    assert doc.data == {"c": {"x": 1, "y": 2}}


def test_a_file_with_aliases_is_read_carefully() -> None:
    doc, _ = read_yaml("a: &a [1]\nb: *a\n", "x.yaml")
    assert doc is not None and doc.recorded is not None


@pytest.mark.parametrize("depth", [MAX_DEPTH, MAX_DEPTH + 1])
def test_the_quick_read_keeps_the_depth_limit(depth: int) -> None:
    doc, found = read_yaml("x: " + "[" * depth + "]" * depth, "x.yaml")
    if depth > MAX_DEPTH:
        assert doc is None and f"nested more than {MAX_DEPTH} levels" in str(found[0])
    else:
        assert doc is not None and doc.recorded is None and not found


@pytest.mark.parametrize(("spare", "read"), [(0, True), (-1, False)])
def test_the_quick_read_keeps_the_value_limit(
    spare: int, read: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without aliases a file stays far below the limit, so the limit is lowered to exactly
    # the three values of this file (the list and its two entries), or one below that.
    text = "- a\n- b\n"
    monkeypatch.setattr(yamlsource, "EXTRA_ALIAS_VALUES", 3 - len(text) + spare)
    doc, found = read_yaml(text, "x.yaml")
    if read:
        assert doc is not None and doc.recorded is None and not found
    else:
        assert doc is None and "aliases (*name) expand to more than 2 values" in str(found[0])
