"""The command line, called in-process (and once as the installed console script)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sysconfig

import pytest

from implementatie import load_catalog
from implementatie.cli import main
from tests.conftest import CATALOGUES
from tests.conftest import EXAMPLE as EXAMPLE_PATH


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
    code, out, err = run(capsys, "show", "kenis", "--lang", "en")
    assert code == 1 and out == ""
    assert "unknown determinant or strategy 'kenis'" in err
    assert "knowledge" in err
    code, out, err = run(capsys, "show", "kenis")
    assert err.startswith("fout: onbekende determinant of strategie 'kenis'; bedoel je:")


def test_validate_bundled_and_minimal(capsys) -> None:
    code, out, _ = run(capsys, "validate", "--lang", "en")
    assert code == 0 and out.startswith("valid: 29 determinants")
    code, out, _ = run(capsys, "validate", str(CATALOGUES / "minimal.yaml"))
    assert code == 0 and out.startswith("in orde: 2 determinanten, 2 strategieën")


def test_validate_broken_lists_every_problem_with_file_and_line(capsys) -> None:
    path = CATALOGUES / "bad" / "many_problems.yaml"
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    lines = [line.strip() for line in out.splitlines()[1:]]
    assert len(lines) == 4
    for line, number in zip(lines, [20, 27, 44, 68], strict=True):
        assert line.startswith(f"{path}:{number}:")


def test_validate_several_files(capsys) -> None:
    code, out, _ = run(
        capsys,
        "validate",
        str(CATALOGUES / "bad" / "unknown_link.yaml"),
        str(CATALOGUES / "bad" / "weight_out_of_range.yaml"),
    )
    assert code == 1
    assert "unknown_link.yaml:62" in out and "weight_out_of_range.yaml:68" in out


def test_own_catalogue_option(capsys) -> None:
    code, out, _ = run(
        capsys, "determinants", "--catalog", str(CATALOGUES / "minimal.yaml"), "--format", "json"
    )
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ["time_available", "coordinator"]


EXAMPLE = str(EXAMPLE_PATH)


def test_strategies_for_a_determinant_top_three_first(capsys) -> None:
    code, out, _ = run(capsys, "strategies", "--determinant", "kennis", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert len(data) >= 6
    tops = [
        next(link["top"] for link in s["links"] if link["determinant"] == "knowledge")
        for s in data[:3]
    ]
    assert tops == [1, 2, 3]
    for strategy in data:
        assert {"id", "name", "description", "eric", "links"} <= set(strategy)
        assert all(isinstance(n, int) for n in strategy["eric"])
        link = next(link for link in strategy["links"] if link["determinant"] == "knowledge")
        assert {"determinant", "weight", "rationale", "basis"} <= set(link)


def test_strategies_json_lists_at_least_100(capsys) -> None:
    code, out, _ = run(capsys, "strategies", "--format", "json")
    assert code == 0 and len(json.loads(out)) >= 100


def test_recommend_json_contract_with_plan(capsys) -> None:
    code, out, _ = run(
        capsys, "recommend", "formal_ratification", "time_available", "--plan", "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert [b["determinant"] for b in data["barriers"]] == ["formal_ratification", "time_available"]
    for barrier in data["barriers"]:
        assert [s["rank"] for s in barrier["strategies"]] == [1, 2, 3]
        for s in barrier["strategies"]:
            assert {"id", "rank", "score", "weight", "name", "rationale", "also_addresses"} <= set(
                s
            )
    assert set(data["plan"]) >= {"strategies", "coverage", "uncovered"}
    assert data["plan"]["uncovered"] == []
    assert all(data["plan"]["coverage"][b] for b in ("formal_ratification", "time_available"))


def test_recommend_without_plan_has_no_plan(capsys) -> None:
    _, out, _ = run(capsys, "recommend", "19", "--format", "json", "--top", "2")
    data = json.loads(out)
    assert "plan" not in data and len(data["barriers"][0]["strategies"]) == 2


def test_in_use_without_a_plan_is_an_error_not_ignored(capsys) -> None:
    code, out, err = run(capsys, "recommend", "19", "--in-use", "visible_support_from_management")
    assert code != 0 and not out and "--in-use" in err and "--plan" in err
    code, out, _ = run(
        capsys, "recommend", "19", "--plan", "--format", "json", "--in-use", "train_the_trainer"
    )
    assert code == 0 and "plan" in json.loads(out)


def test_assess_example_json(capsys) -> None:
    code, out, _ = run(capsys, "assess", EXAMPLE, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["respondents"] == 20
    assert len(data["determinants"]) == 29
    for entry in data["determinants"]:
        assert {"id", "n", "negative", "neutral", "positive", "status"} <= set(entry)
    barrier_ids = [d["id"] for d in data["determinants"] if d["status"] == "barrier"]
    assert sorted(b["determinant"] for b in data["barriers"]) == sorted(barrier_ids)
    severities = [b["severity"] for b in data["barriers"]]
    assert severities == sorted(severities, reverse=True)
    assert all(len(b["strategies"]) == 3 for b in data["barriers"])
    assert data["plan"]["uncovered"] == []
    assert len(data["plan"]["strategies"]) < len(data["barriers"])


def test_assess_by_role_hides_small_groups_everywhere(capsys) -> None:
    code, out, _ = run(capsys, "assess", EXAMPLE, "--by", "role", "--format", "json")
    assert code == 0
    subgroups = json.loads(out)["subgroups"]
    # 3 assistants and 2 team leads: hidden, not even named. The 9 nurses are 8 in Noord and
    # 1 in Zuid, so nurses vs team Noord would single out one nurse: the roles all go, while
    # the teams (11 and 9) can be shown. The rule spans attributes, so both views agree.
    assert subgroups["groups_hidden"] is True
    assert subgroups["groups"] == []
    _, out, _ = run(capsys, "assess", EXAMPLE, "--by", "team", "--format", "json")
    teams = json.loads(out)["subgroups"]
    assert [(g["name"], g["respondents"]) for g in teams["groups"]] == [("Noord", 11), ("Zuid", 9)]
    assert teams["groups_hidden"] is False
    for format_ in ("text", "markdown", "html"):
        _, shown, _ = run(capsys, "assess", EXAMPLE, "--by", "role", "--format", format_)
        shown = without_action_plan(shown, capsys)
        assert "doktersassistent" not in shown and "teamleider" not in shown


def without_action_plan(page: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The page without its action plan section, after checking that the section is the same
    as in the report without subgroups: it is catalogue text (roles such as "teamleider" that
    carry out a strategy), not anything about a group of respondents."""
    found = re.search(r'<section id="action-plan">.*?</section>', page, re.S)
    if found is None:
        return page
    _, plain, _ = run(capsys, "assess", EXAMPLE, "--format", "html")
    assert found.group() in plain
    return page.replace(found.group(), "")


