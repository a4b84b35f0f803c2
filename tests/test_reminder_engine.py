"""The rule engine: every trigger kind, series offsets, rescheduling, cancellation, the
"not reached" retries and the adverse-reaction escalation, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from desktop_app.models import Reminder, ReminderStatus, Trigger
from desktop_app.services import reminders
from desktop_app.services.context import unit_of_work


def open_reminders(database, patient_id):
    with unit_of_work(database, write=False) as session:
        return session.scalars(
            sa.select(Reminder)
            .where(Reminder.patient_id == patient_id, Reminder.status == ReminderStatus.OPEN)
            .order_by(Reminder.due_on, Reminder.reason)
        ).all()


def test_a_filler_treatment_makes_the_post_op_series(database, nurse, patient, filler):
    today = dt.date.today()
    made = [r for r in open_reminders(database, patient.id) if r.trigger == Trigger.TREATMENT]
    assert [(r.due_on - today).days for r in made] == [1, 3, 7, 30]
    assert {r.assignee_id for r in made} == {nurse.staff_id}
    assert all(r.reason == "注射术后回访 · 玻尿酸填充" for r in made)
    rows = reminders.due_reminders(database, nurse, section=reminders.Section.UPCOMING)
    assert [r.step for r in rows] == [1, 3, 7]
