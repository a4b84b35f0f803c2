"""Testing a clinic server before a station uses it, each failure named so a person can act.

A receptionist setting up a workstation cannot read "connection failed: FATAL …": the
check sorts what the driver said into a few problems (unknown host, unreachable, wrong
password, no such database, server too old …) the UI explains in words, and reports what
the database holds — nothing yet, this clinic's schema (current, older, newer), or
someone else's tables — so the station knows whether it creates the schema or joins.

The server's own messages are matched in English and in PostgreSQL's Chinese translation
(a server set up with ``lc_messages = zh_CN`` answers in Chinese). No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from desktop_app.db import PG_CONNECT_TIMEOUT_S
from desktop_app.migrations import SCHEMA_HEAD, DatabaseTooNewError, check_known
from desktop_app.services.clinic_settings import CLINIC_NAME

# PostgreSQL 12 and older get no more security fixes; Clinic Desk is tested on 15.
MIN_SERVER_MAJOR = 13


class Problem(StrEnum):
    UNKNOWN_HOST = "unknown_host"  # the name does not resolve
    UNREACHABLE = "unreachable"  # nothing answers at that address and port
    NOT_ALLOWED = "not_allowed"  # the server refuses this computer (pg_hba.conf)
    WRONG_PASSWORD = "wrong_password"  # or no password given where one is needed
    UNKNOWN_USER = "unknown_user"
    NO_DATABASE = "no_database"
    TOO_OLD = "too_old"
    OTHER = "other"


class Schema(StrEnum):
    EMPTY = "empty"  # nothing there yet: the first station creates the schema
    CURRENT = "current"  # this version's schema
    OLDER = "older"  # an earlier version's: the first station of this version upgrades it
    NEWER = "newer"  # upgraded by a newer Clinic Desk: this one must not touch it
    FOREIGN = "foreign"  # tables that are not Clinic Desk's: the wrong database


@dataclass(frozen=True)
class ServerCheck:
    problem: Problem | None  # None: the server answered and the database opened
    detail: str = ""  # the server's or driver's own words, for whoever supports the clinic
    server_version: str = ""  # "15.19"
    schema: Schema | None = None
    revision: str | None = None
    clinic_name: str = ""  # when the clinic on the server is set up
    can_create: bool = False  # the account may create tables (needed to create or upgrade)


# (problem, fragments of the message, any of which names it); the first match wins.
_SIGNS: tuple[tuple[Problem, tuple[str, ...]], ...] = (
    (Problem.UNKNOWN_HOST, ("failed to resolve host", "could not translate host name")),
    (
        Problem.WRONG_PASSWORD,
        ("password authentication failed", "no password supplied", "Password 认证失败"),
    ),
    (Problem.NOT_ALLOWED, ("no pg_hba.conf entry", "没有用于主机")),
    (Problem.NO_DATABASE, ("database", "数据库")),  # with "does not exist" / "不存在"
    (Problem.UNKNOWN_USER, ("role", "角色")),  # likewise
    (
        Problem.UNREACHABLE,
        (
            "Connection refused",
            "timeout expired",
            "timed out",
            "No route to host",
            "Network is unreachable",
            "server closed the connection",
            "invalid response to SSL negotiation",
        ),
    ),
)
_MISSING = ("does not exist", "不存在")


def classify(message: str) -> Problem:
    """Which problem a failed connection's message names."""
    for problem, fragments in _SIGNS:
        if problem in (Problem.NO_DATABASE, Problem.UNKNOWN_USER):
            found = any(f'{f} "' in message for f in fragments) and any(
                m in message for m in _MISSING
            )
        else:
            found = any(f in message for f in fragments)
        if found:
            return problem
    return Problem.OTHER


def check_server(url: URL) -> ServerCheck:
    """Connect once to ``url`` (a PostgreSQL URL with its password) and report."""
    engine = sa.create_engine(
        url,
        poolclass=NullPool,
        connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_S, "application_name": "Clinic Desk"},
    )
    try:
        with engine.connect() as connection:
            return _inspect(connection)
    except DBAPIError as exc:
        detail = " ".join(str(exc.orig or exc).split())
        return ServerCheck(classify(detail), detail)
    finally:
        engine.dispose()


def _inspect(connection: sa.Connection) -> ServerCheck:
    number = int(connection.execute(sa.text("SHOW server_version_num")).scalar_one())
    version = f"{number // 10000}.{number % 10000}"
    if number // 10000 < MIN_SERVER_MAJOR:
        return ServerCheck(
            Problem.TOO_OLD,
            f"PostgreSQL {version}; Clinic Desk needs {MIN_SERVER_MAJOR} or newer.",
            version,
        )
    can_create = bool(
        connection.execute(sa.text("SELECT has_schema_privilege('public', 'CREATE')")).scalar()
    )
    tables = set(sa.inspect(connection).get_table_names(schema="public"))
    revision = None
    if "alembic_version" in tables:
        revision = connection.execute(
            sa.text("SELECT version_num FROM public.alembic_version")
        ).scalar()
    schema = _schema(tables, revision)
    clinic_name = ""
    if schema in (Schema.CURRENT, Schema.OLDER, Schema.NEWER) and "clinic_settings" in tables:
        clinic_name = (
            connection.execute(
                sa.text("SELECT value FROM public.clinic_settings WHERE key = :key"),
                {"key": CLINIC_NAME},
            ).scalar()
            or ""
        )
    return ServerCheck(None, "", version, schema, revision, clinic_name, can_create)


def _schema(tables: set[str], revision: str | None) -> Schema:
    if revision is None:
        return Schema.FOREIGN if tables - {"alembic_version"} else Schema.EMPTY
    if revision == SCHEMA_HEAD:
        return Schema.CURRENT
    try:
        check_known(revision)
    except DatabaseTooNewError:
        return Schema.NEWER
    return Schema.OLDER


class Fit(StrEnum):
    """Whether what the database holds suits what the person chose for this station."""

    OK = "ok"
    CLINIC_EXISTS = "clinic_exists"  # "create" chosen, but a clinic is set up there
    NO_CLINIC = "no_clinic"  # "join" chosen, but nobody has set the clinic up
    FOREIGN = "foreign"  # another program's tables: most likely the wrong database name
    NEWER = "newer"  # a newer Clinic Desk upgraded it
    CANNOT_CREATE = "cannot_create"  # the schema must be made or upgraded, and may not be


def fit(check: ServerCheck, *, create: bool) -> Fit:
    """Checked before a station is pointed at a server, so joining never creates a schema in
    the wrong database, and creating never lands on a clinic already at work."""
    if check.schema is Schema.FOREIGN:
        return Fit.FOREIGN
    if check.schema is Schema.NEWER:
        return Fit.NEWER
    if create and check.clinic_name:
        return Fit.CLINIC_EXISTS
    if not create and not check.clinic_name:
        return Fit.NO_CLINIC
    if check.schema is not Schema.CURRENT and not check.can_create:
        return Fit.CANNOT_CREATE
    return Fit.OK
