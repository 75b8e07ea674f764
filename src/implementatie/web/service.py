"""What the routes do, apart from HTTP: create rounds, check and store submissions.

Pages and the JSON API both call this, so the rules (fixed role and team choices, closed
rounds, rate limit, idempotency) hold the same way for both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from implementatie import Catalog, ResponseError, parse_submission
from implementatie.web import storage
from implementatie.web.results import ATTRIBUTES, ResultCache
from implementatie.web.security import RateLimiter
from implementatie.web.settings import WebSettings
from implementatie.web.tokens import new_token, same, seal, token_hash

MAX_CHOICES = 50
MAX_TEXT = 200


class Invalid(Exception):
    """Input that cannot be accepted: `problems` lists (item, message) pairs."""

    def __init__(self, problems: Sequence[tuple[str, str]]) -> None:
        super().__init__(problems)
        self.problems = list(problems)


class Closed(Exception):
    """The round no longer accepts answers."""


class Limited(Exception):
    """Too many submissions for this round just now."""


class Duplicate(Exception):
    """The idempotency key or respondent id was used for another submission."""


@dataclass(frozen=True)
class NewRound:
    """A created round with its two tokens (shown once; only their hashes are stored)."""

    round: storage.Round
    respondent_token: str
    facilitator_token: str


class Service:
    """The service's state: database, catalogue, results cache and rate limiter."""

    def __init__(self, settings: WebSettings, engine: Engine, catalog: Catalog) -> None:
        self.settings = settings
        self.engine = engine
        self.catalog = catalog
        self.results = ResultCache(engine, catalog, settings.min_group_size)
        self.limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)

    def is_admin(self, token: str | None) -> bool:
        expected = self.settings.admin_token
        return expected is not None and same(token, expected)

    def create_round(
        self,
        *,
        name: str,
        organisation: str,
        lang: str,
        roles: Sequence[str],
        teams: Sequence[str],
        closes_at: datetime | None,
    ) -> NewRound:
        """Check the fields and store a round; raise Invalid naming each bad field."""
        problems = []
        name, organisation = name.strip(), organisation.strip()
        if not name or len(name) > MAX_TEXT:
            problems.append(("name", f"give a name of 1 to {MAX_TEXT} characters"))
        if len(organisation) > MAX_TEXT:
            problems.append(("organisation", f"at most {MAX_TEXT} characters"))
        if lang not in ("nl", "en"):
            problems.append(("lang", "expected 'nl' or 'en'"))
        for field, choices in (("roles", roles), ("teams", teams)):
            cleaned = [c.strip() for c in choices]
            if len(cleaned) > MAX_CHOICES:
                problems.append((field, f"at most {MAX_CHOICES} choices"))
            elif any(not c or len(c) > MAX_TEXT for c in cleaned):
                problems.append((field, f"each choice needs 1 to {MAX_TEXT} characters"))
            elif len(set(cleaned)) != len(cleaned):
                problems.append((field, "a choice appears twice"))
        if problems:
            raise Invalid(problems)
        respondent, facilitator = new_token(), new_token()
        created = storage.create_round(
            self.engine,
            name=name,
            organisation=organisation,
            lang=lang,
            roles=[r.strip() for r in roles],
            teams=[t.strip() for t in teams],
            closes_at=closes_at,
            respondent_hash=token_hash(respondent),
            facilitator_hash=token_hash(facilitator),
            respondent_sealed=seal(respondent, facilitator),
        )
        return NewRound(created, respondent, facilitator)

    def round_for_respondent(self, token: str) -> storage.Round | None:
        found = storage.round_by_respondent_hash(self.engine, token_hash(token))
        return found if found and same(token_hash(token), found.respondent_hash) else None

    def round_for_facilitator(self, token: str) -> storage.Round | None:
        found = storage.round_by_facilitator_hash(self.engine, token_hash(token))
        return found if found and same(token_hash(token), found.facilitator_hash) else None

    def submit(self, current: storage.Round, data: Any, key: str | None) -> tuple[str, bool]:
        """Check a submission and store it; return (its id, whether it is new).

        `key` is the idempotency key (the respondent id when none is given). Raises Invalid,
        Closed, Limited or Duplicate.
        """
        if not current.is_open:
            raise Closed
        if not isinstance(data, Mapping):
            raise Invalid([("body", "expected a JSON object with respondent and answers")])
        try:
            respondent = parse_submission(data, catalog=self.catalog)
        except ResponseError as exc:
            raise Invalid([(_item(p.field), p.message) for p in exc.problems]) from None
        problems = self._attribute_problems(current, respondent.attributes)
        if len(respondent.id) > MAX_TEXT:
            problems.append(("respondent", f"at most {MAX_TEXT} characters"))
        if key is not None and not 1 <= len(key) <= MAX_TEXT:
            problems.append(("Idempotency-Key", f"give 1 to {MAX_TEXT} characters"))
        if problems:
            raise Invalid(problems)
        stored = {
            "answers": dict(respondent.answers),
            "attributes": dict(respondent.attributes),
        }
        idempotency = key or f"respondent:{respondent.id}"
        if not self.limiter.allow(current.id) and (
            storage.submission_with_key(self.engine, current.id, idempotency) is None
        ):
            raise Limited  # a retry of an acknowledged submission is answered all the same
        try:
            return storage.add_submission(
                self.engine, current.id, respondent.id, idempotency, stored
            )
        except storage.Conflict:
            raise Duplicate from None

    def _attribute_problems(
        self, current: storage.Round, attributes: Mapping[str, str]
    ) -> list[tuple[str, str]]:
        """Only role and team, each one of the round's fixed choices (when it has them)."""
        problems = []
        for name, value in attributes.items():
            if name not in ATTRIBUTES:
                problems.append((f"attributes.{name}", "only role and team are accepted"))
                continue
            choices = current.roles if name == "role" else current.teams
            if value not in choices:
                allowed = ", ".join(choices) if choices else "none (this round has no choices)"
                problems.append((f"attributes.{name}", f"{value!r} is not a choice; {allowed}"))
        return problems


def _item(field: str) -> str:
    """The item id (or field) from a library problem field such as 'respondent r1, item q01'."""
    if ", item " in field:
        return field.rpartition(", item ")[2]
    return field.rpartition(", ")[2]
