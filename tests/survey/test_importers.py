"""Importers: canonical CSVs and survey-tool exports give the same answers; errors name places."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from implementatie import ResponseError, load_catalog
from implementatie.errors import InvalidOption
from implementatie.knowledge.text import normalise
from implementatie.survey.assessment import assess
from implementatie.survey.csv_files import read_csv
from implementatie.survey.exports import (
    TEMPLATE_KINDS,
    load_mapping,
    read_export,
    template,
    write_template,
)
from implementatie.survey.importers import read_responses
from implementatie.survey.responses import MISSING_SPELLINGS, NA_SPELLINGS, Answer, Responses
from tests.conftest import EXAMPLE, FIXTURES

CATALOG = load_catalog()
EXPORTS = FIXTURES / "exports"
TEAM_CSV = EXAMPLE
TEAM = read_csv(TEAM_CSV)

# fixture → (mapping, the id its first respondent has in that tool)
EXPORT_FIXTURES = {
    "qualtrics_numeric.csv": ("qualtrics.yaml", "R_2Yw4aCQ9gfZ6y1T"),
    "qualtrics_text.csv": ("qualtrics.yaml", "R_2Yw4aCQ9gfZ6y1T"),
    "limesurvey.csv": ("limesurvey.yaml", "11"),
    "castor.csv": ("castor.yaml", "110001"),
}


def content(responses: Responses) -> list[tuple[dict[str, Answer], dict[str, str]]]:
    """Each respondent's answers and attributes, in order: what survives a change of ids."""
    return [(dict(r.answers), dict(r.attributes)) for r in responses.respondents]


def team_table() -> tuple[list[str], list[list[str]]]:
    """The header and rows of data/examples/team.csv, cells as written."""
    lines = [line for line in TEAM_CSV.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    header, *rows = csv.reader(lines)
    return header, rows


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def as_label(item_id: str, cell: str, lang: str) -> str:
    """A code written as the label of its option in `lang`."""
    if cell in ("", "na"):
        return {"": "", "na": {"nl": "Niet van toepassing", "en": "not applicable"}[lang]}[cell]
    _, item = CATALOG.item(item_id)
    option = CATALOG.response_format(item.format).option(int(cell))
    assert option is not None
    return option.label.nl if lang == "nl" else option.label.en


# -- the same answers, however they are written ------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPORT_FIXTURES))
def test_each_export_reads_as_the_example_team(name: str) -> None:
    mapping, first_id = EXPORT_FIXTURES[name]
    responses = read_export(EXPORTS / name, EXPORTS / mapping)
    assert content(responses) == content(TEAM)
    assert responses.respondents[0].id == first_id
    assert responses.source == str(EXPORTS / name)


def test_unfinished_responses_are_read() -> None:
    # r14 stopped at 91 %: Finished is 0 in Qualtrics, submitdate empty in LimeSurvey
    qualtrics = read_export(EXPORTS / "qualtrics_numeric.csv", EXPORTS / "qualtrics.yaml")
    limesurvey = read_export(EXPORTS / "limesurvey.csv", EXPORTS / "limesurvey.yaml")
    r14 = TEAM.respondents[13]
    assert qualtrics.respondents[13].answers == limesurvey.respondents[13].answers == r14.answers


def test_long_reads_as_wide() -> None:
    assert read_csv(EXPORTS / "long.csv").respondents == TEAM.respondents


def test_read_responses_chooses_the_reader() -> None:
    assert read_responses(TEAM_CSV).respondents == TEAM.respondents
    mapped = read_responses(EXPORTS / "castor.csv", mapping=EXPORTS / "castor.yaml")
    assert content(mapped) == content(TEAM)


def test_qualtrics_and_limesurvey_give_the_same_assessment() -> None:
    qualtrics = assess(read_export(EXPORTS / "qualtrics_text.csv", EXPORTS / "qualtrics.yaml"))
    limesurvey = assess(read_export(EXPORTS / "limesurvey.csv", EXPORTS / "limesurvey.yaml"))
    assert qualtrics.determinants == limesurvey.determinants == assess(TEAM).determinants
    assert qualtrics.barriers  # the example team has barriers to compare


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_labels_read_as_codes(tmp_path: Path, lang: str) -> None:
    header, rows = team_table()
    labelled = [
        [
            as_label(column, cell, lang) if column.startswith("q") else cell
            for column, cell in zip(header, row, strict=True)
        ]
        for row in rows
    ]
    responses = read_csv(write_csv(tmp_path / "labels.csv", [header, *labelled]))
    assert responses.respondents == TEAM.respondents


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "cp1252"), (";", "utf-8-sig"), ("\t", "utf-8"), (",", "utf-8-sig"), (",", "cp1252")],
)
def test_separators_and_encodings(tmp_path: Path, delimiter: str, encoding: str) -> None:
    header, rows = team_table()
    with_location = [[*header, "location"], *([*row, "Súdwest-Fryslân"] for row in rows)]
    path = write_csv(tmp_path / "team.csv", with_location, delimiter=delimiter, encoding=encoding)
    responses = read_csv(path)
    assert [r.answers for r in responses.respondents] == [r.answers for r in TEAM.respondents]
    assert responses.attribute_values("location") == ["Súdwest-Fryslân"]


