"""`implementatie serve`: starts on SQLite, prints the admin link, the environment's token wins."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from implementatie.cli import main
from tests.web.live import free_port


def start(tmp_path: Path, env: dict[str, str]) -> tuple[subprocess.Popen[str], str, int]:
    """Run `implementatie serve` in `tmp_path`; return the process, its admin link and port."""
    port = free_port()
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("IMPLEMENTATIE_") or k == "IMPLEMENTATIE_CACHE_DIR"
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "implementatie.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=base | env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    link = ""
    while not link and time.monotonic() < deadline:
        line = process.stderr.readline()
        found = re.search(r"(http://\S+/admin\?token=\S+)", line)
        link = found[1] if found else ""
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    return process, link, port


def test_serve_generates_an_admin_token_and_a_sqlite_file(tmp_path: Path) -> None:
    process, link, port = start(tmp_path, {})
    try:
        token = link.rpartition("=")[2]
        assert link.startswith(f"http://127.0.0.1:{port}/admin?token=") and len(token) >= 43
        response = httpx.get(link, follow_redirects=False)
        assert response.status_code == 303
        assert httpx.get(f"http://127.0.0.1:{port}/admin?token=other").status_code == 403
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert (tmp_path / "implementatie.db").is_file()


def test_serve_uses_the_token_from_the_environment(tmp_path: Path) -> None:
    token = "token-from-the-environment-0123456789"
    process, link, _ = start(tmp_path, {"IMPLEMENTATIE_ADMIN_TOKEN": token})
    try:
        assert link.endswith(f"/admin?token={token}")
        assert httpx.get(link, follow_redirects=False).status_code == 303
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_without_the_web_extra_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "implementatie.web.server", None)
    assert main(["serve"]) == 1
    assert "pip install 'implementatie[web]'" in capsys.readouterr().err
