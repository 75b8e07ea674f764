"""The per-catalogue tables, built afresh and checked against the catalogue itself.

`recommend` and `plan` read these tables; they are built once per catalogue, so most tests
reuse one copy. Here `_build` runs on its own, so a wrong table shows up directly.
"""

from __future__ import annotations

from implementatie import load_catalog
from implementatie.advice.tables import _build, tables
from implementatie.knowledge.models import EFFORT_ORDER
from tests.advice import reference
from tests.conftest import CATALOGUES

CATALOG = load_catalog()
TIEBREAKS = load_catalog(CATALOGUES / "tiebreaks.yaml")


def check(catalog) -> None:  # type: ignore[no-untyped-def]
    built = _build(catalog)
    strategies = catalog.strategies
    assert built.ids == tuple(s.id for s in strategies)
    assert built.index == {s.id: i for i, s in enumerate(strategies)}
    assert built.effort == tuple(EFFORT_ORDER[s.effort] for s in strategies)
    assert built.links == tuple(
        {lk.determinant: (lk.weight, lk.top or reference.NO_PLACE) for lk in s.links}
        for s in strategies
    )
    assert built.linked == {
        d.id: tuple(i for i, s in enumerate(strategies) if s.link(d.id))
        for d in catalog.determinants
    }
    # the generic order: ERIC importance, then feasibility (higher first), then the id
    expected = sorted(
        strategies,
        key=lambda s: (-reference.rating(s, catalog)[0], -reference.rating(s, catalog)[1], s.id),
    )
    assert sorted(built.ids, key=lambda i: built.generic[built.index[i]]) == [
        s.id for s in expected
    ]
    assert sorted(built.generic) == list(range(len(strategies)))


def test_the_tables_of_the_bundled_catalogue() -> None:
    check(CATALOG)


def test_the_tables_of_the_tiebreak_puzzles() -> None:
    """Unrated ERIC numbers, several ERIC numbers, curated places."""
    check(TIEBREAKS)


def test_the_tables_are_built_once_per_catalogue() -> None:
    assert tables(TIEBREAKS) is tables(TIEBREAKS)
    assert tables(TIEBREAKS) is not tables(CATALOG)
    assert tables(TIEBREAKS).ids == _build(TIEBREAKS).ids
