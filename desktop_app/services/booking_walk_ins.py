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
    doctor = session.get(Staff, booking.doctor_id) if booking.doctor_id else None
    visit.doctor_id = visit.doctor_id or (doctor.id if doctor and doctor.active else None)
    if booking.room_id and not visit.room:
        visit.room = session.get(Resource, booking.room_id).name
    booking.status = BookingStatus.ARRIVED
    booking.visit_id, booking.arrived_at = visit.id, visit.checked_in_at
    booking.updated_by_id = actor.staff_id
    session.add(
        BookingEvent(
            booking_id=booking.id, staff_id=actor.staff_id, action="arrive", reason="walk_in"
        )
    )
    booking_reminders.on_arrived(session, booking, actor.staff_id)
    session.flush()
    audit.record(session, actor, "arrive", "booking", booking.id, visit=str(visit.id), walk_in=True)
    return booking
