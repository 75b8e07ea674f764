"""The loader: valid catalogues load; every kind of bad input is reported with file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from implementatie import CatalogError, LookupFailed, RetiredId, load_catalog
from tests.conftest import CATALOGUES
from tests.own_strategy import write_own_strategy

BAD = CATALOGUES / "bad"

# fixture → (line, field, part of the message) of the problem it must produce
EXPECTED = {
    "syntax_error": (27, "", "YAML syntax error"),
    "unknown_key": (
        20,
        "determinants[0].nmae",
        "unknown key 'nmae' (allowed: category, description, id, items, name, number); "
        "did you mean 'name'?",
    ),
    "invalid_category": (28, "determinants[1].category", "got 'organization'"),
    "undefined_category": (28, "determinants[1].category", "category 'innovatie' is not defined"),
    "duplicate_id": (26, "determinants[1].id", "duplicate id 'time_available'"),
    "duplicate_number": (27, "determinants[1].number", "duplicate number 23"),
    "missing_dutch": (29, "determinants[1].name.nl", "Dutch text (nl) is missing"),
    "missing_english": (30, "determinants[1].description.en", "English text (en) is missing"),
    "wrong_type": (27, "determinants[1].number", "valid integer"),
    "duplicate_key": (28, "determinants[1].number", "key 'number' appears twice"),
    "unknown_format": (33, "determinants[1].items[0].format", "unknown response format 'agree'"),
    "unknown_link": (62, "strategies[1].links[0].determinant", "did you mean 'coordinator'?"),
    "duplicate_strategy": (54, "strategies[1].id", "duplicate id 'protect_time'"),
    "weight_out_of_range": (68, "strategies[1].links[1].weight", "less than or equal to 3"),
    "eric_unknown": (47, "strategies[0].eric[0].number", "ERIC number 99 does not exist"),
    "eric_name_mismatch": (
        47,
        "strategies[0].eric[0].name",
        "ERIC 59 is 'Revise professional roles'",
    ),
    "unknown_method": (60, "strategies[1].methods[0]", "'Mind reading' is not a method"),
    "top_taken": (69, "strategies[1].links[1].top", "top 1 of 'time_available' is already taken"),
    "unquoted_boolean": (14, "response_formats[0].options[0].label.en", "put the text in quotes"),
    "missing_section": (None, "categories", "no `categories` section"),
    "empty": (1, "", "the file is empty"),
}


def test_minimal_catalogue_loads(minimal) -> None:
    assert [d.id for d in minimal.determinants] == ["time_available", "coordinator"]
    assert [s.id for s in minimal.strategies] == ["protect_time", "appoint_coordinator"]
    assert minimal.eric(59).name == "Revise professional roles"  # bundled ERIC list added


def test_every_bad_fixture_is_tested() -> None:
    names = {p.stem for p in BAD.glob("*.yaml")} - {"many_problems"}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_is_reported_with_place(name: str) -> None:
    line, field, message = EXPECTED[name]
    with pytest.raises(CatalogError) as caught:
        load_catalog(BAD / f"{name}.yaml")
    matching = [p for p in caught.value.problems if message in p.message]
    assert matching, caught.value
    problem = matching[0]
    assert problem.file.endswith(f"{name}.yaml")
    assert (problem.line, problem.field) == (line, field)
    assert f"{name}.yaml:{line}" in str(caught.value) if line else True


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_gives_only_its_own_problem(name: str) -> None:
    """No follow-on noise: one defect, one problem (except where a defect truly breaks more)."""
    with pytest.raises(CatalogError) as caught:
        load_catalog(BAD / f"{name}.yaml")
    follow_on = {"duplicate_id": 2, "unknown_key": 2}
    assert len(caught.value.problems) == follow_on.get(name, 1), caught.value


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(BAD / "many_problems.yaml")
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {
        (20, "determinants[0].name.en"),
        (27, "determinants[1].number"),
        (44, "strategies[0].level"),
        (68, "strategies[1].links[1].weight"),
    }
    assert str(caught.value).startswith("4 problems in the catalogue:")


def test_problems_across_files_name_their_file(tmp_path: Path) -> None:
    shutil.copy(CATALOGUES / "minimal.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text("strategies:\n  - id: protect_time\n", encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    files = {Path(p.file).name for p in caught.value.problems}
    assert files == {"b.yaml"}
    messages = " ".join(p.message for p in caught.value.problems)
    assert "required field 'name' is missing" in messages
    assert "duplicate id 'protect_time'" not in messages  # an invalid entry is not a duplicate


def test_folder_of_files_loads_in_name_order(tmp_path: Path) -> None:
    text = (CATALOGUES / "minimal.yaml").read_text(encoding="utf-8")
    head, strategies = text.split("clusters:")
    (tmp_path / "1-determinants.yaml").write_text(head, encoding="utf-8")
    (tmp_path / "2-strategies.yml").write_text("clusters:" + strategies, encoding="utf-8")
    catalog = load_catalog(tmp_path)
    assert len(catalog.strategies) == 2
    assert [Path(s).name for s in catalog.sources] == ["1-determinants.yaml", "2-strategies.yml"]


def test_missing_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path / "nope.yaml")
    assert str(caught.value).endswith("nope.yaml: file not found")


def test_extend_adds_own_strategies_to_bundled(tmp_path: Path) -> None:
    own = write_own_strategy(tmp_path / "own.yaml", {"social_support": "Collega's helpen."})
    bundled = load_catalog()
    extended = load_catalog(own, extend=True)
    assert len(extended.strategies) == len(bundled.strategies) + 1
    assert extended.strategy("weekly_huddle").link("social_support") is not None
    with pytest.raises(CatalogError) as caught:
        load_catalog(own)  # alone it has no determinants
    assert "no `determinants` section" in str(caught.value)


def test_bundled_catalogue_is_cached_and_immutable() -> None:
    catalog = load_catalog()
    assert load_catalog() is catalog
    with pytest.raises(ValidationError):  # frozen pydantic model
        catalog.determinants[0].number = 99  # type: ignore[misc]


RETIRED = """\
retired_strategies:
  - id: old_strategy
    edition: 2
    replaced_by: [protect_time, no_such_strategy]
    reason: {nl: samengevoegd, en: merged}
