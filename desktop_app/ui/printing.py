"""Showing, printing and saving a PDF: the page view, the system print dialog, atomic files.

Kept apart from the preview dialog so the dialog only decides *when* (keep the copy
first, then paint or write) and tests can replace ``choose_printer`` with a PDF printer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.station import StationSettings

# Pages are rasterised for the printer. 300 dpi is sharp on paper; at the 600-1200 dpi a
# printer may report, one A4 page would be 140-560 MB of pixels.
MAX_PRINT_DPI = 300
_ZOOM_STEP = 1.25


class PrintError(Exception):
    """The printer would not start or stopped mid-job; str() is a sentence for the user."""


class PdfPages(QPdfView):
    """Every page of a PDF, scrolled; fit-to-width until the user zooms.

    QPdfDocument reads from its device lazily, so the QBuffer and its bytes are kept here
    for as long as the document is shown. The document has no Qt parent: deleted as this
    view's child, it would go before the view's own destructor, which still uses it (a
    crash); Python drops it after the view. The buffer is the document's child, so it
    outlives the document's reads.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPages")
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdf = QPdfDocument()
        self._buffer: QBuffer | None = None
        self._bytes = QByteArray()
        self.setDocument(self.pdf)
        for keys, slot in (
            (("Ctrl+=", QKeySequence.StandardKey.ZoomIn), self.zoom_in),
            (("Ctrl+-", QKeySequence.StandardKey.ZoomOut), self.zoom_out),
            (("Ctrl+0",), self.fit_width),
        ):
            # One shortcut per distinct key: two for the same key are ambiguous and neither fires.
            sequences = {QKeySequence(key).toString(): QKeySequence(key) for key in keys}
            for sequence in sequences.values():
                if not sequence.isEmpty():
                    QShortcut(sequence, self).activated.connect(slot)

    def show_pdf(self, data: bytes) -> int:
        """Show these bytes; the number of pages (0: not a readable PDF)."""
        self.pdf.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self.pdf)
        self._buffer.setData(self._bytes)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._buffer)
        return self.pdf.pageCount() if self.pdf.status() is QPdfDocument.Status.Ready else 0

    def clear(self) -> None:
        self.pdf.close()

    def _effective_zoom(self) -> float:
        """The factor on screen now; in fit-to-width mode Qt reports 1.0, not the real one."""
        if self.zoomMode() is not QPdfView.ZoomMode.FitToWidth or self.pdf.pageCount() == 0:
            return self.zoomFactor()
        points = self.pdf.pagePointSize(0).width()
        pixels = points * self.logicalDpiX() / 72.0
        margins = self.documentMargins()
        available = self.viewport().width() - margins.left() - margins.right()
        return max(available / pixels, 0.1) if pixels else 1.0

    def zoom_in(self) -> None:
        self._zoom_to(self._effective_zoom() * _ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_to(self._effective_zoom() / _ZOOM_STEP)

    def _zoom_to(self, factor: float) -> None:
        self.setZoomMode(QPdfView.ZoomMode.Custom)
        self.setZoomFactor(min(max(factor, 0.25), 8.0))

    def fit_width(self) -> None:
        self.setZoomMode(QPdfView.ZoomMode.FitToWidth)


def last_printer(station: StationSettings, kind: str) -> str | None:
    """The printer last used for this document kind, if this PC still has it."""
    name = station.printers.get(kind)
    return name if name and name in QPrinterInfo.availablePrinterNames() else None


def remember_printer(station: StationSettings, kind: str, name: str) -> None:
    """Note the printer for this kind; the caller saves the station settings."""
    if name:
        station.printers[kind] = name


def choose_printer(parent: QWidget | None, printer: QPrinter, preferred: str | None) -> bool:
    """The system print dialog, ``preferred`` preselected; False if the user cancelled."""
    if preferred:
        printer.setPrinterName(preferred)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def print_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Paint the pages (or the range chosen in the dialog) at their real size: an A4 page
    lands on A4 paper 1:1, never shrunk to the printable area. Raises PrintError."""
    count = document.pageCount()
    first = max(printer.fromPage(), 1) if printer.fromPage() else 1
    last = min(printer.toPage(), count) if printer.toPage() else count
    size = document.pagePointSize(0)
    printer.setFullPage(True)
    printer.setPageSize(
        QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    )
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(
            QCoreApplication.translate("Printing", "The printer {name} could not start.").format(
                name=printer_label(printer)
            )
        )
    try:
        scale = printer.resolution() / 72.0  # points to printer pixels
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for number, page in enumerate(range(first - 1, last)):
            if number and not printer.newPage():
                raise PrintError(
                    QCoreApplication.translate(
                        "Printing", "The printer {name} stopped after page {page}."
                    ).format(name=printer_label(printer), page=page)
                )
            points = document.pagePointSize(page)
            image = document.render(
                page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            )
            target = QRect(0, 0, round(points.width() * scale), round(points.height() * scale))
            # The raster is transparent where the page is blank; some drivers print that grey.
            painter.fillRect(target, Qt.GlobalColor.white)
            painter.drawImage(target, image)
    finally:
        painter.end()


def printer_label(printer: QPrinter) -> str:
    """The printer's name as the user knows it, or the file a PDF printer writes."""
    return printer.printerName() or printer.outputFileName() or "?"


def write_pdf(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder and rename over the target, so a full
    disk or a crash leaves either the old file or none, never half a PDF. Raises OSError."""
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:40]}-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
