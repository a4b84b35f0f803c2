"""Printing from the patient's record: the Documents button, its menu and shortcuts.

What it offers follows the timeline's selection: a treatment prints its item's aftercare
sheet (Ctrl+P) or consent (Ctrl+Shift+P); a printed document opens its stored copy
(Ctrl+P), is signed again on the template's current version, or gets its paper copy's scan
attached; the general consents (PIPL, photos) are always there. Each role sees only what
it may print: reception the general documents only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton

from desktop_app.models import TemplateKind
from desktop_app.services import document_archive, document_entries, templates
from desktop_app.services.document_entries import DocumentDetail, TreatmentTemplates
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.timeline import Entry, EntryKind
from desktop_app.ui.document_preview import DocumentPreview, DocumentRequest
from desktop_app.ui.i18n import document_language
from desktop_app.ui.messages import describe

if TYPE_CHECKING:
    from desktop_app.services.templates import TemplateInfo
    from desktop_app.ui.patient_page import PatientPage

# A file's first bytes → the scan's media type: the content decides, not the file name.
SCAN_SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


def read_scan(path: Path) -> tuple[bytes, str]:
    """The scan's bytes and media type, told by its content; runs on the Runner. A file over
    the limit is refused before it is read."""
    if path.stat().st_size > document_archive.MAX_SCAN_BYTES:
        raise ValidationError("scan", "size", "The scan is larger than 20 MB.")
    data = path.read_bytes()
    kind = next((media for magic, media in SCAN_SIGNATURES if data.startswith(magic)), None)
    if kind is None:
        raise ValidationError("scan", "type", "Attach a PDF, PNG or JPEG scan.")
    return data, kind


class RecordDocuments(QObject):
    """The Documents menu of one patient page; the page tells it the selected entry."""

    def __init__(self, page: PatientPage) -> None:
        super().__init__(page)
        self.page = page
        self.menu = QMenu(page)
        self.menu.setObjectName("documentsMenu")
        self.menu.aboutToShow.connect(self.fill)
        self.button = QPushButton()
        self.button.setObjectName("documentsButton")
        self.button.setMenu(self.menu)
        self.entry: Entry | None = None
        self.templates: TreatmentTemplates | None = None  # of the selected treatment
        self.document: DocumentDetail | None = None  # the selected printed document
        self.general: list[TemplateInfo] = []
        self.preview: DocumentPreview | None = None
        self.message: QMessageBox | None = None
        for keys, slot in (("Ctrl+P", self.primary), ("Ctrl+Shift+P", self.secondary)):
            shortcut = QShortcut(QKeySequence(keys), page)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("&Documents"))
        self.button.setToolTip(
            self.tr("Print, reprint and sign consents and aftercare sheets (Ctrl+P)")
        )

    # --- what may be offered ---------------------------------------------------------------

    def _may(self, permission: Permission) -> bool:
        return self.page.actor is not None and allowed(self.page.actor, permission)

    def bind(self) -> None:
        """A new sign-in: forget the last one's choices; show the button only if it prints."""
        self.entry = self.templates = self.document = None
        self.general = []
        self.button.setVisible(self._may(Permission.PRINT_GENERAL_DOCUMENTS))
        self.button.setEnabled(False)

    def patient_shown(self) -> None:
        self.button.setEnabled(True)
        if self.general or not self._may(Permission.PRINT_GENERAL_DOCUMENTS):
            return
        database, actor = self.page.database, self.page.actor
        if database is None or actor is None:
            return
        self.page.runner.run(
            lambda: templates.list_templates(database, actor),
            lambda found: setattr(
                self, "general", [t for t in found if t.kind is TemplateKind.GENERAL]
            ),
            self._failed,
        )

    def entry_changed(self, entry: Entry | None) -> None:
        """Read what the selected treatment or document offers (on the Runner)."""
        self.entry, self.templates, self.document = entry, None, None
        database, actor = self.page.database, self.page.actor
        if entry is None or database is None or actor is None:
            return
        if entry.kind == EntryKind.TREATMENT and self._may(Permission.PRINT_DOCUMENTS):
            self._read(
                lambda: document_entries.treatment_templates(database, actor, entry.id),
                entry,
                "templates",
            )
        elif entry.kind == EntryKind.DOCUMENT:
            self._read(
                lambda: document_entries.document_entry(database, actor, entry.id),
                entry,
                "document",
            )

    def _read(self, work: Callable[[], Any], entry: Entry, name: str) -> None:
        def arrived(value: object) -> None:
            if self.entry is entry:  # still the selection
                setattr(self, name, value)

        # quiet: the detail pane reports the same failure; Ctrl+P reads again and tells
        self.page.runner.run(work, arrived, lambda _exc: None)

    def actions(self) -> list[tuple[str, Callable[[], None] | None]]:
        """(text, what it does) for the menu; None is a separator, a None action is shown
        disabled (not read yet, or the item has no such template)."""
        entry, found, document = self.entry, self.templates, self.document
        rows: list[tuple[str, Callable[[], None] | None]] = []
        if entry is not None and entry.kind == EntryKind.TREATMENT:
            if self._may(Permission.PRINT_DOCUMENTS):
                rows += [
                    (
                        self.tr("&Aftercare sheet…") + "\tCtrl+P",
                        self.aftercare if found and found.aftercare else None,
                    ),
                    (
                        self.tr("&Consent…") + "\tCtrl+Shift+P",
                        self.consent if found and found.consent else None,
                    ),
                ]
        elif entry is not None and entry.kind == EntryKind.DOCUMENT:
            rows.append((self.tr("&Open / reprint…") + "\tCtrl+P", self.open_stored))
            if document is not None and document.kind is not TemplateKind.AFTERCARE:
                if document.sign_again:
                    rows.append((self.tr("Sign &again on the current version…"), self.sign_again))
                if not document.scanned:
                    rows.append((self.tr("Attach signed &scan…"), self.attach_scan))
        header = self.page.header
        again = [
            (
                self.tr("Sign again: {title}…").format(title=a.title.replace("&", "&&")),
                lambda key=a.key: self.general_document(key),
            )
            for a in (header.sign_again if header else ())
        ]
        if rows and again:
            rows.append(("", None))
        rows += again
        if rows and self.general:
            rows.append(("", None))
        language = document_language()
        for template in self.general:
            if template.language == language:
                rows.append(
                    (
                        template.title.replace("&", "&&") + "…",
                        lambda key=template.key: self.general_document(key),
                    )
                )
        return rows

    def fill(self) -> None:
        self.menu.clear()
        for text, slot in self.actions():
            if not text:
                self.menu.addSeparator()
                continue
            action = QAction(text, self.menu)
            action.setEnabled(slot is not None and self.page.header is not None)
            if slot is not None:
                action.triggered.connect(lambda _=False, s=slot: s())
            self.menu.addAction(action)

    # --- shortcuts ---------------------------------------------------------------------------

    def primary(self) -> None:
        """Ctrl+P: a treatment's aftercare sheet, or the selected document's stored copy."""
        if self.entry is not None and self.entry.kind == EntryKind.DOCUMENT:
            self.open_stored()
        elif self.entry is not None and self.entry.kind == EntryKind.TREATMENT:
            self.aftercare()

    def secondary(self) -> None:
        """Ctrl+Shift+P: a treatment's consent."""
        if self.entry is not None and self.entry.kind == EntryKind.TREATMENT:
            self.consent()

    # --- opening previews --------------------------------------------------------------------

    def aftercare(self) -> None:
        self._for_treatment(lambda found: found.aftercare)

    def consent(self) -> None:
        self._for_treatment(lambda found: found.consent)

    def _for_treatment(self, key_of: Callable[[TreatmentTemplates], str | None]) -> None:
        """The selected treatment's template (read first if the menu has not yet)."""
        entry, database, actor = self.entry, self.page.database, self.page.actor
        if entry is None or database is None or actor is None:
            return
        if not self._may(Permission.PRINT_DOCUMENTS):
            self._tell(self.tr("Your role does not allow printing treatment documents."))
            return

        def go(found: TreatmentTemplates) -> None:
            key = key_of(found)
            if key is None:
                self._tell(
                    self.tr("No template is linked to {item} in the catalogue.").format(
                        item=found.item
                    )
                )
                return
            self.open_document(
                DocumentRequest(
                    key, found.patient_id, found.treatment_id, None, document_language()
                )
            )

        if self.templates is not None and self.templates.treatment_id == entry.id:
            go(self.templates)
            return
        self.page.runner.run(
            lambda: document_entries.treatment_templates(database, actor, entry.id),
            go,
            self._failed,
        )

    def general_document(self, key: str) -> None:
        """A document for the patient, not for one treatment (a consent's treatment is then
        the patient's latest of its item)."""
        header = self.page.header
        if header is not None:
            self.open_document(DocumentRequest(key, header.id, language=document_language()))

    def sign_again(self) -> None:
        """A new copy of the same consent on the current version, for the same treatment."""
        document, header = self.document, self.page.header
        if document is not None and header is not None:
            self.open_document(
                DocumentRequest(
                    document.key, header.id, document.treatment_id, None, document.language
                )
            )

    def open_stored(self) -> None:
        entry = self.entry
        if entry is not None and entry.kind == EntryKind.DOCUMENT:
            self._open(stored=entry.id)

    def open_document(self, request: DocumentRequest) -> DocumentPreview | None:
        """A preview of a new document (the treatment form opens its consent this way)."""
        return self._open(request=request)

    def _open(
        self, request: DocumentRequest | None = None, stored: uuid.UUID | None = None
    ) -> DocumentPreview | None:
        page = self.page
        if page.database is None or page.actor is None:
            return None
        if self.preview is not None and not self.preview.isVisible():
            self.preview.deleteLater()  # closed: its PDF and pages go with it
        preview = DocumentPreview(
            page.runner, page.database, page.actor, page.station, request, stored=stored,
            parent=page,
        )  # fmt: skip
        preview.kept.connect(lambda _kept: page.refresh_record())
        self.preview = preview
        preview.open()
        return preview

    # --- signed scans ------------------------------------------------------------------------

    def attach_scan(self) -> None:
        """Choose the scanned signed page; read and attach it on the Runner."""
        entry, database, actor = self.entry, self.page.database, self.page.actor
        if entry is None or entry.kind != EntryKind.DOCUMENT or database is None or actor is None:
            return
        name, _filter = QFileDialog.getOpenFileName(
            self.page,
            self.tr("Attach the signed scan"),
            "",
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"),
        )
        if not name:
            return

        def work() -> None:
            data, media_type = read_scan(Path(name))
            document_archive.attach_scan(database, actor, entry.id, data, media_type)

        self.page.runner.run(work, lambda _none: self._attached(), self._scan_failed)

    def _attached(self) -> None:
        self.page.notice.setText(self.tr("The signed scan is attached to the document."))
        self.page.refresh_record()

    def _scan_failed(self, exc: BaseException) -> None:
        texts = {
            "type": self.tr("This file is not a PDF, PNG or JPEG scan. Scan the page again."),
            "size": self.tr("The scan is empty or larger than 20 MB. Scan at a lower resolution."),
            "exists": self.tr(
                "A signed scan is already attached to this document; it is never replaced."
            ),
        }
        if isinstance(exc, ValidationError) and exc.code in texts:
            self._tell(texts[exc.code])
        elif isinstance(exc, OSError):
            self._tell(self.tr("The file could not be read: {error}").format(error=exc))
        else:
            self._failed(exc)

    # --- telling the user --------------------------------------------------------------------

    def _tell(self, text: str, detail: str = "") -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Documents"), text, parent=self.page)
        box.setObjectName("documentsMessage")
        if detail:
            box.setInformativeText(detail)
        self.message = box
        box.open()

    def _failed(self, exc: BaseException) -> None:
        self._tell(*describe(exc))
