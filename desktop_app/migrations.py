"""Bring a database to the newest schema, safely, before anyone works on it.

- SQLite: a pending migration first copies the file with SQLite's backup API to a
  timestamped file beside it, so a failed or unwanted upgrade can be undone by hand.
- PostgreSQL: stations starting together serialise on an advisory lock; the first one
  migrates, the rest find nothing left to do. Each is told which it is (``notify``), so
  the person at a waiting station reads why it waits.
- A database written by a newer Clinic Desk is refused, never "downgraded" by accident.
- SQLite runs migrations with foreign keys off and checks them before committing: a
  migration that copies a table (batch mode, to change a column) drops the old one, which
  with foreign keys on would delete through every key pointing at it (SQLite's documented
  procedure for changing a table; PRAGMA foreign_keys cannot change inside a transaction).

Alembic is imported only when there is something to do, which keeps start-up quick.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from desktop_app import paths
from desktop_app.db import Database, DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

# The newest revision in alembic/versions; tests/test_migrations.py keeps the two in step.
SCHEMA_HEAD = "0020"
_PG_MIGRATION_LOCK = 0x0C1D_E5C0
UPGRADING = "upgrading"  # what ``notify`` is told: this station migrates now
WAITING = "waiting"  # another station holds the migration lock: wait for it
Notify = Callable[[str], None]


class DatabaseTooNewError(DatabaseError):
    """The database was upgraded by a newer Clinic Desk than this one."""


class BackupError(DatabaseError):
    """The safety copy before migrating could not be written; nothing was changed."""


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def current_revision(database: Database) -> str | None:
    """The revision the database is at, or None for an empty database."""
    with database.connect() as connection:
        return _read_revision(connection)


def _read_revision(connection: sa.Connection) -> str | None:
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(scripts: Path = paths.ALEMBIC_SCRIPTS) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts))
    return config


def head_revision(scripts: Path = paths.ALEMBIC_SCRIPTS) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(scripts)).get_current_head()
    assert head is not None, "no Alembic revisions found"
    return head


def check_known(current: str | None, scripts: Path = paths.ALEMBIC_SCRIPTS) -> None:
    """Raise DatabaseTooNewError if this code does not know the database's revision."""
    if current is None:
        return
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        ScriptDirectory.from_config(alembic_config(scripts)).get_revision(current)
    except CommandError as exc:
        raise DatabaseTooNewError(
            f"This database is at schema revision {current!r}, which this version of Clinic "
            "Desk does not know: it was upgraded by a newer version. Install that version "
            "on this computer; the database has not been changed."
        ) from exc


def upgrade(
    database: Database, scripts: Path = paths.ALEMBIC_SCRIPTS, notify: Notify | None = None
) -> MigrationResult:
    """Migrate to the newest revision, backing an SQLite file up first if anything is due;
    ``notify`` hears UPGRADING, or WAITING first while another station migrates."""
    current = current_revision(database)
    if current == SCHEMA_HEAD and scripts == paths.ALEMBIC_SCRIPTS:
        return MigrationResult(current, current, None)
    check_known(current, scripts)
    head = head_revision(scripts)
    if current == head:
        return MigrationResult(current, head, None)
    backup = None
    if database.sqlite_path is not None and current is not None:
        backup = backup_sqlite(database.sqlite_path, f"before-{head}")
    _run_upgrade(database, scripts, notify or (lambda _state: None))
    return MigrationResult(current, head, backup)


def _run_upgrade(database: Database, scripts: Path, notify: Notify) -> None:
    from alembic import command

    config = alembic_config(scripts)
    with migrating(database, notify) as connection:
        notify(UPGRADING)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def downgrade(database: Database, revision: str) -> None:
    """Go back to ``revision`` (support and tests; never done at start-up)."""
    from alembic import command

    config = alembic_config()
    with migrating(database) as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


@contextmanager
def migrating(database: Database, notify: Notify | None = None) -> Iterator[sa.Connection]:
    """One transaction to migrate in: on PostgreSQL under the stations' advisory lock, on
    SQLite with foreign keys off for its duration and every key checked before commit."""
    with database.connect() as connection:
        if not database.is_sqlite:
            with connection.begin():
                lock = sa.func.pg_try_advisory_xact_lock(_PG_MIGRATION_LOCK)
                if not connection.execute(sa.select(lock)).scalar():
                    if notify is not None:
                        notify(WAITING)
                    connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_PG_MIGRATION_LOCK)))
                yield connection
            return
        raw = connection.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")  # outside any transaction: takes effect
        try:
            connection = connection.execution_options(clinic_desk_sqlite_immediate=True)
            with connection.begin():
                yield connection
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise DatabaseError(
                        f"The schema upgrade left a broken reference in {broken[0]!r}; "
                        "nothing was changed."
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")  # the pooled connection is reused


def backup_sqlite(source: Path, label: str) -> Path:
    """Copy a live SQLite database consistently (WAL included) to a timestamped file."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = source.with_name(f"{source.stem}-{stamp}-{label}{source.suffix}.bak")
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
    except (OSError, sqlite3.Error) as exc:
        target.unlink(missing_ok=True)
        raise BackupError(
            f"Could not write the safety copy {target} before upgrading the database "
            f"({exc}). Nothing was changed; free some disk space and start again."
        ) from exc
    return target
