"""First start of a clinic, in two steps: its letterhead, then the first manager account.

Nothing is written until the last step: the service creates everything in one transaction,
and an error on a field of the first step brings that step back with the message under it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import clinic_settings
from desktop_app.services.errors import ValidationError
from desktop_app.ui.centred_card import CentredCard
from desktop_app.ui.forms import FieldForm
from desktop_app.ui.messages import validation_text

CLINIC_FIELDS = ("clinic_name", "clinic_address", "clinic_phone")
MANAGER_FIELDS = ("display_name", "username", "password", "password_confirm")
LOGO_HEIGHT = 48


def _step(form: FieldForm, *rows: QWidget) -> QWidget:
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.addLayout(form)
    for row in rows:
        column.addWidget(row)
    column.addStretch(1)
    return page


class FirstRunPage(CentredCard):
    """The clinic's name, address, phone and logo; then the first manager."""

    submitted = Signal(dict)  # the texts by field name; the logo file is in ``logo``

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("firstRunPage")
        self.logo: bytes | None = None  # the chosen file's bytes, checked by the service
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.column.addWidget(self.intro)
        self.inputs: dict[str, QLineEdit] = {}
        self.clinic_form = FieldForm()
        for name in CLINIC_FIELDS:
            edit = self._edit(self.clinic_form, name, self.next_step)
            edit.setMaxLength(clinic_settings.TEXT_LIMITS[name])
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("firstRunLogoPreview")
        self.logo_preview.setFixedHeight(LOGO_HEIGHT)
        self.choose_logo_button = QPushButton()
        self.choose_logo_button.setObjectName("firstRunChooseLogo")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button = QPushButton()
        self.remove_logo_button.setObjectName("firstRunRemoveLogo")
        self.remove_logo_button.clicked.connect(lambda: self.use_logo(None))
        logo_row = QWidget()
        row = QHBoxLayout(logo_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_preview, 1)
        row.addWidget(self.choose_logo_button)
        row.addWidget(self.remove_logo_button)
        self.clinic_form.add_field("logo", logo_row)
        self.manager_form = FieldForm()
        for name in MANAGER_FIELDS:
            edit = self._edit(self.manager_form, name, self._submit)
            if name.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
        # The one thing a clinic cannot undo later: losing every copy of its key.
        self.key_note = QLabel()
        self.key_note.setObjectName("firstRunKeyNote")
        self.key_note.setWordWrap(True)
        self.steps = QStackedWidget()
        self.steps.addWidget(_step(self.clinic_form))
        self.steps.addWidget(_step(self.manager_form, self.key_note))
        self.column.addWidget(self.steps)
        self.back_button = QPushButton()
        self.back_button.setObjectName("firstRunBack")
        self.back_button.clicked.connect(self.previous_step)
        self.button = QPushButton()
        self.button.setObjectName("createClinicButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self._forward)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        self.column.addLayout(buttons)
        self.use_logo(None)
        self._show_step(0)

    def _edit(self, form: FieldForm, name: str, on_enter: object) -> QLineEdit:
        edit = QLineEdit()
        form.add_field(name, edit)
        edit.returnPressed.connect(on_enter)  # type: ignore[arg-type]
        self.inputs[name] = edit
        return edit

    def retranslate(self) -> None:
        manager_step = self.steps.currentIndex() == 1
        self.title.setText(
            self.tr("The first manager") if manager_step else self.tr("Welcome to Clinic Desk")
        )
        self.intro.setText(
            self.tr("Create the first manager account. The manager then adds the other staff.")
            if manager_step
            else self.tr(
                "Name your clinic as patients know it. The address, phone and logo head "
                "every consent and aftercare sheet; you can change them later in Settings."
            )
        )
        captions = {
            "clinic_name": self.tr("&Clinic name"),
            "clinic_address": self.tr("&Address"),
            "clinic_phone": self.tr("P&hone"),
            "logo": self.tr("&Logo"),
            "display_name": self.tr("Your &name"),
            "username": self.tr("&User name"),
            "password": self.tr("&Password"),
            "password_confirm": self.tr("&Repeat password"),
        }
        for name, caption in captions.items():
            form = self.clinic_form if name in self.clinic_form.labels else self.manager_form
            form.labels[name].setText(caption)
        self.choose_logo_button.setText(self.tr("C&hoose…"))
        self.remove_logo_button.setText(self.tr("Remo&ve"))
        if self.logo is None:
            self.logo_preview.setText(self.tr("No logo (optional)"))
        self.back_button.setText(self.tr("&Back"))
        self.button.setText(
            self.tr("Create clinic and sign in") if manager_step else self.tr("&Next")
        )
        self.key_note.setText(
            self.tr(
                "Photos and backups are encrypted with a key made now and kept by this "
                "computer. If every copy of it is lost, nobody can open them again. So, once "
                "signed in: Settings › Security › Export key file, and keep that file and its "
                "passphrase safe, apart from each other."
            )
        )

    # --- steps -------------------------------------------------------------------------------

    def _show_step(self, index: int) -> None:
        self.steps.setCurrentIndex(index)
        self.back_button.setVisible(index == 1)
        self.retranslate()
        first = CLINIC_FIELDS[0] if index == 0 else MANAGER_FIELDS[0]
        self.inputs[first].setFocus()

    def next_step(self) -> None:
        self.clinic_form.clear_errors()
        if not self.inputs["clinic_name"].text().strip():
            english = "Enter the clinic's name as patients know it."
            self.clinic_form.show_error("clinic_name", validation_text("required", {}, english))
            return
        self._show_step(1)

    def previous_step(self) -> None:
        self._show_step(0)

    def _forward(self) -> None:
        if self.steps.currentIndex() == 0:
            self.next_step()
        else:
            self._submit()

    # --- the logo ----------------------------------------------------------------------------

    def choose_logo(self) -> None:
        from desktop_app.ui.clinic_box import pick_logo_file

        path = pick_logo_file(self)
        if path:
            self.use_logo_file(path)

    def use_logo_file(self, path: str) -> None:
        """Keep the picture at ``path`` for the letterhead; a file that cannot be read or
        is no PNG/JPEG picture is said so under the field, and the previous choice stays."""
        from desktop_app.ui.clinic_box import read_logo_file

        self.clinic_form.clear_errors()
        try:
            data = read_logo_file(path)
            clinic_settings.logo_from_file(data)  # the service checks again when saving
        except ValidationError as exc:
            self.clinic_form.show_error("logo", validation_text(exc.code, exc.params, exc.message))
            return
        except OSError as exc:
            self.clinic_form.show_error(
                "logo",
                self.tr("This file could not be read: {error}").format(
                    error=exc.strerror or Path(path).name
                ),
            )
            return
        self.use_logo(data)

    def use_logo(self, data: bytes | None) -> None:
        self.logo = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(LOGO_HEIGHT, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.logo_preview.setPixmap(QPixmap())
        self.remove_logo_button.setEnabled(data is not None)
        self.retranslate()

    # --- finishing ---------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)
        self.back_button.setEnabled(not busy)

    def show_error(self, field: str, message: str) -> None:
        """A refusal from the service, under its field, on the step that holds it."""
        on_clinic_step = field in self.clinic_form.errors
        if on_clinic_step != (self.steps.currentIndex() == 0):
            self._show_step(0 if on_clinic_step else 1)
        (self.clinic_form if on_clinic_step else self.manager_form).show_error(field, message)

    def _submit(self) -> None:
        self.manager_form.clear_errors()
        if self.inputs["password"].text() != self.inputs["password_confirm"].text():
            english = "The two passwords are not the same."
            self.manager_form.show_error(
                "password_confirm", validation_text("password_mismatch", {}, english)
            )
            return
        self.submitted.emit({name: edit.text() for name, edit in self.inputs.items()})
