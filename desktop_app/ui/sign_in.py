"""The sign-in page and the first-run page shown inside the main window before work starts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import validation_text


class _CentredCard(QWidget):
    """A fixed-width card centred in the window, as sign-in screens are."""

    def __init__(self) -> None:
        super().__init__()
        self.card = QFrame()
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.card.setMaximumWidth(460)
        self.column = QVBoxLayout(self.card)
        self.column.setContentsMargins(28, 24, 28, 24)
        self.column.setSpacing(10)
        # Centred with stretches rather than Qt.AlignmentFlag: touching the Qt namespace
        # builds ~90 Python enums (~20 ms), which this first frame does not need.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card, 3)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.column.addWidget(self.title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class SignInPage(_CentredCard):
    submitted = Signal(str, str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("signInPage")
        self.clinic_name = ""
        self.form = FieldForm()
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("username", self.username)
        self.form.add_field("password", self.password)
        self.column.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("signInError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.column.addWidget(self.error)
        self.status = QLabel()
        self.status.setObjectName("signInStatus")
        self.busy = QProgressBar()
        self.busy.setObjectName("openingProgress")
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.column.addWidget(self.status)
        self.column.addWidget(self.busy)
        self.button = QPushButton()
        self.button.setObjectName("signInButton")
        self.button.setDefault(True)
        self.column.addWidget(self.button)
        self.button.clicked.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self._opening = True
        self.retranslate()
        self.set_busy(opening=True)

    def retranslate(self) -> None:
        self.title.setText(self.clinic_name or self.tr("Clinic Desk"))
        self.form.labels["username"].setText(self.tr("&User name"))
        self.form.labels["password"].setText(self.tr("&Password"))
        self.button.setText(self.tr("Sign in"))
        self.status.setText(self.tr("Opening the database…") if self._opening else "")

    def set_clinic_name(self, name: str) -> None:
        self.clinic_name = name
        self.retranslate()

    def set_busy(self, *, opening: bool = False, checking: bool = False) -> None:
        """While the database opens or a password is checked, typing goes on; signing in waits."""
        self._opening = opening
        self.button.setEnabled(not (opening or checking))
        self.busy.setVisible(opening or checking)
        self.status.setVisible(opening)
        self.retranslate()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        if message:
            self.password.selectAll()
            self.password.setFocus()

    def reset(self) -> None:
        self.password.clear()
        self.show_error("")
        (self.password if self.username.text() else self.username).setFocus()

    def _submit(self) -> None:
        if not self.button.isEnabled():
            return
        if not self.username.text().strip():
            self.show_error(self.tr("Enter your user name."))
            self.username.setFocus()
            return
        self.submitted.emit(self.username.text(), self.password.text())


class FirstRunPage(_CentredCard):
    """First start: the clinic's name and the first manager account."""

    submitted = Signal(dict)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("firstRunPage")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.column.addWidget(self.intro)
        self.form = FieldForm()
        self.inputs: dict[str, QLineEdit] = {}
        for name in ("clinic_name", "display_name", "username", "password", "password_confirm"):
            edit = QLineEdit()
            if name.startswith("password"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.form.add_field(name, edit)
            self.inputs[name] = edit
            edit.returnPressed.connect(self._submit)
        self.column.addLayout(self.form)
        # The one thing a clinic cannot undo later: losing every copy of its key.
        self.key_note = QLabel()
        self.key_note.setObjectName("firstRunKeyNote")
        self.key_note.setWordWrap(True)
        self.column.addWidget(self.key_note)
        self.button = QPushButton()
        self.button.setObjectName("createClinicButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self._submit)
        self.column.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to Clinic Desk"))
        self.intro.setText(
            self.tr(
                "Name your clinic and create the first manager account. The manager then "
                "adds the other staff."
            )
        )
        captions = {
            "clinic_name": self.tr("&Clinic name"),
            "display_name": self.tr("Your &name"),
            "username": self.tr("&User name"),
            "password": self.tr("&Password"),
            "password_confirm": self.tr("&Repeat password"),
        }
        for name, caption in captions.items():
            self.form.labels[name].setText(caption)
        self.button.setText(self.tr("Create clinic and sign in"))
        self.key_note.setText(
            self.tr(
                "Photos and backups are encrypted with a key made now and kept by this "
                "computer. If every copy of it is lost, nobody can open them again. So, once "
                "signed in: Settings › Security › Export key file, and keep that file and its "
                "passphrase safe, apart from each other."
            )
        )

    def set_busy(self, busy: bool) -> None:
        self.button.setEnabled(not busy)

    def _submit(self) -> None:
        self.form.clear_errors()
        if self.inputs["password"].text() != self.inputs["password_confirm"].text():
            english = "The two passwords are not the same."
            self.form.show_error(
                "password_confirm", validation_text("password_mismatch", {}, english)
            )
            return
        self.submitted.emit({name: edit.text() for name, edit in self.inputs.items()})
