"""Read a canonical CSV file in bounded chunks straight into compact `Responses`.

The fast path of `read_csv`: rows are read a chunk at a time, cells become one-byte answer
codes through look-up tables (C-level `map` over the columns of a chunk), and nothing per
respondent is kept but the id, the answer codes and the attribute codes. It only says whether
a file is valid: at the first problem, or anything unusual (another encoding), it gives up, and
`read_csv` reads the file again in full to report every problem with file, line and column.
"""

from __future__ import annotations

import csv
import itertools
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from implementatie.knowledge.catalog import Catalog
from implementatie.survey.responses import (
    INVALID,
    AttributeColumn,
    CellCodes,
    Responses,
    ResponsesBuilder,
)

CHUNK = 1024
"""Rows read at a time: enough for the C-level column work to dominate, small in memory."""


class GiveUp(Exception):
    """The fast path stops here; the full reader reports what is wrong."""


def stream_csv(
    path: str | os.PathLike[str], catalog: Catalog, attributes: Sequence[str]
) -> Responses | None:
    """The responses in the file, or None when the full reader must look at it."""
    source = str(path)
    try:
        if not stat.S_ISREG(Path(path).stat().st_mode):
            return None  # a device or a pipe may never end: the full reader limits its size
        with Path(path).open(newline="", encoding="utf-8-sig") as stream:
            found = _read(stream, catalog, attributes, source)
    except (GiveUp, UnicodeDecodeError, csv.Error, OSError, StopIteration):
        return None
    return found if len(found) else None


def _read(stream: TextIO, catalog: Catalog, attributes: Sequence[str], source: str) -> Responses:
    for first in stream:
        if not (first.startswith("#") or not first.strip()):
            break
    else:
        raise GiveUp
    reader = csv.reader(itertools.chain([first], stream), delimiter=_sniff(first))
    header = [cell.strip() for cell in next(reader)]
    lowered = [name.casefold() for name in header]
    if len(set(lowered)) != len(lowered):
        raise GiveUp  # two columns with the same name
    built = ResponsesBuilder(catalog, source)
    if {"respondent", "item", "value"} <= set(lowered):
        _long(reader, lowered, attributes, built)
    else:
        _wide(reader, header, attributes, built)
    return built.build()


def _sniff(header: str) -> str:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: counts[sep]) if any(counts.values()) else ","


def _chunks(reader: Iterator[list[str]], width: int) -> Iterator[list[list[str]]]:
    """Rows of the right width, a chunk at a time; blank lines left out."""
    while chunk := list(itertools.islice(reader, CHUNK)):
        if set(map(len, chunk)) != {width}:
            rows = [row for row in chunk if len(row) == width]
            if any("".join(row).strip() for row in chunk if len(row) != width):
                raise GiveUp
            chunk = rows
        if chunk:
            yield chunk


class _Positions(dict[str, int]):
    """Respondent id → position; an id met for the first time gets the next position."""

    def __missing__(self, cell: str) -> int:
        rid = cell.strip()
        if not rid:
            raise GiveUp
        if rid not in self:
            dict.__setitem__(self, rid, len(self))
        return self[rid]


class _Items(dict[str, int]):
    """Item cell → the item's position in the catalogue; unknown items give up."""

    def __missing__(self, cell: str) -> int:
        item = cell.strip()
        if item == cell or item not in self:
            raise GiveUp
        return self[item]


class _Answers(dict[tuple[int, str], int]):
    """(item position, cell) → answer code, through the item's `CellCodes`."""

    def __init__(self, tables: list[CellCodes]) -> None:
        super().__init__()
        self.tables = tables

    def __missing__(self, key: tuple[int, str]) -> int:
        code = self.tables[key[0]][key[1]]
        if code != INVALID:
            self[key] = code
        return code


class _AttributeCells(dict[str, int]):
    """Cell text → attribute code."""

    def __init__(self, column: AttributeColumn) -> None:
        super().__init__()
        self.column = column

    def __missing__(self, cell: str) -> int:
        code = self[cell] = self.column.code(cell.strip())
        return code


def _cell_codes(built: ResponsesBuilder) -> dict[str, CellCodes]:
    """A code table per item, shared by the items of one response format."""
    catalog = built.catalog
    by_format: dict[str, CellCodes] = {}
    tables = {}
    for item_id in catalog.item_ids:
        item = catalog.item(item_id)[1]
        if item.format not in by_format:
            by_format[item.format] = CellCodes(item, catalog.response_format(item.format))
        tables[item_id] = by_format[item.format]
    return tables


def _wide(
    reader: Iterator[list[str]],
    header: list[str],
    attributes: Sequence[str],
    built: ResponsesBuilder,
) -> None:
    lowered = [name.casefold() for name in header]
    if "respondent" not in lowered:
        raise GiveUp
    who = lowered.index("respondent")
    tables = _cell_codes(built)
    items: dict[str, int] = {}
    named: dict[str, int] = {}
    for index, name in enumerate(header):
        if index == who:
            continue
        if name in tables:
            items[name] = index
        elif name.casefold() in attributes:
            named[name.casefold()] = index
        else:
            raise GiveUp
    cells = {name: _AttributeCells(built.attribute(name)) for name in named}
    ids = built.ids
    for rows in _chunks(reader, len(header)):
        for row in rows:
            rid = row[who].strip()
            if not rid or rid in ids:
                raise GiveUp
            ids[rid] = len(ids)
        columns = list(zip(*rows, strict=True))
        for item_id, index in items.items():
            codes = bytes(map(tables[item_id].__getitem__, columns[index]))
            if INVALID in codes:
                raise GiveUp
            built.answers[item_id] += codes
        for name, index in named.items():
            found = list(map(cells[name].__getitem__, columns[index]))
            built.attributes[name].codes.extend(found)  # after the codes: they may widen


def _long(
    reader: Iterator[list[str]],
    lowered: list[str],
    attributes: Sequence[str],
    built: ResponsesBuilder,
) -> None:
    who, what, value = (lowered.index(c) for c in ("respondent", "item", "value"))
    named = {a: lowered.index(a) for a in attributes if a in lowered}
    if set(range(len(lowered))) - {who, what, value, *named.values()}:
        raise GiveUp
    tables = _cell_codes(built)
    order = list(tables)
    item_index = _Items((item_id, i) for i, item_id in enumerate(order))
    answer_codes = _Answers([tables[item_id] for item_id in order])
    columns = [built.answers[item_id] for item_id in order]
    cells = {name: _AttributeCells(built.attribute(name)) for name in named}
    ids = built.ids = _Positions()
    for rows in _chunks(reader, len(lowered)):
        table = list(zip(*rows, strict=True))
        positions = list(map(ids.__getitem__, table[who]))
        items = list(map(item_index.__getitem__, table[what]))
        codes = bytes(map(answer_codes.__getitem__, zip(items, table[value], strict=True)))
        if INVALID in codes:
            raise GiveUp
        built.pad()
        for position, i, code in zip(positions, items, codes, strict=True):
            column = columns[i]
            if column[position]:
                raise GiveUp  # answered twice
            column[position] = code
        for name, index in named.items():
            given = map(cells[name].__getitem__, table[index])
            for position, code in set(zip(positions, given, strict=True)):
                if code:
                    known = built.attributes[name].codes[position]
                    if not known:
                        built.attributes[name].codes[position] = code
                    elif known != code:
                        raise GiveUp
