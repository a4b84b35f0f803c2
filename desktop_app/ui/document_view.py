"""The document preview's view half: the layout, rendering on the Runner, errors.

DocumentPreview (document_preview.py) adds what keeps copies: signing, printing, saving.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import documents, patients
from desktop_app.services.documents import PreparedDocument, RenderedDocument, Strokes
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.ui import printing
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.services.patients import PatientRecord
    from desktop_app.station import StationSettings
    from desktop_app.ui.document_preview import DocumentRequest


class DocumentView(QDialog):
    """Shows a new document from ``request``, or the stored bytes of printed document
    ``stored``; DocumentPreview adds signing, printing and saving on top."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        station: StationSettings,
        request: DocumentRequest | None = None,
        *,
        stored: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if (request is None) == (stored is None):
            raise ValueError("DocumentPreview needs a request or a stored document, not both.")
        self.setObjectName("documentPreview")
        self.runner, self.database, self.actor, self.station = runner, database, actor, station
        self.request, self.stored_id = request, stored
        self.prepared: PreparedDocument | None = None  # None in stored mode
        self.stored: RenderedDocument | None = None
        self.patient: PatientRecord | None = None
        self.kind: str | None = None  # the template kind, for the remembered printer
        self.pdf: bytes | None = None
        self._busy = False
        self._generation = 0
        self._build()  # the subclass connects its actions, then calls _load()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.setWindowTitle(self.tr("Document preview"))
        self.heading = QLabel()
        self.heading.setObjectName("documentHeading")
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.language = QComboBox()
        self.language.setObjectName("documentLanguage")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        language_label = QLabel(self.tr("&Language:"))
        language_label.setBuddy(self.language)
        self.sign_button = QPushButton(self.tr("&Sign on screen…"))
        self.sign_button.setObjectName("documentSign")
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setObjectName("documentPrint")
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("Save as PD&F…"))
        self.save_button.setObjectName("documentSave")
        self.save_button.setToolTip(self.tr("Save as PDF (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("&Close"))
        self.close_button.setObjectName("documentClose")
        for button in (self.sign_button, self.print_button, self.save_button, self.close_button):
            button.setAutoDefault(False)  # Enter never prints or signs by accident
        self.status = QLabel()
        self.status.setObjectName("documentStatus")
        self.status.setWordWrap(True)
        self.pages = printing.PdfPages()
        row = QHBoxLayout()
        row.addWidget(language_label)
        row.addWidget(self.language)
        row.addStretch(1)
        for button in (self.sign_button, self.print_button, self.save_button, self.close_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)
        if self.stored_id is not None:  # the stored bytes: no other language, no new signature
            for widget in (language_label, self.language, self.sign_button):
                widget.hide()
        self.close_button.clicked.connect(self.reject)
        self.language.currentIndexChanged.connect(self._language_chosen)
        QShortcut(QKeySequence("F5"), self).activated.connect(self._load)
        self._set_language(self.request.language if self.request else "")
        self._update_buttons()
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else None
        # an A4 page at a readable width, but never taller than the screen
        self.resize(860, min(980, room.height() - 40) if room else 980)

    def _set_language(self, code: str) -> None:
        index = self.language.findData(code)
        if index >= 0 and index != self.language.currentIndex():
            self.language.blockSignals(True)
            self.language.setCurrentIndex(index)
            self.language.blockSignals(False)

    def _update_buttons(self) -> None:
        ready = not self._busy and self.pdf is not None
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)
        self.language.setEnabled(not self._busy and self.request is not None)
        prepared = self.prepared
        self.sign_button.setVisible(
            self.stored_id is None and (prepared is None or bool(prepared.signers))
        )
        self.sign_button.setEnabled(
            ready and prepared is not None and bool(prepared.signers) and not prepared.strokes
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    # -- running work ------------------------------------------------------------------

    def _run(
        self,
        text: str,
        work: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``work`` on the Runner; a newer run or a closed dialog drops the answer."""
        self._generation += 1
        generation = self._generation
        self._busy = True
        self._update_buttons()
        self._say(text)

        def answer(callback: Callable[[Any], None]) -> Callable[[Any], None]:
            def call(value: Any) -> None:
                if not shiboken6.isValid(self) or generation != self._generation:
                    return
                self._busy = False
                callback(value)
                self._update_buttons()

            return call

        self.runner.run(work, answer(done), answer(failed or self._failed))

    def _explain(self, exc: BaseException) -> str:
        if isinstance(exc, ValidationError) and exc.field == "treatment":
            headline = self.tr(
                "This document is printed for a treatment: record the treatment first, or "
                "open the document from the treatment."
            )
            return f"{headline}\n{exc.message}"
        if isinstance(exc, ValidationError):
            return validation_text(exc.code, exc.params, exc.message)
        if isinstance(exc, NotFoundError):
            headline = self.tr("Not found: it may have been removed on another station.")
            return f"{headline}\n{exc}"
        headline, detail = describe(exc)
        return f"{headline}\n{detail}" if detail else headline

    def _failed(self, exc: BaseException, outcome: str = "") -> None:
        self._set_language(self.prepared.language if self.prepared else "")
        text = self._explain(exc)
        if self.pdf is None:
            outcome = outcome or self.tr("Press F5 to try again.")
        self._say(f"{text}\n{outcome}" if outcome else text, error=True)

    # -- loading -----------------------------------------------------------------------

    def _load(self) -> None:
        if self._busy:
            return
        if self.request is not None:
            self._prepare(self.language.currentData() or self.request.language)
            return
        database, actor, document_id = self.database, self.actor, self.stored_id
        assert document_id is not None

        def work() -> tuple[RenderedDocument, PatientRecord]:
            stored = documents.reprint(database, actor, document_id)
            return stored, patients.get_patient(database, actor, stored.patient_id)

        self._run(self.tr("Opening the stored document…"), work, self._stored_ready)

    def _stored_ready(self, answer: tuple[RenderedDocument, PatientRecord]) -> None:
        self.stored, self.patient = answer
        self.kind = self.stored.kind.value
        self._show(self.stored.pdf)
        if self.pdf is not None:
            self._say(
                self.tr("Stored copy, SHA-256 {digest}…").format(digest=answer[0].sha256[:12])
            )

    def _prepare_work(
        self, language: str, strokes: dict[str, Strokes] | None = None
    ) -> Callable[[], tuple[PreparedDocument, PatientRecord]]:
        database, actor, request, patient = self.database, self.actor, self.request, self.patient
        assert request is not None

        def work() -> tuple[PreparedDocument, PatientRecord]:
            prepared = documents.prepare_document(
                database,
                actor,
                request.key,
                request.patient_id,
                treatment_id=request.treatment_id,
                draft=request.draft,
                language=language,
                strokes=strokes,
            )
            return prepared, patient or patients.get_patient(database, actor, request.patient_id)

        return work

    def _prepare(self, language: str) -> None:
        self._run(self.tr("Preparing the document…"), self._prepare_work(language), self._prepared)

    def _prepared(self, answer: tuple[PreparedDocument, PatientRecord]) -> None:
        self.prepared, self.patient = answer
        self.kind = self.prepared.kind.value
        self._set_language(self.prepared.language)
        self._show(self.prepared.pdf)
        if self.pdf is not None:
            pages = self.pages.pdf.pageCount()
            self._say(
                # the context by name: PySide's tr() looks in base classes, but not for plurals
                QCoreApplication.translate(
                    "DocumentView",
                    "%n page(s). Nothing is kept until you print, save or sign.",
                    "",
                    pages,
                )
            )

    def _language_chosen(self, index: int) -> None:
        language = self.language.itemData(index)
        if self.request is not None and (
            self.prepared is None or language != self.prepared.language
        ):
            self._prepare(language)

    def _show(self, pdf: bytes) -> None:
        if self.pages.show_pdf(pdf) == 0:
            self.pdf = None
            self._say(self.tr("The PDF could not be shown."), error=True)
            return
        self.pdf = pdf
        shown = self.prepared or self.stored
        assert shown is not None
        if self.patient is None:
            heading = self.tr("{title} — version {version} — stored copy").format(
                title=shown.title, version=shown.version
            )
        elif self.stored is not None:
            heading = self.tr("{title} — version {version} — {name} ({record_no}) — stored copy")
        else:
            heading = self.tr("{title} — version {version} — {name} ({record_no})")
        if self.patient is not None:
            heading = heading.format(
                title=shown.title,
                version=shown.version,
                name=self.patient.name,
                record_no=self.patient.record_no,
            )
        self.heading.setText(heading)
        self.setWindowTitle(heading)
