"""First start of a workstation: its language, and where the clinic's records live.

"This computer only" keeps them in a file here; "the clinic's server" tests the connection
first (each failure explained) and asks whether this station creates the clinic's database
or joins the one the clinic already works in — checked against what the server holds
before anything is saved, so a typo in a database name never creates a second clinic.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop_app.services.server_check import Fit, Schema, ServerCheck, check_server, fit
from desktop_app.station import ServerSettings, StationSettings
from desktop_app.ui.centred_card import CentredCard
from desktop_app.ui.forms import ERROR_STYLE, FieldForm, error_line
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.server_form import ServerForm, choose_sqlite_file
from desktop_app.ui.station_words import fit_text, found_text, problem_text
from desktop_app.ui.tasks import Runner

OK_STYLE = "color: #1b6e3a;"


@dataclass(frozen=True)
class StationChoice:
    server: ServerSettings | None  # None: this computer only, in ``sqlite_path``
    sqlite_path: str = ""
    password: str = ""
    create: bool = False  # this station creates the clinic's database on the server


def _row(*widgets: QWidget) -> QWidget:
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
    return holder


class StationSetupPage(CentredCard):
    language_chosen = Signal(str)
    chosen = Signal(object)  # StationChoice, once it suits what the server holds

    def __init__(self, runner: Runner, settings: StationSettings, language: str) -> None:
        super().__init__()
        self.setObjectName("stationSetupPage")
        self.runner = runner
        self.checking = False
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.column.addWidget(self.intro)

        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language.currentData())
        )
        self.language_form = FieldForm()
        self.language_form.add_field("setupLanguage", self.language)
        self.column.addLayout(self.language_form)

        self.local = QRadioButton()
        self.local.setObjectName("useLocalDatabase")
        self.local_note = QLabel()
        self.local_note.setWordWrap(True)
        self.sqlite_path = QLineEdit(str(settings.sqlite_file()))
        self.browse = QPushButton()
        self.browse.setObjectName("browseSqlite")
        self.browse.clicked.connect(self._browse)
        self.file_form = FieldForm()
        self.file_form.add_field("sqlitePath", _row(self.sqlite_path, self.browse))
        self.server = QRadioButton()
        self.server.setObjectName("useServerDatabase")
        self.server_note = QLabel()
        self.server_note.setWordWrap(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.local)
        kinds.addButton(self.server)
        for widget in (self.local, self.local_note):
            self.column.addWidget(widget)
        self.column.addLayout(self.file_form)
        for widget in (self.server, self.server_note):
            self.column.addWidget(widget)

        self.server_form = ServerForm(settings.server)
        form = self.server_form
        self.host, self.port, self.database = form.host, form.port, form.database
        self.user, self.password = form.user, form.password
        self.test_button = QPushButton()
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setObjectName("connectionResult")
        self.result.setWordWrap(True)
        self.join = QRadioButton()
        self.join.setObjectName("joinClinicDatabase")
        self.create = QRadioButton()
        self.create.setObjectName("createClinicDatabase")
        self.join.setChecked(True)
        roles = QButtonGroup(self)
        roles.addButton(self.join)
        roles.addButton(self.create)
        self.server_form.addRow("", self.test_button)
        self.server_form.addRow(self.result)
        self.server_form.addRow(self.join)
        self.server_form.addRow(self.create)
        self.column.addLayout(self.server_form)

        self.error = error_line("stationSetupError")
        self.column.addWidget(self.error)
        self.button = QPushButton()
        self.button.setObjectName("stationContinueButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.column.addWidget(self.button)
        for edit in (self.sqlite_path, self.host, self.database, self.user, self.password):
            edit.returnPressed.connect(self.submit)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(self._forget_result)
        self.port.valueChanged.connect(self._forget_result)
        (self.server if settings.database_kind == "postgresql" else self.local).setChecked(True)
        self.local.toggled.connect(self._enable)
        self._enable()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Set up this computer"))
        self.intro.setText(
            self.tr(
                "Choose the language and where the clinic's records are kept. Both can be "
                "changed later (View › Language, Database settings)."
            )
        )
        self.language_form.labels["setupLanguage"].setText(self.tr("&Language"))
        self.local.setText(self.tr("&This computer only"))
        self.local_note.setText(
            self.tr(
                "For a clinic with one computer: the records are kept in a file on it. Back "
                "it up daily (Settings › Backup)."
            )
        )
        self.file_form.labels["sqlitePath"].setText(self.tr("Database &file"))
        self.browse.setText(self.tr("Browse…"))
        self.server.setText(self.tr("The clinic's &server (PostgreSQL)"))
        self.server_note.setText(
            self.tr("For several computers sharing the records over the clinic network.")
        )
        self.server_form.retranslate()
        self.test_button.setText(
            self.tr("Testing…") if self.checking else self.tr("Test &connection")
        )
        self.join.setText(self.tr("&Join the clinic's existing database"))
        self.create.setText(self.tr("C&reate the clinic's database (its first computer)"))
        self.button.setText(self.tr("&Continue"))

    # --- choices ---------------------------------------------------------------------------

    def _enable(self) -> None:
        local = self.local.isChecked()
        self.sqlite_path.setEnabled(local)
        self.browse.setEnabled(local)
        self.server_form.set_enabled(not local)
        self.test_button.setEnabled(not local and not self.checking)
        for widget in (self.result, self.join, self.create):
            widget.setEnabled(not local)
        self.error.hide()

    def _browse(self) -> None:
        path = choose_sqlite_file(self, self.sqlite_path.text())
        if path:
            self.sqlite_path.setText(path)

    def _forget_result(self) -> None:
        self.result.clear()

    # --- testing and continuing ------------------------------------------------------------

    def test_connection(self) -> None:
        """Connect once (on the runner) and say what was found."""
        self._check(then_continue=False)

    def submit(self) -> None:
        self.error.hide()
        if self.local.isChecked():
            self.file_form.clear_errors()
            path = self.sqlite_path.text().strip()
            if not path:
                self.file_form.show_error("sqlitePath", self.tr("Choose a file."))
                return
            self.chosen.emit(StationChoice(None, sqlite_path=path))
            return
        self._check(then_continue=True)

    def _check(self, *, then_continue: bool) -> None:
        if self.checking or not self.server_form.filled():
            return
        from desktop_app.db import resolve_url

        server, password = self.server_form.server(), self.password.text()
        url = resolve_url(None, StationSettings("postgresql", server=server), password or None)
        self._set_checking(True)
        self.runner.run(
            lambda: check_server(url),
            lambda check: self._checked(check, server, password, then_continue),
            self._check_failed,
        )

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        self.button.setEnabled(not checking)
        self._enable()
        self.retranslate()

    def _checked(
        self, check: ServerCheck, server: ServerSettings, password: str, then_continue: bool
    ) -> None:
        self._set_checking(False)
        if check.problem is not None:
            self._show_result(problem_text(check, server), ok=False)
            return
        self._show_result(found_text(check), ok=check.schema not in (Schema.FOREIGN, Schema.NEWER))
        if not then_continue:  # a test: pick the choice that suits what was found
            (self.join if check.clinic_name else self.create).setChecked(True)
            return
        create = self.create.isChecked()
        verdict = fit(check, create=create)
        if verdict is not Fit.OK:
            self.error.setText(fit_text(verdict, check, create=create))
            self.error.show()
            return
        self.chosen.emit(StationChoice(server, password=password, create=create))

    def _check_failed(self, exc: BaseException) -> None:
        from desktop_app.ui.messages import describe

        self._set_checking(False)
        self._show_result(" ".join(describe(exc)), ok=False)

    def _show_result(self, text: str, *, ok: bool) -> None:
        self.result.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.result.setText(text)

    def show_error(self, message: str) -> None:
        """A problem after the choice was made (the settings could not be saved, say)."""
        self.error.setText(message)
        self.error.show()
