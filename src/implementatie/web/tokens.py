"""Secret tokens: 256 random bits, stored only as a SHA-256 hash, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets

TOKEN_BYTES = 32


def new_token() -> str:
    """A URL-safe token of 256 random bits."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What is stored instead of the token."""
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def same(given: str | None, expected: str) -> bool:
    """Constant-time comparison of two secrets (or of two hashes)."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode())


def seal(secret: str, key: str) -> str:
    """`secret` hidden with a key stream derived from `key` (another token); `unseal` reverses it.

    The respondent link is kept this way so that the dashboard, opened with the facilitator
    token, can show it again, while the database alone reveals neither token.
    """
    data = secret.encode()
    stream = _stream(key, len(data))
    return bytes(a ^ b for a, b in zip(data, stream, strict=True)).hex()


def unseal(sealed: str, key: str) -> str:
    data = bytes.fromhex(sealed)
    stream = _stream(key, len(data))
    return bytes(a ^ b for a, b in zip(data, stream, strict=True)).decode()


def _stream(key: str, length: int) -> bytes:
    return hashlib.shake_256(b"respondent-link\0" + key.encode()).digest(length)
