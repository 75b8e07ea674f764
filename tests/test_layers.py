"""The package's layers import downward only, with no circles (see docs/architecture.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import implementatie

PACKAGE = Path(implementatie.__file__).parent

# Lower number = lower layer. A module may import its own layer and the layers below it.
LAYERS = {
    "errors": 0,
    "i18n": 0,
    "cachefiles": 0,
    "knowledge": 1,
    "survey": 2,
    "advice": 3,
    "": 4,  # implementatie/__init__.py: the public API over knowledge, survey and advice
    "report": 5,
    "cli": 6,
    "web": 6,
}
CORE = {"knowledge", "survey", "advice"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "data" not in path.parts
    }


KNOWN = modules()


def imports(module: str, path: Path) -> Iterator[tuple[str, bool]]:
    """The implementatie modules `module` imports, each with whether at import time."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    lazy: set[int] = set()
    for node in ast.walk(tree):
        # Inside a function, or under `if TYPE_CHECKING:` (for type hints only, never run).
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or (
            isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")
        ):
            lazy.update(id(inner) for inner in ast.walk(node) if inner is not node)
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            names = [base]
            known = modules()
            names += [
                f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known
            ]
        for name in names:
            if name == "implementatie" or name.startswith("implementatie."):
                yield name, id(node) not in lazy


def edges(eager_only: bool) -> set[tuple[str, str]]:
    found = set()
    for module, path in KNOWN.items():
        for target, eager in imports(module, path):
            if target in KNOWN and target != module and (eager or not eager_only):
                found.add((module, target))
    return found


def test_every_module_belongs_to_a_known_layer() -> None:
    unknown = {module for module in KNOWN if layer_of(module) not in LAYERS}
    assert not unknown, f"modules outside the layers of docs/architecture.md: {sorted(unknown)}"


def test_imports_point_down_only() -> None:
    upward = []
    for module, path in KNOWN.items():
        for target, eager in imports(module, path):
            source_layer, target_layer = layer_of(module), layer_of(target)
            if LAYERS[target_layer] <= LAYERS[source_layer]:
                continue
            # Results may render themselves, importing presentation inside the method only
            # (or naming its types for type hints under `if TYPE_CHECKING:`).
            if not eager and source_layer in CORE and target_layer == "report":
                continue
            upward.append(f"{module} → {target}")
    assert not upward, "imports pointing up a layer:\n" + "\n".join(upward)


@pytest.mark.parametrize("eager_only", [True, False], ids=["import-time", "all"])
def test_no_import_circles(eager_only: bool) -> None:
    graph: dict[str, set[str]] = {}
    for source, target in edges(eager_only):
        # A result's display method calling presentation is the one allowed way up.
        if not eager_only and layer_of(source) in CORE and layer_of(target) == "report":
            continue
        graph.setdefault(source, set()).add(target)

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in sorted(graph.get(node, ())):
                if nxt == start:
                    return [*path, start]
                if nxt not in path:
                    stack.append((nxt, [*path, nxt]))
        return None

    for module in sorted(graph):
        cycle = cycle_from(module)
        assert cycle is None, "import circle: " + " → ".join(cycle)


def test_the_layer_test_sees_a_violation(tmp_path: Path) -> None:
    """Guard the guard: an upward import written into a core module is found."""
    source = tmp_path / "bad.py"
    source.write_text("from implementatie.report.views import assessment_view\n", encoding="utf-8")
    found = list(imports("implementatie.knowledge.bad", source))
    assert found[0] == ("implementatie.report.views", True)


def test_type_checking_imports_count_as_lazy(tmp_path: Path) -> None:
    source = tmp_path / "hints.py"
    source.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from implementatie.report.notebook import View\n",
        encoding="utf-8",
    )
    assert list(imports("implementatie.survey.hints", source)) == [
        ("implementatie.report.notebook", False)
    ]


def test_core_use_loads_no_presentation_and_no_graph() -> None:
    code = (
        "import sys, implementatie\n"
        "implementatie.recommend([19]); implementatie.plan([19, 23])\n"
        "implementatie.assess(implementatie.make_responses("
        "{f'r{i}': {'q19': 2} for i in range(5)}))\n"
        "above = ('implementatie.report', 'implementatie.cli', 'implementatie.web')\n"
        "print(sorted(m for m in sys.modules if m.startswith((*above, 'networkx'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_graph_loads_networkx_on_demand() -> None:
    code = (
        "import sys, implementatie\n"
        "assert 'networkx' not in sys.modules\n"
        "implementatie.load_catalog().graph\n"
        "print('networkx' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
