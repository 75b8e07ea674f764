"""The links a coach hands out, on the configured public address or the request's own."""

from __future__ import annotations

from fastapi import Request


def base(request: Request) -> str:
    configured: str = request.app.state.service.settings.base_url
    return (configured or str(request.base_url)).rstrip("/")


def respondent_url(request: Request, token: str) -> str:
    return f"{base(request)}/r/{token}"


def facilitator_url(request: Request, token: str) -> str:
    return f"{base(request)}/f/{token}"
