"""Subgroup views never show a group or cell that a subtraction could narrow to a few people."""

from __future__ import annotations

import pytest

from implementatie.errors import InvalidOption
from implementatie.survey.assessment import assess
from implementatie.survey.responses import make_responses
from implementatie.survey.subgroups import NOT_GIVEN


def build(roles: list[str | None], answer: object = 4, **options: object):
    answers = {f"r{i}": {"q23": answer, "q17": answer} for i in range(len(roles))}
    attributes = {f"r{i}": {"role": role} for i, role in enumerate(roles) if role is not None}
    return assess(make_responses(answers, attributes=attributes), **options)  # type: ignore[arg-type]


def shown(subgroups) -> dict[str, int]:
    return {g.name: g.respondents for g in subgroups.groups}


def test_group_below_minimum_is_hidden_with_one_more() -> None:
    # 10 nurses, 6 doctors, 2 assistants: the assistants are hidden, and because 2 < 5 the
    # smallest other group (doctors) is hidden too, so nurses = total - hidden cannot reveal them
    subgroups = build(["nurse"] * 10 + ["doctor"] * 6 + ["assistant"] * 2).subgroups("role")
    assert shown(subgroups) == {"nurse": 10}
    assert subgroups.hidden is True


def test_no_extra_hiding_when_hidden_part_is_large_enough() -> None:
    subgroups = build(["a"] * 6 + ["b"] * 6 + ["c"] * 3 + ["d"] * 3).subgroups("role")
    assert shown(subgroups) == {"a": 6, "b": 6}


def test_group_of_exactly_the_minimum_is_shown() -> None:
    subgroups = build(["a"] * 5 + ["b"] * 5).subgroups("role")
    assert shown(subgroups) == {"a": 5, "b": 5} and subgroups.hidden is False
    subgroups = build(["a"] * 5 + ["b"] * 4).subgroups("role")
    assert shown(subgroups) == {} and subgroups.hidden is True


def test_respondents_without_the_attribute_form_their_own_group() -> None:
    groups = build(["team"] * 6 + [None] * 6).subgroups("role").groups
    assert [(g.name, g.respondents) for g in groups] == [("team", 6), (NOT_GIVEN, 6)]


def test_cells_with_few_valid_answers_are_hidden_per_determinant() -> None:
    answers = {f"r{i}": {"q23": 4, "q17": 4 if i < 3 or i >= 6 else "na"} for i in range(12)}
    roles = {f"r{i}": {"role": "a" if i < 6 else "b"} for i in range(12)}
    groups = assess(make_responses(answers, attributes=roles)).subgroups("role").groups
    a, b = groups
    assert a.respondents == 6 and b.respondents == 6
    time_a, time_b = (g.determinants[22] for g in groups)  # time_available: all answered
    assert time_a.n == 6 and time_b.n == 6
    know_a, know_b = (g.determinants[16] for g in groups)  # knowledge: a has only 3 answers
    assert know_a.status == "suppressed"
    assert know_b.status == "suppressed"  # complementary: total − b would reveal a's three


def test_unknown_attribute_is_an_error() -> None:
    with pytest.raises(InvalidOption, match="no respondent has the attribute 'team'"):
        build(["a"] * 6).subgroups("team")


def test_issue_10_two_views_cannot_be_subtracted() -> None:
    # Reproduction 2: 12 respondents; 6 doctors, five of them in team Noord (no one else
    # there), the sixth in Zuid. Every group has ≥ 5, but doctors − Noord = the Zuid doctor.
    answers = {f"r{i}": {"q23": 1 if i == 5 else 4} for i in range(12)}
    attributes = {
        f"r{i}": {
            "role": "arts" if i < 6 else "verpleegkundige",
            "team": "Noord" if i < 5 else "Zuid",
        }
        for i in range(12)
    }
    assessment = assess(make_responses(answers, attributes=attributes))
    by_role, by_team = assessment.subgroups("role"), assessment.subgroups("team")
    sets = {
        ("role", "arts"): set(range(6)),
        ("role", "verpleegkundige"): set(range(6, 12)),
        ("team", "Noord"): set(range(5)),
        ("team", "Zuid"): set(range(5, 12)),
    }
    visible = [sets[("role", g.name)] for g in by_role.groups]
    visible += [sets[("team", g.name)] for g in by_team.groups]
    visible.append(set(range(12)))
    for first in visible:
        for second in visible:
            assert len(first - second) in (0, *range(5, 13))
    assert by_role.hidden or by_team.hidden


def test_issue_10_min_group_size_below_five_needs_an_explicit_opt_in() -> None:
    # Reproduction 3: `--min-group-size 1` was accepted silently.
    with pytest.raises(InvalidOption, match="allow_small_groups"):
        build(["a"] * 6, min_group_size=4)
    with pytest.warns(UserWarning, match="below the safe minimum of 5"):
        assessment = build(["a"] * 6, min_group_size=4, allow_small_groups=True)
    assert assessment.warnings and "min_group_size is 4" in assessment.warnings[0]
    assert build(["a"] * 6, min_group_size=5).warnings == ()


def test_issue_10_hidden_groups_are_not_named() -> None:
    # Reproduction 3: hidden groups were still listed by name.
    subgroups = build(["nurse"] * 10 + ["doctor"] * 6 + ["secret-role"] * 2).subgroups("role")
    assert "secret-role" not in repr(subgroups)
    assert all(g.name != "secret-role" for g in subgroups.groups)
