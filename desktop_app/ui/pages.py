"""The workspace's sections. Until a section is built its page says what will come there."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

# (objectName, title, what the section will hold): marked for translation here, translated
# when shown, so switching language at run time works.
SECTIONS: list[tuple[str, str, str]] = [
    (
        "frontDeskPage",
        QT_TRANSLATE_NOOP("Sections", "Front desk"),
        "",
    ),
    (
        "bookingsPage",
        QT_TRANSLATE_NOOP("Sections", "Appointments"),
        "",
    ),
    (
        "patientsPage",
        QT_TRANSLATE_NOOP("Sections", "Patients"),
        "",
    ),
    (
        "remindersPage",
        QT_TRANSLATE_NOOP("Sections", "Reminders"),
        QT_TRANSLATE_NOOP(
            "Sections",
            "Follow-up calls after treatment and repurchase reminders will be here, and will "
            "keep working when the clinic server cannot be reached.",
        ),
    ),
    (
        "documentsPage",
        QT_TRANSLATE_NOOP("Sections", "Documents"),
        "",
    ),
    (
        "reportsPage",
        QT_TRANSLATE_NOOP("Sections", "Reports"),
        QT_TRANSLATE_NOOP(
            "Sections",
            "The manager's reports will be here: channel funnel, staff performance, "
            "repurchase and patients drifting away.",
        ),
    ),
    ("settingsPage", QT_TRANSLATE_NOOP("Sections", "Settings"), ""),
]


def section_title(index: int) -> str:
    return QCoreApplication.translate("Sections", SECTIONS[index][1])


class ComingPage(QWidget):
    """An empty section that says plainly what it will hold; no invented data."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.setObjectName(SECTIONS[index][0])
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setObjectName("comingText")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(section_title(self.index))
        self.body.setText(QCoreApplication.translate("Sections", SECTIONS[self.index][2]))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
