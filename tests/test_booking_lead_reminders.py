"""Leads (booked by name and mobile, not registered) get the booking calls too: the
day-before confirmation call on the receptionists' list, the no-show's rebooking call for
the inviting consultant, calls recorded on them, and all of it becoming the patient's when
the lead arrives; the command line and the station's offline copy show lead rows.
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
import sqlalchemy as sa

from desktop_app import cli_reminders
from desktop_app.models import FollowUp, Reaction, Reminder, ReminderStatus, Role, Trigger
from desktop_app.services import booking_arrivals, bookings, reminders
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.context import unit_of_work
from desktop_app.services.reminder_cache import ReminderCache, put_rows
from desktop_app.services.reminders import CallOutcome, Scope, Section
from desktop_app.services.staff import NewStaff, create_staff
from tests.test_booking_arrivals import nine
from tests.test_booking_arrivals import reminders as made_for
from tests.test_cli import clinic_desk

PASSWORD = "correct horse battery"
LEAD, MOBILE = "王小美", "+8613700002222"


@pytest.fixture(autouse=True)
def _midday(local_midday):
    """Today, yesterday and tomorrow stay put while a test runs."""


@pytest.fixture
def people(database, manager):
    return {
        name: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.RECEPTIONIST, "front", "前台小王"),
            (Role.CONSULTANT, "lily", "莉莉"),
            (Role.DOCTOR, "drwang", "王医生"),
        )
    }


def book_lead(database, actor, starts_at, **kw):
    draft = BookingDraft(starts_at, 30, lead_name=LEAD, lead_mobile="137 0000 2222", **kw)
    return bookings.book(database, actor, draft)


def follow_ups(database, reminder_id):
    with unit_of_work(database, write=False) as session:
        found = session.scalars(sa.select(FollowUp).where(FollowUp.reminder_id == reminder_id))
        return [(f.patient_id, f.reached) for f in found]


def test_a_leads_booking_gets_its_confirmation_call_on_the_receptionists_list(database, people):
    front, lily = people["front"], people["lily"]
    today = dt.date.today()
    made = book_lead(database, lily, nine(1))
    [call] = made_for(database, made.id, Trigger.CONFIRM_BOOKING)
    assert (call.patient_id, call.lead_name, call.lead_mobile) == (None, LEAD, MOBILE)

    [row] = reminders.due_reminders(database, front, scope=Scope.ROLE, section=Section.TODAY)
    assert (row.id, row.patient_id, row.record_no) == (call.id, None, None)
    assert (row.patient_name, row.mobile, row.is_lead) == (LEAD, MOBILE, True)
    assert reminders.get_reminder(database, front, call.id) == row

    moved = bookings.move(database, front, made.id, made.version, nine(2), 30, "改天")
    [call] = made_for(database, made.id, Trigger.CONFIRM_BOOKING)  # the same call, moved
    assert (call.due_on, call.status) == (today + dt.timedelta(days=1), ReminderStatus.OPEN)
    bookings.move(database, front, moved.id, moved.version, nine(1), 30)
    [row] = reminders.due_reminders(database, front, scope=Scope.ROLE, section=Section.TODAY)
    assert row.patient_name == LEAD

    applied = reminders.record_call(database, front, row.id, row.version, CallOutcome(True))
    assert applied.status == ReminderStatus.DONE
    assert follow_ups(database, row.id) == [(None, True)]


def test_a_leads_no_show_makes_the_rebooking_call_for_the_inviting_consultant(database, people):
    front, lily, doctor = people["front"], people["lily"], people["drwang"]
    made = book_lead(database, front, nine(-1), invited_by_id=lily.staff_id)
    yesterday = dt.date.today() - dt.timedelta(days=1)
    assert booking_arrivals.sweep_no_shows(database, front, yesterday) == 1
    [call] = made_for(database, made.id, Trigger.NO_SHOW)
    assert (call.assignee_id, call.assignee_role) == (lily.staff_id, Role.CONSULTANT)
    assert (call.patient_id, call.lead_name, call.lead_mobile) == (None, LEAD, MOBILE)
    [row] = reminders.due_reminders(database, lily, section=Section.TODAY)
    assert (row.id, row.patient_name, row.record_no) == (call.id, LEAD, None)

    tried = reminders.record_call(database, lily, row.id, row.version, CallOutcome(False))
    assert (tried.status, tried.attempts) == (ReminderStatus.OPEN, 1)
    # Reached with a reaction needing review: the doctors' urgent call is about the lead too.
    outcome = CallOutcome(True, "上次注射后红肿", Reaction.NEEDS_REVIEW)
    done = reminders.record_call(database, lily, row.id, tried.version, outcome)
    assert done.status == ReminderStatus.DONE and done.escalated is not None
    [urgent] = reminders.due_reminders(database, doctor, scope=Scope.ROLE, section=Section.TODAY)
    assert (urgent.id, urgent.patient_name, urgent.record_no) == (done.escalated, LEAD, None)
    assert follow_ups(database, row.id) == [(None, False), (None, True)]


def test_arrival_makes_the_leads_reminders_and_calls_the_patients(database, people):
    front, lily = people["front"], people["lily"]
    missed = book_lead(database, front, nine(-1), invited_by_id=lily.staff_id)
    booking_arrivals.sweep_no_shows(database, front, dt.date.today() - dt.timedelta(days=1))
    [call] = made_for(database, missed.id, Trigger.NO_SHOW)
    reminders.record_call(database, lily, call.id, call.version, CallOutcome(False))
    rebooked = book_lead(database, lily, nine(0, 60))

    came = booking_arrivals.arrive(database, front, rebooked.id, rebooked.version, nine(0, 61))
    patient_id = came.booking.patient_id
    assert patient_id is not None and not came.linked_existing
    [call] = made_for(database, missed.id, Trigger.NO_SHOW)
    assert (call.patient_id, call.status) == (patient_id, ReminderStatus.OPEN)
    assert follow_ups(database, call.id) == [(patient_id, False)]
    [row] = reminders.due_reminders(database, lily, section=Section.UPCOMING)  # tried today
    assert (row.patient_id, row.is_lead, row.patient_name) == (patient_id, False, LEAD)
    assert row.record_no  # the new record's number


def test_the_command_line_lists_a_lead_with_no_record_number(database, people):
    book_lead(database, people["lily"], nine(1))
    url = database.url.render_as_string(hide_password=False)
    base = ("--database-url", url, "reminders", "due", "--date", dt.date.today().isoformat())
    result = clinic_desk(*base, "--json")
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert list(row) == list(cli_reminders.COLUMNS)
    assert (row["record_no"], row["patient_name"], row["assignee"]) == (
        None,
        LEAD,
        "receptionist",
    )
    table = clinic_desk(*base)
    assert table.returncode == 0, table.stderr
    assert "(lead)" in table.stdout.splitlines()[1] and "None" not in table.stdout


def test_the_offline_copy_keeps_a_lead_row(database, people, tmp_path):
    book_lead(database, people["lily"], nine(1))
    [row] = reminders.due_reminders(
        database, people["front"], scope=Scope.ROLE, section=Section.TODAY
    )
    cache = ReminderCache(tmp_path / "offline.sqlite3")
    with cache.writing() as connection:
        put_rows(connection, [row])
    assert ReminderCache(tmp_path / "offline.sqlite3").rows() == [row]


def test_an_offline_copy_from_before_leads_keeps_its_rows(database, people, tmp_path):
    """A version 1 file (patient_id NOT NULL) is converted in place, its rows kept."""
    book_lead(database, people["lily"], nine(1))
    [row] = reminders.due_reminders(
        database, people["front"], scope=Scope.ROLE, section=Section.TODAY
    )
    path = tmp_path / "offline.sqlite3"
    ReminderCache(path)
    with sqlite3.connect(path) as connection:  # as version 1 made it
        connection.execute("DROP TABLE reminders")
        connection.execute(
            "CREATE TABLE reminders (id TEXT PRIMARY KEY, patient_id TEXT NOT NULL, "
            "record_no TEXT NOT NULL, patient_name TEXT NOT NULL, mobile TEXT NOT NULL, "
            "reason TEXT NOT NULL, trigger TEXT NOT NULL, step INTEGER NOT NULL, "
            "due_on TEXT NOT NULL, priority TEXT NOT NULL, assignee_id TEXT, "
            "assignee_name TEXT NOT NULL, assignee_role TEXT, attempts INTEGER NOT NULL, "
            "max_attempts INTEGER NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, "
            "script TEXT NOT NULL)"
        )
        connection.execute(
            "INSERT INTO reminders VALUES ('7e0e4c2a-58a5-4c55-8e0b-3c4b8f1a9d10', "
            "'1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', '000001', '张三丰', '', '复查', "
            "'manual', 0, '2026-11-24', 'normal', NULL, '', 'nurse', 0, 3, 'open', 1, '')"
        )
        connection.execute("PRAGMA user_version = 1")
    cache = ReminderCache(path)
    with cache.writing() as connection:
        put_rows(connection, [row])
    assert sorted(r.patient_name for r in cache.rows()) == sorted(["张三丰", LEAD])
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone() == (2,)


def test_a_reminder_is_about_a_patient_or_a_lead(database, people):
    """The database refuses a reminder about nobody."""
    with pytest.raises(sa.exc.IntegrityError), unit_of_work(database) as session:
        session.add(
            Reminder(
                trigger=Trigger.MANUAL,
                reason="?",
                scheduled_on=dt.date.today(),
                due_on=dt.date.today(),
                assignee_role=Role.MANAGER,
            )
        )
        session.flush()
