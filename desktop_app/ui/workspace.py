"""The signed-in workspace: section navigation on the left, the chosen section's page."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QStackedWidget, QWidget

from desktop_app.station import StationSettings
from desktop_app.ui.front_desk import FrontDeskPage
from desktop_app.ui.pages import SECTIONS, ComingPage, section_title
from desktop_app.ui.settings_page import SettingsPage
from desktop_app.ui.tasks import Runner


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
        for index in range(1, len(SECTIONS) - 1):
            self.pages.addWidget(ComingPage(index))
        self.settings_page = SettingsPage(settings, runner)
        self.pages.addWidget(self.settings_page)
        for _ in SECTIONS:
            self.navigation.addItem("")
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)
        self.retranslate()

    def show_section(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def retranslate(self) -> None:
        for index in range(len(SECTIONS)):
            self.navigation.item(index).setText(section_title(index))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
