"""A straightforward reference of reading and scoring, to check the streaming path against.

Plain dictionaries per respondent, `Fraction` per mean, the rules exactly as the docstring of
`implementatie.survey.scoring` states them; no codes, no tables, no chunks.
"""

from __future__ import annotations

import csv
from fractions import Fraction
from pathlib import Path

from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.models import Determinant
from implementatie.survey.responses import NOT_APPLICABLE, coerce_answer

Answers = dict[str, dict[str, object]]


def read_wide(path: Path, catalog: Catalog) -> tuple[Answers, dict[str, dict[str, str]]]:
    """Respondent → item → answer (code or "na"), and respondent → attribute → value."""
    answers: Answers = {}
    attributes: dict[str, dict[str, str]] = {}
    with path.open(newline="", encoding="utf-8") as stream:
        for row in csv.DictReader(stream):
            rid = row.pop("respondent").strip()
            attributes[rid] = {
                name: row.pop(name).strip()
                for name in ("role", "team", "location")
                if name in row and row[name].strip()
            }
            for name in ("role", "team", "location"):
                row.pop(name, None)
            answers[rid] = {}
            for item_id, cell in row.items():
                _, item = catalog.item(item_id)
                answer = coerce_answer(cell, item, catalog.response_format(item.format))
                if answer is not None:
                    answers[rid][item_id] = answer
    return answers, attributes


def score(
    answer: object, item_format: str, reversed_: bool, catalog: Catalog, dont_know: str
) -> int | None:
    if answer is None or answer == NOT_APPLICABLE:
        return None
    option = next(o for o in catalog.response_format(item_format).options if o.code == answer)
    if option.dont_know:
        value = {"negative": 1, "neutral": 3, "exclude": None}[dont_know]
    else:
        value = option.score
    if value is None:
        return None
    return 6 - value if reversed_ else value


def classify(
    answers: dict[str, object],
    determinant: Determinant,
    catalog: Catalog,
    dont_know: str,
    min_motivation: int,
) -> str | None:
    scores = []
    for item in determinant.items:
        if item.motivation:
            continue
        value = score(answers.get(item.id), item.format, item.reversed, catalog, dont_know)
        if value is None:
            continue
        if item.referent is not None:
            motivation = next(
                (i for i in determinant.items if i.motivation and i.referent == item.referent),
                None,
            )
            if motivation is not None:
                cares = score(
                    answers.get(motivation.id), motivation.format, False, catalog, dont_know
                )
                if cares is not None and cares < min_motivation:
                    continue
        scores.append(value)
    if not scores:
        return None
    mean = Fraction(sum(scores), len(scores))
    if mean < Fraction(5, 2):
        return "negative"
    if mean > Fraction(7, 2):
        return "positive"
    return "neutral"


def summarise(
    polarities: list[str], barrier: float, facilitator: float, minimum: int
) -> tuple[int, float | None, float | None, float | None, str]:
    n = len(polarities)
    if n < minimum:
        return (n, None, None, None, "insufficient_data")
    negative = Fraction(polarities.count("negative"), n)
    positive = Fraction(polarities.count("positive"), n)
    neutral = 1 - negative - positive
    if negative >= Fraction(str(barrier)):
        status = "barrier"
    elif positive >= Fraction(str(facilitator)):
        status = "facilitator"
    else:
        status = "neutral"
    return (n, float(negative), float(neutral), float(positive), status)
