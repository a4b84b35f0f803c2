"""Who is acting, and the one-transaction-per-call unit of work every service uses."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_app.db import Database, DatabaseUnavailableError
from desktop_app.models import Role, Staff
from desktop_app.services.errors import ConflictError


def this_workstation() -> str:
    return socket.gethostname()[:100] or "unknown"


@dataclass(frozen=True)
class Actor:
    """The signed-in staff member, passed to every service call.

    ``staff_id`` is None only for the command line, which acts for whoever can already
    reach the database itself (support, scripts) and is audited as such.
    """

    staff_id: uuid.UUID | None
    username: str
    display_name: str
    role: Role  # the main role: shown with the name, "my role" for reminders
    workstation: str = field(default_factory=this_workstation)
    # Every role held, the main one included (permissions are their union); left out,
    # just the main role.
    roles: frozenset[Role] = frozenset()

    def __post_init__(self) -> None:
        object.__setattr__(self, "roles", frozenset({self.role, *self.roles}))

    @classmethod
    def of(cls, staff: Staff, roles: frozenset[Role] = frozenset()) -> Actor:
        return cls(staff.id, staff.username, staff.display_name, staff.role, roles=roles)

    @classmethod
    def command_line(cls) -> Actor:
        """The operating-system user running ``clinic-desk COMMAND`` on this machine."""
        import getpass

        try:
            user = getpass.getuser()
        except OSError:  # no login name (some containers and services)
            user = "unknown"
        station = f"{this_workstation()} (command line, {user})"[:100]
        return cls(None, f"cli:{user}", user, Role.MANAGER, station)


_FLUSHING = "clinic_desk_flushing_versioned"


@event.listens_for(Session, "before_flush")
def _remember_versioned_writes(session: Session, _context: object, _instances: object) -> None:
    """Note which versioned rows a flush updates, so a stale one can be named afterwards."""
    session.info[_FLUSHING] = [
        obj for obj in session.dirty if hasattr(obj, "version") and session.is_modified(obj)
    ]


@contextmanager
def unit_of_work(database: Database, *, write: bool = True) -> Iterator[Session]:
    """One transaction: committed if the block succeeds, rolled back otherwise.

    Stale writes become ConflictError (naming who saved first and when); a database
    that went away becomes DatabaseUnavailableError. Either way nothing is half-written.
    """
    try:
        session = database.session(write=write)
    except DBAPIError as exc:
        raise DatabaseUnavailableError(database.unavailable_message(exc)) from exc
    try:
        yield session
        if write:
            session.commit()
    except StaleDataError as exc:
        stale = session.info.get(_FLUSHING, [])
        session.rollback()
        raise _conflict(database, stale[0] if stale else None) from exc
    except DBAPIError as exc:
        _rollback(session)
        if _lost(database, exc):
            raise DatabaseUnavailableError(database.unavailable_message(exc)) from exc
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


@contextmanager
def reading(database: Database) -> Iterator[Connection]:
    """Reads outside any transaction (``Database.reader``), for Core statements whose
    results need no common snapshot, such as opening a record: no session, no BEGIN or
    ROLLBACK. A lost server becomes DatabaseUnavailableError, as in ``unit_of_work``."""
    try:
        connection = database.reader()
    except DBAPIError as exc:
        raise DatabaseUnavailableError(database.unavailable_message(exc)) from exc
    try:
        yield connection
    except DBAPIError as exc:
        if _lost(database, exc):
            raise DatabaseUnavailableError(database.unavailable_message(exc)) from exc
        raise
    finally:
        connection.close()


def _lost(database: Database, exc: DBAPIError) -> bool:
    """An error that means the server is gone. An operational error on PostgreSQL always
    does (on SQLite most do not); any other driver error (psycopg's "can't change
    'autocommit' now" on a connection cut mid-statement, say) does when the server no
    longer answers. A constraint violation never does: callers handle those."""
    if exc.connection_invalidated:
        return True
    if isinstance(exc, IntegrityError) or database.kind != "postgresql":
        return False
    if isinstance(exc, OperationalError):
        return True
    try:
        database.ping()
    except DatabaseUnavailableError:
        return True
    return False


def _rollback(session: Session) -> None:
    """Roll back what can be; on a connection already gone there is nothing to undo."""
    try:
        session.rollback()
    except DBAPIError:
        session.invalidate()


def _conflict(database: Database, stale: object | None) -> ConflictError:
    """Describe who won the race, read fresh from the database."""
    if stale is None:
        return ConflictError("record", "", None, None)
    key = getattr(stale, "id", None) or getattr(stale, "key", "")
    with database.sessions() as fresh:
        current = fresh.get(type(stale), key)
        if current is None:
            return ConflictError(_entity_name(stale), str(key), None, None)
        return conflict_with(fresh, current)


def conflict_with(session: Session, current: Any) -> ConflictError:
    """A ConflictError naming who last saved ``current`` (a Versioned record) and when."""
    author = session.get(Staff, current.updated_by_id) if current.updated_by_id else None
    key = getattr(current, "id", None) or getattr(current, "key", "")
    return ConflictError(
        _entity_name(current),
        str(key),
        author.display_name if author else None,
        current.updated_at,
    )


def _entity_name(record: object) -> str:
    return type(record).__name__.lower()
