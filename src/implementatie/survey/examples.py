"""The bundled example answers (``data/examples/``): invented teams to try the package on."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from implementatie.errors import InvalidOption
from implementatie.knowledge.params import checked


def _folder() -> Path:
    return Path(str(resources.files("implementatie") / "data" / "examples"))


@checked
def examples() -> tuple[str, ...]:
    """The names of the bundled examples (their file names without ``.csv``), sorted."""
    return tuple(sorted(path.stem for path in _folder().glob("*.csv")))


@checked
def example_path(name: str) -> Path:
    """Where the bundled example `name` is: ``read_responses(example_path("team"))``."""
    if name not in examples():
        raise InvalidOption(
            f"no example called {name!r}; the examples are: {', '.join(examples())}"
        )
    return _folder() / f"{name}.csv"
