"""Demo data's reminders and follow-up calls (issue 8): made by the clinic's own rules from
the generated record, the past ones worked, the future ones open, the panel reading them."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    Consultation,
    Course,
    FollowUp,
    Outcome,
    Patient,
    Priority,
    Reaction,
    Reminder,
    ReminderRule,
    ReminderStatus,
    Role,
    Treatment,
    TreatmentItem,
    Trigger,
    Visit,
)
from desktop_app.services import reminder_rules, reminders
from desktop_app.services.context import unit_of_work
from desktop_app.services.demo_data import load_demo_data
from desktop_app.services.demo_reminders import STILL_OVERDUE_DAYS
from desktop_app.services.reminder_engine import parse_offsets
from desktop_app.services.reminders import CLOSED_UNREACHABLE, Scope, Section

TODAY = dt.date(2026, 11, 23)
PATIENTS = 150


@pytest.fixture
def demo(database, manager):
    result = load_demo_data(database, manager, PATIENTS, seed=7, today=TODAY)
    with unit_of_work(database, write=False) as session:
        return {
            "result": result,
            "reminders": session.scalars(sa.select(Reminder)).all(),
            "follow_ups": session.scalars(sa.select(FollowUp)).all(),
            "rules": {r.id: r for r in session.scalars(sa.select(ReminderRule))},
            "treatments": {t.id: t for t in session.scalars(sa.select(Treatment))},
            "items": {i.id: i for i in session.scalars(sa.select(TreatmentItem))},
        }


def test_about_ten_reminders_a_patient_of_every_kind(demo):
    made = demo["reminders"]
    assert demo["result"].reminders == {
        "reminders": len(made),
        "follow_ups": len(demo["follow_ups"]),
    }
    assert 6 * PATIENTS <= len(made) <= 14 * PATIENTS
    kinds = Counter(r.trigger for r in made)
    for trigger in (Trigger.TREATMENT, Trigger.NO_DEAL, Trigger.COURSE_DUE, Trigger.BIRTHDAY):
        assert kinds[trigger] > PATIENTS // 10, kinds
    by_hand = [r for r in made if r.trigger == Trigger.MANUAL]  # written by consultants
    assert len(by_hand) > PATIENTS // 10
    assert all(r.rule_id is None and r.source_id is None for r in by_hand)
    assert all(r.assignee_id and r.assignee_role == Role.CONSULTANT for r in by_hand)
    assert Trigger.SINCE_LAST_VISIT not in kinds  # the seed rule is switched off


def test_treatment_reminders_follow_the_rules_offsets_from_the_treatment_day(demo):
    rules, treatments, items = demo["rules"], demo["treatments"], demo["items"]
    steps: dict[tuple, set[int]] = defaultdict(set)
    for reminder in demo["reminders"]:
        if reminder.trigger != Trigger.TREATMENT:
            continue
        rule, treatment = rules[reminder.rule_id], treatments[reminder.source_id]
        item = items[treatment.item_id]
        assert rule.item_id == item.id or rule.category == item.category
        day = treatment.started_at.astimezone().date()
        assert reminder.scheduled_on == day + dt.timedelta(days=reminder.step)
        assert reminder.patient_id == treatment.patient_id
        steps[(rule.id, treatment.id)].add(reminder.step)
    assert steps
    for (rule_id, _treatment), found in steps.items():
        assert found == set(parse_offsets(rules[rule_id].offsets))  # the whole series
    # every treatment of an injectable has its post-op series (1, 3, 7, 30)
    injected = [t for t in treatments.values() if items[t.item_id].category == "注射"]
    post_op = next(r for r in rules.values() if r.name == "注射术后回访")
    assert injected and all((post_op.id, t.id) in steps for t in injected)


def test_past_reminders_were_worked_and_future_ones_are_open(demo):
    calls = defaultdict(list)
    for call in demo["follow_ups"]:
        calls[call.reminder_id].append(call)
    overdue = 0
    for reminder in demo["reminders"]:
        mine = sorted(calls[reminder.id], key=lambda c: c.called_at)
        moved = reminder.trigger == Trigger.COURSE_DUE  # by each session: attempts start again
        if reminder.status == ReminderStatus.OPEN:
            assert reminder.due_on >= TODAY - dt.timedelta(days=STILL_OVERDUE_DAYS + 3)
            assert reminder.attempts < reminder.max_attempts
            assert reminder.attempts == len(mine) or moved
            assert all(not c.reached for c in mine)
            overdue += reminder.due_on < TODAY
        elif reminder.status == ReminderStatus.DONE:
            assert reminder.due_on < TODAY and mine
            assert mine[-1].called_at == reminder.closed_at
            assert mine[-1].called_at.date() >= reminder.scheduled_on
            assert mine[0].called_at.date() >= reminder.scheduled_on or moved
            assert reminder.version == 1 + len(mine) or moved
            if reminder.close_reason == CLOSED_UNREACHABLE:
                assert len(mine) == reminder.max_attempts and not any(c.reached for c in mine)
            else:
                assert mine[-1].reached and not any(c.reached for c in mine[:-1])
        else:  # a course finished before its next-session reminder was due
            assert reminder.trigger == Trigger.COURSE_DUE and reminder.close_reason
        if reminder.due_on >= TODAY:
            assert reminder.status != ReminderStatus.DONE
    assert overdue > 0  # a few recent ones not worked yet: the panel's overdue section


def test_call_outcomes_look_like_a_clinic_s(demo):
    follow_ups = demo["follow_ups"]
    reached = [c for c in follow_ups if c.reached]
    assert 0.7 < len(reached) / len(follow_ups) < 0.95
    assert all(c.reaction is None and c.satisfaction is None for c in follow_ups if not c.reached)
    rated = [c.satisfaction for c in reached if c.satisfaction is not None]
    assert sum(s >= 4 for s in rated) / len(rated) > 0.8
    reactions = Counter(c.reaction for c in reached)
    assert reactions[Reaction.MILD] > 0
    assert reactions[Reaction.NEEDS_REVIEW] < reactions[Reaction.MILD] < reactions[Reaction.NONE]
    reminders_by_id = {r.id: r for r in demo["reminders"]}
    escalated = {r.source_id: r for r in reminders_by_id.values()}
    for call in reached:
        if call.reaction == Reaction.NEEDS_REVIEW:
            urgent = escalated[call.id]  # the doctor's reminder made by this call
            assert urgent.trigger == Trigger.ADVERSE_REACTION
            assert urgent.priority == Priority.URGENT and urgent.assignee_role == Role.DOCTOR
            assert urgent.scheduled_on == call.called_at.astimezone().date()
            assert reminders_by_id[call.reminder_id].trigger == Trigger.TREATMENT


def test_no_deal_course_and_birthday_reminders_come_from_their_causes(database, demo):
    made = demo["reminders"]
    with unit_of_work(database, write=False) as session:
        no_deal = {
            visit_id: checked_in
            for visit_id, checked_in in session.execute(
                sa.select(Visit.id, Visit.checked_in_at)
                .join(Consultation, Consultation.visit_id == Visit.id)
                .where(Consultation.outcome != Outcome.DEAL)
            )
        }
        courses = {c.id: c for c in session.scalars(sa.select(Course))}
        births = dict(session.execute(sa.select(Patient.id, Patient.birth_date)).all())
    revisits = [r for r in made if r.trigger == Trigger.NO_DEAL]
    assert {r.source_id for r in revisits} == set(no_deal)
    for r in revisits:
        assert r.scheduled_on == no_deal[r.source_id].astimezone().date() + dt.timedelta(days=3)
        assert r.assignee_role == Role.CONSULTANT and r.assignee_id is not None
    for r in (r for r in made if r.trigger == Trigger.COURSE_DUE):
        course = courses[r.source_id]
        assert 1 <= r.step < course.sessions_total
        if r.status == ReminderStatus.OPEN:
            assert course.sessions_used < course.sessions_total
    greetings = [r for r in made if r.trigger == Trigger.BIRTHDAY]
    for r in greetings:
        born = births[r.patient_id]
        assert (r.scheduled_on.month, r.scheduled_on.day) in {
            (born.month, born.day),
            (2, 28),
        }
    per_patient = Counter(r.patient_id for r in greetings if r.status == ReminderStatus.OPEN)
    assert max(per_patient.values()) == 1  # one greeting to come at a time


def test_the_panel_reads_the_generated_reminders(database, manager, demo):
    for section in (Section.OVERDUE, Section.UPCOMING):  # few are due on one day of 150
        rows = reminders.due_reminders(
            database, manager, scope=Scope.EVERYONE, section=section, today=TODAY
        )
        assert rows, section
    counts = reminders.counts(database, manager, scope=Scope.EVERYONE, today=TODAY)
    assert counts[Section.OVERDUE] > 0 and counts[Section.UPCOMING] > 0
    due = reminders.due_on_date(database, manager, TODAY, role=Role.CONSULTANT)
    assert due and all(row.assignee_role == Role.CONSULTANT for row in due)


def test_demo_data_follows_the_clinic_s_edited_rules(database, manager):
    rows = {r.name: r for r in reminder_rules.list_rules(database, manager)}
    hydra, revisit = rows["水光针复购提醒"], rows["未成交回访"]
    draft = reminder_rules.RuleDraft(
        hydra.name, hydra.trigger, "21", item="水光针", assign_role=hydra.assign_role
    )
    reminder_rules.save_rule(database, manager, draft, hydra.id, hydra.version)
    off = reminder_rules.RuleDraft(revisit.name, revisit.trigger, revisit.offsets, active=False)
    reminder_rules.save_rule(database, manager, off, revisit.id, revisit.version)

    load_demo_data(database, manager, 60, seed=2, today=TODAY)
    with unit_of_work(database, write=False) as session:
        steps = set(session.scalars(sa.select(Reminder.step).where(Reminder.rule_id == hydra.id)))
        revisits = session.scalar(
            sa.select(sa.func.count()).where(Reminder.trigger == Trigger.NO_DEAL)
        )
    assert steps == {21} and revisits == 0
