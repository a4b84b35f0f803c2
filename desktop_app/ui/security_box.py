"""Settings › Security: what the clinic's data key protects, and its key file.

Photos and backups are sealed under one key that each computer keeps in its own keyring;
if every copy is lost, so are they. The remedy is the key file (the key sealed under a
passphrase): a manager exports it, keeps it apart from the computers, and anyone at a
new computer imports it (the passphrase is the permission). The file dialogs are
injectable (``choose_save`` / ``choose_open``) so tests need no native dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import clinic_key
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database

ChooseFile = Callable[[QWidget], str]  # the path chosen, "" if none
SUFFIX = ".cdkey"


def _save_dialog(parent: QWidget) -> str:
    caption = QCoreApplication.translate("SecurityBox", "Save the clinic's key file")
    kinds = QCoreApplication.translate("SecurityBox", "Clinic Desk key files (*.cdkey)")
    return QFileDialog.getSaveFileName(parent, caption, f"clinic-key{SUFFIX}", kinds)[0]


def _open_dialog(parent: QWidget) -> str:
    caption = QCoreApplication.translate("SecurityBox", "Open the clinic's key file")
    kinds = QCoreApplication.translate("SecurityBox", "Clinic Desk key files (*.cdkey)")
    return QFileDialog.getOpenFileName(parent, caption, "", kinds)[0]


class SecurityBox(SettingsBox):
    key_imported = Signal()  # this computer holds the key now: photos can be shown again

    def __init__(
        self,
        runner: Runner,
        choose_save: ChooseFile = _save_dialog,
        choose_open: ChooseFile = _open_dialog,
    ) -> None:
        super().__init__()
        self.setObjectName("securityBox")
        self.runner, self.choose_save, self.choose_open = runner, choose_save, choose_open
        self.dialog: KeyFileDialog | None = None  # the open one (tests)
        column = QVBoxLayout(self)
        self.explanation = QLabel()
        self.explanation.setObjectName("securityExplanation")
        self.explanation.setWordWrap(True)
        column.addWidget(self.explanation)
        self.key_state = QLabel()
        self.key_state.setObjectName("keyState")
        self.key_state.setWordWrap(True)
        column.addWidget(self.key_state)
        buttons = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportKeyButton")
        self.export_button.clicked.connect(self.export_key)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importKeyButton")
        self.import_button.clicked.connect(self.import_key)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.import_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.status = QLabel()
        self.status.setObjectName("securityStatus")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        self.setMaximumWidth(720)
        self._holds_key: bool | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Security"))
        self.explanation.setText(
            self.tr(
                "Photos and backups are encrypted with the clinic's key. Each computer keeps "
                "its copy of the key in its own secure store; the database does not hold it. "
                "If every copy is lost (the computers replaced or reinstalled), nobody can open "
                "the photos and backups again. The remedy is the key file: export it, keep it "
                "somewhere safe away from these computers with its passphrase written down "
                "apart, and import it on each new computer."
            )
        )
        self.export_button.setText(self.tr("&Export key file…"))
        self.import_button.setText(self.tr("&Import key file…"))
        self._show_key_state()

    def bound(self) -> None:
        database = self.database
        self.export_button.setVisible(self.allows(Permission.EDIT_CLINIC_SETTINGS))
        self.import_button.setEnabled(database is not None)
        self.status.clear()
        self._holds_key = None
        self._show_key_state()
        if database is not None:
            self.runner.run(lambda: _holds_key(database), self._key_state, lambda _e: None)

    def _key_state(self, holds: bool) -> None:
        self._holds_key = holds
        self._show_key_state()

    def _show_key_state(self) -> None:
        if self._holds_key is None:
            self.key_state.clear()
        elif self._holds_key:
            self.key_state.setText(self.tr("This computer holds the clinic's key."))
        else:
            self.key_state.setText(
                self.tr("This computer does not hold the clinic's key: import the key file.")
            )

    # --- export (managers) -------------------------------------------------------------

    def export_key(self) -> None:
        if self.database is None or self.actor is None:
            return
        dialog = KeyFileDialog(self, exporting=True)
        dialog.submitted.connect(lambda: self._export(dialog))
        self._open(dialog)

    def _export(self, dialog: KeyFileDialog) -> None:
        database, actor = self.database, self.actor
        passphrase = dialog.passphrase.text()
        dialog.form.clear_errors()
        if len(passphrase) < clinic_key.MIN_PASSPHRASE:
            dialog.show_error("passphrase", "too_short")
            return
        if dialog.repeat.text() != passphrase:
            dialog.show_error("repeat", "mismatch")
            return
        chosen = self.choose_save(dialog)
        if not chosen or database is None or actor is None:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(SUFFIX)
        self.runner.run(
            lambda: clinic_key.export_key_file(database, actor, path, passphrase),
            lambda _r: self._exported(dialog, path),
            dialog.failed,
        )

    def _exported(self, dialog: KeyFileDialog, path: Path) -> None:
        dialog.accept()
        self._say(
            self.tr(
                "Key file saved: {path}. Keep it away from this computer (a USB stick in the "
                "safe) and the passphrase apart from it."
            ).format(path=path)
        )

    # --- import (anyone at a computer without the key) --------------------------------

    def import_key(self) -> None:
        if self.database is None:
            return
        chosen = self.choose_open(self)
        if not chosen:
            return
        dialog = KeyFileDialog(self, exporting=False, path=Path(chosen))
        dialog.submitted.connect(lambda: self._import(dialog))
        self._open(dialog)

    def _import(self, dialog: KeyFileDialog) -> None:
        database, path, passphrase = self.database, dialog.path, dialog.passphrase.text()
        dialog.form.clear_errors()
        if not passphrase:
            dialog.show_error("passphrase", "required")
            return
        if database is None or path is None:
            return
        self.runner.run(
            lambda: clinic_key.import_key_file(database, path, passphrase),
            lambda _r: self._imported(dialog),
            dialog.failed,
        )

    def _imported(self, dialog: KeyFileDialog) -> None:
        dialog.accept()
        self._key_state(True)
        self._say(self.tr("The clinic's key is on this computer now: photos open here."))
        self.key_imported.emit()

    def _open(self, dialog: KeyFileDialog) -> None:
        self.status.clear()
        self.dialog = dialog
        dialog.open()
        dialog.passphrase.setFocus()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)


class KeyFileDialog(QDialog):
    """The passphrase (twice when exporting); errors under the field they are about."""

    submitted = Signal()

    def __init__(self, parent: QWidget, *, exporting: bool, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportKeyDialog" if exporting else "importKeyDialog")
        self.exporting, self.path = exporting, path
        column = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        column.addWidget(self.intro)
        self.form = FieldForm()
        column.addLayout(self.form)
        self.file = QLabel(str(path or ""))
        self.file.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        if not exporting:
            self.file_label = self.form.add_field("key_file", self.file)
        self.passphrase_label = self.form.add_field("passphrase", self.passphrase)
        if exporting:
            self.repeat_label = self.form.add_field("repeat", self.repeat)
        self.problem = QLabel()
        self.problem.setObjectName("keyFileProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        column.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submitted)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate()

    def retranslate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.exporting:
            self.setWindowTitle(self.tr("Export the clinic's key file"))
            self.intro.setText(
                self.tr(
                    "Choose a passphrase of at least {min} characters. Anyone with the file and "
                    "the passphrase can open the clinic's photos and backups: write the "
                    "passphrase down and keep it apart from the file."
                ).format(min=clinic_key.MIN_PASSPHRASE)
            )
            self.repeat_label.setText(self.tr("&Repeat passphrase"))
            ok.setText(self.tr("Save key file…"))
        else:
            self.setWindowTitle(self.tr("Import the clinic's key file"))
            self.intro.setText(self.tr("Enter the passphrase the key file was saved with."))
            self.file_label.setText(self.tr("Key file"))
            ok.setText(self.tr("Import"))
        self.passphrase_label.setText(self.tr("&Passphrase"))

    def show_error(self, field: str, code: str) -> None:
        texts = {
            "too_short": self.tr("At least {min} characters.").format(
                min=clinic_key.MIN_PASSPHRASE
            ),
            "mismatch": self.tr("The two passphrases are not the same."),
            "required": self.tr("Enter the passphrase."),
            "wrong": self.tr("Wrong passphrase, or the key file was changed."),
            "invalid": self.tr("This is not a Clinic Desk key file."),
            "other_clinic": self.tr("This key file belongs to another clinic's database."),
        }
        self.form.show_error(field, texts.get(code, code))

    def failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError) and exc.field in self.form.fields:
            self.show_error(exc.field, exc.code)
            return
        self.problem.setText(" ".join(part for part in describe(exc) if part))
        self.problem.show()


def _holds_key(database: Database) -> bool:
    try:
        clinic_key.data_key(database)
    except clinic_key.KeyMissingError:
        return False
    return True
