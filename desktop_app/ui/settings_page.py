"""Settings: this station's language and database; the clinic's queue limits and lists."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.station import StationSettings
from desktop_app.ui.catalogue_settings import CatalogueBox
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.pick_lists import PickListsBox
from desktop_app.ui.queue_settings import QueueLimitsBox
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class SettingsPage(QWidget):
    language_chosen = Signal(str)

    def __init__(self, settings: StationSettings, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("settingsPage")
        self.settings = settings
        self.station_box = QGroupBox()
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.database_label = QLabel()
        self.database_value = QLabel()
        self.database_value.setObjectName("databaseDescription")
        self.database_value.setWordWrap(True)
        self.change_database = QPushButton()
        self.change_database.setObjectName("changeDatabaseButton")
        self.change_database.clicked.connect(self._change_database)
        form = QFormLayout(self.station_box)
        form.addRow(self.language_label, self.language)
        form.addRow(self.database_label, self.database_value)
        form.addRow("", self.change_database)
        self.station_box.setMaximumWidth(720)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.station_box)
        self.queue_limits = QueueLimitsBox(runner)
        layout.addWidget(self.queue_limits)
        self.pick_lists = PickListsBox(runner)
        layout.addWidget(self.pick_lists)
        self.catalogue = CatalogueBox(runner)
        layout.addWidget(self.catalogue)
        layout.addStretch(1)
        scroll = QScrollArea()  # the clinic-wide parts make the page taller than a screen
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_chosen.emit(self.language.currentData())
        )
        self.retranslate()

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        """The clinic-wide parts follow who is signed in (managers edit them)."""
        self.queue_limits.bind(database, actor)
        self.pick_lists.bind(database, actor)
        self.catalogue.bind(database, actor)

    def show_state(self, language: str, database: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.blockSignals(False)
        self.database_value.setText(database)

    def retranslate(self) -> None:
        self.station_box.setTitle(self.tr("This computer"))
        self.language_label.setText(self.tr("&Language"))
        self.database_label.setText(self.tr("Database"))
        self.change_database.setText(self.tr("Change database connection…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _change_database(self) -> None:
        from desktop_app.ui.database_settings import DatabaseSettingsDialog

        dialog = DatabaseSettingsDialog(self.settings, self)
        self.dialog = dialog

        def saved() -> None:
            text = self.tr("Clinic Desk will use the new database the next time it starts.")
            if dialog.notice:
                text += "\n\n" + dialog.notice
            QMessageBox.information(self, self.tr("Database connection"), text)

        dialog.accepted.connect(saved)
        dialog.open()
