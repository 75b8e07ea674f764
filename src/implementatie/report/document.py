"""A tiny document model, rendered to plain text, Markdown or HTML from one description."""

from __future__ import annotations

import base64
import html
import re
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from implementatie.report.tables import markdown_table, text_table

Format = Literal["text", "markdown", "html"]
TEXT_WIDTH = 100


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    """An SVG picture, shown in HTML only (the tables beside it carry the same numbers).

    `svg` may be a function that draws it, so that text and Markdown never pay for drawing.
    """

    svg: str | Callable[[], str]
    description: str

    def markup(self) -> str:
        return self.svg() if callable(self.svg) else self.svg


Block = Heading | Paragraph | Table | Bullets | Figure


def render(
    blocks: Sequence[Block],
    fmt: Format,
    width: int = TEXT_WIDTH,
    *,
    top_heading: int = 3,
    inline_styles: bool = True,
) -> str:
    """Render the blocks in one format, escaped for it: HTML escaped, Markdown without raw
    HTML, text without control characters (terminal escape codes); plain text fits in
    `width` characters.

    HTML only: a level-1 heading becomes `<h{top_heading}>` (3 suits a notebook cell; a page
    under its own `<h1>` uses 2). Without `inline_styles` (for a page whose Content-Security-Policy
    blocks them and whose stylesheet aligns tables) cells carry no `style` and each figure is an
    `<img>` instead of inline SVG: an SVG image keeps its own styles.
    """
    if fmt == "html":
        body = "".join(_html(b, top_heading, inline_styles) for b in blocks)
        return f'<div class="implementatie">{body}</div>'
    shown: list[Block] = [b for b in blocks if not isinstance(b, Figure)]
    if fmt == "markdown":
        shown = [_escaped(b) for b in shown]
    parts = [_text(b, width) if fmt == "text" else _markdown(b) for b in shown]
    return _CONTROL.sub("", "\n\n".join(parts) + "\n")


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
"""Control characters except the line break: removed from text and Markdown output."""


def _escaped(block: Block) -> Block:
    """The block with `<`, `>` and `&` in its text escaped, so no raw HTML reaches Markdown."""

    def esc(value: object) -> str:
        return html.escape(str(value), quote=False)

    if isinstance(block, Heading):
        return Heading(esc(block.text), block.level)
    if isinstance(block, Paragraph):
        return Paragraph(esc(block.text))
    if isinstance(block, Table):
        return Table(
            tuple(map(esc, block.headers)), tuple(tuple(map(esc, row)) for row in block.rows)
        )
    if isinstance(block, Bullets):
        return Bullets(tuple(map(esc, block.items)))
    return block


def _text(block: Block, width: int) -> str:
    if isinstance(block, Heading):
        underline = "=" if block.level == 1 else "-"
        return block.text + "\n" + underline * min(len(block.text), width)
    if isinstance(block, Paragraph):
        return textwrap.fill(block.text, width)
    if isinstance(block, Table):
        return text_table(block.headers, block.rows, width)
    return _bullets(block)


def _markdown(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + block.text
    if isinstance(block, Paragraph):
        return block.text
    if isinstance(block, Table):
        return markdown_table(block.headers, block.rows)
    return _bullets(block)


def _bullets(block: Block) -> str:
    assert isinstance(block, Bullets), "figures are left out of text and Markdown"
    return "\n".join(f"- {item}" for item in block.items)


def _html(block: Block, top_heading: int, inline_styles: bool) -> str:
    esc = html.escape
    left = ' style="text-align:left"' if inline_styles else ""
    if isinstance(block, Heading):
        level = min(block.level + top_heading - 1, 6)
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{esc(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f"<th{left}>{esc(h)}</th>" for h in block.headers)
        body = "".join(
            "<tr>" + "".join(f"<td{left}>{esc(str(c))}</td>" for c in row) + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Figure):
        caption = esc(block.description)
        picture = block.markup()
        if not inline_styles:
            data = base64.b64encode(picture.encode()).decode("ascii")
            picture = f'<img src="data:image/svg+xml;base64,{data}" alt="{caption}">'
        return f"<figure>{picture}<figcaption>{caption}</figcaption></figure>"
    return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
