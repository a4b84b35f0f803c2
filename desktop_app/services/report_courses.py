"""Course completion (issue 12): how the courses sold in a period stand today, per item,
so a manager sees which items' courses get finished and which expire half used.

Definitions (the tests count them by hand): a course is *sold* in the period when it was
bought (created) then; it is *completed* when sessions used ≥ sessions bought, else
*expired* when its expiry day is before today, else *in progress*. Its *share used* is
sessions used / sessions bought (at most 1); an item's is the mean over its courses.
A course names its item (``item_name``, kept even when the catalogue item is renamed or
gone), so items are grouped by that name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
    """One item's courses sold in the period (``item`` None: all items together), by how
    they stand today (counts of courses)."""

    item: str | None
    started: int
    completed: int
    in_progress: int
    expired: int
    share_used: float  # mean of sessions used / bought over the courses

    @property
    def completion_rate(self) -> float | None:
        return rate(self.completed, self.started)


def course_completion(
    database: Database, actor: Actor, since: dt.date, until: dt.date, today: dt.date | None = None
) -> list[CourseCompletion]:
    """Each item with courses bought in the period: sold, completed, in progress, expired
    unfinished and the share of sessions used; most sold first, then by name."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    courses = _courses(since, until, today or dt.date.today()).subquery()
    sold = sa.func.count()
    query = (
        sa.select(
            courses.c.item,
            sold,
            *(sa.func.sum(flag(courses.c.bucket == b)) for b in BUCKETS[1:]),
            sa.func.avg(courses.c.share),
        )
        .group_by(courses.c.item)
        .order_by(sold.desc(), courses.c.item)
    )
    with reading(database) as connection:
        rows = connection.execute(query).all()
        audit_opening(connection, actor, "course_completion", since=since, until=until)
    return [CourseCompletion(row[0], *(int(n) for n in row[1:5]), float(row[5])) for row in rows]


def all_items(rows: Sequence[CourseCompletion]) -> CourseCompletion:
    """The items' rows added up (``item`` None); the share used is the mean over all the
    courses, so each item weighs by its courses sold."""
    started = sum(row.started for row in rows)
    used = sum(row.share_used * row.started for row in rows)
    return CourseCompletion(
        None,
        started,
        sum(row.completed for row in rows),
        sum(row.in_progress for row in rows),
        sum(row.expired for row in rows),
        used / started if started else 0.0,
    )


def course_patients(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    item: str | None,
    bucket: Bucket,
    today: dt.date | None = None,
) -> list[ReportPatient]:
    """The patient of each course behind one number of ``course_completion`` (``item``
    None: of all items): one row per course (a patient with two such courses is listed
    twice), so the list matches its count."""
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
    if item is not None:
        query = query.where(courses.c.item == item)
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
            item=item,
            bucket=bucket,
            patients=len(rows),
        )
    return [ReportPatient.of(row) for row in rows]


def _courses(since: dt.date, until: dt.date, today: dt.date) -> sa.Select:
    """One row per course sold in the period: its patient, item, bucket and share used."""
    done = Course.sessions_used >= Course.sessions_total
    bucket = sa.case(
        (done, "completed"), (Course.expires_on < today, "expired"), else_="in_progress"
    )
    share = sa.case((done, 1.0), else_=Course.sessions_used * 1.0 / Course.sessions_total)
    return sa.select(
        Course.id,
        Course.patient_id,
        Course.item_name.label("item"),
        bucket.label("bucket"),
        share.label("share"),
    ).where(within(Course.created_at, since, until))
