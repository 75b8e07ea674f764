"""Comparing two rounds never shows the answers of the few people who differ between them."""

from __future__ import annotations

import pytest

from implementatie.errors import InvalidOption
from implementatie.survey.assessment import assess
from implementatie.survey.comparison import compare, rounds_may_be_compared
from implementatie.survey.importers import read_responses
from implementatie.survey.responses import make_responses
from tests.conftest import EXAMPLE


def round_of(ids: range, answer: int = 4, **extra: dict[str, object]):
    answers = {f"r{i}": {"q23": answer} for i in ids}
    for rid, more in extra.items():
        answers[rid] = {**answers.get(rid, {}), **more}
    return assess(make_responses(answers))


def test_issue_10_one_added_respondent_is_refused(tmp_path) -> None:
    # Reproduction 1: the example team as round 1, the same plus one person as round 2; the
    # sign of each change gave that person's answers on all 29 determinants.
    text = EXAMPLE.read_text(encoding="utf-8").rstrip("\n").splitlines()
    added = text[-1].split(",")
    added[0] = "extra"
    after_file = tmp_path / "after.csv"
    after_file.write_text("\n".join([*text, ",".join(added)]) + "\n", encoding="utf-8")
    before, after = (assess(read_responses(f)) for f in (EXAMPLE, after_file))
    with pytest.raises(InvalidOption, match="differ by fewer than 5 respondents"):
        compare(before, after)
    with pytest.raises(InvalidOption, match="differ by fewer than 5"):
        compare(after, before)


@pytest.mark.parametrize(("extra", "allowed"), [(0, True), (1, False), (4, False), (5, True)])
def test_rounds_sharing_ids_must_differ_by_none_or_the_minimum(extra: int, allowed: bool) -> None:
    before, after = round_of(range(10)), round_of(range(10 + extra), answer=2)
    if allowed:
        comparison = compare(before, after)
        assert "10 respondent id(s) appear in both rounds" in comparison.warnings[-1]
    else:
        with pytest.raises(InvalidOption):
            compare(before, after)


def test_rounds_without_shared_ids_compare_without_warning() -> None:
    before = round_of(range(10))
    after = round_of(range(100, 106), answer=2)
    comparison = compare(before, after)
    assert comparison.warnings == ()
    assert comparison.new and comparison.new[0].id == "time_available"


def test_a_determinant_answered_by_a_few_more_people_is_hidden() -> None:
    # same 10 people; on knowledge (q17) one more of them answered in round 2
    before = round_of(range(10), **{f"r{i}": {"q17": 4} for i in range(6)})
    after = round_of(range(10), **{f"r{i}": {"q17": 1 if i == 6 else 4} for i in range(7)})
    changes = {c.determinant.id: c for c in compare(before, after).changes}
    assert changes["knowledge"].after.status == "suppressed"
    hidden = changes["knowledge"].before
    assert hidden.determinant.id == "knowledge" and hidden.status == "suppressed"
    assert changes["knowledge"].negative_change is None
    assert changes["time_available"].after.status != "suppressed"


def test_rounds_may_be_compared_at_the_boundary() -> None:
    base = {f"r{i}" for i in range(10)}
    assert rounds_may_be_compared(base, base, 5)
    assert not rounds_may_be_compared(base, base | {"x1", "x2", "x3", "x4"}, 5)
    assert rounds_may_be_compared(base, base | {f"x{i}" for i in range(5)}, 5)
    assert rounds_may_be_compared(base, {"y"}, 5)  # no shared id: separate groups
