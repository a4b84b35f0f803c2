"""What a manager's report is, for the Reports page (issue 12): a small ``ReportSpec`` (how
to compute its rows, its columns, its chart, the patients behind a number), the table model
that shows the rows, and the table's Excel export.

Each report service (funnel, staff, repurchase, churn, RFM, …) plugs in with one spec in
``report_specs``; the view, its period, its busy state, drill-down and exports are shared.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.services.report_common import ReportPatient
from desktop_app.services.xlsx_writing import SheetWriter
from desktop_app.ui.rows_model import RowsModel

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

Kind = Literal["text", "int", "number", "rate", "money"]
CONTEXT = "Reports"  # the translation context of every spec's words (QT_TRANSLATE_NOOP)
NO_VALUE = "—"  # a rate with no denominator: nothing to divide, not 0 %
_Index = QModelIndex | QPersistentModelIndex

Compute = Callable[["Database", "Actor", dt.date, dt.date], Sequence[Any]]
Drill = Callable[["Database", "Actor", dt.date, dt.date, Any, str], "list[ReportPatient] | None"]


def words(text: str) -> str:
    """A spec's text (marked with QT_TRANSLATE_NOOP("Reports", …)) in the chosen language."""
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Column:
    """One table column: the row attribute ``key``, its title, how its value reads, and
    what an empty text says (the funnel's patients with no channel, say)."""

    key: str
    title: str  # QT_TRANSLATE_NOOP("Reports", …)
    kind: Kind = "int"
    empty: str = ""  # QT_TRANSLATE_NOOP("Reports", …), shown for "" or None in a text column


@dataclass(frozen=True)
class RowAction:
    """What a manager can do to several chosen rows at once (the churn warning's call
    reminders): a button and a shortcut on the view, a confirmation, then ``run`` on the
    runner. The texts are callables so they can say "%n" in the spec's own module."""

    title: Callable[[], str]  # the button, with its mnemonic
    shortcut: str  # a QKeySequence, active within the view
    confirm: Callable[[int], str]  # the question, for this many chosen rows
    run: Callable[[Database, Actor, list[Any]], int]  # off the UI thread: how many done
    done: Callable[[int, int], str]  # (done, chosen): what the status line says


@dataclass(frozen=True)
class ReportSpec:
    """A report as the page shows it. ``compute`` and ``drill`` run off the UI thread and
    call services only; ``drill`` returns None for a column with no patients behind it."""

    key: str
    title: str  # QT_TRANSLATE_NOOP("Reports", …)
    compute: Compute
    columns: tuple[Column, ...]
    chart: Callable[[Sequence[Any]], QChart]
    drill: Drill | None = None
    value: Callable[[Any, str], Any] = getattr  # a row's raw value for a column
    uses_period: bool = True  # False: as of today (RFM, tags): the period pickers hide
    columns_of: Callable[[Sequence[Any]], tuple[Column, ...]] | None = None  # from the rows
    record: Callable[[Any], uuid.UUID] | None = None  # a row is a patient: Enter opens them
    action: RowAction | None = None  # on the chosen rows (several may be chosen)

    def columns_for(self, rows: Sequence[Any]) -> tuple[Column, ...]:
        """The columns these rows show: fixed, or read off them (a column per channel)."""
        return self.columns if self.columns_of is None else self.columns_of(rows)


def shown(column: Column, value: Any) -> str:
    """A value as the table shows it."""
    if column.kind == "text":
        return str(value) if value not in (None, "") else words(column.empty)
    if value is None:
        return NO_VALUE
    if column.kind == "rate":
        return f"{value * 100:.1f}%"
    if column.kind == "number":
        return f"{value:,.1f}"
    if column.kind == "money":
        return f"{value:,.2f}"
    return f"{value:,}"


class ReportModel(RowsModel):
    """A report's rows: numbers aligned right, raw values under ``Qt.UserRole``."""

    def __init__(self, spec: ReportSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.columns = spec.columns_for([])

    def set_rows(self, rows: list[Any]) -> None:
        self.columns = self.spec.columns_for(rows)
        super().set_rows(rows)

    def headers(self) -> tuple[str, ...]:
        return tuple(words(column.title) for column in self.columns)

    def raw(self, row: Any, column: int) -> Any:
        return self.spec.value(row, self.columns[column].key)

    def cell(self, row: Any, column: int) -> Any:
        return shown(self.columns[column], self.raw(row, column))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.raw(self.rows[index.row()], index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if self.columns[index.column()].kind == "text":
                return None
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


def write_table(spec: ReportSpec, titles: Sequence[str], rows: Sequence[Any], path: Path) -> int:
    """The table as one sheet, with the headers the user sees; numbers stay numbers (a rate
    is a percentage cell), so the clinic can sum and chart them in Excel."""
    columns = spec.columns_for(rows)
    widths = [22.0 if column.kind == "text" else 12.0 for column in columns]
    with SheetWriter(words(spec.title), titles, widths) as sheet:
        for row in rows:
            cells = []
            for column in columns:
                value = spec.value(row, column.key)
                if column.kind == "text":
                    cells.append(sheet.text(shown(column, value)))
                    continue
                cell = sheet.number(value)
                if column.kind == "rate":
                    cell.number_format = "0.0%"
                elif column.kind == "number":
                    cell.number_format = "0.0"
                elif column.kind == "money":
                    cell.number_format = "#,##0.00"
                cells.append(cell)
            sheet.append(cells)
        with sheet.saving(path):
            pass
        return sheet.rows