def test_mapped_long_file(tmp_path: Path) -> None:
    header, rows = team_table()
    items = header[3:]
    long_rows = [["Deelnemer", "Vraag", "Antwoord", "Functie"]]
    long_rows += [
        [row[0], f"V{index}", cell, row[1]]
        for row in rows
        for index, cell in enumerate(row[3:], start=1)
        if cell
    ]
    long_rows.append(["r01", "Opmerking", "vrije tekst", "jeugdarts"])  # not mapped: skipped
    mapping = tmp_path / "long.yaml"
    mapping.write_text(
        "tool: long\nrespondent: Deelnemer\nitem_column: Vraag\nvalue_column: Antwoord\n"
        "attributes: {role: Functie}\nitems:\n"
        + "".join(f"  {item}: V{index}\n" for index, item in enumerate(items, start=1)),
        encoding="utf-8",
    )
    responses = read_export(write_csv(tmp_path / "long.csv", long_rows), mapping)
    assert [r.answers for r in responses.respondents] == [r.answers for r in TEAM.respondents]
    assert [r.attributes["role"] for r in responses.respondents] == [row[1] for row in rows]


# -- files that do not fit ---------------------------------------------------------------------

# (export, mapping) → the (line, column, field, part of the message) of every problem
BROKEN: dict[tuple[str, str], list[tuple[int, int | None, str, str]]] = {
    ("qualtrics_missing_column.csv", "qualtrics.yaml"): [
        (1, None, "items.q23", "no column 'Q23' in the header"),
    ],
    ("qualtrics_one_header_row.csv", "qualtrics.yaml"): [
        (3, None, "", "expected the third header row of a Qualtrics export"),
    ],
    ("limesurvey_unknown_code.csv", "limesurvey.yaml"): [
        (17, None, "respondent 26, item q23 (column 'MIDIORGA[SQ003]')", "'A7' is not an answer"),
    ],
    ("limesurvey.csv", "mapping_unknown_item.yaml"): [
        (6, 3, "items.q30", "unknown item 'q30'"),
        (
            7,
            1,
            "valeus",
            "unknown key 'valeus' (allowed: attributes, item_column, items, respondent, tool, "
            "value_column, values, values_by_format); did you mean 'values'?",
        ),
    ],
}


@pytest.mark.parametrize(("export", "mapping"), sorted(BROKEN))
def test_broken_files_name_line_and_column(export: str, mapping: str) -> None:
    with pytest.raises(ResponseError) as caught:
        read_export(EXPORTS / export, EXPORTS / mapping)
    problems = caught.value.problems
    expected = BROKEN[(export, mapping)]
    assert [(p.line, p.column, p.field) for p in problems] == [e[:3] for e in expected]
    for problem, (*_, message) in zip(problems, expected, strict=True):
        assert message in problem.message
        assert Path(problem.file).name in (export, mapping)


