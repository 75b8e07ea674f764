"""Storage on SQLite and on a real PostgreSQL server: migrations, idempotency, order, deletes."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from implementatie.web import storage


@pytest.fixture
def engine(db_url: str) -> sa.Engine:
    found = storage.connect(db_url)
    storage.migrate(found)
    yield found
    found.dispose()


def make_round(engine: sa.Engine, name: str = "r", organisation: str = "team") -> storage.Round:
    return storage.create_round(
        engine,
        name=name,
        organisation=organisation,
        lang="nl",
        roles=["arts"],
        teams=[],
        closes_at=None,
        respondent_hash=f"{name}-r".ljust(64, "0"),
        facilitator_hash=f"{name}-f".ljust(64, "0"),
        respondent_sealed="00",
    )


def test_upgrade_from_empty_creates_the_schema_at_head(db_url: str) -> None:
    engine = storage.connect(db_url)
    assert not sa.inspect(engine).get_table_names()
    storage.migrate(engine)
    storage.migrate(engine)  # a second start changes nothing
    tables = set(sa.inspect(engine).get_table_names())
    assert {"rounds", "submissions", "drafts", "alembic_version"} <= tables
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
            "0001"
        )
        # the migrations and the table definitions the queries use describe the same schema
        differences = compare_metadata(MigrationContext.configure(connection), storage.metadata)
    assert differences == []
    engine.dispose()


def test_sqlite_file_is_in_wal_mode(tmp_path) -> None:
    engine = storage.connect(f"sqlite:///{tmp_path / 'sub' / 'x.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_round_round_trip(engine: sa.Engine) -> None:
    made = make_round(engine)
    assert storage.round_by_id(engine, made.id) == made
    assert storage.round_by_respondent_hash(engine, made.respondent_hash) == made
    assert storage.round_by_facilitator_hash(engine, made.facilitator_hash) == made
    assert made.roles == ("arts",) and made.is_open


def test_closing_date_at_its_boundary(engine: sa.Engine) -> None:
    made = make_round(engine)
    just_passed = storage.now() - timedelta(seconds=1)
    with engine.begin() as connection:
        connection.execute(storage.rounds.update().values(closes_at=just_passed))
    assert not storage.round_by_id(engine, made.id).is_open
    storage.set_closed(engine, made.id, False)  # reopening removes the passed date
    assert storage.round_by_id(engine, made.id).is_open
    storage.set_closed(engine, made.id, True)
    assert not storage.round_by_id(engine, made.id).is_open


def test_same_key_same_data_returns_the_first_submission(engine: sa.Engine) -> None:
    made = make_round(engine)
    first, new = storage.add_submission(engine, made.id, "r1", "k1", {"answers": {"q01": 1}})
    again, new_again = storage.add_submission(engine, made.id, "r1", "k1", {"answers": {"q01": 1}})
    assert (again, new, new_again) == (first, True, False)
    assert storage.count_submissions(engine, made.id) == 1


def test_used_key_or_respondent_with_other_data_is_a_conflict(engine: sa.Engine) -> None:
    made = make_round(engine)
    storage.add_submission(engine, made.id, "r1", "k1", {"answers": {"q01": 1}})
    with pytest.raises(storage.Conflict):
        storage.add_submission(engine, made.id, "r1", "k1", {"answers": {"q01": 2}})
    with pytest.raises(storage.Conflict):
        storage.add_submission(engine, made.id, "r1", "k2", {"answers": {"q01": 1}})
    with pytest.raises(storage.Conflict):
        storage.add_submission(engine, made.id, "r2", "k1", {"answers": {"q01": 1}})
    assert storage.count_submissions(engine, made.id) == 1


def test_concurrent_retries_store_one_submission(engine: sa.Engine) -> None:
    made = make_round(engine)
    ids: list[str] = []
    barrier = threading.Barrier(8)

    def send() -> None:
        barrier.wait()
        ids.append(storage.add_submission(engine, made.id, "r1", "k", {"answers": {}})[0])

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(ids) == 8 and len(set(ids)) == 1
    assert storage.count_submissions(engine, made.id) == 1


def test_submissions_come_back_in_arrival_order(engine: sa.Engine) -> None:
    made = make_round(engine)
    for n in range(7):
        storage.add_submission(engine, made.id, f"r{n}", f"k{n}", {"answers": {"q01": n % 5 + 1}})
    stored = storage.submissions_of(engine, made.id)
    assert [s.respondent for s in stored] == [f"r{n}" for n in range(7)]
    assert [s.respondent for s in storage.submissions_of(engine, made.id, 5)] == [
        f"r{n}" for n in range(5)
    ]
    assert stored[3].data == {"answers": {"q01": 4}}


def test_delete_removes_the_round_its_submissions_and_drafts(engine: sa.Engine) -> None:
    kept, gone = make_round(engine, "kept"), make_round(engine, "gone")
    for made in (kept, gone):
        storage.add_submission(engine, made.id, "r1", "k1", {"answers": {}})
        storage.save_draft(engine, made.id, f"{made.name}-draft", {"answers": {"q01": 2}})
    storage.delete_round(engine, gone.id)
    assert storage.round_by_id(engine, gone.id) is None
    assert storage.count_submissions(engine, gone.id) == 0
    assert storage.load_draft(engine, gone.id, "gone-draft") is None
    assert storage.count_submissions(engine, kept.id) == 1
    assert storage.load_draft(engine, kept.id, "kept-draft") == {"answers": {"q01": 2}}


def test_draft_is_replaced_and_bound_to_its_round(engine: sa.Engine) -> None:
    one, other = make_round(engine, "one"), make_round(engine, "other")
    storage.save_draft(engine, one.id, "d", {"answers": {"q01": 2}})
    storage.save_draft(engine, one.id, "d", {"answers": {"q01": 3}})
    assert storage.load_draft(engine, one.id, "d") == {"answers": {"q01": 3}}
    assert storage.load_draft(engine, other.id, "d") is None


def test_earlier_round_is_the_newest_older_one_of_the_same_team(engine: sa.Engine) -> None:
    first = make_round(engine, "first")
    make_round(engine, "elsewhere", organisation="other team")
    second = make_round(engine, "second")
    third = make_round(engine, "third")
    assert storage.earlier_round(engine, first) is None
    assert storage.earlier_round(engine, third) == second


def test_old_drafts_are_pruned_at_the_boundary(engine: sa.Engine) -> None:
    made = make_round(engine)
    for key in ("old", "recent"):
        storage.save_draft(engine, made.id, key, {"answers": {}})
    month = timedelta(days=30)
    with engine.begin() as connection:
        ages = {"old": month + timedelta(minutes=1), "recent": month - timedelta(minutes=1)}
        for key, age in ages.items():
            connection.execute(
                storage.drafts.update()
                .where(storage.drafts.c.key_hash == key)
                .values(updated_at=storage.now() - age)
            )
    assert storage.prune_drafts(engine, month) == 1
    assert storage.load_draft(engine, made.id, "old") is None
    assert storage.load_draft(engine, made.id, "recent") == {"answers": {}}
