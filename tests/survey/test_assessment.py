"""Scoring answers into a determinant profile: the MIDI conventions, exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from implementatie import InvalidOption, ResponseError, load_catalog
from implementatie.advice.recommendation import recommend
from implementatie.knowledge.text import normalise
from implementatie.survey.assessment import assess
from implementatie.survey.comparison import compare
from implementatie.survey.responses import MISSING_SPELLINGS, NA_SPELLINGS, make_responses

CATALOG = load_catalog()

# Some tests use a minimum group size below 5 on purpose; its warning is tested elsewhere.
pytestmark = pytest.mark.filterwarnings("ignore:min_group_size is:UserWarning")


def team(column: str, values: list[object], **extra: list[object]) -> dict[str, dict[str, object]]:
    """Respondents r1..rn answering `column` (and other items) with the given values."""
    answers: dict[str, dict[str, object]] = {}
    for index, value in enumerate(values):
        answers[f"r{index + 1}"] = {column: value}
        for item, more in extra.items():
            answers[f"r{index + 1}"][item] = more[index]
    return answers


def result(answers: dict[str, dict[str, object]], determinant: str, **options: object):
    return assess(make_responses(answers), **options).result(determinant)  # type: ignore[arg-type]


def test_exactly_20_percent_negative_is_a_barrier() -> None:
    r = result(team("q23", [2, 4, 4, 5, 4]), "time_available")
    assert (r.n, r.negative, r.status) == (5, 0.2, "barrier")
    r = result(team("q23", [2, 4, 4, 5, 4, 3]), "time_available")
    assert r.status == "neutral"  # 1 in 6 is below 20 %
    r = result(team("q23", [2, 1] + [4] * 8), "time_available")
    assert (r.negative, r.status) == (0.2, "barrier")  # 2 in 10
    r = result(team("q23", [2] + [4] * 9), "time_available")
    assert (r.negative, r.status) == (0.1, "facilitator")  # 1 in 10, and 90 % positive


def test_exactly_80_percent_positive_is_a_facilitator() -> None:
    r = result(team("q07", [4, 5, 4, 5, 3]), "relevance_for_client")
    assert (r.positive, r.status) == (0.8, "facilitator")
    r = result(team("q07", [4, 5, 4, 3, 3]), "relevance_for_client")
    assert r.status == "neutral"


def test_barrier_wins_over_facilitator() -> None:
    r = result(team("q07", [1, 5, 5, 5, 5]), "relevance_for_client")
    assert (r.negative, r.positive, r.status) == (0.2, 0.8, "barrier")


def test_reversed_item_flips_direction() -> None:
    # "the innovation is too complicated": agreeing is negative
    r = result(team("q04", [5, 4, 5, 4, 5]), "complexity")
    assert (r.negative, r.status) == (1.0, "barrier")
    r = result(team("q04", [1, 2, 1, 2, 1]), "complexity")
    assert (r.positive, r.status) == (1.0, "facilitator")


@pytest.mark.parametrize(
    ("dont_know", "n", "negative"),
    [("negative", 5, 0.6), ("neutral", 5, 0.2), ("exclude", 3, pytest.approx(1 / 3))],
)
def test_dont_know_is_a_parameter(dont_know: str, n: int, negative: object) -> None:
    # yes, no, don't know, don't know, yes
    r = result(
        team("q19", [1, 2, 3, 3, 1]),
        "formal_ratification",
        dont_know=dont_know,
        min_group_size=3,
        allow_small_groups=True,
    )
    assert (r.n, r.negative) == (n, negative)


def test_not_applicable_and_missing_are_not_counted() -> None:
    answers = team("q11", [4, 5, "na", "nvt", "Niet van toepassing", 4, 4, 4])
    answers["r9"] = {"q12": 3}  # no answer to q11 at all
    r = result(answers, "client_satisfaction")
    assert r.n == 5
    assert r.positive == 1.0


def test_labels_in_both_languages_equal_codes() -> None:
    codes = result(team("q23", [1, 2, 3, 4, 5]), "time_available")
    dutch = result(
        team(
            "q23",
            ["Helemaal mee oneens", "mee oneens", "Neutraal", "Mee eens", "helemaal mee eens"],
        ),
        "time_available",
    )
    english = result(
        team(
            "q23",
            [
                "Totally disagree",
                "Disagree",
                "Neither agree nor disagree",
                "Agree",
                "Totally agree",
            ],
        ),
        "time_available",
    )
    assert codes == dutch == english


def test_several_items_are_averaged() -> None:
    # q08a agree (4) and q08c "has drawbacks for me" agree (4 → 2): mean 3, neutral
    r = result(team("q08a", [4] * 5, q08c=[4] * 5), "personal_benefits")
    assert r.neutral == 1.0
    r = result(team("q08a", [5] * 5, q08c=[1] * 5), "personal_benefits")
    assert r.positive == 1.0
    r = result(team("q08a", [2] * 5, q08c=[5] * 5), "personal_benefits")
    assert r.negative == 1.0


def test_subjective_norm_counts_referents_the_respondent_values() -> None:
    # manager does not expect use (1); respondent does not value manager's opinion (1)
    ignored = team("q15_manager", [1] * 5, q15_manager_motivation=[1] * 5)
    r = result(ignored, "subjective_norm", min_group_size=1, allow_small_groups=True)
    assert (r.n, r.status) == (0, "insufficient_data")
    valued = team("q15_manager", [1] * 5, q15_manager_motivation=[4] * 5)
    assert result(valued, "subjective_norm").negative == 1.0
    unanswered = team("q15_manager", [1] * 5)
    assert result(unanswered, "subjective_norm").negative == 1.0
    mixed = team("q15_manager", [1] * 5, q15_manager_motivation=[2] * 5, q15_colleagues=[5] * 5)
    assert result(mixed, "subjective_norm").positive == 1.0


def test_small_groups_get_no_percentages() -> None:
    r = result(team("q23", [1, 1, 1, 1]), "time_available")
    assert (r.n, r.negative, r.status) == (4, None, "insufficient_data")
    r = result(team("q23", [1, 1, 1]), "time_available", min_group_size=3, allow_small_groups=True)
    assert r.status == "barrier"


def test_barriers_most_severe_first_and_ready_for_recommend() -> None:
    answers = {
        f"r{i}": {"q23": 1 if i < 3 else 4, "q19": 2 if i < 4 else 1, "q17": 1 if i < 3 else 5}
        for i in range(1, 7)
    }
    assessment = assess(make_responses(answers))
    barriers = assessment.barriers
    assert [b.determinant.id for b in barriers] == [
        "formal_ratification",
        "knowledge",
        "time_available",
    ]
    assert [round(b.severity, 2) for b in barriers] == [0.5, 0.33, 0.33]
    result_ = recommend(barriers)
    assert [b.determinant.id for b in result_.barriers] == [b.determinant.id for b in barriers]


def test_compare_before_and_after() -> None:
    before = assess(make_responses({f"r{i}": {"q23": 1, "q17": 4, "q27": 2} for i in range(6)}))
    after = assess(make_responses({f"r{i}": {"q23": 4, "q17": 1, "q27": 2} for i in range(6)}))
    comparison = compare(before, after)
    assert [d.id for d in comparison.resolved] == ["time_available"]
    assert [d.id for d in comparison.new] == ["knowledge"]
    assert [d.id for d in comparison.persisting] == ["information_accessible"]
    change = next(c for c in comparison.changes if c.determinant.id == "time_available")
    assert change.negative_change == -1.0
    with pytest.raises(ValueError, match="different settings"):
        compare(before, assess(make_responses({"r1": {"q23": 1}}), dont_know="neutral"))


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"barrier_threshold": 0}, "barrier_threshold must be between 0 and 1, got 0"),
        ({"facilitator_threshold": 1.5}, "facilitator_threshold must be between 0 and 1"),
        ({"dont_know": "maybe"}, "dont_know input should be 'negative', 'neutral' or 'exclude'"),
        ({"min_group_size": 0}, "min_group_size must be at least 1, got 0"),
        ({"min_motivation": 6}, "min_motivation must be 1-5, got 6"),
    ],
)
def test_bad_settings_are_clear_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidOption) as caught:
        assess(make_responses({"r1": {"q01": 3}}), **options)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_invalid_answers_name_respondent_and_item() -> None:
    with pytest.raises(ResponseError) as caught:
        make_responses({"anna": {"q01": 7, "q99": 1, "q19": "misschien"}})
    text = str(caught.value)
    assert "3 problems" in text
    assert "respondent anna, item q01" in text
    assert "7 is not a code of 'Five-point agreement scale'" in text
    assert "respondent anna, item q99" in text and "unknown item" in text
    assert "respondent anna, item q19" in text and "'misschien' is not an answer" in text


ITEMS = list(CATALOG.item_ids)


def valid_answer(item: str) -> st.SearchStrategy[object]:
    _, it = CATALOG.item(item)
    fmt = CATALOG.response_format(it.format)
    return st.one_of(
        st.sampled_from([o.code for o in fmt.options]),
        st.sampled_from([o.label.nl for o in fmt.options] + [o.label.en for o in fmt.options]),
        st.sampled_from(["na", "nvt", "", None]),
    )


respondent = st.fixed_dictionaries({}, optional={item: valid_answer(item) for item in ITEMS})


@given(
    st.lists(respondent, min_size=0, max_size=25),
    st.sampled_from(["negative", "neutral", "exclude"]),
)
@settings(max_examples=60, deadline=None)
def test_random_valid_input_never_crashes(rows: list[dict[str, object]], dont_know: str) -> None:
    responses = make_responses({f"r{i}": row for i, row in enumerate(rows)})
    assessment = assess(responses, dont_know=dont_know)  # type: ignore[arg-type]
    assert len(assessment.determinants) == 29
    for r in assessment.determinants:
        assert r.n is not None and r.n <= len(rows)
        if r.status == "insufficient_data":
            assert r.n < 5 and r.negative is None
        else:
            assert r.negative is not None and r.neutral is not None and r.positive is not None
            assert r.negative + r.neutral + r.positive == pytest.approx(1)
            assert (r.status == "barrier") == (r.negative >= 0.2 - 1e-12)


bad_value = st.one_of(
    st.integers().filter(lambda v: v not in range(1, 6)),
    st.text(min_size=1).filter(lambda t: t.strip().casefold() not in {"1", "2", "3", "4", "5"}),
)


@given(st.sampled_from([i for i in ITEMS if CATALOG.item(i)[1].format == "agreement"]), bad_value)
@settings(max_examples=100, deadline=None)
def test_random_invalid_input_always_gets_a_clear_error(item: str, value: object) -> None:
    try:
        make_responses({"r1": {item: value}})
    except ResponseError as error:
        assert f"respondent r1, item {item}" in str(error)
    else:  # the value happened to be a code, a label, na or empty: then it was read as that
        responses = make_responses({"r1": {item: value}})
        read = responses.respondents[0].answers.get(item)
        plain = str(value).strip().casefold()
        fmt = CATALOG.response_format(CATALOG.item(item)[1].format)
        if read is None:
            assert plain in MISSING_SPELLINGS
        elif read == "na":
            assert normalise(str(value)) in NA_SPELLINGS
        else:
            labels = {normalise(o.label.nl) for o in fmt.options if o.code == read} | {
                normalise(o.label.en) for o in fmt.options if o.code == read
            }
            assert normalise(str(value)) in labels or int(plain.removesuffix(".0")) == read


def test_facilitators_in_midi_order() -> None:
    answers = {f"r{i}": {"q29": 5, "q07": 4, "q23": 2} for i in range(5)}
    assessment = assess(make_responses(answers))
    assert [d.id for d in assessment.facilitators] == [
        "relevance_for_client",
        "legislation_and_regulations",
    ]
    assert [b.determinant.id for b in assessment.barriers] == ["time_available"]
