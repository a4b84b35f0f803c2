"""The repurchase reports on the Reports page: each item (or each source channel) bought
in the period, its buyers and those who came back for more, the rate and the average days
between purchases, as bars of buyers and repurchasers. Every count lists its patients
(course completion: report_specs_courses)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_repurchase
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_repurchase import RepurchaseRow
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

REPURCHASE_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Reports", "Item"), "text"),
    Column("buyers", QT_TRANSLATE_NOOP("Reports", "Buyers")),
    Column("repurchasers", QT_TRANSLATE_NOOP("Reports", "Repurchasers")),
    Column("repurchase_rate", QT_TRANSLATE_NOOP("Reports", "Repurchase rate"), "rate"),
    Column("interval_days", QT_TRANSLATE_NOOP("Reports", "Days between purchases"), "number"),
)
NO_CHANNEL = QT_TRANSLATE_NOOP("Reports", "(no channel)")
CHANNEL_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Reports", "Channel"), "text", NO_CHANNEL),
    *REPURCHASE_COLUMNS[1:],
)
CHARTED = 12  # the most bought items: more bars would not read


def repurchase_chart(rows: Sequence[RepurchaseRow]) -> QChart:
    title = words(QT_TRANSLATE_NOOP("Reports", "Buyers coming back, by item"))
    return _bars(title, rows, [row.name for row in rows])


def channel_chart(rows: Sequence[RepurchaseRow]) -> QChart:
    title = words(QT_TRANSLATE_NOOP("Reports", "Buyers coming back, by channel"))
    return _bars(title, rows, [row.name or words(NO_CHANNEL) for row in rows])


def _bars(title: str, rows: Sequence[RepurchaseRow], names: Sequence[str]) -> QChart:
    """Buyers and repurchasers side by side, for the most bought (the rows come so)."""
    top = list(rows)[:CHARTED]
    bars = [
        (words(column.title), [getattr(row, column.key) for row in top])
        for column in REPURCHASE_COLUMNS[1:3]
    ]
    return bar_chart(title, list(names)[:CHARTED], bars)


def repurchase_drill(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    row: RepurchaseRow,
    column: str,
) -> list[ReportPatient] | None:
    if column not in report_repurchase.WHO:
        return None
    return report_repurchase.item_patients(
        database, actor, since, until, uuid.UUID(row.key), column
    )


REPURCHASE = ReportSpec(
    key="repurchase",
    title=QT_TRANSLATE_NOOP("Reports", "Repurchase by item"),
    compute=report_repurchase.repurchase_by_item,
    columns=REPURCHASE_COLUMNS,
    chart=repurchase_chart,
    drill=repurchase_drill,
)


def channel_drill(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    row: RepurchaseRow,
    column: str,
) -> list[ReportPatient] | None:
    if column not in report_repurchase.WHO:
        return None
    return report_repurchase.channel_patients(database, actor, since, until, row.key, column)


REPURCHASE_BY_CHANNEL = ReportSpec(
    key="repurchase_by_channel",
    title=QT_TRANSLATE_NOOP("Reports", "Repurchase by channel"),
    compute=report_repurchase.repurchase_by_channel,
    columns=CHANNEL_COLUMNS,
    chart=channel_chart,
    drill=channel_drill,
)
