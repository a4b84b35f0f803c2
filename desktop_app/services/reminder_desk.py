"""The reminder panel's one entry point: the database while it answers, this station's
offline cache and outbox while it does not (networked mode).

Plain Python, called on the UI's worker threads. Every method either does what it says
or raises a ServiceError/DatabaseUnavailableError the UI words for people.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from desktop_app.db import Database
from desktop_app.models import Role
from desktop_app.services import reminders
from desktop_app.services.context import Actor
from desktop_app.services.reminders import (
    HORIZON_DAYS,
    Applied,
    CallOutcome,
    ReminderRow,
    Scope,
    Section,
)


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
    """Online-only for now; the offline cache and outbox plug in behind the same methods."""

    def __init__(self, database: Database, actor: Actor, *, horizon: int = HORIZON_DAYS) -> None:
        self.database = database
        self.actor = actor
        self.horizon = horizon
        self.online = True

    def rows(
        self, scope: Scope, section: Section, today: dt.date | None = None
    ) -> list[ReminderRow]:
        return reminders.due_reminders(
            self.database,
            self.actor,
            scope=scope,
            section=section,
            today=today,
            horizon=self.horizon,
        )

    def counts(self, scope: Scope = Scope.MINE, today: dt.date | None = None) -> dict[Section, int]:
        return reminders.counts(
            self.database, self.actor, scope=scope, today=today, horizon=self.horizon
        )

    def record_call(self, row: ReminderRow, outcome: CallOutcome) -> Applied:
        reminders.check_outcome(outcome)
        return reminders.record_call(
            self.database, self.actor, row.id, row.version, outcome, key=uuid.uuid4()
        )

    def snooze(self, row: ReminderRow, until: dt.date) -> Applied:
        return reminders.snooze(
            self.database, self.actor, row.id, row.version, until, key=uuid.uuid4()
        )

    def reassign(
        self, row: ReminderRow, *, staff_id: uuid.UUID | None = None, role: Role | None = None
    ) -> Applied:
        return reminders.reassign(
            self.database, self.actor, row.id, row.version, staff_id=staff_id, role=role
        )

    def pending(self) -> int:
        return 0

    def sync(self) -> SyncReport:
        return SyncReport()

    def conflicts(self) -> list[Conflict]:
        return []

    def resolve(self, conflict: Conflict, keep_mine: bool) -> None:
        raise NotImplementedError
