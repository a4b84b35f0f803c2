"""Settings: this station's language, database and camera folder; the clinic's letterhead
and pre-treatment checks, queue limits and lists."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app import station
from desktop_app.services.permissions import Permission, allowed
from desktop_app.station import StationSettings
from desktop_app.ui.backup_box import BackupBox
from desktop_app.ui.catalogue_settings import CatalogueBox
from desktop_app.ui.clinic_box import ClinicBox
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.import_patients_box import ImportPatientsBox
from desktop_app.ui.lock_settings import LockSettingsBox
from desktop_app.ui.opening_hours_box import OpeningHoursBox
from desktop_app.ui.permissions_view import PermissionsBox
from desktop_app.ui.pick_lists import PickListsBox
from desktop_app.ui.queue_settings import QueueLimitsBox
from desktop_app.ui.reminder_rules_settings import ReminderRulesBox
from desktop_app.ui.security_box import SecurityBox
from desktop_app.ui.staff_settings import StaffBox
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class BoundBox(Protocol):
    def bind(self, database: Database | None, actor: Actor | None) -> None: ...


class SettingsPage(QWidget):
    language_chosen = Signal(str)
    restored = Signal(object)  # a backup was restored: the window signs everyone out

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
        self.camera_folder = CameraFolderBox(settings)
        layout.addWidget(self.camera_folder)
        self.clinic = ClinicBox(runner)
        self.opening_hours = OpeningHoursBox(runner)
        self.queue_limits = QueueLimitsBox(runner)
        self.pick_lists = PickListsBox(runner)
        self.catalogue = CatalogueBox(runner)
        self.reminder_rules = ReminderRulesBox(runner)
        # Who may do what, and keeping the data safe: people, the screen lock, the key, backups.
        self.staff = StaffBox(runner)
        self.permissions = PermissionsBox()
        self.lock_settings = LockSettingsBox(runner)
        self.security = SecurityBox(runner)
        self.backup = BackupBox(runner)
        self.backup.restored.connect(self.restored)
        self.import_patients = ImportPatientsBox(runner)  # another system's patients, once
        # Each follows who is signed in (bind) and shows what that person may see or edit.
        self.boxes: list[BoundBox] = [
            self.clinic, self.opening_hours, self.queue_limits, self.pick_lists,
            self.catalogue, self.reminder_rules, self.staff, self.permissions,
            self.lock_settings, self.security, self.backup, self.import_patients,
        ]  # fmt: skip
        for box in self.boxes:
            layout.addWidget(box)
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
        self.camera_folder.setVisible(actor is not None and allowed(actor, Permission.ADD_PHOTOS))
        for box in self.boxes:
            box.bind(database, actor)

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


class CameraFolderBox(QGroupBox):
    """This computer's watched camera folder, for the roles that add photos.

    Saved to station.json at once: the folder is where a camera or phone sync on this PC
    writes, so another workstation has its own (or none).
    """

    def __init__(self, settings: StationSettings) -> None:
        super().__init__()
        self.setObjectName("cameraFolderBox")
        self.settings = settings
        self.folder_label = QLabel()
        self.folder_value = QLabel()
        self.folder_value.setObjectName("cameraFolderPath")
        self.folder_value.setWordWrap(True)
        self.choose = QPushButton()
        self.choose.setObjectName("chooseCameraFolderButton")
        self.choose.clicked.connect(self._choose)
        self.clear = QPushButton()
        self.clear.setObjectName("clearCameraFolderButton")
        self.clear.clicked.connect(lambda: self.set_folder(None))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.clear)
        buttons.addStretch(1)
        self.after_label = QLabel()
        self.remove_after = QRadioButton()
        self.remove_after.setObjectName("cameraRemoveAfterImport")
        self.keep_after = QRadioButton()
        self.keep_after.setObjectName("cameraKeepAfterImport")
        (
            self.keep_after if settings.camera_after_import == "keep" else self.remove_after
        ).setChecked(True)
        self.remove_after.toggled.connect(self._after_import_changed)
        after = QVBoxLayout()
        after.addWidget(self.remove_after)
        after.addWidget(self.keep_after)
        self.hint = QLabel()
        self.hint.setObjectName("cameraFolderHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        form = QFormLayout(self)
        form.addRow(self.folder_label, self.folder_value)
        form.addRow("", buttons)
        form.addRow(self.after_label, after)
        form.addRow("", self.hint)
        self.setMaximumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Camera folder on this computer"))
        self.folder_label.setText(self.tr("Watched folder"))
        self.choose.setText(self.tr("Choose folder…"))
        self.clear.setText(self.tr("Stop watching"))
        self.after_label.setText(self.tr("After import"))
        self.remove_after.setText(
            self.tr("Remove the file from this computer once it is safely in the record")
        )
        self.keep_after.setText(
            self.tr("Keep the file (moved to the folder's 'imported' subfolder)")
        )
        self.hint.setText(
            self.tr(
                "New photos a tethered camera or phone sync writes to this folder wait in the "
                "camera inbox of the patient's record. Face photos are sensitive personal "
                "information: keep copies on this computer only if you must."
            )
        )
        self._show_folder()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_folder(self, folder: str | None) -> None:
        self.settings.camera_folder = folder or None
        station.save(self.settings)
        self._show_folder()

    def _show_folder(self) -> None:
        folder = self.settings.camera_folder
        self.folder_value.setText(folder or self.tr("None: no camera inbox on this computer"))
        self.clear.setEnabled(folder is not None)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Camera folder"), self.settings.camera_folder or ""
        )
        if chosen:
            self.set_folder(chosen)

    def _after_import_changed(self) -> None:
        self.settings.camera_after_import = "remove" if self.remove_after.isChecked() else "keep"
        station.save(self.settings)
