"""The document preview: a rendered consent or aftercare sheet, signed, printed or saved.

Rendering runs on the Runner. Printing, saving and signing first keep the exact bytes as a
PrintedDocument and only then touch paper or disk: if the record cannot be written,
nothing leaves the dialog, so every copy in the patient's hands is on file.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app import station as station_file
from desktop_app.models import DocumentAction
from desktop_app.services import documents
from desktop_app.services.documents import PreparedDocument, RenderedDocument, Strokes
from desktop_app.services.patients import PatientRecord
from desktop_app.services.treatments import TreatmentDraft
from desktop_app.ui import printing, signature_pad
from desktop_app.ui.document_view import DocumentView
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.station import StationSettings


@dataclass(frozen=True)
class DocumentRequest:
    """What to render: template ``key`` for a patient, for a recorded treatment, the
    treatment form's draft (a consent before the treatment is saved), or neither (the
    patient's latest treatment of the item, or a general document)."""

    key: str
    patient_id: uuid.UUID
    treatment_id: uuid.UUID | None = None
    draft: TreatmentDraft | None = None
    language: str = "zh_CN"


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class DocumentPreview(DocumentView):
    """A new document from ``request``, or the stored bytes of printed document ``stored``:
    shown, signed on screen, printed or saved as PDF."""

    kept = Signal(object)  # a RenderedDocument, each time a copy is printed, saved or signed

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
        super().__init__(runner, database, actor, station, request, stored=stored, parent=parent)
        self.sign_button.clicked.connect(self.sign)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        for key, slot in (
            (QKeySequence.StandardKey.Print, self.print_document),
            (QKeySequence.StandardKey.Save, self.save_pdf),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        self._load()

    # -- signing -----------------------------------------------------------------------

    def sign(self) -> None:
        """Each signer signs on the pad in turn; the signed copy is kept at once (it is the
        legal record whether or not it is ever printed)."""
        prepared = self.prepared
        if not self.sign_button.isEnabled() or prepared is None:
            return
        strokes: dict[str, Strokes] = {}
        for role, name in prepared.signers:
            drawn = signature_pad.ask_signature(self, role, name)
            if drawn is None:
                self._say(self.tr("Signing cancelled: nothing was kept."))
                return
            strokes[role] = drawn
        prepare = self._prepare_work(prepared.language, strokes)
        database, actor = self.database, self.actor

        def work() -> tuple[PreparedDocument, PatientRecord, RenderedDocument]:
            signed, patient = prepare()
            return (
                signed,
                patient,
                documents.keep_document(database, actor, signed, DocumentAction.SIGN),
            )

        self._run(self.tr("Keeping the signed copy…"), work, self._signed, self._sign_failed)

    def _signed(self, answer: tuple[PreparedDocument, PatientRecord, RenderedDocument]) -> None:
        signed, _patient, kept = answer
        self._prepared((signed, _patient))
        self.kept.emit(kept)
        self._say(self.tr("Signed copy kept (SHA-256 {digest}…).").format(digest=kept.sha256[:12]))

    def _sign_failed(self, exc: BaseException) -> None:
        self._failed(exc, self.tr("The signature was not kept: sign again."))

    # -- printing ----------------------------------------------------------------------

    def print_document(self) -> None:
        if not self.print_button.isEnabled():
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.heading.text())
        preferred = printing.last_printer(self.station, self.kind) if self.kind else None
        if not printing.choose_printer(self, printer, preferred):
            return
        prepared = self.prepared
        if prepared is None:  # a stored copy: reprint() has already put it in the audit log
            self._paint(printer, None)
            return
        database, actor = self.database, self.actor
        self._run(
            self.tr("Recording the printed copy…"),
            lambda: documents.keep_document(database, actor, prepared, DocumentAction.PRINT),
            lambda kept: self._paint(printer, kept),
            lambda exc: self._failed(exc, self.tr("Nothing was printed.")),
        )

    def _paint(self, printer: QPrinter, kept: RenderedDocument | None) -> None:
        if kept is not None:
            self.kept.emit(kept)
        try:
            printing.print_pdf(self.pages.pdf, printer)
        except printing.PrintError as exc:
            if kept is not None:
                after = self.tr("The copy is recorded as printed — print again.")
            else:
                after = self.tr("Check the printer and print again.")
            self._say(f"{exc} {after}", error=True)
            return
        name = printer.printerName()
        done = self.tr("Sent %n page(s) to {printer}.", "", self.pages.pdf.pageCount()).format(
            printer=printing.printer_label(printer)
        )
        if name and self.kind and self.station.printers.get(self.kind) != name:
            printing.remember_printer(self.station, self.kind, name)
            try:
                station_file.save(self.station)
            except OSError as exc:
                done += " " + self.tr(
                    "This PC's settings could not be saved ({reason}): the printer will not "
                    "be preselected next time."
                ).format(reason=exc.strerror or exc)
        self._say(done)

    # -- saving ------------------------------------------------------------------------

    def default_file_name(self) -> str:
        """The name offered: "<title> <record no> <date>.pdf", safe on Windows and Linux."""
        title = self.prepared.title if self.prepared else self.stored.title if self.stored else ""
        parts = [title, self.patient.record_no if self.patient else "", dt.date.today().isoformat()]
        return _UNSAFE.sub("-", " ".join(p for p in parts if p)).strip(" .") + ".pdf"

    def save_pdf(self) -> None:
        if not self.save_button.isEnabled() or self.pdf is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(Path(folder) / self.default_file_name()),
            self.tr("PDF documents (*.pdf)"),
        )
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        if not target.parent.is_dir() or not os.access(target.parent, os.W_OK):
            text = self.tr(
                "Cannot save {file}: the folder does not exist or cannot be written to. "
                "Nothing was saved or recorded."
            )
            self._say(text.format(file=target), error=True)
            return
        data, prepared, database, actor = self.pdf, self.prepared, self.database, self.actor

        def work() -> tuple[RenderedDocument | None, OSError | None]:
            kept = None
            if prepared is not None:  # a stored copy is already on file
                kept = documents.keep_document(database, actor, prepared, DocumentAction.SAVE)
            try:
                printing.write_pdf(target, data)
            except OSError as exc:
                return kept, exc
            return kept, None

        self._run(
            self.tr("Saving {file}…").format(file=target.name),
            work,
            lambda answer: self._saved(target, *answer),
            lambda exc: self._failed(exc, self.tr("Nothing was saved.")),
        )

    def _saved(self, target: Path, kept: RenderedDocument | None, error: OSError | None) -> None:
        if kept is not None:
            self.kept.emit(kept)
        if error is None:
            self._say(self.tr("Saved {file}.").format(file=target))
            return
        reason = error.strerror or str(error)
        text = self.tr("Could not write {file}: {reason}. No file was left there.").format(
            file=target, reason=reason
        )
        if kept is not None:
            text += " " + self.tr(
                "The copy was recorded in the patient's documents; save again to another place."
            )
        self._say(text, error=True)
