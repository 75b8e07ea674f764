"""Survey-tool exports (Qualtrics, LimeSurvey, Castor) read through a small mapping file.

A mapping file (YAML) says which column holds what::

    tool: qualtrics                # qualtrics | limesurvey | castor | wide | long
    respondent: ResponseId
    attributes: {role: Functie, team: Team}              # optional
    items: {q01: Q1, q02: Q2, q08a: Q8_1}                # item id → column
    values: {"-96": na}                                  # optional recoding of every item
    values_by_format: {agreement: {A1: 1, A2: 2}}        # optional, per response format

A `qualtrics` export has three header rows (column names, question texts, ImportIds); a
`long` file has one answer per row, in the columns `item_column` and `value_column`, and
`items` then gives the text of the item column; the other tools have one respondent per row.
Only mapped columns are read. A recoded value is an option code, `na` or null (no answer);
cells that are not recoded are read like the canonical CSV: codes, labels, `na`, or empty.
`template` writes an empty canonical CSV or an example mapping file for each tool.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from difflib import get_close_matches
from pathlib import Path
from typing import Annotated, Literal, TypeGuard, cast, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, ValidationError

from implementatie.errors import Problem, ResponseError, file_error
from implementatie.i18n import gettext
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.limits import MAX_YAML_BYTES, FileTooLarge, read_limited
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import Determinant, Item, Slug
from implementatie.knowledge.params import checked
from implementatie.knowledge.text import Lang, NonEmptyStr
from implementatie.knowledge.validation_messages import describe
from implementatie.knowledge.yamlsource import YamlDocument, read_yaml
from implementatie.survey.csv_files import (
    PathLike,
    Table,
    long_respondents,
    read_table,
    require_respondents,
    wide_respondents,
)
from implementatie.survey.responses import (
    ATTRIBUTES,
    NOT_APPLICABLE,
    Answer,
    RawRespondent,
    Responses,
    validate_respondents,
)

Tool = Literal["qualtrics", "limesurvey", "castor", "wide", "long"]


def _as_text(value: object) -> object:
    """YAML reads keys such as -96 as numbers; raw values and ids are text."""
    return str(value) if _is_code(value) else value


def _recoded(value: object) -> Answer | None:
    if value is None:
        return None
    if value == NOT_APPLICABLE:
        return NOT_APPLICABLE
    if _is_code(value):
        return value
    raise ValueError(
        f"expected an option code (a whole number), na (not applicable) or null (no answer), "
        f"got {value!r}"
    )


Key = Annotated[str, BeforeValidator(_as_text)]
Recoded = Annotated[Answer | None, PlainValidator(_recoded)]


class ColumnMapping(BaseModel):
    """Where a survey-tool export keeps the respondent id, the attributes and each item."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    tool: Tool
    respondent: NonEmptyStr
    attributes: dict[Slug, NonEmptyStr] = Field(default_factory=dict)
    """Attribute name (role, team, location, …) → column."""
    items: Annotated[dict[Key, NonEmptyStr], Field(min_length=1)]
    """Item id → column (for `long`: → the item column's text for that item)."""
    values: dict[Key, Recoded] = Field(default_factory=dict)
    """Raw value → code, na or null, for every item."""
    values_by_format: dict[Key, dict[Key, Recoded]] = Field(default_factory=dict)
    """Response format id → (raw value → code, na or null); takes precedence over `values`."""
    item_column: NonEmptyStr = "item"
    """`long` only: the column naming the item."""
    value_column: NonEmptyStr = "value"
    """`long` only: the column holding the answer."""


NOT_A_MAPPING_FILE = (
    "this is not a mapping file: it needs `tool:`, `respondent:` and `items:` "
    "(see implementatie template mapping-qualtrics)"
)


