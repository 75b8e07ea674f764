"""The scoring rule at its exact boundaries: mean cut-offs, motivation, defaults, settings."""

from __future__ import annotations

import pytest

from implementatie import InvalidOption, Settings, load_catalog
from implementatie.survey.assessment import assess
from implementatie.survey.responses import make_responses
from implementatie.survey.scoring import DeterminantResult
from tests.conftest import CATALOGUES

CATALOG = load_catalog()
REFERENTS = load_catalog(CATALOGUES / "referents.yaml")


def everyone(answers: dict[str, object], n: int = 5) -> dict[str, dict[str, object]]:
    return {f"r{i}": dict(answers) for i in range(n)}


def shares(
    result: DeterminantResult,
) -> tuple[int | None, float | None, float | None, float | None]:
    return (result.n, result.negative, result.neutral, result.positive)


# personal_benefits has two items; q08c is reversed (6 - answer), so (q08a, q08c) gives
# the mean of q08a and 6 - q08c.
@pytest.mark.parametrize(
    ("q08a", "q08c", "expected"),
    [
        (2, 4, (5, 1.0, 0.0, 0.0)),  # mean 2: negative
        (2, 3, (5, 0.0, 1.0, 0.0)),  # mean exactly 2.5: neutral, not negative
        (3, 3, (5, 0.0, 1.0, 0.0)),  # mean 3: neutral
        (4, 3, (5, 0.0, 1.0, 0.0)),  # mean exactly 3.5: neutral, not positive
        (4, 2, (5, 0.0, 0.0, 1.0)),  # mean 4: positive
    ],
)
def test_mean_cut_offs_are_exclusive(q08a: int, q08c: int, expected: tuple[object, ...]) -> None:
    answers = everyone({"q08a": q08a, "q08c": q08c})
    assert shares(assess(make_responses(answers)).result("personal_benefits")) == expected


def test_thirds_around_the_cut_offs() -> None:
    # three referents on subjective norm (motivation not asked, so all count): means in thirds
    def norm(manager: int, colleagues: int, clients: int) -> tuple[object, ...]:
        answers = everyone(
            {"q15_manager": manager, "q15_colleagues": colleagues, "q15_clients": clients}
        )
        return shares(assess(make_responses(answers)).result("subjective_norm"))

    assert norm(2, 2, 3) == (5, 1.0, 0.0, 0.0)  # 7/3 < 2.5: negative
    assert norm(2, 3, 3) == (5, 0.0, 1.0, 0.0)  # 8/3: neutral
    assert norm(3, 3, 4) == (5, 0.0, 1.0, 0.0)  # 10/3: neutral
    assert norm(3, 4, 4) == (5, 0.0, 0.0, 1.0)  # 11/3 > 3.5: positive


def test_neutral_share_is_what_is_neither_negative_nor_positive() -> None:
    answers = {
        "r1": {"q08a": 2, "q08c": 4},  # negative
        "r2": {"q08a": 2, "q08c": 3},  # neutral (2.5)
        "r3": {"q08a": 4, "q08c": 3},  # neutral (3.5)
        "r4": {"q08a": 4, "q08c": 2},  # positive
        "r5": {"q08a": 5, "q08c": 1},  # positive
    }
    r = assess(make_responses(answers)).result("personal_benefits")
    assert shares(r) == (5, 0.2, 0.4, 0.4)
    assert r.status == "barrier"


def test_a_missing_item_does_not_hide_the_items_after_it() -> None:
    # q08a not answered: q08c alone decides (1, reversed: 5, positive)
    r = assess(make_responses(everyone({"q08c": 1}))).result("personal_benefits")
    assert shares(r) == (5, 0.0, 0.0, 1.0)
    r = assess(make_responses(everyone({"q08a": "na", "q08c": 5}))).result("personal_benefits")
    assert shares(r) == (5, 1.0, 0.0, 0.0)
    # the manager statement not answered: the colleagues statement still counts
    r = assess(make_responses(everyone({"q15_colleagues": 1}))).result("subjective_norm")
    assert shares(r) == (5, 1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("motivation", "min_motivation", "counted"),
    [
        (2, None, False),
        (3, None, True),  # the default minimum is 3, and 3 itself counts
        (3, 4, False),
        (4, 4, True),
        (1, 1, True),
        (4, 5, False),
        (5, 5, True),
    ],
)
def test_referent_counts_from_the_minimum_motivation(
    motivation: int, min_motivation: int | None, counted: bool
) -> None:
    answers = everyone({"q15_manager": 1, "q15_manager_motivation": motivation})
    options = {} if min_motivation is None else {"min_motivation": min_motivation}
    r = assess(
        make_responses(answers), min_group_size=1, allow_small_groups=True, **options
    ).result("subjective_norm")
    assert shares(r) == ((5, 1.0, 0.0, 0.0) if counted else (0, None, None, None))


def test_assess_defaults_are_the_settings_defaults() -> None:
    settings = assess(make_responses({"r1": {"q01": 3}})).settings
    assert settings == Settings()
    assert (
        settings.barrier_threshold,
        settings.facilitator_threshold,
        settings.dont_know,
        settings.min_group_size,
        settings.min_motivation,
    ) == (0.2, 0.8, "negative", 5, 3)


