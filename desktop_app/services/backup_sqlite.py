"""SQLite's side of backup and restore: copy the live file, count it, swap a restored one in.

The swap is one ``os.replace`` of a copy already migrated forward, beside the live file
(same disk, so the rename is atomic): the live file is untouched until that instant. It
is refused while any other program holds the file open — an app still connected would go
on writing into the replaced file, and those records would be lost.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import URL

from desktop_app import migrations
from desktop_app.db import Database
from desktop_app.services.backup_format import BackupError


def dump(source: Path, target: Path) -> tuple[str | None, dict[str, int]]:
    """A consistent copy of the live file (SQLite's backup API: safe while the app writes);
    its schema revision and row counts."""
    if not source.is_file():
        raise BackupError(f"There is no database file at {source} to back up.")
    try:
        with (
            closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
            rows = counts(dst)
            revision = dst.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error as exc:
        raise BackupError(f"Could not copy the database {source}: {exc}") from exc
    return (revision[0] if revision else None), rows


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def swap(database: Database, live: Path, dump: Path) -> None:
    """Migrate the restored copy where it lies, then put it in the live file's place in one
    rename; the live file is untouched until then (and backed up already)."""
    staged = Database(URL.create("sqlite", database=str(dump)))
    try:
        migrations.upgrade(staged)
    finally:
        staged.dispose()
    _checkpoint(dump)
    database.dispose()
    _checkpoint(live)
    os.replace(dump, live)


def _checkpoint(path: Path) -> None:
    """Make sure no other program has the file open (an app still connected would go on
    writing into the replaced file, and those records would be lost), then fold the
    write-ahead log into it: a -wal left beside the new file would belong to the old one."""
    if not path.is_file():
        return
    probe = sqlite3.connect(path, timeout=2, isolation_level=None)
    try:
        probe.execute("PRAGMA locking_mode = EXCLUSIVE")
        probe.execute("BEGIN EXCLUSIVE")  # refused while any other connection is open
        probe.execute("ROLLBACK")
    except sqlite3.OperationalError:
        raise BackupError(
            f"The database file {path} is in use by another program (a Clinic Desk window "
            "still open?). Close it and restore again; nothing was changed."
        ) from None
    finally:
        probe.close()
    with closing(sqlite3.connect(path, timeout=5)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
