"""Security measures around every request: headers, body size limit, CSRF, rate limit, logs."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from implementatie.web.tokens import new_token, same

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSRF_COOKIE = "implementatie_csrf"
CSRF_FIELD = "csrf"

log = logging.getLogger("implementatie.web")


def content_security_policy(frame_ancestors: str, *, docs: bool = False) -> str:
    """A strict policy: only this site's own styles, no scripts (the API docs page excepted)."""
    ancestors = frame_ancestors.strip() or "'none'"
    policy = [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self' data:",
        "form-action 'self'",
        "base-uri 'none'",
        f"frame-ancestors {ancestors}",
    ]
    if docs:  # FastAPI's Swagger UI loads its script and style from a CDN
        policy[1] = "style-src 'self' https://cdn.jsdelivr.net"
        policy.append("script-src https://cdn.jsdelivr.net 'unsafe-inline'")
        policy.append("connect-src 'self'")
        policy[2] = "img-src 'self' data: https://fastapi.tiangolo.com"
    return "; ".join(policy)


class SecurityHeaders:
    """Adds security headers to every response; pages and API answers are never cached."""

    def __init__(self, app: ASGIApp, frame_ancestors: str) -> None:
        self.app = app
        self.frame_ancestors = frame_ancestors
        self.policy = content_security_policy(frame_ancestors).encode()
        self.docs_policy = content_security_policy(frame_ancestors, docs=True).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"] == "/docs"
        static = scope["path"].startswith("/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                existing = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in existing:  # a response may set its own
                    headers.append(
                        (b"content-security-policy", self.docs_policy if docs else self.policy)
                    )
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                ]
                if not self.frame_ancestors:
                    headers.append((b"x-frame-options", b"DENY"))
                if not static and b"cache-control" not in existing:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


class BodySizeLimit:
    """Answers 413 to a request whose body is larger than `limit` bytes, declared or sent."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _too_large(send)
                return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def tracking(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, tracking)
        except _TooLarge:
            if not started:
                await _too_large(send)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send) -> None:
    body = b'{"detail":"request body too large"}'
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class AccessLog:
    """Logs method, route pattern (never the path: it holds tokens), status and time."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status = 500

        async def recording(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, recording)
        finally:
            route = scope.get("route")
            pattern = getattr(route, "path", "(no route)")
            elapsed = (time.perf_counter() - start) * 1000
            log.info("%s %s %d %.1fms", scope["method"], pattern, status, elapsed)


class RateLimiter:
    """A token bucket per round: `burst` submissions at once, then `per_minute` a minute."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Take one token for `key`; False when the bucket is empty."""
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True

    def retry_after(self) -> int:
        """Seconds until one more submission is allowed."""
        return max(1, round(1 / self.rate))


def csrf_token(cookies: dict[str, str]) -> tuple[str, bool]:
    """The CSRF token for a form: the cookie's, or a new one (True: set the cookie)."""
    existing = cookies.get(CSRF_COOKIE)
    if existing and len(existing) >= 32:
        return existing, False
    return new_token(), True


def csrf_ok(cookies: dict[str, str], form_value: object) -> bool:
    """A form post is genuine when its hidden field equals the cookie (double submit)."""
    cookie = cookies.get(CSRF_COOKIE)
    return bool(cookie) and isinstance(form_value, str) and same(form_value, cookie or "")
