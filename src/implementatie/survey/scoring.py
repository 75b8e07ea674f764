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
from typing import Any, Literal

from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Determinant, Item
from implementatie.survey.disclosure import SAFE_MINIMUM, SMALL_GROUPS_REFUSED
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
    allow_small_groups: bool = False
    """Required (True) for a `min_group_size` below 5: an explicit, visible choice."""

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
        if self.min_group_size < SAFE_MINIMUM and not self.allow_small_groups:
            raise InvalidOption(
                SMALL_GROUPS_REFUSED.format(minimum=self.min_group_size, safe=SAFE_MINIMUM)
            )
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

    def to_dict(self) -> dict[str, Any]:
        """`id`, `n`, `negative`, `neutral`, `positive` (percentages, one decimal), `status`."""
        return {
            "id": self.determinant.id,
            "n": self.n,
            "negative": percent(self.negative),
            "neutral": percent(self.neutral),
            "positive": percent(self.positive),
            "status": self.status,
        }

    def __repr__(self) -> str:
        return f"DeterminantResult({self.determinant.id}, n={self.n}, status={self.status})"


def percent(share: float | None) -> float | None:
    """A share (0-1) as a percentage with one decimal, as in the JSON output."""
    return None if share is None else round(share * 100, 1)


POLARITIES: tuple[Polarity | None, ...] = (None, "negative", "neutral", "positive")
"""Polarity codes: 0 no valid answer, then negative, neutral, positive."""


def polarity_codes(
    determinant: Determinant,
    answers: Mapping[str, bytes | bytearray],
    catalog: Catalog,
    settings: Settings,
) -> bytes:
    """Each respondent's polarity code on `determinant`, from the item answer codes."""
    scores = [
        _score_column(item, determinant, answers, catalog, settings)
        for item in determinant.items
        if not item.motivation
    ]
    if len(scores) == 1:
        return scores[0].translate(bytes(_polarity(s, 1 if s else 0) for s in range(256)))
    per_respondent = zip(*scores, strict=True)  # pragma: no mutate (columns of one length)
    return bytes(map(_Means().__getitem__, per_respondent))


def _score_column(
    item: Item,
    determinant: Determinant,
    answers: Mapping[str, bytes | bytearray],
    catalog: Catalog,
    settings: Settings,
) -> bytes:
    """Each respondent's score on a statement item, 1-5, or 0 when it does not count."""
    table = bytes(score or 0 for score in _item_scores(item, catalog, settings))
    motivation = next(
        (i for i in determinant.items if i.motivation and i.referent == item.referent), None
    )
    if item.referent is None or motivation is None:
        return bytes(answers[item.id]).translate(table)
    # A referent's expectation counts only when the respondent values their opinion: a mask
    # byte 0xFF (values it, or did not say) or 0x00 per respondent, applied with one big AND.
    valued = bytes(
        0xFF if score is None or score >= settings.min_motivation else 0
        for score in _item_scores(motivation, catalog, settings)
    )
    statement = bytes(answers[item.id]).translate(table)
    mask = bytes(answers[motivation.id]).translate(valued)
    # Bytes as one big-endian number each (the default byte order since Python 3.11).
    both = int.from_bytes(statement) & int.from_bytes(mask)
    return both.to_bytes(len(statement))


class _Means(dict[tuple[int, ...], int]):
    """A respondent's item scores (0 = does not count) → polarity code of their mean."""

    def __missing__(self, scores: tuple[int, ...]) -> int:
        counted = [s for s in scores if s]
        polarity = self[scores] = _polarity(sum(counted), len(counted))
        return polarity


def _polarity(total: int, count: int) -> int:
    """Polarity code of a mean score total / count: below 2.5 negative, above 3.5 positive."""
    if not count:
        return 0
    if 2 * total < 5 * count:
        return 1
    if 2 * total > 7 * count:
        return 3
    return 2


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