def test_assess_html_report_has_the_chart(tmp_path, capsys) -> None:
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "assess", EXAMPLE, "--format", "html", "-o", str(target))
    assert code == 0 and out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "Belemmering" in page


def test_compare_same_file_changes_nothing(capsys) -> None:
    code, out, _ = run(capsys, "compare", EXAMPLE, EXAMPLE, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["resolved"] == [] and data["new"] == []
    assert {d["change"] for d in data["determinants"]} <= {"persisting", "unchanged"}


def test_template_and_questionnaire(tmp_path, capsys) -> None:
    target = tmp_path / "answers.csv"
    assert run(capsys, "template", "wide", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").splitlines()[-1].startswith("respondent,role,team")
    code, out, _ = run(capsys, "template", "mapping-qualtrics")
    assert code == 0 and "tool: qualtrics" in out
    code, out, _ = run(capsys, "questionnaire", "--lang", "en")
    assert (
        code == 0
        and json.loads(out)["title"]
        == "MIDI-based questionnaire (own wording): the introduction of the innovation"
    )
    code, out, _ = run(capsys, "questionnaire", "--as", "surveyjs")
    assert code == 0 and json.loads(out)["pages"][0]["name"] == "about"


def test_bad_answers_file_is_a_clear_error(tmp_path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("respondent,q01,q23\nr1,4,7\nr2,kinda,3\n", encoding="utf-8")
    code, out, err = run(capsys, "assess", str(bad), "--lang", "en")
    assert code == 1 and out == ""
    assert "bad.csv:2" in err and "respondent r1, item q23" in err
    assert "bad.csv:3" in err and "respondent r2, item q01" in err
    code, out, err = run(capsys, "assess", str(bad))
    assert err.startswith("fout: 2 problemen in de antwoorden:")
    assert "bad.csv:2: respondent r1, vraag q23:" in err


def test_graph_export(tmp_path, capsys) -> None:
    target = tmp_path / "g.graphml"
    assert run(capsys, "graph", "-o", str(target))[0] == 0
    assert "<graphml" in target.read_text(encoding="utf-8")
    code, out, _ = run(capsys, "graph", "--format", "json")
    assert code == 0 and "links" in json.loads(out)


def test_example_lists_and_writes_the_bundled_examples(tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "example")
    assert code == 0 and out.startswith("team ") and "eerste meting" in out
    code, out, _ = run(capsys, "example", "team")
    assert (code, out) == (0, "geschreven: team.csv\n")
    assert (tmp_path / "team.csv").read_bytes() == EXAMPLE_PATH.read_bytes()
    code, _, err = run(capsys, "example", "team")
    assert code == 1 and err == "fout: team.csv bestaat al; kies een ander bestand met -o\n"
    code, _, _ = run(capsys, "example", "team", "-o", "copy.csv")
    assert code == 0 and (tmp_path / "copy.csv").read_bytes() == EXAMPLE_PATH.read_bytes()


def test_example_unknown_or_unwritable(tmp_path, capsys) -> None:
    code, _, err = run(capsys, "example", "teem", "--lang", "en")
    assert code == 1 and err.startswith("error: no example called 'teem'; the examples are: team")
    code, _, err = run(capsys, "example", "team", "-o", str(tmp_path / "no" / "x.csv"))
    assert code == 1 and err.endswith("niet schrijven: de map om in te schrijven bestaat niet\n")


def test_a_typist_fills_the_dutch_template_from_paper_forms(tmp_path, capsys) -> None:
    """Printed form → template with the question texts → answers typed in → Dutch report."""
    answers = tmp_path / "antwoorden.csv"
    code, _, _ = run(capsys, "template", "wide", "--lang", "nl", "-o", str(answers))
    text = answers.read_text(encoding="utf-8")
    assert code == 0
    items = [item for d in load_catalog().determinants for item in d.items]
    number, item = next((n, i) for n, i in enumerate(items, start=1) if i.id == "q17")
    assert f"# {number}. q17: {item.text.nl}" in text
    assert "Een antwoord is het nummer van het hokje dat is aangekruist" in text
    comments = " ".join(line for line in text.splitlines() if line.startswith("#"))
    assert ";" not in comments and '"' not in comments  # a spreadsheet would quote those
    for english in ("answer ", "Answers", "format:", "optional", "Totally", "question"):
        assert english not in comments
    header = text.splitlines()[-1].split(",")
    rows = [",".join([f"{n}", "", "Noord", "", *(["2"] * (len(header) - 4))]) for n in range(1, 7)]
    answers.write_text(text + "\n".join(rows) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "assess", str(answers))
    assert (code, err) == (0, "")
    assert out.startswith("Profiel van de determinanten") and "6 respondenten" in out


def test_recommend_formal_ratification_has_the_role_model_in_its_top_three(capsys) -> None:
    code, out, _ = run(capsys, "recommend", "formal_ratification", "--format", "json")
    assert code == 0
    [barrier] = json.loads(out)["barriers"]
    top = [s["id"] for s in barrier["strategies"]]
    assert "leaders_lead_by_example" in top and len(top) == 3
    role_model = next(s for s in barrier["strategies"] if s["id"] == "leaders_lead_by_example")
    assert role_model["basis"] == "tno_tool_example" and "TNO" in role_model["source"]
    assert all(s["basis"] for s in barrier["strategies"])


def test_recommend_text_shows_the_basis_of_each_link(capsys) -> None:
    argv = ["recommend", "formal_ratification", "--lang", "en", "--format", "markdown"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    assert "Basis" in out and "TNO Implementatietool example" in out


def test_eric_option_adds_the_plan_in_eric_terms(capsys) -> None:
    code, out, _ = run(capsys, "recommend", "19", "25", "--eric", "--format", "json")
    assert code == 0
    data = json.loads(out)
    planned = {p["id"] for p in data["plan"]["strategies"]}
    assert {row["strategy"] for row in data["eric"]} == planned
    assert {row["relation"] for row in data["eric"]} <= {"is", "adapts", "method", "none"}
    code, text, _ = run(capsys, "recommend", "19", "25", "--eric", "--lang", "en")
    assert "The plan in ERIC terms" in text


@pytest.mark.parametrize(
    "command", [["show", "living_work_card"], ["recommend", "19", "--exclude", "living_work_card"]]
)
def test_a_removed_strategy_id_names_its_replacement(capsys, command: list[str]) -> None:
    code, out, err = run(capsys, *command, "--lang", "en")
    assert code == 1 and out == ""
    assert "'living_work_card' was removed" in err
    assert "use instead: develop_educational_materials, distribute_educational_materials" in err
    code, out, err = run(capsys, *command)
    assert "'living_work_card' is verwijderd in editie" in err
    # in Dutch: the replacements by their Dutch names, and the reason in Dutch
    assert "daarvan: 'Handleiding en werkmateriaal maken', 'Materiaal op de werkplek" in err
    assert "Waarom: Dit was hetzelfde stappenplan" in err
    assert "develop_educational_materials" not in err and "Same one-page" not in err


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_text_output_fits_a_100_column_window(capsys, lang: str) -> None:
    code, out, _ = run(capsys, "assess", EXAMPLE, "--by", "team", "--lang", lang)
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 100
    code, out, _ = run(capsys, "show", "19", "--lang", lang)
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 100


def test_questionnaire_with_the_innovation_named(capsys) -> None:
    code, out, _ = run(capsys, "questionnaire", "--as", "surveyjs", "--innovation", "Triple P")
    assert code == 0
    survey = json.loads(out)
    assert survey["title"] == (
        "Vragenlijst gebaseerd op de MIDI (eigen formulering): de invoering van Triple P"
    )
    assert "de innovatie" not in out


def test_template_kinds_match_the_exports() -> None:
    from implementatie import cli
    from implementatie.survey.exports import TEMPLATE_KINDS

    assert cli.TEMPLATE_KINDS == TEMPLATE_KINDS


def test_recommend_as_json_loads_no_presentation() -> None:
    """With a warm cache, nor YAML parsing or message compiling either; and no `shutil`, which
    argparse imports to find the terminal's width."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from implementatie.cli import main\n"
        "main(['recommend', '19', '--format', 'json'])\n"
        "heavy = ('implementatie.report', 'implementatie.survey.exports', 'jinja2', 'networkx',"
        " 'polib', 'yaml', 'implementatie.web', 'shutil')\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        for _ in range(2)  # the first may fill the cache (parsing YAML, compiling messages)
    ]
    assert '"barriers"' in runs[1].stdout
    assert runs[1].stdout == runs[0].stdout
    assert runs[1].stderr.strip() == "[]"


@pytest.mark.parametrize("columns", [None, "123", "0", "-5", "wide"])
def test_help_is_as_wide_as_shutil_would_make_it(monkeypatch, columns) -> None:
    import shutil

    from implementatie.cli import _terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    _terminal_columns.cache_clear()
    try:
        assert _terminal_columns() == shutil.get_terminal_size().columns
    finally:
        _terminal_columns.cache_clear()
