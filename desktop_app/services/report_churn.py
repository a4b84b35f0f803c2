"""Churn warning (issue 12): patients away longer than their last item's usual repurchase
interval, most valuable first, and the one action that asks their consultants to call.

* A repurchaser's *mean interval* for an item is (last − first purchase day) / (purchase
  days − 1), purchase days being local days with a non-cancelled treatment of it.
* The item's *typical interval* is the MEDIAN of its repurchasers' mean intervals (the
  middle one, or the mean of the middle two: ROW_NUMBER and COUNT windows, as SQLite has
  no percentile function) once it has at least ``MIN_REPURCHASERS``; the mean would let a
  few patients back after years set everyone's clock, and one patient per value keeps a
  heavy buyer from setting it alone. With fewer, ``DEFAULT_INTERVAL_DAYS``. One GROUP BY
  per (patient, item) and a window over those groups: no window over every treatment.
* A patient is *at risk* when today − their last purchase day > typical × ``TOLERANCE``
  of the item bought that day (the latest treatment's, if several).
* *Value* is the sum of all their purchases' values (report_common.purchases).
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import distinct_on

from desktop_app.db import Database
from desktop_app.models import (
    Patient,
    Reminder,
    ReminderStatus,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    Trigger,
)
from desktop_app.services import reminder_making
from desktop_app.services.context import Actor, reading
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import (
    ReportPatient,
    audit_opening,
    local_midnight,
    purchases,
)

DEFAULT_DAYS = DEFAULT_INTERVAL_DAYS = 180  # an item with too little history of its own
MIN_REPURCHASERS = 5  # repurchasers an item needs before its own median is trusted
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
    with reading(database) as connection:
        typical = dict(connection.execute(_typical(database)).all())
        last = _last(database).subquery()
        # days since > typical × tolerance ⇔ last bought before the local day
        # today − floor(typical × tolerance): compared on the timestamp, no day computed.
        cutoffs = {
            item: local_midnight(today - dt.timedelta(days=math.floor(days * TOLERANCE)))
            for item, days in typical.items()
        }
        fallback = local_midnight(today - dt.timedelta(days=math.floor(DEFAULT_DAYS * TOLERANCE)))
        cutoff = sa.case(cutoffs, value=last.c.item_id, else_=fallback) if cutoffs else fallback
        query = (
            sa.select(
                Patient.id,
                Patient.record_no,
                Patient.name,
                Patient.mobile,
                last.c.day,
                last.c.item_id,
                TreatmentItem.name.label("item_name"),
                last.c.value,
                Patient.consultant_id,
                Staff.display_name.label("consultant_name"),
            )
            .join(last, last.c.patient_id == Patient.id)
            .join(TreatmentItem, TreatmentItem.id == last.c.item_id)
            .outerjoin(Staff, Staff.id == Patient.consultant_id)
            .where(last.c.at < cutoff)
            .order_by(sa.desc("value"), Patient.record_no)
            .limit(limit)
        )
        rows = connection.execute(query).all()
        audit_opening(
            connection, actor, "churn_warning", today=today, limit=limit, patients=len(rows)
        )
    return [
        ChurnRow(
            ReportPatient.of(row),
            _date(row.day),
            row.item_name,
            float(typical.get(row.item_id, DEFAULT_DAYS)),
            (today - _date(row.day)).days,
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
    bought = purchases().subquery()
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


def _date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _typical(database: Database) -> sa.Select:
    """(item id, median of its repurchasers' mean intervals) for the items with at least
    ``MIN_REPURCHASERS``: one row per item, so the main query needs no window over it."""
    day = Treatment.started_on  # read, pre-sorted, from ix_treatments_item_days
    if database.kind == "postgresql":
        span = sa.func.max(day) - sa.func.min(day)
    else:
        span = sa.func.julianday(sa.func.max(day)) - sa.func.julianday(sa.func.min(day))
    days = sa.func.count(sa.distinct(day))
    pairs = (
        sa.select(Treatment.item_id, (span * 1.0 / (days - 1)).label("mean"))
        .where(Treatment.cancelled_at.is_(None))
        .group_by(Treatment.patient_id, Treatment.item_id)
        .having(days >= 2)
        .subquery()
    )
    ranked = sa.select(
        pairs.c.item_id,
        pairs.c.mean,
        sa.func.row_number()
        .over(partition_by=pairs.c.item_id, order_by=pairs.c.mean)
        .label("rank"),
        sa.func.count().over(partition_by=pairs.c.item_id).label("n"),
    ).subquery()
    middle = ranked.c.rank.in_([(ranked.c.n + 1) // 2, (ranked.c.n + 2) // 2])
    return (
        sa.select(ranked.c.item_id, sa.func.avg(ranked.c.mean))
        .where(middle, ranked.c.n >= MIN_REPURCHASERS)
        .group_by(ranked.c.item_id)
    )


def _last(database: Database) -> sa.Select:
    """Each buyer's latest purchase and the value of all of them, in one pass over the
    purchases: (patient_id, item_id, at, day, value)."""
    bought = purchases().subquery()
    if database.kind == "postgresql":
        latest = (
            sa.select(
                bought.c.patient_id,
                bought.c.item_id,
                bought.c.started_at.label("at"),
                bought.c.day,
            )
            .ext(distinct_on(bought.c.patient_id))
            .order_by(bought.c.patient_id, bought.c.started_at.desc(), bought.c.treatment_id)
            .subquery()
        )
        values = (
            sa.select(bought.c.patient_id, sa.func.sum(bought.c.value).label("value"))
            .group_by(bought.c.patient_id)
            .subquery()
        )
        return sa.select(latest, values.c.value).join(
            values, values.c.patient_id == latest.c.patient_id
        )
    # SQLite: a bare column next to one max() comes from the row holding the maximum.
    return sa.select(
        bought.c.patient_id,
        bought.c.item_id,
        sa.func.max(bought.c.started_at).label("at"),
        bought.c.day,
        sa.func.sum(bought.c.value).label("value"),
    ).group_by(bought.c.patient_id)
