"""Size limits on every file read: a huge or endless file (`/dev/zero`) is an error, not a hang."""

from __future__ import annotations

from pathlib import Path

from implementatie.errors import NOT_UTF8, ImplementatieError, cannot_read

MAX_YAML_BYTES = 5 * 1024 * 1024
"""A catalogue or mapping file; the bundled catalogue is under 0.4 MB."""
MAX_ANSWERS_BYTES = 50 * 1024 * 1024
"""An answers file or survey export; a team of thousands answering every item fits easily."""

# Messages, in one place (plain English).
TOO_LARGE = "the file is larger than {limit} MB; is this the right file?"
NOT_A_FILE = "not a file"


class FileTooLarge(Exception):
    """Raised by `read_limited`; callers report it as a problem in their own error type."""

    def __init__(self, limit: int) -> None:
        super().__init__(TOO_LARGE.format(limit=limit // (1024 * 1024)))


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of `path`, reading at most `limit` + 1; FileTooLarge beyond `limit`.

    Raises OSError (IsADirectoryError for a folder) when the file cannot be read.
    """
    if path.is_dir():
        raise IsADirectoryError(21, NOT_A_FILE)
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(limit)
    return data


def read_text(path: Path, limit: int) -> str:
    """The UTF-8 text of `path` (a byte order mark dropped), at most `limit` bytes; otherwise
    one ImplementatieError "cannot read FILE: why"."""
    try:
        return read_limited(path, limit).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImplementatieError(cannot_read(path, NOT_UTF8)) from None
    except FileTooLarge as exc:
        raise ImplementatieError(cannot_read(path, str(exc))) from None
    except OSError as exc:
        raise ImplementatieError(cannot_read(path, exc)) from None
