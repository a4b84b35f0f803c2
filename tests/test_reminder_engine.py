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


# --- helpers -----------------------------------------------------------------------------------

import uuid  # noqa: E402

import pytest  # noqa: E402

from desktop_app.models import (  # noqa: E402
    AuditEvent,
    FollowUp,
    Outcome,
    Patient,
    Priority,
    Reaction,
    Role,
    Treatment,
)
from desktop_app.models.base import utcnow  # noqa: E402
from desktop_app.services import (  # noqa: E402
    consultations,
    patients,
    plans,
    queue,
    reminder_rules,
    treatments,
)
from desktop_app.services.errors import PermissionDeniedError, ValidationError  # noqa: E402
from desktop_app.services.intake import PatientDraft  # noqa: E402
from desktop_app.services.reminders import CallOutcome, ReminderChangedError  # noqa: E402
from desktop_app.services.staff import NewStaff, create_staff  # noqa: E402

PASSWORD = "correct horse battery"


def staff(database, manager, username, role):
    return create_staff(database, manager, NewStaff(username, username.title(), role, PASSWORD))


def all_reminders(database, patient_id, trigger=None):
    with unit_of_work(database, write=False) as session:
        query = sa.select(Reminder).where(Reminder.patient_id == patient_id)
        if trigger is not None:
            query = query.where(Reminder.trigger == trigger)
        return session.scalars(query.order_by(Reminder.due_on, Reminder.step)).all()


def treat(database, actor, patient_id, item, *, course_id=None, when=None):
    draft = treatments.TreatmentDraft(item, when or utcnow(), course_id=course_id)
    return treatments.record_treatment(database, actor, patient_id, draft).treatment_id


def rule_named(database, manager, name):
    return next(r for r in reminder_rules.list_rules(database, manager) if r.name == name)


# --- triggers -------------------------------------------------------------------------------


def test_an_item_rule_and_its_category_rule_both_fire(database, nurse, patient):
    treat(database, nurse, patient.id, "水光针")
    made = all_reminders(database, patient.id, Trigger.TREATMENT)
    today = dt.date.today()
    by_reason = sorted(((r.due_on - today).days, r.reason) for r in made)
    assert by_reason == [
        (1, "注射术后回访 · 水光针"),
        (3, "注射术后回访 · 水光针"),
        (7, "注射术后回访 · 水光针"),
        (28, "水光针复购提醒 · 水光针"),
        (30, "注射术后回访 · 水光针"),
    ]
    repurchase = next(r for r in made if r.step == 28)
    assert repurchase.assignee_id is None and repurchase.assignee_role == Role.CONSULTANT
    assert {r.priority for r in made if r.step != 28} == {Priority.HIGH}


def test_no_deal_asks_for_a_revisit_and_a_deal_cancels_it(database, manager, patient):
    consultant = staff(database, manager, "guwen", Role.CONSULTANT)
    visit = queue.check_in(database, manager, patient.id)
    draft = consultations.ConsultationDraft(
        outcome=Outcome.THINKING, no_deal_reason=consultations.NoDealReason.PRICE
    )
    record = consultations.record_consultation(database, consultant, visit.visit_id, draft)
    (revisit,) = all_reminders(database, patient.id, Trigger.NO_DEAL)
    assert revisit.due_on == dt.date.today() + dt.timedelta(days=3)
    assert revisit.assignee_id == consultant.staff_id
    assert revisit.status == ReminderStatus.OPEN

    dealt = consultations.ConsultationDraft(outcome=Outcome.DEAL)
    consultations.update_consultation(database, consultant, record.id, record.version, dealt)
    (kept,) = all_reminders(database, patient.id, Trigger.NO_DEAL)  # cancelled, not deleted
    assert kept.id == revisit.id
    assert (kept.status, kept.close_reason) == (ReminderStatus.CANCELLED, "deal")


