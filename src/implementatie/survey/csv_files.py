"""Read answers from CSV files: the canonical long and wide formats.

- **long**: one row per answer, columns `respondent`, `item`, `value`, and optionally the
  attributes `role`, `team`, `location` (the same on every row of a respondent);
- **wide**: one row per respondent, a `respondent` column, optional attribute columns, and a
  column per item id.

Values are option codes, Dutch or English option labels, `na` / `nvt` for not applicable, or
empty. Comma, semicolon (Dutch Excel) and tab separators are recognised, as are UTF-8 (with or
without BOM) and Windows-1252 files; lines starting with `#` before the header are comments.
Survey-tool exports (Qualtrics, LimeSurvey, Castor) are read through a mapping file, see
`implementatie.survey.exports`. Every problem is reported at once, naming row and column.
"""

from __future__ import annotations

import csv
import io
import itertools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path

from implementatie.errors import Problem, ResponseError, file_error
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.limits import MAX_ANSWERS_BYTES, FileTooLarge, read_limited
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.params import checked
from implementatie.survey.responses import (
    ATTRIBUTES,
    RawRespondent,
    Responses,
    validate_respondents,
)

PathLike = str | os.PathLike[str]

Row = tuple[int, tuple[str, ...]]
"""A row of cells (stripped) and the line of the file it starts on."""


@dataclass(frozen=True)
class Table:
    """A CSV file read into rows, remembering each row's line number in the file."""

    file: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    header_line: int
    subheader: tuple[Row, ...] = ()
    """The header rows after the first, when there are several (Qualtrics)."""


def read_table(path: PathLike, *, delimiter: str | None = None, header_rows: int = 1) -> Table:
    """Read a CSV file: decode, skip `#` comments, detect the separator, check row widths.

    With `header_rows` > 1 (Qualtrics), the first header row names the columns and the
    others are kept apart in `subheader`. Line numbers count physical lines, so cells that
    span several lines (quoted line breaks) do not shift them.
    """
    file = str(path)
    stream = io.StringIO(_decode(Path(path), file), newline="")
    skip = 0
    for first in stream:
        if first.startswith("#") or not first.strip():
            skip += 1
            continue
        break
    else:
        raise ResponseError([Problem(file, None, None, "", "the file has no header row")])
    reader = csv.reader(itertools.chain([first], stream), delimiter=delimiter or _sniff(first))
    parsed: list[Row] = []
    line = skip + 1
    try:
        for record in reader:
            parsed.append((line, tuple(cell.strip() for cell in record)))
            line = skip + reader.line_num + 1
    except csv.Error as exc:
        raise ResponseError(
            [Problem(file, line, None, "", f"cannot read this row: {exc}")]
        ) from None
    header = parsed[0][1]
    problems: list[Problem] = []
    rows: list[Row] = []
    for line, cells in parsed[1:]:
        if not any(cells):
            continue
        if len(cells) != len(header):
            message = f"row has {len(cells)} cells, the header {len(header)}"
            problems.append(Problem(file, line, None, "", message))
            continue
        rows.append((line, cells))
    if problems:
        raise ResponseError(problems)
    extra = header_rows - 1
    return Table(file, header, tuple(rows[extra:]), skip + 1, tuple(rows[:extra]))


def _decode(path: Path, file: str) -> str:
    try:
        data = read_limited(path, MAX_ANSWERS_BYTES)
    except FileTooLarge as exc:
        raise ResponseError([Problem(file, None, None, "", str(exc))]) from None
    except OSError as exc:
        raise ResponseError([Problem(file, None, None, "", file_error(exc))]) from None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ResponseError(
        [Problem(file, None, None, "", "cannot decode the file as UTF-8 or Windows-1252")]
    )


