"""Reading the reminders: the panel's sections for me, my role or everyone, the counts
for its badge, the due list for scripts, what a station keeps offline, and one call's detail.

Core statements on a plain connection (``reading``); each section is an index range on
(assignee, status, due date) or (role, status, due date).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from desktop_app.db import Database
from desktop_app.models import (
    PRIORITY_RANK,
    FollowUp,
    Patient,
    Priority,
    Reaction,
    Reminder,
    ReminderRule,
    ReminderStatus,
    Role,
    Staff,
    Trigger,
)
from desktop_app.services import audit
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import NotFoundError
from desktop_app.services.permissions import Permission, require

HORIZON_DAYS = 14  # "upcoming": due within the next two weeks
PAGE = 200


class Scope(enum.StrEnum):
    MINE = "mine"
    ROLE = "role"  # everything for my role, mine included
    EVERYONE = "everyone"  # managers


class Section(enum.StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    UPCOMING = "upcoming"


@dataclass(frozen=True)
class ReminderRow:
    """One line of the panel, and what the station's offline cache keeps of it."""

    id: uuid.UUID
    patient_id: uuid.UUID | None  # None: about a lead (a booking's name and mobile)
    record_no: str | None  # None for a lead: no record yet
    patient_name: str  # the patient's name, or the lead's
    mobile: str  # E.164, "" when none
    reason: str
    trigger: Trigger
    step: int
    due_on: dt.date
    priority: Priority
    assignee_id: uuid.UUID | None
    assignee_name: str
    assignee_role: Role | None
    attempts: int
    max_attempts: int
    status: ReminderStatus
    version: int
    script: str  # the rule's questions, one per line

    @property
    def is_lead(self) -> bool:
        return self.patient_id is None

    def days_overdue(self, today: dt.date) -> int:
        return max(0, (today - self.due_on).days)


# --- queries ------------------------------------------------------------------------------------


def due_reminders(
    database: Database,
    actor: Actor,
    *,
    scope: Scope = Scope.MINE,
    section: Section = Section.TODAY,
    today: dt.date | None = None,
    horizon: int = HORIZON_DAYS,
    limit: int = PAGE,
    offset: int = 0,
) -> list[ReminderRow]:
    """Open reminders of one section, soonest first, urgent first within a day."""
    _require_scope(database, actor, scope)
    today = today or dt.date.today()
    low, high = _section_range(section, today, horizon)
    values = {"who": actor.staff_id, "role": actor.role, "low": low, "high": high}
    with reading(database) as connection:
        rows = connection.execute(
            _page(scope, low is not None), {**values, "limit": limit, "offset": offset}
        ).all()
    return [row_of(r) for r in rows]


def counts(
    database: Database,
    actor: Actor,
    *,
    scope: Scope = Scope.MINE,
    today: dt.date | None = None,
    horizon: int = HORIZON_DAYS,
) -> dict[Section, int]:
    """How many open reminders each section holds (the navigation badge: overdue + today)."""
    _require_scope(database, actor, scope)
    today = today or dt.date.today()
    values = {
        "who": actor.staff_id,
        "role": actor.role,
        "today": today,
        "until": today + dt.timedelta(days=horizon),
    }
    with reading(database) as connection:
        found = dict(connection.execute(_counts(scope), values).all())
    return {s: int(found.get(s.value, 0)) for s in Section}


def due_on_date(
    database: Database, actor: Actor, day: dt.date, role: Role | None = None
) -> list[ReminderRow]:
    """Open reminders due on or before ``day`` (for scripts: ``reminders due``)."""
    require(actor, Permission.VIEW_ALL_REMINDERS, database)
    query = rows_query().where(Reminder.status == ReminderStatus.OPEN, Reminder.due_on <= day)
    if role is not None:
        query = query.where(Reminder.assignee_role == role)
    with reading(database) as connection:
        rows = connection.execute(query.order_by(Reminder.due_on, _rank(), Reminder.id)).all()
    return [row_of(r) for r in rows]


def for_station(
    database: Database,
    actor: Actor,
    staff_ids: list[uuid.UUID],
    roles: list[Role],
    until: dt.date,
) -> list[ReminderRow]:
    """Everything open due by ``until`` for these people or roles: the offline cache."""
    require(actor, Permission.WORK_REMINDERS, database)
    who = sa.or_(Reminder.assignee_id.in_(staff_ids), Reminder.assignee_role.in_(roles))
    query = rows_query().where(
        who, Reminder.status == ReminderStatus.OPEN, Reminder.due_on <= until
    )
    with reading(database) as connection:
        return [row_of(r) for r in connection.execute(query.order_by(Reminder.due_on)).all()]


def get_reminder(database: Database, actor: Actor, reminder_id: uuid.UUID) -> ReminderRow:
    require(actor, Permission.WORK_REMINDERS, database)
    with reading(database) as connection:
        row = connection.execute(rows_query().where(Reminder.id == reminder_id)).first()
    if row is None:
        raise NotFoundError(f"No reminder {reminder_id}.")
    return row_of(row)


@dataclass(frozen=True)
class FollowUpDetail:
    """One call as the record shows it."""

    reason: str
    called_at: dt.datetime
    recorded_at: dt.datetime  # later than called_at when it was recorded offline
    author: str
    reached: bool
    asked: tuple[str, ...]
    notes: str
    reaction: Reaction | None
    satisfaction: int | None
    next_step: str


