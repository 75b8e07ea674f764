"""Every database query of the service (SQLAlchemy Core), and the connection set-up.

Rounds, submissions and drafts. Tokens are stored only as hashes. A submission is committed
before the service answers; a unique idempotency key per round makes a retried submission
return the first one instead of storing it twice.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from implementatie.knowledge.text import Lang

metadata = sa.MetaData()

rounds = sa.Table(
    "rounds",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("organisation", sa.String(200), nullable=False),
    sa.Column("lang", sa.String(2), nullable=False),
    sa.Column("roles", sa.JSON, nullable=False),
    sa.Column("teams", sa.JSON, nullable=False),
    sa.Column("closes_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("closed", sa.Boolean, nullable=False),
    sa.Column("respondent_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("facilitator_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("respondent_sealed", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

submissions = sa.Table(
    "submissions",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column(
        "round_id", sa.String(32), sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("respondent", sa.String(200), nullable=False),
    sa.Column("idempotency_key", sa.String(200), nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("round_id", "idempotency_key", name="uq_submission_key"),
    sa.UniqueConstraint("round_id", "respondent", name="uq_submission_respondent"),
)

drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("key_hash", sa.String(64), primary_key=True),
    sa.Column(
        "round_id", sa.String(32), sa.ForeignKey("rounds.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


def connect(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL mode, full sync and a busy timeout."""
    if url.startswith("sqlite"):
        engine = sa.create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        database = engine.url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)

        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi: Any, _record: Any) -> None:
            cursor = dbapi.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

        return engine
    return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def migrate(engine: Engine) -> None:
    """Create or upgrade the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Round:
    """A questionnaire round as stored (without its tokens)."""

    id: str
    name: str
    organisation: str
    lang: Lang
    roles: tuple[str, ...]
    teams: tuple[str, ...]
    closes_at: datetime | None
    closed: bool
    respondent_hash: str
    facilitator_hash: str
    respondent_sealed: str
    created_at: datetime

    @property
    def is_open(self) -> bool:
        """Open: not closed by the coach and its closing date (if any) not passed."""
        if self.closed:
            return False
        return self.closes_at is None or now() < _aware(self.closes_at)


def _aware(moment: datetime) -> datetime:
    """SQLite returns naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _round(row: sa.Row[Any]) -> Round:
    m = row._mapping
    return Round(
        id=m["id"],
        name=m["name"],
        organisation=m["organisation"],
        lang="en" if m["lang"] == "en" else "nl",
        roles=tuple(m["roles"]),
        teams=tuple(m["teams"]),
        closes_at=_aware(m["closes_at"]) if m["closes_at"] else None,
        closed=bool(m["closed"]),
        respondent_hash=m["respondent_hash"],
        facilitator_hash=m["facilitator_hash"],
        respondent_sealed=m["respondent_sealed"],
        created_at=_aware(m["created_at"]),
    )


def create_round(
    engine: Engine,
    *,
    name: str,
    organisation: str,
    lang: str,
    roles: Sequence[str],
    teams: Sequence[str],
    closes_at: datetime | None,
    respondent_hash: str,
    facilitator_hash: str,
    respondent_sealed: str,
) -> Round:
    """Store a new round and return it."""
    round_id = secrets.token_hex(8)
    values = {
        "id": round_id,
        "name": name,
        "organisation": organisation,
        "lang": lang,
        "roles": list(roles),
        "teams": list(teams),
        "closes_at": closes_at,
        "closed": False,
        "respondent_hash": respondent_hash,
        "facilitator_hash": facilitator_hash,
        "respondent_sealed": respondent_sealed,
        "created_at": now(),
    }
    with engine.begin() as connection:
        connection.execute(rounds.insert().values(**values))
    found = round_by_id(engine, round_id)
    assert found is not None
    return found


def _one_round(engine: Engine, where: sa.ColumnElement[bool]) -> Round | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(rounds).where(where)).first()
    return _round(row) if row else None


def round_by_id(engine: Engine, round_id: str) -> Round | None:
    return _one_round(engine, rounds.c.id == round_id)


def round_by_respondent_hash(engine: Engine, digest: str) -> Round | None:
    return _one_round(engine, rounds.c.respondent_hash == digest)


def round_by_facilitator_hash(engine: Engine, digest: str) -> Round | None:
    return _one_round(engine, rounds.c.facilitator_hash == digest)


def earlier_round(engine: Engine, current: Round) -> Round | None:
    """The newest round of the same organisation/team created before `current`."""
    query = (
        sa.select(rounds)
        .where(rounds.c.organisation == current.organisation)
        .where(rounds.c.created_at < current.created_at)
        .where(rounds.c.id != current.id)
        .order_by(rounds.c.created_at.desc())
        .limit(1)
    )
    with engine.connect() as connection:
        row = connection.execute(query).first()
    return _round(row) if row else None


