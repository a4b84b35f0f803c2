"""Everything between starting and working: open the database, set up or sign in.

The database opens on a worker thread while the sign-in form is already on screen;
problems are explained in a dialog offering Retry, Database settings and Quit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QWidget

from desktop_app.station import StationSettings
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.sign_in import FirstRunPage, SignInPage
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.db import Database
    from desktop_app.startup import OpenedDatabase, PasswordNeededError


@dataclass(frozen=True)
class _Opened:
    opened: OpenedDatabase
    clinic_name: str


def _open(url_override: str | None, settings: StationSettings, password: str | None) -> _Opened:
    """Worker-thread side of opening: resolve, connect, migrate, read the clinic's name."""
    from desktop_app import secrets
    from desktop_app.services import clinic_settings
    from desktop_app.startup import database_url, open_database

    opened = open_database(database_url(url_override, settings, password))
    if password is not None and secrets.has_secure_store():
        # Only a password that just worked is remembered.
        secrets.set_password(settings.server.keyring_account(), password)
    name = clinic_settings.get(opened.database, clinic_settings.CLINIC_NAME)
    return _Opened(opened, name)


class Gate(QStackedWidget):
    ready = Signal()  # the database is open: signing in (or first run) can proceed
    database_opened = Signal(object)  # Database
    signed_in = Signal(object)  # Actor
    quit_requested = Signal()

    def __init__(
        self,
        runner: Runner,
        settings: StationSettings,
        url_override: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gate")
        self.runner = runner
        self.settings = settings
        self.url_override = url_override
        self.database: Database | None = None
        self.password: str | None = None
        self.error_box: QMessageBox | None = None  # built on demand: not in the first frame
        self.sign_in = SignInPage()
        self.addWidget(self.sign_in)
        self.sign_in.submitted.connect(self._sign_in)
        self._first_run: FirstRunPage | None = None

    @property
    def first_run(self) -> FirstRunPage:
        """Built when first needed: most starts never show it."""
        if self._first_run is None:
            self._first_run = FirstRunPage()
            self._first_run.submitted.connect(self._complete_first_run)
            self.addWidget(self._first_run)
        return self._first_run

    # --- opening the database ------------------------------------------------------------

    def start(self) -> None:
        if self.database is not None:  # a retry: let go of the previous connection pool
            self.database.dispose()
            self.database = None
        self.setCurrentWidget(self.sign_in)
        self.sign_in.set_busy(opening=True)
        self.sign_in.username.setFocus()
        url_override, settings, password = self.url_override, self.settings, self.password
        self.runner.run(lambda: _open(url_override, settings, password), self._opened, self._failed)

    def _opened(self, result: _Opened) -> None:
        self.database = result.opened.database
        self.database_opened.emit(self.database)
        self.sign_in.set_busy()  # open now, whichever page comes next
        if result.opened.needs_first_run:
            self.setCurrentWidget(self.first_run)
            self.first_run.inputs["clinic_name"].setFocus()
        else:
            self.sign_in.set_clinic_name(result.clinic_name)
            (
                self.sign_in.password if self.sign_in.username.text() else self.sign_in.username
            ).setFocus()
        self.ready.emit()

    def _failed(self, exc: BaseException) -> None:
        from desktop_app.startup import PasswordNeededError

        if isinstance(exc, PasswordNeededError):
            self._ask_password(exc)
        else:
            self.show_database_error(exc)

    def _ask_password(self, need: PasswordNeededError) -> None:
        from desktop_app.ui.database_settings import ServerPasswordDialog

        dialog = ServerPasswordDialog(need.account, need.no_secure_store, self)
        self.password_dialog = dialog

        def accepted() -> None:
            self.password = dialog.password()
            self.start()

        dialog.accepted.connect(accepted)
        dialog.rejected.connect(lambda: self.show_database_error(need))
        dialog.open()

    def show_database_error(self, exc: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        headline, detail = describe(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Clinic Desk"), headline, parent=self)
        box.setObjectName("databaseErrorDialog")
        box.setInformativeText(detail)
        retry = box.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        retry.setObjectName("retryButton")
        configure = box.addButton(self.tr("Database &settings…"), QMessageBox.ButtonRole.ActionRole)
        configure.setObjectName("databaseSettingsButton")
        quit_ = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        quit_.setObjectName("quitButton")
        box.setDefaultButton(retry)
        box.buttonClicked.connect(lambda button: self._error_choice(button, retry, configure))
        self.error_box = box
        box.open()

    def _error_choice(
        self, button: QPushButton, retry: QPushButton, configure: QPushButton
    ) -> None:
        self.error_box = None
        if button is retry:
            self.start()
        elif button is configure:
            self.open_database_settings()
        else:
            self.quit_requested.emit()

    def open_database_settings(self) -> None:
        from desktop_app.ui.database_settings import DatabaseSettingsDialog

        dialog = DatabaseSettingsDialog(self.settings, self)
        self.settings_dialog = dialog
        dialog.accepted.connect(self._settings_changed)
        dialog.rejected.connect(self.start)
        dialog.open()

    def _settings_changed(self) -> None:
        self.url_override = None  # the user chose a database: use it rather than the override
        self.password = None
        self.start()

    # --- first run and sign-in -------------------------------------------------------------

    def _complete_first_run(self, answers: dict[str, str]) -> None:
        from desktop_app.services.setup import FirstRun, complete_first_run

        database = self.database
        assert database is not None
        first_run = FirstRun(
            answers["clinic_name"],
            answers["username"],
            answers["display_name"],
            answers["password"],
        )
        self.first_run.set_busy(True)
        self.runner.run(
            lambda: complete_first_run(database, first_run),
            self._first_run_done,
            self._first_run_failed,
        )

    def _first_run_done(self, actor: object) -> None:
        self.first_run.set_busy(False)
        self.sign_in.set_clinic_name(self.first_run.inputs["clinic_name"].text().strip())
        self.sign_in.username.setText(self.first_run.inputs["username"].text().strip().lower())
        for edit in self.first_run.inputs.values():
            if edit.echoMode() != edit.EchoMode.Normal:
                edit.clear()
        self.signed_in.emit(actor)

    def _first_run_failed(self, exc: BaseException) -> None:
        from desktop_app.services.errors import SetupAlreadyDoneError, ValidationError

        self.first_run.set_busy(False)
        if isinstance(exc, ValidationError):
            self.first_run.form.show_error(
                exc.field, validation_text(exc.code, exc.params, exc.message)
            )
        elif isinstance(exc, SetupAlreadyDoneError):
            self.setCurrentWidget(self.sign_in)
            self.sign_in.set_busy()
            self.sign_in.show_error(describe(exc)[0])
        else:
            self.show_database_error(exc)

    def _sign_in(self, username: str, password: str) -> None:
        from desktop_app.services.staff import sign_in

        database = self.database
        assert database is not None
        self.sign_in.show_error("")
        self.sign_in.set_busy(checking=True)
        self.runner.run(
            lambda: sign_in(database, username, password), self._signed_in, self._sign_in_failed
        )

    def _signed_in(self, actor: object) -> None:
        self.sign_in.set_busy()
        self.sign_in.password.clear()
        self.signed_in.emit(actor)

    def _sign_in_failed(self, exc: BaseException) -> None:
        from desktop_app.services.errors import AuthenticationError

        self.sign_in.set_busy()
        headline, detail = describe(exc)
        self.sign_in.show_error(
            headline if isinstance(exc, AuthenticationError) else f"{headline}\n{detail}"
        )

    def sign_out(self) -> None:
        self.setCurrentWidget(self.sign_in)
        self.sign_in.reset()
