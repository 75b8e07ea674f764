"""The printable questionnaire: every item once, numbered, with a box per option."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from implementatie import Catalog
from implementatie.report.questionnaire_form import questionnaire_page


class Rows(HTMLParser):
    """The text of each table row's cells, and the number of boxes per row."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_item_once_in_order_with_a_box_per_option(catalog: Catalog, lang: str) -> None:
    page = questionnaire_page(catalog, lang)  # type: ignore[arg-type]
    parser = Rows()
    parser.feed(page)
    items = [item for d in catalog.determinants for item in d.items]
    questions = [row for row in parser.rows if row and row[0].endswith(".")]
    assert [row[1] for row in questions] == [item.text.in_(lang) for item in items]  # type: ignore[arg-type]
    assert [row[0] for row in questions] == [f"{n}." for n in range(1, len(items) + 1)]
    for row, item in zip(questions, items, strict=True):
        options = catalog.response_format(item.format).options
        assert row[2:] == ["☐"] * (len(options) + 1), item.id  # the options and "na"
    assert f'<html lang="{lang}">' in page


def test_the_dutch_form_has_instruction_privacy_and_no_english(catalog: Catalog) -> None:
    page = questionnaire_page(catalog, "nl")
    text = re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.DOTALL)
    assert "Kruis per vraag één hokje aan" in text
    assert "minstens vijf mensen" in text
    assert "eigen formulering" in text
    for english in ("Tick", "Privacy:", "Number", "the ", "Thank"):
        assert english not in text
