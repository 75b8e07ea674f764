"""Finding determinants and strategies from what people type."""

from __future__ import annotations

import pytest

from implementatie import LookupFailed


@pytest.mark.parametrize(
    "query",
    [
        19,
        "19",
        "formal_ratification",
        "Formele bekrachtiging door het management",
        "formele bekrachtiging",
        "FORMELE  BEKRACHTIGING",
        "Formal ratification by management",
        "formal ratification",
    ],
)
def test_determinant_by_id_number_or_name(catalog, query) -> None:
    assert catalog.determinant(query).number == 19


def test_accents_are_folded(catalog) -> None:
    assert catalog.determinant("relevantie voor de client").id == "relevance_for_client"
    assert catalog.determinant("Coördinator").id == catalog.determinant("coordinator").id


def test_ambiguous_part_lists_the_candidates(catalog) -> None:
    with pytest.raises(LookupFailed) as caught:
        catalog.determinant("norm")
    assert caught.value.ambiguous
    assert set(caught.value.suggestions) == {"descriptive_norm", "subjective_norm"}


def test_unknown_gives_close_matches(catalog) -> None:
    with pytest.raises(LookupFailed) as caught:
        catalog.determinant("kenis")
    assert not caught.value.ambiguous
    assert "knowledge" in caught.value.suggestions
    assert "did you mean: knowledge" in str(caught.value)


def test_find_prefers_exact_over_partial(catalog) -> None:
    assert catalog.find("kennis").id == "knowledge"
    strategy = catalog.strategies[0]
    assert catalog.find(strategy.id) is strategy
    assert catalog.find(strategy.name.nl) is strategy
