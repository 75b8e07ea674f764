"""From a team's answers to a determinant profile: barriers, facilitators, subgroups, change.

Scoring follows the MIDI conventions as applied in practice (Fleuren et al. 2014; Verberne et
al. 2018), every choice a parameter:

1. Each answer gets a score on a common 1-5 scale (its option's `score`); a reversed item
   counts as 6 - score. "Not applicable" and missing answers are left out.
2. "Don't know" (yes/no/don't-know items) counts as negative by default: the arrangement does
   not reach the professional. `dont_know="neutral"` or `"exclude"` changes that.
3. Subjective norm: a referent's expectation counts only when the respondent values that
   referent's opinion (motivation sub-item ≥ `min_motivation`, default 3, or not answered).
4. A respondent's determinant score is the mean of their item scores; below 2.5 is negative,
   above 3.5 positive, otherwise neutral. With one item: 1-2 negative, 3 neutral, 4-5 positive.
5. Over the n respondents with a score: a **barrier** when at least 20 % are negative
   (`barrier_threshold`), a **facilitator** when at least 80 % are positive
   (`facilitator_threshold`), otherwise neutral. A determinant that qualifies as both is a
   barrier. With fewer than `min_group_size` (default 5) valid answers the status is
   insufficient data and no percentages are given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Literal

from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Determinant, Item
from implementatie.survey.responses import FIRST_OPTION

Polarity = Literal["negative", "neutral", "positive"]
Status = Literal["barrier", "facilitator", "neutral", "insufficient_data", "suppressed"]
DontKnow = Literal["negative", "neutral", "exclude"]

_DONT_KNOW_SCORE: dict[DontKnow, int | None] = {"negative": 1, "neutral": 3, "exclude": None}


@dataclass(frozen=True)
class Settings:
    """The scoring choices of an assessment (see the module docstring)."""

    barrier_threshold: float = 0.20
    facilitator_threshold: float = 0.80
    dont_know: DontKnow = "negative"
    min_group_size: int = 5
    min_motivation: int = 3

    def __post_init__(self) -> None:
        for name in ("barrier_threshold", "facilitator_threshold"):
            value = getattr(self, name)
            if not 0 < value <= 1:
                raise InvalidOption(f"{name} must be between 0 and 1, got {value}")
        if self.dont_know not in _DONT_KNOW_SCORE:
            raise InvalidOption(
                f"dont_know must be negative, neutral or exclude, got {self.dont_know!r}"
            )
        if self.min_group_size < 1:
            raise InvalidOption(f"min_group_size must be at least 1, got {self.min_group_size}")
        if not 1 <= self.min_motivation <= 5:
            raise InvalidOption(f"min_motivation must be 1-5, got {self.min_motivation}")


@dataclass(frozen=True)
class DeterminantResult:
    """How a group answered on one determinant. Shares are 0-1; None when not shown."""

    determinant: Determinant
    n: int | None
    """Respondents with a valid answer; None when hidden to protect a small group."""
    negative: float | None
    neutral: float | None
    positive: float | None
    status: Status

    @property
    def severity(self) -> float:
        """The share of negative answers (0 when not known): orders the barriers."""
        return self.negative or 0.0


POLARITIES: tuple[Polarity | None, ...] = (None, "negative", "neutral", "positive")
"""Polarity codes: 0 no valid answer, then negative, neutral, positive."""


def polarity_codes(
    determinant: Determinant,
    answers: Mapping[str, bytes | bytearray],
    catalog: Catalog,
    settings: Settings,
) -> bytes:
    """Each respondent's polarity code on `determinant`, from the item answer codes."""
    items = determinant.items
    columns = [answers[item.id] for item in items]
    rule = _Patterns(determinant, catalog, settings)
    if len(items) == 1:
        return bytes(columns[0]).translate(bytes(rule[(code,)] for code in range(256)))
    return bytes(map(rule.__getitem__, zip(*columns, strict=True)))


class _Patterns(dict[tuple[int, ...], int]):
    """Answer codes of a determinant's items (one respondent) → polarity code, remembered."""

    def __init__(self, determinant: Determinant, catalog: Catalog, settings: Settings) -> None:
        super().__init__()
        self.questions = determinant.items
        self.scores = [_item_scores(item, catalog, settings) for item in self.questions]
        self.motivation = settings.min_motivation
        self.motivations = {
            item.referent: i
            for i, item in reversed(list(enumerate(self.questions)))
            if item.motivation
        }

    def __missing__(self, pattern: tuple[int, ...]) -> int:
        total = count = 0
        for item, scores, code in zip(self.questions, self.scores, pattern, strict=True):
            score = scores[code]
            if item.motivation or score is None:
                continue
            if item.referent is not None and item.referent in self.motivations:
                at = self.motivations[item.referent]
                motivation = self.scores[at][pattern[at]]
                if motivation is not None and motivation < self.motivation:
                    continue  # the respondent does not value this referent's opinion
            total += score
            count += 1
        if not count:
            polarity = 0
        elif 2 * total < 5 * count:
            polarity = 1
        elif 2 * total > 7 * count:
            polarity = 3
        else:
            polarity = 2
        self[pattern] = polarity
        return polarity


def _item_scores(item: Item, catalog: Catalog, settings: Settings) -> list[int | None]:
    """Answer code → score on the 1-5 scale (reversed for a reversed statement); None when
    the answer does not count (absent, not applicable, "don't know" excluded)."""
    fmt = catalog.response_format(item.format)
    dont_know = _DONT_KNOW_SCORE[settings.dont_know]
    scores: list[int | None] = [None] * 256
    for i, option in enumerate(fmt.options):
        score = dont_know if option.dont_know else option.score
        if score is not None and item.reversed and not item.motivation:
            score = 6 - score
        scores[FIRST_OPTION + i] = score
    return scores


def counts(polarities: bytes) -> tuple[int, int, int]:
    """(negative, neutral, positive) among polarity codes."""
    return polarities.count(1), polarities.count(2), polarities.count(3)


def summarise(
    determinant: Determinant, polarities: Iterable[Polarity], settings: Settings
) -> DeterminantResult:
    """Shares and status of one determinant over the given respondents' polarities."""
    values = list(polarities)
    return summarise_counts(
        determinant,
        values.count("negative"),
        values.count("neutral"),
        values.count("positive"),
        settings,
    )


def summarise_counts(
    determinant: Determinant, negative: int, neutral: int, positive: int, settings: Settings
) -> DeterminantResult:
    """Shares and status from the numbers of negative, neutral and positive respondents.

    Thresholds compare exactly, in integers: 0.2 is 1/5, so 1 negative in 5 is a barrier.
    """
    n = negative + neutral + positive
    if n < settings.min_group_size:
        return DeterminantResult(determinant, n, None, None, None, "insufficient_data")
    barrier = _exact(settings.barrier_threshold)
    facilitator = _exact(settings.facilitator_threshold)
    if negative * barrier.denominator >= barrier.numerator * n:
        status: Status = "barrier"
    elif positive * facilitator.denominator >= facilitator.numerator * n:
        status = "facilitator"
    else:
        status = "neutral"
    return DeterminantResult(determinant, n, negative / n, neutral / n, positive / n, status)


@cache
def _exact(threshold: float) -> Fraction:
    """0.2 as exactly 1/5, so 1 negative answer in 5 is exactly at the threshold."""
    return Fraction(str(threshold))
