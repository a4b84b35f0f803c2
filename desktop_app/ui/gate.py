"""Everything between starting and working: open the database, set up or sign in.

The database opens on a worker thread while the sign-in form is already on screen;
problems are explained in a dialog offering Retry, Database settings and Quit — and, when
the clinic server cannot be reached and this station has worked with it before, Work
offline: sign in as someone who signed in here before, with the reminder panel only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QWidget

from desktop_app import station
from desktop_app.station import StationSettings
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.sign_in import SignInPage
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.db import Database
    from desktop_app.startup import OpenedDatabase, PasswordNeededError
    from desktop_app.ui.first_run import FirstRunPage
    from desktop_app.ui.station_setup import StationChoice, StationSetupPage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Opened:
    opened: OpenedDatabase
    clinic_name: str


def _open(
    url_override: str | None,
    settings: StationSettings,
    password: str | None,
    notify: Callable[[str], None],
) -> _Opened:
    """Worker-thread side of opening: resolve, connect, migrate, read the clinic's name."""
    from desktop_app import secrets
    from desktop_app.services import clinic_settings
    from desktop_app.startup import database_url, open_database

    opened = open_database(database_url(url_override, settings, password), notify)
    if password is not None and secrets.has_secure_store():
        # Only a password that just worked is remembered.
        secrets.set_password(settings.server.keyring_account(), password)
    name = clinic_settings.get(opened.database, clinic_settings.CLINIC_NAME)
    return _Opened(opened, name)


def _offline_database(
    url_override: str | None, settings: StationSettings, password: str | None
) -> Database | None:
    """The server's Database (not connected) when this station can work offline with it:
    people signed in here before, so the offline copy has someone to sign in."""
    from desktop_app.db import Database
    from desktop_app.services.reminder_cache import OfflineCacheError, ReminderCache
    from desktop_app.startup import database_url

    database = Database(database_url(url_override, settings, password))
    if database.kind != "postgresql":
        return None
    try:
        return database if ReminderCache.for_database(database).users() else None
    except OfflineCacheError:
        return None


def _sign_in_online(database: Database, username: str, password: str) -> object:
    """Sign in, then remember the person on this station for an offline sign-in later."""
    from desktop_app.db import DatabaseError
    from desktop_app.services.errors import ServiceError
    from desktop_app.services.reminder_cache import remember_sign_in
    from desktop_app.services.staff import sign_in

    actor = sign_in(database, username, password)
    try:
        remember_sign_in(database, actor)
    except (DatabaseError, ServiceError):  # the sign-in stands; only offline sign-in suffers
        log.warning("Could not remember the sign-in for offline use", exc_info=True)
    return actor


class _Relay(QObject):
    """Carries the migration's word from the worker thread to the sign-in page (queued)."""

    said = Signal(str)


