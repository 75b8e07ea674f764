"""What a coach may see of a round: results in steps of the minimum group size.

No live differencing: results appear once `min_group_size` people have answered, and are
computed from the first k, 2k, 3k, … submissions (k = `min_group_size`) in the order they came
in. A dashboard reloaded after each submission therefore changes only when k new people have
answered, so it never shows what the last person answered. Up to k - 1 newest answers wait
for the next step; the answers download holds all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine

from implementatie import (
    Assessment,
    Catalog,
    Comparison,
    Lang,
    Plan,
    Recommendation,
    assess,
    compare,
    make_responses,
    plan,
    recommend,
)
from implementatie.errors import InvalidOption
from implementatie.survey.subgroups import Subgroups
from implementatie.web import storage

ATTRIBUTES = ("role", "team")


def shown_count(total: int, step: int) -> int:
    """How many of `total` submissions the results are based on: whole steps only."""
    return (total // step) * step


@dataclass(frozen=True)
class Results:
    """The results of one round at one step."""

    assessment: Assessment
    recommendation: Recommendation
    plan: Plan
    subgroups: tuple[Subgroups, ...]
    comparison: Comparison | None

    def to_json(self, lang: Lang) -> dict[str, Any]:
        """The same contract as `implementatie assess --format json` (docs/json.md)."""
        data = self.assessment.to_dict()
        data["subgroups"] = [s.to_dict() for s in self.subgroups]
        data.update(self.recommendation.to_dict(lang))
        data["plan"] = self.plan.to_dict(lang)
        if self.comparison is not None:
            data["comparison"] = self.comparison.to_dict()
        return data


class ResultCache:
    """Results per (round, step): they change only once per step, so compute them once."""

    def __init__(self, engine: Engine, catalog: Catalog, step: int) -> None:
        self.engine = engine
        self.catalog = catalog
        self.step = step
        self._assessments: dict[tuple[str, int], Assessment] = {}

    def assessment(self, round_id: str, shown: int) -> Assessment:
        key = (round_id, shown)
        if key not in self._assessments:
            stored = storage.submissions_of(self.engine, round_id, shown)
            answers = {s.respondent: s.data.get("answers", {}) for s in stored}
            attributes = {s.respondent: s.data.get("attributes", {}) for s in stored}
            responses = make_responses(answers, attributes=attributes, catalog=self.catalog)
            if len(self._assessments) > 256:
                self._assessments.clear()
            self._assessments[key] = assess(
                responses, catalog=self.catalog, min_group_size=self.step
            )
        return self._assessments[key]

    def results(self, current: storage.Round) -> tuple[int, Results | None]:
        """(number of submissions, results or None while fewer than one step)."""
        total = storage.count_submissions(self.engine, current.id)
        shown = shown_count(total, self.step)
        if shown == 0:
            return total, None
        assessment = self.assessment(current.id, shown)
        subgroups = []
        for attribute in ATTRIBUTES:
            try:
                subgroups.append(assessment.subgroups(attribute))
            except InvalidOption:
                continue  # nobody gave this attribute
        comparison = None
        earlier = storage.earlier_round(self.engine, current)
        if earlier is not None:
            before = shown_count(storage.count_submissions(self.engine, earlier.id), self.step)
            if before:
                try:
                    comparison = compare(self.assessment(earlier.id, before), assessment)
                except InvalidOption:
                    comparison = None  # rounds too close to compare without exposing anyone
        barriers = assessment.barriers
        return total, Results(
            assessment,
            recommend(barriers, catalog=self.catalog),
            plan(barriers, catalog=self.catalog),
            tuple(subgroups),
            comparison,
        )
