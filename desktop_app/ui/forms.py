"""A form layout with an error line under each field: messages appear where the problem is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ERROR_STYLE = "color: #b3261e;"


def error_line(name: str) -> QLabel:
    """A form's own error line (for what belongs to no one field), hidden until needed."""
    error = QLabel()
    error.setObjectName(name)
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    return error


def save_cancel(dialog: QDialog, prefix: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Save (``{prefix}Button`` → ``dialog.submit``) and Cancel (``reject``) for an edit
    dialog; returns the box and its Save button."""
    standard = QDialogButtonBox.StandardButton
    buttons = QDialogButtonBox(standard.Save | standard.Cancel)
    save = buttons.button(standard.Save)
    save.setObjectName(f"save{prefix}Button")
    save.setText(QCoreApplication.translate("Forms", "&Save"))
    cancel = buttons.button(standard.Cancel)
    cancel.setObjectName(f"cancel{prefix}Button")
    cancel.setText(QCoreApplication.translate("Forms", "Cancel"))
    buttons.accepted.connect(dialog.submit)  # type: ignore[attr-defined]
    buttons.rejected.connect(dialog.reject)
    return buttons, save


class FieldForm(QFormLayout):
    """Rows of label + field, each with a hidden error label that ``show_error`` fills."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, QLabel] = {}

    def add_field(self, name: str, field: QWidget) -> QLabel:
        """Add a row; returns its caption label so the owner can (re)translate it."""
        field.setObjectName(name)
        error = QLabel()
        error.setObjectName(f"{name}Error")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        column.addWidget(error)
        caption = QLabel()
        caption.setBuddy(field)
        self.addRow(caption, holder)
        self.fields[name] = field
        self.labels[name] = caption
        self.errors[name] = error
        return caption

    def show_error(self, name: str, message: str) -> None:
        error = self.errors.get(name)
        if error is None:
            return
        error.setText(message)
        error.show()
        self.fields[name].setFocus()

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()
