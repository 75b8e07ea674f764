"""Shared fixtures: paths to fixture files and the bundled catalogue."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from implementatie import Catalog, load_catalog

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "data" / "examples" / "team.csv"
EXAMPLE_LATER = ROOT / "data" / "examples" / "team-later.csv"
"""The same (synthetic) team a few months later: new respondent ids, some barriers resolved."""
FIXTURES = Path(__file__).parent / "fixtures"
CATALOGUES = FIXTURES / "catalogues"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(scope="session")
def minimal() -> Catalog:
    return load_catalog(CATALOGUES / "minimal.yaml")


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests do not depend on the machine's locale: without --lang, output is Dutch."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The catalogue cache of the test run lives in a temporary folder, not the user's."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("IMPLEMENTATIE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        patch.delenv("IMPLEMENTATIE_NO_CACHE", raising=False)
        yield
