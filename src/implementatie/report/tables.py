"""Plain-text and Markdown tables."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

MAX_CELL = 60


def text_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A fixed-width table; long cells wrap within their column."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [
        min(MAX_CELL, max([len(h), *(len(line) for row in cells for line in [row[i]])]))
        for i, h in enumerate(headers)
    ]
    lines = [_row(list(headers), widths), "  ".join("-" * w for w in widths)]
    for row in cells:
        lines.append(_row(row, widths))
    return "\n".join(lines)


def _row(cells: list[str], widths: list[int]) -> str:
    wrapped = [textwrap.wrap(c, w) or [""] for c, w in zip(cells, widths, strict=True)]
    height = max(len(w) for w in wrapped)
    out = []
    for i in range(height):
        parts = [
            (w[i] if i < len(w) else "").ljust(width)
            for w, width in zip(wrapped, widths, strict=True)
        ]
        out.append("  ".join(parts).rstrip())
    return "\n".join(out)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(map(cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(cell, row)) + " |" for row in rows]
    return "\n".join(lines)
