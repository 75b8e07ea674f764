"""Imports of optional packages, with one clear error naming the extra that brings them."""

from __future__ import annotations

import importlib
from types import ModuleType

from implementatie.errors import MissingExtra


def require(module: str, feature: str, extra: str = "notebook") -> ModuleType:
    """Import `module`, or raise `MissingExtra` saying which extra to install for `feature`."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"{feature} ({module.partition('.')[0]})", extra) from None
