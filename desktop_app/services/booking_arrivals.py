"""A booked patient walks in (arrival), or does not (no-show).

``arrive`` is one transaction: a lead becomes a patient (or is linked to the patient who
already has that mobile: never a second record), the visit goes onto today's board with
the booking's doctor, consultant and room, and the booking is marked arrived with its
history; the reminders made about the lead become the patient's. Either all of it is
saved or none, so pressing the key again after a failure is safe, and pressing it after
a success is refused.

``sweep_no_shows`` closes a day that is over: its bookings still booked become no-shows,
each with a rebooking call for the inviting consultant (services/booking_reminders.py),
a lead's as well as a patient's.
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
    Booking,
    BookingEvent,
    BookingStatus,
    Patient,
    Resource,
    SourceChannel,
)
from desktop_app.models.base import utcnow
from desktop_app.services import audit, booking_reminders, bookings, queue
from desktop_app.services.booking_walk_ins import active_staff, mark_arrived
from desktop_app.services.bookings import BookingRow
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import ConflictError, ServiceError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_within
from desktop_app.services.permissions import Permission, allowed, refuse, require

# Arriving later than this after the booked time flags the arrival as late.
LATE_AFTER = dt.timedelta(minutes=15)


@dataclass(frozen=True)
class Arrival:
    booking: BookingRow
    visit_id: uuid.UUID
    late: bool  # more than LATE_AFTER after the booked start
    linked_existing: bool  # a lead whose mobile was a patient's already: linked, not registered


class _MayNotRegisterError(Exception):
    """A lead needs registering and the actor may not: refused outside the transaction."""


def arrive(
    database: Database,
    actor: Actor,
    booking_id: uuid.UUID,
    expected_version: int,
    now: dt.datetime | None = None,
    *,
    allow_similar: bool = False,
) -> Arrival:
    """Check the booked patient in (one key at the desk). A patient already on today's
    board (walked in through intake first) keeps that visit, which the booking joins."""
    require(actor, Permission.CHECK_IN, database)
    now = now or utcnow()
    for attempt in (1, 2):
        try:
            with unit_of_work(database) as session:
                return _arrive(session, actor, booking_id, expected_version, now, allow_similar)
        except _MayNotRegisterError:
            refuse(database, actor, Permission.REGISTER_PATIENT.value)
        except IntegrityError:
            # Another station registered this mobile between our look and our insert:
            # the second try finds that patient and links the booking to them.
            if attempt == 2:
                raise ServiceError("The patient could not be saved; try again.") from None
    raise AssertionError("unreachable")


def _arrive(
    session: Session,
    actor: Actor,
    booking_id: uuid.UUID,
    expected_version: int,
    now: dt.datetime,
    allow_similar: bool,
) -> Arrival:
    booking = bookings._current(session, booking_id, expected_version)
    if booking.status == BookingStatus.ARRIVED:
        at = f"{booking.arrived_at.astimezone():%H:%M}" if booking.arrived_at else ""
        raise ValidationError("booking", "arrived", f"This booking was checked in already {at}.")
    if booking.status != BookingStatus.BOOKED:
        raise ValidationError("booking", "not_booked", "Only a booking still to come arrives.")
    if booking.starts_at.astimezone().date() != now.astimezone().date():
        raise ValidationError(
            "booking", "not_today", "This booking is for another day: move it to today first."
        )
    linked = False
    if booking.patient_id is None:
        existing = session.scalar(
            sa.select(Patient.id).where(Patient.mobile == booking.lead_mobile)
        )
        if existing is not None:
            booking.patient_id, linked = existing, True
        elif not allowed(actor, Permission.REGISTER_PATIENT):
            raise _MayNotRegisterError
        else:
            draft = PatientDraft(
                booking.lead_name or "",
                mobile=booking.lead_mobile,
                source_channel=_channel(session, booking.source),
                consultant_id=active_staff(session, booking.consultant_id or booking.invited_by_id),
            )
            patient = register_within(session, actor, draft, allow_similar=allow_similar)
            booking.patient_id = patient.id
        booking_reminders.claim_for_patient(session, booking)
    room = session.get(Resource, booking.room_id).name if booking.room_id else None
    visit = queue.open_visit_today(session, booking.patient_id, now)
    if visit is None:
        visit = queue.check_in_within(
            session,
            actor,
            booking.patient_id,
            now,
            consultant_id=active_staff(session, booking.consultant_id),
            doctor_id=active_staff(session, booking.doctor_id),
            room=room,
        )
    else:  # on the board already: the booking fills in whom and where, if still open
        visit.consultant_id = visit.consultant_id or active_staff(session, booking.consultant_id)
        visit.doctor_id = visit.doctor_id or active_staff(session, booking.doctor_id)
        visit.room = visit.room or room
        visit.updated_by_id = actor.staff_id
    mark_arrived(session, actor, booking, visit, now)
    session.flush()
    late = now - booking.starts_at > LATE_AFTER
    audit.record(
        session,
        actor,
        "arrive",
        "booking",
        booking.id,
        visit=str(visit.id),
        late=late,
        linked=linked,
    )
    return Arrival(bookings._row(session, booking.id), visit.id, late, linked)


def _channel(session: Session, source: str | None) -> str | None:
    """The booking's source as the new patient's channel, when it is one of the clinic's."""
    if not source:
        return None
    return session.scalar(
        sa.select(SourceChannel.name).where(SourceChannel.name == source, SourceChannel.active)
    )