def test_a_course_session_reschedules_the_next_one_until_the_course_ends(
    database, manager, nurse, patient
):
    plans.create_plan(database, manager, patient.id, [plans.PlanLine("光子嫩肤", "2400", 3)])
    (course,) = plans.courses_of(database, manager, patient.id)
    first_day = utcnow() - dt.timedelta(days=30)
    treat(database, nurse, patient.id, "光子嫩肤", course_id=course.id, when=first_day)
    (due,) = all_reminders(database, patient.id, Trigger.COURSE_DUE)
    assert due.due_on == first_day.astimezone().date() + dt.timedelta(days=28)
    assert (due.step, due.status) == (1, ReminderStatus.OPEN)

    treat(database, nurse, patient.id, "光子嫩肤", course_id=course.id)
    (moved,) = all_reminders(database, patient.id, Trigger.COURSE_DUE)
    assert moved.id == due.id  # the same reminder, rescheduled
    assert (moved.step, moved.due_on) == (2, dt.date.today() + dt.timedelta(days=28))

    treat(database, nurse, patient.id, "光子嫩肤", course_id=course.id)
    (finished,) = all_reminders(database, patient.id, Trigger.COURSE_DUE)
    assert (finished.status, finished.close_reason) == (ReminderStatus.CANCELLED, "course_finished")


def test_a_birthday_greeting_follows_the_birth_date(database, manager):
    today = dt.date.today()
    soon = today + dt.timedelta(days=5)
    born = dt.date(1990, soon.month, min(soon.day, 28))
    record = patients.register_patient(database, manager, PatientDraft("寿星", birth_date=born))
    (greeting,) = all_reminders(database, record.id, Trigger.BIRTHDAY)
    assert greeting.due_on == reminder_engine_next(born, today)
    d = greeting.due_on
    assert greeting.step == d.year * 10_000 + d.month * 100 + d.day
    assert greeting.assignee_role == Role.CONSULTANT

    later = today + dt.timedelta(days=9)  # often the same year: a new greeting all the same
    corrected = dt.date(1991, later.month, min(later.day, 28))
    patients.update_patient(
        database, manager, record.id, record.version, PatientDraft("寿星", birth_date=corrected)
    )
    old, new = sorted(all_reminders(database, record.id, Trigger.BIRTHDAY), key=lambda r: r.status)
    assert (old.id, old.status, old.close_reason) == (
        greeting.id,
        ReminderStatus.CANCELLED,
        "rescheduled",
    )
    assert new.status == ReminderStatus.OPEN
    assert new.due_on == reminder_engine_next(corrected, today)


def reminder_engine_next(born, today):
    from desktop_app.services.reminder_engine import next_birthday

    return next_birthday(born, today)


def test_next_birthday_on_29_february():
    from desktop_app.services.reminder_engine import next_birthday

    assert next_birthday(dt.date(2000, 2, 29), dt.date(2027, 1, 10)) == dt.date(2027, 2, 28)
    assert next_birthday(dt.date(2000, 2, 29), dt.date(2027, 3, 1)) == dt.date(2028, 2, 29)
    assert next_birthday(dt.date(1990, 6, 1), dt.date(2027, 6, 1)) == dt.date(2027, 6, 1)


def test_days_since_the_last_visit_start_again_at_each_visit(database, manager, patient):
    rule = rule_named(database, manager, "久未到院回访")
    assert not rule.active  # shipped switched off
    draft = reminder_rules.RuleDraft(rule.name, rule.trigger, "90", active=True)
    reminder_rules.save_rule(database, manager, draft, rule.id, rule.version)
    first = utcnow() - dt.timedelta(days=10)
    visit = queue.check_in(database, manager, patient.id, now=first)
    (waiting,) = all_reminders(database, patient.id, Trigger.SINCE_LAST_VISIT)
    assert waiting.due_on == first.astimezone().date() + dt.timedelta(days=90)
    assert waiting.source_id == visit.visit_id
    queue.move(database, manager, visit.visit_id, visit.version, queue.VisitStatus.LEFT)
    second = queue.check_in(database, manager, patient.id)
    (moved,) = all_reminders(database, patient.id, Trigger.SINCE_LAST_VISIT)
    assert moved.id == waiting.id and moved.source_id == second.visit_id
    assert moved.due_on == dt.date.today() + dt.timedelta(days=90)


