"""The disclosure rule at its edges: which group goes when a pair is unsafe, and views that
hold the whole team."""

from __future__ import annotations

from implementatie.survey.disclosure import hidden_groups, may_show

IDS = [f"r{i}" for i in range(15)]


def test_an_unsafe_pair_hides_the_smaller_of_its_two_groups() -> None:
    # role a (10) and team x (7) overlap in 6: a - x holds 4 people, so the pair is unsafe.
    # The smaller of the pair (team x) is hidden, not the smallest group anywhere (role b, 5);
    # team y then goes too, as the rest of team would be x.
    role = {"a": frozenset(IDS[:10]), "b": frozenset(IDS[10:])}
    team = {"x": frozenset([*IDS[:6], "r10"]), "y": frozenset(IDS[6:10] + IDS[11:])}
    hidden = hidden_groups(frozenset(IDS), {"role": role, "team": team}, 5)
    assert sorted(hidden) == [("team", "x"), ("team", "y")]


def test_a_view_whose_one_group_is_the_whole_team_may_be_shown() -> None:
    assert may_show(IDS[:6], {"role": {"a": IDS[:6]}})
    assert may_show(IDS[:6], {"role": {"a": IDS[:6], "b": []}})
    assert not may_show(IDS[:6], {"role": {"a": IDS[:7]}})  # r6 is not in the team
