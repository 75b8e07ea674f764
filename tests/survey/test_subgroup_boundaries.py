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


def shown(assessment: Assessment) -> dict[str, int]:
    return {g.name: g.respondents for g in assessment.subgroups("role").groups}


def small(minimum: int) -> dict[str, object]:
    """Options for a minimum group size, with the explicit opt-in below 5."""
    return {"min_group_size": minimum, "allow_small_groups": minimum < 5}


@pytest.mark.parametrize("minimum", [5, 3])
def test_a_group_of_exactly_the_minimum_is_shown(minimum: int) -> None:
    subgroups = team({"a": minimum, "b": minimum}, **small(minimum)).subgroups("role")
    assert {g.name: g.respondents for g in subgroups.groups} == {"a": minimum, "b": minimum}
    assert not subgroups.hidden


@pytest.mark.parametrize("minimum", [5, 3])
def test_a_group_one_below_the_minimum_is_hidden(minimum: int) -> None:
    subgroups = team({"a": minimum - 1, "b": 2 * minimum}, **small(minimum)).subgroups("role")
    assert "a" not in {g.name for g in subgroups.groups}
    assert subgroups.hidden


def test_groups_of_at_least_the_minimum_are_all_shown() -> None:
    assert shown(team({"a": 5, "b": 5, "c": 6})) == {"a": 5, "b": 5, "c": 6}


def test_a_cell_of_exactly_the_minimum_is_shown_and_one_below_is_hidden() -> None:
    groups = team({"a": 6, "b": 6}, answered={"a": 5, "b": 6}).subgroups("role").groups
    knowledge = [next(c for c in g.determinants if c.determinant.id == "knowledge") for g in groups]
    assert [(c.n, c.status) for c in knowledge] == [(5, "facilitator"), (6, "facilitator")]
    assert [c.positive for c in knowledge] == [1.0, 1.0]
    groups = team({"a": 6, "b": 6}, answered={"a": 4, "b": 6}).subgroups("role").groups
    knowledge = [next(c for c in g.determinants if c.determinant.id == "knowledge") for g in groups]
    assert knowledge[0].status == "suppressed" and knowledge[0].n is None


def test_a_single_hidden_respondent_cannot_be_worked_out_from_the_team() -> None:
    # one respondent in a: the team total minus the groups shown must not be that one person
    assessment = team({"a": 1, "b": 6, "c": 7})
    groups = shown(assessment)
    assert "a" not in groups
    rest = assessment.respondents - sum(groups.values())
    assert rest == 0 or rest >= 5


def test_hidden_groups_count_as_hidden_in_every_cell() -> None:
    # c (2) is too small, and b is hidden with it (else team - a - b would show c). On
    # knowledge, a has 5 answers: with b and c (8) hidden, a's cell may be shown.
    assessment = team({"a": 10, "b": 6, "c": 2}, answered={"a": 5, "b": 6, "c": 2})
    subgroups = assessment.subgroups("role")
    assert shown(assessment) == {"a": 10} and subgroups.hidden
    knowledge = next(c for c in subgroups.groups[0].determinants if c.determinant.id == "knowledge")
    assert (knowledge.n, knowledge.status) == (5, "facilitator")


def test_cells_name_their_determinant_in_the_overall_order() -> None:
    assessment = team({"a": 10, "b": 6, "c": 2}, answered={"a": 3})
    order = [r.determinant for r in assessment.determinants]
    subgroups = assessment.subgroups("role")
    assert subgroups.attribute == "role"
    for group in subgroups.groups:
        assert [c.determinant for c in group.determinants] == order
