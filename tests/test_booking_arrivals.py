"""Booked patients arriving onto the board, leads completed into patients without
duplicates, the end-of-day no-show sweep with its rebooking call, and the day-before
confirmation call following its booking, on SQLite and PostgreSQL (issue 9)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    BookingStatus,
    Patient,
    Reminder,
    ReminderStatus,
    ResourceKind,
    Role,
    Trigger,
)
from desktop_app.services import booking_arrivals, bookings, queue
from desktop_app.services.booking_arrivals import LATE_AFTER
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.record_header import record_header
from desktop_app.services.staff import NewStaff, create_staff

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _midday(local_midday):
    """Today, yesterday and tomorrow stay put while a test runs."""


def nine(days: int = 0, minutes: float = 0) -> dt.datetime:
    """09:00 local ``days`` from today, plus ``minutes``, as UTC."""
    day = dt.date.today() + dt.timedelta(days=days)
    local = dt.datetime.combine(day, dt.time(9)).astimezone()
    return (local + dt.timedelta(minutes=minutes)).astimezone(dt.UTC)


@pytest.fixture
def desk(database, manager):
    """A receptionist, a doctor, two consultants, a room and two patients."""
    people = {
        name: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.RECEPTIONIST, "front", "前台小王"),
            (Role.DOCTOR, "drwang", "王医生"),
            (Role.CONSULTANT, "lily", "莉莉"),
            (Role.CONSULTANT, "mei", "小美"),
        )
    }
    room = bookings.add_resource(database, manager, ResourceKind.ROOM, "治疗室1")
    first = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    second = register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    return people, room, first, second


def reminders(database, booking_id, trigger):
    with unit_of_work(database, write=False) as session:
        found = session.scalars(
            sa.select(Reminder)
            .where(Reminder.source_id == booking_id, Reminder.trigger == trigger)
            .order_by(Reminder.due_on)
        ).all()
        for reminder in found:
            session.expunge(reminder)
        return list(found)


def patients(database):
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count(Patient.id)))


def test_a_booked_patient_arrives_onto_the_board_with_staff_and_room(database, desk):
    people, room, first, _second = desk
    front = people["front"]
    made = bookings.book(
        database,
        front,
        BookingDraft(nine(), 60, patient_id=first.id, doctor_id=people["drwang"].staff_id,
                     consultant_id=people["mei"].staff_id, room_id=room,
                     invited_by_id=people["lily"].staff_id),
    )  # fmt: skip
    came = booking_arrivals.arrive(database, front, made.id, made.version, nine(minutes=10))
    assert not came.late and not came.linked_existing
    assert came.booking.status == BookingStatus.ARRIVED
    board = queue.todays_board(database, front, nine(minutes=11))
    [card] = board.cards
    assert card.visit_id == came.visit_id and card.patient_id == first.id
    assert (card.doctor, card.consultant, card.room) == ("王医生", "小美", "治疗室1")
    events = bookings.history(database, front, made.id)
    assert [e.action for e in events] == ["create", "arrive"]
    # Arriving twice is refused, both from a station showing the arrived booking and
    # from one still showing it booked; the board keeps one card.
    with pytest.raises(ValidationError) as twice:
        booking_arrivals.arrive(database, front, made.id, came.booking.version, nine(minutes=12))
    assert twice.value.code == "arrived"
    with pytest.raises(ConflictError):
        booking_arrivals.arrive(database, front, made.id, made.version, nine(minutes=12))
    assert len(queue.todays_board(database, front, nine(minutes=13)).cards) == 1


def test_an_arrival_more_than_a_quarter_hour_after_the_booked_time_is_late(database, desk):
    people, _room, first, second = desk
    front = people["front"]
    on_time = bookings.book(database, front, BookingDraft(nine(), 30, patient_id=first.id))
    late = bookings.book(database, front, BookingDraft(nine(), 30, patient_id=second.id))
    at_limit = nine() + LATE_AFTER
    assert not booking_arrivals.arrive(database, front, on_time.id, 1, at_limit).late
    assert booking_arrivals.arrive(
        database, front, late.id, 1, at_limit + dt.timedelta(minutes=1)
    ).late


def test_a_lead_arrives_and_is_registered_from_the_booking(database, desk):
    people, room, _first, _second = desk
    lily = people["lily"]
    lead = bookings.book(
        database,
        lily,
        BookingDraft(nine(), 30, lead_name="王小美", lead_mobile="13700002222", room_id=room,
                     consultant_id=lily.staff_id, invited_by_id=lily.staff_id),
    )  # fmt: skip
    before = patients(database)
    came = booking_arrivals.arrive(database, people["front"], lead.id, lead.version, nine(0, 5))
    assert patients(database) == before + 1
    assert not came.linked_existing
    row = came.booking
    assert (row.name, row.mobile) == ("王小美", "+8613700002222")
    assert row.patient_id is not None and row.record_no
    [card] = queue.todays_board(database, people["front"], nine(0, 5)).cards
    assert (card.patient_id, card.name, card.consultant, card.room) == (
        row.patient_id,
        "王小美",
        "莉莉",
        "治疗室1",
    )


def test_a_lead_whose_mobile_is_a_patients_is_linked_not_registered_again(database, desk):
    people, _room, _first, second = desk
    lead = bookings.book(
        database,
        people["lily"],
        BookingDraft(nine(), 30, lead_name="李小四", lead_mobile="139 0000 1111"),
    )
    before = patients(database)
    came = booking_arrivals.arrive(database, people["front"], lead.id, lead.version, nine())
    assert came.linked_existing
    assert patients(database) == before
    assert (came.booking.patient_id, came.booking.name) == (second.id, "李四")
    assert [c.patient_id for c in queue.todays_board(database, people["front"], nine()).cards] == [
        second.id
    ]


def test_a_patient_already_on_the_board_keeps_that_visit(database, desk):
    people, room, first, _second = desk
    front = people["front"]
    walked_in = queue.check_in(database, front, first.id, nine(0, -5))
    made = bookings.book(
        database, front, BookingDraft(nine(), 60, patient_id=first.id, room_id=room)
    )
    came = booking_arrivals.arrive(database, front, made.id, made.version, nine(minutes=1))
    assert came.visit_id == walked_in.visit_id
    [card] = queue.todays_board(database, front, nine(minutes=2)).cards
    assert card.room == "治疗室1"


def test_no_show_sweep_marks_unarrived_past_bookings_once_with_a_rebooking_call(
    database, desk, manager
):
    people, _room, first, second = desk
    front, lily, mei = people["front"], people["lily"], people["mei"]
    invited = bookings.book(
        database,
        front,
        BookingDraft(nine(-1), 30, patient_id=first.id, consultant_id=mei.staff_id,
                     invited_by_id=lily.staff_id),
    )  # fmt: skip
    no_inviter = bookings.book(
        database,
        front,
        BookingDraft(nine(-1, 60), 30, patient_id=second.id, consultant_id=mei.staff_id),
    )
    came = bookings.book(database, front, BookingDraft(nine(-1, 120), 30, patient_id=second.id))
    booking_arrivals.arrive(database, front, came.id, came.version, nine(-1, 120))
    called_off = bookings.book(
        database, front, BookingDraft(nine(-1, 180), 30, patient_id=first.id)
    )
    bookings.cancel(database, front, called_off.id, called_off.version, "病人改期")
    lead = bookings.book(
        database,
        lily,
        BookingDraft(nine(-1, 240), 30, lead_name="王小美", lead_mobile="13700002222"),
    )
    today = bookings.book(database, front, BookingDraft(nine(), 30, patient_id=first.id))

    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert booking_arrivals.sweep_no_shows(database, front, yesterday) == 3
    status = {
        b.id: b.status
        for b in bookings.bookings_between(
            database, front, nine(-2), nine(2), include_cancelled=True
        )
    }
    assert status == {
        invited.id: BookingStatus.NO_SHOW,
        no_inviter.id: BookingStatus.NO_SHOW,
        lead.id: BookingStatus.NO_SHOW,
        came.id: BookingStatus.ARRIVED,
        called_off.id: BookingStatus.CANCELLED,
        today.id: BookingStatus.BOOKED,
    }
    assert [e.action for e in bookings.history(database, front, invited.id)][-1] == "no_show"
    [call] = reminders(database, invited.id, Trigger.NO_SHOW)
    assert (call.assignee_id, call.assignee_role) == (lily.staff_id, Role.CONSULTANT)
    assert call.due_on == dt.date.today() and call.patient_id == first.id
    [call] = reminders(database, no_inviter.id, Trigger.NO_SHOW)
    assert call.assignee_id == mei.staff_id  # no inviter: the booking's consultant
    [call] = reminders(database, lead.id, Trigger.NO_SHOW)  # a lead's too; nobody invited her
    assert (call.assignee_role, call.lead_name) == (Role.CONSULTANT, "王小美")

    assert booking_arrivals.sweep_no_shows(database, front, yesterday) == 0
    assert len(reminders(database, invited.id, Trigger.NO_SHOW)) == 1
    with pytest.raises(ValidationError):
        booking_arrivals.sweep_no_shows(database, front, dt.date.today())

    assert booking_arrivals.no_show_count(database, front, first.id) == 1
    assert record_header(database, manager, first.id).no_shows == 1
    assert record_header(database, manager, second.id).no_shows == 1
    registered = register_patient(database, manager, PatientDraft("赵六", mobile="13600003333"))
    assert record_header(database, manager, registered.id).no_shows == 0


def test_the_confirmation_call_follows_its_booking(database, desk):
    people, _room, first, second = desk
    front = people["front"]
    today = dt.date.today()
    made = bookings.book(database, front, BookingDraft(nine(1), 30, patient_id=first.id))
    [call] = reminders(database, made.id, Trigger.CONFIRM_BOOKING)
    assert (call.due_on, call.status) == (today, ReminderStatus.OPEN)
    assert (call.assignee_role, call.patient_id) == (Role.RECEPTIONIST, first.id)

    moved = bookings.move(database, front, made.id, made.version, nine(2), 30, "病人要求")
    [call] = reminders(database, made.id, Trigger.CONFIRM_BOOKING)  # the same call, moved
    assert (call.due_on, call.status) == (today + dt.timedelta(days=1), ReminderStatus.OPEN)
    later = bookings.move(database, front, moved.id, moved.version, nine(2, 60), 30)
    assert [r.due_on for r in reminders(database, made.id, Trigger.CONFIRM_BOOKING)] == [
        today + dt.timedelta(days=1)
    ]
    bookings.cancel(database, front, later.id, later.version, "病人生病")
    [call] = reminders(database, made.id, Trigger.CONFIRM_BOOKING)
    assert (call.status, call.close_reason) == (ReminderStatus.CANCELLED, "booking_cancelled")

    # Arriving closes the open call; a booking for today needs none; a lead's gets one.
    kept = bookings.book(database, front, BookingDraft(nine(1), 30, patient_id=second.id))
    booking_arrivals.arrive(database, front, kept.id, kept.version, nine(1))
    [call] = reminders(database, kept.id, Trigger.CONFIRM_BOOKING)
    assert (call.status, call.close_reason) == (ReminderStatus.CANCELLED, "arrived")
    same_day = bookings.book(database, front, BookingDraft(nine(0, 300), 30, patient_id=first.id))
    assert reminders(database, same_day.id, Trigger.CONFIRM_BOOKING) == []
    lead = bookings.book(
        database,
        front,
        BookingDraft(nine(1, 60), 30, lead_name="王小美", lead_mobile="13700002222"),
    )
    [call] = reminders(database, lead.id, Trigger.CONFIRM_BOOKING)
    assert (call.patient_id, call.lead_name, call.lead_mobile) == (None, "王小美", "+8613700002222")


def test_a_booking_of_another_day_does_not_arrive(database, desk):
    people, _room, first, _second = desk
    made = bookings.book(database, people["front"], BookingDraft(nine(1), 30, patient_id=first.id))
    with pytest.raises(ValidationError) as error:
        booking_arrivals.arrive(database, people["front"], made.id, made.version, nine())
    assert error.value.code == "not_today"


def test_the_daily_sweep_marks_the_past_days_no_shows_for_whoever_syncs_first(
    database, desk, manager
):
    """Nobody has to remember: the panel's first sync of the day (any role) sweeps every
    day that is over, once."""
    from desktop_app.services import reminders as reminder_service
    from desktop_app.services.staff import NewStaff, create_staff

    people, _room, first, second = desk
    front, lily = people["front"], people["lily"]
    two_days_ago = bookings.book(
        database,
        front,
        BookingDraft(nine(-2), 30, patient_id=first.id, invited_by_id=lily.staff_id),
    )
    yesterday = bookings.book(
        database,
        front,
        BookingDraft(nine(-1), 30, patient_id=second.id, invited_by_id=lily.staff_id),
    )
    today = bookings.book(database, front, BookingDraft(nine(), 30, patient_id=first.id))
    nurse = create_staff(
        database, manager, NewStaff("nurse2", "护士", Role.NURSE, "correct horse battery")
    )
    reminder_service.sweep(database, nurse, daily=True)
    by_id = {
        b.id: b
        for b in bookings.bookings_between(
            database, front, nine(-3), nine(1), include_cancelled=True
        )
    }
    assert by_id[two_days_ago.id].status == BookingStatus.NO_SHOW
    assert by_id[yesterday.id].status == BookingStatus.NO_SHOW
    assert by_id[today.id].status == BookingStatus.BOOKED
    assert len(reminders(database, yesterday.id, Trigger.NO_SHOW)) == 1
    reminder_service.sweep(database, nurse, daily=True)  # once a day: nothing again
    assert len(reminders(database, yesterday.id, Trigger.NO_SHOW)) == 1
