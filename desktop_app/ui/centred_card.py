"""A fixed-width card centred in the window: sign-in, first run, the lock screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class CentredCard(QWidget):
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
