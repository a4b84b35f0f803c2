"""This station's offline copy of the reminder panel (networked mode): an SQLite file on
the workstation holding the reminders due soon for the people who work here, the
sign-in details of those who signed in here, and the outbox of changes made offline
(``reminder_outbox``).

One file per server (named from a hash of its host, port and database), so a PC that
has worked for two clinics never mixes them. Opened with the standard library's sqlite3,
a new connection per call so the UI's worker threads can share one ``ReminderCache``;
WAL and ``synchronous=FULL`` so a committed change survives the process being killed or
the PC losing power.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from desktop_app import paths
from desktop_app.db import Database, DatabaseError
from desktop_app.models import Priority, ReminderStatus, Role, Staff, Trigger
from desktop_app.services import passwords
from desktop_app.services.context import Actor, reading, this_workstation
from desktop_app.services.errors import AuthenticationError
from desktop_app.services.reminders import ReminderRow

SCHEMA_VERSION = 2  # PRAGMA user_version; a later change adds a step in _create
BUSY_TIMEOUT_S = 15

# patient_id and record_no are NULL for a lead's reminder (version 2; NOT NULL in 1).
_REMINDERS = """
CREATE TABLE reminders (
    id TEXT PRIMARY KEY, patient_id TEXT, record_no TEXT,
    patient_name TEXT NOT NULL, mobile TEXT NOT NULL, reason TEXT NOT NULL,
    trigger TEXT NOT NULL, step INTEGER NOT NULL, due_on TEXT NOT NULL,
    priority TEXT NOT NULL, assignee_id TEXT, assignee_name TEXT NOT NULL,
    assignee_role TEXT, attempts INTEGER NOT NULL, max_attempts INTEGER NOT NULL,
    status TEXT NOT NULL, version INTEGER NOT NULL, script TEXT NOT NULL
)"""
_SCHEMA = (
    _REMINDERS
    + """;
CREATE TABLE users (
    staff_id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
    role TEXT NOT NULL, password_hash TEXT NOT NULL, remembered_at TEXT NOT NULL
);
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    action TEXT NOT NULL CHECK (action IN ('call', 'snooze')),
    reminder_id TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    change TEXT NOT NULL,
    made_at TEXT NOT NULL,
    author_id TEXT NOT NULL, author_username TEXT NOT NULL,
    author_name TEXT NOT NULL, author_role TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'sent', 'conflict', 'discarded')),
    result TEXT NOT NULL DEFAULT '',
    server_row TEXT,
    decided_at TEXT
);
CREATE INDEX outbox_state ON outbox (state, seq);
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
)

ROW_FIELDS = tuple(f.name for f in dataclasses.fields(ReminderRow))


class OfflineCacheError(DatabaseError):
    """This station's offline file cannot be used (disk full, made by a newer version …)."""


def cache_path(database: Database) -> Path:
    """Where this station keeps the offline copy for ``database``'s server."""
    url = database.url
    where = f"{database.kind}://{url.host or ''}:{url.port or 5432}/{url.database or ''}"
    name = hashlib.sha256(where.encode("utf-8")).hexdigest()[:20]
    return paths.data_dir() / "offline" / f"reminders-{name}.sqlite3"