@checked
def load_mapping(path: PathLike, *, catalog: Catalog | None = None) -> ColumnMapping:
    """Read and check a mapping file; raise ResponseError naming file:line of every problem."""
    catalog = catalog or load_catalog()
    file = str(path)
    try:
        text = read_limited(Path(path), MAX_YAML_BYTES).decode("utf-8")
    except FileTooLarge as exc:
        raise ResponseError([Problem(file, None, None, "", str(exc))]) from None
    except OSError as exc:
        raise ResponseError([Problem(file, None, None, "", file_error(exc))]) from None
    except UnicodeDecodeError:
        raise ResponseError(
            [Problem(file, None, None, "", "cannot read this file as UTF-8 text")]
        ) from None
    doc, problems = read_yaml(text, file)
    if doc is None:
        raise ResponseError(problems)
    if not isinstance(doc.data, dict):
        raise ResponseError([doc.problem((), NOT_A_MAPPING_FILE)])
    problems.extend(_check(doc, catalog))
    try:
        mapping = ColumnMapping.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(
            doc.problem(tuple(e["loc"]), describe(e, ColumnMapping)) for e in exc.errors()
        )
        raise ResponseError(problems) from None
    if problems:
        raise ResponseError(problems)
    return mapping


def _check(doc: YamlDocument, catalog: Catalog) -> Iterator[Problem]:
    """What the mapping says about the catalogue: item ids, response formats and codes.

    Reads the parsed YAML rather than the model, so these problems are reported together
    with those the model finds.
    """
    data = doc.data if isinstance(doc.data, dict) else {}
    columns: dict[str, str | int] = {}
    for item, column in _section(data, "items").items():
        if str(item) not in catalog.item_ids:
            yield doc.problem(("items", item), catalog.unknown_item_message(str(item)))
        if isinstance(column, str):
            first = columns.setdefault(column.strip().casefold(), item)
            if first != item:
                yield doc.problem(("items", item), f"column {column!r} is also mapped to {first}")
    formats = {f.id: f for f in catalog.response_formats}
    by_format = _section(data, "values_by_format")
    for format_id in by_format:
        fmt = formats.get(str(format_id))
        if fmt is None:
            defined = ", ".join(formats)
            yield doc.problem(
                ("values_by_format", format_id),
                f"unknown response format {format_id!r} (defined: {defined})",
            )
            continue
        codes = [o.code for o in fmt.options]
        for raw, code in _section(by_format, format_id).items():
            if _is_code(code) and code not in codes:
                yield doc.problem(
                    ("values_by_format", format_id, raw),
                    f"{code} is not a code of {format_id!r} (codes: {_join(codes)})",
                )
    every_code = sorted({o.code for f in catalog.response_formats for o in f.options})
    for raw, code in _section(data, "values").items():
        if _is_code(code) and code not in every_code:
            yield doc.problem(
                ("values", raw),
                f"{code} is not a code of any response format ({_join(every_code)})",
            )
    if data.get("tool") != "long":
        for key in ("item_column", "value_column"):
            if key in data:
                yield doc.problem((key,), f"`{key}` is only for `tool: long`")


def _section(data: object, key: str | int) -> dict[str | int, object]:
    """`data[key]` when it is a mapping, else an empty one (YAML keys are text or numbers)."""
    found = data.get(key) if isinstance(data, dict) else None
    return cast(dict[str | int, object], found) if isinstance(found, dict) else {}


