"""One manager's report on screen: a period, Refresh (F5), the chart beside its table, a
status line; computed on the runner with a busy bar and Cancel; a number opens the
patients behind it (double-click or Enter), or a row its patient's record when each row is
one patient; the table goes to Excel, the chart to PNG; a spec's action (report_action)
acts on the rows chosen.

Everything report-specific is in its ``ReportSpec``. The file dialog, the message box and
the action's confirmation are constructor arguments so tests can answer them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.excel_export import AskPath, ExcelExport, Tell, ask_save_path, tell_in_box
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.report_action import Confirm, ReportAction, confirm_in_box
from desktop_app.ui.report_drill import DrillDialog
from desktop_app.ui.report_table import ReportModel, ReportSpec, words, write_table
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class ReportView(QWidget):
    open_record = Signal(object)  # a patient's uuid.UUID, from the drill-down

    def __init__(
        self,
        spec: ReportSpec,
        runner: Runner,
        ask_path: AskPath = ask_save_path,
        tell: Tell = tell_in_box,
        confirm: Confirm = confirm_in_box,
    ) -> None:
        super().__init__()
        self.setObjectName(f"report_{spec.key}")
        self.spec, self.runner, self.ask_path = spec, runner, ask_path
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.generation = 0  # bumped by each Refresh and by Cancel: older answers are stale
        self.period: tuple[dt.date, dt.date] | None = None  # of the rows shown
        self.stale = True  # nothing computed for whoever is signed in
        self.excel = ExcelExport(self, runner, ask_path, tell)
        self.drill_dialog: DrillDialog | None = None

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.since_label, self.until_label = QLabel(), QLabel()
        self.since, self.until = QDateEdit(), QDateEdit()
        today = QDate.currentDate()
        for edit, label, name in (
            (self.since, self.since_label, "reportSince"),
            (self.until, self.until_label, "reportUntil"),
        ):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.installEventFilter(self)
            label.setBuddy(edit)
        self.since.setDate(QDate(today.year(), today.month(), 1))  # this month so far
        self.until.setDate(today)
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("reportRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.busy = QProgressBar()
        self.busy.setObjectName("reportBusy")
        self.busy.setRange(0, 0)  # the database gives no progress: a moving bar says "working"
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("reportCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton()
        self.export_button.setObjectName("reportExport")
        self.export_button.clicked.connect(self.export_table)
        self.chart_button = QPushButton()
        self.chart_button.setObjectName("reportSaveChart")
        self.chart_button.clicked.connect(self.save_chart)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for widget in (
            self.since_label,
            self.since,
            self.until_label,
            self.until,
            self.refresh_button,
            self.busy,
            self.cancel_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.action = (
            None if spec.action is None else ReportAction(self, spec.action, runner, confirm)
        )
        if self.action is not None:
            self.action.said.connect(lambda text, error: self._say(text, error=error))
            bar.addWidget(self.action.button)
        bar.addWidget(self.export_button)
        bar.addWidget(self.chart_button)
        if not spec.uses_period:  # as of today: no period to pick
            # hide() only: setVisible(True) on a widget not yet parented (the bar is not
            # on the view yet) would show it as a window of its own and take the focus.
            for widget in (self.since_label, self.since, self.until_label, self.until):
                widget.hide()

        self.chart_view = QChartView()
        self.chart_view.setObjectName("reportChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumWidth(420)
        self.chart: QChart | None = None
        self.model = ReportModel(spec, self)
        self.table = QTableView()
        self.table.setObjectName("reportTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        if spec.action is None:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        else:  # whole rows, several at once with Ctrl or Shift
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self.drill)
        self.table.installEventFilter(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.chart_view)
        self.splitter.addWidget(self.table)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([540, 460])  # the bars and their legend need the room
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status)
        self.refresh_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.refresh_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh_shortcut.activated.connect(self.refresh)
        self._set_busy(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(words(self.spec.title))
        self.since_label.setText(self.tr("&From"))
        self.until_label.setText(self.tr("&To"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(
            self.tr("Compute the report for the period (F5)")
            if self.spec.uses_period
            else self.tr("Compute the report as of now (F5)")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.export_button.setText(self.tr("&Export table…"))
        self.chart_button.setText(self.tr("Save &chart…"))
        if self.action is not None:
            self.action.retranslate()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.columns))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a date box computes; Enter on a number lists its patients."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            if watched is self.table:
                self.drill(self.table.currentIndex())
            else:
                self.refresh()
            return True
        return super().eventFilter(watched, event)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.generation += 1
        self.stale = True
        self.period = None
        self.model.set_rows([])
        self._show_chart(QChart())
        self._set_busy(False)
        self._say("")

    def ensure_computed(self) -> None:
        """Compute once when first shown to whoever signed in (opening it is audited)."""
        if self.stale and self.database is not None and self.actor is not None:
            self.refresh()

    def chosen_period(self) -> tuple[dt.date, dt.date]:
        if not self.spec.uses_period:
            today = dt.date.today()
            return today, today
        since, until = self.since.date().toPython(), self.until.date().toPython()
        assert isinstance(since, dt.date) and isinstance(until, dt.date)
        return since, until

    def refresh(self) -> None:
        database, actor, spec = self.database, self.actor, self.spec
        if database is None or actor is None:
            return
        self.stale = False
        self.generation += 1
        generation, (since, until) = self.generation, self.chosen_period()
        self._set_busy(True)
        self._say(self.tr("Computing…"))
        self.runner.run(
            lambda: list(spec.compute(database, actor, since, until)),
            lambda rows: self._computed(generation, (since, until), rows),
            lambda exc: self._failed(generation, exc),
        )

    def cancel(self) -> None:
        """Stop waiting. The database cannot be interrupted from here: the query runs to its
        end on the worker thread and its answer, now stale, is dropped."""
        self.generation += 1
        self._set_busy(False)
        self._say(self.tr("Cancelled. Refresh (F5) to compute again."))

    def _computed(self, generation: int, period: tuple[dt.date, dt.date], rows: list) -> None:
        if generation != self.generation:
            return  # cancelled, or a newer period was asked for meanwhile
        self.period = period
        self.model.set_rows(rows)
        self._set_busy(False)
        self._show_chart(self.spec.chart(rows))
        if not rows:
            nothing = self.tr("Nothing in this period.")
            self._say(nothing if self.spec.uses_period else self.tr("Nothing yet."))
        elif self.spec.record is not None:
            opens = self.tr(
                "%n patient(s), as of {today}. Double-click one (or press Enter) to open "
                "their record.",
                "",
                len(rows),
            ).format(today=period[1].isoformat())
            self._say(opens if self.action is None else f"{opens} {self.action.hint()}")
        elif not self.spec.uses_period:
            self._say(
                self.tr(
                    "%n row(s), as of {today}. Double-click a number (or press Enter on it) "
                    "to see the patients behind it.",
                    "",
                    len(rows),
                ).format(today=period[1].isoformat())
            )
        else:
            self._say(
                self.tr(
                    "%n row(s), {since} to {until}. Double-click a number (or press Enter on "
                    "it) to see the patients behind it.",
                    "",
                    len(rows),
                ).format(since=period[0].isoformat(), until=period[1].isoformat())
            )

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self._set_busy(False)
        self._say(" ".join(part for part in describe(exc) if part), error=True)

    def drill(self, index: QModelIndex) -> None:
        database, actor, period, spec = self.database, self.actor, self.period, self.spec
        if not index.isValid() or database is None or actor is None or period is None:
            return
        column = self.model.columns[index.column()]
        row = self.model.rows[index.row()]
        if spec.record is not None:  # the row is one patient: no list, their record
            self.open_record.emit(spec.record(row))
            return
        if spec.drill is None or column.kind != "int":
            self._say(self.tr("This column has no list of patients behind it."))
            return
        drill = spec.drill
        heading = f"{self.model.cell(row, 0)} · {words(column.title)}"
        self._say(self.tr("Listing the patients…"))
        self.runner.run(
            lambda: drill(database, actor, period[0], period[1], row, column.key),
            lambda patients: self._drilled(heading, patients),
            lambda exc: self._failed(self.generation, exc),
        )

    def chosen_rows(self) -> list:
        """The rows chosen in the table, top to bottom."""
        chosen = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.model.rows[row] for row in sorted(chosen)]

    def _drilled(self, heading: str, patients: list | None) -> None:
        if patients is None:
            self._say(self.tr("This column has no list of patients behind it."))
            return
        self._say("")
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        self.drill_dialog = dialog = DrillDialog(heading, patients, self)
        dialog.open_record.connect(self.open_record)
        # finished, not destroyed: destroyed also fires while this view itself is being
        # deleted (a later event loop's deferred delete), and a slot on a view half gone
        # crashed the process.
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.show()
        dialog.table.setFocus()

    def _forget(self, dialog: DrillDialog) -> None:
        if self.drill_dialog is dialog:
            self.drill_dialog = None

    def export_table(self) -> None:
        if not self.model.rows or self.period is None:
            return
        spec, rows, titles = self.spec, list(self.model.rows), self.model.headers()
        suggested = f"{spec.key}-{self._dates()}.xlsx"
        self.excel.start(
            self.tr("Export the report table"),
            suggested,
            lambda path, _report: write_table(spec, titles, rows, path),
        )

    def save_chart(self) -> None:
        if not self.model.rows or self.period is None:
            return
        suggested = f"{self.spec.key}-{self._dates()}"
        chosen = self.ask_path(
            self, self.tr("Save the chart"), suggested + ".png", self.tr("PNG image (*.png)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".png":
            path = path.with_name(path.name + ".png")
        if self.chart_view.grab().save(str(path), "PNG"):
            self._say(self.tr("Chart saved to {file}.").format(file=path.name))
        else:
            self._say(
                self.tr("The chart could not be saved to {file}.").format(file=str(path)),
                error=True,
            )

    def _dates(self) -> str:
        """The shown rows' period for a file name: one day for a report as of today."""
        assert self.period is not None
        since, until = self.period
        return until.isoformat() if not self.spec.uses_period else f"{since}-{until}"

    def _show_chart(self, chart: QChart) -> None:
        old, self.chart = self.chart, chart
        self.chart_view.setChart(chart)
        if old is not None:
            old.deleteLater()  # the view lets go of a replaced chart without deleting it

    def _set_busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.refresh_button.setEnabled(not busy)
        has_rows = not busy and bool(self.model.rows)
        self.export_button.setEnabled(has_rows)
        self.chart_button.setEnabled(has_rows)
        if self.action is not None:
            self.action.update()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