def test_a_manual_reminder_goes_to_its_author_unless_given(database, manager, nurse, patient):
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    mine = reminders.add_manual(database, nurse, patient.id, tomorrow, "  问一下  复诊时间 ")
    theirs = reminders.add_manual(database, nurse, patient.id, tomorrow, "复查", role=Role.DOCTOR)
    by_id = {r.id: r for r in all_reminders(database, patient.id, Trigger.MANUAL)}
    assert (by_id[mine].reason, by_id[mine].assignee_id) == ("问一下 复诊时间", nurse.staff_id)
    assert (by_id[theirs].assignee_id, by_id[theirs].assignee_role) == (None, Role.DOCTOR)
    with pytest.raises(ValidationError) as empty:
        reminders.add_manual(database, nurse, patient.id, tomorrow, "   ")
    with pytest.raises(ValidationError) as past:
        reminders.add_manual(database, nurse, patient.id, tomorrow - dt.timedelta(days=2), "x")
    assert (empty.value.field, past.value.field) == ("reason", "due_on")


def test_a_cancelled_treatment_cancels_its_open_reminders_only(database, nurse, patient, filler):
    made = all_reminders(database, patient.id, Trigger.TREATMENT)
    first = made[0]
    reminders.record_call(database, nurse, first.id, first.version, CallOutcome(True))
    with unit_of_work(database, write=False) as session:
        version = session.get(Treatment, filler).version
    treatments.cancel_treatment(database, nurse, filler, version, "录错了病人")
    after = {r.id: r for r in all_reminders(database, patient.id, Trigger.TREATMENT)}
    assert len(after) == 4  # nothing deleted
    assert after[first.id].status == ReminderStatus.DONE  # the call made stays made
    assert {(r.status, r.close_reason) for i, r in after.items() if i != first.id} == {
        (ReminderStatus.CANCELLED, "treatment_cancelled")
    }
    with unit_of_work(database, write=False) as session:
        cancelled = session.get(Treatment, filler)
        assert cancelled.cancelled_at is not None and cancelled.cancel_reason == "录错了病人"
    with pytest.raises(ValidationError):
        treatments.cancel_treatment(database, nurse, filler, cancelled.version, "again")


def test_a_cancelled_course_treatment_gives_the_session_back(database, manager, nurse, patient):
    plans.create_plan(database, manager, patient.id, [plans.PlanLine("光子嫩肤", "2400", 3)])
    (course,) = plans.courses_of(database, manager, patient.id)
    done = treat(database, nurse, patient.id, "光子嫩肤", course_id=course.id)
    with unit_of_work(database, write=False) as session:
        version = session.get(Treatment, done).version
    treatments.cancel_treatment(database, nurse, done, version, "not done")
    (course,) = plans.courses_of(database, manager, patient.id)
    assert course.sessions_used == 0


# --- working the reminders ---------------------------------------------------------------------


def test_not_reached_is_tried_again_tomorrow_until_the_tries_are_used(
    database, nurse, patient, filler
):
    reminder = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    today = dt.date.today()
    version = reminder.version
    for attempt in (1, 2):
        applied = reminders.record_call(database, nurse, reminder.id, version, CallOutcome(False))
        assert (applied.status, applied.attempts) == (ReminderStatus.OPEN, attempt)
        assert applied.due_on == max(reminder.due_on, today + dt.timedelta(days=1))
        version = applied.version
    last = reminders.record_call(database, nurse, reminder.id, version, CallOutcome(False))
    assert (last.status, last.attempts) == (ReminderStatus.DONE, 3)
    with unit_of_work(database, write=False) as session:
        closed = session.get(Reminder, reminder.id)
        assert closed.close_reason == "unreachable"
        calls = session.scalars(
            sa.select(FollowUp).where(FollowUp.reminder_id == reminder.id)
        ).all()
    assert [c.reached for c in calls] == [False, False, False]


def test_a_reaction_needing_review_escalates_to_the_doctor(database, manager, nurse, patient):
    doctor = staff(database, manager, "yisheng", Role.DOCTOR)
    visit = queue.check_in(database, manager, patient.id)
    queue.assign(
        database,
        manager,
        visit.visit_id,
        visit.version,
        consultant_id=None,
        doctor_id=doctor.staff_id,
        room=None,
    )
    draft = treatments.TreatmentDraft("玻尿酸填充", utcnow(), visit_id=visit.visit_id)
    treatments.record_treatment(database, nurse, patient.id, draft)
    call = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    outcome = CallOutcome(True, "左侧唇部肿胀明显", Reaction.NEEDS_REVIEW, 2, "明天来院复查")
    applied = reminders.record_call(database, nurse, call.id, call.version, outcome)
    (urgent,) = all_reminders(database, patient.id, Trigger.ADVERSE_REACTION)
    assert applied.escalated == urgent.id
    assert (urgent.assignee_id, urgent.priority) == (doctor.staff_id, Priority.URGENT)
    assert urgent.due_on == dt.date.today() and urgent.status == ReminderStatus.OPEN
    assert "玻尿酸填充" in urgent.reason
    with unit_of_work(database, write=False) as session:
        (follow_up,) = session.scalars(sa.select(FollowUp)).all()
    assert (follow_up.reaction, follow_up.satisfaction) == (Reaction.NEEDS_REVIEW, 2)
    assert urgent.source_id == follow_up.id
    rows = reminders.due_reminders(database, doctor, section=reminders.Section.TODAY)
    assert [r.id for r in rows] == [urgent.id]


