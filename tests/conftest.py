"""Shared fixtures: paths to fixture files and the bundled catalogue."""

from __future__ import annotations

import os
import shutil
import tempfile
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


@pytest.fixture(autouse=True)
def fresh_tables_under_mutmut() -> None:
    """Under mutmut, every test builds the per-catalogue ranking tables itself: memoised, they
    would be built by the first test only, so mutmut would credit no other test with reaching
    the code that builds them, and a mutant of it would run against tables built unmutated."""
    if "MUTANT_UNDER_TEST" in os.environ:
        from implementatie.advice import tables

        tables._TABLES.clear()


def pytest_configure(config: pytest.Config) -> None:
    """The test run's catalogue cache lives in a temporary folder, not the user's: set before
    collection, since some test modules load catalogues at import."""
    os.environ["IMPLEMENTATIE_CACHE_DIR"] = tempfile.mkdtemp(prefix="implementatie-cache-")
    os.environ.pop("IMPLEMENTATIE_NO_CACHE", None)


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.pop("IMPLEMENTATIE_CACHE_DIR", ""), ignore_errors=True)
