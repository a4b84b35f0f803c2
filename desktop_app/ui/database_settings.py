"""Choosing this station's database: the embedded file, or the clinic's PostgreSQL server.

The server password goes to the OS keyring; where there is none, the user is told
plainly that it will be asked for at each start (it is never written to a file).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import secrets, station
from desktop_app.station import StationSettings
from desktop_app.ui.forms import FieldForm
from desktop_app.ui.server_form import ServerForm, choose_sqlite_file


class DatabaseSettingsDialog(QDialog):
    def __init__(self, settings: StationSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("databaseSettingsDialog")
        self.setWindowTitle(self.tr("Database connection"))
        self.settings = settings
        self.notice = ""  # what the caller should tell the user after saving
        self.local = QRadioButton(self.tr("This computer only (embedded database file)"))
        self.local.setObjectName("useLocalDatabase")
        self.server = QRadioButton(self.tr("The clinic's database server (PostgreSQL)"))
        self.server.setObjectName("useServerDatabase")
        kinds = QButtonGroup(self)
        kinds.addButton(self.local)
        kinds.addButton(self.server)

        self.sqlite_path = QLineEdit(str(settings.sqlite_file()))
        browse = QPushButton(self.tr("Browse…"))
        browse.setObjectName("browseSqlite")
        browse.clicked.connect(self._browse)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.sqlite_path, 1)
        row.addWidget(browse)
        self.file_form = FieldForm()
        self.file_form.add_field("sqlitePath", file_row)
        self.file_form.labels["sqlitePath"].setText(self.tr("Database &file"))

        self.server_form = ServerForm(settings.server)
        self.password = self.server_form.password
        self.password.setPlaceholderText(self.tr("unchanged"))
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        if not secrets.has_secure_store():
            self.keyring_note.setText(
                self.tr(
                    "This computer has no secure password store, so the password cannot be "
                    "remembered: Clinic Desk will ask for it each time it starts."
                )
            )

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local)
        layout.addLayout(self.file_form)
        layout.addWidget(self.server)
        layout.addLayout(self.server_form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(buttons)
        (self.server if settings.database_kind == "postgresql" else self.local).setChecked(True)
        self.local.toggled.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        local = self.local.isChecked()
        for widget in self.file_form.fields.values():
            widget.setEnabled(local)
        self.server_form.set_enabled(not local)

    def _browse(self) -> None:
        path = choose_sqlite_file(self, self.sqlite_path.text())
        if path:
            self.sqlite_path.setText(path)

    def _save(self) -> None:
        self.server_form.clear_errors()
        self.file_form.clear_errors()
        if self.server.isChecked():
            if not self.server_form.filled():
                return
        elif not self.sqlite_path.text().strip():
            self.file_form.show_error("sqlitePath", self.tr("Choose a file."))
            return
        self.settings.database_kind = "postgresql" if self.server.isChecked() else "sqlite"
        self.settings.sqlite_path = self.sqlite_path.text().strip()
        self.settings.server = self.server_form.server()
        if self.server.isChecked() and self.password.text():
            try:
                secrets.set_password(self.settings.server.keyring_account(), self.password.text())
            except secrets.NoSecureStoreError:
                self.notice = self.tr(
                    "This computer has no secure password store, so the password was not "
                    "saved: Clinic Desk will ask for it each time it starts."
                )
        station.save(self.settings)
        self.accept()


class ServerPasswordDialog(QDialog):
    """Asks for the server password when none is stored; opened window-modal."""

    def __init__(self, account: str, no_secure_store: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("serverPasswordDialog")
        self.setWindowTitle(self.tr("Database password"))
        if no_secure_store:
            text = self.tr(
                "This computer has no secure password store, so Clinic Desk cannot remember "
                "the password of the clinic database. Enter it for this session ({account})."
            )
        else:
            text = self.tr(
                "Enter the password of the clinic database ({account}). It will be kept in "
                "this computer's secure password store."
            )
        explanation = QLabel(text.format(account=account))
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = QLineEdit()
        self.edit.setObjectName("serverPassword")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def password(self) -> str:
        return self.edit.text()