def sweep_no_shows(database: Database, actor: Actor, day: dt.date) -> int:
    """Bookings of ``day`` (a day that is over, local date) still booked become no-shows,
    each with a rebooking call; their open confirmation calls are cancelled. Returns how
    many were marked; sweeping again marks none."""
    require(actor, Permission.BOOK, database)
    if day >= dt.date.today():
        raise ValidationError("day", "not_over", "Only a day that is over is swept.")
    start, end = queue.day_bounds(dt.datetime.combine(day, dt.time(12)).astimezone())
    for attempt in (1, 2):
        try:
            with unit_of_work(database) as session:
                return _sweep(session, actor, day, start, end)
        except ConflictError:
            if attempt == 2:  # another station swept (or arrived) the same bookings
                raise
    raise AssertionError("unreachable")


def mark_past_no_shows(session: Session, actor: Actor, today: dt.date) -> int:
    """Every day before ``today`` swept in the caller's transaction: the clinic's daily
    sweep (reminders.sweep, with the panel's first sync of the day) runs it, so a day's
    unarrived bookings become no-shows without anyone remembering to."""
    start_of_today, _end = queue.day_bounds(dt.datetime.combine(today, dt.time(12)).astimezone())
    starts = session.scalars(
        sa.select(Booking.starts_at).where(
            Booking.status == BookingStatus.BOOKED, Booking.starts_at < start_of_today
        )
    ).all()
    marked = 0
    for day in sorted({at.astimezone().date() for at in starts}):
        start, end = queue.day_bounds(dt.datetime.combine(day, dt.time(12)).astimezone())
        marked += _sweep(session, actor, day, start, end)
    return marked


def _sweep(
    session: Session, actor: Actor, day: dt.date, start: dt.datetime, end: dt.datetime
) -> int:
    found = session.scalars(
        sa.select(Booking)
        .where(
            Booking.starts_at >= start,
            Booking.starts_at < end,
            Booking.status == BookingStatus.BOOKED,
        )
        .order_by(Booking.starts_at, Booking.id)
    ).all()
    for booking in found:
        booking.status = BookingStatus.NO_SHOW
        booking.updated_by_id = actor.staff_id
        session.add(
            BookingEvent(
                booking_id=booking.id,
                staff_id=actor.staff_id,
                action="no_show",
                starts_at=booking.starts_at,
                ends_at=booking.ends_at,
            )
        )
        booking_reminders.on_no_show(session, booking, day, actor.staff_id)
    session.flush()
    if found:
        audit.record(
            session,
            actor,
            "no_show",
            "booking",
            None,
            day=day.isoformat(),
            marked=len(found),
        )
    return len(found)


def no_show_count(database: Database, actor: Actor, patient_id: uuid.UUID) -> int:
    require(actor, Permission.VIEW_BOOKINGS, database)
    with reading(database) as connection:
        return int(
            connection.scalar(
                sa.select(sa.func.count(Booking.id)).where(
                    Booking.patient_id == patient_id, Booking.status == BookingStatus.NO_SHOW
                )
            )
            or 0
        )
