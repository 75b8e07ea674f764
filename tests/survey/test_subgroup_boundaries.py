"""Subgroup hiding at its exact boundaries.

The rule: a group (or cell) of exactly `min_group_size` is shown; one of
`min_group_size - 1` is hidden. Complementary hiding then makes sure the hidden part cannot
be worked out from the whole team's result.
"""

from __future__ import annotations

import pytest

from implementatie.survey.assessment import Assessment, assess
from implementatie.survey.responses import make_responses


def team(sizes: dict[str, int], answered: dict[str, int] | None = None, **options: object):
    """Groups of the given sizes answering q23; `answered` gives how many answer q17 too."""
    answers: dict[str, dict[str, object]] = {}
    attributes: dict[str, dict[str, str]] = {}
    for role, size in sizes.items():
        for i in range(size):
            rid = f"{role}{i}"
            answers[rid] = {"q23": 4}
            if answered is not None and i < answered.get(role, 0):
                answers[rid]["q17"] = 4
            attributes[rid] = {"role": role}
    return assess(make_responses(answers, attributes=attributes), **options)  # type: ignore[arg-type]


def shown(assessment: Assessment) -> dict[str, int | None]:
    return {g.name: g.respondents for g in assessment.subgroups("role").groups}


@pytest.mark.parametrize("minimum", [5, 3])
def test_a_group_of_exactly_the_minimum_is_shown(minimum: int) -> None:
    result = shown(team({"a": minimum, "b": minimum}, min_group_size=minimum))
    assert result == {"a": minimum, "b": minimum}


@pytest.mark.parametrize("minimum", [5, 3])
def test_a_group_one_below_the_minimum_is_hidden(minimum: int) -> None:
    result = shown(team({"a": minimum - 1, "b": 2 * minimum}, min_group_size=minimum))
    assert result["a"] is None


def test_a_cell_of_exactly_the_minimum_is_shown_and_one_below_is_hidden() -> None:
    groups = team({"a": 6, "b": 6}, answered={"a": 5, "b": 6}).subgroups("role").groups
    knowledge = [next(c for c in g.determinants if c.determinant.id == "knowledge") for g in groups]
    assert [(c.n, c.status) for c in knowledge] == [(5, "facilitator"), (6, "facilitator")]
    assert [c.positive for c in knowledge] == [1.0, 1.0]
    groups = team({"a": 6, "b": 6}, answered={"a": 4, "b": 6}).subgroups("role").groups
    knowledge = [next(c for c in g.determinants if c.determinant.id == "knowledge") for g in groups]
    assert knowledge[0].status == "suppressed" and knowledge[0].n is None


def test_a_single_hidden_respondent_is_protected_by_hiding_one_more_group() -> None:
    # one respondent hidden: the team total minus the visible groups would show their answer
    result = shown(team({"a": 1, "b": 6, "c": 7}))
    assert result == {"a": None, "b": None, "c": 7}


def test_complementary_hiding_stops_once_the_hidden_part_reaches_the_minimum() -> None:
    # a (2) and b (3) are hidden, together exactly 5: nothing more needs to be hidden
    result = shown(team({"a": 2, "b": 3, "c": 6, "d": 7}))
    assert result == {"a": None, "b": None, "c": 6, "d": 7}


def test_every_cell_of_a_hidden_group_is_hidden() -> None:
    # c (2) is too small, so b (6) is hidden with it. On knowledge, a has only 5 answers and
    # b has 6: hiding per cell alone would hide a's cell and show b's, which would undo
    # hiding group b. Hidden groups stay hidden in every cell.
    assessment = team({"a": 10, "b": 6, "c": 2}, answered={"a": 5, "b": 6, "c": 2})
    groups = {g.name: g for g in assessment.subgroups("role").groups}
    assert {name: g.respondents for name, g in groups.items()} == {"a": 10, "b": None, "c": None}
    for name in ("b", "c"):
        assert {c.status for c in groups[name].determinants} == {"suppressed"}
    knowledge = next(c for c in groups["a"].determinants if c.determinant.id == "knowledge")
    assert (knowledge.n, knowledge.status) == (5, "facilitator")


def test_cells_name_their_determinant_in_the_overall_order_also_when_hidden() -> None:
    assessment = team({"a": 10, "b": 6, "c": 2})
    order = [r.determinant for r in assessment.determinants]
    subgroups = assessment.subgroups("role")
    assert subgroups.attribute == "role"
    for group in subgroups.groups:
        assert [c.determinant for c in group.determinants] == order
