"""The churn warning and its reminders (issue 12) on a hand-built clinic, on SQLite and
PostgreSQL: who is at risk, and by how much, is counted by hand from each story."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import sqlalchemy as sa

from desktop_app.models import Reminder, ReminderStatus, Role, Treatment, TreatmentItem
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.report_churn import (
    DEFAULT_INTERVAL_DAYS,
    churn_warning,
    remind_consultants,
)
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.local_time import local_at as local
from tests.support.purchases import price_of

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def clinic(database, manager, beijing_time):
    """X: six repurchasers with mean intervals 10 15 20 24 25 30, median (20+24)/2 = 22
    (the mean would be 20.7), at risk after 22 × 1.2 = 26.4 days. Y: one repurchaser, so
    the default 180, at risk after 216 days. X costs 100, Y 300."""
    with unit_of_work(database) as session:
        x, y = session.scalars(sa.select(TreatmentItem).order_by(TreatmentItem.name).limit(2))
        x.default_price, y.default_price = Decimal(100), Decimal(300)
        ids: dict[str, object] = {"X": x.id, "Y": y.id, "x_name": x.name, "y_name": y.name}
    consultant = create_staff(
        database, manager, NewStaff("gu", "顾问甲", Role.CONSULTANT, "correct horse battery")
    )
    ids["consultant"] = consultant.staff_id

    def patient(name, consultant_id=None):
        draft = PatientDraft(name, mobile=f"138000000{len(ids):02d}", consultant_id=consultant_id)
        ids[name] = register_patient(database, manager, draft).id
        return ids[name]

    def bought(patient_id, item, at, *, cancelled=False):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=patient_id,
                    item_id=ids[item],
                    value=price_of(session, ids[item]),
                    operator_id=manager.staff_id,
                    started_at=at,
                    cancelled_at=at + dt.timedelta(hours=1) if cancelled else None,
                )
            )

    a = patient("甲", consultant.staff_id)  # X mean 15; last X Jan 31: 121 days, at risk
    for day in (1, 11, 31):
        bought(a, "X", local(2026, 1, day))
    bought(a, "Y", local(2026, 5, 30), cancelled=True)  # not a purchase: last stays Jan 31
    b = patient("乙")  # X mean 20; last Mar 13: 80 days, at risk; value 4 × 100
    bought(b, "X", local(2026, 2, 1))
    bought(b, "X", local(2026, 2, 11, 9))
    bought(b, "X", local(2026, 2, 11, 23))  # the same local day (15:00 UTC): no gap
    bought(b, "X", local(2026, 3, 13))
    c = patient("丙")  # X gap 24; last Apr 25: 37 days, at risk
    bought(c, "X", local(2026, 4, 1))
    bought(c, "X", local(2026, 4, 25))
    k = patient("丁")  # X gap 25; last May 31: 1 day
    bought(k, "X", local(2026, 5, 6))
    bought(k, "X", local(2026, 5, 31))
    e = patient("戊")  # X May 6: 26 days ≤ 26.4, not yet
    bought(e, "X", local(2026, 5, 6))
    f = patient("己")  # Y gap 10; last 2025-06-11: 355 days, at risk; value 600
    bought(f, "Y", local(2025, 6, 1))
    bought(f, "Y", local(2025, 6, 11))
    g = patient("庚")  # Y 2025-12-01: 182 days ≤ 216, not yet
    bought(g, "Y", local(2025, 12, 1))
    h = patient("辛")  # Y 2025-10-01: 243 days, at risk; value 300
    bought(h, "Y", local(2025, 10, 1))
    j = patient("壬")  # X long ago, then Y a week ago: judged by Y, not at risk
    bought(j, "X", local(2025, 1, 5))
    bought(j, "Y", local(2026, 5, 25))
    patient("癸")  # never bought anything
    m = patient("子")  # X gap 30, then Y 4 days ago: judged by Y's default, not at risk
    bought(m, "X", local(2026, 2, 1))
    bought(m, "X", local(2026, 3, 3))
    bought(m, "Y", local(2026, 5, 28))
    n = patient("丑")  # X gap 10; last May 11: 21 days, not yet
    bought(n, "X", local(2026, 5, 1))
    bought(n, "X", local(2026, 5, 11))
    return ids


def test_the_patients_at_risk_by_value_counted_by_hand(database, manager, clinic):
    rows = churn_warning(database, manager, today=TODAY)
    x, y = clinic["x_name"], clinic["y_name"]
    assert [
        (r.patient.name, r.last_day, r.item_name, r.typical_days, r.days_since, r.value)
        for r in rows
    ] == [
        ("己", dt.date(2025, 6, 11), y, DEFAULT_INTERVAL_DAYS, 355, 600),
        ("乙", dt.date(2026, 3, 13), x, 22, 80, 400),
        ("甲", dt.date(2026, 1, 31), x, 22, 121, 300),  # 300 each: by record number
        ("辛", dt.date(2025, 10, 1), y, DEFAULT_INTERVAL_DAYS, 243, 300),
        ("丙", dt.date(2026, 4, 25), x, 22, 37, 200),
    ]
    first_a = rows[2]
    assert (first_a.consultant_id, first_a.consultant_name) == (clinic["consultant"], "顾问甲")
    assert rows[0].consultant_id is None and rows[0].consultant_name is None
    assert rows[0].patient.id == clinic["己"]
    assert [r.patient.name for r in churn_warning(database, manager, TODAY, limit=2)] == [
        "己",
        "乙",
    ]


def test_later_more_patients_are_at_risk(database, manager, clinic):
    later = churn_warning(database, manager, today=TODAY + dt.timedelta(days=1))
    assert "戊" in {r.patient.name for r in later}  # 27 days > 26.4
    early = churn_warning(database, manager, today=dt.date(2026, 2, 1))
    assert [r.patient.name for r in early] == ["己"]  # 235 days; 辛 only 123 of 216


def test_reminders_go_to_the_consultant_once(database, manager, clinic):
    chosen = [clinic["甲"], clinic["辛"], clinic["辛"], clinic["癸"]]
    assert remind_consultants(database, manager, chosen, today=TODAY) == 2  # 癸: no purchase
    with unit_of_work(database, write=False) as session:
        made = {r.patient_id: r for r in session.scalars(sa.select(Reminder))}
    assert set(made) == {clinic["甲"], clinic["辛"]}
    a, h = made[clinic["甲"]], made[clinic["辛"]]
    assert (a.assignee_id, a.assignee_role) == (clinic["consultant"], Role.CONSULTANT)
    assert (h.assignee_id, h.assignee_role) == (None, Role.CONSULTANT)  # no consultant
    assert a.reason == "流失预警：距上次消费 121 天" and h.reason == "流失预警：距上次消费 243 天"
    assert a.due_on == max(TODAY, dt.date.today())
    # Again: the open ones are not doubled; a new patient gets one.
    assert remind_consultants(database, manager, [clinic["甲"], clinic["乙"]], TODAY) == 1
    with unit_of_work(database) as session:
        session.execute(
            sa.update(Reminder)
            .where(Reminder.patient_id == clinic["甲"])
            .values(status=ReminderStatus.DONE)
        )
    assert remind_consultants(database, manager, [clinic["甲"]], TODAY) == 1  # done: anew
    assert remind_consultants(database, manager, [], TODAY) == 0


def test_only_managers_see_churn_and_make_its_reminders(database, manager, clinic):
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        churn_warning(database, front, TODAY)
    with pytest.raises(PermissionDeniedError):
        remind_consultants(database, front, [clinic["甲"]], TODAY)
    with unit_of_work(database, write=False) as session:
        assert session.scalars(sa.select(Reminder)).all() == []
