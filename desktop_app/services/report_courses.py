"""Course completion (issue 12): how the courses sold in a period stand today.

Definitions (the tests count them by hand): a course *started* in the period was bought
(created) then; it is *completed* when sessions used ≥ sessions bought, else *expired*
when its expiry day is before today, else *in progress*.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Course, Patient
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import (
    ReportPatient,
    audit_opening,
    check_period,
    flag,
    rate,
    within,
)

Bucket = Literal["started", "completed", "in_progress", "expired"]
BUCKETS: tuple[Bucket, ...] = ("started", "completed", "in_progress", "expired")


@dataclass(frozen=True)
class CourseCompletion:
    """Courses started in the period, by how they stand today (counts of courses)."""

    started: int
    completed: int
    in_progress: int
    expired: int

    @property
    def completion_rate(self) -> float | None:
        return rate(self.completed, self.started)


def course_completion(
    database: Database, actor: Actor, since: dt.date, until: dt.date, today: dt.date | None = None
) -> CourseCompletion:
    """Courses bought in the period: completed, in progress and expired unfinished."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    courses = _courses(since, until, today or dt.date.today()).subquery()
    query = sa.select(
        sa.func.count(),
        *(sa.func.coalesce(sa.func.sum(flag(courses.c.bucket == b)), 0) for b in BUCKETS[1:]),
    )
    with reading(database) as connection:
        row = connection.execute(query).one()
        audit_opening(connection, actor, "course_completion", since=since, until=until)
    return CourseCompletion(*(int(n) for n in row))


def course_patients(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    bucket: Bucket,
    today: dt.date | None = None,
) -> list[ReportPatient]:
    """The patient of each course behind one number of ``course_completion``: one row
    per course (a patient with two such courses is listed twice), so the list matches."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    if bucket not in BUCKETS:
        raise ValidationError("bucket", "invalid", f"Choose one of {', '.join(BUCKETS)}.")
    courses = _courses(since, until, today or dt.date.today()).subquery()
    query = (
        sa.select(Patient.id, Patient.record_no, Patient.name, Patient.mobile)
        .join(courses, courses.c.patient_id == Patient.id)
        .order_by(Patient.record_no, courses.c.id)
    )
    if bucket != "started":
        query = query.where(courses.c.bucket == bucket)
    with reading(database) as connection:
        rows = connection.execute(query).all()
        audit_opening(
            connection,
            actor,
            "course_completion_patients",
            since=since,
            until=until,
            bucket=bucket,
            patients=len(rows),
        )
    return [ReportPatient.of(row) for row in rows]


def _courses(since: dt.date, until: dt.date, today: dt.date) -> sa.Select:
    bucket = sa.case(
        (Course.sessions_used >= Course.sessions_total, "completed"),
        (Course.expires_on < today, "expired"),
        else_="in_progress",
    )
    return sa.select(Course.id, Course.patient_id, bucket.label("bucket")).where(
        within(Course.created_at, since, until)
    )
