"""Settings › The clinic (managers): the letterhead every document prints (name, address,
phone, logo) and whether a treatment without a signed consent or before photos is only
warned about or blocked. Other roles do not see it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import clinic_settings
from desktop_app.services.clinic_settings import (
    CLINIC_ADDRESS,
    CLINIC_NAME,
    CLINIC_PHONE,
    GATE_BLOCK,
    GATE_WARN,
    TREATMENT_GATE,
)
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database

PREVIEW_HEIGHT = 56


def read_logo_file(path: str) -> bytes:
    """The chosen file's bytes; a huge file is refused before it is read."""
    if Path(path).stat().st_size > clinic_settings.MAX_LOGO_BYTES:
        raise ValidationError("logo", "logo_too_large", "The logo file is larger than 5 MB.")
    return Path(path).read_bytes()


def pick_logo_file(parent: QWidget) -> str:
    """A PNG or JPEG picture for the letterhead; empty when cancelled."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ClinicBox", "Clinic logo"),
        "",
        QCoreApplication.translate("ClinicBox", "Pictures (*.png *.jpg *.jpeg)"),
    )
    return path


def _load(database: Database) -> dict[str, Any]:
    values: dict[str, Any] = {
        key: clinic_settings.get(database, key)
        for key in (CLINIC_NAME, CLINIC_ADDRESS, CLINIC_PHONE, TREATMENT_GATE)
    }
    values["logo"] = clinic_settings.logo_png(database)
    return values


class ClinicBox(SettingsBox):
    permission = Permission.EDIT_CLINIC_SETTINGS

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("clinicBox")
        self.runner = runner
        self.form = FieldForm()
        self.inputs: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        for key in (CLINIC_NAME, CLINIC_ADDRESS, CLINIC_PHONE):
            edit = QLineEdit()
            edit.setMaxLength(clinic_settings.TEXT_LIMITS[key])
            edit.returnPressed.connect(self.save)
            self.captions[key] = self.form.add_field(key, edit)
            self.inputs[key] = edit
        self.preview = QLabel()
        self.preview.setObjectName("logoPreview")
        self.preview.setFixedHeight(PREVIEW_HEIGHT)
        self.preview.setMinimumWidth(PREVIEW_HEIGHT * 3)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("chooseLogoButton")
        self.choose_button.clicked.connect(self.choose_logo)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeLogoButton")
        self.remove_button.clicked.connect(self.remove_logo)
        logo = QWidget()
        logo_row = QHBoxLayout(logo)
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.preview)
        logo_row.addWidget(self.choose_button)
        logo_row.addWidget(self.remove_button)
        logo_row.addStretch(1)
        self.captions["logo"] = self.form.add_field("logo", logo)
        self.warn = QRadioButton()
        self.warn.setObjectName("gateWarn")
        self.block = QRadioButton()
        self.block.setObjectName("gateBlock")
        self.warn.setChecked(True)
        self.gate_group = QButtonGroup(self)
        self.gate_group.addButton(self.warn)
        self.gate_group.addButton(self.block)
        gate = QWidget()
        gate_column = QVBoxLayout(gate)
        gate_column.setContentsMargins(0, 0, 0, 0)
        gate_column.addWidget(self.warn)
        gate_column.addWidget(self.block)
        self.captions[TREATMENT_GATE] = self.form.add_field(TREATMENT_GATE, gate)
        self.captions[TREATMENT_GATE].setWordWrap(True)
        self.captions[TREATMENT_GATE].setBuddy(self.warn)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveClinicButton")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("clinicStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.setMaximumWidth(720)
        self._show_logo(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The clinic: letterhead and pre-treatment checks"))
        self.captions[CLINIC_NAME].setText(self.tr("Clinic &name"))
        self.captions[CLINIC_ADDRESS].setText(self.tr("&Address"))
        self.captions[CLINIC_PHONE].setText(self.tr("&Phone"))
        self.captions["logo"].setText(self.tr("Logo"))
        self.captions[TREATMENT_GATE].setText(
            self.tr("When a treatment starts without a signed consent or before photos")
        )
        self.choose_button.setText(self.tr("Choose l&ogo…"))
        self.remove_button.setText(self.tr("Re&move logo"))
        self.warn.setText(self.tr("&Warn (the treatment can still be saved)"))
        self.block.setText(self.tr("&Block (Save stays off until they are there)"))
        self.save_button.setText(self.tr("&Save clinic details"))
        if self.preview.pixmap().isNull():
            self.preview.setText(self.tr("No logo"))

    def bound(self) -> None:
        self._clear_messages()
        database = self.database
        if self.shown and database is not None:
            self.runner.run(lambda: _load(database), self._fill, self._failed)

    def _fill(self, values: dict[str, Any]) -> None:
        for key, edit in self.inputs.items():
            edit.setText(values[key])
        (self.block if values[TREATMENT_GATE] == GATE_BLOCK else self.warn).setChecked(True)
        self._show_logo(values["logo"])

    def _show_logo(self, png: bytes | None) -> None:
        pixmap = QPixmap()
        if png and pixmap.loadFromData(png):
            self.preview.setPixmap(
                pixmap.scaledToHeight(PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No logo"))
        self.remove_button.setEnabled(bool(png))

    def _clear_messages(self) -> None:
        self.form.clear_errors()
        self.status.clear()

    def save(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self._clear_messages()
        values = {key: edit.text() for key, edit in self.inputs.items()}
        values[TREATMENT_GATE] = GATE_BLOCK if self.block.isChecked() else GATE_WARN
        self.save_button.setEnabled(False)
        self.runner.run(
            lambda: clinic_settings.put_many(database, actor, values),
            lambda _none: self._saved(self.tr("Saved. The next document printed uses it.")),
            self._failed,
        )

    def choose_logo(self) -> None:
        path = pick_logo_file(self)
        if path:
            self.use_logo_file(path)

    def use_logo_file(self, path: str) -> None:
        """Read, check and keep the picture at ``path`` as the logo (on the Runner)."""
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self._clear_messages()
        self.choose_button.setEnabled(False)
        self.runner.run(
            lambda: clinic_settings.set_logo(database, actor, read_logo_file(path)),
            self._logo_saved,
            self._logo_failed,
        )

    def remove_logo(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self._clear_messages()
        self.runner.run(
            lambda: clinic_settings.clear_logo(database, actor),
            lambda _none: self._logo_saved(None),
            self._failed,
        )

    def _logo_saved(self, png: bytes | None) -> None:
        self._show_logo(png)
        self._saved(
            self.tr("Logo saved.") if png else self.tr("Logo removed: documents print without.")
        )

    def _saved(self, text: str) -> None:
        self.save_button.setEnabled(True)
        self.choose_button.setEnabled(True)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _logo_failed(self, exc: BaseException) -> None:
        if isinstance(exc, OSError):  # the chosen file could not be read
            self.choose_button.setEnabled(True)
            self.form.show_error(
                "logo", self.tr("This file could not be read: {error}").format(error=exc)
            )
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.choose_button.setEnabled(True)
        if isinstance(exc, ValidationError) and exc.field in self.form.errors:
            self.form.show_error(exc.field, validation_text(exc.code, exc.params, exc.message))
            return
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.status.setText(validation_text(exc.code, exc.params, exc.message))
        else:
            self.status.setText(" ".join(describe(exc)))
