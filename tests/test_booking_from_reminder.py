""" "Book now" on a reminder (issue 9): a course session due books the course's item for
the patient, a no-show's rebooking call the missed booking's item (for a lead, by name and
mobile), a post-op call only the patient; a doctor, who does not book, is refused. The
panel's B key opens the appointment book's dialog filled in."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa

from desktop_app.models import Reminder, Role, Trigger
from desktop_app.models.base import utcnow
from desktop_app.services import booking_arrivals, bookings, plans, treatments
from desktop_app.services.booking_from_reminder import BookNow, book_now
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.staff import NewStaff, create_staff

PASSWORD = "correct horse battery"


def reminder_of(database, trigger, source_id=None):
    with unit_of_work(database, write=False) as session:
        query = sa.select(Reminder.id).where(Reminder.trigger == trigger)
        if source_id is not None:
            query = query.where(Reminder.source_id == source_id)
        return session.scalars(query).one()


@pytest.fixture
def front(database, manager):
    return create_staff(database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, PASSWORD))


def test_a_course_session_due_books_the_courses_item(database, manager, nurse, patient, front):
    plans.create_plan(database, manager, patient.id, [plans.PlanLine("光子嫩肤", "2400", 3)])
    (course,) = plans.courses_of(database, manager, patient.id)
    draft = treatments.TreatmentDraft("光子嫩肤", utcnow(), course_id=course.id)
    treatments.record_treatment(database, nurse, patient.id, draft)

    what = book_now(database, front, reminder_of(database, Trigger.COURSE_DUE))

    assert what == BookNow(patient.id, patient.record_no, "张三丰", "", "光子嫩肤")
    # The nurse whose call it is books too; a doctor sees the book but does not book.
    assert book_now(database, nurse, reminder_of(database, Trigger.COURSE_DUE)) == what
    doctor = create_staff(database, manager, NewStaff("dr", "王医生", Role.DOCTOR, PASSWORD))
    with pytest.raises(PermissionDeniedError):
        book_now(database, doctor, reminder_of(database, Trigger.COURSE_DUE))
    # A birthday greeting knows the patient but books no particular item.
    greeting = reminder_of(database, Trigger.BIRTHDAY)
    assert book_now(database, front, greeting) == BookNow(
        patient.id, patient.record_no, "张三丰", "", None
    )


def test_a_no_show_rebooks_the_missed_item_for_a_patient_or_a_lead(
    database, manager, patient, front
):
    yesterday = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(10)).astimezone(
        dt.UTC
    )
    missed = bookings.book(
        database, front, BookingDraft(yesterday, 30, patient_id=patient.id, item="光子嫩肤")
    )
    lead = bookings.book(
        database,
        front,
        BookingDraft(yesterday + dt.timedelta(hours=2), 30, lead_name="王小美",
                     lead_mobile="13700002222", item="水光针"),
    )  # fmt: skip
    booking_arrivals.sweep_no_shows(database, front, yesterday.astimezone().date())

    mine = book_now(database, front, reminder_of(database, Trigger.NO_SHOW, missed.id))
    theirs = book_now(database, front, reminder_of(database, Trigger.NO_SHOW, lead.id))

    assert (mine.patient_id, mine.item) == (patient.id, "光子嫩肤")
    assert theirs == BookNow(None, None, "王小美", "+8613700002222", "水光针")


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)
def test_b_on_a_course_reminder_opens_the_booking_dialog_filled_in(
    qtbot, database, manager, nurse, patient
):
    from PySide6.QtCore import Qt

    from desktop_app.station import StationSettings
    from desktop_app.ui.tasks import SyncRunner
    from desktop_app.ui.workspace import BOOKINGS, REMINDERS, Workspace

    plans.create_plan(database, manager, patient.id, [plans.PlanLine("光子嫩肤", "2400", 3)])
    (course,) = plans.courses_of(database, manager, patient.id)
    month_ago = utcnow() - dt.timedelta(days=30)  # the next session was due two days ago
    draft = treatments.TreatmentDraft("光子嫩肤", month_ago, course_id=course.id)
    treatments.record_treatment(database, nurse, patient.id, draft)
    create_staff(database, manager, NewStaff("dr", "王医生", Role.DOCTOR, PASSWORD))
    workspace = Workspace(StationSettings(), SyncRunner())
    qtbot.addWidget(workspace)
    workspace.resize(1400, 900)
    workspace.show()
    workspace.bind(database, nurse)
    workspace.show_section(REMINDERS)
    page = workspace.reminders_page
    qtbot.waitUntil(lambda: any(r.trigger == Trigger.COURSE_DUE for r in page.model.rows))
    line = next(i for i, r in enumerate(page.model.rows) if r.trigger == Trigger.COURSE_DUE)
    page.select(line)
    assert page.buttons["remindersBook"].isEnabled()

    qtbot.keyClick(page.table, Qt.Key.Key_B)

    assert workspace.pages.currentIndex() == BOOKINGS
    dialog = workspace.bookings_page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.patient is not None and dialog.patient.id == patient.id
    assert dialog.item.currentData() == "光子嫩肤"
    dialog.save_button.click()
    assert not dialog.isVisible()
    [made] = bookings.bookings_between(
        database, nurse, utcnow() - dt.timedelta(days=1), utcnow() + dt.timedelta(days=2)
    )
    assert (made.patient_id, made.item) == (patient.id, "光子嫩肤")
    assert "张三丰" in workspace.bookings_page.message.text()
