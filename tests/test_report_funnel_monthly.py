"""The funnel by month (issue 12) on a hand-built clinic at UTC+8, on SQLite and PostgreSQL:
each patient counts in the local month of their registration, a month nobody registered in
is a row of zeros, and every number lists its patients. The answers are counted by hand
from the story each patient is given, not by the code."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    AuditEvent,
    Consultation,
    Outcome,
    Patient,
    Role,
    Treatment,
    TreatmentItem,
)
from desktop_app.services import queue
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_funnel import STEPS, month_patients, monthly_funnel, months
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local, local_at

SINCE, UNTIL = dt.date(2026, 1, 1), dt.date(2026, 4, 30)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Each patient's story; the months below are counted from these comments by hand."""
    with unit_of_work(database, write=False) as session:  # the seeded catalogue's first
        item_id = session.scalars(sa.select(TreatmentItem.id).limit(1)).one()

    def patient(name, mobile, registered):
        record = register_patient(database, manager, PatientDraft(name, mobile=mobile))
        with unit_of_work(database) as session:
            session.execute(
                sa.update(Patient).where(Patient.id == record.id).values(created_at=registered)
            )
        return record.id

    def visit(patient_id, at, *, consulted=False):
        card = queue.check_in(database, manager, patient_id, now=at)
        if consulted:
            with unit_of_work(database) as session:
                session.add(
                    Consultation(
                        visit_id=card.visit_id,
                        patient_id=patient_id,
                        author_id=manager.staff_id,
                        outcome=Outcome.DEAL,
                    )
                )

    def treated(patient_id, at, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=patient_id,
                    item_id=item_id,
                    operator_id=manager.staff_id,
                    started_at=at,
                    cancelled_at=at + dt.timedelta(hours=1) if cancelled else None,
                    cancel_reason="录错了" if cancelled else "",
                )
            )

    # January: new 2, arrived 2, consulted 1, dealt 1, repurchased 1
    j1 = patient("一月一", "13800000001", local(1, 10))
    visit(j1, local(1, 10), consulted=True)
    treated(j1, local(1, 10))
    treated(j1, local(2, 5))  # another day, in February: still January's repurchase
    j2 = patient("一月二", "13800000002", local(1, 31, 23, 30))  # 15:30 UTC: January here
    visit(j2, local(2, 3))  # came in February, never consulted
    # February: nobody registered: a row of zeros
    # March: new 3, arrived 2, consulted 2, dealt 1, repurchased 0
    m1 = patient("三月一", "13800000011", local(3, 1, 0, 30))  # UTC still February 28
    visit(m1, local(3, 2), consulted=True)
    treated(m1, local(3, 2))
    patient("三月二", "13800000012", local(3, 15))  # registered, nothing more
    m3 = patient("三月三", "13800000013", local(3, 31, 23, 30))
    visit(m3, local(4, 1), consulted=True)
    treated(m3, local(4, 1), cancelled=True)  # recorded in error: not dealt
    # April: new 1, arrived 1, consulted 1, dealt 1, repurchased 1
    a1 = patient("四月一", "13800000021", local(4, 2))
    visit(a1, local(4, 2), consulted=True)
    treated(a1, local(4, 2))
    treated(a1, local(4, 9))
    # outside the period, by a local minute each side
    patient("十二月", "13800000031", local_at(2025, 12, 31, 23, 30))
    patient("五月", "13800000032", local(5, 1, 0, 30))


EXPECTED = [  # month: new, arrived, consulted, dealt, repurchased
    ("2026-01", (2, 2, 1, 1, 1)),
    ("2026-02", (0, 0, 0, 0, 0)),
    ("2026-03", (3, 2, 2, 1, 0)),
    ("2026-04", (1, 1, 1, 1, 1)),
]
BEHIND = {
    ("2026-01", "new"): {"一月一", "一月二"},
    ("2026-01", "arrived"): {"一月一", "一月二"},
    ("2026-01", "repurchased"): {"一月一"},
    ("2026-02", "new"): set(),
    ("2026-03", "new"): {"三月一", "三月二", "三月三"},
    ("2026-03", "consulted"): {"三月一", "三月三"},
    ("2026-03", "dealt"): {"三月一"},
    ("2026-04", "repurchased"): {"四月一"},
}


