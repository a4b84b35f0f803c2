"""What the reminder rules make of bookings: the day-before confirmation call and the
no-show's rebooking call.

Called inside the transaction that books, moves, cancels, checks in or sweeps the
booking (services/bookings.py, services/booking_arrivals.py), so a call is planned exactly
when its booking is saved. Like reminder_engine: idempotent, moved rather than remade,
cancelled rather than deleted. A lead's booking gets the same calls, about the lead
(its name and mobile copied onto the reminder) until the lead arrives and becomes a
patient (``claim_for_patient``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import Booking, FollowUp, Reminder, Role, Trigger
from desktop_app.services import reminder_engine
from desktop_app.services.reminder_engine import Lead, Planned, Subject

# Why an open confirmation call was closed without a call: codes the UI puts into words.
CANCELLED_BOOKING = "booking_cancelled"
CANCELLED_ARRIVED = "arrived"
CANCELLED_NO_SHOW = "no_show"


def _subject(booking: Booking) -> str:
    return f"{booking.starts_at.astimezone():%m-%d %H:%M}"


def _who(booking: Booking) -> Subject:
    """The booking's patient, or its lead."""
    if booking.patient_id is not None:
        return booking.patient_id
    return Lead(booking.lead_name or "", booking.lead_mobile)


def _confirmations(session: Session, booking: Booking, today: dt.date) -> list[Planned]:
    """One call per rule and offset, ``offset`` days BEFORE the booking's day; a call whose
    day has passed already is not planned (a booking made today for today or tomorrow
    morning was confirmed as it was made). The step is the call's date (20271124), so a
    booking moved to another day gets its own call even when the first one was made."""
    day = booking.starts_at.astimezone().date()
    wanted = []
    for rule in reminder_engine.rules_for(session, Trigger.CONFIRM_BOOKING):
        for p in reminder_engine.plan(rule, day, _subject(booking), {}, Role.RECEPTIONIST):
            due = day - dt.timedelta(days=p.step)
            if due >= today:
                wanted.append(replace(p, due_on=due, step=_day_step(due)))
    return wanted


def _day_step(day: dt.date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def on_booked(session: Session, booking: Booking, today: dt.date | None = None) -> None:
    """The day-before confirmation call for a new booking (of a patient or a lead)."""
    wanted = _confirmations(session, booking, today or dt.date.today())
    reminder_engine._create(session, _who(booking), booking.id, wanted)


def on_moved(
    session: Session, booking: Booking, by: uuid.UUID | None, today: dt.date | None = None
) -> None:
    """The open confirmation call follows the booking to its new day (and time, in its
    reason); a call already made for that day is not made again."""
    open_ = reminder_engine._open(session, [booking.id], Trigger.CONFIRM_BOOKING)
    steps = set(
        session.execute(
            sa.select(Reminder.rule_id, Reminder.step).where(Reminder.source_id == booking.id)
        ).all()
    )
    missing = []
    for p in _confirmations(session, booking, today or dt.date.today()):
        mine = [r for r in open_ if r.rule_id == p.rule_id]
        if mine and (p.rule_id, p.step) not in steps - {(r.rule_id, r.step) for r in mine}:
            reminder = mine[0]
            reminder_engine._move(reminder, p.due_on, p.step, by)
            reminder.reason = p.reason
            open_.remove(reminder)
        else:
            missing.append(p)
    reminder_engine._close(open_, reminder_engine.CANCELLED_RESCHEDULED, by)
    session.flush()
    reminder_engine._create(session, _who(booking), booking.id, missing)


def on_cancelled(session: Session, booking: Booking, by: uuid.UUID | None) -> None:
    _close_confirmations(session, booking, CANCELLED_BOOKING, by)


def on_arrived(session: Session, booking: Booking, by: uuid.UUID | None) -> None:
    _close_confirmations(session, booking, CANCELLED_ARRIVED, by)


def _close_confirmations(
    session: Session, booking: Booking, reason: str, by: uuid.UUID | None
) -> None:
    reminder_engine.cancel(session, [booking.id], reason, by, trigger=Trigger.CONFIRM_BOOKING)


def on_no_show(
    session: Session, booking: Booking, day: dt.date, by: uuid.UUID | None
) -> list[Reminder]:
    """The rebooking call: for the inviting consultant, else the booking's consultant, else
    whoever the rule names (its person, or its role); a lead's too, since consultants
    invite mostly leads. The confirmation call still open is moot now."""
    _close_confirmations(session, booking, CANCELLED_NO_SHOW, by)
    person = booking.invited_by_id or booking.consultant_id
    planned = []
    for rule in reminder_engine.rules_for(session, Trigger.NO_SHOW):
        for p in reminder_engine.plan(rule, day, _subject(booking), {}, Role.CONSULTANT):
            planned.append(replace(p, assignee_id=person or p.assignee_id))
    return reminder_engine._create(session, _who(booking), booking.id, planned)


def claim_for_patient(session: Session, booking: Booking) -> int:
    """The lead arrived as ``booking.patient_id``: the reminders made about it (this
    booking's, and those of the same lead's earlier bookings, matched by mobile) and the
    calls recorded on them become the patient's, so they show on the record and its
    timeline. Returns how many reminders changed hands."""
    patient_id = booking.patient_id
    assert patient_id is not None, "called once the lead is a patient"
    mine = Reminder.source_id == booking.id
    if booking.lead_mobile:
        mine = sa.or_(mine, Reminder.lead_mobile == booking.lead_mobile)
    ids = session.scalars(sa.select(Reminder.id).where(Reminder.patient_id.is_(None), mine)).all()
    if not ids:
        return 0
    for reminder in session.scalars(sa.select(Reminder).where(Reminder.id.in_(ids))):
        reminder.patient_id = patient_id  # the ORM bumps its version: stations see the change
    session.execute(
        sa.update(FollowUp)
        .where(FollowUp.reminder_id.in_(ids), FollowUp.patient_id.is_(None))
        .values(patient_id=patient_id)
    )
    session.flush()
    return len(ids)
