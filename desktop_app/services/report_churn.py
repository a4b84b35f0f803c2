"""Churn warning (issue 12): patients away longer than their last item's usual repurchase
interval, most valuable first, and the one action that asks their consultants to call.

* An item's *intervals* are the days between consecutive purchase days (local days with a
  non-cancelled treatment) of it by the same patient (window function LAG).
* Its *typical interval* is the MEDIAN of them (middle one, or the mean of the middle two:
  ROW_NUMBER and COUNT windows, as SQLite has no percentile function) once it has at least
  ``MIN_INTERVALS``; the mean would let a few patients back after years set everyone's
  clock. With fewer, ``DEFAULT_INTERVAL_DAYS``.
* A patient is *at risk* when today − their last purchase day > typical × ``TOLERANCE``
  of the item bought that day (the latest treatment's, if several).
* *Value* is the sum of all their purchases' values (report_common.purchases).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    Patient,
    Reminder,
    ReminderStatus,
    Role,
    Staff,
    TreatmentItem,
    Trigger,
)
from desktop_app.services import reminder_making
from desktop_app.services.context import Actor, reading
from desktop_app.services.identity import mask_mobile
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import ReportPatient, audit_opening, purchases

DEFAULT_INTERVAL_DAYS = 180  # an item with too little history of its own
MIN_INTERVALS = 5  # intervals an item needs before its own median is trusted
TOLERANCE = 1.2  # late by more than a fifth of the usual interval
REASON_PREFIX = "流失预警"  # the reminders' reason starts so; an open one is not made twice


@dataclass(frozen=True)
class ChurnRow:
    patient: ReportPatient
    last_day: dt.date
    item_name: str
    typical_days: float
    days_since: int
    value: Decimal
    consultant_id: uuid.UUID | None
    consultant_name: str | None


def churn_warning(
    database: Database, actor: Actor, today: dt.date | None = None, limit: int = 500
) -> list[ChurnRow]:
    """Patients at risk of not coming back, by value (highest first), at most ``limit``."""
    require(actor, Permission.VIEW_REPORTS, database)
    today = today or dt.date.today()
    bought = purchases(database).subquery()
    typical = _typical(database, bought).subquery()
    last = _last(bought).subquery()
    value = (
        sa.select(bought.c.patient_id, sa.func.sum(bought.c.value).label("value"))
        .group_by(bought.c.patient_id)
        .subquery()
    )
    typical_days = sa.case(
        (typical.c.intervals >= MIN_INTERVALS, typical.c.median),
        else_=float(DEFAULT_INTERVAL_DAYS),
    )
    days_since = _days(database, sa.literal(today, sa.Date), last.c.day)
    query = (
        sa.select(
            Patient.id,
            Patient.record_no,
            Patient.name,
            Patient.mobile,
            last.c.day,
            TreatmentItem.name.label("item_name"),
            typical_days.label("typical"),
            days_since.label("days_since"),
            value.c.value,
            Patient.consultant_id,
            Staff.display_name.label("consultant_name"),
        )
        .join(last, last.c.patient_id == Patient.id)
        .join(TreatmentItem, TreatmentItem.id == last.c.item_id)
        .join(value, value.c.patient_id == Patient.id)
        .outerjoin(typical, typical.c.item_id == last.c.item_id)
        .outerjoin(Staff, Staff.id == Patient.consultant_id)
        .where(days_since > typical_days * TOLERANCE)
        .order_by(value.c.value.desc(), Patient.record_no)
        .limit(limit)
    )
    with reading(database) as connection:
        rows = connection.execute(query).all()
        audit_opening(
            connection, actor, "churn_warning", today=today, limit=limit, patients=len(rows)
        )
    return [
        ChurnRow(
            ReportPatient(row.id, row.record_no, row.name, mask_mobile(row.mobile)),
            _date(row.day),
            row.item_name,
            float(row.typical),
            int(row.days_since),
            Decimal(str(row.value or 0)),
            row.consultant_id,
            row.consultant_name,
        )
        for row in rows
    ]


def remind_consultants(
    database: Database, actor: Actor, patient_ids: Iterable[uuid.UUID], today: dt.date | None = None
) -> int:
    """One call reminder per chosen patient for their consultant (no consultant, or one
    who left: for the consultants' role, so someone calls), due today — or the real today
    when ``today`` is past, as a reminder cannot be due in the past. A patient with an open
    churn reminder already, or with no purchase, is skipped. Made by
    reminder_making.add_manual, so its permission, assignment and audit apply. Returns how
    many were made."""
    require(actor, Permission.VIEW_REPORTS, database)
    today = today or dt.date.today()
    chosen = list(dict.fromkeys(patient_ids))
    if not chosen:
        return 0
    bought = purchases(database).subquery()
    with reading(database) as connection:
        last_days = dict(
            connection.execute(
                sa.select(bought.c.patient_id, sa.func.max(bought.c.day))
                .where(bought.c.patient_id.in_(chosen))
                .group_by(bought.c.patient_id)
            ).all()
        )
        consultants = dict(
            connection.execute(
                sa.select(Patient.id, Patient.consultant_id).where(Patient.id.in_(chosen))
            ).all()
        )
        already = set(
            connection.scalars(
                sa.select(Reminder.patient_id).where(
                    Reminder.patient_id.in_(chosen),
                    Reminder.status == ReminderStatus.OPEN,
                    Reminder.trigger == Trigger.MANUAL,
                    Reminder.reason.like(f"{REASON_PREFIX}%"),
                )
            )
        )
    made = 0
    for patient_id in chosen:
        if patient_id in already or last_days.get(patient_id) is None:
            continue
        days = (today - _date(last_days[patient_id])).days
        reminder_making.add_manual(
            database,
            actor,
            patient_id,
            max(today, dt.date.today()),
            f"{REASON_PREFIX}：距上次消费 {days} 天",
            staff_id=consultants.get(patient_id),
            role=Role.CONSULTANT,
        )
        made += 1
    return made


def _days(database: Database, later: sa.ColumnElement, earlier: sa.ColumnElement):
    """Whole days between two local days (dates on PostgreSQL, ISO text on SQLite)."""
    if database.kind == "postgresql":
        return sa.cast(later, sa.Date) - sa.cast(earlier, sa.Date)
    return sa.cast(sa.func.julianday(later) - sa.func.julianday(earlier), sa.Integer)


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _typical(database: Database, bought: sa.Subquery) -> sa.Select:
    """Per item: how many repurchase intervals it has and their median."""
    days = sa.select(bought.c.patient_id, bought.c.item_id, bought.c.day).distinct().subquery()
    previous = sa.func.lag(days.c.day).over(
        partition_by=(days.c.patient_id, days.c.item_id), order_by=days.c.day
    )
    gaps = sa.select(days.c.item_id, _days(database, days.c.day, previous).label("gap")).subquery()
    ranked = (
        sa.select(
            gaps.c.item_id,
            gaps.c.gap,
            sa.func.row_number()
            .over(partition_by=gaps.c.item_id, order_by=gaps.c.gap)
            .label("rank"),
            sa.func.count().over(partition_by=gaps.c.item_id).label("n"),
        )
        .where(gaps.c.gap.is_not(None))
        .subquery()
    )
    middle = ranked.c.rank.in_([(ranked.c.n + 1) // 2, (ranked.c.n + 2) // 2])
    return (
        sa.select(
            ranked.c.item_id,
            sa.func.max(ranked.c.n).label("intervals"),
            (sa.func.sum(ranked.c.gap) * 1.0 / sa.func.count()).label("median"),
        )
        .where(middle)
        .group_by(ranked.c.item_id)
    )


def _last(bought: sa.Subquery) -> sa.Select:
    """Each patient's latest purchase: its local day and item."""
    latest = (
        sa.func.row_number()
        .over(
            partition_by=bought.c.patient_id,
            order_by=(bought.c.started_at.desc(), bought.c.treatment_id),
        )
        .label("latest")
    )
    ranked = sa.select(bought.c.patient_id, bought.c.item_id, bought.c.day, latest).subquery()
    return sa.select(ranked.c.patient_id, ranked.c.item_id, ranked.c.day).where(
        ranked.c.latest == 1
    )
