"""implementatie: choose implementation strategies for the barriers a team actually has.

The public API::

    from implementatie import load_catalog
    catalog = load_catalog()                 # the bundled MIDI determinants and strategies
    catalog.determinant("formele bekrachtiging")
"""

from .catalog import Catalog
from .errors import CatalogError, ImplementatieError, LookupFailed, Problem, ResponseError
from .loader import load_catalog
from .models import Category, Determinant, Item, Link, ResponseFormat, Strategy
from .text import Lang, Text

__all__ = [
    "Catalog",
    "CatalogError",
    "Category",
    "Determinant",
    "ImplementatieError",
    "Item",
    "Lang",
    "Link",
    "LookupFailed",
    "Problem",
    "ResponseError",
    "ResponseFormat",
    "Strategy",
    "Text",
    "load_catalog",
]

__version__ = "0.1.0"
