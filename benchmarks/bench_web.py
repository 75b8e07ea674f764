"""Benchmark: submissions per second and latency of the web service on loopback.

A measurement, not a test. It starts a real uvicorn process (one worker) on a fresh SQLite file
and, when IMPLEMENTATIE_TEST_PG_URL is set, on that PostgreSQL database (emptied first), then
sends full MIDI submissions from concurrent clients. The baseline, measured in the same run
against the same process, is `GET /healthz` (one `SELECT 1`): the ratio says what validating
and committing a submission costs on top of a request that touches the database.

Run: python benchmarks/bench_web.py [--submissions 1000] [--clients 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.web.conftest import admin_headers, fresh_postgres, submission
from tests.web.live import LiveServer


async def timed_requests(
    server: LiveServer, total: int, clients: int, token: str | None
) -> tuple[float, list[float]]:
    """(seconds for all, each request's latency); posts submissions when `token` is given."""
    latencies: list[float] = []
    body = submission("x", role="arts")
    counter = iter(range(total))

    async def client() -> None:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            for n in counter:
                start = time.perf_counter()
                if token is None:
                    response = await http.get("/healthz")
                else:
                    response = await http.post(
                        f"/api/rounds/{token}/submissions",
                        json=body | {"respondent": f"b{n}"},
                    )
                latencies.append(time.perf_counter() - start)
                assert response.status_code in (200, 201), response.text

    start = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    return time.perf_counter() - start, latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(name: str, db: str, total: int, clients: int) -> None:
    server = LiveServer(db, env={"IMPLEMENTATIE_RATE_LIMIT_BURST": "1000000"}).start()
    try:
        made = httpx.post(
            f"{server.url}/api/rounds",
            json={"name": "bench", "roles": ["arts"]},
            headers=admin_headers(),
        ).json()
        base_seconds, base = asyncio.run(timed_requests(server, total, clients, None))
        seconds, latencies = asyncio.run(
            timed_requests(server, total, clients, made["respondent_token"])
        )
    finally:
        server.stop()
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    base_p50 = percentile(base, 0.5)
    print(
        f"{name:<10} {total / seconds:7.0f} submissions/s  p50 {p50 * 1000:6.1f} ms  "
        f"p99 {p99 * 1000:6.1f} ms  | healthz {total / base_seconds:6.0f}/s "
        f"p50 {base_p50 * 1000:5.1f} ms  | ratio p50 {p50 / base_p50:4.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    print(f"{args.submissions} requests from {args.clients} clients, one uvicorn worker")
    with tempfile.TemporaryDirectory() as folder:
        measure("sqlite", f"sqlite:///{folder}/bench.db", args.submissions, args.clients)
    if os.environ.get("IMPLEMENTATIE_TEST_PG_URL"):
        measure("postgresql", fresh_postgres(), args.submissions, args.clients)
    else:
        print("postgresql: set IMPLEMENTATIE_TEST_PG_URL to measure it too")


if __name__ == "__main__":
    main()
