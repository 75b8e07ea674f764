"""Headings and labels of rendered output, in Dutch and English."""

from __future__ import annotations

from implementatie.knowledge.text import Lang

_LABELS: dict[str, tuple[str, str]] = {
    "also_addresses": ("Helpt ook bij", "Also addresses"),
    "barrier": ("Belemmering", "Barrier"),
    "eric_terms": ("Het plan in ERIC-termen", "The plan in ERIC terms"),
    "eric_intro": (
        "Voor verslaglegging (bijvoorbeeld StaRI): de ERIC-strategieën (Powell et al. 2015) "
        "die elke strategie is of bewerkt.",
        "For reporting (for example StaRI): the ERIC strategies (Powell et al. 2015) each "
        "strategy is or adapts.",
    ),
    "relation": ("Relatie", "Relation"),
    "is": ("is", "is"),
    "method": ("methode (Kok et al. 2016)", "method (Kok et al. 2016)"),
    "no_eric": ("geen ERIC-strategie", "no ERIC strategy"),
    "basis": ("Basis", "Basis"),
    "cfir_eric_matching": ("CFIR-ERIC-expertkoppeling", "CFIR-ERIC expert matching"),
    "intervention_mapping_method": (
        "methode uit Intervention Mapping",
        "Intervention Mapping method",
    ),
    "tno_tool_example": ("voorbeeld uit de TNO Implementatietool", "TNO Implementatietool example"),
    "dutch_guideline_or_study": (
        "Nederlandse wet, richtlijn of studie",
        "Dutch law, guideline or study",
    ),
    "practice_judgement": ("oordeel uit de praktijk", "practice judgement"),
    "adapts": ("Bewerking van ERIC", "Adapts ERIC"),
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
        "Per determinant het deel negatief (links), neutraal en positief (rechts); de "
        "stippellijnen markeren de drempels voor belemmering en bevorderend.",
        "Per determinant the share negative (left), neutral and positive (right); the dashed "
        "lines mark the thresholds for barrier and facilitator.",
    ),
    "suppression_note": (
        "Een groep of cel wordt niet getoond als je er door twee uitkomsten van elkaar af te "
        "trekken minder dan de minimale groepsgrootte mensen uit kunt halen. Dat geldt voor "
        "alle kenmerken tegelijk (functie, team, locatie).",
        "A group or cell is not shown when subtracting two results from each other would leave "
        "fewer people than the minimum group size. This holds across all attributes at once "
        "(role, team, location).",
    ),
    "groups_hidden": (
        "Sommige groepen staan hier niet: ze zijn te klein, of te herleiden uit de andere "
        "uitkomsten.",
        "Some groups are not listed: they are too small, or could be worked out from other "
        "results.",
    ),
    "warning": ("Let op", "Warning"),
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