class Gate(QStackedWidget):
    ready = Signal()  # the database is open: signing in (or first run) can proceed
    database_opened = Signal(object)  # Database
    offline_chosen = Signal(object)  # the server's Database, not reachable: reminders only
    signed_in = Signal(object)  # Actor
    quit_requested = Signal()
    language_chosen = Signal(str)  # on the station setup page

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
        self.migration_status = _Relay(self)
        self.migration_status.said.connect(self.sign_in.show_opening_state)
        self._first_run: FirstRunPage | None = None
        self._station_setup: StationSetupPage | None = None
        # Where the records live is chosen once per computer, at its first start: before
        # this computer has a settings file (or when chosen in this session).
        self.station_chosen = station.settings_file().exists()
        self.offline = False  # working from this station's offline copy (reminders only)

    @property
    def first_run(self) -> FirstRunPage:
        """Built when first needed: most starts never show it (nor import what it needs)."""
        if self._first_run is None:
            from desktop_app.ui.first_run import FirstRunPage

            self._first_run = FirstRunPage()
            self._first_run.submitted.connect(self._complete_first_run)
            self.addWidget(self._first_run)
        return self._first_run

    @property
    def station_setup(self) -> StationSetupPage:
        """Built when first needed: only a station's first start shows it."""
        if self._station_setup is None:
            from PySide6.QtCore import QLocale

            from desktop_app.ui.station_setup import StationSetupPage

            language = "zh_CN" if QLocale().name().startswith("zh") else "en"
            self._station_setup = StationSetupPage(self.runner, self.settings, language)
            self._station_setup.language_chosen.connect(self.language_chosen)
            self._station_setup.chosen.connect(self._station_chosen)
            self.addWidget(self._station_setup)
        return self._station_setup

    # --- opening the database ------------------------------------------------------------

    def start(self) -> None:
        self.offline = False
        if self.database is not None:  # a retry: let go of the previous connection pool
            self.database.dispose()
            self.database = None
        self.setCurrentWidget(self.sign_in)
        self.sign_in.set_busy(opening=True)
        self.sign_in.username.setFocus()
        url_override, settings, password = self.url_override, self.settings, self.password
        notify = self.migration_status.said.emit
        self.runner.run(
            lambda: _open(url_override, settings, password, notify), self._opened, self._failed
        )

    def _opened(self, result: _Opened) -> None:
        self.database = result.opened.database
        self.database_opened.emit(self.database)
        self.sign_in.set_busy()  # open now, whichever page comes next
        if result.opened.needs_first_run and self._may_choose_station():
            self.setCurrentWidget(self.station_setup)
            self.station_setup.button.setFocus()
        elif result.opened.needs_first_run:
            self._show_first_run()
        else:
            self.sign_in.set_clinic_name(result.clinic_name)
            (
                self.sign_in.password if self.sign_in.username.text() else self.sign_in.username
            ).setFocus()
        self.ready.emit()

    def _may_choose_station(self) -> bool:
        """A clinic not yet set up, opened on a computer's first start from its default
        settings (no address given for this run): this computer is set up first."""
        import os

        from desktop_app.db import URL_ENV

        return not (self.station_chosen or self.url_override or os.environ.get(URL_ENV))

    def _show_first_run(self) -> None:
        self.setCurrentWidget(self.first_run)
        self.first_run.inputs["clinic_name"].setFocus()

    def _station_chosen(self, choice: StationChoice) -> None:
        """Keep the choice in this station's settings, then open (and create) that database."""
        from pathlib import Path

        from desktop_app import paths

        settings = self.settings
        chosen = Path(choice.sqlite_path) if choice.server is None else None
        if chosen is not None:
            settings.database_kind = "sqlite"
            settings.sqlite_path = "" if chosen == paths.default_sqlite_path() else str(chosen)
        else:
            settings.database_kind = "postgresql"
            settings.server = choice.server
        try:
            station.save(settings)
        except OSError as exc:
            self.station_setup.show_error(
                self.tr("This computer's settings could not be saved: {error}").format(
                    error=exc.strerror or exc
                )
            )
            return
        self.station_chosen = True
        opened = self.database.sqlite_path if self.database is not None else None
        if chosen is not None and opened == chosen:
            self._show_first_run()  # the file already open: nothing to reopen
            return
        self.password = choice.password  # kept in the keyring once it has worked
        self.start()

    def _failed(self, exc: BaseException) -> None:
        from desktop_app.db import DatabaseUnavailableError
        from desktop_app.startup import PasswordNeededError

        if isinstance(exc, PasswordNeededError):
            self._ask_password(exc)
        elif isinstance(exc, DatabaseUnavailableError):  # can this station work offline?
            url_override, settings, password = self.url_override, self.settings, self.password
            self.runner.run(
                lambda: _offline_database(url_override, settings, password),
                lambda database: self.show_database_error(exc, database),
                lambda _error: self.show_database_error(exc),
            )
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

    def show_database_error(self, exc: BaseException, offline: Database | None = None) -> None:
        from PySide6.QtWidgets import QMessageBox

        headline, detail = describe(exc)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Clinic Desk"), headline, parent=self)
        box.setObjectName("databaseErrorDialog")
        box.setInformativeText(detail)
        retry = box.addButton(self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
        retry.setObjectName("retryButton")
        configure = box.addButton(self.tr("Database &settings…"), QMessageBox.ButtonRole.ActionRole)
        configure.setObjectName("databaseSettingsButton")
        work_offline = None
        if offline is not None:
            work_offline = box.addButton(
                self.tr("Work &offline (reminders only)"), QMessageBox.ButtonRole.ActionRole
            )
            work_offline.setObjectName("workOfflineButton")
            box.setInformativeText(
                detail
                + "\n\n"
                + self.tr(
                    "You can work offline: the reminder panel keeps working from this "
                    "computer's copy, and what you do is sent to the server when it is back."
                )
            )
        quit_ = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
        quit_.setObjectName("quitButton")
        box.setDefaultButton(retry)
        box.buttonClicked.connect(
            lambda button: self._error_choice(button, retry, configure, work_offline, offline)
        )
        self.error_box = box
        box.open()

    def _error_choice(
        self,
        button: QPushButton,
        retry: QPushButton,
        configure: QPushButton,
        work_offline: QPushButton | None = None,
        offline: Database | None = None,
    ) -> None:
        self.error_box = None
        if button is retry:
            self.start()
        elif button is configure:
            self.open_database_settings()
        elif work_offline is not None and button is work_offline and offline is not None:
            self.work_offline(offline)
        else:
            self.quit_requested.emit()

    def work_offline(self, database: Database) -> None:
        """Sign-in against this station's offline copy; the window retries the server."""
        self.offline = True
        self.database = database
        self.setCurrentWidget(self.sign_in)
        self.sign_in.set_busy()
        self.sign_in.show_error(
            self.tr(
                "Offline: the clinic server cannot be reached. Sign in as someone who has "
                "signed in on this computer before; only the reminder panel works until "
                "the server is back."
            )
        )
        self.offline_chosen.emit(database)
        (
            self.sign_in.password if self.sign_in.username.text() else self.sign_in.username
        ).setFocus()

    def back_online(self) -> None:
        """The server answers again (the window checked): sign-ins go to it once more."""
        self.offline = False

    def open_database_settings(self) -> None:
        from desktop_app.ui.database_settings import DatabaseSettingsDialog

        dialog = DatabaseSettingsDialog(self.settings, self)
        self.settings_dialog = dialog
        dialog.accepted.connect(self._settings_changed)
        dialog.rejected.connect(self.start)
        dialog.open()

    def _settings_changed(self) -> None:
        self.url_override = None  # the user chose a database: use it rather than the override
        self.station_chosen = True
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
            address=answers["clinic_address"],
            phone=answers["clinic_phone"],
            logo=self.first_run.logo,
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
            self.first_run.show_error(exc.field, validation_text(exc.code, exc.params, exc.message))
        elif isinstance(exc, SetupAlreadyDoneError):
            self.setCurrentWidget(self.sign_in)
            self.sign_in.set_busy()
            self.sign_in.show_error(describe(exc)[0])
        else:
            self.show_database_error(exc)

    def _sign_in(self, username: str, password: str) -> None:
        from desktop_app.services.reminder_cache import sign_in_offline

        database = self.database
        assert database is not None
        self.sign_in.show_error("")
        self.sign_in.set_busy(checking=True)
        sign_in = sign_in_offline if self.offline else _sign_in_online
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
