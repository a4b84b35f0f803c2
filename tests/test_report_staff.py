"""Staff performance (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: the
answers below are counted by hand from the comments on each person's month."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    AuditEvent,
    Consultation,
    FollowUp,
    Outcome,
    Reminder,
    ReminderStatus,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    Trigger,
    Visit,
    VisitStatus,
)
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_staff import MEASURES, staff_patients, staff_performance
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local

SINCE, UNTIL = dt.date(2026, 3, 1), dt.date(2026, 3, 31)
TODAY = dt.date(2026, 4, 10)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Each person's month; the expected rows below are counted from these comments."""
    with unit_of_work(database, write=False) as session:
        item_id = session.scalars(sa.select(TreatmentItem.id).limit(1)).one()
    ids: dict[str, uuid.UUID] = {}
    for username, name, role in [
        ("li", "Li 李咨询", Role.CONSULTANT),
        ("wang", "Wang 王咨询", Role.CONSULTANT),
        ("zhang", "Zhang 张医生", Role.DOCTOR),
        ("zhao", "Zhao 赵护士", Role.NURSE),
        ("qian", "Qian 前台", Role.RECEPTIONIST),
        ("sun", "Sun 孙医生", Role.DOCTOR),
    ]:
        made = create_staff(database, manager, NewStaff(username, name, role, "correct horse 1"))
        ids[username] = made.staff_id
    for number in range(1, 7):
        record = register_patient(
            database, manager, PatientDraft(f"P{number}", mobile=f"1380000000{number}")
        )
        ids[f"P{number}"] = record.id
    with unit_of_work(database) as session:
        session.execute(sa.update(Staff).where(Staff.id == ids["wang"]).values(active=False))

    def consulted(who, patient, at, outcome, *, replaced=False, replaces=None):
        with unit_of_work(database) as session:
            visit_id = replaces.visit_id if replaces else uuid.uuid4()
            if replaces is None:  # a correction is made later, on the same visit
                session.add(
                    Visit(
                        id=visit_id,
                        patient_id=ids[patient],
                        checked_in_at=at,
                        status=VisitStatus.DONE,
                    )
                )
                session.flush()
            row = Consultation(
                id=uuid.uuid4(),
                visit_id=visit_id,
                patient_id=ids[patient],
                author_id=ids[who],
                outcome=outcome,
                replaced=replaced,
                replaces_id=replaces.id if replaces else None,
            )
            session.add(row)
            session.flush()
            session.expunge(row)
            return row

    def treated(who, patient, at, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=ids[patient],
                    item_id=item_id,
                    operator_id=ids[who],
                    started_at=at,
                    cancelled_at=at + dt.timedelta(hours=1) if cancelled else None,
                )
            )

    def call(who, patient, due, status=ReminderStatus.OPEN, closed=None, *, lead=None):
        with unit_of_work(database) as session:
            row = Reminder(
                id=uuid.uuid4(),
                patient_id=ids[patient] if patient else None,
                lead_name=lead,
                trigger=Trigger.MANUAL,
                reason="回访",
                scheduled_on=due,
                due_on=due,
                assignee_id=ids[who] if who else None,
                assignee_role=None if who else Role.CONSULTANT,
                status=status,
                closed_at=closed,
            )
            session.add(row)
            return row.id

    def rated(who, patient, at, satisfaction, reminder_id):
        with unit_of_work(database) as session:
            session.add(
                FollowUp(
                    reminder_id=reminder_id,
                    patient_id=ids[patient],
                    author_id=ids[who],
                    called_at=at,
                    reached=satisfaction is not None,
                    satisfaction=satisfaction,
                )
            )

    # Li: consultations 5 (P1 twice, P2, P3, P5's current version), deals 2 (P1, P2)
    consulted("li", "P1", local(3, 1, 0, 30), Outcome.DEAL)  # first local minutes
    consulted("li", "P1", local(3, 20), Outcome.THINKING)
    consulted("li", "P2", local(3, 5), Outcome.DEAL)
    consulted("li", "P3", local(3, 31, 23, 30), Outcome.LEFT)  # last local minutes
    consulted("li", "P4", local(2, 28, 23, 30), Outcome.DEAL)  # before the period
    first = consulted("li", "P5", local(3, 10), Outcome.DEAL, replaced=True)
    consulted("li", "P5", local(4, 2), Outcome.THINKING, replaces=first)  # 3/10's visit
    # Wang (no longer active): consultations 1, deals 1 (P6); treated 1 (P2)
    consulted("wang", "P6", local(3, 8), Outcome.DEAL)
    consulted("wang", "P2", local(4, 1, 0, 30), Outcome.DEAL)  # after the period
    treated("wang", "P2", local(3, 15))
    # Zhang: treated 2 patients (P1 twice, P6); P2's was cancelled; P3's is in April
    treated("zhang", "P1", local(3, 2))
    treated("zhang", "P1", local(3, 21))
    treated("zhang", "P2", local(3, 6), cancelled=True)
    treated("zhang", "P6", local(3, 9))
    treated("zhang", "P3", local(4, 1, 0, 30))
    # Zhao: treated 2 (P4, P5) — ties Zhang on deals and treated: by name after him
    treated("zhao", "P4", local(3, 3))
    treated("zhao", "P5", local(3, 4))
    # Sun: only after the period: not in the report
    treated("sun", "P3", local(4, 3))

    # Li's calls: on time 3 (P2 early, P3 on the local day, a lead), late 1 (P1: done
    # 00:30 local the next day, which is still the due day in UTC), open overdue 2 (P1, P2)
    r1 = call("li", "P1", dt.date(2026, 3, 3), ReminderStatus.DONE, local(3, 4, 0, 30))
    r2 = call("li", "P2", dt.date(2026, 3, 5), ReminderStatus.DONE, local(3, 3))
    r3 = call("li", "P3", dt.date(2026, 3, 6), ReminderStatus.DONE, local(3, 6, 23, 30))
    call("li", None, dt.date(2026, 3, 7), ReminderStatus.DONE, local(3, 7), lead="线索")
    call("li", "P1", dt.date(2026, 3, 25))
    call("li", "P2", dt.date(2026, 3, 31))
    call("li", "P5", dt.date(2026, 3, 12), ReminderStatus.CANCELLED, local(3, 11))
    call("li", "P1", dt.date(2026, 2, 27), ReminderStatus.DONE, local(3, 2))  # due before
    call("li", "P4", dt.date(2026, 4, 12))  # due after (and not yet due)
    call(None, "P3", dt.date(2026, 3, 10))  # the consultants' pool: nobody's
    # Qian: late 1 (P6)
    call("qian", "P6", dt.date(2026, 3, 18), ReminderStatus.DONE, local(3, 20))

    # Satisfaction: Li 5 and 4 (unreached call unrated; April's out) → 4.5 of 2; Zhang 3
    rated("li", "P1", local(3, 4, 0, 30), 5, r1)
    rated("li", "P2", local(3, 3), 4, r2)
    rated("li", "P3", local(3, 6, 23, 30), None, r3)
    rated("li", "P1", local(4, 1, 0, 30), 1, r1)
    rated("zhang", "P6", local(3, 10), 3, r1)
    return ids