def test_lines_count_line_breaks_inside_header_cells(tmp_path: Path) -> None:
    # Qualtrics' second header row holds question texts, one of them over two lines
    text = (EXPORTS / "qualtrics_numeric.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows[3 + 4][rows[0].index("Q21")] = "7"  # the fifth respondent
    path = write_csv(tmp_path / "export.csv", rows)
    with pytest.raises(ResponseError) as caught:
        read_export(path, EXPORTS / "qualtrics.yaml")
    [problem] = caught.value.problems
    assert problem.line == 5 + 4  # header on line 1, question texts on 2-3, ImportIds on 4
    assert "item q21 (column 'Q21')" in problem.field


MAPPING_HEAD = "tool: wide\nrespondent: respondent\nitems: {q01: q01, q19: q19}\n"


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (
            MAPPING_HEAD + "values_by_format:\n  agree: {x: 1}\n",
            5,
            "values_by_format.agree",
            "unknown response format 'agree'",
        ),
        (
            MAPPING_HEAD + "values_by_format:\n  yes_no_dont_know: {J: 1, D: 4}\n",
            5,
            "values_by_format.yes_no_dont_know.D",
            "4 is not a code of 'yes_no_dont_know'",
        ),
        (MAPPING_HEAD + "values: {x: 9}\n", 4, "values.x", "9 is not a code of any"),
        (MAPPING_HEAD + "values: {x: yes please}\n", 4, "values.x", "expected an option code"),
        (MAPPING_HEAD + "item_column: Vraag\n", 4, "item_column", "only for `tool: long`"),
        (
            "tool: wide\nrespondent: id\nitems:\n  q01: A\n  q02: a\n",
            5,
            "items.q02",
            "column 'a' is also mapped to q01",
        ),
        ("tool: surveymonkey\nrespondent: id\nitems: {q01: A}\n", 1, "tool", "surveymonkey"),
        ("tool: wide\nrespondent: id\n", 1, "items", "required field 'items' is missing"),
        (
            "tool: wide\nrespondent: 12\nitems: {q01: A}\n",
            2,
            "respondent",
            "put the text in quotes",
        ),
        ("tool: wide\nrespondent: id\nitems: {q01: [A, B]}\n", 3, "items.q01", "valid string"),
        ("tool: wide\nitems: {q01: A\n", 3, "", "YAML syntax error"),
    ],
)
def test_mapping_problems_name_line(
    tmp_path: Path, text: str, line: int, field: str, message: str
) -> None:
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ResponseError) as caught:
        load_mapping(path)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (line, field)
    assert message in problem.message


@pytest.mark.parametrize(
    ("header", "field", "column", "message"),
    [
        (
            ["id", "q1", "q01"],
            "items.q19",
            None,
            "no column 'q19' in the header; did you mean 'q1'?",
        ),
        (["id", "q01", "q19", "Q19"], "items.q19", 4, "column 'q19' appears 2 times"),
        (["ID_", "q01", "q19"], "respondent", None, "no column 'id'"),
    ],
)
def test_columns_not_found(
    tmp_path: Path, header: list[str], field: str, column: int | None, message: str
) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "tool: wide\nrespondent: id\nitems: {q01: q01, q19: q19}\n", encoding="utf-8"
    )
    path = write_csv(tmp_path / "export.csv", [header, ["1"] * len(header)])
    with pytest.raises(ResponseError) as caught:
        read_export(path, mapping)
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.field) == (1, column, field)
    assert message in problem.message


def test_empty_respondent_id_names_row_and_column(tmp_path: Path) -> None:
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(
        "tool: castor\nrespondent: Participant Id\nitems: {q01: v1}\n", encoding="utf-8"
    )
    path = write_csv(
        tmp_path / "export.csv", [["Site", "Participant Id", "v1"], ["A", "", "3"]], delimiter=";"
    )
    with pytest.raises(ResponseError) as caught:
        read_export(path, mapping)
    [problem] = caught.value.problems
    assert (problem.line, problem.column, problem.message) == (2, 2, "empty respondent id")


def test_ragged_row_and_missing_file(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "team.csv", [["respondent", "q01"], ["r1", "3", "4"]])
    with pytest.raises(ResponseError, match=r"team.csv:2: row has 3 cells, the header 2"):
        read_csv(path)
    with pytest.raises(ResponseError, match=r"nope\.csv: file not found"):
        read_csv(tmp_path / "nope.csv")
    with pytest.raises(ResponseError, match=r"nope\.yaml: file not found"):
        load_mapping(tmp_path / "nope.yaml")


