"""Hostile or careless catalogue input: one clear CatalogError, never a hang or a traceback."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from implementatie import CatalogError, LookupFailed, load_catalog
from implementatie.knowledge.limits import MAX_YAML_BYTES
from implementatie.knowledge.yamlsource import MAX_DEPTH, read_yaml
from tests.conftest import CATALOGUES, FIXTURES

ROBUSTNESS = FIXTURES / "robustness"
MINIMAL = CATALOGUES / "minimal.yaml"


def problems(*paths: Path | str, extend: bool = False) -> list[str]:
    with pytest.raises(CatalogError) as caught:
        load_catalog([*paths], extend=extend)
    return [str(p) for p in caught.value.problems]


def test_issue_10_alias_bomb_stops_quickly() -> None:
    # Reproduction 4: a few hundred bytes of nested aliases grew past 1.8 GB.
    start = time.perf_counter()
    found = problems(ROBUSTNESS / "alias-bomb.yaml", extend=True)
    assert time.perf_counter() - start < 5
    assert len(found) == 1 and "aliases (*name) expand to more than" in found[0]


def test_issue_10_recursive_alias_is_a_problem_not_a_recursion_error() -> None:
    found = problems(ROBUSTNESS / "alias-loop.yaml", extend=True)
    assert found == [f"{ROBUSTNESS / 'alias-loop.yaml'}:1:8: {ALIAS_LOOP}"]


ALIAS_LOOP = "an alias (*name) refers to a value that contains it"


@pytest.mark.parametrize("text", ["a: &a {b: *a}", "a: &a {<<: *a}"])
def test_other_alias_loops(text: str) -> None:
    doc, found = read_yaml(text, "x.yaml")
    assert doc is None and ALIAS_LOOP in str(found[0])


def test_aliases_within_bounds_still_work() -> None:
    doc, found = read_yaml("a: &a [1, 2]\nb: *a\nc: {<<: {x: 1}, y: 2}", "x.yaml")
    assert doc is not None and not found
    assert doc.data == {"a": [1, 2], "b": [1, 2], "c": {"x": 1, "y": 2}}


def test_nesting_depth_boundary() -> None:
    deep = "x: " + "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert read_yaml(deep, "x.yaml")[0] is not None
    too_deep = "x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    doc, found = read_yaml(too_deep, "x.yaml")
    assert doc is None and f"nested more than {MAX_DEPTH} levels" in str(found[0])


def test_file_size_limit_boundary(tmp_path: Path) -> None:
    at_limit = tmp_path / "at.yaml"
    at_limit.write_bytes(b"#" * MAX_YAML_BYTES)
    over = tmp_path / "over.yaml"
    over.write_bytes(b"#" * (MAX_YAML_BYTES + 1))
    assert not any("larger than" in p for p in problems(at_limit, extend=True))
    assert any("larger than 5 MB" in p for p in problems(over, extend=True))


def test_endless_file_is_refused() -> None:
    assert problems("/dev/zero", extend=True) == [
        "/dev/zero: the file is larger than 5 MB; is this the right file?"
    ]


def test_issue_10_empty_folder_is_an_error(tmp_path: Path) -> None:
    # Reproduction 8: `--catalog emptydir --extend` was silently ignored.
    assert problems(tmp_path, extend=True) == [
        f"{tmp_path}: the folder holds no .yaml or .yml files"
    ]


@pytest.mark.parametrize("section", ["response_formats", "determinants", "categories"])
def test_issue_10_empty_required_section_is_invalid(tmp_path: Path, section: str) -> None:
    # Reproduction 6: `response_formats: []` and `determinants: []` were "valid", then crashed.
    text = MINIMAL.read_text(encoding="utf-8")
    start = text.index(f"{section}:")
    end = min(
        (text.index(f"\n{s}:", start) for s in SECTIONS if f"\n{s}:" in text[start:]),
        default=len(text),
    )
    broken = tmp_path / "c.yaml"
    broken.write_text(text[:start] + f"{section}: []\n" + text[end + 1 :], encoding="utf-8")
    found = problems(broken)
    assert any(f"`{section}` has no entries" in p for p in found)


SECTIONS = (
    "categories",
    "response_formats",
    "questionnaire",
    "determinants",
    "clusters",
    "strategies",
)


def test_issue_10_docs_three_errors_show_at_once() -> None:
    # Reproduction 8: the misspelled determinant showed only after the other two were fixed.
    found = problems(ROBUSTNESS / "weekly-huddle-three-errors.yaml", extend=True)
    text = "\n".join(found)
    assert len(found) == 3, text
    assert "unknown determinant 'social_suport'; did you mean 'social_support'?" in text
    assert "weight: Input should be less than or equal to 3" in text
    assert "name.en: English text (en) is missing" in text


def test_issue_10_weight_true_is_not_one(tmp_path: Path) -> None:
    # Reproduction 8: `weight: true` was read as 1.
    text = (ROBUSTNESS / "weekly-huddle-three-errors.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "{nl: Wekelijks kort overleg}", "{nl: Wekelijks kort overleg, en: Weekly huddle}"
    )
    text = text.replace("social_suport", "social_support").replace("weight: 4", "weight: true")
    path = tmp_path / "w.yaml"
    path.write_text(text, encoding="utf-8")
    found = problems(path, extend=True)
    assert len(found) == 1 and "weight: Input should be a valid integer" in found[0]


@pytest.mark.parametrize("query", ["-1", "+1", " -19"])
def test_issue_10_signed_numbers_are_not_determinants(query: str) -> None:
    # Reproduction 8: `show -1` showed determinant 1.
    with pytest.raises(LookupFailed):
        load_catalog().find(query)
    assert load_catalog().find("1").id == "procedural_clarity"
