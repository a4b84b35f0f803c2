"""The template's text field: the plain-text editor, the Insert placeholder menu, the
markup reminder, and the markup error shown under it with its line tinted red."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor, QFontDatabase, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.template_text import PLACEHOLDER_ORDER, TemplateError
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.template_words import markup_error_text, placeholder_description

ERROR_LINE = QColor("#fde2e1")


class TemplateBody(QWidget):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("templateBody")
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.edit.setFont(font)
        self.edit.setPlainText(text)
        self.label = QLabel()
        self.label.setBuddy(self.edit)
        self.insert_button = QPushButton()
        self.insert_button.setObjectName("insertPlaceholderButton")
        self.insert_button.setAutoDefault(False)
        self.insert_menu = QMenu(self)
        self.insert_button.setMenu(self.insert_menu)
        for name in PLACEHOLDER_ORDER:
            action = self.insert_menu.addAction("")
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.insert_placeholder(n))
        self.help = QLabel()
        self.help.setObjectName("markupHelp")
        self.help.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("bodyError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        tools = QHBoxLayout()
        tools.addWidget(self.label)
        tools.addStretch(1)
        tools.addWidget(self.insert_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(tools)
        column.addWidget(self.edit, 1)
        column.addWidget(self.error)
        column.addWidget(self.help)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Text:"))
        self.insert_button.setText(self.tr("&Insert placeholder"))
        for action in self.insert_menu.actions():
            name = str(action.data())
            action.setText(
                self.tr("{placeholder} — {description}").format(
                    placeholder="{" + name + "}", description=placeholder_description(name)
                )
            )
        self.help.setText(
            self.tr(
                "One line, one paragraph. # heading · ## subheading · - bullet · "
                "1. numbered · **bold** · {placeholder} (type a brace twice to print one)"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self) -> str:
        return self.edit.toPlainText()

    def insert_placeholder(self, name: str) -> None:
        self.edit.insertPlainText("{" + name + "}")
        self.edit.setFocus()

    def show_error(self, exc: TemplateError, *, reveal: bool = False) -> None:
        """The message under the text and the offending line tinted; ``reveal`` also moves
        the cursor there (not while the manager is still typing)."""
        self.error.setText(markup_error_text(exc))
        self.error.show()
        selections = []
        block = self.edit.document().findBlockByNumber(exc.line - 1)
        if exc.line and block.isValid():
            selection = QTextEdit.ExtraSelection()
            selection.format.setBackground(ERROR_LINE)  # type: ignore[attr-defined]
            selection.format.setProperty(  # type: ignore[attr-defined]
                QTextFormat.Property.FullWidthSelection, True
            )
            selection.cursor = QTextCursor(block)  # type: ignore[attr-defined]
            selections.append(selection)
            if reveal and self.edit.textCursor().blockNumber() != block.blockNumber():
                self.edit.setTextCursor(QTextCursor(block))
                self.edit.setFocus()
        self.edit.setExtraSelections(selections)

    def clear_error(self) -> None:
        self.error.hide()
        self.edit.setExtraSelections([])