def get_follow_up(database: Database, actor: Actor, follow_up_id: uuid.UUID) -> FollowUpDetail:
    """A follow-up call's outcome opened from the record (reactions are clinical: audited)."""
    require(actor, Permission.VIEW_TREATMENT, database)
    with unit_of_work(database) as session:
        found = session.execute(
            sa.select(FollowUp, Reminder.reason, Staff.display_name)
            .join(Reminder, Reminder.id == FollowUp.reminder_id)
            .join(Staff, Staff.id == FollowUp.author_id)
            .where(FollowUp.id == follow_up_id)
        ).first()
        if found is None:
            raise NotFoundError(f"No follow-up {follow_up_id}.")
        call, reason, author = found
        audit.record(session, actor, "view", "follow_up", call.id, patient=call.patient_id)
        return FollowUpDetail(
            reason,
            call.called_at,
            call.recorded_at,
            author,
            call.reached,
            tuple(filter(None, call.asked.split("\n"))),
            call.notes,
            call.reaction,
            call.satisfaction,
            call.next_step,
        )


def _require_scope(database: Database, actor: Actor, scope: Scope) -> None:
    require(actor, Permission.WORK_REMINDERS, database)
    if scope == Scope.EVERYONE:
        require(actor, Permission.VIEW_ALL_REMINDERS, database)


def _section_range(
    section: Section, today: dt.date, horizon: int
) -> tuple[dt.date | None, dt.date]:
    if section == Section.OVERDUE:
        return None, today - dt.timedelta(days=1)
    if section == Section.TODAY:
        return today, today
    return today + dt.timedelta(days=1), today + dt.timedelta(days=horizon)


def _bound_scope(query: sa.Select, scope: Scope) -> sa.Select:
    if scope == Scope.MINE:
        return query.where(Reminder.assignee_id == sa.bindparam("who"))
    if scope == Scope.ROLE:
        return query.where(Reminder.assignee_role == sa.bindparam("role"))
    return query


@functools.cache
def _page(scope: Scope, bounded: bool) -> sa.Select:
    """A section's page, built once per shape (building it cost more than SQLite's part)."""
    query = _bound_scope(rows_query().where(Reminder.status == ReminderStatus.OPEN), scope)
    if bounded:
        query = query.where(Reminder.due_on >= sa.bindparam("low", type_=sa.Date))
    return (
        query.where(Reminder.due_on <= sa.bindparam("high", type_=sa.Date))
        .order_by(Reminder.due_on, _rank(), Reminder.id)
        .limit(sa.bindparam("limit", type_=sa.Integer))
        .offset(sa.bindparam("offset", type_=sa.Integer))
    )


@functools.cache
def _counts(scope: Scope) -> sa.Select:
    today = sa.bindparam("today", type_=sa.Date)
    section = sa.case(
        (Reminder.due_on < today, Section.OVERDUE.value),
        (Reminder.due_on == today, Section.TODAY.value),
        else_=Section.UPCOMING.value,
    )
    query = sa.select(section, sa.func.count()).where(
        Reminder.status == ReminderStatus.OPEN,
        Reminder.due_on <= sa.bindparam("until", type_=sa.Date),
    )
    return _bound_scope(query, scope).group_by(section)


def _rank() -> sa.ColumnElement[int]:
    return sa.case({p.value: n for p, n in PRIORITY_RANK.items()}, value=Reminder.priority)


def rows_query() -> sa.Select[tuple[object, ...]]:
    assignee = aliased(Staff)
    return (
        sa.select(
            Reminder.id,
            Reminder.patient_id,
            Patient.record_no,
            sa.func.coalesce(Patient.name, Reminder.lead_name),
            sa.func.coalesce(Patient.mobile, Reminder.lead_mobile),
            Reminder.reason,
            Reminder.trigger,
            Reminder.step,
            Reminder.due_on,
            Reminder.priority,
            Reminder.assignee_id,
            assignee.display_name,
            Reminder.assignee_role,
            Reminder.attempts,
            Reminder.max_attempts,
            Reminder.status,
            Reminder.version,
            ReminderRule.script,
        )
        .outerjoin(Patient, Patient.id == Reminder.patient_id)  # a lead has none
        .outerjoin(assignee, assignee.id == Reminder.assignee_id)
        .outerjoin(ReminderRule, ReminderRule.id == Reminder.rule_id)
    )


def row_of(r: sa.Row[tuple[object, ...]]) -> ReminderRow:
    (
        id_,
        patient_id,
        record_no,
        name,
        mobile,
        reason,
        trigger,
        step,
        due_on,
        priority,
        assignee_id,
        assignee_name,
        role,
        attempts,
        max_attempts,
        status,
        version,
        script,
    ) = r
    return ReminderRow(
        id_,
        patient_id,
        record_no,
        name or "",
        mobile or "",
        reason,
        Trigger(trigger),
        step,
        due_on,
        Priority(priority),
        assignee_id,
        assignee_name or "",
        Role(role) if role else None,
        attempts,
        max_attempts,
        ReminderStatus(status),
        version,
        script or "",
    )


def current(session: Session, reminder_id: uuid.UUID) -> ReminderRow:
    row = session.execute(rows_query().where(Reminder.id == reminder_id)).one()
    return row_of(row)
