"""The manager's template editor: title and text, checked as they type, previewed on a
sample patient, saved as a new version.

A consent's wording is the clinic's legal text: a mistake must show while typing (the
line turns red and Save waits), never as a blank on a signed page. Saving never
overwrites a colleague's version: a stale save keeps the manager's text in the editor,
says who saved first, and lets them load that version and save on top of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import TemplateKind
from desktop_app.services import template_preview, templates
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.template_text import TemplateError, check
from desktop_app.services.templates import TemplateInfo
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import changed_by, describe, validation_text
from desktop_app.ui.tasks import Runner
from desktop_app.ui.template_body import TemplateBody
from desktop_app.ui.template_fields import TemplateFields
from desktop_app.ui.template_side import TemplateSide

if TYPE_CHECKING:
    from collections.abc import Collection

    from desktop_app.db import Database
    from desktop_app.services.context import Actor

CHECK_DELAY_MS = 300  # the live check waits for a pause in typing


class TemplateEditor(QDialog):
    """Edit one template (``template`` given: its version becomes ``based_on``) or write a
    new one (``template`` None: key, kind and language are asked first)."""

    saved = Signal(object)  # TemplateInfo, each time a version is saved

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        template: TemplateInfo | None = None,
        *,
        existing: Collection[tuple[str, str]] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.runner, self.database, self.actor = runner, database, actor
        self.template = template
        self.based_on: int | None = template.number if template else None
        self.saved_title = template.title if template else ""
        self.saved_body = template.body if template else ""
        self.markup_error: TemplateError | None = None
        self._busy = False
        self._close_after_save = False
        self._preview_generation = 0

        self.fields = TemplateFields(template, existing)
        self.fields.title.textChanged.connect(self._update_buttons)
        self.text_panel = TemplateBody(self.saved_body)
        self.body = self.text_panel.edit
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(CHECK_DELAY_MS)
        self.check_timer.timeout.connect(self.check_now)
        self.body.textChanged.connect(self.check_timer.start)
        self.body.textChanged.connect(self._update_buttons)

        self.conflict = QLabel()
        self.conflict.setObjectName("conflictMessage")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet(ERROR_STYLE)
        self.load_newer = QPushButton()
        self.load_newer.setObjectName("loadNewerButton")
        self.load_newer.clicked.connect(self.load_newer_version)
        self.conflict_panel = QWidget()
        self.conflict_panel.setObjectName("conflictPanel")
        conflict_row = QHBoxLayout(self.conflict_panel)
        conflict_row.setContentsMargins(0, 0, 0, 0)
        conflict_row.addWidget(self.conflict, 1)
        conflict_row.addWidget(self.load_newer)
        self.conflict_panel.hide()

        self.status = QLabel()
        self.status.setObjectName("editorStatus")
        self.status.setWordWrap(True)
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveVersionButton")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton()
        self.close_button.setObjectName("closeEditorButton")
        self.close_button.clicked.connect(self.reject)
        for button in (self.preview_button, self.save_button, self.close_button):
            button.setAutoDefault(False)  # Return in the title must not save
        for keys, slot in (("Ctrl+S", self.save), ("Ctrl+R", self.preview)):
            QShortcut(QKeySequence(keys), self, slot)

        self.side = TemplateSide()
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.fields.form)
        column.addWidget(self.text_panel, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.conflict_panel)
        layout.addLayout(buttons)
        self.resize(1200, 760)
        self.retranslate()
        self.check_now()
        self._update_buttons()
        (self.fields.first_field() or self.body).setFocus()

    # --- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.fields.retranslate()
        self.setWindowTitle(self.tr("Edit template") if self.template else self.tr("New template"))
        self.load_newer.setText(self.tr("Load the &newer version"))
        self.preview_button.setText(self.tr("&Preview (Ctrl+R)"))
        self.save_button.setText(self.tr("&Save as new version (Ctrl+S)"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state -------------------------------------------------------------------------

    def dirty(self) -> bool:
        """Is there text that is not saved as a version?"""
        return (
            self.fields.title.text().strip() != self.saved_title.strip()
            or self.body.toPlainText() != self.saved_body
        )

    def _update_buttons(self) -> None:
        self.save_button.setEnabled(not self._busy and self.markup_error is None and self.dirty())
        self.preview_button.setEnabled(self.markup_error is None)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def check_now(self, *, reveal: bool = False) -> bool:
        """The live check: mark the first bad line and hold Save until it is fixed."""
        self.check_timer.stop()
        try:
            check(self.body.toPlainText())
        except TemplateError as exc:
            self.show_markup_error(exc, reveal=reveal)
            return False
        self.markup_error = None
        self.text_panel.clear_error()
        self._update_buttons()
        return True

    def show_markup_error(self, exc: TemplateError, *, reveal: bool = False) -> None:
        """``reveal``: also put the cursor on the line (after Save or Preview, not while
        the manager types)."""
        self.markup_error = exc
        self.text_panel.show_error(exc, reveal=reveal)
        self._update_buttons()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    # --- preview -----------------------------------------------------------------------

    def preview(self) -> None:
        if not self.check_now(reveal=True):
            return
        database, actor = self.database, self.actor
        title, body = self.fields.title.text(), self.body.toPlainText()
        kind, language = self.fields.kind(), self.fields.language()
        self._preview_generation += 1
        generation = self._preview_generation
        self.side.rendering()
        self.runner.run(
            lambda: template_preview.sample_pdf(database, actor, title, body, kind, language),
            lambda pdf: self._show_pdf(generation, pdf),
            lambda exc: self._preview_failed(generation, exc),
        )

    def _show_pdf(self, generation: int, pdf: bytes) -> None:
        if generation != self._preview_generation:
            return  # an older preview finished after a newer one was asked for
        self.side.show_pdf(pdf)

    def _preview_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._preview_generation:
            return
        self.side.failed()
        if isinstance(exc, TemplateError):
            self.show_markup_error(exc, reveal=True)
        else:
            self._say(" ".join(describe(exc)), error=True)

    # --- save --------------------------------------------------------------------------

    def save(self) -> None:
        if self._busy:
            return
        self.fields.clear_errors()
        if not self.check_now(reveal=True) or not self.fields.valid() or not self.dirty():
            self._close_after_save = False
            return
        database, actor = self.database, self.actor
        key, language, kind = self.fields.key(), self.fields.language(), self.fields.kind()
        title, body = self.fields.title.text(), self.body.toPlainText()
        based_on = self.based_on
        new_kind = TemplateKind(kind) if based_on is None else None
        self._set_busy(True)
        self._say(self.tr("Saving…"))
        self.runner.run(
            lambda: templates.save_version(
                database, actor, key, language, title, body, based_on=based_on, kind=new_kind
            ),
            self._saved,
            self._save_failed,
        )

    def _saved(self, info: TemplateInfo) -> None:
        self.template = info
        self.based_on = info.number
        self.saved_title, self.saved_body = info.title, info.body
        self.fields.lock(info)
        self.conflict_panel.hide()
        self._set_busy(False)
        if info.kind is TemplateKind.AFTERCARE:
            text = self.tr("Saved as version {number}.")
        else:
            text = self.tr(
                "Saved as version {number}. Consents signed on older versions will be asked "
                "to sign again."
            )
        self._say(text.format(number=info.number))
        self.saved.emit(info)
        if self._close_after_save:
            self.accept()

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._close_after_save = False
        kept = self.tr("Nothing was saved; your text is still here.")
        if isinstance(exc, TemplateError):
            self.show_markup_error(exc, reveal=True)
            self._say(kept, error=True)
        elif isinstance(exc, ValidationError):
            message = validation_text(exc.code, exc.params, exc.message)
            if not self.fields.show_error(exc.field, message):
                self._say(f"{message} {kept}", error=True)
        elif isinstance(exc, ConflictError) and self.based_on is None:
            self.fields.show_error("key", self.tr("This key is already used in this language."))
        elif isinstance(exc, ConflictError):
            self._show_conflict(exc)
        else:
            self._say(f"{' '.join(describe(exc))} {kept}", error=True)

    def _show_conflict(self, exc: ConflictError) -> None:
        who, when = changed_by(exc)
        self.conflict.setText(
            self.tr(
                "{who} saved a newer version of this template at {when}, after you opened "
                "it. Your text was not saved and is still here. Load their version to compare, "
                "then save yours on top of it."
            ).format(who=who, when=when)
        )
        self.load_newer.show()
        self.conflict_panel.show()
        self._say("")

    def load_newer_version(self) -> None:
        """Re-base on the newest version, keeping the manager's text; show theirs beside."""
        database, actor = self.database, self.actor
        key, language = self.fields.key(), self.fields.language()
        self.runner.run(
            lambda: templates.get_template(database, actor, key, language),
            self._newer_loaded,
            lambda exc: self._say(" ".join(describe(exc)), error=True),
        )

    def _newer_loaded(self, info: TemplateInfo) -> None:
        self.template = info
        self.based_on = info.number
        self.saved_title, self.saved_body = info.title, info.body
        self.fields.lock(info)
        self.side.show_version(info)
        self.conflict.setText(
            self.tr(
                "Version {number} is shown beside your text. Saving now puts your text on "
                "top of it as version {next}."
            ).format(number=info.number, next=info.number + 1)
        )
        self.load_newer.hide()
        self._update_buttons()

    # --- closing -----------------------------------------------------------------------

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save your changes to this template as a new version?"),
            buttons,
            QMessageBox.StandardButton.Save,
        )

    def reject(self) -> None:
        """Esc, Close and the window's ✕ (QDialog's closeEvent calls this): unsaved text is
        never dropped without asking."""
        if self._busy:
            return
        if self.dirty():
            answer = self.ask_unsaved()
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                self._close_after_save = True
                self.save()
                return
        super().reject()