def _sniff(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


@checked
def read_csv(
    path: PathLike, *, catalog: Catalog | None = None, attributes: Sequence[str] = ATTRIBUTES
) -> Responses:
    """Read a canonical long or wide CSV file (detected from its header)."""
    catalog = catalog or load_catalog()
    table = read_table(path)
    check_duplicate_columns(table, range(len(table.header)))
    lowered = [h.casefold() for h in table.header]
    if {"respondent", "item", "value"} <= set(lowered):
        raw = _long(table, attributes)
    else:
        raw = _wide(table, catalog, attributes)
    return validate_respondents(require_respondents(raw, table), catalog, table.file)


# Messages, in one place (plain English).
DUPLICATE_COLUMN = "column {name!r} has the same name as column {first} ({other!r})"
NO_RESPONDENTS = "no respondents found in the file"


def check_duplicate_columns(table: Table, columns: Iterable[int]) -> None:
    """Raise ResponseError naming both columns when two of `columns` have the same name,
    ignoring case and surrounding spaces (`team` and `Team`)."""
    first: dict[str, int] = {}
    problems = []
    for index in columns:
        name = table.header[index]
        seen = first.setdefault(name.strip().casefold(), index)
        if seen != index:
            message = DUPLICATE_COLUMN.format(name=name, first=seen + 1, other=table.header[seen])
            problems.append(Problem(table.file, table.header_line, index + 1, "", message))
    if problems:
        raise ResponseError(problems)


def require_respondents(raw: list[RawRespondent], table: Table) -> list[RawRespondent]:
    """`raw`, or ResponseError when the file held no respondent at all."""
    if not raw:
        raise ResponseError([Problem(table.file, table.header_line, None, "", NO_RESPONDENTS)])
    return raw


def _column(table: Table, name: str) -> int:
    lowered = [h.casefold() for h in table.header]
    if name not in lowered:
        raise ResponseError(
            [Problem(table.file, table.header_line, None, "", f"no {name!r} column in the header")]
        )
    return lowered.index(name)


def _long(table: Table, attributes: Sequence[str]) -> list[RawRespondent]:
    who, what, value = (_column(table, c) for c in ("respondent", "item", "value"))
    lowered = [h.casefold() for h in table.header]
    extra = {a: lowered.index(a) for a in attributes if a in lowered}
    unknown = set(range(len(lowered))) - {who, what, value, *extra.values()}
    problems = [
        Problem(table.file, table.header_line, i + 1, "", f"unknown column {table.header[i]!r}")
        for i in sorted(unknown)
    ]
    if problems:
        raise ResponseError(problems)
    return long_respondents(table, who, what, value, extra)


def long_respondents(
    table: Table,
    respondent: int,
    item: int,
    value: int,
    attributes: Mapping[str, int],
    items: Mapping[str, str] | None = None,
) -> list[RawRespondent]:
    """Respondents from a table with one answer per row; arguments are column indexes.

    `items` translates the item column's text (casefolded) into item ids; rows with other
    text are then skipped. Without it the item column holds item ids.
    """
    problems: list[Problem] = []
    answers: dict[str, dict[str, str]] = {}
    lines: dict[str, dict[str, int]] = {}
    attrs: dict[str, dict[str, str]] = {}
    first: dict[str, int] = {}
    for line, row in table.rows:
        rid = row[respondent]
        item_id = row[item] if items is None else items.get(row[item].casefold())
        if item_id is None:
            continue
        if not rid:
            problems.append(_empty_id(table, line, respondent))
            continue
        first.setdefault(rid, line)
        if item_id in answers.setdefault(rid, {}):
            problems.append(
                Problem(
                    table.file,
                    line,
                    item + 1,
                    f"respondent {rid}, item {item_id}",
                    f"answered twice (first at line {lines[rid][item_id]})",
                )
            )
            continue
        answers[rid][item_id] = row[value]
        lines.setdefault(rid, {})[item_id] = line
        for name, index in attributes.items():
            if row[index]:
                known = attrs.setdefault(rid, {}).setdefault(name, row[index])
                if known != row[index]:
                    problems.append(
                        Problem(
                            table.file,
                            line,
                            index + 1,
                            f"respondent {rid}, {name}",
                            f"{row[index]!r} differs from {known!r} on an earlier row",
                        )
                    )
    if problems:
        raise ResponseError(problems)
    column = table.header[value]
    return [
        RawRespondent(
            rid,
            answers[rid],
            attrs.get(rid, {}),
            (table.file, first[rid]),
            dict.fromkeys(answers[rid], column),
            lines[rid],
        )
        for rid in answers
    ]


def _wide(table: Table, catalog: Catalog, attributes: Sequence[str]) -> list[RawRespondent]:
    who = _column(table, "respondent")
    items = set(catalog.item_ids)
    item_columns: dict[str, int] = {}
    attribute_columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, name in enumerate(table.header):
        if index == who:
            continue
        if name in items:
            item_columns[name] = index
        elif name.casefold() in attributes:
            attribute_columns[name.casefold()] = index
        elif catalog.retired_item(name) is not None:
            message = catalog.unknown_item_message(name)
            problems.append(Problem(table.file, table.header_line, index + 1, "", message))
        else:
            close = get_close_matches(name, [*items, *attributes], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                Problem(
                    table.file,
                    table.header_line,
                    index + 1,
                    "",
                    f"column {name!r} is neither an item id nor an attribute{hint}",
                )
            )
    if problems:
        raise ResponseError(problems)
    return wide_respondents(table, who, item_columns, attribute_columns)


def wide_respondents(
    table: Table, respondent: int, items: Mapping[str, int], attributes: Mapping[str, int]
) -> list[RawRespondent]:
    """Respondents from a table with one respondent per row; `items` maps item id → column."""
    problems: list[Problem] = []
    raw = []
    columns = {item: table.header[index] for item, index in items.items()}
    for line, row in table.rows:
        if not row[respondent]:
            problems.append(_empty_id(table, line, respondent))
            continue
        answers = {item: row[index] for item, index in items.items()}
        attrs = {name: row[index] for name, index in attributes.items() if row[index]}
        raw.append(RawRespondent(row[respondent], answers, attrs, (table.file, line), columns))
    if problems:
        raise ResponseError(problems)
    return raw


def _empty_id(table: Table, line: int, column: int) -> Problem:
    name = table.header[column]
    return Problem(table.file, line, column + 1, name, "empty respondent id")
