"""Subgroup views never show a group or cell small enough to single out a respondent."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from implementatie.survey.assessment import assess
from implementatie.survey.responses import make_responses
from implementatie.survey.subgroups import NOT_GIVEN


def build(roles: list[str | None], answer: object = 4, **options: object):
    answers = {f"r{i}": {"q23": answer, "q17": answer} for i in range(len(roles))}
    attributes = {f"r{i}": {"role": role} for i, role in enumerate(roles) if role is not None}
    return assess(make_responses(answers, attributes=attributes), **options)  # type: ignore[arg-type]


def test_group_below_minimum_is_hidden_with_one_more() -> None:
    # 10 nurses, 6 doctors, 2 assistants: the assistants are hidden, and because 2 < 5 the
    # smallest other group (doctors) is hidden too, so nurses = total - hidden cannot reveal them
    groups = build(["nurse"] * 10 + ["doctor"] * 6 + ["assistant"] * 2).subgroups("role").groups
    shown = {g.name: g.respondents for g in groups}
    assert shown == {"assistant": None, "doctor": None, "nurse": 10}
    for group in groups:
        if group.suppressed:
            assert all(r.status == "suppressed" and r.n is None for r in group.determinants)
            assert all(r.negative is None and r.positive is None for r in group.determinants)


def test_no_extra_hiding_when_hidden_part_is_large_enough() -> None:
    groups = build(["a"] * 6 + ["b"] * 6 + ["c"] * 3 + ["d"] * 3).subgroups("role").groups
    assert {g.name: g.respondents for g in groups} == {"a": 6, "b": 6, "c": None, "d": None}


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
    with pytest.raises(ValueError, match="no respondent has the attribute 'team'"):
        build(["a"] * 6).subgroups("team")


@given(
    st.lists(st.sampled_from(["a", "b", "c", "d", None]), min_size=1, max_size=40),
    st.lists(st.sampled_from([1, 2, 3, 4, 5, "na", None]), min_size=40, max_size=40),
    st.integers(min_value=2, max_value=6),
)
@settings(max_examples=150, deadline=None)
def test_nothing_small_is_ever_shown_or_derivable(roles, values, minimum) -> None:
    if all(r is None for r in roles):
        roles[0] = "a"
    answers = {f"r{i}": {"q23": values[i], "q04": values[-1 - i]} for i in range(len(roles))}
    attributes = {f"r{i}": {"role": r} for i, r in enumerate(roles) if r is not None}
    assessment = assess(make_responses(answers, attributes=attributes), min_group_size=minimum)
    groups = assessment.subgroups("role").groups
    sizes = {
        name: sum(1 for r in roles if (r or NOT_GIVEN) == name)
        for name in {r or NOT_GIVEN for r in roles}
    }
    hidden_people = sum(sizes[g.name] for g in groups if g.suppressed)
    # the whole team is shown, so the hidden part must itself be large enough (or all hidden)
    assert hidden_people == 0 or hidden_people >= minimum or hidden_people == len(roles)
    for group in groups:
        if not group.suppressed:
            assert group.respondents == sizes[group.name] >= minimum
    for index, overall in enumerate(assessment.determinants):
        cells = [g.determinants[index] for g in groups]
        visible = [c for c in cells if c.status != "suppressed"]
        for cell in visible:
            assert cell.n is not None and cell.n >= minimum
        hidden_answers = (overall.n or 0) - sum(c.n or 0 for c in visible)
        assert hidden_answers == 0 or hidden_answers >= minimum or overall.negative is None