retired_items:
  - id: q99
    edition: 2
    replaced_by: [q23]
    reason: {nl: anders gezegd, en: reworded}
"""


def test_retired_ids_must_name_existing_replacements(tmp_path: Path) -> None:
    shutil.copy(CATALOGUES / "minimal.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text(RETIRED, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    [problem] = caught.value.problems
    assert problem.field == "retired_strategies[0].replaced_by[1]"
    assert "'no_such_strategy' is not a strategy" in problem.message


def test_a_retired_strategy_id_names_its_replacement(tmp_path: Path) -> None:
    shutil.copy(CATALOGUES / "minimal.yaml", tmp_path / "a.yaml")
    (tmp_path / "b.yaml").write_text(RETIRED.replace(", no_such_strategy", ""), encoding="utf-8")
    catalog = load_catalog(tmp_path)
    for look_up in (catalog.strategy, catalog.find):
        with pytest.raises(RetiredId, match="use instead: protect_time") as caught:
            look_up("old_strategy")
        assert isinstance(caught.value, LookupFailed)
        assert caught.value.suggestions == ("protect_time",)
    assert catalog.retired_item("q99") is not None
    assert catalog.retired_item("q23") is None
    # a near miss is still an ordinary unknown id, with suggestions
    with pytest.raises(LookupFailed) as near:
        catalog.strategy("old_strategie")
    assert not isinstance(near.value, RetiredId)


def test_bundled_retired_strategies_are_gone_and_point_to_live_ones() -> None:
    catalog = load_catalog()
    assert len(catalog.retired_strategies) == 5
    live = {s.id for s in catalog.strategies}
    for record in catalog.retired_strategies:
        assert record.id not in live
        assert set(record.replaced_by) <= live
        with pytest.raises(RetiredId, match=record.replaced_by[0]):
            catalog.strategy(record.id)
