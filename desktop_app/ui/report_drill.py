"""The patients behind one number of a report: record number, name and a masked mobile
(enough to recognise, not to call), and "Open record" for the one chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.report_common import ReportPatient
from desktop_app.ui.rows_model import RowsModel


class PatientsModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Record no."), self.tr("Name"), self.tr("Mobile"))

    def cell(self, row: ReportPatient, column: int) -> Any:
        return (row.record_no, row.name, row.mobile_masked)[column]


class DrillDialog(QDialog):
    """Non-modal, so the manager can keep it beside the report while opening records."""

    open_record = Signal(object)  # the patient's uuid.UUID

    def __init__(
        self,
        heading: str,
        patients: list[ReportPatient],
        parent: QWidget,
        title: Callable[[], str] | None = None,
    ) -> None:
        """``title``: the window title in the current language, if not the default one."""
        super().__init__(parent)
        self.title = title
        self.setObjectName("reportDrill")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.heading = heading
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.model = PatientsModel(self)
        self.model.set_rows(patients)
        self.table = QTableView()
        self.table.setObjectName("reportDrillTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _index: self.open_chosen())
        self.table.installEventFilter(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton()
        self.open_button.setObjectName("reportDrillOpen")
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_chosen)
        self.open_button.setDefault(True)
        self.open_button.setEnabled(bool(patients))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        if patients:
            self.table.selectRow(0)
        self.resize(520, 420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.title() if self.title else self.tr("Patients behind the number"))
        self.label.setText(
            self.tr("{heading}: %n patient(s)", "", self.model.rowCount()).format(
                heading=self.heading
            )
        )
        self.open_button.setText(self.tr("&Open record"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a patient opens the record (a table has no activation key of its own
        on every platform)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
        ):
            self.open_chosen()
            return True
        return super().eventFilter(watched, event)

    def chosen(self) -> ReportPatient | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def open_chosen(self) -> None:
        patient = self.chosen()
        if patient is not None:
            self.open_record.emit(patient.id)
