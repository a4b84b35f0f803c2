"""The audit log for managers: who did or opened what, when, at which workstation.

Filters (staff member, patient by record number or name, action, from/to day) narrow the
table, which loads a page at a time as it scrolls; "Export to Excel…" writes every row the
filters match (the export is itself audited). Everything works from the keyboard: each
filter has an Alt shortcut, Enter in a filter searches, Ctrl+E exports. The file dialog is
a constructor argument so tests can answer it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import audit_log
from desktop_app.services.audit_log import ACTIONS, AuditRow
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.search import search_patients
from desktop_app.ui.audit_words import action_name, entity_name
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

PAGE = 200
DAYS_SHOWN = 7  # the filter's first "from": a week back
# (parent, caption, suggested file, filter) → the chosen path, "" if cancelled
AskPath = Callable[[QWidget, str, str, str], str]

_Index = QModelIndex | QPersistentModelIndex


def _ask_save_path(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, caption, suggested, filters)[0]


class PatientNotFoundError(LookupError):
    """The patient box names no patient, or more than one (``count``)."""

    def __init__(self, count: int) -> None:
        super().__init__(count)
        self.count = count


class AuditLogModel(RowsModel):
    """The matching events; ``more`` says another page may follow (``fetchMore`` asks)."""

    def __init__(self, fetch: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.more = False
        self.fetching = False

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("Who"),
            self.tr("Workstation"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Patient"),
            self.tr("Details"),
        )

    def cell(self, row: AuditRow, column: int) -> Any:
        if column == 0:
            return row.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column == 1:
            return row.who or self.tr("(system)")
        if column == 2:
            return row.workstation
        if column == 3:
            return action_name(row.action)
        if column == 4:
            return entity_name(row.entity_type)
        return row.patient if column == 5 else row.summary

    def append(self, rows: list[AuditRow]) -> None:
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.more and not self.fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self.fetching = True
            self.fetch(len(self.rows))


class AuditViewer(QGroupBox):
    def __init__(self, runner: Runner, ask_path: AskPath = _ask_save_path) -> None:
        super().__init__()
        self.setObjectName("auditViewer")
        self.runner, self.ask_path = runner, ask_path
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.filters: dict[str, Any] = {}
        self.generation = 0
        self.staff = QComboBox()
        self.staff.setObjectName("auditStaff")
        self.patient = QLineEdit()
        self.patient.setObjectName("auditPatient")
        self.patient.setClearButtonEnabled(True)
        self.action = QComboBox()
        self.action.setObjectName("auditAction")
        self.since, self.until = QDateEdit(), QDateEdit()
        for edit, name in ((self.since, "auditSince"), (self.until, "auditUntil")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        today = QDate.currentDate()
        self.since.setDate(today.addDays(-DAYS_SHOWN))
        self.until.setDate(today)
        self.labels = [QLabel() for _ in range(5)]
        grid = QGridLayout()
        for column, (label, field) in enumerate(
            zip(
                self.labels,
                (self.staff, self.patient, self.action, self.since, self.until),
                strict=True,
            )
        ):
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.setColumnStretch(1, 1)
        self.search_button = QPushButton()
        self.search_button.setObjectName("auditSearch")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton()
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export)
        grid.addWidget(self.search_button, 1, 5)
        grid.addWidget(self.export_button, 1, 6)
        self.model = AuditLogModel(self._fetch, self)
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel()
        self.status.setObjectName("auditStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.patient.returnPressed.connect(self.search)
        for edit in (self.since, self.until):
            edit.installEventFilter(self)
        self.export_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        self.export_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.export_shortcut.activated.connect(self.export)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Audit log"))
        for label, text in zip(
            self.labels,
            (
                self.tr("&Staff"),
                self.tr("&Patient"),
                self.tr("A&ction"),
                self.tr("&From"),
                self.tr("&To"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.patient.setPlaceholderText(self.tr("Record number or name"))
        self.search_button.setText(self.tr("&Search"))
        self.export_button.setText(self.tr("&Export to Excel…"))
        self.export_button.setToolTip(self.tr("Every row the filters match (Ctrl+E)"))
        chosen = self.action.currentData()
        self.action.clear()
        self.action.addItem(self.tr("All actions"), None)
        for code in ACTIONS:
            self.action.addItem(action_name(code), code)
        self.action.setCurrentIndex(max(0, self.action.findData(chosen)))
        if self.staff.count():
            self.staff.setItemText(0, self.tr("Everyone"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in a date box searches (the dates have no returnPressed of their own)."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.search()
            return True
        return super().eventFilter(watched, event)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        shown = actor is not None and allowed(actor, Permission.VIEW_AUDIT)
        self.setVisible(shown)
        self.model.set_rows([])
        self.model.more = False
        self.status.clear()
        if shown and database is not None and actor is not None:
            self.runner.run(
                lambda: audit_log.staff_choices(database, actor), self._staff_loaded, self._failed
            )

    def _staff_loaded(self, people: list[tuple[uuid.UUID, str]]) -> None:
        self.staff.clear()
        self.staff.addItem(self.tr("Everyone"), None)
        for staff_id, name in people:
            self.staff.addItem(name, staff_id)
        self.search()

    def _chosen(self) -> dict[str, Any]:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        assert isinstance(since, dt.date) and isinstance(until, dt.date)
        return {
            "staff_id": self.staff.currentData(),
            "action": self.action.currentData(),
            "since": since,
            "until": until,
        }

    def search(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self.generation += 1
        generation, chosen, text = self.generation, self._chosen(), self.patient.text().strip()

        def work() -> tuple[dict[str, Any], list[AuditRow]]:
            filters = dict(chosen, patient_id=_patient_id(database, actor, text))
            return filters, audit_log.search(database, actor, limit=PAGE, **filters)

        self.status.setStyleSheet("")
        self.status.setText(self.tr("Searching…"))
        self.runner.run(work, lambda found: self._found(generation, *found), self._failed)

    def _found(self, generation: int, filters: dict[str, Any], rows: list[AuditRow]) -> None:
        if generation != self.generation:
            return  # a newer search was asked for meanwhile
        self.filters = filters
        self.model.more = len(rows) == PAGE
        self.model.fetching = False
        self.model.set_rows(rows)
        self._count()

    def _fetch(self, offset: int) -> None:
        database, actor, filters, generation = (
            self.database,
            self.actor,
            self.filters,
            self.generation,
        )
        if database is None or actor is None:
            return
        self.runner.run(
            lambda: audit_log.search(database, actor, limit=PAGE, offset=offset, **filters),
            lambda rows: self._more(generation, rows),
            self._failed,
        )

    def _more(self, generation: int, rows: list[AuditRow]) -> None:
        if generation != self.generation:
            return
        self.model.fetching = False
        self.model.more = len(rows) == PAGE
        self.model.append(rows)
        self._count()

    def _count(self) -> None:
        n = len(self.model.rows)
        if n == 0:
            self.status.setText(self.tr("No events match."))
        elif self.model.more:
            self.status.setText(self.tr("The newest {n} events; scroll for more.").format(n=n))
        else:
            self.status.setText(self.tr("{n} events.").format(n=n))

    def export(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None or not self.isVisible():
            return
        suggested = f"audit-log-{dt.date.today().isoformat()}.xlsx"
        chosen = self.ask_path(
            self, self.tr("Export the audit log"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        filters, header = dict(self.filters), tuple(self.model.headers())
        titles = (*header[:4], header[4], self.tr("Record id"), *header[5:])
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Exporting…"))
        self.runner.run(
            lambda: audit_log.export_xlsx(database, actor, path, header=titles, **filters),
            lambda n: self.status.setText(
                self.tr("{n} events exported to {file}.").format(n=n, file=path.name)
            ),
            self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        self.model.fetching = False
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, PatientNotFoundError):
            self.status.setText(
                self.tr("No patient matches.")
                if exc.count == 0
                else self.tr("Several patients match: type the record number.")
            )
        else:
            self.status.setText(" ".join(describe(exc)))


def _patient_id(database: Database, actor: Actor, text: str) -> uuid.UUID | None:
    """The one patient the box names: a record number exactly, or a single search hit."""
    if not text:
        return None
    hits = search_patients(database, actor, text, limit=5)
    exact = [hit for hit in hits if hit.record_no.casefold() == text.casefold()]
    if len(exact) == 1:
        return exact[0].id
    if len(hits) != 1:
        raise PatientNotFoundError(len(hits))
    return hits[0].id
