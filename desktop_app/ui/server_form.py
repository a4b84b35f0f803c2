"""The clinic-server fields and the database-file picker, shared by a computer's first start
(station_setup) and Database settings (database_settings)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QLineEdit, QSpinBox, QWidget

from desktop_app.station import ServerSettings
from desktop_app.ui.forms import FieldForm


def choose_sqlite_file(parent: QWidget, current: str) -> str:
    """A file to keep the records in (existing or new); empty when cancelled."""
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ServerForm", "Database file"),
        current,
        "SQLite (*.db)",
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return path


class ServerForm(FieldForm):
    """Address, port, database, user and password of a PostgreSQL server."""

    def __init__(self, server: ServerSettings) -> None:
        super().__init__()
        self.host = QLineEdit(server.host)
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(server.port)
        self.database = QLineEdit(server.database)
        self.user = QLineEdit(server.user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for name, widget in (
            ("serverHost", self.host),
            ("serverPort", self.port),
            ("serverDatabase", self.database),
            ("serverUser", self.user),
            ("serverPassword", self.password),
        ):
            self.add_field(name, widget)
        self.edits = (self.host, self.database, self.user, self.password)
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "serverHost": QCoreApplication.translate("ServerForm", "Server &address"),
            "serverPort": QCoreApplication.translate("ServerForm", "P&ort"),
            "serverDatabase": QCoreApplication.translate("ServerForm", "&Database"),
            "serverUser": QCoreApplication.translate("ServerForm", "&User"),
            "serverPassword": QCoreApplication.translate("ServerForm", "&Password"),
        }
        for name, caption in captions.items():
            self.labels[name].setText(caption)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.host, self.port, self.database, self.user, self.password):
            widget.setEnabled(enabled)

    def server(self) -> ServerSettings:
        return ServerSettings(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def filled(self) -> bool:
        """Address, database and user are given; the first one missing is flagged."""
        self.clear_errors()
        for name, edit in (
            ("serverHost", self.host),
            ("serverDatabase", self.database),
            ("serverUser", self.user),
        ):
            if not edit.text().strip():
                self.show_error(
                    name, QCoreApplication.translate("ServerForm", "This field is required.")
                )
                return False
        return True
