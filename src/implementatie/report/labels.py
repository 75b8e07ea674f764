"""Headings and labels of rendered output, in Dutch and English."""

from __future__ import annotations

from implementatie.knowledge.text import Lang

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
    "profile": ("Profiel van de determinanten", "Determinant profile"),
    "profile_intro": (
        "{n} respondenten. Belemmering: minstens {barrier}% negatief; bevorderend: minstens "
        "{facilitator}% positief; minder dan {minimum} geldige antwoorden: te weinig gegevens.",
        "{n} respondents. Barrier: at least {barrier}% negative; facilitator: at least "
        "{facilitator}% positive; fewer than {minimum} valid answers: insufficient data.",
    ),
    "negative": ("Negatief", "Negative"),
    "neutral": ("Neutraal", "Neutral"),
    "positive": ("Positief", "Positive"),
    "neg": ("neg.", "neg."),
    "status": ("Status", "Status"),
    "facilitator": ("Bevorderend", "Facilitator"),
    "insufficient_data": ("Te weinig gegevens", "Insufficient data"),
    "suppressed": ("Verborgen (kleine groep)", "Hidden (small group)"),
    "by": ("Per", "By"),
    "individual": ("individu", "individual"),
    "team": ("team", "team"),
    "organisation": ("organisatie", "organisation"),
    "system": ("systeem", "system"),
    "low": ("laag", "low"),
    "medium": ("gemiddeld", "medium"),
    "high": ("hoog", "high"),
    "chart": (
        "Per determinant het deel negatieve antwoorden (links) en positieve antwoorden (rechts). "
        "De rest is neutraal. Links ligt de drempel voor een belemmering, rechts die voor "
        "bevorderend.",
        "Per determinant the share of negative answers (left) and positive answers (right). "
        "The rest is neutral. The line on the left is the barrier threshold, the one on the "
        "right the facilitator threshold.",
    ),
    "heatmap_chart": (
        "Per groep het deel negatieve antwoorden. Lege cellen zijn verborgen of hebben te weinig "
        "antwoorden.",
        "Per group the share of negative answers. Blank cells are hidden or have too few answers.",
    ),
    "change_chart": (
        "Per determinant het deel negatieve antwoorden: open rondje voor, dicht rondje na.",
        "Per determinant the share of negative answers: open circle before, filled circle after.",
    ),
    "hidden": ("verborgen", "hidden"),
    "suppression_note": (
        "Groepen en cellen met minder antwoorden dan de minimale groepsgrootte zijn verborgen, "
        "en zo nodig nog één, zodat niemand uit een kleine groep te herleiden is.",
        "Groups and cells with fewer answers than the minimum group size are hidden, and one "
        "more where needed, so that no one in a small group can be singled out.",
    ),
    "comparison": ("Vergelijking voor en na", "Comparison before and after"),
    "resolved": ("Opgelost", "Resolved"),
    "new": ("Nieuw", "New"),
    "persisting": ("Blijvend", "Persisting"),
    "changed": ("Status veranderd", "Status changed"),
    "unchanged": ("Gelijk", "Unchanged"),
    "before": ("Voor", "Before"),
    "after": ("Na", "After"),
    "negative_change": ("Verschil % negatief", "Change % negative"),
    "change": ("Verandering", "Change"),
    "category_innovatie": ("Innovatie", "Innovation"),
    "category_uitvoerder": ("Uitvoerder", "User"),
    "category_organisatie": ("Organisatie", "Organisation"),
    "category_sociaal-politieke-omgeving": (
        "Sociaal-politieke omgeving",
        "Socio-political context",
    ),
    "shared": ("helpt bij meer belemmeringen", "helps with more than one barrier"),
    "no_chart": (
        "Geen grafiek: installeer implementatie[notebook] voor grafieken.",
        "No chart: install implementatie[notebook] for charts.",
    ),
    "severity": ("% negatief", "% negative"),
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`."""
    nl, en = _LABELS[key]
    return nl if lang == "nl" else en


LITERAL = frozenset({"#", "id", "n", "ERIC"})
"""Column headings that are the same in every language."""


def headings(lang: Lang, *keys: str) -> tuple[str, ...]:
    """Table headings in `lang`: labels by key, or one of the literal headings."""
    return tuple(key if key in LITERAL else label(key, lang) for key in keys)
