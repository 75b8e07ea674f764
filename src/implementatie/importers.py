"""Read answers from CSV files: the canonical long and wide formats.

- **long**: one row per answer, columns `respondent`, `item`, `value`, and optionally the
  attributes `role`, `team`, `location` (the same on every row of a respondent);
- **wide**: one row per respondent, a `respondent` column, optional attribute columns, and a
  column per item id.

Values are option codes, Dutch or English option labels, `na` / `nvt` for not applicable, or
empty. Comma, semicolon (Dutch Excel) and tab separators are recognised, as are UTF-8 (with or
without BOM) and Windows-1252 files; lines starting with `#` before the header are comments.
Survey-tool exports (Qualtrics, LimeSurvey, Castor) are read through a mapping file, see
`implementatie.survey_exports`. Every problem is reported at once, naming row and column.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .errors import Problem, ResponseError
from .loader import load_catalog
from .responses import ATTRIBUTES, RawRespondent, Responses, validate_respondents

PathLike = str | os.PathLike[str]


@dataclass(frozen=True)
class Table:
    """A CSV file read into rows, remembering each row's line number in the file."""

    file: str
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    header_line: int


def read_table(path: PathLike, *, delimiter: str | None = None, header_rows: int = 1) -> Table:
    """Read a CSV file: decode, skip `#` comments, detect the separator, check row widths.

    With `header_rows` > 1 (Qualtrics), the first header row names the columns and the
    others are skipped.
    """
    file = str(path)
    text = _decode(Path(path), file)
    lines = text.splitlines()
    skip = 0
    while skip < len(lines) and (lines[skip].startswith("#") or not lines[skip].strip()):
        skip += 1
    if skip == len(lines):
        raise ResponseError([Problem(file, None, None, "", "the file has no header row")])
    body = "\n".join(lines[skip:])
    sep = delimiter or _sniff(lines[skip])
    parsed = list(csv.reader(io.StringIO(body), delimiter=sep))
    header = tuple(cell.strip() for cell in parsed[0])
    problems: list[Problem] = []
    rows: list[tuple[int, tuple[str, ...]]] = []
    for offset, row in enumerate(parsed[header_rows:], start=skip + header_rows + 1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    file, offset, None, "", f"row has {len(row)} cells, the header {len(header)}"
                )
            )
            continue
        rows.append((offset, tuple(cell.strip() for cell in row)))
    if problems:
        raise ResponseError(problems)
    return Table(file, header, tuple(rows), skip + 1)


def _decode(path: Path, file: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ResponseError(
            [Problem(file, None, None, "", f"cannot read the file: {exc.strerror}")]
        ) from None
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


def read_csv(
    path: PathLike, *, catalog: Catalog | None = None, attributes: Sequence[str] = ATTRIBUTES
) -> Responses:
    """Read a canonical long or wide CSV file (detected from its header)."""
    catalog = catalog or load_catalog()
    table = read_table(path)
    lowered = [h.casefold() for h in table.header]
    if {"respondent", "item", "value"} <= set(lowered):
        raw = _long(table, attributes)
    else:
        raw = _wide(table, catalog, attributes)
    return validate_respondents(raw, catalog, table.file)


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
    answers: dict[str, dict[str, str]] = {}
    lines: dict[str, dict[str, int]] = {}
    attrs: dict[str, dict[str, str]] = {}
    first: dict[str, int] = {}
    for line, row in table.rows:
        rid, item = row[who], row[what]
        if not rid:
            problems.append(Problem(table.file, line, who + 1, "respondent", "empty respondent id"))
            continue
        first.setdefault(rid, line)
        if item in answers.setdefault(rid, {}):
            problems.append(
                Problem(
                    table.file,
                    line,
                    what + 1,
                    f"respondent {rid}, item {item}",
                    f"answered twice (first at line {lines[rid][item]})",
                )
            )
            continue
        answers[rid][item] = row[value]
        lines.setdefault(rid, {})[item] = line
        for name, index in extra.items():
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
    return [
        RawRespondent(
            rid, answers[rid], attrs.get(rid, {}), (table.file, first[rid]), None, lines[rid]
        )
        for rid in answers
    ]


def _wide(table: Table, catalog: Catalog, attributes: Sequence[str]) -> list[RawRespondent]:
    who = _column(table, "respondent")
    items = set(catalog.item_ids)
    item_columns: dict[int, str] = {}
    attribute_columns: dict[int, str] = {}
    problems: list[Problem] = []
    for index, name in enumerate(table.header):
        if index == who:
            continue
        if name in items:
            item_columns[index] = name
        elif name.casefold() in attributes:
            attribute_columns[index] = name.casefold()
        else:
            from difflib import get_close_matches

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
    raw = []
    for line, row in table.rows:
        answers = {item: row[i] for i, item in item_columns.items()}
        attrs = {name: row[i] for i, name in attribute_columns.items() if row[i]}
        if not row[who]:
            problems.append(Problem(table.file, line, who + 1, "respondent", "empty respondent id"))
            continue
        raw.append(RawRespondent(row[who], answers, attrs, (table.file, line)))
    if problems:
        raise ResponseError(problems)
    return raw
