"""A wording overlay replaces texts per language, never ids, scores or links; bad files are
reported at once, each problem with file, line and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from implementatie import Catalog, CatalogError, assess, load_catalog, recommend
from implementatie.cli import main
from implementatie.survey.importers import read_responses
from tests.conftest import CATALOGUES, EXAMPLE

OVERLAY = """\
about: placeholder wording for the tests, not TNO's
questionnaire:
  title: {nl: "Testvragenlijst met eigen teksten", en: "Test questionnaire, own texts"}
items:
  q01: {nl: "PLAATSHOUDER-één: de stappen zijn mij duidelijk."}
  q19:
    nl: "PLAATSHOUDER-negentien: het management heeft besloten."
    en: "PLACEHOLDER-nineteen: management has decided."
determinants:
  procedural_clarity: {name: {nl: "Heldere stappen (test)"}, description: {en: "Own words."}}
categories:
  innovatie: {name: {en: "About the innovation (test)"}}
response_formats:
  agreement:
    name: {nl: "Oneens tot eens (test)"}
    options: {1: {nl: "Totaal oneens (test)"}, 5: {en: "Fully agree (test)"}}
"""


def write(tmp_path: Path, text: str, name: str = "overlay.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def overlaid(tmp_path: Path) -> Catalog:
    return load_catalog(overlay=write(tmp_path, OVERLAY))


def test_texts_are_replaced_per_language(catalog: Catalog, overlaid: Catalog) -> None:
    q01 = overlaid.item("q01")[1].text
    assert q01.nl == "PLAATSHOUDER-één: de stappen zijn mij duidelijk."
    assert q01.en == catalog.item("q01")[1].text.en  # only Dutch given: English kept
    q19 = overlaid.item("q19")[1].text
    assert (q19.nl, q19.en) == (
        "PLAATSHOUDER-negentien: het management heeft besloten.",
        "PLACEHOLDER-nineteen: management has decided.",
    )
    clarity, old = (
        overlaid.determinant("procedural_clarity"),
        catalog.determinant("procedural_clarity"),
    )
    assert (clarity.name.nl, clarity.name.en) == ("Heldere stappen (test)", old.name.en)
    assert (clarity.description.nl, clarity.description.en) == (old.description.nl, "Own words.")
    assert overlaid.category("innovatie").name.en == "About the innovation (test)"
    scale = overlaid.response_format("agreement")
    assert scale.name.nl == "Oneens tot eens (test)"
    labels = [(o.label.nl, o.label.en) for o in scale.options]
    old_labels = [(o.label.nl, o.label.en) for o in catalog.response_format("agreement").options]
    assert labels[0] == ("Totaal oneens (test)", old_labels[0][1])
    assert labels[4] == (old_labels[4][0], "Fully agree (test)")
    assert labels[1:4] == old_labels[1:4]
    assert overlaid.questionnaire.title.nl == "Testvragenlijst met eigen teksten"
    assert overlaid.questionnaire.introduction == catalog.questionnaire.introduction
    assert overlaid.sources[-1].endswith("overlay.yaml")
    assert catalog.item("q01")[1].text.nl != q01.nl  # the bundled catalogue is untouched


def test_ids_scores_and_links_stay_the_same(catalog: Catalog, overlaid: Catalog) -> None:
    assert overlaid.item_ids == catalog.item_ids
    assert [(d.id, d.number, d.category) for d in overlaid.determinants] == [
        (d.id, d.number, d.category) for d in catalog.determinants
    ]
    for new, old in zip(overlaid.response_formats, catalog.response_formats, strict=True):
        assert [(o.code, o.score, o.dont_know) for o in new.options] == [
            (o.code, o.score, o.dont_know) for o in old.options
        ]
    assert overlaid.strategies == catalog.strategies
    before = assess(read_responses(EXAMPLE, catalog=catalog), catalog=catalog)
    after = assess(read_responses(EXAMPLE, catalog=overlaid), catalog=overlaid)
    assert before.to_dict() == after.to_dict()
    ids = [b.determinant.id for b in before.barriers]
    ranked = recommend(ids, catalog=overlaid).to_dict("en")
    assert ranked == recommend(ids, catalog=catalog).to_dict("en")


def test_an_overlay_works_on_an_own_catalogue(tmp_path: Path) -> None:
    own = load_catalog(CATALOGUES / "minimal.yaml")
    item = own.item_ids[0]
    path = write(tmp_path, f"items:\n  {item}: {{en: Own English text}}\n")
    overlaid = load_catalog(CATALOGUES / "minimal.yaml", overlay=path)
    assert overlaid.item(item)[1].text.en == "Own English text"


BAD = """\
itmes: {}
items:
  q99: {nl: x}
  q13: {nl: x}
  q01: {nl: ""}
  q02: {nl: "   "}
  q03: "plain text"
  q04: {}
  q05: {fr: x}
  q06: {nl: 5}
  q07: {nl: "a\\u001bb"}
determinants:
  procedural_clarity: {nam: {nl: x}}
  procedural_clarty: {name: {nl: x}}
  knowledge: "x"
response_formats:
  agreement: {options: {6: {nl: x}, 0: {nl: y}}}
  agreemnt: {name: {nl: x}}
