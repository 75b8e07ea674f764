"""Bounded load on loopback against a real uvicorn process: every acknowledged submission is
stored exactly once, also when the server is SIGKILLed mid-run and started again."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from implementatie.web import storage
from tests.web.conftest import admin_headers, fresh_postgres, submission
from tests.web.live import LiveServer

CLIENTS = 50
TIME_LIMIT = 240.0  # seconds for one run; the test fails rather than hangs
UNLIMITED = {"IMPLEMENTATIE_RATE_LIMIT_BURST": "1000000"}


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'load.db'}"
    return fresh_postgres()


@pytest.fixture
def server(database: str) -> Iterator[LiveServer]:
    live = LiveServer(database, env=UNLIMITED).start()
    yield live
    live.stop()


def create_round(server: LiveServer) -> tuple[str, str]:
    body = {"name": "load", "roles": ["arts"], "teams": []}
    made = httpx.post(f"{server.url}/api/rounds", json=body, headers=admin_headers()).json()
    return made["id"], made["respondent_token"]


async def send_all(
    server: LiveServer, token: str, total: int, acknowledged: dict[str, str], retry: bool
) -> list[int]:
    """`total` submissions from CLIENTS concurrent clients; with `retry`, each is sent again
    (same Idempotency-Key) until acknowledged, as a client does when the server is gone."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for n in range(total):
        queue.put_nowait(n)
    statuses: list[int] = []
    base = submission("x", role="arts")

    async def client() -> None:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            while not queue.empty():
                n = queue.get_nowait()
                respondent = f"load-{n}"
                body = base | {"respondent": respondent}
                while True:
                    try:
                        response = await http.post(
                            f"/api/rounds/{token}/submissions",
                            json=body,
                            headers={"Idempotency-Key": respondent},
                        )
                    except httpx.TransportError:
                        if not retry:
                            raise
                        await asyncio.sleep(0.05)
                        continue
                    statuses.append(response.status_code)
                    if response.status_code == 201:
                        acknowledged[respondent] = response.json()["id"]
                        break
                    if not retry:
                        break
                    await asyncio.sleep(0.05)

    await asyncio.wait_for(asyncio.gather(*(client() for _ in range(CLIENTS))), TIME_LIMIT)
    return statuses


def stored(database: str, round_id: str) -> list[storage.Stored]:
    engine = storage.connect(database)
    try:
        return storage.submissions_of(engine, round_id)
    finally:
        engine.dispose()


def test_every_acknowledged_submission_is_stored_once(server: LiveServer, database: str) -> None:
    round_id, token = create_round(server)
    acknowledged: dict[str, str] = {}
    statuses = asyncio.run(send_all(server, token, 2000, acknowledged, retry=False))
    assert set(statuses) == {201} and len(acknowledged) == 2000
    rows = stored(database, round_id)
    assert sorted(r.id for r in rows) == sorted(acknowledged.values())
    assert len({r.respondent for r in rows}) == len(rows) == 2000


def test_sigkill_mid_run_loses_no_acknowledged_submission(
    server: LiveServer, database: str
) -> None:
    round_id, token = create_round(server)
    acknowledged: dict[str, str] = {}
    before_kill: dict[str, str] = {}

    async def run() -> None:
        sending = asyncio.create_task(send_all(server, token, 600, acknowledged, retry=True))
        started = time.monotonic()
        while len(acknowledged) < 200 and time.monotonic() - started < TIME_LIMIT:
            await asyncio.sleep(0.01)
        server.kill()
        before_kill.update(acknowledged)
        await asyncio.to_thread(server.start)
        await sending

    asyncio.run(run())
    assert 200 <= len(before_kill) < 600, "the kill came mid-run"
    rows = stored(database, round_id)
    ids = {r.respondent: r.id for r in rows}
    assert all(ids.get(respondent) == id_ for respondent, id_ in before_kill.items())
    assert ids == acknowledged  # every submission stored once, under the id it was given
    assert len(rows) == 600
