"""How results show themselves: `result.view(lang)` gives a `View` for notebooks and `print`."""

from __future__ import annotations

from dataclasses import dataclass

from implementatie.advice.planning import Plan
from implementatie.advice.recommendation import Recommendation
from implementatie.knowledge.text import Lang, checked_lang
from implementatie.report.document import Block, render
from implementatie.report.views import (
    assessment_view,
    comparison_view,
    plan_view,
    recommendation_view,
    subgroups_view,
)
from implementatie.survey.assessment import Assessment
from implementatie.survey.comparison import Comparison
from implementatie.survey.subgroups import Subgroups

Result = Assessment | Subgroups | Comparison | Recommendation | Plan


@dataclass(frozen=True)
class View:
    """A result laid out in one language: HTML in a notebook, plain text with `print`."""

    blocks: tuple[Block, ...]
    lang: Lang

    def _repr_html_(self) -> str:
        return render(self.blocks, "html")

    def _repr_markdown_(self) -> str:
        return render(self.blocks, "markdown")

    def __str__(self) -> str:
        return render(self.blocks, "text")

    def __repr__(self) -> str:
        return str(self)


def view(result: Result, lang: Lang = "nl") -> View:
    """The view of any result in `lang` ("nl" or "en")."""
    lang = checked_lang(lang)
    if isinstance(result, Assessment):
        blocks = assessment_view(result, lang)
    elif isinstance(result, Subgroups):
        blocks = subgroups_view(result, lang)
    elif isinstance(result, Comparison):
        blocks = comparison_view(result, lang)
    elif isinstance(result, Recommendation):
        blocks = recommendation_view(result, lang)
    else:
        blocks = plan_view(result, lang)
    return View(tuple(blocks), lang)
