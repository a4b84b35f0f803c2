"""The demographics report on the Reports page: the patients registered in the period by
age band, sex and region (one table, a row each), a column per source channel plus the
total; the chart stacks each age band's channels. Every count lists its patients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_demographics
from desktop_app.services.report_common import ReportPatient
from desktop_app.services.report_demographics import Dimension
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

CHANNEL = "channel:"  # a channel's column key: CHANNEL + the channel ("" for none)
NO_CHANNEL = QT_TRANSLATE_NOOP("Reports", "(no channel)")
GROUP = Column("group", QT_TRANSLATE_NOOP("Reports", "Patients by"), "text")
TOTAL = Column("patients", QT_TRANSLATE_NOOP("Reports", "All channels"))
NAMES = {
    ("age", "under_18"): QT_TRANSLATE_NOOP("Reports", "Age under 18"),
    ("age", "18-24"): QT_TRANSLATE_NOOP("Reports", "Age 18–24"),
    ("age", "25-34"): QT_TRANSLATE_NOOP("Reports", "Age 25–34"),
    ("age", "35-44"): QT_TRANSLATE_NOOP("Reports", "Age 35–44"),
    ("age", "45-54"): QT_TRANSLATE_NOOP("Reports", "Age 45–54"),
    ("age", "55+"): QT_TRANSLATE_NOOP("Reports", "Age 55 and over"),
    ("age", "unknown"): QT_TRANSLATE_NOOP("Reports", "Age unknown"),
    ("sex", "F"): QT_TRANSLATE_NOOP("Reports", "Female"),
    ("sex", "M"): QT_TRANSLATE_NOOP("Reports", "Male"),
    ("sex", "unknown"): QT_TRANSLATE_NOOP("Reports", "Sex unknown"),
    ("region", ""): QT_TRANSLATE_NOOP("Reports", "Region not recorded"),
    ("region", None): QT_TRANSLATE_NOOP("Reports", "Other regions"),
}
BANDS = {  # the chart's short labels (the table's are whole)
    "under_18": QT_TRANSLATE_NOOP("Reports", "<18"),
    "55+": QT_TRANSLATE_NOOP("Reports", "55+"),
    "unknown": QT_TRANSLATE_NOOP("Reports", "?"),
}
REGION = QT_TRANSLATE_NOOP("Reports", "Region {region}")


@dataclass(frozen=True)
class DemographicLine:
    """One age band, sex or region with its count per channel, and the report's channels
    (the table's columns, most patients first)."""

    dimension: Dimension
    value: str | None
    patients: int
    by_channel: dict[str, int] = field(default_factory=dict)
    channels: tuple[str, ...] = ()

    @property
    def group(self) -> str:
        name = NAMES.get((self.dimension, self.value))
        if name is not None:
            return words(name)
        return words(REGION).format(region=self.value)


def demographic_rows(
    database: Database, actor: Actor, since: dt.date, until: dt.date
) -> list[DemographicLine]:
    """Age bands, then sexes, then regions: one table."""
    report = report_demographics.demographics(database, actor, since, until)
    return [
        DemographicLine(dimension, row.value, row.patients, row.by_channel, report.channels)
        for dimension in report_demographics.DIMENSIONS
        for row in getattr(report, dimension)
    ]


def demographic_columns(rows: Sequence[DemographicLine]) -> tuple[Column, ...]:
    channels = rows[0].channels if rows else ()
    return (
        GROUP,
        TOTAL,
        *(Column(CHANNEL + channel, channel or NO_CHANNEL) for channel in channels),
    )


def demographic_value(row: DemographicLine, key: str) -> object:
    if key.startswith(CHANNEL):
        return row.by_channel.get(key.removeprefix(CHANNEL), 0)
    return getattr(row, key)


def demographic_chart(rows: Sequence[DemographicLine]) -> QChart:
    """The age bands, each bar stacked by channel."""
    ages = [row for row in rows if row.dimension == "age"]
    channels = ages[0].channels if ages else ()
    bars = [
        (channel or words(NO_CHANNEL), [row.by_channel.get(channel, 0) for row in ages])
        for channel in channels
    ]
    title = words(QT_TRANSLATE_NOOP("Reports", "Patients by age band and channel"))
    bands = [words(BANDS[r.value]) if r.value in BANDS else str(r.value) for r in ages]
    return bar_chart(title, bands, bars, stacked=True)


def demographic_drill(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    row: DemographicLine,
    column: str,
) -> list[ReportPatient] | None:
    if column != TOTAL.key and not column.startswith(CHANNEL):
        return None
    channel = column.removeprefix(CHANNEL) if column.startswith(CHANNEL) else None
    return report_demographics.demographic_patients(
        database, actor, row.dimension, row.value, channel, since, until
    )


DEMOGRAPHICS = ReportSpec(
    key="demographics",
    title=QT_TRANSLATE_NOOP("Reports", "Demographics"),
    compute=demographic_rows,
    columns=(GROUP, TOTAL),
    chart=demographic_chart,
    drill=demographic_drill,
    value=demographic_value,
    columns_of=demographic_columns,
)