class ReminderCache:
    """The station's offline file: cached reminders, remembered users, the outbox."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OfflineCacheError(f"Cannot make the folder for {path}: {exc}") from exc
        self._create()

    @classmethod
    def for_database(cls, database: Database) -> ReminderCache:
        return cls(cache_path(database))

    # --- the file ---------------------------------------------------------------------------

    def _create(self) -> None:
        with self.writing() as connection:
            found = connection.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:
                raise OfflineCacheError(
                    f"This station's offline file {self.path} was written by a newer "
                    "Clinic Desk; update this station."
                )
            if found == 0:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    connection.execute(statement)  # (executescript would commit first)
            elif found == 1:  # leads' reminders: copied, so offline changes keep their rows
                connection.execute("ALTER TABLE reminders RENAME TO reminders_1")
                connection.execute(_REMINDERS)
                connection.execute("INSERT INTO reminders SELECT * FROM reminders_1")
                connection.execute("DROP TABLE reminders_1")
            if found < SCHEMA_VERSION:
                connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        return connection

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One local transaction, committed (to disk: synchronous=FULL) before returning."""
        try:
            connection = self._connect()
        except sqlite3.Error as exc:
            raise OfflineCacheError(f"Cannot open {self.path}: {exc}") from exc
        try:
            connection.execute("BEGIN IMMEDIATE")
            yield connection
            connection.execute("COMMIT")
        except BaseException as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise OfflineCacheError(f"Cannot write {self.path}: {exc}") from exc
            raise
        finally:
            connection.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        try:
            connection = self._connect()
        except sqlite3.Error as exc:
            raise OfflineCacheError(f"Cannot open {self.path}: {exc}") from exc
        try:
            yield connection
        except sqlite3.Error as exc:
            raise OfflineCacheError(f"Cannot read {self.path}: {exc}") from exc
        finally:
            connection.close()

    # --- people -----------------------------------------------------------------------------

    def remember(self, actor: Actor, password_hash: str) -> None:
        """Let ``actor`` sign in on this PC while the server is away.

        Keeping the hash here is acceptable: it is the same argon2id hash the server holds
        (slow to attack by design, never the password), only for people who signed in on
        this PC, and it is refreshed from the server — dropped for deactivated accounts —
        whenever the cache is.
        """
        assert actor.staff_id is not None, "only staff members sign in"
        with self.writing() as connection:
            remember_in(connection, [(actor, password_hash)])

    def users(self) -> list[Actor]:
        with self.reading() as connection:
            found = connection.execute(
                "SELECT staff_id, username, display_name, role FROM users ORDER BY username"
            ).fetchall()
        return [_actor(*r) for r in found]

    def sign_in_offline(self, username: str, password: str) -> Actor:
        """Check the password against the hash remembered at the last online sign-in."""
        username = username.strip().lower()
        with self.reading() as connection:
            found = connection.execute(
                "SELECT staff_id, username, display_name, role, password_hash FROM users "
                "WHERE username = ?",
                (username,),
            ).fetchone()
        stored = found[4] if found else passwords.dummy_hash()
        if passwords.verify(stored, password) and found is not None:
            return _actor(*found[:4])
        raise AuthenticationError

    # --- reminders ----------------------------------------------------------------------------

    def rows(self) -> list[ReminderRow]:
        """Every cached reminder, local changes included (the desk picks and sorts)."""
        with self.reading() as connection:
            found = connection.execute(f"SELECT {', '.join(ROW_FIELDS)} FROM reminders")
            return [row_from(values) for values in found]

    def refreshed_at(self) -> dt.datetime | None:
        """When the cache last came from the server (UTC), None if never."""
        with self.reading() as connection:
            found = connection.execute(
                "SELECT value FROM meta WHERE name = 'refreshed_at'"
            ).fetchone()
        return dt.datetime.fromisoformat(found[0]) if found else None


# --- inside a local transaction ------------------------------------------------------------------


def remember_in(connection: sqlite3.Connection, people: Iterable[tuple[Actor, str]]) -> None:
    now = dt.datetime.now(dt.UTC).isoformat()
    for actor, password_hash in people:
        # A user name moves with its account: whoever held it before here is forgotten.
        connection.execute(
            "DELETE FROM users WHERE username = ? AND staff_id <> ?",
            (actor.username, str(actor.staff_id)),
        )
        connection.execute(
            "INSERT INTO users VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (staff_id) DO UPDATE SET "
            "username = excluded.username, display_name = excluded.display_name, "
            "role = excluded.role, password_hash = excluded.password_hash",
            (
                str(actor.staff_id),
                actor.username,
                actor.display_name,
                actor.role.value,
                password_hash,
                now,
            ),
        )


