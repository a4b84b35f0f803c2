"""The reports the Reports page lists, one ``ReportSpec`` each: the service that computes
it, its columns, its chart and the patients behind its numbers.

A new report (staff, repurchase, churn, RFM, …) adds a spec here and to ``REPORTS``; the
page, period, busy state, drill-down and exports come with ``ReportView``. Words are marked
with QT_TRANSLATE_NOOP("Reports", …) and translated when shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_funnel
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_funnel import STEPS, FunnelRow
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_specs_churn import CHURN
from desktop_app.ui.report_specs_courses import COURSES
from desktop_app.ui.report_specs_demographics import DEMOGRAPHICS
from desktop_app.ui.report_specs_repurchase import REPURCHASE, REPURCHASE_BY_CHANNEL
from desktop_app.ui.report_specs_rfm import RFM
from desktop_app.ui.report_specs_staff import STAFF
from desktop_app.ui.report_specs_tags import TAGS
from desktop_app.ui.report_specs_trend import MONTHLY_FUNNEL, STEP_COLUMNS
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

NO_CHANNEL = QT_TRANSLATE_NOOP("Reports", "(no channel)")

FUNNEL_COLUMNS = (
    Column("channel", QT_TRANSLATE_NOOP("Reports", "Channel"), "text", NO_CHANNEL),
    *STEP_COLUMNS,
    Column("share", QT_TRANSLATE_NOOP("Reports", "Share of new"), "rate"),
)
_STEP_COLUMNS = {column.key: column for column in FUNNEL_COLUMNS if column.key in STEPS}


def funnel_chart(rows: Sequence[FunnelRow]) -> QChart:
    """The funnel as bars: per channel, a bar for each step, left to right."""
    channels = [row.channel or words(NO_CHANNEL) for row in rows]
    bars = [
        (words(_STEP_COLUMNS[step].title), [getattr(row, step) for row in rows]) for step in STEPS
    ]
    return bar_chart(words(QT_TRANSLATE_NOOP("Reports", "Channel funnel")), channels, bars)


def funnel_drill(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    row: FunnelRow,
    column: str,
) -> list[ReportPatient] | None:
    if column not in STEPS:
        return None
    return report_funnel.funnel_patients(database, actor, since, until, row.channel, column)


FUNNEL = ReportSpec(
    key="channel_funnel",
    title=QT_TRANSLATE_NOOP("Reports", "Channel funnel"),
    compute=report_funnel.channel_funnel,
    columns=FUNNEL_COLUMNS,
    chart=funnel_chart,
    drill=funnel_drill,
)


REPORTS: tuple[ReportSpec, ...] = (
    FUNNEL,
    MONTHLY_FUNNEL,
    STAFF,
    REPURCHASE,
    REPURCHASE_BY_CHANNEL,
    COURSES,
    CHURN,
    RFM,
    DEMOGRAPHICS,
    TAGS,
)
