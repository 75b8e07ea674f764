"""Files in the user's cache folder: found by key, checked by checksum, written atomically.

Used for work that is the same on every run until its inputs change (the validated catalogue,
the compiled translations). The cache is never required: `IMPLEMENTATIE_CACHE_DIR` chooses the
folder, `IMPLEMENTATIE_NO_CACHE=1` turns it off, and a folder that cannot be written is skipped
silently. A file whose header does not name the expected key and the checksum of its body
(damaged, foreign or from another version) is ignored and written again.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

FORMAT = 1
"""Bump when the layout of a cache file changes."""
KEEP = 8
"""Files kept per kind; the oldest go first (an edited catalogue leaves old ones behind)."""
CACHE_DIR_VARIABLE = "IMPLEMENTATIE_CACHE_DIR"
NO_CACHE_VARIABLE = "IMPLEMENTATIE_NO_CACHE"


def cache_folder() -> Path | None:
    """The cache folder, or None when the cache is turned off."""
    if os.environ.get(NO_CACHE_VARIABLE):
        return None
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen)
    return user_cache_folder()


def user_cache_folder() -> Path:
    """`platformdirs.user_cache_dir("implementatie")`; on Linux the XDG rule as it applies there
    for an absolute `$XDG_CACHE_HOME` or `$HOME`, without loading platformdirs (about 10 ms)."""
    if sys.platform == "linux":
        xdg, home = os.environ.get("XDG_CACHE_HOME", ""), os.environ.get("HOME", "")
        if Path(xdg).is_absolute():
            return Path(xdg, "implementatie")
        if not xdg and Path(home).is_absolute():
            return Path(home, ".cache", "implementatie")
    from platformdirs import user_cache_dir  # other systems and unusual settings

    return Path(user_cache_dir("implementatie", appauthor=False))


def key_of(*parts: bytes) -> str:
    """A SHA-256 key over `parts` (each length-prefixed, so parts cannot run together)."""
    digest = hashlib.sha256(str(FORMAT).encode())
    for part in parts:
        digest.update(b"\0%d:" % len(part))
        digest.update(part)
    return digest.hexdigest()


def cache_path(folder: Path, kind: str, key: str, suffix: str) -> Path:
    return folder / f"{kind}-{key[:32]}{suffix}"


def read(path: Path, key: str) -> bytes | None:
    """The body stored under `key`, or None if there is none or it is damaged or foreign."""
    try:
        head, _, body = path.read_bytes().partition(b"\n")
        header = json.loads(head)
    except (OSError, ValueError):
        return None
    expected = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
    return body if header == expected else None


def write(path: Path, key: str, body: bytes) -> None:
    """Store `body` under `key`, atomically; any failure leaves the cache as it was."""
    import tempfile

    header = {"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}
    kind = path.name.partition("-")[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(json.dumps(header).encode() + b"\n" + body)
        Path(temporary).replace(path)
        entries = sorted(path.parent.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime)
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
