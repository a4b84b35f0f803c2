"""Reminders that no rule's event makes: one written by hand for a patient, and the daily
sweep that makes the birthday greetings coming within the horizon (patients loaded in bulk,
next year's greeting once this year's is done)."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    ClinicSetting,
    Patient,
    Priority,
    Reminder,
    ReminderRule,
    Role,
    Trigger,
)
from desktop_app.services import audit, booking_arrivals, reminder_engine
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.reminder_lists import HORIZON_DAYS


def checked_manual(reason: str, due_on: dt.date) -> str:
    """A hand-written reminder's reason (spaces collapsed) and due day, checked; callers
    making a batch check once before making any."""
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("reason", "required", "Say what is to be done.")
    if len(reason) > 200:
        raise ValidationError("reason", "too_long", "At most 200 characters.", max=200)
    if due_on < dt.date.today():
        raise ValidationError("due_on", "past", "Choose today or a later day.")
    return reason


def add_manual(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    due_on: dt.date,
    reason: str,
    *,
    staff_id: uuid.UUID | None = None,
    role: Role | None = None,
    priority: Priority = Priority.NORMAL,
) -> uuid.UUID:
    """A reminder for one patient written by hand; for the author unless given to others."""
    require(actor, Permission.WORK_REMINDERS, database)
    reason = checked_manual(reason, due_on)
    with unit_of_work(database) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFoundError(f"No patient {patient_id}.")
        rule = session.scalars(
            sa.select(ReminderRule).where(
                ReminderRule.trigger == Trigger.MANUAL, ReminderRule.active
            )
        ).first()
        reminder = Reminder(
            patient_id=patient_id,
            rule_id=None,
            trigger=Trigger.MANUAL,
            source_id=None,
            step=0,
            reason=reason,
            scheduled_on=due_on,
            due_on=due_on,
            priority=priority,
            max_attempts=rule.max_attempts if rule else 3,
            updated_by_id=actor.staff_id,
        )
        if staff_id is None and role is None:
            staff_id = actor.staff_id
        reminder_engine.assign(session, reminder, staff_id, role)
        session.add(reminder)
        session.flush()
        audit.record(
            session, actor, "create", "reminder", reminder.id, patient=patient_id, due=due_on
        )
        return reminder.id


SWEPT_ON = "reminders_swept_on"  # clinic setting: the day of the last birthday sweep


def sweep(
    database: Database, actor: Actor, today: dt.date | None = None, *, daily: bool = False
) -> int:
    """Birthdays coming within the horizon that have no greeting yet (patients loaded in
    bulk, next year's greeting once this year's is done), and the days that are over
    swept for no-shows (each with its rebooking call). Idempotent; ``daily`` (the panel's
    sync) does it at most once a day for the clinic. Returns how many greetings it made."""
    require(actor, Permission.WORK_REMINDERS, database)
    today = today or dt.date.today()
    days = [today + dt.timedelta(days=n) for n in range(HORIZON_DAYS + 1)]
    month, day = sa.extract("month", Patient.birth_date), sa.extract("day", Patient.birth_date)
    when = sa.or_(*(sa.and_(month == d.month, day == d.day) for d in days))
    made = 0
    if daily and _swept_on(database) == today.isoformat():
        return 0  # read first: no write transaction on the stations' every sync
    with unit_of_work(database) as session:
        swept = session.get(ClinicSetting, SWEPT_ON)
        if daily and swept is not None and swept.value == today.isoformat():
            return 0
        if swept is None:
            session.add(ClinicSetting(key=SWEPT_ON, value=today.isoformat()))
        else:
            swept.value = today.isoformat()
        booking_arrivals.mark_past_no_shows(session, actor, today)
        if not reminder_engine.rules_for(session, Trigger.BIRTHDAY):
            return 0
        for patient in session.scalars(
            sa.select(Patient).where(Patient.birth_date.is_not(None), when)
        ):
            made += reminder_engine.on_patient_saved(session, patient, today)
    return made


def _swept_on(database: Database) -> str | None:
    with reading(database) as connection:
        return connection.execute(
            sa.select(ClinicSetting.value).where(ClinicSetting.key == SWEPT_ON)
        ).scalar()
