"""Fixtures for the web service: an app on a fresh SQLite file or PostgreSQL database.

The web extra is optional: without it these tests are skipped, except in CI (CI=true), where
a missing extra or a missing PostgreSQL URL (IMPLEMENTATIE_TEST_PG_URL) fails them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_URL = os.environ.get("IMPLEMENTATIE_TEST_PG_URL", "")

try:
    import fastapi  # noqa: F401
except ImportError:  # pragma: no cover - depends on the installed extras
    if IN_CI:
        raise
    collect_ignore_glob = ["test_*.py"]

ADMIN = "admin-token-for-tests-0123456789"


def require(what: str, ok: bool) -> None:
    """Skip without `what` locally; fail without it in CI."""
    if ok:
        return
    if IN_CI:
        pytest.fail(f"{what} is needed in CI")
    pytest.skip(f"{what} is not available")


def fresh_postgres() -> str:
    """The test PostgreSQL database, emptied."""
    require("a PostgreSQL URL in IMPLEMENTATIE_TEST_PG_URL", bool(PG_URL))
    import sqlalchemy as sa

    engine = sa.create_engine(PG_URL)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return PG_URL


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database: a SQLite file, or the test PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'web.db'}"
    return fresh_postgres()


def settings(db: str, **changes: Any) -> Any:
    from implementatie.web.settings import WebSettings

    return WebSettings(db=db, admin_token=ADMIN, **changes)


@pytest.fixture
def make_client(tmp_path: Path) -> Iterator[Any]:
    """A function returning a TestClient for an app on a fresh SQLite file."""
    from fastapi.testclient import TestClient

    from implementatie.web.app import create_app

    clients = []

    def make(db: str | None = None, **changes: Any) -> TestClient:
        url = db or f"sqlite:///{tmp_path / f'web{len(clients)}.db'}"
        client = TestClient(create_app(settings(url, **changes)))
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.app.state.service.engine.dispose()


@pytest.fixture
def client(make_client: Any) -> Any:
    return make_client()


def admin_headers() -> dict[str, str]:
    return {"Authorization": f"Bearer {ADMIN}"}


def new_round(client: Any, **fields: Any) -> dict[str, Any]:
    body = {"name": "Werkwijze X", "roles": ["arts", "verpleegkundige"], "teams": ["Noord", "Zuid"]}
    response = client.post("/api/rounds", json=body | fields, headers=admin_headers())
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


def submission(respondent: str, negative: bool = False, **attributes: str) -> dict[str, Any]:
    """A full submission: every agreement item 1 (negative) or 5, yes/no items 2 or 1."""
    from implementatie import load_catalog

    catalog = load_catalog()
    answers: dict[str, Any] = {}
    for determinant in catalog.determinants:
        for item in determinant.items:
            codes = [o.code for o in catalog.response_format(item.format).options]
            if item.format == "yes_no_dont_know":
                answers[item.id] = 2 if negative else 1
            else:
                answers[item.id] = codes[0] if negative else codes[-1]
    return {"respondent": respondent, "attributes": attributes, "answers": answers}
