"""Repurchase (issue 12) on a hand-built clinic, on SQLite and PostgreSQL: the answers
below are counted by hand from each patient's story (course completion:
test_report_courses)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import sqlalchemy as sa

from desktop_app.models import AuditEvent, Role, Treatment, TreatmentItem
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_repurchase import (
    WHO,
    channel_patients,
    item_patients,
    repurchase_by_channel,
    repurchase_by_item,
)
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local

SINCE, UNTIL = dt.date(2026, 3, 1), dt.date(2026, 3, 31)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """Each patient's story; the reports below are counted from these comments by hand."""
    with unit_of_work(database, write=False) as session:
        x, y = session.scalars(sa.select(TreatmentItem.id).order_by(TreatmentItem.name).limit(2))
    ids: dict[str, object] = {"X": x, "Y": y}

    def patient(name, mobile, channel):
        record = register_patient(
            database, manager, PatientDraft(name, mobile=mobile, source_channel=channel)
        )
        ids[name] = record.id
        return record.id

    def bought(patient_id, item_id, at, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=patient_id,
                    item_id=item_id,
                    operator_id=manager.staff_id,
                    started_at=at,
                    cancelled_at=at + dt.timedelta(hours=1) if cancelled else None,
                )
            )

    p1 = patient("一", "13800000001", "抖音")
    bought(p1, x, local(3, 5))
    bought(p1, x, local(3, 20))  # X again 15 days later
    p2 = patient("二", "13800000002", "抖音")
    bought(p2, x, local(3, 12, 0, 30))  # two UTC days, one local day: one purchase
    bought(p2, x, local(3, 12, 23, 30))
    bought(p2, y, local(3, 12))  # same day, other item: per channel still one day
    p3 = patient("三", "13800000003", "小红书")
    bought(p3, x, local(1, 10))  # before the period: counts toward repurchasing
    bought(p3, x, local(3, 10))  # 59 days later
    bought(p3, x, local(4, 9))  # 30 days later, after the period
    p4 = patient("四", "13800000004", "小红书")
    bought(p4, x, local(2, 1))  # X only before the period: not a buyer of X
    bought(p4, y, local(3, 3))  # 30 days after Feb 1 (per channel)
    bought(p4, y, local(3, 8), cancelled=True)  # not a purchase
    p5 = patient("五", None, None)
    bought(p5, y, local(2, 20))  # nothing in the period: no buyer at all
    p6 = patient("六", "13800000006", None)
    bought(p6, y, local(3, 31, 23, 30))  # last local minutes of the period
    bought(p6, y, local(4, 30))  # 30 days later
    p7 = patient("七", "13800000007", "抖音")
    bought(p7, x, local(3, 25))

    return ids


def test_repurchase_by_item_counts_by_hand(database, manager, clinic):
    rows = repurchase_by_item(database, manager, SINCE, UNTIL)
    x, y = rows  # most buyers first
    assert (x.key, x.buyers, x.repurchasers) == (str(clinic["X"]), 4, 2)  # 一 二 三 七; 一 三
    assert x.interval_days == pytest.approx((15 + 59 + 30) / 3)
    assert x.repurchase_rate == 0.5
    assert (y.key, y.buyers, y.repurchasers) == (str(clinic["Y"]), 3, 1)  # 二 四 六; 六
    assert y.interval_days == 30
    assert y.repurchase_rate == pytest.approx(1 / 3)


def test_repurchase_by_channel_counts_by_hand(database, manager, clinic):
    rows = repurchase_by_channel(database, manager, SINCE, UNTIL)
    assert [(r.key, r.buyers, r.repurchasers) for r in rows] == [
        ("抖音", 3, 1),  # 一 二 七; 一
        ("小红书", 2, 2),  # 三 四
        ("", 1, 1),  # 六 (五 bought nothing in the period)
    ]
    douyin, xhs, nothing = rows
    assert douyin.interval_days == 15
    assert xhs.interval_days == pytest.approx((59 + 30 + 30) / 3)
    assert nothing.interval_days == 30
    assert douyin.repurchase_rate == pytest.approx(1 / 3)


BEHIND_ITEM = {
    ("X", "buyers"): {"一", "二", "三", "七"},
    ("X", "repurchasers"): {"一", "三"},
    ("Y", "buyers"): {"二", "四", "六"},
    ("Y", "repurchasers"): {"六"},
}
BEHIND_CHANNEL = {
    ("抖音", "buyers"): {"一", "二", "七"},
    ("抖音", "repurchasers"): {"一"},
    ("小红书", "repurchasers"): {"三", "四"},
    ("", "buyers"): {"六"},
}


def test_every_repurchase_number_lists_its_patients(database, manager, clinic):
    for row in repurchase_by_item(database, manager, SINCE, UNTIL):
        for who in WHO:
            listed = item_patients(database, manager, SINCE, UNTIL, row_item(clinic, row), who)
            assert len(listed) == getattr(row, who)
    for (item, who), names in BEHIND_ITEM.items():
        listed = item_patients(database, manager, SINCE, UNTIL, clinic[item], who)
        assert {p.name for p in listed} == names
    for row in repurchase_by_channel(database, manager, SINCE, UNTIL):
        for who in WHO:
            listed = channel_patients(database, manager, SINCE, UNTIL, row.key, who)
            assert len(listed) == getattr(row, who)
            assert [p.record_no for p in listed] == sorted(p.record_no for p in listed)
    for (channel, who), names in BEHIND_CHANNEL.items():
        listed = channel_patients(database, manager, SINCE, UNTIL, channel, who)
        assert {p.name for p in listed} == names
    with pytest.raises(ValidationError):
        channel_patients(database, manager, SINCE, UNTIL, "抖音", "everyone")


def row_item(clinic, row):
    return next(clinic[k] for k in ("X", "Y") if str(clinic[k]) == row.key)


def test_an_empty_period_has_no_rows_and_no_rates(database, manager, clinic):
    quiet = dt.date(2025, 1, 1), dt.date(2025, 1, 31)
    assert repurchase_by_item(database, manager, *quiet) == []
    assert repurchase_by_channel(database, manager, *quiet) == []
    with pytest.raises(ValidationError):
        repurchase_by_item(database, manager, UNTIL, SINCE)


def test_only_managers_see_repurchase_and_it_is_audited(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    for call in (repurchase_by_item, repurchase_by_channel):
        with pytest.raises(PermissionDeniedError):
            call(database, front, SINCE, UNTIL)
    with pytest.raises(PermissionDeniedError):
        item_patients(database, front, SINCE, UNTIL, clinic["X"], "buyers")
    repurchase_by_item(database, manager, SINCE, UNTIL)
    channel_patients(database, manager, SINCE, UNTIL, "小红书", "buyers")
    with unit_of_work(database, write=False) as session:
        views = session.scalars(
            sa.select(AuditEvent.summary)
            .where(AuditEvent.action == "view", AuditEvent.entity_type == "report")
            .order_by(AuditEvent.occurred_at)
        ).all()
    assert [json.loads(v)["report"] for v in views] == [
        "repurchase_by_item",
        "repurchase_by_channel_patients",
    ]
    assert json.loads(views[1])["patients"] == 2
