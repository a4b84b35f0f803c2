"""A booked patient who walks in through the front desk (searched and checked in there,
not from the appointment book) has arrived for their booking all the same.

Called by queue.check_in inside its transaction: the patient's first booking of the day
still to come is marked arrived with the new visit, and the visit takes the booking's
doctor and room. Without this the booking would stay "booked" and the evening's sweep
would count a patient who came as a no-show, with a rebooking call for someone sitting in
the treatment room.
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import Booking, BookingEvent, BookingStatus, Resource, Staff, Visit
from desktop_app.services import audit, booking_reminders
from desktop_app.services.context import Actor


def join(
    session: Session, actor: Actor, visit: Visit, start: dt.datetime, end: dt.datetime
) -> Booking | None:
    """The patient's earliest booking in [start, end) still booked, now arrived with
    ``visit``; None when they had none (a true walk-in)."""
    booking = session.scalar(
        sa.select(Booking)
        .where(
            Booking.patient_id == visit.patient_id,
            Booking.status == BookingStatus.BOOKED,
            Booking.starts_at >= start,
            Booking.starts_at < end,
        )
        .order_by(Booking.starts_at, Booking.id)
        .limit(1)
    )
    if booking is None:
        return None
    visit.doctor_id = visit.doctor_id or active_staff(session, booking.doctor_id)
    if booking.room_id and not visit.room:
        visit.room = session.get(Resource, booking.room_id).name
    mark_arrived(session, actor, booking, visit, visit.checked_in_at, reason="walk_in")
    session.flush()
    audit.record(session, actor, "arrive", "booking", booking.id, visit=str(visit.id), walk_in=True)
    return booking


def mark_arrived(
    session: Session,
    actor: Actor,
    booking: Booking,
    visit: Visit,
    at: dt.datetime,
    reason: str = "",
) -> None:
    """The booking arrived with ``visit`` at ``at``: its event, its confirmation call
    closed. Shared with booking_arrivals.arrive (which this module cannot import: it
    imports the queue, which imports this)."""
    booking.status = BookingStatus.ARRIVED
    booking.visit_id, booking.arrived_at = visit.id, at
    booking.updated_by_id = actor.staff_id
    session.add(
        BookingEvent(booking_id=booking.id, staff_id=actor.staff_id, action="arrive", reason=reason)
    )
    booking_reminders.on_arrived(session, booking, actor.staff_id)


def active_staff(session: Session, staff_id: uuid.UUID | None) -> uuid.UUID | None:
    """The staff member if still active (a booking may outlive an account)."""
    staff = session.get(Staff, staff_id) if staff_id is not None else None
    return staff.id if staff is not None and staff.active else None
