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
    "category_innovatie": ("Innovatie", "Innovation"),
    "category_uitvoerder": ("Uitvoerder", "User"),
    "category_organisatie": ("Organisatie", "Organisation"),
    "category_sociaal-politieke-omgeving": (
        "Sociaal-politieke omgeving",
        "Socio-political context",
    ),
    "shared": ("helpt bij meer belemmeringen", "helps with more than one barrier"),
    "no_chart": (
        "Geen grafiek: installeer implementatie[report] voor grafieken.",
        "No chart: install implementatie[report] for charts.",
    ),
    "severity": ("% negatief", "% negative"),
    "hidden": ("verborgen", "hidden"),
    "no_groups": (
        "Geen groep kan getoond worden: de groepen zijn te klein.",
        "No group can be shown: the groups are too small.",
    ),
    "report_title": ("Belemmeringen en plan van aanpak", "Barriers and plan"),
    "report_comparison_title": ("Wat is er veranderd?", "What has changed?"),
    "report_summary": ("Samenvatting", "Summary"),
    "report_respondents": ("Ingevulde vragenlijsten", "Questionnaires filled in"),
    "report_facilitators": ("Wat al goed gaat", "What already works"),
    "report_plan_size": ("Strategieën in het plan", "Strategies in the plan"),
    "report_barriers_first": (
        "Belemmeringen, de ernstigste eerst",
        "Barriers, most severe first",
    ),
    "report_no_barriers": (
        "Het team ervaart geen belemmeringen.",
        "The team experiences no barriers.",
    ),
    "report_plan_intro": (
        "Deze strategieën pakken samen alle belemmeringen aan. Elke strategie past sterk bij de "
        "belemmeringen ernaast.",
        "Together these strategies address every barrier. Each one fits the barriers next to it "
        "well.",
    ),
    "report_top_per_barrier": ("Beste strategieën per belemmering", "Best strategies per barrier"),
    "report_top_intro": (
        "Per belemmering de drie strategieën die er het best bij passen, met de reden.",
        "For each barrier the three strategies that fit it best, with the reason.",
    ),
    "report_facilitators_intro": (
        "Hier is minstens {facilitator}% van het team positief. Daar kunt u op bouwen.",
        "Here at least {facilitator}% of the team is positive. You can build on this.",
    ),
    "report_all_determinants": ("Alle determinanten", "All determinants"),
    "report_method": ("Zo is dit rapport gemaakt", "How this report was made"),
    "report_method_text": (
        "Het team vulde de MIDI-vragenlijst in (Fleuren e.a. 2014). Elk antwoord telt als "
        "negatief, neutraal of positief.\n"
        "Per determinant tellen we hoeveel mensen negatief of positief zijn. Is minstens "
        "{barrier}% negatief, dan is het een belemmering. Is minstens {facilitator}% positief, "
        "dan werkt het bevorderend. Met minder dan {minimum} antwoorden geven we geen "
        "percentages.\n"
        "De strategieën komen uit een lijst met bronnen. Elke koppeling tussen een belemmering "
        "en een strategie heeft een gewicht en een reden.",
        "The team filled in the MIDI questionnaire (Fleuren et al. 2014). Each answer counts as "
        "negative, neutral or positive.\n"
        "Per determinant we count how many people are negative or positive. When at least "
        "{barrier}% are negative, it is a barrier. When at least {facilitator}% are positive, it "
        "is a facilitator. With fewer than {minimum} answers we give no percentages.\n"
        "The strategies come from a sourced list. Each link between a barrier and a strategy "
        "has a weight and a reason.",
    ),
    "report_limits": ("Waar u op moet letten", "What to keep in mind"),
    "report_limits_text": (
        "De grenzen van {barrier}% en {facilitator}% zijn afspraken uit de praktijk. Het zijn "
        "geen harde grenzen.\n"
        "In een klein team telt één persoon zwaar. Bij 20 mensen is één persoon al 5%. Een "
        "belemmering net boven {barrier}% is dus minder zeker dan een belemmering van 60%.\n"
        "Het rapport laat zien hoe het team iets ervaart, niet waarom. Bespreek de uitkomst "
        "met het team voordat u strategieën kiest.\n"
        "Groepen van minder dan {minimum} mensen tonen we niet, zodat niemand te herkennen is.",
        "The limits of {barrier}% and {facilitator}% are agreements from practice. They are not "
        "hard boundaries.\n"
        "In a small team one person weighs a lot. With 20 people, one person is already 5%. A "
        "barrier just above {barrier}% is therefore less certain than one of 60%.\n"
        "The report shows how the team experiences something, not why. Discuss the outcome "
        "with the team before choosing strategies.\n"
        "Groups of fewer than {minimum} people are not shown, so that no one can be recognised.",
    ),
    "report_made_with": (
        "Gemaakt met implementatie. De strategieën zijn een voorstel, geen voorschrift.",
        "Made with implementatie. The strategies are a proposal, not a prescription.",
    ),
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
