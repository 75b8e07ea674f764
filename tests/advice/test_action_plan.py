"""action_plan(): a Proctor specification per strategy, and the spreadsheet round trip."""

from __future__ import annotations

import csv

import pytest

from implementatie import (
    ActionPlanError,
    InvalidOption,
    action_plan,
    plan,
    read_action_plan,
    write_action_plan,
)
from implementatie.advice.action_plan_files import headings
from implementatie.errors import ImplementatieError
from implementatie.knowledge.action_defaults import PHASES, load_action_defaults

FIELDS = ("actor", "action", "target", "dose", "indicator", "justification", "name")


@pytest.fixture(scope="module")
def chosen(catalog):
    return action_plan(plan(["formal_ratification", "time_available", "knowledge"]))


def test_every_step_has_every_proctor_field(chosen) -> None:
    assert chosen.steps
    for step in chosen.steps:
        for field in FIELDS:
            assert getattr(step, field).strip(), (step.id, field)


def test_steps_are_ordered_by_phase_and_numbered_from_1(chosen) -> None:
    assert [s.order for s in chosen.steps] == list(range(1, len(chosen.steps) + 1))
    phases = [PHASES.index(s.phase) for s in chosen.steps]
    assert phases == sorted(phases)


def test_target_and_justification_follow_the_plan(catalog, chosen) -> None:
    source = plan(["formal_ratification", "time_available", "knowledge"])
    for planned in source.strategies:
        step = chosen.step(planned.id)
        assert step is not None
        for barrier in planned.covers:
            name = catalog.determinant(barrier).name.nl
            assert name in step.target and name in step.justification
        for ref in planned.strategy.eric:
            assert f"ERIC {ref.number}" in step.justification


def test_strategies_given_by_hand_target_the_strongly_linked_barriers(catalog) -> None:
    result = action_plan(["audit_and_feedback"], barriers=["performance_feedback", 1], lang="en")
    [step] = result.steps
    assert "Performance feedback" in step.target
    assert "Procedural clarity" not in step.target  # no strong link to it
    assert step.actor == "quality officer"


def test_team_edits_are_kept_and_their_order_wins(chosen) -> None:
    first, *rest = chosen.steps
    edited_step = first.model_copy(update={"actor": "Fatima (teamleider)", "order": 99})
    edited = chosen.model_copy(update={"steps": (edited_step, *rest)})
    again = action_plan(plan(["formal_ratification", "time_available", "knowledge"]), edits=edited)
    assert again.steps[-1] == edited_step
    assert again.steps[:-1] == tuple(rest)


def test_a_strategy_without_defaults_is_a_clear_error(catalog) -> None:
    defaults = load_action_defaults()
    fewer = defaults.model_copy(update={"defaults": {}})
    with pytest.raises(InvalidOption, match=r"audit_and_feedback.*no action plan defaults"):
        action_plan(["audit_and_feedback"], defaults=fewer)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_written_plan_reads_back_unchanged(tmp_path, suffix, lang) -> None:
    original = action_plan(plan([19, 23]), lang=lang)
    path = tmp_path / f"plan{suffix}"
    write_action_plan(original, path)
    assert read_action_plan(path) == original


def write_rows(path, rows, delimiter=","):
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter=delimiter).writerows(rows)


def plan_rows(chosen):
    path_rows = [headings("nl")]
    from implementatie.advice.action_plan_files import rows

    return path_rows + [[str(c) for c in row] for row in rows(chosen)]


def test_semicolon_csv_and_whole_floats_are_read(tmp_path, chosen) -> None:
    table = plan_rows(chosen)
    table[1][6] = "1.0"
    path = tmp_path / "plan.csv"
    write_rows(path, table, delimiter=";")
    assert read_action_plan(path) == chosen


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (0, "mandate_chang", "column A (id): unknown strategy 'mandate_chang'; did you mean"),
        (2, "", "column C (wie (actor)): is empty"),
        (5, "implemntatie", "column F (fase): 'implemntatie' is not a phase"),
        (6, "0", "column G (volgorde): '0' is not a whole number of 1 or more"),
        (6, "1.5", "column G (volgorde): '1.5' is not a whole number"),
        (8, "succes", "column I (uitkomst): 'succes' is not an outcome"),
    ],
)
def test_typing_errors_name_row_and_column(tmp_path, chosen, column, value, message) -> None:
    table = plan_rows(chosen)
    table[2][column] = value
    path = tmp_path / "plan.csv"
    write_rows(path, table)
    with pytest.raises(ActionPlanError) as raised:
        read_action_plan(path)
    [problem] = raised.value.problems
    assert str(problem).startswith(f"{path}:3: ")
    assert message in str(problem)


