"""The questionnaire as a page to print: items with answer boxes, instruction and privacy text."""

from __future__ import annotations

from collections.abc import Iterator
from html import escape

from implementatie.i18n import gettext
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Item, ResponseFormat
from implementatie.knowledge.text import Lang

_STYLE = """
body { font: 11pt/1.4 system-ui, sans-serif; max-width: 48em; margin: 2em auto; color: #111; }
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.6em; }
.fill { display: inline-block; min-width: 12em; border-bottom: 1px solid #333; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: .3em .4em; vertical-align: top; }
th { font-weight: normal; font-size: 8pt; text-align: center; }
td.box { text-align: center; width: 3.2em; font-size: 14pt; }
td.no { width: 2.4em; text-align: right; color: #555; }
@page { size: A4; margin: 15mm; }
@media print { body { margin: 0; max-width: none; } }
"""


def questionnaire_page(catalog: Catalog, lang: Lang) -> str:
    """A self-contained HTML page of the whole questionnaire, ready to print."""
    texts = catalog.questionnaire
    na = texts.not_applicable.in_(lang)
    parts = [
        f"<h1>{escape(texts.title.in_(lang))}</h1>",
        f"<p>{escape(texts.introduction.in_(lang))}</p>",
        "<p>"
        + escape(
            gettext(
                "Tick one box per question. Choose what fits best for you; there are no "
                "right or wrong answers. Do not write your name on this form.",
                lang,
            )
        )
        + "</p>",
        "<p><strong>"
        + escape(gettext("Privacy", lang))
        + "</strong>: "
        + escape(
            gettext(
                "The answers are typed in under a number, not a name, and the paper forms are "
                "destroyed after that. Results are only shown for groups of at least five "
                "people, so that no one's answers can be traced.",
                lang,
            )
        )
        + "</p>",
        "<p>"
        + escape(gettext("Number (filled in by the coach)", lang))
        + ': <span class="fill">&nbsp;</span> &nbsp; '
        + escape(gettext("Role (optional)", lang))
        + ': <span class="fill">&nbsp;</span> &nbsp; '
        + escape(gettext("Team (optional)", lang))
        + ': <span class="fill">&nbsp;</span></p>',
    ]
    number = 0
    for fmt, items in _runs(catalog):
        header = "".join(f"<th>{o.code}<br>{escape(o.label.in_(lang))}</th>" for o in fmt.options)
        rows = []
        for item in items:
            number += 1
            boxes = '<td class="box">☐</td>' * (len(fmt.options) + 1)
            rows.append(
                f'<tr><td class="no">{number}.</td><td>{escape(item.text.in_(lang))}</td>'
                f"{boxes}</tr>"
            )
        parts.append(
            f"<table><tr><th></th><th></th>{header}<th>na<br>{escape(na)}</th></tr>"
            + "".join(rows)
            + "</table>"
        )
    parts.append("<p>" + escape(gettext("Thank you for filling in the questionnaire.", lang)))
    title = escape(texts.title.in_(lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )


def _runs(catalog: Catalog) -> Iterator[tuple[ResponseFormat, list[Item]]]:
    """The items in questionnaire order, grouped into runs that share a response format."""
    current: list[Item] = []
    for determinant in catalog.determinants:
        for item in determinant.items:
            if current and current[-1].format != item.format:
                yield catalog.response_format(current[-1].format), current
                current = []
            current.append(item)
    if current:
        yield catalog.response_format(current[-1].format), current