def replace_in(
    connection: sqlite3.Connection,
    rows: Iterable[ReminderRow],
    people: list[tuple[Actor, str]],
) -> None:
    """The server's rows and accounts, wholesale: the people not among ``people`` (gone,
    deactivated) are forgotten, so they can no longer sign in offline."""
    connection.execute("DELETE FROM reminders")
    put_rows(connection, rows)
    keep = [str(actor.staff_id) for actor, _ in people]
    connection.execute(
        f"DELETE FROM users WHERE staff_id NOT IN ({', '.join('?' * len(keep))})", keep
    )
    remember_in(connection, people)
    connection.execute(
        "INSERT INTO meta VALUES ('refreshed_at', ?) ON CONFLICT (name) DO UPDATE "
        "SET value = excluded.value",
        (dt.datetime.now(dt.UTC).isoformat(),),
    )


def put_rows(connection: sqlite3.Connection, rows: Iterable[ReminderRow]) -> None:
    marks = ", ".join("?" * len(ROW_FIELDS))
    connection.executemany(
        f"INSERT OR REPLACE INTO reminders ({', '.join(ROW_FIELDS)}) VALUES ({marks})",
        [row_values(row) for row in rows],
    )


def row_in(connection: sqlite3.Connection, reminder_id: uuid.UUID) -> ReminderRow | None:
    found = connection.execute(
        f"SELECT {', '.join(ROW_FIELDS)} FROM reminders WHERE id = ?", (str(reminder_id),)
    ).fetchone()
    return row_from(found) if found else None


def drop_row(connection: sqlite3.Connection, reminder_id: uuid.UUID) -> None:
    connection.execute("DELETE FROM reminders WHERE id = ?", (str(reminder_id),))


def row_values(row: ReminderRow) -> tuple[Any, ...]:
    return tuple(_plain(getattr(row, name)) for name in ROW_FIELDS)


def row_from(values: Iterable[Any]) -> ReminderRow:
    v = dict(zip(ROW_FIELDS, values, strict=True))
    return ReminderRow(
        **{
            **v,
            "id": uuid.UUID(v["id"]),
            "patient_id": uuid.UUID(v["patient_id"]) if v["patient_id"] else None,
            "trigger": Trigger(v["trigger"]),
            "due_on": dt.date.fromisoformat(v["due_on"]),
            "priority": Priority(v["priority"]),
            "assignee_id": uuid.UUID(v["assignee_id"]) if v["assignee_id"] else None,
            "assignee_role": Role(v["assignee_role"]) if v["assignee_role"] else None,
            "status": ReminderStatus(v["status"]),
        }
    )


def _plain(value: object) -> object:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (Trigger, Priority, Role, ReminderStatus)):
        return value.value
    return value


def _actor(staff_id: str, username: str, display_name: str, role: str) -> Actor:
    return Actor(uuid.UUID(staff_id), username, display_name, Role(role), this_workstation())


# --- from the server ----------------------------------------------------------------------------


def credentials(database: Database, actor: Actor) -> str:
    """The signed-in person's password hash, read just after an online sign-in so the
    station can remember it (``ReminderCache.remember``); ``staff.sign_in`` stays as it is."""
    with reading(database) as connection:
        found = connection.execute(
            sa.select(Staff.password_hash).where(Staff.id == actor.staff_id, Staff.active)
        ).scalar()
    if found is None:
        raise AuthenticationError
    return found


def station_people(database: Database, staff_ids: list[uuid.UUID]) -> list[tuple[Actor, str]]:
    """The remembered people as the server has them now (role, name, hash); the inactive
    and the gone are left out."""
    if not staff_ids:
        return []
    query = sa.select(
        Staff.id, Staff.username, Staff.display_name, Staff.role, Staff.password_hash
    ).where(Staff.id.in_(staff_ids), Staff.active)
    with reading(database) as connection:
        found = connection.execute(query).all()
    return [(Actor(r[0], r[1], r[2], Role(r[3]), this_workstation()), r[4]) for r in found]


def remember_sign_in(database: Database, actor: Actor) -> None:
    """After an online sign-in on a server: remember who signed in, for offline sign-in."""
    if database.kind == "postgresql":
        ReminderCache.for_database(database).remember(actor, credentials(database, actor))


def sign_in_offline(database: Database, username: str, password: str) -> Actor:
    """Sign-in while the server is away, for people who signed in here before."""
    return ReminderCache.for_database(database).sign_in_offline(username, password)
