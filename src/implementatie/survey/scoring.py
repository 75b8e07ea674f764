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

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Literal

from implementatie.errors import InvalidOption
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Determinant
from implementatie.survey.disclosure import SAFE_MINIMUM, SMALL_GROUPS_REFUSED
from implementatie.survey.responses import Respondent

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


def classify(
    respondent: Respondent, determinant: Determinant, catalog: Catalog, settings: Settings
) -> Polarity | None:
    """One respondent's polarity on one determinant; None without a valid answer."""
    answers = respondent.answers
    scores: list[int] = []
    for item in determinant.items:
        if item.motivation:
            continue
        score = _item_score(answers.get(item.id), item.format, item.reversed, catalog, settings)
        if score is None:
            continue
        if item.referent is not None and not _values_referent(
            respondent, determinant, item.referent, catalog, settings
        ):
            continue
        scores.append(score)
    if not scores:
        return None
    mean = Fraction(sum(scores), len(scores))
    if mean < Fraction(5, 2):
        return "negative"
    if mean > Fraction(7, 2):
        return "positive"
    return "neutral"


def _item_score(
    answer: object, format_id: str, reversed_: bool, catalog: Catalog, settings: Settings
) -> int | None:
    if not isinstance(answer, int):  # missing (None) or not applicable ("na")
        return None
    option = catalog.response_format(format_id).option(answer)
    if option is None:
        return None
    score = _DONT_KNOW_SCORE[settings.dont_know] if option.dont_know else option.score
    if score is None:
        return None
    return 6 - score if reversed_ else score


def _values_referent(
    respondent: Respondent,
    determinant: Determinant,
    referent: str,
    catalog: Catalog,
    settings: Settings,
) -> bool:
    """False only when the respondent said they do not value this referent's opinion."""
    for item in determinant.items:
        if item.motivation and item.referent == referent:
            score = _item_score(
                respondent.answers.get(item.id), item.format, False, catalog, settings
            )
            return score is None or score >= settings.min_motivation
    return True


def summarise(
    determinant: Determinant, polarities: Iterable[Polarity], settings: Settings
) -> DeterminantResult:
    """Shares and status of one determinant over the given respondents' polarities."""
    values = list(polarities)
    n = len(values)
    if n < settings.min_group_size:
        return DeterminantResult(determinant, n, None, None, None, "insufficient_data")
    negative = Fraction(values.count("negative"), n)
    positive = Fraction(values.count("positive"), n)
    neutral = 1 - negative - positive
    if negative >= _exact(settings.barrier_threshold):
        status: Status = "barrier"
    elif positive >= _exact(settings.facilitator_threshold):
        status = "facilitator"
    else:
        status = "neutral"
    return DeterminantResult(
        determinant, n, float(negative), float(neutral), float(positive), status
    )


def _exact(threshold: float) -> Fraction:
    """0.2 as exactly 1/5, so 1 negative answer in 5 is exactly at the threshold."""
    return Fraction(str(threshold))