def test_phase_and_outcome_accept_either_language(tmp_path, chosen) -> None:
    table = plan_rows(chosen)
    table[1][5] = "Implementation"
    table[1][8] = "fidelity"
    path = tmp_path / "plan.csv"
    write_rows(path, table)
    step = read_action_plan(path).steps[0]
    assert (step.phase, step.outcome) == ("implementatie", "fidelity")


def test_duplicate_strategy_missing_column_and_empty_file(tmp_path, chosen) -> None:
    table = plan_rows(chosen)
    table.append(table[1])
    path = tmp_path / "plan.csv"
    write_rows(path, table)
    with pytest.raises(ActionPlanError, match=r"is already on row 2"):
        read_action_plan(path)
    write_rows(path, [row[:-1] for row in plan_rows(chosen)])
    with pytest.raises(ActionPlanError, match=r"plan.csv:1: no column 'waarom \(onderbouwing\)'"):
        read_action_plan(path)
    write_rows(path, [headings("nl")])
    with pytest.raises(ActionPlanError, match="no strategies"):
        read_action_plan(path)


def test_other_file_kinds_are_refused(tmp_path, chosen) -> None:
    with pytest.raises(ImplementatieError, match=r"\.csv or \.xlsx"):
        write_action_plan(chosen, tmp_path / "plan.ods")
    (tmp_path / "plan.ods").write_text("x", encoding="utf-8")
    with pytest.raises(ImplementatieError, match=r"\.csv or \.xlsx"):
        read_action_plan(tmp_path / "plan.ods")
    with pytest.raises(ImplementatieError, match=r"missing\.xlsx: file not found"):
        read_action_plan(tmp_path / "missing.xlsx")
    with pytest.raises(ImplementatieError, match="this is a folder, not a file"):
        read_action_plan(tmp_path)
    with pytest.raises(ImplementatieError, match="this is a folder, not a file"):
        write_action_plan(chosen, tmp_path)
    with pytest.raises(ImplementatieError, match="the folder to write in does not exist"):
        write_action_plan(chosen, tmp_path / "no" / "plan.xlsx")


def test_excel_error_names_the_sheet(tmp_path, chosen) -> None:
    import openpyxl

    path = tmp_path / "plan.xlsx"
    write_action_plan(chosen, path)
    book = openpyxl.load_workbook(path)
    book.active["F2"] = "later"
    book.save(path)
    with pytest.raises(ActionPlanError, match=r"plan.xlsx \(Actieplan\):2: column F \(fase\)"):
        read_action_plan(path)


def test_notebook_display_shows_every_step(chosen) -> None:
    shown = chosen._repr_html_()
    assert shown.startswith('<div class="implementatie">')
    for step in chosen.steps:
        assert step.id in shown
    assert "Implement Sci 2013;8:139" in shown


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_text_that_looks_like_a_formula_stays_text(tmp_path, chosen, suffix) -> None:
    first, *rest = chosen.steps
    risky = first.model_copy(update={"actor": '=HYPERLINK("x")', "dose": "-1 keer per week"})
    edited = chosen.model_copy(update={"steps": (risky, *rest)})
    path = tmp_path / f"plan{suffix}"
    write_action_plan(edited, path)
    if suffix == ".csv":
        assert "'=HYPERLINK" in path.read_text(encoding="utf-8-sig")
    assert read_action_plan(path) == edited


def test_one_strategy_id_is_one_strategy() -> None:
    [step] = action_plan("audit_and_feedback").steps
    assert step.id == "audit_and_feedback"
