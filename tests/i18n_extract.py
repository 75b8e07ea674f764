"""Find the messages the code marks for translation (`_`, `N_`, `gettext`, `ngettext`, …)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

MARKERS = {"_": 1, "N_": 1, "gettext": 1, "ngettext": 2, "pgettext": 2}


def marked(root: Path) -> Iterator[tuple[str, int, tuple[str, ...]]]:
    """(file, line, strings) of every marked call whose message arguments are literals."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in MARKERS:
                continue
            count = MARKERS[name]
            args = node.args[:count]
            if len(args) == count and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                values = tuple(a.value for a in args if isinstance(a, ast.Constant))
                if name == "pgettext":
                    values = (f"{values[0]}\x04{values[1]}",)
                yield str(path), node.lineno, values
