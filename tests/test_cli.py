"""The command line, called in-process (and once as the installed console script)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sysconfig

import pytest

from implementatie.cli import main

from .conftest import CATALOGUES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_console_script_help_explains_commands() -> None:
    exe = shutil.which("implementatie", path=sysconfig.get_path("scripts"))
    assert exe, "the console script is installed with the package"
    result = subprocess.run([exe, "--help"], capture_output=True, text=True, check=True)
    for command in ("determinants", "show", "strategies", "recommend", "validate"):
        assert command in result.stdout


def test_determinants_json_lists_29_with_contract_fields(capsys) -> None:
    code, out, _ = run(capsys, "determinants", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data) == 29
    first = data[0]
    assert {"id", "number", "category", "name", "description", "items"} <= set(first)
    assert set(first["name"]) == {"nl", "en"} and set(first["description"]) == {"nl", "en"}
    assert first["items"][0]["id"] == "q01"


def test_determinants_by_category_in_english(capsys) -> None:
    code, out, _ = run(capsys, "determinants", "--category", "organisatie", "--lang", "en")
    assert code == 0
    assert "Formal ratification by management" in out
    assert "Procedural clarity" not in out
    assert len([line for line in out.splitlines() if line[:2].strip().isdigit()]) == 10


def test_show_by_number_and_by_name_is_the_same(capsys) -> None:
    _, by_number, _ = run(capsys, "show", "19", "--format", "json")
    _, by_name, _ = run(
        capsys, "show", "Formele bekrachtiging door het management", "--format", "json"
    )
    _, by_part, _ = run(capsys, "show", "formele bekrachtiging", "--format", "json")
    assert json.loads(by_number) == json.loads(by_name) == json.loads(by_part)
    assert json.loads(by_number)["number"] == 19


def test_show_text_names_items_and_strategies(capsys) -> None:
    code, out, _ = run(capsys, "show", "19")
    assert code == 0
    assert "Formele bekrachtiging door het management" in out
    assert "q19" in out and "Ja, nee of weet ik niet" in out


def test_unknown_determinant_is_a_clear_error(capsys) -> None:
    code, out, err = run(capsys, "show", "kenis")
    assert code == 1 and out == ""
    assert "unknown determinant or strategy 'kenis'" in err
    assert "knowledge" in err


def test_validate_bundled_and_minimal(capsys) -> None:
    code, out, _ = run(capsys, "validate")
    assert code == 0 and out.startswith("valid: 29 determinants")
    code, out, _ = run(capsys, "validate", str(CATALOGUES / "minimal.yaml"))
    assert code == 0 and "2 determinants, 2 strategies" in out


def test_validate_broken_lists_every_problem_with_file_and_line(capsys) -> None:
    path = CATALOGUES / "bad" / "many_problems.yaml"
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    lines = [line.strip() for line in out.splitlines()[1:]]
    assert len(lines) == 4
    for line, number in zip(lines, [20, 27, 44, 66], strict=True):
        assert line.startswith(f"{path}:{number}:")


def test_validate_several_files(capsys) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        str(CATALOGUES / "bad" / "unknown_link.yaml"),
        str(CATALOGUES / "bad" / "weight_out_of_range.yaml"),
    )
    assert code == 1
    assert "unknown_link.yaml:61" in out and "weight_out_of_range.yaml:66" in out


def test_own_catalogue_option(capsys) -> None:
    code, out, _ = run(
        capsys, "determinants", "--catalog", str(CATALOGUES / "minimal.yaml"), "--format", "json"
    )
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ["time_available", "coordinator"]
