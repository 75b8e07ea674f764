"""Headings and labels of rendered output, translated through the message catalogue."""

from __future__ import annotations

from implementatie.i18n import N_, gettext
from implementatie.knowledge.text import Lang

_LABELS: dict[str, str] = {
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
        "Per determinant the share negative (left), neutral and positive (right); the "
        "dashed lines mark the thresholds for barrier and facilitator."
    ),
    "hidden": N_("hidden"),
    "suppression_note": N_(
        "Groups and cells with fewer answers than the minimum group size are hidden, and "
        "one more where needed, so that no one in a small group can be singled out."
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
}


def label(key: str, lang: Lang) -> str:
    """The label `key` in `lang`."""
    return gettext(_LABELS[key], lang)


LITERAL = frozenset({"#", "id", "n", "ERIC"})
"""Column headings that are the same in every language."""


def headings(lang: Lang, *keys: str) -> tuple[str, ...]:
    """Table headings in `lang`: labels by key, or one of the literal headings."""
    return tuple(key if key in LITERAL else label(key, lang) for key in keys)
