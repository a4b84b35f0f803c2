"""The front desk (前台): find or register the patient in front of you, check them in.

Search on the left with the chosen patient's summary under it; today's queue board on
the right. New patient (Ctrl+N) and find (Ctrl+F / F3) are reachable from anywhere
through the main window's Patient menu.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Role
from desktop_app.services import lookups, queue, tags
from desktop_app.services.intake import age_on
from desktop_app.services.patients import PatientRecord, get_patient
from desktop_app.services.search import SearchHit
from desktop_app.ui.messages import describe
from desktop_app.ui.patient_search import PatientSearch
from desktop_app.ui.queue_board import QueueBoard
from desktop_app.ui.queue_cards import visit_type_name
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.intake_dialog import IntakeDialog


class PatientSummary(QGroupBox):
    """Who the desk has chosen: enough to confirm identity, nothing clinical."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("patientSummary")
        self.text = QLabel()
        self.text.setObjectName("patientSummaryText")
        self.text.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("idUnverifiedNotice")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a4b00;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.warning)
        self.record: PatientRecord | None = None
        self.show_record(None)

    def show_record(self, record: PatientRecord | None) -> None:
        self.record = record
        self.setTitle(self.tr("Patient"))
        if record is None:
            self.text.setText(self.tr("Find a patient, or register a new one with Ctrl+N."))
            self.warning.hide()
            return
        sex = {"F": self.tr("female"), "M": self.tr("male")}.get(record.sex or "", "")
        born = ""
        if record.birth_date:
            age = age_on(record.birth_date, dt.date.today())
            born = self.tr("born {date}, {age} years").format(
                date=record.birth_date.isoformat(), age=age
            )
        facts = ", ".join(part for part in (sex, born) if part)
        self.text.setText(f"<b>{record.name}</b> · {record.record_no}<br>{facts}")
        self.warning.setText(
            self.tr("ID number unverified: {reason}").format(reason=record.id_unverified_reason)
        )
        self.warning.setVisible(bool(record.id_unverified_reason))


class FrontDeskPage(QWidget):
    patient_registered = Signal(object)  # PatientRecord
    open_record = Signal(object)  # patient id

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("frontDeskPage")
        self.runner = runner
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.search = PatientSearch(runner)
        self.summary = PatientSummary()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newPatientButton")
        self.new_button.clicked.connect(self.new_patient)
        self.check_in_button = QPushButton()
        self.check_in_button.setObjectName("checkInButton")
        self.check_in_button.clicked.connect(self.check_in)
        self.check_in_button.setEnabled(False)
        self.record_button = QPushButton()
        self.record_button.setObjectName("openRecordButton")
        self.record_button.clicked.connect(self.open_chosen_record)
        self.record_button.setEnabled(False)
        self.board = QueueBoard(runner)
        self.notice = QLabel()
        self.notice.setObjectName("frontDeskNotice")
        self.notice.setWordWrap(True)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.check_in_button)
        buttons.addWidget(self.record_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.search, 3)
        column.addWidget(self.summary)
        column.addWidget(self.notice)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.board)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)
        self.search.current_changed.connect(self._load_summary)
        self.search.chosen.connect(self._load_summary)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New patient (Ctrl+N)"))
        self.check_in_button.setText(self.tr("Check in (Ctrl+Enter)"))
        self.record_button.setText(self.tr("Record (Ctrl+O)"))
        self.summary.show_record(self.summary.record)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.search.bind(database, actor)
        self.board.bind(database, actor)
        self.summary.show_record(None)
        self.check_in_button.setEnabled(False)
        self.notice.clear()

    def focus_search(self) -> None:
        self.search.focus_box()

    # --- the chosen patient --------------------------------------------------------------

    def _load_summary(self, hit: SearchHit | None) -> None:
        if hit is None or self.database is None or self.actor is None:
            self.summary.show_record(None)
            self.check_in_button.setEnabled(False)
            self.record_button.setEnabled(False)
            return
        self.show_patient(hit.id)

    def show_patient(self, patient_id: uuid.UUID) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self.runner.run(
            lambda: get_patient(database, actor, patient_id),
            self._patient_loaded,
            self._show_failure,
        )

    def _patient_loaded(self, record: PatientRecord) -> None:
        self.summary.show_record(record)
        self.check_in_button.setEnabled(True)
        self.record_button.setEnabled(True)
        if self.search.current_hit() is None or self.search.current_hit().id != record.id:
            self.search.box.setText(record.record_no)
            self.search.run_query()

    def _show_failure(self, exc: BaseException) -> None:
        headline, detail = describe(exc)
        self.notice.setText(f"{headline} {detail}")

    def open_chosen_record(self) -> None:
        if self.summary.record is not None:
            self.open_record.emit(self.summary.record.id)

    # --- checking in ---------------------------------------------------------------------

    def check_in(self) -> None:
        """Put the chosen patient into today's queue; the board shows and selects the card."""
        record, database, actor = self.summary.record, self.database, self.actor
        if record is None or database is None or actor is None:
            return
        self.runner.run(
            lambda: queue.check_in(database, actor, record.id), self._checked_in, self._show_failure
        )

    def _checked_in(self, card: queue.Card) -> None:
        self.notice.setText(
            self.tr("{name} checked in: {type}.").format(
                name=card.name, type=visit_type_name(card.visit_type)
            )
        )
        self.board.reload()
        self.board.select_when_shown(card.visit_id)

    # --- registering ---------------------------------------------------------------------

    def new_patient(self) -> None:
        """Open the intake form; the pick lists are read first (a quick query)."""
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return

        def pick_lists() -> tuple[list, list, list]:
            return (
                lookups.source_channels(database, actor),
                lookups.staff_choices(database, actor, [Role.CONSULTANT]),
                tags.tag_groups(database, actor),
            )

        self.runner.run(pick_lists, self._open_intake, self._show_failure)

    def _open_intake(self, lists: tuple[list, list, list]) -> None:
        from desktop_app.ui.intake_dialog import IntakeDialog

        if self.database is None or self.actor is None:
            return
        dialog = IntakeDialog(self.runner, self.database, self.actor, *lists, parent=self)
        dialog.accepted.connect(lambda: self._intake_done(dialog))
        dialog.rejected.connect(self._intake_cancelled)
        self.intake_dialog = dialog
        dialog.open()

    def _intake_cancelled(self) -> None:
        self.window().activateWindow()  # window managers differ in what gets focus back
        self.focus_search()

    def _intake_done(self, dialog: IntakeDialog) -> None:
        if dialog.saved is not None:
            self.notice.setText(
                self.tr("Registered {name}, record number {record_no}.").format(
                    name=dialog.saved.name, record_no=dialog.saved.record_no
                )
            )
            self.patient_registered.emit(dialog.saved)
            self.show_patient(dialog.saved.id)
            self.check_in_button.setFocus()  # Enter checks the new patient in
        elif dialog.open_existing is not None:
            self.show_patient(dialog.open_existing)
            self.check_in_button.setFocus()
        self.window().activateWindow()
