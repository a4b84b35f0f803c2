"""Beside the template editor: the sample preview as a PDF, and after a clash the newer
version a colleague saved, read-only, to compare with the manager's own text."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from desktop_app.services.templates import TemplateInfo
from desktop_app.ui.template_words import saved_by


class TemplateSide(QTabWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("editorSide")
        self.pdf: bytes | None = None
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("templatePreview")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.note = QLabel()
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        self.preview_tab = QWidget()
        column = QVBoxLayout(self.preview_tab)
        column.addWidget(self.note)
        column.addWidget(self.view, 1)
        self.addTab(self.preview_tab, "")
        self.newer_text = QPlainTextEdit()
        self.newer_text.setObjectName("newerVersionText")
        self.newer_text.setReadOnly(True)
        self.newer: TemplateInfo | None = None
        self._buffer: QBuffer | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Preview"))
        if self.pdf is None:
            self.note.setText(
                self.tr("Press Ctrl+R to see this text printed for a sample patient.")
            )
        if self.newer is not None:
            self.setTabText(self.indexOf(self.newer_text), self._version_label(self.newer))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def rendering(self) -> None:
        self.note.setText(self.tr("Rendering the preview…"))
        self.setCurrentWidget(self.preview_tab)

    def failed(self) -> None:
        self.note.setText(self.tr("No preview: see the message below the text."))

    def show_pdf(self, pdf: bytes) -> None:
        self.pdf = pdf
        buffer = QBuffer(self)
        buffer.setData(QByteArray(pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer  # the document reads from it: keep it alive
        pages = self.document.pageCount()
        self.note.setText(
            self.tr("Printed for a made-up patient: %n page(s). Nothing is saved.", "", pages)
        )
        self.setCurrentWidget(self.preview_tab)

    def _version_label(self, info: TemplateInfo) -> str:
        return self.tr("Version {number} ({who})").format(
            number=info.number, who=saved_by(info.created_by, info.created_at)
        )

    def show_version(self, info: TemplateInfo) -> None:
        """A colleague's newer version, beside the manager's unsaved text."""
        self.newer = info
        self.newer_text.setPlainText(f"{info.title}\n\n{info.body}")
        if self.indexOf(self.newer_text) < 0:
            self.addTab(self.newer_text, "")
        self.setTabText(self.indexOf(self.newer_text), self._version_label(info))
        self.setCurrentWidget(self.newer_text)