EXPECTED = [  # name, role, consultations, deals, treated, on time, late, overdue, avg, rated
    ("Li 李咨询", Role.CONSULTANT, 5, 2, 0, 3, 1, 2, 4.5, 2),
    ("Wang 王咨询", Role.CONSULTANT, 1, 1, 1, 0, 0, 0, None, 0),
    ("Zhang 张医生", Role.DOCTOR, 0, 0, 2, 0, 0, 0, 3.0, 1),
    ("Zhao 赵护士", Role.NURSE, 0, 0, 2, 0, 0, 0, None, 0),
    ("Qian 前台", Role.RECEPTIONIST, 0, 0, 0, 0, 1, 0, None, 0),
]
BEHIND = {  # every number that is not 0: its distinct patients
    ("li", "consultations"): {"P1", "P2", "P3", "P5"},  # 5 consultations, P1 listed once
    ("li", "deals"): {"P1", "P2"},
    ("li", "calls_on_time"): {"P2", "P3"},  # 3 calls: the lead is no patient
    ("li", "calls_late"): {"P1"},
    ("li", "calls_open_overdue"): {"P1", "P2"},
    ("li", "satisfaction"): {"P1", "P2"},
    ("wang", "consultations"): {"P6"},
    ("wang", "deals"): {"P6"},
    ("wang", "treated"): {"P2"},
    ("zhang", "treated"): {"P1", "P6"},
    ("zhang", "satisfaction"): {"P6"},
    ("zhao", "treated"): {"P4", "P5"},
    ("qian", "calls_late"): {"P6"},
}