def test_a_change_sent_twice_is_applied_once(database, nurse, patient, filler):
    reminder = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    key = uuid.uuid4()
    at = utcnow() - dt.timedelta(hours=3)
    first = reminders.record_call(
        database, nurse, reminder.id, reminder.version, CallOutcome(True, "好"), key=key, at=at
    )
    again = reminders.record_call(
        database, nurse, reminder.id, reminder.version, CallOutcome(True, "好"), key=key, at=at
    )
    assert not first.repeated and again.repeated and again.version == first.version
    with unit_of_work(database, write=False) as session:
        (call,) = session.scalars(sa.select(FollowUp)).all()
        assert call.called_at == at  # the original time, not when it arrived
        audited = session.scalar(
            sa.select(sa.func.count()).where(
                AuditEvent.action == "call", AuditEvent.entity_id == str(reminder.id)
            )
        )
    assert audited == 1


def test_a_stale_change_is_a_conflict_holding_the_servers_row(
    database, manager, nurse, patient, filler
):
    reminder = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    later = dt.date.today() + dt.timedelta(days=5)
    reminders.snooze(database, manager, reminder.id, reminder.version, later)
    with pytest.raises(ReminderChangedError) as stale:
        reminders.record_call(database, nurse, reminder.id, reminder.version, CallOutcome(True))
    assert stale.value.changed_by == "Boss" or stale.value.changed_by
    assert stale.value.current.due_on == later
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0
    # A person chose to keep the call anyway: recorded, and the reminder closes.
    kept = reminders.record_call(database, nurse, reminder.id, None, CallOutcome(True))
    assert kept.status == ReminderStatus.DONE


def test_nobody_works_a_reminder_that_is_not_theirs(database, manager, nurse, patient, filler):
    consultant = staff(database, manager, "guwen", Role.CONSULTANT)
    reminder = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    with pytest.raises(PermissionDeniedError):
        reminders.record_call(
            database, consultant, reminder.id, reminder.version, CallOutcome(True)
        )
    with pytest.raises(PermissionDeniedError):
        reminders.due_reminders(database, nurse, scope=reminders.Scope.EVERYONE)
    with unit_of_work(database, write=False) as session:
        denied = session.scalar(sa.select(sa.func.count()).where(AuditEvent.action == "denied"))
        assert session.scalar(sa.select(sa.func.count()).select_from(FollowUp)) == 0
    assert denied == 2


def test_outcome_rules_are_checked_before_anything_is_saved(database, nurse, patient, filler):
    reminder = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    for outcome, field in (
        (CallOutcome(True, satisfaction=6), "satisfaction"),
        (CallOutcome(False, reaction=Reaction.MILD), "reached"),
        (CallOutcome(True, notes="x" * 2001), "notes"),
    ):
        with pytest.raises(ValidationError) as error:
            reminders.record_call(database, nurse, reminder.id, reminder.version, outcome)
        assert error.value.field == field
    with unit_of_work(database, write=False) as session:
        assert session.get(Reminder, reminder.id).version == reminder.version


