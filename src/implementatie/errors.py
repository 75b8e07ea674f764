"""The library's error hierarchy: every error a user can act on derives from ImplementatieError."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


class ImplementatieError(Exception):
    """Base class of all errors raised by implementatie."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file: where it is and what is wrong."""

    file: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {printable(self.field)}:" if self.field else ""
        return f"{printable(where)}:{field} {printable(self.message)}"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` with control characters (line breaks, terminal escapes) written as `\\n`,
    `\\x1b`, …, so a value from a file cannot fake extra lines or recolour a terminal."""
    return _CONTROL.sub(lambda match: repr(match.group())[1:-1], text)


class ProblemsError(ImplementatieError):
    """An error that lists every problem found at once."""

    what = "input"

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=_problem_order))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the {self.what}:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


def _problem_order(problem: Problem) -> tuple[str, int, int, str, str]:
    return (problem.file, problem.line or 0, problem.column or 0, problem.field, problem.message)


class CatalogError(ProblemsError):
    """The catalogue (YAML files) is invalid; `problems` lists every problem found."""

    what = "catalogue"


class ResponseError(ProblemsError):
    """Questionnaire answers are invalid; `problems` names respondent and item for each."""

    what = "answers"


class ReviewError(ProblemsError):
    """Scored review spreadsheets are invalid; `problems` names file, row and column."""

    what = "review"


class LookupFailed(ImplementatieError, LookupError):
    """A determinant or strategy given by a person could not be found (or is ambiguous)."""

    def __init__(
        self, kind: str, query: str, suggestions: Sequence[str], *, ambiguous: bool
    ) -> None:
        self.kind = kind
        self.query = query
        self.suggestions = tuple(suggestions)
        self.ambiguous = ambiguous
        if ambiguous:
            message = f"{query!r} matches more than one {kind}: {', '.join(suggestions)}"
        else:
            message = f"unknown {kind} {query!r}"
            if suggestions:
                message += f"; did you mean: {', '.join(suggestions)}?"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidOption(ImplementatieError, ValueError):
    """A parameter is out of range or does not fit the data (a threshold, an attribute, …)."""


class MissingExtra(ImplementatieError, ImportError):
    """A feature needs an optional dependency that is not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        self.extra = extra
        super().__init__(
            f"{feature} needs optional packages that are not installed; "
            f'install them with: pip install "implementatie[{extra}]"'
        )


class ActionPlanError(ProblemsError):
    """An edited action plan file is invalid; `problems` names sheet, row and column for each."""

    what = "action plan"


class RetiredId(LookupFailed):
    """An id that was removed from the catalogue; the message names what replaces it."""

    def __init__(self, kind: str, record: RetiredRecord) -> None:
        super().__init__(kind, record.id, record.replaced_by, ambiguous=False)
        self.record = record
        self.args = (
            RETIRED.format(
                kind=kind,
                id=record.id,
                edition=record.edition,
                replacements=", ".join(record.replaced_by),
                reason=record.reason.en,
            ),
        )


RETIRED = (
    "{kind} {id!r} was removed in edition {edition} of the knowledge base; "
    "use instead: {replacements} ({reason})"
)
"""The message of `RetiredId`; the display layer shows it in the reader's language."""


class BilingualText(Protocol):
    """A text in Dutch and English (`implementatie.knowledge.text.Text`)."""

    @property
    def nl(self) -> str: ...
    @property
    def en(self) -> str: ...


class RetiredRecord(Protocol):
    """What `RetiredId` needs to know about a removed id."""

    @property
    def id(self) -> str: ...
    @property
    def edition(self) -> int: ...
    @property
    def replaced_by(self) -> Sequence[str]: ...
    @property
    def reason(self) -> BilingualText: ...


CANNOT_READ = "cannot read {file}: {reason}"
CANNOT_WRITE = "cannot write {file}: {reason}"
NOT_UTF8 = "the file is not UTF-8 text; save it as UTF-8"
"""Messages about files, in one place (plain English; Dutch in the message catalogue)."""


def cannot_read(path: object, reason: OSError | str) -> str:
    """ "cannot read FILE: why", the reason from `file_error` when it is an OSError."""
    why = file_error(reason) if isinstance(reason, OSError) else reason
    return CANNOT_READ.format(file=path, reason=why)


def cannot_write(path: object, reason: OSError | str) -> str:
    """ "cannot write FILE: why", the reason from `file_error` when it is an OSError."""
    why = file_error(reason, writing=True) if isinstance(reason, OSError) else reason
    return CANNOT_WRITE.format(file=path, reason=why)


def file_error(error: OSError, *, writing: bool = False) -> str:
    """What is wrong when a file cannot be opened, in words a person can act on."""
    if isinstance(error, IsADirectoryError):
        return "this is a folder, not a file"
    if isinstance(error, NotADirectoryError):
        return "part of the path is a file, not a folder"
    if isinstance(error, PermissionError):
        return "no permission to write here" if writing else "no permission to read this file"
    if isinstance(error, FileNotFoundError):
        return "the folder to write in does not exist" if writing else "file not found"
    return "cannot write the file" if writing else "cannot read the file"
