"""What every manager's report (issue 12) shares: the period in the clinic's local days,
a purchase and its value, the patients behind a number, and auditing the opening.

A report is computed by the database (aggregates over these selectables), never by
loading patients into Python; its drill-down reads the same selectable, so a list always
matches its count.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_app.db import Database
from desktop_app.models import Patient, Treatment
from desktop_app.services import audit
from desktop_app.services.context import Actor
from desktop_app.services.errors import ValidationError
from desktop_app.services.identity import mask_mobile


@dataclass(frozen=True)
class ReportPatient:
    """A patient behind one number: enough to recognise, not enough to call."""

    id: uuid.UUID
    record_no: str
    name: str
    mobile_masked: str

    @classmethod
    def of(cls, row: Any) -> ReportPatient:
        """From a result row with id, record_no, name and the whole mobile."""
        return cls(row.id, row.record_no, row.name, mask_mobile(row.mobile))


def rate(part: float, whole: float) -> float | None:
    return part / whole if whole else None


def check_period(since: dt.date, until: dt.date) -> None:
    if since > until:
        raise ValidationError("until", "before_since", "The period ends before it starts.")


def local_midnight(day: dt.date) -> dt.datetime:
    """The start of a local calendar day, as the UTC instant timestamps are compared with."""
    return dt.datetime.combine(day, dt.time()).astimezone(dt.UTC)


def within(column: sa.ColumnElement, since: dt.date, until: dt.date) -> sa.ColumnElement[bool]:
    """A UTC timestamp on one of the local days ``since`` … ``until`` (inclusive)."""
    return sa.and_(
        column >= local_midnight(since), column < local_midnight(until + dt.timedelta(days=1))
    )


def local_day(database: Database, column: sa.ColumnElement) -> sa.ColumnElement:
    """The clinic's local calendar day of a UTC timestamp, at the station's present UTC
    offset (the clinics' zone, China's, keeps one offset all year)."""
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
    if database.kind == "postgresql":
        shifted = sa.func.timezone("UTC", column) + sa.literal(offset, sa.Interval)
        return sa.cast(shifted, sa.Date)
    return sa.func.date(column, f"{int(offset.total_seconds() // 60):+d} minutes")


def flag(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    return sa.case((condition, 1), else_=0)


def purchases() -> sa.Select:
    """One row per purchase: a treatment not cancelled, with its patient, item, local day
    and value (``started_on`` and ``value``, both fixed when it was recorded) — all of it
    read from ``ix_treatments_purchases`` without the table."""
    return sa.select(
        Treatment.id.label("treatment_id"),
        Treatment.patient_id,
        Treatment.item_id,
        Treatment.started_at,
        Treatment.started_on.label("day"),
        Treatment.value,
    ).where(Treatment.cancelled_at.is_(None))


def patients_in(connection: Connection, ids: sa.Select) -> list[ReportPatient]:
    """The patients whose ids ``ids`` selects, by record number."""
    query = (
        sa.select(Patient.id, Patient.record_no, Patient.name, Patient.mobile)
        .where(Patient.id.in_(ids))
        .order_by(Patient.record_no)
    )
    return [ReportPatient.of(row) for row in connection.execute(query)]


def audit_opening(connection: Connection, actor: Actor, report: str, **summary: Any) -> None:
    """Opening a report, or the patients behind one of its numbers, as one "view" row."""
    audit.record_opening(connection, actor, "report", None, report=report, **summary)
