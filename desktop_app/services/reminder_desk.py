"""The reminder panel's one entry point: the database while it answers, this station's
offline cache and outbox while it does not (networked mode).

Plain Python, called on the UI's worker threads. Every method either does what it says
or raises a ServiceError/DatabaseUnavailableError the UI words for people.

Once a server call finds the server gone, the desk works from the cache (``online`` is
False) without trying the server on every click — each try could wait for the connect
timeout. It comes back through ``sync()`` (or ``refresh()``), which the UI calls when the
connection returns: the outbox goes first, so the panel never shows server rows that
miss changes still waiting here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from desktop_app.db import Database, DatabaseUnavailableError
from desktop_app.models import PRIORITY_RANK, ReminderStatus, Role
from desktop_app.services import reminders
from desktop_app.services.context import Actor, this_workstation
from desktop_app.services.errors import (
    NotFoundError,
    PermissionDeniedError,
    ServiceError,
    ValidationError,
)
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.reminder_cache import (
    OfflineCacheError,
    ReminderCache,
    replace_in,
    station_people,
)
from desktop_app.services.reminder_outbox import (
    CALL,
    SNOOZE,
    Entry,
    EntryState,
    Outbox,
    apply_locally,
    reapply,
)
from desktop_app.services.reminders import (
    HORIZON_DAYS,
    PAGE,
    Applied,
    CallOutcome,
    ReminderChangedError,
    ReminderRow,
    Scope,
    Section,
)

T = TypeVar("T")
log = logging.getLogger(__name__)
NO_COPY = (
    "Cannot reach the clinic database server, and this station has no offline copy of "
    "the reminders yet (it is made after signing in while the server answers)."
)
ONLINE_ONLY = "Cannot reach the clinic database server: reassigning waits until it is back."


@dataclass(frozen=True)
class Conflict:
    """A change made offline that the server refused because the reminder changed meanwhile."""

    key: uuid.UUID
    action: str  # "call" or "snooze"
    reminder_id: uuid.UUID
    made_at: dt.datetime
    author: str  # display name of who made it
    mine: str  # what the change was, in short ("snooze to 2026-11-30", "call: reached")
    server: ReminderRow  # the reminder as the server has it now


@dataclass(frozen=True)
class SyncReport:
    applied: int = 0  # outbox changes the server took now
    repeated: int = 0  # sent before (the server had the receipt): not applied twice
    conflicts: int = 0  # held for a person to decide
    refreshed: int = 0  # reminders now in the station's cache


class ReminderDesk:
    """The panel's calls, online or from the station's offline file.

    ``cache`` defaults to this station's file for the server when the database is
    PostgreSQL; an embedded SQLite file has no server to lose, so no cache (pass one to
    have it anyway, as tests do).
    """

    def __init__(
        self,
        database: Database,
        actor: Actor,
        *,
        horizon: int = HORIZON_DAYS,
        cache: ReminderCache | None = None,
    ) -> None:
        self.database = database
        self.actor = actor
        self.horizon = horizon
        self.online = True
        if cache is None and database.kind == "postgresql":
            try:
                cache = ReminderCache.for_database(database)
            except OfflineCacheError:  # the panel still works online; offline it cannot
                log.warning("No offline copy of the reminders on this station", exc_info=True)
        self.cache = cache
        self.outbox = Outbox(cache) if cache is not None else None

    # --- the panel ----------------------------------------------------------------------------

    def rows(
        self, scope: Scope, section: Section, today: dt.date | None = None
    ) -> list[ReminderRow]:
        return self._either(
            lambda: reminders.due_reminders(
                self.database,
                self.actor,
                scope=scope,
                section=section,
                today=today,
                horizon=self.horizon,
            ),
            lambda: self._cached_rows(scope, today)[section][:PAGE],
        )

    def counts(self, scope: Scope = Scope.MINE, today: dt.date | None = None) -> dict[Section, int]:
        return self._either(
            lambda: reminders.counts(
                self.database, self.actor, scope=scope, today=today, horizon=self.horizon
            ),
            lambda: {s: len(rows) for s, rows in self._cached_rows(scope, today).items()},
        )

    def record_call(self, row: ReminderRow, outcome: CallOutcome) -> Applied:
        reminders.check_outcome(outcome)
        key, at = uuid.uuid4(), dt.datetime.now(dt.UTC)
        return self._either(
            lambda: reminders.record_call(
                self.database, self.actor, row.id, row.version, outcome, key=key, at=at
            ),
            lambda: self._queue(CALL, row, outcome=outcome, key=key, at=at),
        )

    def snooze(self, row: ReminderRow, until: dt.date) -> Applied:
        key, at = uuid.uuid4(), dt.datetime.now(dt.UTC)

        def offline() -> Applied:
            if until <= at.astimezone().date():  # as reminders.snooze says it
                raise ValidationError("until", "not_future", "Snooze to a day after today.")
            return self._queue(SNOOZE, row, until=until, key=key, at=at)

        return self._either(
            lambda: reminders.snooze(
                self.database, self.actor, row.id, row.version, until, key=key, at=at
            ),
            offline,
        )

    def reassign(
        self, row: ReminderRow, *, staff_id: uuid.UUID | None = None, role: Role | None = None
    ) -> Applied:
        """Online only: it changes other people's lists, which are not on this station."""
        if not self.online and self.cache is not None:
            raise DatabaseUnavailableError(ONLINE_ONLY)
        try:
            return reminders.reassign(
                self.database, self.actor, row.id, row.version, staff_id=staff_id, role=role
            )
        except DatabaseUnavailableError:
            self.online = self.cache is None
            raise

    # --- the outbox ---------------------------------------------------------------------------

    def pending(self) -> int:
        """Changes made offline that the server does not have yet."""
        return self.outbox.count() if self.outbox is not None else 0

    def refresh(self) -> int:
        """The station's cache from the server (after sign-in, and every few minutes while
        online): one query for the station's reminders, one for its people, one local
        transaction. With changes still waiting it syncs instead, which refreshes too."""
        if self.outbox is None:
            return 0
        if self.outbox.count():
            return self.sync().refreshed
        return self._refresh()

    def sync(self) -> SyncReport:
        """Replay the outbox in order, each change with its key, original time and author;
        then refresh the cache. The server still gone: DatabaseUnavailableError, and
        whatever was not sent stays pending (what was sent is marked, one by one). The
        clinic's daily birthday sweep rides along (once a day, whoever syncs first)."""
        self._daily_sweep()
        if self.outbox is None:
            return SyncReport()
        applied = repeated = conflicts = 0
        seq = 0
        while (entry := self.outbox.next_pending(seq)) is not None:
            seq = entry.seq
            try:
                done = self._send(entry, entry.base_version)
            except ReminderChangedError as exc:
                conflicts += self.outbox.conflict(entry, exc.current, "changed on the server")
                continue
            except ServiceError as exc:  # closed, handed to someone else …: a person decides
                conflicts += self.outbox.conflict(entry, self._server_row(entry), str(exc))
                continue
            self.outbox.sent(entry, done, "repeated" if done.repeated else "applied")
            if done.repeated:
                repeated += 1
            else:
                applied += 1
        refreshed = self._refresh()
        return SyncReport(applied, repeated, conflicts, refreshed)

    def _daily_sweep(self) -> None:
        try:
            reminders.sweep(self.database, self.actor, daily=True)
        except (ServiceError, IntegrityError):  # another station swept at the same moment
            log.info("Birthday sweep skipped", exc_info=True)

    def conflicts(self) -> list[Conflict]:
        """Changes held because the reminder changed on the server, with its row as the
        server has it now (as it had it at the sync, while offline)."""
        if self.outbox is None:
            return []
        found = []
        for entry in self.outbox.entries(EntryState.CONFLICT):
            server = self._server_row(entry) if self.online else None
            server = server or entry.server
            if server is None:  # reminders are never deleted: cannot happen
                continue
            found.append(
                Conflict(
                    entry.key,
                    entry.action,
                    entry.reminder_id,
                    entry.made_at,
                    entry.author.display_name,
                    entry.describe(),
                    server,
                )
            )
        return found

    def resolve(self, conflict: Conflict, keep_mine: bool) -> None:
        """Keep mine: sent again whatever the reminder's version (a call is recorded anyway;
        a snooze applies if the reminder is still open, else a ValidationError and the
        conflict stays). Not: marked discarded here, nothing sent. Either way the outbox
        keeps the entry with its state, as the station's record of the decision."""
        if self.outbox is None or (entry := self.outbox.find(conflict.key)) is None:
            return
        if entry.state != EntryState.CONFLICT:
            return  # decided already (another click, another window)
        if not keep_mine:
            self.outbox.decide(entry, EntryState.DISCARDED, f"by {self.actor.display_name}")
            return
        self._send(entry, None)
        self.outbox.decide(entry, EntryState.SENT, f"kept by {self.actor.display_name}")

    # --- inside -------------------------------------------------------------------------------

    def _either(self, online: Callable[[], T], offline: Callable[[], T]) -> T:
        """The server while it answers; the cache once it has not (when there is one)."""
        if not self.online and self.cache is not None:
            return offline()
        try:
            return online()
        except DatabaseUnavailableError:
            if self.cache is None:
                raise
            self.online = False
            return offline()

    def _cached_rows(self, scope: Scope, today: dt.date | None) -> dict[Section, list[ReminderRow]]:
        """The cached rows in scope, by section, ordered as the server orders them."""
        assert self.cache is not None
        if scope == Scope.EVERYONE and not allowed(self.actor, Permission.VIEW_ALL_REMINDERS):
            raise PermissionDeniedError(self.actor.role.value, Permission.VIEW_ALL_REMINDERS)
        if self.cache.refreshed_at() is None:
            raise DatabaseUnavailableError(NO_COPY)
        today = today or dt.date.today()
        until = today + dt.timedelta(days=self.horizon)
        rows = sorted(
            (
                r
                for r in self.cache.rows()
                if r.status == ReminderStatus.OPEN and r.due_on <= until and self._mine(r, scope)
            ),
            key=lambda r: (r.due_on, PRIORITY_RANK[r.priority], r.id),
        )
        found: dict[Section, list[ReminderRow]] = {s: [] for s in Section}
        for row in rows:
            section = (
                Section.OVERDUE
                if row.due_on < today
                else Section.TODAY
                if row.due_on == today
                else Section.UPCOMING
            )
            found[section].append(row)
        return found

    def _mine(self, row: ReminderRow, scope: Scope) -> bool:
        if scope == Scope.MINE:
            return row.assignee_id == self.actor.staff_id
        if scope == Scope.ROLE:
            return row.assignee_role == self.actor.role
        return True

    def _queue(self, action: str, row: ReminderRow, **change: object) -> Applied:
        """Offline: into the outbox (on disk before this returns), shown on the cached row."""
        assert self.outbox is not None
        entry = self.outbox.add(action, row, self.actor, **change)  # type: ignore[arg-type]
        after = apply_locally(row, entry)
        if after is None:
            attempts = row.attempts + (0 if entry.outcome and entry.outcome.reached else 1)
            return Applied(row.id, row.version, ReminderStatus.DONE, row.due_on, attempts)
        return Applied(row.id, row.version, after.status, after.due_on, after.attempts)

    def _send(self, entry: Entry, expected: int | None) -> Applied:
        """One outbox change to the server, as its author made it, from this workstation."""
        author = next(
            (a for a in self._people() if a.staff_id == entry.author.staff_id), entry.author
        )
        author = dataclasses.replace(author, workstation=this_workstation())
        try:
            if entry.action == CALL:
                assert entry.outcome is not None
                return reminders.record_call(
                    self.database,
                    author,
                    entry.reminder_id,
                    expected,
                    entry.outcome,
                    key=entry.key,
                    at=entry.made_at,
                )
            assert entry.until is not None
            return reminders.snooze(
                self.database,
                author,
                entry.reminder_id,
                expected,
                entry.until,
                key=entry.key,
                at=entry.made_at,
            )
        except DatabaseUnavailableError:
            self.online = False
            raise

    def _people(self) -> list[Actor]:
        assert self.cache is not None
        return self.cache.users()

    def _server_row(self, entry: Entry) -> ReminderRow | None:
        try:
            return reminders.get_reminder(self.database, self.actor, entry.reminder_id)
        except NotFoundError:
            return None
        except DatabaseUnavailableError:
            self.online = False
            return None

    def _refresh(self) -> int:
        """This station's people and their reminders due within the horizon, wholesale;
        changes still waiting in the outbox are shown on top again."""
        assert self.cache is not None and self.outbox is not None
        ids = {a.staff_id for a in self.cache.users()} | {self.actor.staff_id}
        staff_ids = [i for i in ids if i is not None]
        try:
            people = station_people(self.database, staff_ids)
            roles = {a.role for a, _ in people} | {self.actor.role}
            until = dt.date.today() + dt.timedelta(days=self.horizon)
            rows = reminders.for_station(
                self.database, self.actor, [a.staff_id for a, _ in people], list(roles), until
            )
        except DatabaseUnavailableError:
            self.online = False
            raise
        with self.cache.writing() as connection:
            replace_in(connection, rows, people)
            reapply(connection, self.outbox)
        self.online = True
        return len(rows)
