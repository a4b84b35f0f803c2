"""The staff performance report on the Reports page: one row per person, their counts,
deal rate and average satisfaction; bars of consultations, deals and treated patients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_staff
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_staff import Measure, StaffRow
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

ROLES = {
    "receptionist": QT_TRANSLATE_NOOP("Reports", "Receptionist"),
    "consultant": QT_TRANSLATE_NOOP("Reports", "Consultant"),
    "doctor": QT_TRANSLATE_NOOP("Reports", "Doctor"),
    "nurse": QT_TRANSLATE_NOOP("Reports", "Nurse"),
    "manager": QT_TRANSLATE_NOOP("Reports", "Manager"),
}
STAFF_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Reports", "Staff"), "text"),
    Column("role", QT_TRANSLATE_NOOP("Reports", "Role"), "text"),
    Column("consultations", QT_TRANSLATE_NOOP("Reports", "Consultations")),
    Column("deals", QT_TRANSLATE_NOOP("Reports", "Deals")),
    Column("deal_rate", QT_TRANSLATE_NOOP("Reports", "Deal rate"), "rate"),
    Column("treated_patients", QT_TRANSLATE_NOOP("Reports", "Treated patients")),
    Column("calls_on_time", QT_TRANSLATE_NOOP("Reports", "Calls on time")),
    Column("calls_late", QT_TRANSLATE_NOOP("Reports", "Calls late")),
    Column("calls_open_overdue", QT_TRANSLATE_NOOP("Reports", "Calls overdue")),
    Column("satisfaction_avg", QT_TRANSLATE_NOOP("Reports", "Satisfaction"), "number"),
    Column("satisfaction_count", QT_TRANSLATE_NOOP("Reports", "Rated calls")),
)
MEASURE_OF: dict[str, Measure] = {  # a count column: the measure listing its patients
    "consultations": "consultations",
    "deals": "deals",
    "treated_patients": "treated",
    "calls_on_time": "calls_on_time",
    "calls_late": "calls_late",
    "calls_open_overdue": "calls_open_overdue",
    "satisfaction_count": "satisfaction",
}
CHARTED = ("consultations", "deals", "treated_patients")


def staff_value(row: StaffRow, key: str) -> object:
    if key == "role":
        return words(ROLES.get(str(row.role), str(row.role)))
    return getattr(row, key)


def staff_chart(rows: Sequence[StaffRow]) -> QChart:
    """Per person, bars of consultations, deals and treated patients; lying down, so
    every name is read whole, the first of the ranking on top."""
    ranked = list(reversed(rows))  # a horizontal chart draws its first bar at the bottom
    titles = {column.key: column.title for column in STAFF_COLUMNS}
    bars = [(words(titles[key]), [getattr(row, key) for row in ranked]) for key in CHARTED]
    title = words(QT_TRANSLATE_NOOP("Reports", "Staff performance"))
    return bar_chart(title, [row.name for row in ranked], bars, horizontal=True)


def staff_drill(
    database: Database, actor: Actor, since: dt.date, until: dt.date, row: StaffRow, column: str
) -> list[ReportPatient] | None:
    if column not in MEASURE_OF:
        return None
    return report_staff.staff_patients(
        database, actor, since, until, row.staff_id, MEASURE_OF[column]
    )


STAFF = ReportSpec(
    key="staff_performance",
    title=QT_TRANSLATE_NOOP("Reports", "Staff performance"),
    compute=report_staff.staff_performance,
    columns=STAFF_COLUMNS,
    chart=staff_chart,
    drill=staff_drill,
    value=staff_value,
)