def test_a_referent_without_a_motivation_item_always_counts() -> None:
    answers = make_responses(everyone({"peers": 1}), catalog=REFERENTS)
    r = assess(answers, catalog=REFERENTS).result("norm")
    assert shares(r) == (5, 1.0, 0.0, 0.0)


@pytest.mark.parametrize(
    ("dont_know", "counted"),
    [("negative", False), ("neutral", True), ("exclude", True)],
)
def test_dont_know_on_a_motivation_item_follows_the_dont_know_setting(
    dont_know: str, counted: bool
) -> None:
    # "don't know" whether the boss's view counts: negative (1) is below the minimum 3;
    # neutral (3) reaches it; excluded is as if not answered, which counts
    answers = make_responses(everyone({"boss": 1, "boss_matters": 3}), catalog=REFERENTS)
    r = assess(
        answers, catalog=REFERENTS, dont_know=dont_know, min_group_size=1, allow_small_groups=True
    ).result("norm")  # type: ignore[arg-type]
    assert shares(r) == ((5, 1.0, 0.0, 0.0) if counted else (0, None, None, None))


def test_a_motivation_answer_is_never_reversed_or_scored_itself() -> None:
    # "yes, the boss's view counts" (score 5) with the boss expecting use (5): positive;
    # the motivation answer is not an item score (else a "no" would pull the mean down)
    yes = make_responses(everyone({"boss": 5, "boss_matters": 1}), catalog=REFERENTS)
    assert shares(assess(yes, catalog=REFERENTS).result("norm")) == (5, 0.0, 0.0, 1.0)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"barrier_threshold": 0}, "barrier_threshold must be between 0 and 1, got 0"),
        ({"barrier_threshold": 1.01}, "barrier_threshold must be between 0 and 1, got 1.01"),
        ({"facilitator_threshold": 0}, "facilitator_threshold must be between 0 and 1, got 0"),
        ({"facilitator_threshold": 1.5}, "facilitator_threshold must be between 0 and 1, got 1.5"),
        ({"dont_know": "maybe"}, "dont_know must be negative, neutral or exclude, got 'maybe'"),
        ({"min_group_size": 0}, "min_group_size must be at least 1, got 0"),
        ({"min_group_size": 4}, "min_group_size 4 is below 5: results of so few people"),
        ({"min_motivation": 0}, "min_motivation must be 1-5, got 0"),
        ({"min_motivation": 6}, "min_motivation must be 1-5, got 6"),
    ],
)
def test_bad_settings_name_the_setting_and_the_value(
    options: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidOption) as caught:
        Settings(**options)  # type: ignore[arg-type]
    assert str(caught.value).startswith(message)


@pytest.mark.parametrize(
    "options",
    [
        {"barrier_threshold": 1},
        {"facilitator_threshold": 1},
        {"barrier_threshold": 0.01},
        {"min_group_size": 1, "allow_small_groups": True},
        {"min_group_size": 5, "allow_small_groups": False},
        {"min_motivation": 1},
        {"min_motivation": 5},
        {"dont_know": "exclude"},
    ],
)
def test_settings_at_the_edge_of_their_range_are_accepted(options: dict[str, object]) -> None:
    settings = Settings(**options)  # type: ignore[arg-type]
    for name, value in options.items():
        assert getattr(settings, name) == value


@pytest.mark.parametrize(
    ("q08a", "q08c", "polarity"),
    [
        (2, 4, "negative"),
        (2, 3, "neutral"),
        (4, 3, "neutral"),
        (4, 2, "positive"),
        (None, None, None),
    ],
)
def test_classify_gives_one_respondents_polarity(
    q08a: int | None, q08c: int | None, polarity: str | None
) -> None:
    """Five respondents answering alike: every one of them has exactly this polarity."""
    answers = {k: v for k, v in {"q08a": q08a, "q08c": q08c}.items() if v is not None}
    result = assess(make_responses({f"r{i}": answers for i in range(5)})).result(
        "personal_benefits"
    )
    if polarity is None:
        assert (result.n, result.status) == (0, "insufficient_data")
        return
    shares = {"negative": result.negative, "neutral": result.neutral, "positive": result.positive}
    assert result.n == 5 and shares[polarity] == 1.0
    assert all(share == 0.0 for name, share in shares.items() if name != polarity)


def test_a_result_as_data_gives_percentages_with_one_decimal() -> None:
    determinant = CATALOG.determinant("time_available")
    result = DeterminantResult(determinant, 7, 2 / 7, 4 / 7, 1 / 7, "barrier")
    assert result.to_dict() == {
        "id": "time_available",
        "n": 7,
        "negative": 28.6,
        "neutral": 57.1,
        "positive": 14.3,
        "status": "barrier",
    }
    hidden = DeterminantResult(determinant, None, None, None, None, "suppressed")
    assert hidden.to_dict() == {
        "id": "time_available",
        "n": None,
        "negative": None,
        "neutral": None,
        "positive": None,
        "status": "suppressed",
    }
