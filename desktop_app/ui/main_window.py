"""The main window: sign-in gate, then navigation between sections, status bar, language.

It opens at once with the sign-in form inside it; the database opens behind it on a
worker thread (see gate.py), which is what keeps cold start close to a bare Qt window.
"""

from __future__ import annotations

import base64
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEvent, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QStackedWidget

from desktop_app import station
from desktop_app.station import StationSettings
from desktop_app.ui.gate import Gate
from desktop_app.ui.i18n import LANGUAGES, Translations
from desktop_app.ui.pages import SECTIONS, section_title
from desktop_app.ui.tasks import Runner
from desktop_app.ui.window_safety import WindowSafety

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.camera_inbox import CameraInboxDialog
    from desktop_app.ui.idle_lock import WindowLock
    from desktop_app.ui.key_check import KeyCheck
    from desktop_app.ui.workspace import Workspace

PING_INTERVAL_MS = 15_000
REMINDERS_SECTION = 3  # where an offline start opens
ROLE_NAMES = {
    "receptionist": QT_TRANSLATE_NOOP("MainWindow", "Receptionist"),
    "consultant": QT_TRANSLATE_NOOP("MainWindow", "Consultant"),
    "doctor": QT_TRANSLATE_NOOP("MainWindow", "Doctor"),
    "nurse": QT_TRANSLATE_NOOP("MainWindow", "Nurse"),
    "manager": QT_TRANSLATE_NOOP("MainWindow", "Manager"),
}


