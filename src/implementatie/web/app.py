"""`create_app(settings)`: the FastAPI application with its database, routes and protections."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from implementatie import __version__, load_catalog, questionnaire_schema
from implementatie.knowledge.catalog import Catalog
from implementatie.web import api, pages, storage
from implementatie.web.security import AccessLog, BodySizeLimit, SecurityHeaders
from implementatie.web.service import Service
from implementatie.web.settings import WebSettings

DRAFTS_KEPT = timedelta(days=30)
"""A draft untouched this long is deleted at the next start (the cookie lasts as long)."""


def create_app(settings: WebSettings, *, catalog: Catalog | None = None) -> FastAPI:
    """The application for `settings`; the database schema is brought up to date first."""
    engine = storage.connect(settings.db)
    storage.migrate(engine)
    storage.prune_drafts(engine, DRAFTS_KEPT)
    app = FastAPI(
        title="implementatie",
        version=__version__,
        description="The MIDI questionnaire online: rounds, submissions and results.",
        redoc_url=None,
    )
    app.state.service = Service(settings, engine, catalog or load_catalog())
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")

    @app.get("/healthz", tags=["api"])
    def healthz() -> dict[str, str]:
        """200 when the database answers."""
        with engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
        return {"status": "ok"}

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {
                "item": ".".join(str(part) for part in error["loc"] if part != "body"),
                "message": error["msg"],
            }
            for error in exc.errors()
        ]
        return JSONResponse({"detail": detail}, status_code=422)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(
                _submission_schemas(app.state.service.catalog)
            )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_middleware(AccessLog)
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders, frame_ancestors=settings.frame_ancestors)
    return app


def _submission_schemas(catalog: Catalog) -> dict[str, Any]:
    """The submission's JSON Schema as OpenAPI components (its $defs moved alongside)."""
    text = json.dumps(questionnaire_schema("en", catalog=catalog))
    schema = json.loads(text.replace('"#/$defs/', '"#/components/schemas/'))
    schema.pop("$schema", None)
    found: dict[str, Any] = schema.pop("$defs", {})
    found["Submission"] = schema
    return found


def from_environment() -> FastAPI:
    """The application configured only by `IMPLEMENTATIE_*` variables, for running uvicorn
    (or gunicorn) directly: `uvicorn --factory implementatie.web.app:from_environment`.
    Without IMPLEMENTATIE_ADMIN_TOKEN nobody can create rounds through this instance."""
    return create_app(WebSettings())
