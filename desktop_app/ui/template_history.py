"""A template's versions, newest first, with who saved each and when, and any version's
text: what a consent signed last spring actually said."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import templates
from desktop_app.services.templates import TemplateInfo
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Runner
from desktop_app.ui.template_words import saved_by

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class TemplateHistory(QDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        key: str,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateHistory")
        self.key, self.language = key, language
        self.versions: list[TemplateInfo] = []
        self.list = QListWidget()
        self.list.setObjectName("versionList")
        self.list.currentRowChanged.connect(self._show)
        self.list_label = QLabel()
        self.list_label.setBuddy(self.list)
        self.heading = QLabel()
        self.heading.setObjectName("versionHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # a title may hold a '<'
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QPlainTextEdit()
        self.text.setObjectName("versionText")
        self.text.setReadOnly(True)
        self.status = QLabel()
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list_label)
        column.addWidget(self.list, 1)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.heading)
        column.addWidget(self.text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(900, 600)
        self.retranslate()
        self.list.setFocus()
        runner.run(
            lambda: templates.versions(database, actor, key, language),
            self.set_versions,
            self._failed,
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("History of {key}").format(key=self.key))
        self.list_label.setText(self.tr("&Versions:"))
        for row, info in enumerate(self.versions):
            self.list.item(row).setText(self._line(info))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _line(self, info: TemplateInfo) -> str:
        text = self.tr("Version {number} — {who}").format(
            number=info.number, who=saved_by(info.created_by, info.created_at)
        )
        return text + (self.tr(" (current)") if info.number == info.current else "")

    def set_versions(self, versions: list[TemplateInfo]) -> None:
        self.versions = versions
        self.list.clear()
        for info in versions:
            self.list.addItem(QListWidgetItem(self._line(info)))
        if versions:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.versions):
            self.heading.clear()
            self.text.clear()
            return
        info = self.versions[row]
        self.heading.setText(info.title)
        self.text.setPlainText(info.body)

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(" ".join(describe(exc)))
