"""The search box and its result list: finds patients as the desk types, off the UI thread.

Used on the front desk and wherever a patient is picked (a referrer, for example). Each
keystroke restarts a short timer; when it fires the query runs on the runner, and an
answer that arrives after a newer query was started is dropped, so the list always shows
what the box says. "Export to Excel…" (Ctrl+Shift+E; the desk and managers) writes every
patient the box finds, or every patient when it is empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.search import SearchHit, search_patients
from desktop_app.ui import excel_export
from desktop_app.ui.list_exports import start_patient_export
from desktop_app.ui.messages import describe
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

TYPING_PAUSE_MS = 120
LIMIT = 50
_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(RowsModel):
    """Search hits as rows: record number, name, masked mobile, date of birth."""

    COLUMNS = ("record_no", "name", "mobile_masked", "birth_date")

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Record no."), self.tr("Name"), self.tr("Mobile"), self.tr("Born"))

    def cell(self, hit: SearchHit, column: int) -> Any:
        value = getattr(hit, self.COLUMNS[column])
        return value.isoformat() if hasattr(value, "isoformat") else value


class PatientSearch(QWidget):
    """Box + list. Down moves into the list, Enter chooses, Esc goes back to the box."""

    chosen = Signal(object)  # SearchHit
    current_changed = Signal(object)  # SearchHit | None

    def __init__(
        self,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        exportable: bool = True,
        ask_path: excel_export.AskPath = excel_export.ask_save_path,
        tell: excel_export.Tell = excel_export.tell_in_box,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.exportable = exportable  # not where a patient is only picked
        self.excel = excel_export.ExcelExport(self, runner, ask_path, tell)
        self.database: Database | None = None
        self.actor: Actor | None = None
        self._generation = 0
        self._answered = 0  # the generation the list shows
        self._choose_when_answered = False
        self.box = QLineEdit()
        self.box.setObjectName("patientSearchBox")
        self.box.setClearButtonEnabled(True)
        self.model = SearchResultsModel(self)
        self.view = QTableView()
        self.view.setObjectName("patientSearchResults")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel()
        self.status.setObjectName("patientSearchStatus")
        self.export_button = QPushButton()
        self.export_button.setObjectName("patientSearchExport")
        self.export_button.clicked.connect(self.export)
        self.export_button.hide()
        self.export_shortcut = QShortcut(QKeySequence(excel_export.SHORTCUT), self)
        self.export_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_shortcut.activated.connect(self.export)
        line = QHBoxLayout()
        line.addWidget(self.status, 1)
        line.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addLayout(line)
        layout.addWidget(self.view, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_query)
        self.box.textChanged.connect(lambda _t: self.timer.start())
        self.box.returnPressed.connect(self._choose_current)
        self.view.activated.connect(lambda _i: self._choose_current())
        self.view.selectionModel().currentRowChanged.connect(
            lambda _c, _p: self.current_changed.emit(self.current_hit())
        )
        self.box.installEventFilter(self)
        self.view.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(
            self.tr("Name, pinyin or initials, mobile (last 4), record or ID number")
        )
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip(
            self.tr("The patients found, or every patient when the box is empty (Ctrl+Shift+E)")
        )

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.box.clear()
        self.model.set_rows([])
        self.export_button.setVisible(self.may_export())

    def may_export(self) -> bool:
        actor = self.actor
        return self.exportable and actor is not None and allowed(actor, Permission.EXPORT_DATA)

    def export(self) -> None:
        """Every patient the box finds (all of them, not the first page), or everyone."""
        database, actor, query = self.database, self.actor, self.box.text().strip()
        if database is None or actor is None or not self.may_export():
            return
        start_patient_export(self.excel, database, actor, query)

    def focus_box(self) -> None:
        self.box.setFocus()
        self.box.selectAll()

    def current_hit(self) -> SearchHit | None:
        row = self.view.currentIndex().row()
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def run_query(self) -> None:
        """Start the query for what the box says now; earlier answers still on the way lose."""
        self.timer.stop()
        self._generation += 1
        generation, text = self._generation, self.box.text()
        database, actor = self.database, self.actor
        if database is None or actor is None or not text.strip():
            self._choose_when_answered = False
            self._show([], "")
            return
        self.status.setText(self.tr("Searching…"))
        self.runner.run(
            lambda: search_patients(database, actor, text, limit=LIMIT),
            lambda hits: self._answer(generation, hits),
            lambda exc: self._failed(generation, exc),
        )

    def _answer(self, generation: int, hits: list[SearchHit]) -> None:
        if generation != self._generation:
            return
        status = self.tr("No patient found.") if not hits else self.tr("%n found", "", len(hits))
        self._show(hits, status)
        if self._choose_when_answered:
            self._choose_when_answered = False
            self._choose_current()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._choose_when_answered = False
            self._show([], describe(exc)[0])

    def _show(self, hits: list[SearchHit], status: str) -> None:
        self._answered = self._generation
        self.model.set_rows(hits)
        self.status.setText(status)
        if hits:
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.current_changed.emit(None)

    def _choose_current(self) -> None:
        if self.timer.isActive():  # Enter before the pause ended: search, then choose
            self._choose_when_answered = True
            self.run_query()
            return
        if self._answered != self._generation:  # the answer is still on its way
            self._choose_when_answered = True
            return
        hit = self.current_hit()
        if hit is not None:
            self.chosen.emit(hit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            moving_down = key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
            if watched is self.box and moving_down and self.model.rows:
                self.view.setFocus()
                return True
            if watched is self.view and key == Qt.Key.Key_Escape:
                self.focus_box()
                return True
            if watched is self.view and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._choose_current()
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PatientPicker(QDialog):
    """Pick one existing patient (a referrer, say) with the same search as the desk."""

    def __init__(
        self, runner: Runner, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("patientPicker")
        self.setWindowTitle(self.tr("Choose a patient"))
        self.picked: SearchHit | None = None
        self.search = PatientSearch(runner, self, exportable=False)
        self.search.bind(database, actor)
        self.search.chosen.connect(self._pick)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(buttons)
        self.resize(560, 420)
        self.search.focus_box()

    def _pick(self, hit: SearchHit) -> None:
        self.picked = hit
        self.accept()
