"""Plain-text and Markdown tables."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

MAX_CELL = 60
MIN_CELL = 8
GAP = 2


def text_table(
    headers: Sequence[str], rows: Sequence[Sequence[object]], width: int | None = None
) -> str:
    """A fixed-width table; long cells wrap within their column, and with `width` the widest
    columns narrow until the table fits in that many characters (where the columns allow)."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [
        min(MAX_CELL, max([len(h), *(len(line) for row in cells for line in [row[i]])]))
        for i, h in enumerate(headers)
    ]
    if width is not None:
        widths = _fit(widths, width - GAP * (len(widths) - 1))
    lines = [_row(list(headers), widths), (" " * GAP).join("-" * w for w in widths)]
    for row in cells:
        lines.append(_row(row, widths))
    return "\n".join(lines)


def _fit(natural: list[int], room: int) -> list[int]:
    """Share `room` among the columns in proportion to their natural widths (none narrower than
    `MIN_CELL` or its heading needs), then narrow the widest until they fit."""
    total = sum(natural)
    if total <= room:
        return natural
    widths = [min(w, max(MIN_CELL, w * room // total)) for w in natural]
    while sum(widths) > room:
        widest = max(range(len(widths)), key=lambda i: widths[i])
        if widths[widest] <= MIN_CELL:
            break
        widths[widest] -= 1
    return widths


def _row(cells: list[str], widths: list[int]) -> str:
    wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    out = []
    for i in range(height):
        parts = [
            (w[i] if i < len(w) else "").ljust(width)
            for w, width in zip(wrapped, widths, strict=True)
        ]
        out.append((" " * GAP).join(parts).rstrip())
    return "\n".join(out)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(map(cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return "\n".join(lines)
