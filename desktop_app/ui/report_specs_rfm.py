"""The RFM segments report on the Reports page, as of today (no period): each segment's
buyers, their value and share, as a pie of the buyers; a count lists its patients."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP

from desktop_app.services import report_rfm
from desktop_app.services.report_common import ReportPatient, rate
from desktop_app.services.report_rfm import Segment
from desktop_app.ui.report_charts import pie_chart
from desktop_app.ui.report_table import Column, ReportSpec, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

SEGMENT_NAMES: dict[str, str] = {
    "champions": QT_TRANSLATE_NOOP("Reports", "Champions"),
    "loyal": QT_TRANSLATE_NOOP("Reports", "Loyal"),
    "potential_loyalists": QT_TRANSLATE_NOOP("Reports", "Potential loyalists"),
    "new": QT_TRANSLATE_NOOP("Reports", "New buyers"),
    "promising": QT_TRANSLATE_NOOP("Reports", "Promising"),
    "need_attention": QT_TRANSLATE_NOOP("Reports", "Need attention"),
    "about_to_sleep": QT_TRANSLATE_NOOP("Reports", "About to sleep"),
    "at_risk": QT_TRANSLATE_NOOP("Reports", "At risk"),
    "cant_lose": QT_TRANSLATE_NOOP("Reports", "Can't lose them"),
    "hibernating": QT_TRANSLATE_NOOP("Reports", "Hibernating"),
    "lost": QT_TRANSLATE_NOOP("Reports", "Lost"),
}
RFM_COLUMNS = (
    Column("name", QT_TRANSLATE_NOOP("Reports", "Segment"), "text"),
    Column("patients", QT_TRANSLATE_NOOP("Reports", "Patients")),
    Column("share", QT_TRANSLATE_NOOP("Reports", "Share of buyers"), "rate"),
    Column("value", QT_TRANSLATE_NOOP("Reports", "Value"), "money"),
)


@dataclass(frozen=True)
class RfmRow:
    """A segment's row with its share of all buyers (the table's and the pie's)."""

    segment: Segment
    patients: int
    value: Decimal
    share: float | None

    @property
    def name(self) -> str:
        return words(SEGMENT_NAMES[self.segment])


def rfm_rows(database: Database, actor: Actor, _since: dt.date, _until: dt.date) -> list[RfmRow]:
    """As of today: the page's period does not apply."""
    rows = report_rfm.rfm_segments(database, actor)
    buyers = sum(row.patients for row in rows)
    return [RfmRow(r.segment, r.patients, r.value, rate(r.patients, buyers)) for r in rows]


def rfm_chart(rows: Sequence[RfmRow]) -> QChart:
    title = words(QT_TRANSLATE_NOOP("Reports", "Buyers by RFM segment"))
    return pie_chart(title, [(row.name, row.patients) for row in rows])


def rfm_drill(
    database: Database, actor: Actor, _since: dt.date, _until: dt.date, row: RfmRow, column: str
) -> list[ReportPatient] | None:
    if column != "patients":
        return None
    return report_rfm.rfm_patients(database, actor, row.segment)


RFM = ReportSpec(
    key="rfm_segments",
    title=QT_TRANSLATE_NOOP("Reports", "RFM segments"),
    compute=rfm_rows,
    columns=RFM_COLUMNS,
    chart=rfm_chart,
    drill=rfm_drill,
    uses_period=False,
)
