"""implementatie: choose implementation strategies for the barriers a team actually has.

The public API::

    from implementatie import load_catalog, recommend, plan, read_responses, assess

    catalog = load_catalog()                              # bundled MIDI determinants and strategies
    result = recommend(["formal_ratification", 23])       # ranked, explained top 3 per barrier
    overall = plan(["formal_ratification", 23])           # few strategies covering every barrier
    assessment = assess(read_responses("team.csv"))       # answers → determinant profile
    recommend(assessment.barriers)                        # most severe barrier first
"""

from .assessment import Assessment, Barrier, Comparison, DeterminantResult, assess, compare
from .catalog import Catalog
from .errors import (
    CatalogError,
    ImplementatieError,
    InvalidOption,
    LookupFailed,
    Problem,
    ResponseError,
)
from .importers import read_responses
from .loader import load_catalog
from .models import Category, Determinant, Item, Link, ResponseFormat, Strategy
from .planning import Plan, plan
from .questionnaire import parse_submission, questionnaire_schema, surveyjs
from .recommendation import Recommendation, recommend
from .responses import Respondent, Responses, make_responses
from .text import Lang, Text

__all__ = [
    "Assessment",
    "Barrier",
    "Catalog",
    "CatalogError",
    "Category",
    "Comparison",
    "Determinant",
    "DeterminantResult",
    "ImplementatieError",
    "InvalidOption",
    "Item",
    "Lang",
    "Link",
    "LookupFailed",
    "Plan",
    "Problem",
    "Recommendation",
    "Respondent",
    "ResponseError",
    "ResponseFormat",
    "Responses",
    "Strategy",
    "Text",
    "assess",
    "compare",
    "load_catalog",
    "make_responses",
    "parse_submission",
    "plan",
    "questionnaire_schema",
    "read_responses",
    "recommend",
    "surveyjs",
]

__version__ = "0.1.0"
