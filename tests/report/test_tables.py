"""Plain-text tables fit the width they are given, and lose no words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from implementatie.report.tables import text_table

WORD = st.text(alphabet="abcdefghij", min_size=1, max_size=7)
CELL = st.lists(WORD, min_size=1, max_size=30).map(" ".join)


@given(
    st.integers(2, 6).flatmap(
        lambda n: st.tuples(
            st.lists(WORD, min_size=n, max_size=n),
            st.lists(st.lists(CELL, min_size=n, max_size=n), min_size=1, max_size=4),
        )
    ),
    st.integers(60, 160),
)
def test_a_table_fits_its_width_and_keeps_every_word(
    table: tuple[list[str], list[list[str]]], width: int
) -> None:
    headers, rows = table
    text = text_table(headers, rows, width)
    assert max(len(line) for line in text.splitlines()) <= width
    assert sorted(text.split()) == sorted(
        [*" ".join(headers).split(), *" ".join(" ".join(r) for r in rows).split()]
        + ["-" * len(part) for part in text.splitlines()[1].split()]
    )


def test_a_table_that_fits_keeps_its_natural_widths() -> None:
    assert text_table(["a", "bb"], [["x", "y"]], 100) == "a  bb\n-  --\nx  y"
