"""The signed-in workspace: section navigation on the left, the chosen section's page."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from desktop_app.station import StationSettings
from desktop_app.ui.bookings_page import BookingsPage
from desktop_app.ui.documents_page import DocumentsPage
from desktop_app.ui.front_desk import FrontDeskPage
from desktop_app.ui.pages import SECTIONS, section_title
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.reminders_page import RemindersPage
from desktop_app.ui.reports_page import ReportsPage
from desktop_app.ui.settings_page import SettingsPage
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


BOOKINGS = 1  # the Appointments section's row
PATIENTS = 2
REMINDERS = 3  # the Reminders section's row


class Workspace(QWidget):
    def __init__(self, settings: StationSettings, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("workspace")
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(180)
        self.navigation.setStyleSheet("QListWidget::item { padding: 8px 12px; }")
        self.pages = QStackedWidget()
        self.pages.setObjectName("pages")
        self.front_desk = FrontDeskPage(runner)
        self.pages.addWidget(self.front_desk)
        self.bookings_page = BookingsPage(runner)
        self.pages.addWidget(self.bookings_page)
        self.patient_page = PatientPage(runner, settings)
        self.pages.addWidget(self.patient_page)
        self.front_desk.open_record.connect(self.open_record)
        self.reminders_page = RemindersPage(runner)
        self.reminders_page.open_record.connect(self.open_record)
        self.reminders_page.badge_changed.connect(self._show_badge)
        self.reminders_page.book_requested.connect(self.book_from_reminder)
        self.pages.addWidget(self.reminders_page)
        self.documents_page = DocumentsPage(runner)
        self.pages.addWidget(self.documents_page)
        self.reports_page = ReportsPage(runner)
        self.reports_page.open_record.connect(self.open_record)
        self.pages.addWidget(self.reports_page)
        self.settings_page = SettingsPage(settings, runner)
        self.pages.addWidget(self.settings_page)
        for _ in SECTIONS:
            self.navigation.addItem("")
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self._badge = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.retranslate()

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        """Every page that works on the database follows who is signed in."""
        self.front_desk.bind(database, actor)
        self.bookings_page.bind(database, actor)
        self.patient_page.bind(database, actor)
        self.documents_page.bind(database, actor)
        self.reminders_page.bind(database, actor)
        self.reports_page.bind(database, actor)
        self.settings_page.bind(database, actor)

    def open_record(self, patient_id: uuid.UUID) -> None:
        self.show_section(PATIENTS)
        self.patient_page.show_patient(patient_id)
        self.patient_page.list.setFocus()

    def book_from_reminder(self, reminder_id: uuid.UUID) -> None:
        """ "Book now" on a reminder: the appointment book, with its dialog filled in."""
        self.show_section(BOOKINGS)
        self.bookings_page.book_from_reminder(reminder_id)

    def show_section(self, index: int) -> None:
        self.navigation.setCurrentRow(index)
        if index == REMINDERS:  # keyboard first: Enter, 1, 3, R work on the list at once
            self.reminders_page.table.setFocus()
        elif index == BOOKINGS:  # arrows, Enter and Alt+Up/Down work on the book at once
            self.bookings_page.grid.setFocus()

    def _show_badge(self, count: int) -> None:
        """My overdue and today's reminders, on the navigation."""
        self._badge = count
        self.retranslate()

    def retranslate(self) -> None:
        for index in range(len(SECTIONS)):
            self.navigation.item(index).setText(section_title(index))
        if self._badge:
            item = self.navigation.item(REMINDERS)
            item.setText(f"{section_title(REMINDERS)} ({self._badge})")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
