"""A booked patient checked in at the front desk (not from the appointment book) has
arrived for the booking: no false no-show, no rebooking call for someone who came
(issue 9), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

from desktop_app.models import BookingStatus, ReminderStatus, Trigger
from desktop_app.services import booking_arrivals, bookings, queue
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.context import unit_of_work
from tests import test_booking_arrivals as arrivals

# The desk (a receptionist, a doctor, consultants, a room, two patients) and a fixed midday.
desk, _midday = arrivals.desk, arrivals._midday
nine, reminders = arrivals.nine, arrivals.reminders


def test_a_booked_patient_checked_in_at_the_desk_has_arrived_for_the_booking(database, desk):
    people, room, first, _second = desk
    front, doctor = people["front"], people["drwang"]
    made = bookings.book(
        database,
        front,
        BookingDraft(nine(0, 120), 60, patient_id=first.id, doctor_id=doctor.staff_id,
                     room_id=room),
    )  # fmt: skip
    later = bookings.book(database, front, BookingDraft(nine(0, 300), 30, patient_id=first.id))
    next_week = bookings.book(database, front, BookingDraft(nine(7), 30, patient_id=first.id))

    card = queue.check_in(database, front, first.id, nine(0, 100))

    assert (card.doctor, card.room) == ("王医生", "治疗室1")
    status = {b.id: b.status for b in bookings.bookings_between(database, front, nine(-1), nine(8))}
    assert status == {
        made.id: BookingStatus.ARRIVED,  # the day's first booking, not the afternoon's
        later.id: BookingStatus.BOOKED,
        next_week.id: BookingStatus.BOOKED,
    }
    assert [e.action for e in bookings.history(database, front, made.id)] == ["create", "arrive"]
    assert all(
        r.status != ReminderStatus.OPEN
        for r in reminders(database, made.id, Trigger.CONFIRM_BOOKING)
    )
    # The evening's sweep finds no no-show where the patient came.
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with unit_of_work(database) as session:
        marked = booking_arrivals.mark_past_no_shows(session, front, tomorrow)
    assert marked == 1  # the afternoon booking they did not come back for
    assert booking_arrivals.no_show_count(database, front, first.id) == 1


def test_a_walk_in_without_a_booking_today_joins_none(database, desk):
    people, _room, first, second = desk
    front = people["front"]
    tomorrow = bookings.book(database, front, BookingDraft(nine(1), 30, patient_id=first.id))
    someone_else = bookings.book(database, front, BookingDraft(nine(), 30, patient_id=second.id))

    card = queue.check_in(database, front, first.id, nine(0, 5))

    assert card.doctor in (None, "") and card.room in (None, "")
    status = {b.id: b.status for b in bookings.bookings_between(database, front, nine(), nine(2))}
    assert status == {tomorrow.id: BookingStatus.BOOKED, someone_else.id: BookingStatus.BOOKED}
