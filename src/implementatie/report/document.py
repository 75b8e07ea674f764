"""A tiny document model, rendered to plain text, Markdown or HTML from one description."""

from __future__ import annotations

import html
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


def render(blocks: Sequence[Block], fmt: Format) -> str:
    """Render the blocks in one format."""
    if fmt == "html":
        return '<div class="implementatie">' + "".join(map(_html, blocks)) + "</div>"
    shown = [b for b in blocks if not isinstance(b, Figure)]
    parts = [_text(b) if fmt == "text" else _markdown(b) for b in shown]
    return "\n\n".join(parts) + "\n"


def _text(block: Block) -> str:
    if isinstance(block, Heading):
        underline = "=" if block.level == 1 else "-"
        return block.text + "\n" + underline * len(block.text)
    if isinstance(block, Paragraph):
        return textwrap.fill(block.text, TEXT_WIDTH)
    if isinstance(block, Table):
        return text_table(block.headers, block.rows)
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


def _html(block: Block) -> str:
    esc = html.escape
    if isinstance(block, Heading):
        level = min(block.level + 2, 6)
        return f"<h{level}>{esc(block.text)}</h{level}>"
    if isinstance(block, Paragraph):
        return f"<p>{esc(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f'<th style="text-align:left">{esc(h)}</th>' for h in block.headers)
        body = "".join(
            "<tr>"
            + "".join(f'<td style="text-align:left">{esc(str(c))}</td>' for c in row)
            + "</tr>"
            for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Figure):
        return f"<figure>{block.markup()}<figcaption>{esc(block.description)}</figcaption></figure>"
    return "<ul>" + "".join(f"<li>{esc(item)}</li>" for item in block.items) + "</ul>"
