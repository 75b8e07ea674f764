"""Headings and labels of rendered output, translated through the message catalogue."""

from __future__ import annotations

from implementatie.i18n import N_, gettext
from implementatie.knowledge.text import Lang

_LABELS: dict[str, str] = {
    "review_instructions": N_(
        "Review of the top 3 per determinant\n"
        "The sheet top3 lists, per MIDI determinant, the three strategies the catalogue puts "
        "first.\n"
        "Each row shows the weight, the reason and the basis of the link.\n"
        "Under judgement, write agree or disagree.\n"
        "Know a better strategy? Put its id under better_alternative.\n"
        "Comments go under comment.\n"
        "Do not change the determinant and strategy columns: they tie your judgement to the "
        "catalogue.\n"
        "Save the file under your own name, for example jansen.xlsx."
    ),
    "agreement": N_("Panel agreement"),
    "agreement_intro": N_(
        "{n} reviewers. Consensus: at least {threshold}% of those who scored a link agree."
    ),
    "agree": N_("Agree"),
    "disagree": N_("Disagree"),
    "share_agree": N_("% agree"),
    "consensus": N_("Consensus"),
    "yes": N_("yes"),
    "no": N_("no"),
    "alternatives": N_("Alternatives named"),
    "place": N_("Place"),
    "eric_terms": N_("The plan in ERIC terms"),
    "eric_intro": N_(
        "For reporting (for example StaRI): the ERIC strategies (Powell et al. 2015) each "
        "strategy is or adapts."
    ),
    "relation": N_("Relation"),
    "is": N_("is"),
    "method": N_("method (Kok et al. 2016)"),
    "no_eric": N_("no ERIC strategy"),
    "basis": N_("Basis"),
    "cfir_eric_matching": N_("CFIR-ERIC expert matching"),
    "intervention_mapping_method": N_("Intervention Mapping method"),
    "tno_tool_example": N_("TNO Implementatietool example"),
    "dutch_guideline_or_study": N_("Dutch law, guideline or study"),
    "practice_judgement": N_("practice judgement"),
    "adapts": N_("Adapts ERIC"),
    "also_addresses": N_("Also addresses"),
    "barrier": N_("Barrier"),
    "barriers": N_("Barriers"),
    "category": N_("Category"),
    "cluster": N_("Cluster"),
    "conditions": N_("Conditions for it to work"),
    "coverage": N_("Coverage"),
    "covers": N_("Covers"),
    "description": N_("Description"),
    "determinant": N_("Determinant"),
    "effort": N_("Effort"),
    "in_use": N_("already in use"),
    "items": N_("Items"),
    "level": N_("Level"),
    "limit_reached": N_(
        "The maximum number of strategies was reached before everything was covered."
    ),
    "linked_determinants": N_("Linked determinants"),
    "linked_strategies": N_("Linked strategies"),
    "name": N_("Name"),
    "none": N_("none"),
    "no_strategies": N_("No strategies found."),
    "plan": N_("Plan across all barriers"),
    "rank": N_("#"),
    "rationale": N_("Why"),
    "sources": N_("Sources"),
    "reversed": N_("reverse-scored"),
    "score": N_("Score"),
    "strategies": N_("Strategies"),
    "strategy": N_("Strategy"),
    "uncovered": N_("Not strongly covered"),
    "weight": N_("Weight"),
    "format": N_("Response format"),
    "profile": N_("Determinant profile"),
    "profile_intro": N_(
        "{n} respondents. Barrier: at least {barrier}% negative; facilitator: at least "
        "{facilitator}% positive; fewer than {minimum} valid answers: insufficient data."
    ),
    "negative": N_("Negative"),
    "neutral": N_("Neutral"),
    "positive": N_("Positive"),
    "neg": N_("neg."),
    "status": N_("Status"),
    "facilitator": N_("Facilitator"),
    "insufficient_data": N_("Insufficient data"),
    "suppressed": N_("Hidden (small group)"),
    "by": N_("By"),
    "individual": N_("individual"),
    "team": N_("team"),
    "organisation": N_("organisation"),
    "system": N_("system"),
    "low": N_("low"),
    "medium": N_("medium"),
    "high": N_("high"),
    "chart": N_(
        "Per determinant the share of negative answers (left) and positive answers "
        "(right). The rest is neutral. The line on the left is the barrier threshold, the "
        "one on the right the facilitator threshold."
    ),
    "suppression_note": N_(
        "A group or cell is not shown when subtracting two results from each other would "
        "leave fewer people than the minimum group size. This holds across all attributes "
        "at once (role, team, location)."
    ),
    "comparison": N_("Comparison before and after"),
    "resolved": N_("Resolved"),
    "new": N_("New"),
    "persisting": N_("Persisting"),
    "changed": N_("Status changed"),
    "unchanged": N_("Unchanged"),
    "before": N_("Before"),
    "after": N_("After"),
    "negative_change": N_("Change % negative"),
    "change": N_("Change"),
    "heatmap_chart": N_(
        "Per group the share of negative answers. Blank cells are hidden or have too few answers."
    ),
    "change_chart": N_(
        "Per determinant the share of negative answers: open circle before, filled circle after."
    ),
    "category_innovatie": N_("Innovation"),
    "category_uitvoerder": N_("User"),
    "category_organisatie": N_("Organisation"),
    "category_sociaal-politieke-omgeving": N_("Socio-political context"),
    "shared": N_("helps with more than one barrier"),
    "no_chart": N_("No chart: install implementatie[report] for charts."),
    "hidden": N_("hidden"),
    "no_groups": N_("No group can be shown: the groups are too small."),
    "severity": N_("% negative"),
    "report_title": N_("Barriers and plan"),
    "report_comparison_title": N_("What has changed?"),
    "report_summary": N_("Summary"),
    "report_respondents": N_("Questionnaires filled in"),
    "report_facilitators": N_("What already works"),
    "report_plan_size": N_("Strategies in the plan"),
    "report_barriers_first": N_("Barriers, most severe first"),
    "report_no_barriers": N_("The team experiences no barriers."),
    "report_plan_intro": N_(
        "Together these strategies address every barrier. Each one fits the barriers next "
        "to it well."
    ),
    "report_top_per_barrier": N_("Best strategies per barrier"),
    "report_top_intro": N_(
        "For each barrier the three strategies that fit it best, with the reason."
    ),
    "report_facilitators_intro": N_(
        "Here at least {facilitator}% of the team is positive. You can build on this."
    ),
    "report_all_determinants": N_("All determinants"),
    "report_method": N_("How this report was made"),
    "report_method_text": N_(
        "The team filled in a questionnaire based on the MIDI (Fleuren et al. 2014), in "
        "its own wording. Each answer counts as negative, neutral or positive.\nPer "
        "determinant we count how many people are negative or positive. When at least "
        "{barrier}% are negative, it is a barrier. When at least {facilitator}% are "
        "positive, it is a facilitator. With fewer than {minimum} answers we give no "
        "percentages.\nThe strategies come from a sourced list. Each link between a "
        "barrier and a strategy has a weight and a reason."
    ),
    "report_limits": N_("What to keep in mind"),
    "report_limits_text": N_(
        "The limits of {barrier}% and {facilitator}% are agreements from practice. They "
        "are not hard boundaries.\nIn a small team one person weighs a lot. With 20 "
        "people, one person is already 5%. A barrier just above {barrier}% is therefore "
        "less certain than one of 60%.\nThe report shows how the team experiences "
        "something, not why. Discuss the outcome with the team before choosing "
        "strategies.\nGroups of fewer than {minimum} people are not shown, so that no one "
        "can be recognised."
    ),
    "report_made_with": N_(
        "Made with implementatie. The strategies are a proposal, not a prescription."
    ),
    "groups_hidden": N_(
        "Some groups are not listed: they are too small, or could be worked out from other results."
    ),
    "warning": N_("Warning"),
    "action_plan": N_("Action plan"),
    "action_plan_intro": N_(
        "Per strategy: who does what, for whom, when, how often, which outcome it should move "
        "and why, as Proctor and colleagues (2013) specify a strategy. The outcomes are those "
        "of Proctor and colleagues (2011). Change whatever is different for your team."
    ),
    "action_actor": N_("Who"),
    "action_action": N_("What"),
    "action_target": N_("For whom and what"),
    "action_timing": N_("When"),
    "action_dose": N_("How often and how long"),
    "action_outcome": N_("Outcome and how to see it"),
    "action_justification": N_("Why"),
    "action_plan_sources": N_(
        "Sources: Proctor EK, Powell BJ, McMillen JC. Implement Sci 2013;8:139. Proctor E, "
        "Silmere H, Raghavan R, et al. Adm Policy Ment Health 2011;38:65-76. Phases: Fleuren M, "
        "Wiefferink K, Paulussen T. Int J Qual Health Care 2004;16(2):107-123."
    ),
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`."""
    return gettext(_LABELS[key], lang)


LITERAL = frozenset({"#", "id", "n", "ERIC"})
"""Column headings that are the same in every language."""


def headings(lang: Lang, *keys: str) -> tuple[str, ...]:
    """Table headings in `lang`: labels by key, or one of the literal headings."""
    return tuple(key if key in LITERAL else label(key, lang) for key in keys)
