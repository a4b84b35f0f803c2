"""The channel funnel (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: the
answers below are counted by hand from the story each patient is given, not by the code."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction

import pytest
import sqlalchemy as sa

from desktop_app.models import (
    AuditEvent,
    Booking,
    BookingStatus,
    Consultation,
    Outcome,
    Patient,
    Role,
    Treatment,
    TreatmentItem,
    Visit,
    VisitStatus,
)
from desktop_app.services import queue
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_funnel import STEPS, channel_funnel, funnel_patients
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local

SINCE, UNTIL = dt.date(2026, 3, 1), dt.date(2026, 3, 31)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Each patient's story; the funnel below is counted from these comments by hand."""
    with unit_of_work(database, write=False) as session:  # the seeded catalogue's first
        item_id = session.scalars(sa.select(TreatmentItem.id).limit(1)).one()
    ids: dict[str, object] = {}

    def patient(name, mobile, channel, registered):
        record = register_patient(
            database, manager, PatientDraft(name, mobile=mobile, source_channel=channel)
        )
        with unit_of_work(database) as session:
            session.execute(
                sa.update(Patient).where(Patient.id == record.id).values(created_at=registered)
            )
        ids[name] = record.id
        return record.id

    def visit(patient_id, at, *, consulted=False, status=None):
        card = queue.check_in(database, manager, patient_id, now=at)
        with unit_of_work(database) as session:
            if status is not None:
                session.execute(
                    sa.update(Visit).where(Visit.id == card.visit_id).values(status=status)
                )
            if consulted:
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

    # 抖音: new 3, arrived 2, consulted 2, dealt 2, repurchased 1 (the fourth is out of range)
    a1 = patient("抖一", "13800000001", "抖音", local(3, 1, 0, 30))  # first local minutes
    visit(a1, local(3, 5), consulted=True)
    treated(a1, local(3, 5))
    treated(a1, local(3, 20))  # another day: repurchased
    a2 = patient("抖二", "13800000002", "抖音", local(3, 10))
    visit(a2, local(3, 12, 0, 20), consulted=True)
    treated(a2, local(3, 12, 0, 30))  # two UTC days, one local day: not repurchased
    treated(a2, local(3, 12, 23, 30))
    a3 = patient("抖三", "13800000003", "抖音", local(3, 31, 23, 30))  # last local minutes
    with unit_of_work(database) as session:  # booked, never came: not arrived
        session.add(
            Booking(
                patient_id=a3,
                starts_at=local(4, 2),
                ends_at=local(4, 2, 11),
                status=BookingStatus.NO_SHOW,
            )
        )
    a4 = patient("抖四", "13800000004", "抖音", local(2, 28, 23, 30))  # before the period
    visit(a4, local(3, 2), consulted=True)
    treated(a4, local(3, 2))

    # 小红书: new 2, arrived 2, consulted 1, dealt 0, repurchased 0
    b1 = patient("小一", "13800000011", "小红书", local(3, 3))
    visit(b1, local(3, 3), consulted=True)
    treated(b1, local(3, 3), cancelled=True)  # recorded in error: not dealt
    b2 = patient("小二", "13800000012", "小红书", local(3, 4))
    visit(b2, local(3, 4), status=VisitStatus.LEFT)  # left untreated: still arrived
    patient("小三", "13800000013", "小红书", local(4, 1, 0, 30))  # after the period

    # no channel: new 2, arrived 1, consulted 1, dealt 1, repurchased 0
    c1 = patient("无一", "13800000021", None, local(3, 15))
    visit(c1, local(3, 15), consulted=True)
    treated(c1, local(3, 15))
    treated(c1, local(3, 16), cancelled=True)  # a second day, but cancelled
    patient("无二", None, None, local(3, 16))
    return ids


EXPECTED = {  # channel: new, arrived, consulted, dealt, repurchased
    "抖音": (3, 2, 2, 2, 1),
    "": (2, 1, 1, 1, 0),
    "小红书": (2, 2, 1, 0, 0),
}
BEHIND = {
    ("抖音", "new"): {"抖一", "抖二", "抖三"},
    ("抖音", "arrived"): {"抖一", "抖二"},
    ("抖音", "dealt"): {"抖一", "抖二"},
    ("抖音", "repurchased"): {"抖一"},
    ("小红书", "arrived"): {"小一", "小二"},
    ("小红书", "consulted"): {"小一"},
    ("小红书", "dealt"): set(),
    ("", "new"): {"无一", "无二"},
    ("", "dealt"): {"无一"},
    ("", "repurchased"): set(),
}


def test_the_funnel_counts_each_channel_by_hand(database, manager, clinic):
    rows = channel_funnel(database, manager, SINCE, UNTIL)
    assert [row.channel for row in rows] == ["抖音", "", "小红书"]  # new desc, then channel
    assert {
        row.channel: (row.new, row.arrived, row.consulted, row.dealt, row.repurchased)
        for row in rows
    } == EXPECTED
    douyin, nothing, xhs = rows
    assert [Fraction(r.share).limit_denominator(100) for r in rows] == [
        Fraction(3, 7),
        Fraction(2, 7),
        Fraction(2, 7),
    ]
    assert douyin.arrival_rate == pytest.approx(2 / 3)
    assert (douyin.consultation_rate, douyin.deal_rate, douyin.repurchase_rate) == (1, 1, 0.5)
    assert (xhs.arrival_rate, xhs.consultation_rate, xhs.deal_rate) == (1, 0.5, 0)
    assert xhs.repurchase_rate is None  # nobody dealt: no rate, not 0 %
    assert nothing.repurchase_rate == 0


def test_every_number_lists_the_patients_behind_it(database, manager, clinic):
    for row in channel_funnel(database, manager, SINCE, UNTIL):
        for step in STEPS:
            listed = funnel_patients(database, manager, SINCE, UNTIL, row.channel, step)
            assert len(listed) == getattr(row, step), (row.channel, step)
            assert [p.record_no for p in listed] == sorted(p.record_no for p in listed)
            if (row.channel, step) in BEHIND:
                assert {p.name for p in listed} == BEHIND[row.channel, step]
    first = funnel_patients(database, manager, SINCE, UNTIL, "抖音", "repurchased")[0]
    assert first.id == clinic["抖一"] and first.mobile_masked == "138****0001"


def test_a_period_outside_the_registrations_is_empty(database, manager, clinic):
    assert channel_funnel(database, manager, dt.date(2025, 1, 1), dt.date(2025, 1, 31)) == []
    april = channel_funnel(database, manager, dt.date(2026, 4, 1), dt.date(2026, 4, 1))
    assert [(r.channel, r.new, r.arrived, r.share) for r in april] == [("小红书", 1, 0, 1)]


def test_only_managers_see_the_funnel_and_seeing_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        channel_funnel(database, front, SINCE, UNTIL)
    with pytest.raises(PermissionDeniedError):
        funnel_patients(database, front, SINCE, UNTIL, "抖音", "new")

    channel_funnel(database, manager, SINCE, UNTIL)
    funnel_patients(database, manager, SINCE, UNTIL, "抖音", "dealt")
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
        denied = session.scalars(
            sa.select(AuditEvent.summary).where(AuditEvent.action == "denied")
        ).all()
    assert [v.staff_id for v in views] == [manager.staff_id, manager.staff_id]
    assert json.loads(views[0].summary) == {
        "report": "channel_funnel",
        "since": "2026-03-01",
        "until": "2026-03-31",
    }
    assert json.loads(views[1].summary)["step"] == "dealt"
    assert json.loads(views[1].summary)["patients"] == 2
    assert denied.count('{"permission": "view_reports"}') == 2