class MainWindow(WindowSafety, QMainWindow):
    def __init__(
        self,
        runner: Runner,
        settings: StationSettings,
        translations: Translations,
        url_override: str | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.runner = runner
        self.settings = settings
        self.translations = translations
        self.database: Database | None = None
        self.actor: Actor | None = None

        self.gate = Gate(runner, settings, url_override)
        self.workspace: Workspace | None = None  # built at first sign-in: not in the first frame
        self.inbox: CameraInboxDialog | None = None  # opened on demand, closed at sign-out
        self.window_lock: WindowLock | None = None  # the idle lock, from the first sign-in
        self.key_check: KeyCheck | None = None  # the data key and old photos, at sign-in
        self.backup_timer = self._backup_timer()
        self.root = QStackedWidget()
        self.root.addWidget(self.gate)
        self.setCentralWidget(self.root)

        self.database_status = QLabel()
        self.database_status.setObjectName("databaseStatus")
        self.connection_status = QLabel()
        self.connection_status.setObjectName("connectionStatus")
        self.user_status = QLabel()
        self.user_status.setObjectName("signedInUser")
        for label in (self.connection_status, self.user_status):
            label.setContentsMargins(12, 0, 12, 0)
        self.statusBar().addWidget(self.database_status, 1)
        self.statusBar().addPermanentWidget(self.connection_status)
        self.statusBar().addPermanentWidget(self.user_status)
        self.ping_timer = QTimer(self)
        self.ping_timer.setInterval(PING_INTERVAL_MS)
        self.ping_timer.timeout.connect(self.check_connection)
        self._connected: bool | None = None
        self.offline = False  # started without the server: reminders only, until it is back

        self._build_menus()
        self.gate.database_opened.connect(self._database_opened)
        self.gate.offline_chosen.connect(self._offline_chosen)
        self.gate.signed_in.connect(self._enter)
        self.gate.quit_requested.connect(self.close)
        self.gate.language_chosen.connect(self.set_language)
        self._restore_geometry()
        self.retranslate()

    # --- menus and language ------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.sign_out_action = QAction(self)
        self.sign_out_action.setObjectName("signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.lock_action = QAction(self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.triggered.connect(self.lock)
        self.quit_action = QAction(self)
        self.quit_action.setObjectName("quitAction")
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addActions([self.lock_action, self.sign_out_action, self.quit_action])

        self.patient_menu = self.menuBar().addMenu("")
        self.new_patient_action = QAction(self)
        self.new_patient_action.setObjectName("newPatientAction")
        self.new_patient_action.triggered.connect(self.new_patient)
        self.find_patient_action = QAction(self)
        self.find_patient_action.setObjectName("findPatientAction")
        self.find_patient_action.triggered.connect(self.find_patient)
        self.open_record_action = QAction(self)
        self.open_record_action.setObjectName("openRecordAction")
        self.open_record_action.triggered.connect(self.open_record)
        self.lot_recall_action = QAction(self)
        self.lot_recall_action.setObjectName("lotRecallAction")
        self.lot_recall_action.triggered.connect(self.lot_recall)
        self.camera_inbox_action = QAction(self)
        self.camera_inbox_action.setObjectName("cameraInboxAction")
        self.camera_inbox_action.triggered.connect(self.camera_inbox)
        self.check_in_action = QAction(self)
        self.check_in_action.setObjectName("checkInAction")
        self.check_in_action.triggered.connect(self.check_in)
        self.patient_menu.addActions(
            [
                self.new_patient_action,
                self.find_patient_action,
                self.check_in_action,
                self.open_record_action,
                self.lot_recall_action,
                self.camera_inbox_action,
            ]
        )

        self.view_menu = self.menuBar().addMenu("")
        self.section_actions: list[QAction] = []
        for index in range(len(SECTIONS)):
            action = QAction(self)
            action.triggered.connect(lambda _=False, i=index: self.show_section(i))
            self.view_menu.addAction(action)
            self.section_actions.append(action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.triggered.connect(lambda _=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.language_actions[self.translations.language].setChecked(True)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Clinic Desk"))
        self.file_menu.setTitle(self.tr("&File"))
        self.sign_out_action.setText(self.tr("&Sign out"))
        self.lock_action.setText(self.tr("&Lock screen"))
        self.quit_action.setText(self.tr("&Quit"))
        self.patient_menu.setTitle(self.tr("&Patient"))
        self.new_patient_action.setText(self.tr("&New patient…"))
        self.find_patient_action.setText(self.tr("&Find patient"))
        self.check_in_action.setText(self.tr("&Check in"))
        self.open_record_action.setText(self.tr("&Open record"))
        self.lot_recall_action.setText(self.tr("&Lot recall…"))
        self.camera_inbox_action.setText(self.tr("C&amera inbox…"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Clinic Desk"))
        for index, action in enumerate(self.section_actions):
            action.setText(section_title(index))
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_language(self, language: str) -> None:
        """Switch at once and remember the choice for this station."""
        self.translations.apply(language)
        self.language_actions[self.translations.language].setChecked(True)
        self.settings.language = self.translations.language
        station.save(self.settings)
        self._refresh_settings_page()

    # --- flow ------------------------------------------------------------------------------

    def start(self) -> None:
        """Called once the first frame is on screen (see startup_probe.FirstFrame)."""
        self._install_shortcuts()
        self.gate.start()

    def _install_shortcuts(self) -> None:
        # Not in __init__: setShortcut makes PySide6 build the Qt namespace's ~110 enums
        # (~20 ms), and no key can be pressed before the first frame anyway.
        self.sign_out_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        # Spelled out: StandardKey.Quit is empty on X11 sessions without a desktop theme.
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        for index, action in enumerate(self.section_actions):
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        self.new_patient_action.setShortcut(QKeySequence("Ctrl+N"))
        self.find_patient_action.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("F3")])
        self.check_in_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.open_record_action.setShortcut(QKeySequence("Ctrl+O"))
        self.camera_inbox_action.setShortcut(QKeySequence("Ctrl+Shift+I"))

    def _database_opened(self, database: Database) -> None:
        self.database = database
        self._connected = True
        self.ping_timer.start()
        self._show_status()

    def _offline_chosen(self, database: Database) -> None:
        """No server: sign in from this station's copy; keep asking the server."""
        self.database = database
        self.offline = True
        self._connected = False
        self.ping_timer.start()
        self._show_status()

    def _enter(self, actor: Actor) -> None:
        self.actor = actor
        if self.workspace is None:
            from desktop_app.ui.workspace import Workspace

            self.workspace = Workspace(self.settings, self.runner)
            self.workspace.settings_page.language_chosen.connect(self.set_language)
            self.workspace.settings_page.restored.connect(self._restored)
            self.workspace.settings_page.security.key_imported.connect(self.check_key)
            self.root.addWidget(self.workspace)
        self.workspace.bind(self.database, actor)
        self.root.setCurrentWidget(self.workspace)
        if self.offline:  # the reminder panel is what works without the server
            self.workspace.show_section(REMINDERS_SECTION)
        else:
            self.workspace.show_section(0)
            self.workspace.front_desk.focus_search()
        self._refresh_settings_page()
        self._show_status()
        self._safety_signed_in()

    def sign_out(self) -> None:
        if self.actor is None:
            return
        self._safety_signed_out()
        actor, database = self.actor, self.database
        self.actor = None
        if self.inbox is not None:  # it acts as the person signing out
            self.inbox.close()
            self.inbox.deleteLater()
            self.inbox = None
        if self.workspace is not None:
            self.workspace.bind(None, None)  # stops the board's polling too
        if database is not None:
            from desktop_app.services.staff import sign_out

            self.runner.run(lambda: sign_out(database, actor), lambda _r: None, lambda _e: None)
        self.root.setCurrentWidget(self.gate)
        self.gate.sign_out()
        self._show_status()

    def new_patient(self) -> None:
        if self.actor is not None and self.workspace is not None:
            self.workspace.show_section(0)
            self.workspace.front_desk.new_patient()

    def check_in(self) -> None:
        if self.actor is not None and self.workspace is not None:
            self.workspace.show_section(0)
            self.workspace.front_desk.check_in()

    def open_record(self) -> None:
        if self.actor is not None and self.workspace is not None:
            self.workspace.front_desk.open_chosen_record()

    def lot_recall(self) -> None:
        from desktop_app.services.permissions import Permission, allowed
        from desktop_app.ui.lot_recall import LotRecallDialog

        if self.actor is None or self.database is None:
            return
        if not allowed(self.actor, Permission.LOT_RECALL):
            self.statusBar().showMessage(self.tr("Your role does not allow lot recall."), 5000)
            return
        self.recall_dialog = LotRecallDialog(self.runner, self.database, self.actor, self)
        self.recall_dialog.open()

    def camera_inbox(self) -> None:
        """The camera folder's new photos, to assign to the record that is open (not modal)."""
        from desktop_app.services.permissions import Permission, allowed

        if self.actor is None or self.database is None or self.workspace is None:
            return
        if not allowed(self.actor, Permission.ADD_PHOTOS):
            self.statusBar().showMessage(self.tr("Your role does not allow adding photos."), 5000)
            return
        if self.inbox is None:
            from desktop_app.ui.camera_inbox import CameraInboxDialog

            page = self.workspace.patient_page
            self.inbox = CameraInboxDialog(
                self.runner, self.database, self.actor, self.settings, self
            )
            page.patient_shown.connect(self.inbox.set_patient)
            self.inbox.panel.assigned.connect(page.photos_added)
            header = page.header
            self.inbox.set_patient(header.id if header else None, header.name if header else "")
        self.inbox.show()
        self.inbox.raise_()
        self.inbox.activateWindow()

    def find_patient(self) -> None:
        if self.actor is not None and self.workspace is not None:
            self.workspace.show_section(0)
            self.workspace.front_desk.focus_search()

    def show_section(self, index: int) -> None:
        if self.actor is not None and self.workspace is not None:
            self.workspace.show_section(index)

    # --- status bar ------------------------------------------------------------------------

    def check_connection(self) -> None:
        database = self.database
        if database is None:
            return
        if self.offline:  # started without it: a server back must also be up to date
            from desktop_app.migrations import upgrade

            self.runner.run(
                lambda: upgrade(database),
                lambda _r: self._back_online(),
                lambda _e: self._set_connected(False),
            )
            return
        self.runner.run(
            database.ping,
            lambda _r: self._set_connected(True),
            lambda _e: self._set_connected(False),
        )

    def _back_online(self) -> None:
        self.offline = False
        self.gate.back_online()
        self._set_connected(True)

    def _set_connected(self, connected: bool) -> None:
        was = self._connected
        self._connected = connected
        if connected and was is False and self.workspace is not None and self.actor is not None:
            self.workspace.reminders_page.sync()  # sends what was done offline, refreshes the copy
        self._show_status()

    def _show_status(self) -> None:
        if self.database is None:
            self.database_status.setText(self.tr("Opening the database…"))
            self.connection_status.setText("")
        else:
            self.database_status.setText(self.database.describe())
            if self._connected:
                text = self.tr("Connected")
            elif self.offline:
                text = self.tr("Offline — the clinic server cannot be reached; reminders only")
            else:
                text = self.tr("Not connected — retrying")
            self.connection_status.setText(text)
        if self.actor is None:
            self.user_status.setText(self.tr("Not signed in"))
        else:
            role = self.tr(ROLE_NAMES.get(self.actor.role.value, self.actor.role.value))
            self.user_status.setText(
                self.tr("Signed in: {name} ({role})").format(
                    name=self.actor.display_name, role=role
                )
            )

    def _refresh_settings_page(self) -> None:
        if self.workspace is not None:
            described = self.database.describe() if self.database else ""
            self.workspace.settings_page.show_state(self.translations.language, described)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from desktop_app import __version__

        QMessageBox.about(
            self,
            self.tr("About Clinic Desk"),
            self.tr(
                "Clinic Desk {version}\nFront desk and clinical record for aesthetics clinics."
            ).format(version=__version__),
        )

    # --- geometry and closing ----------------------------------------------------------------

    def _restore_geometry(self) -> None:
        saved = self.settings.window_geometry
        if not saved or not self.restoreGeometry(QByteArray(base64.b64decode(saved))):
            self.resize(1200, 780)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ping_timer.stop()
        self.settings.window_geometry = base64.b64encode(bytes(self.saveGeometry())).decode()
        try:
            station.save(self.settings)
        except OSError:  # only the window's size is lost; closing must not fail over it
            logging.getLogger(__name__).warning("Could not save the window geometry", exc_info=True)
        wait = getattr(self.runner, "wait", None)
        if wait is not None:
            wait(10_000)
        if self.database is not None:
            self.database.dispose()
        super().closeEvent(event)
