"""The course completion report on the Reports page: per item, the courses sold in the
period and how they stand today (completed, in progress, expired unfinished), the
completion rate and the share of sessions used, with an "All items" row at the bottom;
stacked bars per item. Every count lists the patient of each course behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_courses
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_courses import BUCKETS, CourseCompletion
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

ALL_ITEMS = QT_TRANSLATE_NOOP("Reports", "All items")
COURSE_COLUMNS = (
    Column("item", QT_TRANSLATE_NOOP("Reports", "Item"), "text"),
    Column("started", QT_TRANSLATE_NOOP("Reports", "Sold")),
    Column("completed", QT_TRANSLATE_NOOP("Reports", "Completed")),
    Column("completion_rate", QT_TRANSLATE_NOOP("Reports", "Completion rate"), "rate"),
    Column("in_progress", QT_TRANSLATE_NOOP("Reports", "In progress")),
    Column("expired", QT_TRANSLATE_NOOP("Reports", "Expired unfinished")),
    Column("share_used", QT_TRANSLATE_NOOP("Reports", "Sessions used"), "rate"),  # mean share
)
STANDING = tuple(column for column in COURSE_COLUMNS if column.key in BUCKETS[1:])
CHARTED = 12  # the most sold items: more bars would not read


def course_rows(
    database: Database, actor: Actor, since: dt.date, until: dt.date
) -> list[CourseCompletion]:
    """The items, most sold first, then all of them together; none when no course was
    sold, so the view says "Nothing" rather than a row of zeros."""
    rows = report_courses.course_completion(database, actor, since, until)
    return [*rows, report_courses.all_items(rows)] if rows else []


def course_value(row: CourseCompletion, key: str) -> object:
    if key == "item" and row.item is None:
        return words(ALL_ITEMS)
    return getattr(row, key)


def course_chart(rows: Sequence[CourseCompletion]) -> QChart:
    """Per item (not the all-items row), its courses sold stacked by how they stand."""
    top = [row for row in rows if row.item is not None][:CHARTED]
    title = words(QT_TRANSLATE_NOOP("Reports", "Courses sold per item, as they stand today"))
    bars = [(words(column.title), [getattr(row, column.key) for row in top]) for column in STANDING]
    return bar_chart(title, [row.item or "" for row in top], bars, stacked=True)


def course_drill(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    row: CourseCompletion,
    column: str,
) -> list[ReportPatient] | None:
    """The patient of each course behind the cell: of the row's item, or of all items."""
    bucket = next((bucket for bucket in BUCKETS if bucket == column), None)
    if bucket is None:
        return None
    return report_courses.course_patients(database, actor, since, until, row.item, bucket)


COURSES = ReportSpec(
    key="course_completion",
    title=QT_TRANSLATE_NOOP("Reports", "Course completion"),
    compute=course_rows,
    columns=COURSE_COLUMNS,
    chart=course_chart,
    drill=course_drill,
    value=course_value,
)