def as_tuple(row):
    return (
        row.name,
        row.role,
        row.consultations,
        row.deals,
        row.treated_patients,
        row.calls_on_time,
        row.calls_late,
        row.calls_open_overdue,
        row.satisfaction_avg,
        row.satisfaction_count,
    )


def test_each_person_is_counted_and_ranked_by_hand(database, manager, clinic):
    rows = staff_performance(database, manager, SINCE, UNTIL, today=TODAY)
    assert [as_tuple(row) for row in rows] == EXPECTED
    assert [row.staff_id for row in rows] == [
        clinic[who] for who in ("li", "wang", "zhang", "zhao", "qian")
    ]
    assert [row.deal_rate for row in rows] == [0.4, 1.0, None, None, None]


def test_every_number_lists_its_distinct_patients(database, manager, clinic):
    names = {identifier: who for who, identifier in clinic.items()}
    for row in staff_performance(database, manager, SINCE, UNTIL, today=TODAY):
        who = names[row.staff_id]
        for measure in MEASURES:
            listed = staff_patients(
                database, manager, SINCE, UNTIL, row.staff_id, measure, today=TODAY
            )
            assert {p.name for p in listed} == BEHIND.get((who, measure), set()), (who, measure)
            assert [p.record_no for p in listed] == sorted(p.record_no for p in listed)
            number = row.satisfaction_count if measure == "satisfaction" else None
            if measure == "treated":
                number = row.treated_patients
            if number is not None:
                assert len(listed) == number, (who, measure)  # one rated call per patient here
    first = staff_patients(database, manager, SINCE, UNTIL, clinic["li"], "deals", today=TODAY)
    assert first[0].id == clinic["P1"] and first[0].mobile_masked == "138****0001"


def test_a_call_due_today_is_not_yet_overdue(database, manager, clinic):
    march_25 = dt.date(2026, 3, 25)
    li = staff_performance(database, manager, SINCE, UNTIL, today=march_25)[0]
    assert (li.name, li.calls_on_time, li.calls_late, li.calls_open_overdue) == (
        "Li 李咨询",
        3,
        1,
        0,
    )
    assert (
        staff_patients(
            database, manager, SINCE, UNTIL, clinic["li"], "calls_open_overdue", today=march_25
        )
        == []
    )


def test_periods_outside_and_wrong_arguments(database, manager, clinic):
    assert staff_performance(database, manager, dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == []
    april_3 = staff_performance(database, manager, dt.date(2026, 4, 3), dt.date(2026, 4, 3))
    assert [(r.name, r.treated_patients) for r in april_3] == [("Sun 孙医生", 1)]
    with pytest.raises(ValidationError):
        staff_performance(database, manager, UNTIL, SINCE)
    with pytest.raises(ValidationError):
        staff_patients(database, manager, SINCE, UNTIL, clinic["li"], "bookings")


def test_only_managers_see_it_and_seeing_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        staff_performance(database, front, SINCE, UNTIL)
    with pytest.raises(PermissionDeniedError):
        staff_patients(database, front, SINCE, UNTIL, clinic["li"], "deals")

    staff_performance(database, manager, SINCE, UNTIL, today=TODAY)
    staff_patients(database, manager, SINCE, UNTIL, clinic["li"], "deals", today=TODAY)
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
    assert [v.staff_id for v in views] == [manager.staff_id, manager.staff_id]
    assert json.loads(views[0].summary) == {
        "report": "staff_performance",
        "since": "2026-03-01",
        "until": "2026-03-31",
    }
    opened = json.loads(views[1].summary)
    assert (opened["measure"], opened["patients"], opened["staff"]) == (
        "deals",
        2,
        str(clinic["li"]),
    )
