"""implementatie: choose implementation strategies for the barriers a team actually has.

The public API::

    from implementatie import load_catalog, recommend, plan, read_responses, assess

    catalog = load_catalog()                              # bundled MIDI determinants and strategies
    result = recommend(["formal_ratification", 23])       # ranked, explained top 3 per barrier
    overall = plan(["formal_ratification", 23])           # few strategies covering every barrier
    assessment = assess(read_responses("team.csv"))       # answers → determinant profile
    recommend(assessment.barriers)                        # most severe barrier first
    suggest("de nieuwe registratie kost ons uren")         # sticky note → likely determinants
    action_plan(overall)                                  # who does what, when, how often, why
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from implementatie.errors import (
    ActionPlanError,
    CatalogError,
    ImplementatieError,
    InvalidOption,
    LookupFailed,
    MissingExtra,
    Problem,
    ResponseError,
    RetiredId,
)
from implementatie.knowledge.catalog import Catalog
from implementatie.knowledge.loader import load_catalog
from implementatie.knowledge.models import (
    Category,
    Determinant,
    Item,
    Link,
    ResponseFormat,
    Strategy,
)
from implementatie.knowledge.text import Lang, Text

if TYPE_CHECKING:
    from implementatie.advice.action_plan import ActionPlan, ActionStep, action_plan
    from implementatie.advice.action_plan_files import read_action_plan, write_action_plan
    from implementatie.advice.intake import Intake, NoteSuggestions, Suggestion, suggest
    from implementatie.advice.planning import Plan, PlannedStrategy, plan
    from implementatie.advice.recommendation import (
        BarrierStrategies,
        RankedStrategy,
        Recommendation,
        recommend,
    )
    from implementatie.survey.assessment import Assessment, Barrier, assess
    from implementatie.survey.comparison import Change, Comparison, compare
    from implementatie.survey.examples import example_path, examples
    from implementatie.survey.importers import read_responses
    from implementatie.survey.questionnaire import (
        parse_submission,
        questionnaire_schema,
        submission_from_flat,
        surveyjs,
    )
    from implementatie.survey.responses import Respondent, Responses, make_responses
    from implementatie.survey.scoring import DeterminantResult, Settings
    from implementatie.survey.subgroups import GroupResult, Subgroups

_LAZY = {
    "implementatie.advice.recommendation": (
        "BarrierStrategies",
        "RankedStrategy",
        "Recommendation",
        "recommend",
    ),
    "implementatie.advice.planning": ("Plan", "PlannedStrategy", "plan"),
    "implementatie.advice.action_plan": ("ActionPlan", "ActionStep", "action_plan"),
    "implementatie.advice.action_plan_files": ("read_action_plan", "write_action_plan"),
    "implementatie.advice.intake": ("Intake", "NoteSuggestions", "Suggestion", "suggest"),
    "implementatie.survey.assessment": ("Assessment", "Barrier", "assess"),
    "implementatie.survey.importers": ("read_responses",),
    "implementatie.survey.responses": ("Respondent", "Responses", "make_responses"),
    "implementatie.survey.scoring": ("DeterminantResult", "Settings"),
    "implementatie.survey.subgroups": ("GroupResult", "Subgroups"),
    "implementatie.survey.comparison": ("Change", "Comparison", "compare"),
    "implementatie.survey.examples": ("example_path", "examples"),
    "implementatie.survey.questionnaire": (
        "parse_submission",
        "questionnaire_schema",
        "submission_from_flat",
        "surveyjs",
    ),
}
"""Parts of the API loaded on first use, so that `import implementatie` pays only for the
catalogue: recommending, planning, reading and scoring answers load with their first use."""
_MODULE_OF = {name: module for module, names in _LAZY.items() for name in names}


def __getattr__(name: str) -> object:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'implementatie' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})


__all__ = [
    "ActionPlan",
    "ActionPlanError",
    "ActionStep",
    "Assessment",
    "Barrier",
    "BarrierStrategies",
    "Catalog",
    "CatalogError",
    "Category",
    "Change",
    "Comparison",
    "Determinant",
    "DeterminantResult",
    "GroupResult",
    "ImplementatieError",
    "Intake",
    "InvalidOption",
    "Item",
    "Lang",
    "Link",
    "LookupFailed",
    "MissingExtra",
    "NoteSuggestions",
    "Plan",
    "PlannedStrategy",
    "Problem",
    "RankedStrategy",
    "Recommendation",
    "Respondent",
    "ResponseError",
    "ResponseFormat",
    "Responses",
    "RetiredId",
    "Settings",
    "Strategy",
    "Subgroups",
    "Suggestion",
    "Text",
    "action_plan",
    "assess",
    "compare",
    "example_path",
    "examples",
    "load_catalog",
    "make_responses",
    "parse_submission",
    "plan",
    "questionnaire_schema",
    "read_action_plan",
    "read_responses",
    "recommend",
    "submission_from_flat",
    "suggest",
    "surveyjs",
    "write_action_plan",
]

__version__ = "0.1.0"