"""


def test_every_problem_is_named_with_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path, BAD)
    with pytest.raises(CatalogError) as caught:
        load_catalog(overlay=path)
    found = {(p.line, p.field): p.message for p in caught.value.problems}
    assert all(p.file == str(path) for p in caught.value.problems)
    assert found == {
        (1, "itmes"): "unknown section 'itmes' (allowed: questionnaire, items, determinants, "
        "categories, response_formats); did you mean 'items'?",
        (3, "items.q99"): "there is no question 'q99' in the catalogue; did you mean 'q29'?",
        (4, "items.q13"): found[(4, "items.q13")],
        (5, "items.q01.nl"): "the text is empty",
        (6, "items.q02.nl"): "the text is empty",
        (7, "items.q03"): "expected a Dutch text (nl), an English text (en) or both, as `nl: ...`",
        (8, "items.q04"): "expected a Dutch text (nl), an English text (en) or both, as `nl: ...`",
        (9, "items.q05.fr"): "unknown language 'fr' (allowed: en, nl)",
        (10, "items.q06.nl"): "expected text, got 5; put the text in quotes",
        (11, "items.q07.nl"): "contains the control character '\\x1b'; remove it",
        (13, "determinants.procedural_clarity.nam"): "unknown key 'nam' (allowed: name, "
        "description); did you mean 'name'?",
        (14, "determinants.procedural_clarty"): "there is no determinant 'procedural_clarty' in "
        "the catalogue; did you mean 'procedural_clarity'?",
        (15, "determinants.knowledge"): "expected name or description here",
        (17, "response_formats.agreement.options[6]"): "answer scale 'agreement' has no answer "
        "code 6 (codes: 1, 2, 3, 4, 5)",
        (17, "response_formats.agreement.options[0]"): "answer scale 'agreement' has no answer "
        "code 0 (codes: 1, 2, 3, 4, 5)",
        (18, "response_formats.agreemnt"): "there is no answer scale 'agreemnt' in the "
        "catalogue; did you mean 'agreement'?",
    }
    assert found[(4, "items.q13")].startswith("item 'q13' was removed in edition 2")
    assert "use instead: q13a, q13b" in found[(4, "items.q13")]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("about: only a note\n", "the file replaces no texts; add a section such as `items:`"),
        ("- q01\n", "expected sections such as `items:`"),
        ("items: [q01]\n", "`items` must list ids with their texts"),
        ("response_formats: {agreement: {options: [x]}}\n", "`options` must list answer codes"),
        ("", "the file is empty"),
        ("items: {q01: {nl: x}\n", "YAML syntax error"),
        ("items:\n  q01: {nl: a}\n  q01: {nl: b}\n", "key 'q01' appears twice"),
    ],
)
def test_a_file_of_the_wrong_shape(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(overlay=write(tmp_path, text))
    assert any(message in p.message for p in caught.value.problems), caught.value


def test_the_smallest_overlay_is_one_text_in_one_language(tmp_path: Path) -> None:
    overlaid = load_catalog(overlay=write(tmp_path, "items: {q23: {en: x}}\n"))
    assert overlaid.item("q23")[1].text.en == "x"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.yaml", "file not found"),
        (lambda tmp: tmp, "this is a folder, not a file"),
        (lambda tmp: tmp / "no" / "overlay.yaml", "file not found"),
    ],
)
def test_a_file_that_cannot_be_read(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog(overlay=make(tmp_path))
    [problem] = caught.value.problems
    assert problem.message == message


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"items: {q01: {nl: caf\xe9}}\n")
    with pytest.raises(CatalogError, match="cannot read this file as UTF-8 text"):
        load_catalog(overlay=path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_overlay_reaches_questionnaire_templates_and_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write(tmp_path, OVERLAY))
    code, out, _ = run(capsys, "questionnaire", "--format", "html", "--overlay", path)
    assert code == 0 and "PLAATSHOUDER-één" in out and "Totaal oneens (test)" in out
    assert "Testvragenlijst met eigen teksten" in out
    code, out, _ = run(capsys, "questionnaire", "--as", "surveyjs", "--overlay", path)
    assert code == 0 and "PLAATSHOUDER-negentien" in json.dumps(json.loads(out), ensure_ascii=False)
    code, out, _ = run(capsys, "template", "wide", "--lang", "en", "--overlay", path)
    assert code == 0 and "PLACEHOLDER-nineteen: management has decided." in out
    code, out, _ = run(capsys, "assess", str(EXAMPLE), "--format", "html", "--overlay", path)
    assert code == 0 and "Heldere stappen (test)" in out
    code, out, _ = run(capsys, "show", "procedural_clarity", "--overlay", path)
    assert code == 0 and "Heldere stappen (test)" in out and "PLAATSHOUDER-één" in out
    code, out, _ = run(capsys, "validate", "--overlay", path)
    assert code == 0 and path in out


def test_a_bad_overlay_is_one_error_in_dutch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(write(tmp_path, "items:\n  q99: {nl: x}\n  q01: {nl: ''}\n"))
    code, out, err = run(capsys, "assess", str(EXAMPLE), "--overlay", path)
    assert (code, out) == (1, "")
    assert err == (
        f"fout: 2 problemen in de catalogus:\n  {path}:2:3: items.q99: de catalogus heeft geen "
        f"vraag 'q99'; bedoel je 'q29'?\n  {path}:3:9: items.q01.nl: de tekst is leeg\n"
    )
    code, out, _ = run(capsys, "validate", "--overlay", path)
    assert code == 1 and "2 problemen" in out
