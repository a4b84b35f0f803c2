"""The sign-in page, shown inside the main window before work starts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
)

from desktop_app.ui.centred_card import CentredCard
from desktop_app.ui.forms import ERROR_STYLE, FieldForm


class SignInPage(CentredCard):
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
        self.opening_state = ""  # or what the migration said: "upgrading", "waiting"
        self.retranslate()
        self.set_busy(opening=True)

    def retranslate(self) -> None:
        self.title.setText(self.clinic_name or self.tr("Clinic Desk"))
        self.form.labels["username"].setText(self.tr("&User name"))
        self.form.labels["password"].setText(self.tr("&Password"))
        self.button.setText(self.tr("Sign in"))
        opening = {
            "": self.tr("Opening the database…"),
            # migrations.UPGRADING and WAITING, spelled out: that module loads SQLAlchemy,
            # which the first frame does without.
            "upgrading": self.tr("Upgrading the clinic database for this version of Clinic Desk…"),
            "waiting": self.tr(
                "Another computer is upgrading the clinic database for this version of "
                "Clinic Desk; this one waits until it has finished…"
            ),
        }
        self.status.setText(opening.get(self.opening_state, "") if self._opening else "")

    def set_clinic_name(self, name: str) -> None:
        self.clinic_name = name
        self.retranslate()

    def set_busy(self, *, opening: bool = False, checking: bool = False) -> None:
        """While the database opens or a password is checked, typing goes on; signing in waits."""
        self._opening = opening
        self.opening_state = ""
        self.button.setEnabled(not (opening or checking))
        self.busy.setVisible(opening or checking)
        self.status.setVisible(opening)
        self.retranslate()

    def show_opening_state(self, state: str) -> None:
        """Upgrading, or waiting for another computer to: said while the database opens."""
        self.opening_state = state
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
