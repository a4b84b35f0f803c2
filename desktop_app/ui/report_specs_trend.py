"""The funnel by month on the Reports page: the channel funnel's five steps per local month
of registration, as a line per step over the months, with the rates between them in the
table. Every count lists its patients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_funnel
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_funnel import STEPS, MonthRow
from desktop_app.ui.report_charts import line_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

# The funnel's steps and the rates between them: the channel funnel's columns too.
STEP_COLUMNS = (
    Column("new", QT_TRANSLATE_NOOP("Reports", "New")),
    Column("arrived", QT_TRANSLATE_NOOP("Reports", "Arrived")),
    Column("consulted", QT_TRANSLATE_NOOP("Reports", "Consulted")),
    Column("dealt", QT_TRANSLATE_NOOP("Reports", "Dealt")),
    Column("repurchased", QT_TRANSLATE_NOOP("Reports", "Repurchased")),
    Column("arrival_rate", QT_TRANSLATE_NOOP("Reports", "Arrival rate"), "rate"),
    Column("consultation_rate", QT_TRANSLATE_NOOP("Reports", "Consultation rate"), "rate"),
    Column("deal_rate", QT_TRANSLATE_NOOP("Reports", "Deal rate"), "rate"),
    Column("repurchase_rate", QT_TRANSLATE_NOOP("Reports", "Repurchase rate"), "rate"),
)
MONTHLY_COLUMNS = (Column("month", QT_TRANSLATE_NOOP("Reports", "Month"), "text"), *STEP_COLUMNS)
_STEP_TITLES = {column.key: column.title for column in MONTHLY_COLUMNS if column.key in STEPS}


def monthly_chart(rows: Sequence[MonthRow]) -> QChart:
    """A line per step, left to right over the months (a month with nobody is 0)."""
    lines = [(words(_STEP_TITLES[step]), [getattr(row, step) for row in rows]) for step in STEPS]
    title = words(QT_TRANSLATE_NOOP("Reports", "Funnel by month"))
    return line_chart(title, [row.month for row in rows], lines)


def monthly_drill(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    row: MonthRow,
    column: str,
) -> list[ReportPatient] | None:
    if column not in STEPS:
        return None
    return report_funnel.month_patients(database, actor, since, until, row.month, column)


MONTHLY_FUNNEL = ReportSpec(
    key="monthly_funnel",
    title=QT_TRANSLATE_NOOP("Reports", "Funnel by month"),
    compute=report_funnel.monthly_funnel,
    columns=MONTHLY_COLUMNS,
    chart=monthly_chart,
    drill=monthly_drill,
)