def test_sections_counts_and_scopes(database, manager, nurse, patient, filler):
    today = dt.date.today()
    later = today + dt.timedelta(days=40)  # inside nobody's horizon: the day-30 call moves out
    counts = reminders.counts(database, nurse, today=today + dt.timedelta(days=3))
    assert counts == {
        reminders.Section.OVERDUE: 1,  # day 1
        reminders.Section.TODAY: 1,  # day 3
        reminders.Section.UPCOMING: 1,  # day 7 (day 30 is past the 14-day horizon)
    }
    overdue = reminders.due_reminders(
        database, nurse, section=reminders.Section.OVERDUE, today=today + dt.timedelta(days=3)
    )
    assert [r.days_overdue(today + dt.timedelta(days=3)) for r in overdue] == [2]
    assert overdue[0].mobile == "+8613800131234" and overdue[0].record_no == patient.record_no
    assert "疼痛" in overdue[0].script
    role_rows = reminders.due_reminders(
        database,
        manager,
        scope=reminders.Scope.EVERYONE,
        section=reminders.Section.UPCOMING,
        horizon=60,
    )
    assert len(role_rows) == 4
    assert later  # (kept for clarity of the horizon comment)


def test_sweep_greets_birthdays_of_patients_loaded_without_the_rule(database, manager):
    today = dt.date.today()
    soon = today + dt.timedelta(days=3)
    with unit_of_work(database) as session:  # as a bulk import would: no engine call
        session.add(
            Patient(
                record_no="X1",
                name="导入的",
                birth_date=dt.date(1985, soon.month, min(soon.day, 28)),
            )
        )
    assert reminders.sweep(database, manager, today) == 1
    assert reminders.sweep(database, manager, today) == 0


def test_the_record_is_flagged_until_the_doctor_has_reviewed(
    database, manager, nurse, patient, filler
):
    from desktop_app.services.record_header import record_header

    call = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    assert record_header(database, nurse, patient.id).review_needed is False
    outcome = CallOutcome(True, "红肿", Reaction.NEEDS_REVIEW)
    reminders.record_call(database, nurse, call.id, call.version, outcome)
    assert record_header(database, nurse, patient.id).review_needed is True
    reception = staff(database, manager, "qiantai", Role.RECEPTIONIST)
    assert record_header(database, reception, patient.id).review_needed is None
    doctor = staff(database, manager, "yisheng", Role.DOCTOR)
    (review,) = reminders.due_reminders(database, doctor, scope=reminders.Scope.ROLE)
    reminders.record_call(database, doctor, review.id, review.version, CallOutcome(True, "已复查"))
    assert record_header(database, nurse, patient.id).review_needed is False


def test_the_daily_sweep_runs_once_a_day_and_keeps_overdue_greetings(database, manager):
    today = dt.date.today()
    yesterday, soon = today - dt.timedelta(days=1), today + dt.timedelta(days=2)
    with unit_of_work(database) as session:
        session.add_all(
            [
                Patient(
                    record_no="X1",
                    name="昨天生日",
                    birth_date=dt.date(1985, yesterday.month, min(yesterday.day, 28)),
                ),
                Patient(
                    record_no="X2",
                    name="后天生日",
                    birth_date=dt.date(1986, soon.month, min(soon.day, 28)),
                ),
            ]
        )
    assert reminders.sweep(database, manager, yesterday, daily=True) == 2
    assert reminders.sweep(database, manager, yesterday, daily=True) == 0  # done for the day
    assert reminders.sweep(database, manager, today, daily=True) == 0  # next year's: later
    with unit_of_work(database, write=False) as session:
        overdue = session.scalars(
            sa.select(Reminder)
            .join(Patient, Patient.id == Reminder.patient_id)
            .where(Patient.record_no == "X1")
        ).all()
    assert [r.status for r in overdue] == [ReminderStatus.OPEN]  # overdue, not cancelled


def test_the_escalation_is_built_in_when_the_clinic_switched_its_rule_off(
    database, manager, nurse, patient, filler
):
    rule = rule_named(database, manager, "不良反应复查")
    off = reminder_rules.RuleDraft(rule.name, rule.trigger, rule.offsets, active=False)
    reminder_rules.save_rule(database, manager, off, rule.id, rule.version)
    call = all_reminders(database, patient.id, Trigger.TREATMENT)[0]
    outcome = CallOutcome(True, "红肿", Reaction.NEEDS_REVIEW)
    reminders.record_call(database, nurse, call.id, call.version, outcome)
    (urgent,) = all_reminders(database, patient.id, Trigger.ADVERSE_REACTION)
    assert (urgent.rule_id, urgent.priority, urgent.status) == (
        None,
        Priority.URGENT,
        ReminderStatus.OPEN,
    )
    assert (urgent.assignee_id, urgent.assignee_role) == (None, Role.DOCTOR)
    assert urgent.reason == call.reason and urgent.due_on == dt.date.today()
