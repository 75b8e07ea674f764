"""The disclosure rule: which groups of respondents may be shown side by side.

Every output of the same answers may show the whole team and, per attribute (role, team, …),
each of its values. Someone who sees several outputs can subtract one count from another, so
the rule looks at every pair of sets that could be shown together: for any two sets X and Y,
X − Y, Y − X and X ∩ Y each hold no one or at least `minimum` respondents. When a group is
hidden, the rest of its attribute can be subtracted from the whole team, so "everyone in a
hidden group of this attribute" counts as a shown set too.

`hidden_groups` applies the rule to all attributes at once: a view by one attribute cannot
know which other views a person will ask for, so it hides what any combination would reveal.
`may_show` answers the question for a set of views chosen elsewhere (a dashboard).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from itertools import combinations

SAFE_MINIMUM = 5
"""The smallest `min_group_size` allowed without an explicit opt-in (`allow_small_groups`)."""

# Messages about privacy, in one place (plain English; translated later as a whole).
SMALL_GROUPS_REFUSED = (
    "min_group_size {minimum} is below {safe}: results of so few people can single someone "
    "out; pass allow_small_groups=True (--allow-small-groups) if you really mean it"
)
SMALL_GROUPS_WARNING = (
    "min_group_size is {minimum}, below the safe minimum of {safe}: results of groups this "
    "small can single out a respondent; do not share them"
)
GROUPS_HIDDEN = (
    "some groups are not shown: they are too small, or could be worked out by comparing "
    "this view with the whole team or with a view by another attribute"
)
ROUNDS_TOO_CLOSE = (
    "the two rounds share respondent ids and differ by fewer than {minimum} respondents, so "
    "the change would show the answers of the people who differ; compare rounds that differ "
    "by no one or by at least {minimum} respondents"
)
ROUNDS_SHARE_IDS = (
    "{count} respondent id(s) appear in both rounds; if they are the same people, the change "
    "is theirs alone: share it only with care"
)

GroupKey = tuple[str, str]
"""(attribute, value) naming one group."""

WHOLE: GroupKey = ("", "")
"""The key of the whole team (or, per determinant, everyone with a valid answer)."""


def is_safe(count: int, minimum: int) -> bool:
    """True when `count` respondents may be singled out as a set: none, or at least `minimum`."""
    return count == 0 or count >= minimum


def unsafe_pair(first: frozenset[str], second: frozenset[str], minimum: int) -> bool:
    """True when showing both sets would let a person subtract down to a small set."""
    return not (
        is_safe(len(first - second), minimum)
        and is_safe(len(second - first), minimum)
        and is_safe(len(first & second), minimum)
    )


def hidden_groups(
    everyone: frozenset[str],
    partitions: Mapping[str, Mapping[str, frozenset[str]]],
    minimum: int,
    already: Collection[GroupKey] = (),
) -> frozenset[GroupKey]:
    """The groups to hide so that every pair of sets that may be shown is safe.

    `partitions` gives, per attribute, the members of each value (together they make up
    `everyone`). Groups in `already` stay hidden. Hiding is greedy and deterministic: while
    some pair is unsafe, the smaller shown group of that pair is hidden (for a pair of derived
    sets, the smallest shown group of their attribute), until no unsafe pair is left.
    """
    if not is_safe(len(everyone), minimum):
        return frozenset((a, v) for a, groups in partitions.items() for v in groups)
    hidden = set(already)
    while True:
        pair = next(_unsafe_pairs(everyone, partitions, hidden, minimum), None)
        if pair is None:
            return frozenset(hidden)
        hidden.add(_to_hide(pair, partitions, hidden))


def may_show(
    everyone: Collection[str],
    views: Mapping[str, Mapping[str, Collection[str]]],
    minimum: int = 5,
) -> bool:
    """True when these views may be shown together: the whole team and, per attribute, the
    groups listed (others of that attribute count as hidden).

    `views` maps attribute → value → respondent ids of the groups to show. A web dashboard
    calls this before showing any combination of views of the same data.
    """
    team = frozenset(everyone)
    partitions = {
        attribute: {value: frozenset(ids) for value, ids in groups.items()}
        for attribute, groups in views.items()
    }
    if any(not ids <= team for groups in partitions.values() for ids in groups.values()):
        return False
    if not partitions:
        return is_safe(len(team), minimum)
    # Members of the team not in any listed group of an attribute form its hidden rest.
    completed = {
        attribute: {**groups, "\0hidden": team - frozenset().union(*groups.values())}
        for attribute, groups in partitions.items()
    }
    hidden = {(attribute, "\0hidden") for attribute in completed}
    return next(_unsafe_pairs(team, completed, hidden, minimum), None) is None


def _shown_sets(
    everyone: frozenset[str],
    partitions: Mapping[str, Mapping[str, frozenset[str]]],
    hidden: Collection[GroupKey],
) -> list[tuple[GroupKey, frozenset[str]]]:
    """The whole team, every group not hidden, and per attribute its hidden rest (derived
    from the whole minus the shown groups), in a fixed order."""
    shown: list[tuple[GroupKey, frozenset[str]]] = [(WHOLE, everyone)]
    for attribute in sorted(partitions):
        groups = partitions[attribute]
        visible = [(value, groups[value]) for value in sorted(groups)]
        visible = [(v, ids) for v, ids in visible if (attribute, v) not in hidden]
        shown.extend(((attribute, value), ids) for value, ids in visible)
        if visible and len(visible) < len(groups):
            rest = everyone - frozenset().union(*(ids for _, ids in visible))
            shown.append(((attribute, ""), rest))
    return shown


def _unsafe_pairs(
    everyone: frozenset[str],
    partitions: Mapping[str, Mapping[str, frozenset[str]]],
    hidden: Collection[GroupKey],
    minimum: int,
) -> Iterator[tuple[GroupKey, GroupKey]]:
    shown = _shown_sets(everyone, partitions, hidden)
    for (key, ids), (other, other_ids) in combinations(shown, 2):
        if unsafe_pair(ids, other_ids, minimum):
            yield key, other
    # A set alone (paired with the empty set) must be safe as well.
    for key, ids in shown:
        if not is_safe(len(ids), minimum):
            yield key, key


def _to_hide(
    pair: tuple[GroupKey, GroupKey],
    partitions: Mapping[str, Mapping[str, frozenset[str]]],
    hidden: Collection[GroupKey],
) -> GroupKey:
    """The group to hide for an unsafe pair: the smaller real group of the two, else the
    smallest shown group of the attribute whose hidden rest is involved."""
    real = [key for key in pair if key != WHOLE and key[1] != ""]
    if not real:
        attributes = {key[0] for key in pair if key != WHOLE}
        real = [
            (attribute, value)
            for attribute in attributes
            for value in partitions[attribute]
            if (attribute, value) not in hidden
        ]
    if not real:  # pragma: no cover - the whole team alone is never hidden by this rule
        raise AssertionError("nothing left to hide")
    return min(real, key=lambda key: (len(partitions[key[0]][key[1]]), key))
