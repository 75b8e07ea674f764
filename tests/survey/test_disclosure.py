"""Cross-output disclosure: no combination of shown counts narrows down to a few respondents.

An independent check of the rule in `implementatie.survey.disclosure`: generate teams with 2-3
attributes, collect every count any output may show (whole team, each group of each attribute,
per determinant, and what is left when the shown groups of an attribute are subtracted from the
whole), and assert that no two of them can be subtracted to leave 1 to minimum - 1 people.
"""

from __future__ import annotations

import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from implementatie.errors import InvalidOption
from implementatie.survey.assessment import Assessment, assess
from implementatie.survey.comparison import compare
from implementatie.survey.disclosure import hidden_groups, may_show
from implementatie.survey.responses import make_responses
from implementatie.survey.subgroups import NOT_GIVEN

ITEMS = {"q23": "time_available", "q17": "knowledge", "q19": "formal_ratification"}
ANSWER = st.sampled_from([1, 2, 3, 4, 5, "na", None])
ATTRIBUTE_VALUES = st.sampled_from(["a", "a", "b", "b", "c", None])

Respondent = tuple[dict[str, object], dict[str, str | None]]


@st.composite
def teams(draw: st.DrawFn, size: tuple[int, int] = (1, 40)) -> list[Respondent]:
    names = ["role", "team", "location"][: draw(st.integers(2, 3))]
    count = draw(st.integers(*size))
    return [
        (
            {item: draw(ANSWER) for item in ITEMS if item != "q19"}
            | {"q19": draw(st.sampled_from([1, 2, 3, None]))},
            {name: draw(ATTRIBUTE_VALUES) for name in names},
        )
        for _ in range(count)
    ]


def assessed(team: list[Respondent], minimum: int, offset: int = 0) -> Assessment:
    answers = {f"r{offset + i}": dict(values) for i, (values, _) in enumerate(team)}
    attributes = {
        f"r{offset + i}": {k: v for k, v in attrs.items() if v is not None}
        for i, (_, attrs) in enumerate(team)
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return assess(
            make_responses(answers, attributes=attributes),
            min_group_size=minimum,
            allow_small_groups=True,
        )


def shown_sets(
    assessment: Assessment, team: list[Respondent], determinant: str
) -> list[frozenset[str]]:
    """Every set of respondents whose classification counts some output shows or implies."""
    ids = [f"r{i}" for i in range(len(team))]
    answered = frozenset(
        rid for rid, (values, _) in zip(ids, team, strict=True) if _valid(values, determinant)
    )
    overall = assessment.result(determinant)
    assert overall.n == len(answered)
    sets = [answered] if overall.negative is not None else []
    for attribute in team[0][1]:
        if all(attrs[attribute] is None for _, attrs in team):
            continue  # no one has it: no view by it exists
        subgroups = assessment.subgroups(attribute)
        index = [r.determinant.id for r in assessment.determinants].index(determinant)
        union: frozenset[str] = frozenset()
        for group in subgroups.groups:
            members = frozenset(
                rid
                for rid, (_, attrs) in zip(ids, team, strict=True)
                if (attrs[attribute] or NOT_GIVEN) == group.name
            )
            assert group.respondents == len(members) >= assessment.settings.min_group_size
            cell = group.determinants[index]
            if cell.status != "suppressed":
                assert cell.n == len(members & answered)
                sets.append(members & answered)
                union |= members & answered
        if sets and overall.negative is not None:
            sets.append(answered - union)  # whole minus the shown groups of this attribute
    return sets


def _valid(values: dict[str, object], determinant: str) -> bool:
    item = next(i for i, d in ITEMS.items() if d == determinant)
    return values.get(item) not in (None, "na")


def assert_no_small_difference(sets: list[frozenset[str]], minimum: int) -> None:
    for first in sets:
        assert len(first) == 0 or len(first) >= minimum
        for second in sets:
            if second <= first:
                assert len(first - second) == 0 or len(first - second) >= minimum


@given(teams(), st.sampled_from([3, 5]))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_respondent_derivable_across_all_views(team: list[Respondent], minimum: int) -> None:
    assessment = assessed(team, minimum)
    for determinant in ITEMS.values():
        assert_no_small_difference(shown_sets(assessment, team, determinant), minimum)


@given(teams(size=(5, 20)), st.integers(0, 8), st.integers(0, 8), st.sampled_from([3, 5]))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_respondent_derivable_across_two_rounds(
    team: list[Respondent], dropped: int, added: int, minimum: int
) -> None:
    before = assessed(team, minimum)
    kept = team[dropped:]
    after = assessed(kept + team[:added], minimum, offset=dropped)  # new people get new ids
    try:
        comparison = compare(before, after)
    except InvalidOption:
        return
    for change in comparison.changes:
        if change.after.status == "suppressed" or change.determinant.id not in ITEMS.values():
            continue  # the other determinants have no answers in these teams
        b = {f"r{i}" for i, (v, _) in enumerate(team) if _valid(v, change.determinant.id)}
        a = {
            f"r{dropped + i}"
            for i, (v, _) in enumerate(kept + team[:added])
            if _valid(v, change.determinant.id)
        }
        for first, second in ((a, b), (b, a)):
            if second <= first and first & second:
                assert len(first - second) == 0 or len(first - second) >= minimum


def test_may_show_checks_a_dashboard_combination() -> None:
    team = {f"p{i}" for i in range(12)}
    doctors, noord = {f"p{i}" for i in range(6)}, {f"p{i}" for i in range(5)}
    assert not may_show(team, {"role": {"arts": doctors}, "team": {"Noord": noord}})
    assert may_show(team, {"role": {"arts": doctors}})
    assert may_show(team, {"team": {"Noord": noord, "Zuid": team - noord}})
    assert not may_show(team, {"team": {"Noord": noord, "Zuid": team - noord}}, 6)
    assert not may_show(team, {"role": {"ghost": {"nobody"}}})
    assert not may_show({"p1", "p2"}, {})


def test_hidden_groups_is_deterministic_and_hides_the_smaller_of_a_pair() -> None:
    everyone = frozenset(f"p{i}" for i in range(12))
    parts = {
        "role": {
            "arts": frozenset(f"p{i}" for i in range(6)),
            "vpk": frozenset(f"p{i}" for i in range(6, 12)),
        },
        "team": {
            "Noord": frozenset(f"p{i}" for i in range(5)),
            "Zuid": frozenset(f"p{i}" for i in range(5, 12)),
        },
    }
    hidden = hidden_groups(everyone, parts, 5)
    assert hidden == hidden_groups(everyone, parts, 5)
    assert ("team", "Noord") in hidden  # arts (6) vs Noord (5): Noord is the smaller
    assert hidden_groups(everyone, parts, 1) == frozenset()


@pytest.mark.parametrize("size", [4, 5])
def test_a_whole_team_below_the_minimum_shows_no_group(size: int) -> None:
    everyone = frozenset(f"p{i}" for i in range(size))
    hidden = hidden_groups(everyone, {"role": {"a": everyone}}, 5)
    assert hidden == (frozenset({("role", "a")}) if size < 5 else frozenset())
