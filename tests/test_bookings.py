"""The appointment book's rules on SQLite and PostgreSQL: a doctor, a room or a device is
never booked twice at once (two stations racing included), leads, and a history kept for
every move and cancellation (issue 9)."""

from __future__ import annotations

import datetime as dt
import threading
import time

import pytest

from desktop_app.models import BookingStatus, ResourceKind, Role
from desktop_app.services import bookings
from desktop_app.services.bookings import BookingClashError, BookingDraft
from desktop_app.services.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff

PASSWORD = "correct horse battery"
NINE = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(9)).astimezone(dt.UTC)


def at(hours: float) -> dt.datetime:
    return NINE + dt.timedelta(hours=hours)


@pytest.fixture
def desk(database, manager):
    """A receptionist, a doctor, a consultant, a room, the 热玛吉 device and two patients."""
    people = {
        role: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.RECEPTIONIST, "front", "前台小王"),
            (Role.DOCTOR, "drwang", "王医生"),
            (Role.CONSULTANT, "lily", "莉莉"),
            (Role.NURSE, "nurse", "小护士"),
        )
    }
    room = bookings.add_resource(database, manager, ResourceKind.ROOM, "治疗室1")
    device = bookings.add_resource(database, manager, ResourceKind.DEVICE, "热玛吉")
    first = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    second = register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    return people, room, device, first, second


def test_a_booking_takes_the_items_length_and_names_everyone(database, desk):
    people, room, device, first, _second = desk
    made = bookings.book(
        database,
        people[Role.RECEPTIONIST],
        BookingDraft(NINE, patient_id=first.id, item="热玛吉",
                     doctor_id=people[Role.DOCTOR].staff_id,
                     room_id=room, device_id=device, source="抖音",
                     invited_by_id=people[Role.CONSULTANT].staff_id),
    )  # fmt: skip
    assert (made.ends_at - made.starts_at) == dt.timedelta(minutes=60)
    assert (made.name, made.record_no, made.item) == ("张三丰", first.record_no, "热玛吉")
    assert (made.doctor, made.room, made.device) == ("王医生", "治疗室1", "热玛吉")
    assert made.status == BookingStatus.BOOKED
    day = bookings.bookings_between(database, people[Role.DOCTOR], at(-9), at(15))
    assert [b.id for b in day] == [made.id]


@pytest.mark.parametrize("what", ["doctor", "room", "device"])
def test_a_doctor_room_or_device_is_not_booked_twice(database, desk, what):
    people, room, device, first, second = desk
    holder = {
        "doctor": {"doctor_id": people[Role.DOCTOR].staff_id},
        "room": {"room_id": room},
        "device": {"device_id": device},
    }[what]
    front = people[Role.RECEPTIONIST]
    taken = bookings.book(database, front, BookingDraft(NINE, 90, patient_id=first.id, **holder))
    with pytest.raises(BookingClashError) as clash:
        bookings.book(database, front, BookingDraft(at(1), 60, patient_id=second.id, **holder))
    assert clash.value.what == what and clash.value.clash.id == taken.id
    assert "张三丰" in str(clash.value)
    # Back to back is fine; so is the same time with another doctor, room and device.
    bookings.book(database, front, BookingDraft(at(1.5), 30, patient_id=second.id, **holder))
    bookings.book(database, front, BookingDraft(NINE, 60, patient_id=second.id))
    # A cancelled booking holds nothing.
    bookings.cancel(database, front, taken.id, taken.version, "病人改期")
    bookings.book(database, front, BookingDraft(at(0.5), 60, patient_id=second.id, **holder))


