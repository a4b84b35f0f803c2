"""The reminder panel's use cases on the database: what is due for whom, and the call
outcome, snooze, reassignment and manual reminders that work it.

A change may carry an idempotency key (a station replaying its offline outbox does): the
key's receipt is written in the same transaction, so a change sent twice is applied once,
and the second sending answers with what the first did. A change carries the version the
user saw; a reminder changed since is a ``ReminderChangedError`` holding the server's row,
for a person to decide — never a silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    FollowUp,
    Reaction,
    Reminder,
    ReminderStatus,
    Role,
    Staff,
    SyncReceipt,
    Treatment,
    Trigger,
    Visit,
)
from desktop_app.services import audit, reminder_engine, reminder_lists
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import ConflictError, NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, allowed, refuse, require
from desktop_app.services.reminder_lists import (
    HORIZON_DAYS,
    PAGE,
    FollowUpDetail,
    ReminderRow,
    Scope,
    Section,
    counts,
    due_on_date,
    due_reminders,
    for_station,
    get_follow_up,
    get_reminder,
)
from desktop_app.services.reminder_making import SWEPT_ON, add_manual, sweep

MAX_NOTE = 2000
CLOSED_UNREACHABLE = "unreachable"  # not reached on the last allowed try

__all__ = [  # reading lives in reminder_lists, making by hand and sweeping in reminder_making
    "HORIZON_DAYS",
    "PAGE",
    "SWEPT_ON",
    "Applied",
    "CallOutcome",
    "FollowUpDetail",
    "ReminderChangedError",
    "ReminderRow",
    "Scope",
    "Section",
    "add_manual",
    "check_outcome",
    "counts",
    "due_on_date",
    "due_reminders",
    "for_station",
    "get_follow_up",
    "get_reminder",
    "reassign",
    "record_call",
    "snooze",
    "sweep",
]


@dataclass(frozen=True)
class CallOutcome:
    """What the caller writes down (回访结果)."""

    reached: bool
    notes: str = ""  # recovery notes
    reaction: Reaction = Reaction.NONE
    satisfaction: int | None = None  # 1–5
    next_step: str = ""
    asked: tuple[str, ...] = ()  # the script's questions gone through


@dataclass(frozen=True)
class Applied:
    """The reminder after a change; ``repeated`` when its key had been applied before."""

    reminder_id: uuid.UUID
    version: int
    status: ReminderStatus
    due_on: dt.date
    attempts: int
    repeated: bool = False
    escalated: uuid.UUID | None = None  # the doctor's urgent reminder, for "needs review"


class ReminderChangedError(ConflictError):
    """Changed (or closed) on the server since the user saw it; ``current`` is how it is now."""

    def __init__(self, base: ConflictError, current: ReminderRow) -> None:
        super().__init__(base.entity, base.entity_id, base.changed_by, base.changed_at)
        self.current = current


def check_outcome(outcome: CallOutcome) -> None:
    """The same rules at the desk and offline: a field error, nothing saved."""
    if outcome.satisfaction is not None and not 1 <= outcome.satisfaction <= 5:
        raise ValidationError("satisfaction", "range", "Satisfaction is 1 to 5.")
    for field, text in (("notes", outcome.notes), ("next_step", outcome.next_step)):
        if len(text) > MAX_NOTE:
            raise ValidationError(
                field, "too_long", f"At most {MAX_NOTE} characters.", max=MAX_NOTE
            )
    if not outcome.reached and (
        outcome.satisfaction is not None or outcome.reaction != Reaction.NONE
    ):
        raise ValidationError(
            "reached", "not_reached", "Nobody answered: no reaction or satisfaction."
        )


# --- changing ----------------------------------------------------------------------------------


def record_call(
    database: Database,
    actor: Actor,
    reminder_id: uuid.UUID,
    expected_version: int | None,
    outcome: CallOutcome,
    *,
    key: uuid.UUID | None = None,
    at: dt.datetime | None = None,
) -> Applied:
    """Reached: done, with the outcome; a reaction needing review escalates to the doctor.
    Not reached: tried again tomorrow, until the rule's tries are used up.
    ``expected_version`` None records the call whatever happened meanwhile (a person chose
    so after a conflict): a call that was made is never thrown away."""
    require(actor, Permission.WORK_REMINDERS, database)
    check_outcome(outcome)
    at = at or dt.datetime.now(dt.UTC)
    return _apply(
        database,
        actor,
        "call",
        reminder_id,
        expected_version,
        key,
        at,
        lambda s, r: _call(s, actor, r, outcome, at),
    )


def snooze(
    database: Database,
    actor: Actor,
    reminder_id: uuid.UUID,
    expected_version: int | None,
    until: dt.date,
    *,
    key: uuid.UUID | None = None,
    at: dt.datetime | None = None,
) -> Applied:
    require(actor, Permission.WORK_REMINDERS, database)
    at = at or dt.datetime.now(dt.UTC)
    if until <= at.astimezone().date():
        raise ValidationError("until", "not_future", "Snooze to a day after today.")

    def change(_session: Session, reminder: Reminder) -> None:
        _still_open(reminder)
        reminder.due_on = until

    return _apply(database, actor, "snooze", reminder_id, expected_version, key, at, change)


def reassign(
    database: Database,
    actor: Actor,
    reminder_id: uuid.UUID,
    expected_version: int,
    *,
    staff_id: uuid.UUID | None = None,
    role: Role | None = None,
) -> Applied:
    """To a person, or to everyone of a role (online only: it changes others' lists)."""
    require(actor, Permission.WORK_REMINDERS, database)
    if staff_id is None and role is None:
        raise ValidationError("assignee", "required", "Choose a person or a role.")

    def change(session: Session, reminder: Reminder) -> None:
        _still_open(reminder)
        if staff_id is not None:
            person = session.get(Staff, staff_id)
            if person is None or not person.active:
                raise ValidationError("assignee", "invalid", "Choose an active staff member.")
        reminder_engine.assign(session, reminder, staff_id, role)

    now = dt.datetime.now(dt.UTC)
    return _apply(database, actor, "reassign", reminder_id, expected_version, None, now, change)


# --- inside ---------------------------------------------------------------------------------


class _NotYoursError(Exception):
    pass


def _apply(
    database: Database,
    actor: Actor,
    action: str,
    reminder_id: uuid.UUID,
    expected_version: int | None,
    key: uuid.UUID | None,
    at: dt.datetime,
    change: object,
) -> Applied:
    try:
        return _apply_once(database, actor, action, reminder_id, expected_version, key, at, change)
    except _NotYoursError:
        refuse(database, actor, "work_others_reminder")  # audited in its own transaction


def _apply_once(
    database: Database,
    actor: Actor,
    action: str,
    reminder_id: uuid.UUID,
    expected_version: int | None,
    key: uuid.UUID | None,
    at: dt.datetime,
    change: object,
) -> Applied:
    try:
        with unit_of_work(database) as session:
            if key is not None and (receipt := session.get(SyncReceipt, key)) is not None:
                return _repeated(session, receipt)
            reminder = session.get(Reminder, reminder_id)
            if reminder is None:
                raise NotFoundError(f"No reminder {reminder_id}.")
            if not _may_work(actor, reminder):
                raise _NotYoursError
            if expected_version is not None and reminder.version != expected_version:
                raise ReminderChangedError(
                    conflict_with(session, reminder), reminder_lists.current(session, reminder.id)
                )
            escalated = change(session, reminder)  # type: ignore[operator]
            reminder.updated_by_id = actor.staff_id
            session.flush()
            audit.record(session, actor, action, "reminder", reminder.id, made_at=at, key=key)
            if key is not None:
                session.add(
                    SyncReceipt(
                        key=key,
                        action=action,
                        reminder_id=reminder.id,
                        staff_id=actor.staff_id,
                        workstation=actor.workstation,
                        made_at=at,
                        version=reminder.version,
                    )
                )
                session.flush()
            return Applied(
                reminder.id,
                reminder.version,
                reminder.status,
                reminder.due_on,
                reminder.attempts,
                escalated=escalated,
            )
    except IntegrityError:
        if key is None:
            raise
        with unit_of_work(database, write=False) as session:  # another sending won the race
            receipt = session.get(SyncReceipt, key)
            if receipt is None:
                raise
            return _repeated(session, receipt)


def _repeated(session: Session, receipt: SyncReceipt) -> Applied:
    reminder = session.get(Reminder, receipt.reminder_id)
    assert reminder is not None  # reminders are never deleted
    return Applied(
        reminder.id,
        receipt.version,
        reminder.status,
        reminder.due_on,
        reminder.attempts,
        repeated=True,
    )


def _call(
    session: Session, actor: Actor, reminder: Reminder, outcome: CallOutcome, at: dt.datetime
) -> uuid.UUID | None:
    assert actor.staff_id is not None, "a call is made by a person"
    follow_up = FollowUp(
        reminder_id=reminder.id,
        patient_id=reminder.patient_id,
        author_id=actor.staff_id,
        called_at=at,
        reached=outcome.reached,
        asked="\n".join(outcome.asked),
        notes=outcome.notes.strip(),
        reaction=outcome.reaction if outcome.reached else None,
        satisfaction=outcome.satisfaction,
        next_step=outcome.next_step.strip(),
    )
    session.add(follow_up)
    session.flush()
    if reminder.status != ReminderStatus.OPEN:
        return None  # closed meanwhile and a person chose to keep the call: recorded only
    if outcome.reached:
        _close(reminder, actor, at, "")
    else:
        reminder.attempts += 1
        if reminder.attempts >= reminder.max_attempts:
            _close(reminder, actor, at, CLOSED_UNREACHABLE)
        else:
            reminder.due_on = max(reminder.due_on, at.astimezone().date() + dt.timedelta(days=1))
    if outcome.reached and outcome.reaction == Reaction.NEEDS_REVIEW:
        made = reminder_engine.escalate(
            session,
            reminder_engine.subject_of(reminder),
            follow_up.id,
            _doctor(session, reminder),
            at.astimezone().date(),
            reminder.reason,
        )
        return made[0].id if made else None
    return None


def _close(reminder: Reminder, actor: Actor, at: dt.datetime, reason: str) -> None:
    reminder.status = ReminderStatus.DONE
    reminder.closed_at = at
    reminder.closed_by_id = actor.staff_id
    reminder.close_reason = reason


def _doctor(session: Session, reminder: Reminder) -> uuid.UUID | None:
    """The treatment's doctor (the visit's, or the operator when a doctor treated), when
    the reminder came from a treatment; otherwise every doctor sees the escalation."""
    if reminder.trigger != Trigger.TREATMENT or reminder.source_id is None:
        return None
    found = session.execute(
        sa.select(Visit.doctor_id, Staff.id, Staff.role)
        .select_from(Treatment)
        .outerjoin(Visit, Visit.id == Treatment.visit_id)
        .join(Staff, Staff.id == Treatment.operator_id)
        .where(Treatment.id == reminder.source_id)
    ).first()
    if found is None:
        return None
    doctor, operator, role = found
    return doctor or (operator if role == Role.DOCTOR else None)


def _still_open(reminder: Reminder) -> None:
    if reminder.status != ReminderStatus.OPEN:
        raise ValidationError("reminder", "closed", "This reminder is already closed.")


def _may_work(actor: Actor, reminder: Reminder) -> bool:
    """One's own, one's role's, or any for a manager."""
    if allowed(actor, Permission.VIEW_ALL_REMINDERS):
        return True
    return reminder.assignee_id == actor.staff_id or reminder.assignee_role == actor.role
