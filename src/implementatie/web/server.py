"""`implementatie serve`: migrate the database, print the admin link, run uvicorn."""

from __future__ import annotations

import logging
import sys

import uvicorn

from implementatie.web.app import create_app
from implementatie.web.settings import WebSettings
from implementatie.web.tokens import new_token


def serve(host: str, port: int, db: str | None) -> int:
    """Run the service until stopped; like Jupyter, generate an admin token when none is set."""
    overrides: dict[str, str] = {"db": db} if db else {}
    settings = WebSettings(**overrides)  # type: ignore[arg-type]
    if settings.admin_token is None:
        settings = settings.model_copy(update={"admin_token": new_token()})
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    app = create_app(settings)
    shown = settings.base_url.rstrip("/") or f"http://{_host(host)}:{port}"
    print(
        f"implementatie serve: {settings.db.split('://')[0]} database\n"
        f"Open this link to create a round (it holds the admin token):\n"
        f"    {shown}/admin?token={settings.admin_token}\n",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")
    return 0


def _host(host: str) -> str:
    return "127.0.0.1" if host in ("0.0.0.0", "::") else host
