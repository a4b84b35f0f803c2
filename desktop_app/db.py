"""Engine and session factory for the embedded SQLite file or the clinic's PostgreSQL server.

Which database a run uses: ``--database-url`` / ``CLINIC_DESK_DATABASE_URL`` for one run,
otherwise this station's settings (the default SQLite file, or the configured server with
its password from the keyring).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.station import StationSettings

URL_ENV = "CLINIC_DESK_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 15_000
PG_CONNECT_TIMEOUT_S = 5
_IMMEDIATE = "clinic_desk_sqlite_immediate"
_NO_BEGIN = "clinic_desk_sqlite_no_begin"


class DatabaseError(RuntimeError):
    """A problem with the database itself, phrased for the person at the desk."""


class DatabaseUnavailableError(DatabaseError):
    """The database cannot be reached or opened."""


class DatabaseUrlError(DatabaseError):
    """The database address given is not one Clinic Desk understands."""


def resolve_url(
    override: str | None, settings: StationSettings, password: str | None = None
) -> URL:
    """The URL for this run: an explicit override, the environment, or station settings."""
    text = override or os.environ.get(URL_ENV)
    if text:
        return parse_url(text)
    if settings.database_kind == "postgresql":
        server = settings.server
        return URL.create(
            "postgresql+psycopg",
            username=server.user,
            password=password,
            host=server.host,
            port=server.port,
            database=server.database,
        )
    return URL.create("sqlite", database=str(settings.sqlite_file()))


def parse_url(text: str) -> URL:
    try:
        url = make_url(text)
    except ArgumentError as exc:
        raise DatabaseUrlError(f"Not a database URL: {text!r}") from exc
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise DatabaseUrlError(
            f"Unsupported database {url.get_backend_name()!r}: use sqlite:///FILE or "
            "postgresql+psycopg://USER@HOST/DATABASE"
        )
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


class Database:
    """One database for the life of the process: its engine and how to open sessions."""

    def __init__(self, url: URL) -> None:
        self.url = url
        self.kind = url.get_backend_name()
        self.engine = _create_engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.kind == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    def describe(self) -> str:
        """Kind and location, for the status bar and support. Never shows a password."""
        if self.is_sqlite:
            return f"SQLite — {self.url.database}"
        return f"PostgreSQL — {self.url.username}@{self.url.host}:{self.url.port or 5432}/" + (
            self.url.database or ""
        )

    def session(self, *, write: bool) -> Session:
        """A session whose transaction, on SQLite, takes the write lock up front if asked.

        Taking it at BEGIN (BEGIN IMMEDIATE) rather than at the first write means two
        stations never both read and then deadlock upgrading to a write.
        """
        session = self.sessions()
        if write and self.is_sqlite:
            session.connection(execution_options={_IMMEDIATE: True})
        return session

    def reader(self) -> Connection:
        """A plain connection outside any transaction, for reads: each statement sees the
        latest committed data by itself. On PostgreSQL that saves the BEGIN and ROLLBACK
        round trips and changes nothing else (READ COMMITTED snapshots each statement)."""
        connection = self.engine.connect()
        if self.is_sqlite:
            return connection.execution_options(**{_NO_BEGIN: True})
        return connection.execution_options(isolation_level="AUTOCOMMIT")

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A plain connection, with unreachable-database errors phrased for people."""
        try:
            connection = self.engine.connect()
        except DBAPIError as exc:
            raise DatabaseUnavailableError(self.unavailable_message(exc)) from exc
        with connection:
            yield connection

    def ping(self) -> None:
        """Raise DatabaseUnavailableError unless a trivial query round-trips."""
        try:
            with self.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
        except DBAPIError as exc:
            raise DatabaseUnavailableError(self.unavailable_message(exc)) from exc

    def unavailable_message(self, exc: BaseException) -> str:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        if self.is_sqlite:
            return f"Cannot open the database file {self.url.database}: {reason}"
        return (
            f"Cannot reach the clinic database server at {self.url.host}:{self.url.port or 5432} "
            f"(database {self.url.database!r}). Check that the server is on and that this "
            f"computer is connected to the clinic network. Details: {reason}"
        )

    def dispose(self) -> None:
        self.engine.dispose()


def _create_engine(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            try:
                Path(url.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DatabaseUnavailableError(
                    f"Cannot open the database file {url.database}: {exc.strerror or exc}"
                ) from exc
        engine = sa.create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    connect_args: dict[str, Any] = {
        "connect_timeout": PG_CONNECT_TIMEOUT_S,
        "application_name": "Clinic Desk",
    }
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, connect_args=connect_args)


def _sqlite_on_connect(dbapi_connection: Any, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's own is too late/lazy).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: a clinic PC losing power must not lose the last saved patient.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_on_begin(connection: Connection) -> None:
    options = connection.get_execution_options()
    if options.get(_NO_BEGIN):  # pysqlite then runs each statement as its own transaction
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE" if options.get(_IMMEDIATE) else "BEGIN")