def _is_code(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _join(codes: list[int]) -> str:
    return ", ".join(map(str, codes))


@checked
def read_export(
    path: PathLike, mapping_path: PathLike, *, catalog: Catalog | None = None
) -> Responses:
    """Read a survey-tool export through a mapping file; raise ResponseError naming row and column.

    Every row is read, finished or not: the answers present count.
    """
    catalog = catalog or load_catalog()
    rules = load_mapping(mapping_path, catalog=catalog)
    table = read_table(path, header_rows=3 if rules.tool == "qualtrics" else 1)
    if rules.tool == "qualtrics":
        _check_import_ids(table)
    index = _locate(table, _columns(rules))
    attributes = {name: index[f"attributes.{name}"] for name in rules.attributes}
    if rules.tool == "long":
        texts = {text.strip().casefold(): item for item, text in rules.items.items()}
        raw = long_respondents(
            table,
            index["respondent"],
            index["item_column"],
            index["value_column"],
            attributes,
            texts,
        )
    else:
        items = {item: index[f"items.{item}"] for item in rules.items}
        raw = wide_respondents(table, index["respondent"], items, attributes)
    recode = _recoder(rules, catalog)
    raw = require_respondents(raw, table)
    return validate_respondents([recode(entry) for entry in raw], catalog, table.file)


def _check_import_ids(table: Table) -> None:
    """A Qualtrics export's third header row holds ImportIds; without it a respondent is lost."""
    line, cells = table.subheader[-1] if len(table.subheader) == 2 else (table.header_line, ())
    if not any(cell.startswith("{") and "ImportId" in cell for cell in cells):
        message = (
            'expected the third header row of a Qualtrics export ({"ImportId": ...}); '
            "export the CSV again, or use `tool: wide` for a file with one header row"
        )
        raise ResponseError([Problem(table.file, line, None, "", message)])


def _columns(mapping: ColumnMapping) -> dict[str, str]:
    """The columns the mapping names, keyed by the mapping field that names them."""
    fields = {"respondent": mapping.respondent}
    fields |= {f"attributes.{name}": column for name, column in mapping.attributes.items()}
    if mapping.tool == "long":
        fields |= {"item_column": mapping.item_column, "value_column": mapping.value_column}
    else:
        fields |= {f"items.{item}": column for item, column in mapping.items.items()}
    return fields


def _locate(table: Table, columns: dict[str, str]) -> dict[str, int]:
    """The index of each column, by mapping field; raise for columns missing or named twice."""
    lowered = [name.casefold() for name in table.header]
    named = {column.casefold() for column in columns.values()}
    unused = [name for name in table.header if name.casefold() not in named]
    found: dict[str, int] = {}
    problems: list[Problem] = []
    for field, column in columns.items():
        matches = [i for i, name in enumerate(lowered) if name == column.casefold()]
        if len(matches) == 1:
            found[field] = matches[0]
            continue
        if matches:
            where: int | None = matches[1] + 1
            message = f"column {column!r} appears {len(matches)} times in the header"
        else:
            where = None
            close = get_close_matches(column, unused, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            message = f"no column {column!r} in the header{hint}"
        problems.append(Problem(table.file, table.header_line, where, field, message))
    if problems:
        raise ResponseError(problems)
    return found


def _recoder(mapping: ColumnMapping, catalog: Catalog) -> Callable[[RawRespondent], RawRespondent]:
    """A function applying `values_by_format`, then `values`, to a respondent's cells."""
    general = _folded(mapping.values)
    tables = {
        item: general | _folded(mapping.values_by_format.get(_format(item, catalog), {}))
        for item in mapping.items
    }

    def recode(entry: RawRespondent) -> RawRespondent:
        answers: dict[str, object] = {}
        for item, cell in entry.answers.items():
            key = _fold(str(cell))
            answers[item] = tables[item].get(key, cell)
        return replace(entry, answers=answers)

    return recode


def _fold(raw: str) -> str:
    return raw.strip().casefold()


def _folded(table: dict[str, Answer | None]) -> dict[str, Answer | None]:
    return {_fold(raw): code for raw, code in table.items()}


def _format(item_id: str, catalog: Catalog) -> str:
    return catalog.item(item_id)[1].format


# -- templates ---------------------------------------------------------------------------------

TemplateKind = Literal["wide", "long", "mapping-qualtrics", "mapping-limesurvey", "mapping-castor"]
TEMPLATE_KINDS: tuple[TemplateKind, ...] = get_args(TemplateKind)
"""What `implementatie template` can write: canonical CSVs and example mapping files."""


@checked
def write_template(
    kind: TemplateKind, path: PathLike, *, catalog: Catalog | None = None, lang: Lang = "en"
) -> None:
    """Write `template(kind)` to `path` (UTF-8)."""
    Path(path).write_text(template(kind, catalog=catalog, lang=lang), encoding="utf-8")


@checked
def template(kind: TemplateKind, *, catalog: Catalog | None = None, lang: Lang = "en") -> str:
    """An empty canonical CSV (`wide`, `long`) or an example mapping file (`mapping-<tool>`).

    CSV templates are a header with `#` comment lines above it, in `lang`: how to fill it in,
    the answer codes, and every item with its question, so that a typist can enter answers
    from paper forms. Mapping examples map every item of the catalogue to the column a
    typical export of that tool would have.
    """
    catalog = catalog or load_catalog()
    if kind == "wide":
        notes = [
            gettext(
                "Answers to the MIDI-based questionnaire (own wording), wide format: one row per "
                "respondent, one column per question.",
                lang,
            ),
            gettext(
                "respondent: a number or code, not a name. role, team, location: optional, "
                "for the results per group.",
                lang,
            ),
        ]
        header = ["respondent", *ATTRIBUTES, *catalog.item_ids]
    elif kind == "long":
        notes = [
            gettext(
                "Answers to the MIDI-based questionnaire (own wording), long format: one row "
                "per answer.",
                lang,
            ),
            gettext(
                "respondent: a number or code, not a name. role, team, location: optional, "
                "for the results per group; the same on every row of a respondent.",
                lang,
            ),
        ]
        header = ["respondent", "item", "value", *ATTRIBUTES]
    else:
        return _mapping_template(_TOOLS[kind], catalog)
    lines = [*notes, *_answer_notes(catalog, lang)]
    return "\n".join([*_comment(lines), *_item_notes(catalog, lang), ",".join(header)]) + "\n"


def _items(catalog: Catalog) -> Iterator[tuple[Determinant, int, Item]]:
    """Every item with its determinant and its place (1, 2, …) among the determinant's items."""
    for determinant in catalog.determinants:
        for place, item in enumerate(determinant.items, start=1):
            yield determinant, place, item


def _main_format(catalog: Catalog) -> str:
    """The response format most items use."""
    return Counter(item.format for _, _, item in _items(catalog)).most_common(1)[0][0]


def _answer_notes(catalog: Catalog, lang: Lang) -> list[str]:
    """How an answer is written, and the option codes of each response format."""
    main = _main_format(catalog)
    notes = [
        gettext("An answer is the number of the box that was ticked.", lang),
        gettext("na = not applicable. Empty = no answer.", lang),
    ]
    for fmt in catalog.response_formats:
        items = [item.id for _, _, item in _items(catalog) if item.format == fmt.id]
        if items:
            which = gettext("all other questions", lang) if fmt.id == main else ", ".join(items)
            notes.append(f"{fmt.name.in_(lang)} ({which}):")
            notes.extend(f"  {o.code} = {o.label.in_(lang)}" for o in fmt.options)
    return notes


def _item_notes(catalog: Catalog, lang: Lang) -> list[str]:
    """Every column with its question, numbered as on the printed questionnaire.

    Comment lines hold no `;` or `"`, so that they stay comments after a round trip through a
    spreadsheet, which quotes a cell holding either."""
    lines = [gettext("The questions, numbered as on the printed questionnaire:", lang)]
    for number, (_, _, item) in enumerate(_items(catalog), start=1):
        lines.append(f"{number}. {item.id}: {item.text.in_(lang)}")
    return _comment(lines, indent="#   ")


def _comment(lines: list[str], indent: str = "# ") -> list[str]:
    """`lines` as `#` comments, wrapped, continuation lines indented; a cell after a separator
    cannot start a formula."""
    wrapped = []
    for line in lines:
        parts = [_FORMULA.sub(_quote_formula, part) for part in textwrap.wrap(line, 96)] or [""]
        wrapped.append(f"# {parts[0]}")
        wrapped.extend(f"{indent}{part}" for part in parts[1:])
    return wrapped


_FORMULA = re.compile(r"([,;\t]\s*\"?)([=+\-@])")
"""A separator, then a character that makes a spreadsheet read the cell as a formula."""


def _quote_formula(match: re.Match[str]) -> str:
    return f"{match.group(1)}'{match.group(2)}"


def _qualtrics_columns(catalog: Catalog) -> dict[str, str]:
    return {
        item.id: f"Q{d.number}" if len(d.items) == 1 else f"Q{d.number}_{place}"
        for d, place, item in _items(catalog)
    }


def _limesurvey_columns(catalog: Catalog) -> dict[str, str]:
    """Items of the main format as array questions per category, the others on their own."""
    main = _main_format(catalog)
    counts: Counter[str] = Counter()
    columns: dict[str, str] = {}
    for d, place, item in _items(catalog):
        if item.format == main:
            array = f"MIDI{d.category[:4].upper()}"
            counts[array] += 1
            columns[item.id] = f"{array}[SQ{counts[array]:03d}]"
        elif len(d.items) == 1:
            columns[item.id] = f"MIDI{d.number:02d}"
        else:
            columns[item.id] = f"MIDI{d.number:02d}[SQ{place:03d}]"
    return columns


def _castor_columns(catalog: Catalog) -> dict[str, str]:
    return {item.id: f"midi_{item.id}" for _, _, item in _items(catalog)}


def _limesurvey_values(catalog: Catalog) -> list[str]:
    lines = ["values_by_format:"]
    for fmt in catalog.response_formats:
        lines.append(f"  {fmt.id}:")
        lines.extend(f'    "A{o.code}": {o.code}' for o in fmt.options)
    return lines


@dataclass(frozen=True)
class _Tool:
    """What an example mapping file for one survey tool says."""

    tool: Tool
    notes: tuple[str, ...]
    respondent: str
    attributes: tuple[str, str, str]
    """Columns of role, team and location."""
    columns: Callable[[Catalog], dict[str, str]]
    recoding: Callable[[Catalog], list[str]]
    """YAML lines, commented or not, with the tool's usual recoding."""


_TOOLS: dict[str, _Tool] = {
    "mapping-qualtrics": _Tool(
        "qualtrics",
        (
            "How to read a Qualtrics export (Data & Analysis > Export & Import > Export data >",
            "CSV, numeric values or choice text). Columns: the names in the export's first row.",
        ),
        "ResponseId",
        ("Functie", "Team", "Locatie"),
        _qualtrics_columns,
        lambda _: [
            "values:",
            '  "-99": null  # seen but unanswered',
            "# A 'Niet van toepassing' choice with recode value 6, for example:",
            "# values_by_format:",
            "#   agreement:",
            '#     "6": na',
        ],
    ),
    "mapping-limesurvey": _Tool(
        "limesurvey",
        (
            "How to read a LimeSurvey export (Responses > Export > CSV; headings: question code;",
            "responses: answer codes or full answers). Array questions give CODE[SUBCODE] columns.",
        ),
        "id",
        ("FUNCTIE", "TEAM", "LOCATIE"),
        _limesurvey_columns,
        lambda catalog: [
            "# LimeSurvey's default answer codes A1, A2, ...; use your own codes (Y, N, ...).",
            *_limesurvey_values(catalog),
        ],
    ),
    "mapping-castor": _Tool(
        "castor",
        (
            "How to read a Castor EDC export (Export > CSV, separated by semicolons).",
            "Columns: the variable names.",
        ),
        "Participant Id",
        ("functie", "team", "locatie"),
        _castor_columns,
        lambda _: [
            "# Castor's missing-data codes: -96 not applicable; -95, -97, -98, -99 no answer.",
            "values:",
            '  "-95": null',
            '  "-96": na',
            '  "-97": null',
            '  "-98": null',
            '  "-99": null',
        ],
    ),
}


def _mapping_template(tool: _Tool, catalog: Catalog) -> str:
    columns = tool.columns(catalog)
    entries = [
        (f"  {item.id}: {json.dumps(columns[item.id])}", _item_name(d, item))
        for d, _, item in _items(catalog)
    ]
    width = min(max(len(entry) for entry, _ in entries), 40)
    role, team, location = (json.dumps(column) for column in tool.attributes)
    lines = [
        *_comment(
            [
                *tool.notes,
                "Put your export's column names on the right; leave out items you did not ask.",
            ]
        ),
        f"tool: {tool.tool}",
        f"respondent: {json.dumps(tool.respondent)}",
        "attributes:  # optional, for subgroup views",
        f"  role: {role}",
        f"  team: {team}",
        f"  # location: {location}",
        "items:  # item id: column",
        *(f"{entry.ljust(width)}  # {name}" for entry, name in entries),
        "",
        "# Optional recoding, applied before codes and labels are read:",
        "# raw value: option code, na (not applicable) or null (no answer).",
        *tool.recoding(catalog),
        "",
        *_comment(_answer_notes(catalog, "en")),
    ]
    return "\n".join(lines) + "\n"


def _item_name(determinant: Determinant, item: Item) -> str:
    """The item's name for a YAML comment, on one line (a line break would start YAML)."""
    name = determinant.name.en
    if item.referent:
        name += f": {item.referent}" + (", motivation" if item.motivation else "")
    return " ".join(name.split())