def test_minus_99_means_no_answer(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "team.csv", [["respondent", "q01"], ["r1", "-99"]])
    assert read_csv(path).respondents[0].answers == {}


def test_negative_code_is_not_an_answer(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "team.csv", [["respondent", "q01"], ["r1", "-3"]])
    with pytest.raises(ResponseError):
        read_csv(path)


# -- templates ---------------------------------------------------------------------------------


def test_wide_template_with_rows_added(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    write_template("wide", path)
    header, rows = team_table()
    columns = path.read_text(encoding="utf-8").splitlines()[-1].split(",")
    assert columns == ["respondent", "role", "team", "location", *CATALOG.item_ids]
    with path.open("a", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        for row in rows:
            cells = dict(zip(header, row, strict=True))
            writer.writerow([cells.get(column, "") for column in columns])
    assert read_csv(path).respondents == TEAM.respondents


def test_long_template_with_rows_added(tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    write_template("long", path)
    with path.open("a", encoding="utf-8") as file:
        file.write("r1,q01,Mee eens,jeugdarts,,\nr1,q19,weet ik niet,jeugdarts,,\nr2,q01,na,,,\n")
    responses = read_csv(path)
    assert [dict(r.answers) for r in responses.respondents] == [{"q01": 4, "q19": 3}, {"q01": "na"}]
    assert responses.respondents[0].attributes == {"role": "jeugdarts"}


@pytest.mark.parametrize("kind", [k for k in TEMPLATE_KINDS if k.startswith("mapping-")])
def test_mapping_templates_load_and_cover_every_item(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "mapping.yaml"
    write_template(kind, path)  # type: ignore[arg-type]
    mapping = load_mapping(path)
    assert mapping.tool == kind.removeprefix("mapping-")
    assert tuple(mapping.items) == CATALOG.item_ids
    assert all(line.startswith("#") for line in path.read_text().splitlines()[:2])


def test_qualtrics_template_reads_a_qualtrics_export(tmp_path: Path) -> None:
    path = tmp_path / "mapping.yaml"
    write_template("mapping-qualtrics", path)
    responses = read_export(EXPORTS / "qualtrics_text.csv", path)
    assert content(responses) == content(TEAM)


def test_unknown_template() -> None:
    with pytest.raises(
        InvalidOption, match="kind input should be 'wide', 'long', 'mapping-qualtrics'"
    ):
        template("excel")  # type: ignore[arg-type]


# -- properties --------------------------------------------------------------------------------

ITEMS = CATALOG.item_ids
NA_WRITTEN = ("na", "NA", "nvt", "n.v.t.", "N/A", "Niet van toepassing", "not applicable")
MISSING_WRITTEN = ("", "  ", ".", "none", "NULL", "nan", "missing", "-")


def spellings(item_id: str) -> list[tuple[str, Answer | None]]:
    """Ways to write each valid answer to an item, with what they mean."""
    _, item = CATALOG.item(item_id)
    found: list[tuple[str, Answer | None]] = []
    for o in CATALOG.response_format(item.format).options:
        for text in (str(o.code), f"{o.code}.0", f" {o.code} ", o.label.nl, o.label.en):
            found.append((text, o.code))
        found += [(o.label.en.upper(), o.code), (o.label.nl.lower(), o.code)]
    found += [(text, "na") for text in NA_WRITTEN]
    found += [(text, None) for text in MISSING_WRITTEN]
    return found


SPELLINGS = {item: spellings(item) for item in ITEMS}
KNOWN = {normalise(text) for spelled in SPELLINGS.values() for text, _ in spelled}
KNOWN |= NA_SPELLINGS | MISSING_SPELLINGS


@st.composite
def wide_files(draw: st.DrawFn) -> tuple[list[str], list[list[str]], list[dict[str, Answer]]]:
    """A header, rows of cells, and the answers the rows mean."""
    items = draw(st.lists(st.sampled_from(ITEMS), min_size=1, max_size=12, unique=True))
    n = draw(st.integers(1, 30))
    rows: list[list[str]] = []
    expected: list[dict[str, Answer]] = []
    for index in range(n):
        cells = [draw(st.sampled_from(SPELLINGS[item])) for item in items]
        rows.append([f"p{index}", draw(st.sampled_from(["", "jeugdarts", "Teamleider"]))])
        rows[-1] += [text for text, _ in cells]
        expected.append(
            {item: a for item, (_, a) in zip(items, cells, strict=True) if a is not None}
        )
    return ["respondent", "role", *items], rows, expected


def not_an_answer(text: str) -> bool:
    return normalise(text) not in KNOWN and not any(c.isdigit() for c in text)


def bad_code(item_id: str) -> st.SearchStrategy[str]:
    _, item = CATALOG.item(item_id)
    fmt = CATALOG.response_format(item.format)
    return st.integers(0, 10_000).filter(lambda code: fmt.option(code) is None).map(str)


def bad_text(encoding: str) -> st.SearchStrategy[str]:
    """Text that is no answer (and, in a CSV file, no line break)."""
    codec = "cp1252" if encoding == "cp1252" else "utf-8"
    characters = st.characters(codec=codec, exclude_categories=("Cs", "Cc", "Zl", "Zp", "Nd"))
    return st.text(characters, min_size=1, max_size=20).filter(not_an_answer)


FORMAT = st.sampled_from([(",", "utf-8"), (";", "utf-8-sig"), ("\t", "cp1252")])


def write_rows(folder: str, header: list[str], rows: list[list[str]], fmt: tuple[str, str]) -> Path:
    delimiter, encoding = fmt
    return write_csv(
        Path(folder) / "answers.csv", [header, *rows], delimiter=delimiter, encoding=encoding
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wide_files(), FORMAT)
def test_valid_wide_files_read_correctly(
    data: tuple[list[str], list[list[str]], list[dict[str, Answer]]], fmt: tuple[str, str]
) -> None:
    header, rows, expected = data
    with tempfile.TemporaryDirectory() as folder:
        responses = read_csv(write_rows(folder, header, rows, fmt))
    assert [dict(r.answers) for r in responses.respondents] == expected
    assert [r.id for r in responses.respondents] == [row[0] for row in rows]
    assert [r.attributes.get("role", "") for r in responses.respondents] == [row[1] for row in rows]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wide_files(), FORMAT, st.data())
def test_invalid_cells_are_reported_by_respondent_and_item(
    data: tuple[list[str], list[list[str]], list[dict[str, Answer]]],
    fmt: tuple[str, str],
    draw: st.DataObject,
) -> None:
    header, rows, _ = data
    cells = [(r, c) for r in range(len(rows)) for c in range(2, len(header))]
    broken = draw.draw(st.lists(st.sampled_from(cells), min_size=1, max_size=4, unique=True))
    for r, c in broken:
        rows[r][c] = draw.draw(st.one_of(bad_code(header[c]), bad_text(fmt[1])))
    with tempfile.TemporaryDirectory() as folder:
        path = write_rows(folder, header, rows, fmt)
        with pytest.raises(ResponseError) as caught:
            read_csv(path)
    found = {(p.line, p.field) for p in caught.value.problems}
    assert found == {(r + 2, f"respondent {rows[r][0]}, item {header[c]}") for r, c in broken}


def test_every_export_fixture_is_tested() -> None:
    used = {*EXPORT_FIXTURES, *(m for m, _ in EXPORT_FIXTURES.values()), "long.csv"}
    used |= {name for pair in BROKEN for name in pair}
    assert {p.name for p in EXPORTS.iterdir()} == used


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: folder / "missing.csv", "file not found"),
        (lambda folder: folder, "this is a folder, not a file"),
        (lambda folder: folder / "a-file.csv" / "below.csv", "part of the path is a file"),
    ],
    ids=["missing", "folder", "file-as-folder"],
)
def test_unreadable_answers_name_the_real_cause(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    (tmp_path / "a-file.csv").write_text("respondent,q01\n", encoding="utf-8")
    with pytest.raises(ResponseError) as caught:
        read_responses(make(tmp_path))
    assert caught.value.problems[0].message.startswith(message)


def test_an_unreadable_mapping_names_the_real_cause(tmp_path: Path) -> None:
    with pytest.raises(ResponseError) as caught:
        load_mapping(tmp_path / "missing.yaml")
    assert caught.value.problems[0].message == "file not found"
