"""The tag usage report on the Reports page, as it stands now (no period): every tag —
the clinic's groups, typed at the desk, items bought, price bands — and how many
patients carry it, the most carried as bars; a count lists its patients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_tags
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_tags import TagUsage
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

SOURCES = {
    "free": QT_TRANSLATE_NOOP("Reports", "(typed at the desk)"),
    "item": QT_TRANSLATE_NOOP("Reports", "Item bought"),
    "price_band": QT_TRANSLATE_NOOP("Reports", "Total spent (yuan)"),
}
TAG_COLUMNS = (
    Column("group", QT_TRANSLATE_NOOP("Reports", "Group"), "text"),
    Column("tag", QT_TRANSLATE_NOOP("Reports", "Tag"), "text"),
    Column("patients", QT_TRANSLATE_NOOP("Reports", "Patients")),
)
CHARTED = 12  # the most carried tags: more bars would not read


def tag_value(row: TagUsage, key: str) -> object:
    if key == "group":
        return row.group if row.source == "group" else words(SOURCES[row.source])
    return getattr(row, key)


def tag_rows(database: Database, actor: Actor, _since: dt.date, _until: dt.date) -> list[TagUsage]:
    """Now: the page's period does not apply."""
    return report_tags.tag_usage(database, actor)


def tag_chart(rows: Sequence[TagUsage]) -> QChart:
    top = sorted((row for row in rows if row.patients), key=lambda row: -row.patients)[:CHARTED]
    title = words(QT_TRANSLATE_NOOP("Reports", "Most carried tags"))
    patients = words(QT_TRANSLATE_NOOP("Reports", "Patients"))
    top.reverse()  # a horizontal chart draws its first bar at the bottom
    bars = [(patients, [row.patients for row in top])]
    return bar_chart(title, [row.tag for row in top], bars, horizontal=True)


def tag_drill(
    database: Database, actor: Actor, _since: dt.date, _until: dt.date, row: TagUsage, column: str
) -> list[ReportPatient] | None:
    if column != "patients":
        return None
    return report_tags.tag_patients(database, actor, row.source, row.tag)


TAGS = ReportSpec(
    key="tag_usage",
    title=QT_TRANSLATE_NOOP("Reports", "Tag usage"),
    compute=tag_rows,
    columns=TAG_COLUMNS,
    chart=tag_chart,
    drill=tag_drill,
    value=tag_value,
    uses_period=False,
)