def test_two_stations_booking_the_same_slot_one_wins(database, desk, monkeypatch):
    """The check and the insert are one step under a lock: each booking waits a moment
    after its check (as a slow station would), and still only one gets the slot."""
    people, room, _device, first, second = desk
    checked = bookings._refuse_clashes

    def slow(session, db, booking):
        checked(session, db, booking)
        time.sleep(0.3)

    monkeypatch.setattr(bookings, "_refuse_clashes", slow)
    front = people[Role.RECEPTIONIST]
    start = threading.Barrier(2)
    results: list[object] = []

    def station(patient_id):
        start.wait()
        try:
            results.append(
                bookings.book(
                    database, front, BookingDraft(NINE, 60, patient_id=patient_id, room_id=room)
                )
            )
        except BookingClashError as exc:
            results.append(exc)

    threads = [threading.Thread(target=station, args=(p.id,)) for p in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    won = [r for r in results if isinstance(r, bookings.BookingRow)]
    told = [r for r in results if isinstance(r, BookingClashError)]
    assert len(won) == 1 and len(told) == 1
    assert told[0].clash.id == won[0].id
    assert len(bookings.bookings_between(database, front, at(-1), at(2))) == 1


def test_moves_and_cancellation_keep_their_history(database, desk):
    people, room, _device, first, second = desk
    front = people[Role.RECEPTIONIST]
    made = bookings.book(database, front, BookingDraft(NINE, 60, patient_id=first.id, room_id=room))
    moved = bookings.move(database, front, made.id, made.version, at(2), 60, "病人要求改时间")
    longer = bookings.move(database, front, moved.id, moved.version, at(2), 90)
    assert (longer.starts_at, longer.ends_at) == (at(2), at(3.5))
    with pytest.raises(ConflictError):  # a station still showing the first version
        bookings.move(database, front, made.id, made.version, at(4), 60)
    other = bookings.book(
        database, front, BookingDraft(at(4), 60, patient_id=second.id, room_id=room)
    )
    with pytest.raises(BookingClashError):  # dragged onto someone else in the room
        bookings.move(database, front, other.id, other.version, at(3), 60)
    with pytest.raises(ValidationError):
        bookings.cancel(database, front, longer.id, longer.version, "  ")
    gone = bookings.cancel(database, front, longer.id, longer.version, "病人生病")
    assert gone.status == BookingStatus.CANCELLED
    events = bookings.history(database, front, made.id)
    assert [(e.action, e.starts_at, e.reason) for e in events] == [
        ("create", None, ""),
        ("move", NINE, "病人要求改时间"),
        ("resize", at(2), ""),
        ("cancel", at(2), "病人生病"),
    ]
    assert {e.staff for e in events} == {"前台小王"}  # who did it, by name
    assert bookings.bookings_between(database, front, at(-1), at(9)) == [
        bookings.bookings_between(database, front, at(-1), at(9))[0]
    ]  # the cancelled one is not on the book, the other one is
    kept = bookings.bookings_between(database, front, at(-1), at(9), include_cancelled=True)
    assert {b.id for b in kept} == {made.id, other.id}


def test_a_lead_is_booked_with_name_and_mobile(database, desk):
    people, *_ = desk
    lily = people[Role.CONSULTANT]
    made = bookings.book(
        database,
        lily,
        BookingDraft(
            NINE,
            30,
            lead_name=" 王 小美 ",
            lead_mobile="139-0000-2222",
            invited_by_id=lily.staff_id,
            source="小红书",
        ),
    )
    assert (made.name, made.mobile, made.patient_id) == ("王 小美", "+8613900002222", None)
    for draft, field in (
        (BookingDraft(NINE, 30, lead_name="", lead_mobile="13900002222"), "lead_name"),
        (BookingDraft(NINE, 30, lead_name="王小美"), "lead_mobile"),
        (BookingDraft(NINE, 30, lead_name="王小美", lead_mobile="12345"), "lead_mobile"),
        (BookingDraft(NINE, 2, lead_name="王小美", lead_mobile="13900002222"), "minutes"),
    ):
        with pytest.raises(ValidationError) as error:
            bookings.book(database, lily, draft)
        assert error.value.field == field


def test_doctors_see_the_book_but_do_not_book_and_nurses_book_course_sessions(database, desk):
    people, _room, _device, first, _second = desk
    doctor, nurse = people[Role.DOCTOR], people[Role.NURSE]
    assert bookings.bookings_between(database, doctor, at(-1), at(1)) == []
    with pytest.raises(PermissionDeniedError):
        bookings.book(database, doctor, BookingDraft(NINE, 30, patient_id=first.id))
    # The nurse's course-session call ends in booking the next session.
    made = bookings.book(database, nurse, BookingDraft(NINE, 30, patient_id=first.id))
    assert bookings.bookings_between(database, doctor, at(-1), at(1)) == [made]


def test_a_booking_outside_the_opening_hours_is_made_with_a_warning(database, manager, desk):
    from desktop_app.services.opening_hours import DEFAULT, set_opening_hours

    people, *_rest, first, _second = desk
    set_opening_hours(database, manager, DEFAULT)  # 09:00–21:00
    front = people[Role.RECEPTIONIST]
    early = bookings.book(database, front, BookingDraft(at(-1), 30, patient_id=first.id))
    assert early.outside == "early"
    fine = bookings.move(database, front, early.id, early.version, at(1), 30)
    assert fine.outside is None
