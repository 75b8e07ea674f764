"""Alembic environment: runs on the connection `storage.migrate` passes in."""

from __future__ import annotations

from alembic import context

from implementatie.web.storage import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
if connection.dialect.name == "postgresql":
    # Several app instances may start at once: one upgrades, the others wait.
    connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7401120)")
with context.begin_transaction():
    context.run_migrations()
