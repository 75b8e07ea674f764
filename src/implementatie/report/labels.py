"""Headings and labels of rendered output, in Dutch and English."""

from __future__ import annotations

from ..text import Lang

_LABELS: dict[str, tuple[str, str]] = {
    "also_addresses": ("Helpt ook bij", "Also addresses"),
    "barrier": ("Belemmering", "Barrier"),
    "barriers": ("Belemmeringen", "Barriers"),
    "category": ("Categorie", "Category"),
    "cluster": ("Cluster", "Cluster"),
    "conditions": ("Voorwaarden voor werkzaamheid", "Conditions for it to work"),
    "coverage": ("Dekking", "Coverage"),
    "covers": ("Dekt", "Covers"),
    "description": ("Beschrijving", "Description"),
    "determinant": ("Determinant", "Determinant"),
    "effort": ("Inspanning", "Effort"),
    "in_use": ("al in gebruik", "already in use"),
    "items": ("Vragen", "Items"),
    "level": ("Niveau", "Level"),
    "limit_reached": (
        "Het maximumaantal strategieën is bereikt voordat alles gedekt was.",
        "The maximum number of strategies was reached before everything was covered.",
    ),
    "linked_determinants": ("Gekoppelde determinanten", "Linked determinants"),
    "linked_strategies": ("Gekoppelde strategieën", "Linked strategies"),
    "name": ("Naam", "Name"),
    "none": ("geen", "none"),
    "no_strategies": ("Geen strategieën gevonden.", "No strategies found."),
    "plan": ("Plan over alle belemmeringen", "Plan across all barriers"),
    "rank": ("#", "#"),
    "rationale": ("Waarom", "Why"),
    "sources": ("Bronnen", "Sources"),
    "reversed": ("omgekeerd gescoord", "reverse-scored"),
    "score": ("Score", "Score"),
    "strategies": ("Strategieën", "Strategies"),
    "strategy": ("Strategie", "Strategy"),
    "uncovered": ("Niet sterk gedekt", "Not strongly covered"),
    "weight": ("Gewicht", "Weight"),
    "format": ("Antwoordschaal", "Response format"),
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`."""
    nl, en = _LABELS[key]
    return nl if lang == "nl" else en