def counts(rows):
    return [
        (row.month, (row.new, row.arrived, row.consulted, row.dealt, row.repurchased))
        for row in rows
    ]


def test_each_local_month_counts_its_registrations_by_hand(database, manager, clinic):
    rows = monthly_funnel(database, manager, SINCE, UNTIL)
    assert counts(rows) == EXPECTED
    january, february, march, april = rows
    assert (january.arrival_rate, january.consultation_rate) == (1, 0.5)
    assert (january.deal_rate, january.repurchase_rate) == (1, 1)
    assert february.arrival_rate is None and february.repurchase_rate is None  # not 0 %
    assert march.arrival_rate == pytest.approx(2 / 3)
    assert (march.consultation_rate, march.deal_rate, march.repurchase_rate) == (1, 0.5, 0)
    assert april.repurchase_rate == 1


def test_a_period_cutting_months_counts_only_its_own_days(database, manager, clinic):
    rows = monthly_funnel(database, manager, dt.date(2026, 1, 15), dt.date(2026, 3, 10))
    assert counts(rows) == [
        ("2026-01", (1, 1, 0, 0, 0)),  # 一月二 only
        ("2026-02", (0, 0, 0, 0, 0)),
        ("2026-03", (1, 1, 1, 1, 0)),  # 三月一 only
    ]
    last_day = monthly_funnel(database, manager, dt.date(2026, 1, 31), dt.date(2026, 1, 31))
    assert counts(last_day) == [("2026-01", (1, 1, 0, 0, 0))]


def test_a_period_with_nobody_registered_has_no_rows(database, manager, clinic):
    assert monthly_funnel(database, manager, dt.date(2025, 6, 1), dt.date(2025, 8, 31)) == []
    assert monthly_funnel(database, manager, dt.date(2026, 2, 1), dt.date(2026, 2, 28)) == []


def test_every_number_lists_the_patients_behind_it(database, manager, clinic):
    for row in monthly_funnel(database, manager, SINCE, UNTIL):
        for step in STEPS:
            listed = month_patients(database, manager, SINCE, UNTIL, row.month, step)
            assert len(listed) == getattr(row, step), (row.month, step)
            assert [p.record_no for p in listed] == sorted(p.record_no for p in listed)
            if (row.month, step) in BEHIND:
                assert {p.name for p in listed} == BEHIND[row.month, step]
    (late,) = month_patients(database, manager, SINCE, UNTIL, "2026-01", "arrived")[1:]
    assert late.name == "一月二" and late.mobile_masked == "138****0002"


def test_a_month_outside_the_period_or_a_wrong_step_is_refused(database, manager, clinic):
    with pytest.raises(ValidationError):
        month_patients(database, manager, SINCE, UNTIL, "2026-05", "new")
    with pytest.raises(ValidationError):
        month_patients(database, manager, SINCE, UNTIL, "2026-03", "paid")
    with pytest.raises(ValidationError):
        monthly_funnel(database, manager, UNTIL, SINCE)


def test_the_months_of_a_period_cross_the_year():
    assert months(dt.date(2025, 11, 30), dt.date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert months(dt.date(2026, 3, 5), dt.date(2026, 3, 6)) == ["2026-03"]


def test_only_managers_see_it_and_seeing_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        monthly_funnel(database, front, SINCE, UNTIL)
    with pytest.raises(PermissionDeniedError):
        month_patients(database, front, SINCE, UNTIL, "2026-03", "new")

    monthly_funnel(database, manager, SINCE, UNTIL)
    month_patients(database, manager, SINCE, UNTIL, "2026-03", "consulted")
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
    assert [v.staff_id for v in views] == [manager.staff_id, manager.staff_id]
    assert json.loads(views[0].summary) == {
        "report": "monthly_funnel",
        "since": "2026-01-01",
        "until": "2026-04-30",
    }
    assert json.loads(views[1].summary) == {
        "report": "monthly_funnel_patients",
        "since": "2026-01-01",
        "until": "2026-04-30",
        "month": "2026-03",
        "step": "consulted",
        "patients": 2,
    }
