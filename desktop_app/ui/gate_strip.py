"""The strip at the top of the treatment form: what the pre-treatment gate found missing
(consent not signed or signed on an older version, before photos), with Print consent and
Re-check; in block mode it also says why Save is off."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.services.treatment_gate import OUTDATED, UNSIGNED, GateCheck

WARN_STYLE = "#gateStrip { background: #fff4d6; border: 1px solid #e0b43c; border-radius: 4px; }"
BLOCK_STYLE = "#gateStrip { background: #fde8e6; border: 1px solid #d9534f; border-radius: 4px; }"


def gate_lines(check: GateCheck) -> list[str]:
    """One translated sentence per missing thing (the strip, and the notice after saving)."""
    words = {
        "consent_unsigned": QCoreApplication.translate("GateStrip", "“{title}” is not signed."),
        "consent_outdated": QCoreApplication.translate(
            "GateStrip",
            "“{title}” was signed on an older version — ask the patient to sign again.",
        ),
        "before_photos_missing": QCoreApplication.translate(
            "GateStrip", "Before photos are missing."
        ),
    }
    return [words[code].format(title=check.consent_title) for code in check.missing]


class GateStrip(QFrame):
    """Hidden while nothing is missing. ``print_consent`` and ``recheck`` are the buttons."""

    print_consent = Signal()
    recheck = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gateStrip")
        self.text = QLabel()
        self.text.setObjectName("gateText")
        self.text.setWordWrap(True)
        self.print_button = QPushButton(self.tr("&Print consent…"))
        self.print_button.setObjectName("printConsentButton")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_consent)
        self.recheck_button = QPushButton(self.tr("Re-chec&k"))
        self.recheck_button.setObjectName("recheckGateButton")
        self.recheck_button.setAutoDefault(False)
        self.recheck_button.clicked.connect(self.recheck)
        buttons = QVBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.addWidget(self.text, 1)
        row.addLayout(buttons)
        self.hide()

    def show_check(self, check: GateCheck, *, can_print: bool) -> None:
        lines = gate_lines(check)
        if not lines:
            self.hide()
            return
        if check.blocking:
            lines.append(
                self.tr("The clinic requires these before a treatment is saved: Save is off.")
            )
        else:
            lines.append(self.tr("You can still save: the treatment is recorded with a warning."))
        self.text.setText("\n".join(lines))
        self.setStyleSheet(BLOCK_STYLE if check.blocking else WARN_STYLE)
        self.print_button.setVisible(can_print and check.consent in (UNSIGNED, OUTDATED))
        self.show()

    def show_failure(self, text: str) -> None:
        """The check itself failed (database unreachable …): say so, offer Re-check."""
        self.text.setText(
            self.tr("Could not check the consent and before photos: {error}").format(error=text)
        )
        self.setStyleSheet(WARN_STYLE)
        self.print_button.hide()
        self.show()
