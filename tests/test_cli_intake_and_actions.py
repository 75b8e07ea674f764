"""The `suggest` and `actionplan` commands."""

from __future__ import annotations

import json

import pytest

from implementatie import read_action_plan
from implementatie.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_one_note_as_json(capsys) -> None:
    code, out, _ = run(capsys, "suggest", "Het MT heeft niks besloten", "--format", "json")
    assert code == 0
    data = json.loads(out)
    [note] = data["notes"]
    assert note["text"] == "Het MT heeft niks besloten"
    first = note["suggestions"][0]
    assert set(first) == {"determinant", "score", "matched"}
    assert first["determinant"] == "formal_ratification" and "MT" in first["matched"]


def test_suggest_a_file_of_notes_as_text(tmp_path, capsys) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("we hebben geen tijd\n\nde koffie is op\n", encoding="utf-8")
    code, out, _ = run(capsys, "suggest", "--file", str(notes), "--top", "1")
    assert code == 0
    assert "Beschikbare tijd (time_available)" in out
    assert "Geen duidelijke determinant." in out


def test_suggest_without_a_note_is_an_error(capsys) -> None:
    code, _, err = run(capsys, "suggest")
    assert code == 1 and "--file" in err


def test_actionplan_json_has_the_proctor_fields(capsys) -> None:
    code, out, _ = run(capsys, "actionplan", "19", "23", "--format", "json", "--lang", "en")
    assert code == 0
    data = json.loads(out)
    fields = {"id", "name", "actor", "action", "target", "timing", "dose", "outcome"}
    for step in data["strategies"]:
        assert fields | {"justification"} <= set(step)
        assert all(step[f] for f in fields)
        assert "step" in step["timing"]


def test_actionplan_excel_round_trip_through_the_command(tmp_path, capsys) -> None:
    path = tmp_path / "plan.xlsx"
    assert run(capsys, "actionplan", "19", "23", "--format", "xlsx", "-o", str(path))[0] == 0
    written = read_action_plan(path)
    assert all(s.actor and s.action and s.dose for s in written.steps)
    again = tmp_path / "again.csv"
    code, _, _ = run(
        capsys, "actionplan", "--edited", str(path), "--format", "csv", "-o", str(again)
    )
    assert code == 0
    assert read_action_plan(again) == written


def test_actionplan_excel_needs_an_output_file_and_html_works(capsys) -> None:
    code, _, err = run(capsys, "actionplan", "19", "--format", "xlsx")
    assert code == 1 and "-o FILE.xlsx" in err
    code, out, _ = run(capsys, "actionplan", "19", "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and "Actieplan" in out
    code, _, err = run(capsys, "actionplan")
    assert code == 1 and "--edited" in err
