"""The churn warning on the Reports page, as of today: a row per patient away longer than
their last item's usual interval, most valuable first, bars of them by how late they are.
A row opens the patient's record; the manager chooses several and asks their consultants
to call (Ctrl+R), once per patient while such a reminder is open."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import QChart
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_app.services import report_churn
from desktop_app.services.report_churn import ChurnRow
from desktop_app.services.report_common import rate
from desktop_app.ui.report_charts import bar_chart
from desktop_app.ui.report_table import Column, ReportSpec, RowAction, words

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

CHURN_COLUMNS = (  # what the manager weighs first on the left: the table scrolls
    Column("record_no", QT_TRANSLATE_NOOP("Reports", "Record no."), "text"),
    Column("name", QT_TRANSLATE_NOOP("Reports", "Name"), "text"),
    Column("value", QT_TRANSLATE_NOOP("Reports", "Value"), "money"),
    Column("days_since", QT_TRANSLATE_NOOP("Reports", "Days since")),
    Column("late", QT_TRANSLATE_NOOP("Reports", "× usual interval"), "number"),
    Column("item_name", QT_TRANSLATE_NOOP("Reports", "Last item"), "text"),
    Column(
        "consultant_name",
        QT_TRANSLATE_NOOP("Reports", "Consultant"),
        "text",
        QT_TRANSLATE_NOOP("Reports", "(no consultant)"),
    ),
    Column("last_day", QT_TRANSLATE_NOOP("Reports", "Last purchase"), "text"),
    Column("typical_days", QT_TRANSLATE_NOOP("Reports", "Usual interval (days)"), "number"),
    Column("mobile_masked", QT_TRANSLATE_NOOP("Reports", "Mobile"), "text"),
)
# How late, in usual intervals: at risk starts past report_churn.TOLERANCE (1.2).
LATENESS = (
    (1.5, QT_TRANSLATE_NOOP("Reports", "up to 1.5×")),
    (2.0, QT_TRANSLATE_NOOP("Reports", "1.5–2×")),
    (3.0, QT_TRANSLATE_NOOP("Reports", "2–3×")),
    (float("inf"), QT_TRANSLATE_NOOP("Reports", "3× or more")),
)


def churn_rows(database: Database, actor: Actor, _since: dt.date, until: dt.date) -> list[ChurnRow]:
    """As of today (the view's period is today to today): no period applies."""
    return report_churn.churn_warning(database, actor, until)


def churn_value(row: ChurnRow, key: str) -> Any:
    if key in ("record_no", "name", "mobile_masked"):
        return getattr(row.patient, key)
    if key == "last_day":
        return row.last_day.isoformat()
    if key == "late":
        return lateness(row)
    return getattr(row, key)


def lateness(row: ChurnRow) -> float | None:
    """Days away as a multiple of the usual interval: 2.0 is twice as long as usual."""
    return rate(row.days_since, row.typical_days)


def churn_chart(rows: Sequence[ChurnRow]) -> QChart:
    """How many are how late: a bar per band of ``LATENESS``."""
    counts = [0] * len(LATENESS)
    for row in rows:
        late = lateness(row) or 0.0
        counts[next(n for n, (below, _label) in enumerate(LATENESS) if late < below)] += 1
    title = words(QT_TRANSLATE_NOOP("Reports", "Patients at risk, by how late they are"))
    patients = words(QT_TRANSLATE_NOOP("Reports", "Patients"))
    return bar_chart(title, [words(label) for _below, label in LATENESS], [(patients, counts)])


def remind(database: Database, actor: Actor, rows: list[ChurnRow]) -> int:
    return report_churn.remind_consultants(database, actor, [row.patient.id for row in rows])


def reminded(made: int, chosen: int) -> str:
    """The status line after the reminders: how many, and why not all."""
    if made == 0:
        return QCoreApplication.translate(
            "Reports",
            "No reminder made: the %n chosen patient(s) already have an open churn reminder.",
            "",
            chosen,
        )
    said = QCoreApplication.translate(
        "Reports", "%n call reminder(s) made for the consultants.", "", made
    )
    if made < chosen:
        left = chosen - made  # a name: lupdate drops a call whose count is an expression
        skipped = QCoreApplication.translate(
            "Reports",
            "%n patient(s) skipped: they already have an open churn reminder.",
            "",
            left,
        )
        said = f"{said} {skipped}"
    return said


def patient_of(row: ChurnRow) -> uuid.UUID:
    return row.patient.id


REMIND = RowAction(
    title=lambda: QCoreApplication.translate("Reports", "Re&mind consultants…"),
    shortcut="Ctrl+R",
    confirm=lambda chosen: QCoreApplication.translate(
        "Reports",
        "Make a call reminder, due today, for the consultant of each of the %n chosen "
        "patient(s)? A patient who already has an open churn reminder is skipped.",
        "",
        chosen,
    ),
    run=remind,
    done=reminded,
)

CHURN = ReportSpec(
    key="churn_warning",
    title=QT_TRANSLATE_NOOP("Reports", "Churn warning"),
    compute=churn_rows,
    columns=CHURN_COLUMNS,
    chart=churn_chart,
    value=churn_value,
    uses_period=False,
    record=patient_of,
    action=REMIND,
)
