"""`assess --lang nl` and its error messages: no English words outside proper names, no ids."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from implementatie import Catalog
from implementatie.cli import main
from implementatie.i18n import catalogue_path
from implementatie.knowledge.overlay import SECTIONS
from tests.conftest import CATALOGUES, EXAMPLE

ALLOWED = {
    # proper names, units and codes a Dutch reader expects as they are
    "midi",
    "tno",
    "eric",
    "fleuren",
    "implementatie",
    "json",
    "csv",
    "html",
    "utf",
    "windows",
    "na",
    "n",
    "id",
    "e",
    "a",
    "al",
    "in",
    "is",
    "of",
    "over",
    "team",
    "teams",
    "plan",
    "status",
    "score",
    "determinant",
    "determinanten",
    "cluster",
    "ok",
    "want",
    "respondent",
    "respondenten",
    "feedback",
    "coach",
    "manager",
    "management",
    "barrier",
    "half",  # "een half uur" (the action plan's dose)
    "actor",
    "indicator",  # "hoe zie je het (indicator)" in the action plan
}
"""Words that are Dutch as well as English, or names; "barrier" is the option --barrier-…"""


YAML_KEYS = {w for key in (*SECTIONS, "name", "description") for w in key.split("_")}
"""Keys of a wording overlay, named in its errors as the author types them."""


def words(text: str) -> set[str]:
    """The words of `text`, leaving out commands, options and their choices (typed as is)."""
    text = re.sub(r"implementatie [^\n#]*", " ", text)
    text = re.sub(r"--?[a-z][a-z-]*|\{[a-z,-]+\}|'[a-z-]+'(, '[a-z-]+')+", " ", text)
    return {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text)}


def english_words(catalog: Catalog) -> set[str]:
    """Words of the English texts that never occur in the Dutch ones."""
    english: set[str] = set()
    dutch: set[str] = set()
    for entry in polib.pofile(str(catalogue_path("nl"))):
        english |= words(re.sub(r"\{[^}]*\}", " ", entry.msgid + " " + entry.msgid_plural))
        dutch |= words(entry.msgstr + " ".join(entry.msgstr_plural.values()))
    for d in catalog.determinants:
        texts = [d.name, d.description, *(i.text for i in d.items)]
        english |= set().union(*(words(t.en) for t in texts))
        dutch |= set().union(*(words(t.nl) for t in texts))
    for s in catalog.strategies:
        texts = [s.name, s.description, *(link.rationale for link in s.links)]
        english |= set().union(*(words(t.en) for t in texts))
        dutch |= set().union(*(words(t.nl) for t in texts))
    other = [
        *(r.reason for r in (*catalog.retired_strategies, *catalog.retired_items)),
        *(f.name for f in catalog.response_formats),
        *(o.label for f in catalog.response_formats for o in f.options),
        *(c.name for c in catalog.categories),
    ]
    english |= set().union(*(words(t.en) for t in other))
    dutch |= set().union(*(words(t.nl) for t in other))
    return english - dutch - ALLOWED


def readable(output: str) -> str:
    """What a person reads: no markup, styles, scripts or attribute values."""
    output = re.sub(r"<(style|script)\b.*?</\1>", " ", output, flags=re.DOTALL)
    output = re.sub(r"<!--.*?-->", " ", output, flags=re.DOTALL)
    return re.sub(r"<[^>]*>", " ", output)


def english_in(text: str, catalog: Catalog) -> set[str]:
    return words(readable(text)) & english_words(catalog)


def ids_in(text: str, catalog: Catalog) -> set[str]:
    ids = {d.id for d in catalog.determinants} | {s.id for s in catalog.strategies}
    tokens = set(re.findall(r"[a-z0-9_]+", readable(text)))
    return {i for i in ids if "_" in i and i in tokens}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_english_word_list_finds_english(catalog: Catalog) -> None:
    """Guard the guard: English output is caught, Dutch output is not."""
    assert {"barriers", "strategies"} <= english_in("Barriers and strategies", catalog)
    assert not english_in("Belemmeringen en strategieën", catalog)
    assert ids_in("Helpt ook bij: time_available", catalog) == {"time_available"}
    # the catalogue's own texts in messages: answer options, scale names, why an id went
    assert {"totally", "disagree"} <= english_in(
        "1 (Helemaal mee oneens / Totally disagree)", catalog
    )
    assert {"agreement", "scale"} <= english_in("'Five-point agreement scale'", catalog)
    assert {"overlapped", "reminders"} <= english_in("Overlapped with reminders", catalog)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_assess_in_dutch_has_no_english_and_no_ids(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run(capsys, "assess", str(EXAMPLE), "--by", "team", "--format", fmt)
    assert (code, err) == (0, "")
    assert english_in(out, catalog) == set()
    assert ids_in(out, catalog) == set()


def test_compare_in_dutch_has_no_english(catalog: Catalog, capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "compare", str(EXAMPLE), str(EXAMPLE))
    assert code == 0 and english_in(out, catalog) == set()


@pytest.mark.parametrize(
    "argv",
    [
        ["assess", "ontbreekt.csv"],
        ["assess", "."],
        ["assess", "BAD"],
        ["assess", "EXAMPLE", "--by", "postcode"],
        ["assess", "EXAMPLE", "--min-group-size", "0"],
        ["assess", "EXAMPLE", "--top", "0"],
        ["assess", "EXAMPLE", "--barrier-threshold", "2"],
        ["assess", "EXAMPLE", "--top", "veel"],
        ["assess", "EXAMPLE", "--format", "pdf"],
        ["assess", "EXAMPLE", "-o", "geen/map/rapport.txt"],
        ["assess"],
        ["assess", "EXAMPLE", "--mapping", "ontbreekt.yaml"],
        ["recommend", "kenis"],
        ["show", "onbekend ding"],
        ["example", "teem"],
        ["validate", "geen-map/"],
        ["validate", "LEEG"],
        ["assess", "CODE7"],
        ["assess", "LEEG"],
        ["assess", "Q13"],
        ["assess", "DUBBEL"],
        ["assess", "EXAMPLE", "--mapping", "CODE7"],
        ["assess", "EXAMPLE", "--exclude", "living_work_card"],
        ["recommend", "19", "--plan", "--in-use", "buddy_for_new_colleagues"],
        ["assess", "EXAMPLE", "--overlay", "ontbreekt.yaml"],
        ["assess", "EXAMPLE", "--overlay", "LEEG"],
        ["assess", "EXAMPLE", "--overlay", "OVERLAY"],
        ["suggest", "--file", "ontbreekt.txt"],
        ["suggest", "--file", "LATIN1"],
        ["actionplan", "--edited", "ontbreekt.xlsx"],
        ["actionplan", "--edited", "LEEG"],
        ["actionplan", "--edited", "CODE7"],
        ["actionplan", "19", "--format", "xlsx", "-o", "LEEG"],
        ["review", "import", "ontbreekt.xlsx", "LEEG", "CODE7"],
        ["review", "export", "-o", "geen/map/review.xlsx"],
        ["graph", "-o", "LEEG"],
        ["questionnaire", "-o", "geen/map/vragen.json"],
        ["template", "wide", "-o", "LEEG"],
        ["example", "team", "-o", "LEEG"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_errors_in_dutch_have_no_english(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch, argv
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "BAD").write_text(
        "respondent,q01,q23,wijk\nr1,4,7,a\nr2,kinda,3,a\nr2,3,3\n", encoding="utf-8"
    )
    (tmp_path / "LEEG").mkdir()  # an empty folder
    (tmp_path / "CODE7.csv").write_text("respondent,q01\nr1,7\n", encoding="utf-8")
    (tmp_path / "Q13.csv").write_text("respondent,q01,q13\nr1,4,4\n", encoding="utf-8")
    (tmp_path / "DUBBEL.csv").write_text("respondent,q01,q01\nr1,4,4\n", encoding="utf-8")
    (tmp_path / "LATIN1.txt").write_bytes(b"caf\xe9\n")
    (tmp_path / "OVERLAY.yaml").write_text(
        "itmes: {}\nitems: {q99: {nl: x}, q01: {nl: ''}, q02: x, q03: {fr: x}}\n",
        encoding="utf-8",
    )
    files = {"EXAMPLE": str(EXAMPLE), "CODE7": "CODE7.csv", "Q13": "Q13.csv"}
    files |= {"DUBBEL": "DUBBEL.csv", "LATIN1": "LATIN1.txt", "OVERLAY": "OVERLAY.yaml"}
    argv = [files.get(a, a) for a in argv]
    try:
        code, out, err = run(capsys, *argv, "--lang", "nl")
    except SystemExit as exit_:  # argparse stops on a usage error
        code, (out, err) = int(exit_.code or 0), capsys.readouterr()
    assert code != 0
    usage = re.compile(r"^(gebruik: |\s{8,})")  # the usage lines before a usage error
    message = "\n".join(line for line in (err or out).splitlines() if not usage.match(line))
    assert message.strip() and "Traceback" not in message
    typed = {w for arg in argv for w in words(arg)} | YAML_KEYS  # written as they are
    assert english_in(message, catalog) - typed == set(), message
    assert ids_in(message, catalog) <= set(argv), message  # only the ids the person typed


def help_words(parser: object) -> set[str]:
    """Words a person types as they are: command names and the choices of options."""
    import argparse

    typed: set[str] = set()
    for action in getattr(parser, "_actions", []):
        if isinstance(action, argparse._SubParsersAction):
            typed |= set(action.choices)
            for sub in action.choices.values():
                typed |= help_words(sub)
        elif action.choices:
            typed |= {str(choice) for choice in action.choices}
    return {word for text in typed for word in words(text)}


@pytest.mark.parametrize(
    "command",
    [
        [],
        *([name] for name in ("determinants", "show", "strategies", "recommend", "assess")),
        *([name] for name in ("compare", "suggest", "actionplan", "template", "questionnaire")),
        *([name] for name in ("example", "review", "serve", "graph", "validate")),
    ],
    ids=lambda command: " ".join(command) or "implementatie",
)
def test_help_in_dutch_has_no_english(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    from implementatie.cli import build_parser

    with pytest.raises(SystemExit):
        main([*command, "--help", "--lang", "nl"])
    out = capsys.readouterr().out
    assert "gebruik:" in out
    assert english_in(out, catalog) - help_words(build_parser("nl")) == set(), out


@pytest.mark.parametrize(
    "broken",
    sorted(p.name for p in (CATALOGUES / "bad").glob("*.yaml")),
)
def test_catalogue_problems_in_dutch(catalog: Catalog, capsys, broken: str) -> None:
    code, out, _ = run(capsys, "validate", str(CATALOGUES / "bad" / broken), "--lang", "nl")
    assert_dutch_problems(catalog, code, out)


YAML_MISTAKES = {
    "unclosed list": "a: [1, 2\nb: 3\n",
    "unclosed braces": "a: {x: 1\nb: 2\n",
    "indented key": "a: 1\n b: 2\n",
    "unclosed quote": "a: 'x\n",
    "list item indented wrongly": "a:\n  - 1\n  b: 2\n",
    "unknown alias": "a: *x\n",
    "reserved character": "a: @x\n",
    "unknown escape": 'a: "\\q"\n',
    "list after keys": "a: 1\n- b\n",
    "empty anchor": "a: &\n",
    "key without colon": "a: 1\nb\n",
    "unknown directive": "%FOO\n---\na: 1\n",
    "tab indentation": "\ta: 1\n",
}


@pytest.mark.parametrize("text", YAML_MISTAKES.values(), ids=YAML_MISTAKES.keys())
def test_yaml_syntax_errors_in_dutch(
    catalog: Catalog, capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str
) -> None:
    """PyYAML's (libyaml's) own description of the mistake is translated too."""
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(broken), "--lang", "nl")
    assert "YAML-bestand" in out
    assert_dutch_problems(catalog, code, out)


def assert_dutch_problems(catalog: Catalog, code: int, out: str) -> None:
    assert code == 1 and "in de catalogus" in out
    lines = [line.split(": ", 2)[-1] for line in out.splitlines()[1:]]  # after file and field
    # what the author wrote ('quoted'), YAML keys in `backticks` and paths are as they are
    # and so are lists of the keys and ids allowed
    typed = r"'[^']*'|`[^`]*`|\S*/\S*|\((toegestaan|wel bekend): [^)]*\)"
    text = re.sub(typed, " ", "\n".join(lines))
    assert english_in(text, catalog) == set(), out