def set_closed(engine: Engine, round_id: str, closed: bool) -> None:
    """Close or reopen a round; reopening also removes a passed closing date."""
    values: dict[str, Any] = {"closed": closed}
    if not closed:
        values["closes_at"] = None
    with engine.begin() as connection:
        connection.execute(rounds.update().where(rounds.c.id == round_id).values(**values))


def delete_round(engine: Engine, round_id: str) -> None:
    """Delete a round with its submissions and drafts."""
    with engine.begin() as connection:
        connection.execute(drafts.delete().where(drafts.c.round_id == round_id))
        connection.execute(submissions.delete().where(submissions.c.round_id == round_id))
        connection.execute(rounds.delete().where(rounds.c.id == round_id))


class Conflict(Exception):
    """The idempotency key or respondent was already used for a different submission."""


def add_submission(
    engine: Engine, round_id: str, respondent: str, key: str, data: Mapping[str, Any]
) -> tuple[str, bool]:
    """Store a submission and commit; return (its id, whether it is new).

    A second call with the same key and the same data returns the first id (a retry); a
    different submission under a used key or respondent raises Conflict.
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    new_id = secrets.token_hex(8)
    try:
        with engine.begin() as connection:
            connection.execute(
                submissions.insert().values(
                    id=new_id,
                    round_id=round_id,
                    respondent=respondent,
                    idempotency_key=key,
                    data=text,
                    created_at=now(),
                )
            )
        return new_id, True
    except IntegrityError:
        pass
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(submissions.c.id, submissions.c.respondent, submissions.c.data)
            .where(submissions.c.round_id == round_id)
            .where(submissions.c.idempotency_key == key)
        ).first()
    if row is None or row.respondent != respondent or row.data != text:
        raise Conflict
    return row.id, False


def submission_with_key(engine: Engine, round_id: str, key: str) -> str | None:
    """The id of the submission stored under an idempotency key, if any."""
    with engine.connect() as connection:
        return connection.execute(
            sa.select(submissions.c.id)
            .where(submissions.c.round_id == round_id)
            .where(submissions.c.idempotency_key == key)
        ).scalar()


def count_submissions(engine: Engine, round_id: str) -> int:
    with engine.connect() as connection:
        query = sa.select(sa.func.count()).where(submissions.c.round_id == round_id)
        return int(connection.execute(query).scalar_one())


@dataclass(frozen=True)
class Stored:
    """One stored submission: its id, the respondent id and the submission as posted."""

    id: str
    respondent: str
    data: dict[str, Any]


def submissions_of(engine: Engine, round_id: str, limit: int | None = None) -> list[Stored]:
    """A round's submissions in the order they came in (the first `limit` of them)."""
    query = (
        sa.select(submissions.c.id, submissions.c.respondent, submissions.c.data)
        .where(submissions.c.round_id == round_id)
        .order_by(submissions.c.seq)
        .limit(limit)
    )
    with engine.connect() as connection:
        return [Stored(r.id, r.respondent, json.loads(r.data)) for r in connection.execute(query)]


def submission_ids(engine: Engine, round_id: str) -> Iterator[str]:
    """Every submission id of a round (for checks and tests)."""
    with engine.connect() as connection:
        query = sa.select(submissions.c.id).where(submissions.c.round_id == round_id)
        yield from connection.execute(query).scalars()


def load_draft(engine: Engine, round_id: str, key_hash: str) -> dict[str, Any] | None:
    with engine.connect() as connection:
        text = connection.execute(
            sa.select(drafts.c.data)
            .where(drafts.c.key_hash == key_hash)
            .where(drafts.c.round_id == round_id)
        ).scalar()
    return json.loads(text) if text else None


def save_draft(engine: Engine, round_id: str, key_hash: str, data: Mapping[str, Any]) -> None:
    """Insert or replace a respondent's draft."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    with engine.begin() as connection:
        updated = connection.execute(
            drafts.update()
            .where(drafts.c.key_hash == key_hash)
            .where(drafts.c.round_id == round_id)
            .values(data=text, updated_at=now())
        )
        if updated.rowcount == 0:
            connection.execute(
                drafts.insert().values(
                    key_hash=key_hash, round_id=round_id, data=text, updated_at=now()
                )
            )


def prune_drafts(engine: Engine, older_than: timedelta) -> int:
    """Delete drafts (unsent answers, sent markers) untouched for `older_than`; return how many."""
    with engine.begin() as connection:
        result = connection.execute(drafts.delete().where(drafts.c.updated_at < now() - older_than))
    return result.rowcount
