"""“Export to Excel…” as every list page does it: ask where (a suggested dated name), write
on the runner with a progress dialog for long lists, then say how many rows went out, or
why nothing did (a full disk, a folder that may not be written to, a refusal).

The file dialog and the message box are constructor arguments so tests can answer them.
The services write to a temporary file and rename it, so a failure leaves no file.
"""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop_app.services.xlsx_writing import xlsx_path
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Progress, Runner

# (parent, caption, suggested file, filter) → the chosen path, "" if cancelled
AskPath = Callable[[QWidget, str, str, str], str]
# (parent, title, text, is_error): how the outcome is told
Tell = Callable[[QWidget, str, str, bool], None]
# (path, report(done, total)) → rows written; runs on a worker thread
Work = Callable[[Path, Callable[[int, int], None]], int]

SHORTCUT = "Ctrl+Shift+E"
PROGRESS_AFTER_MS = 400  # a short list never flashes a dialog
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def ask_save_path(parent: QWidget, caption: str, suggested: str, filters: str) -> str:
    return QFileDialog.getSaveFileName(parent, caption, suggested, filters)[0]


def tell_in_box(parent: QWidget, title: str, text: str, error: bool) -> None:
    if error:
        QMessageBox.warning(parent, title, text)
    else:
        QMessageBox.information(parent, title, text)


class ExcelExport(QObject):
    """One page's export: ``start`` asks for the file, runs ``work``, tells the outcome."""

    def __init__(
        self,
        owner: QWidget,
        runner: Runner,
        ask_path: AskPath = ask_save_path,
        tell: Tell = tell_in_box,
    ) -> None:
        super().__init__(owner)
        self.owner, self.runner, self.ask_path, self.tell = owner, runner, ask_path, tell
        self.running = False
        self.dialog: QProgressDialog | None = None
        self.progress: Progress | None = None

    def start(self, caption: str, suggested: str, work: Work) -> None:
        if self.running:
            return
        chosen = self.ask_path(self.owner, caption, suggested, self.tr("Excel workbook (*.xlsx)"))
        if not chosen:
            return
        path = xlsx_path(chosen)
        self.progress = progress = Progress(self)
        self.dialog = QProgressDialog(self.tr("Exporting…"), "", 0, 0, self.owner)
        self.dialog.setObjectName("excelExportProgress")
        self.dialog.setWindowTitle(caption)
        self.dialog.setCancelButton(None)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(PROGRESS_AFTER_MS)
        progress.changed.connect(self._progressed)
        self.running = True
        self.runner.run(
            lambda: work(path, progress.report),
            lambda rows: self._done(caption, path, rows),
            lambda exc: self._failed(caption, path, exc),
        )

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, max(total, 1)))
            self.dialog.setLabelText(
                self.tr("Exporting… {done} of {total} rows").format(done=done, total=total)
            )

    def _finish(self) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
        if self.progress is not None:
            self.progress.deleteLater()
            self.progress = None

    def _done(self, caption: str, path: Path, rows: Any) -> None:
        self._finish()
        text = self.tr("%n row(s) exported to {file}.", "", int(rows)).format(file=path.name)
        self.tell(self.owner, caption, text, False)

    def _failed(self, caption: str, path: Path, exc: BaseException) -> None:
        self._finish()
        self.tell(self.owner, caption, self.failure_text(path, exc), True)

    def failure_text(self, path: Path, exc: BaseException) -> str:
        folder = str(path.parent)
        if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
            return self.tr(
                "The disk is full: nothing was exported. Free some space or choose another drive."
            )
        if isinstance(exc, PermissionError):
            return self.tr(
                "The folder {folder} may not be written to: nothing was exported. Choose "
                "another folder."
            ).format(folder=folder)
        if isinstance(exc, FileNotFoundError):
            return self.tr("The folder {folder} does not exist: nothing was exported.").format(
                folder=folder
            )
        if isinstance(exc, OSError):
            return self.tr(
                "The file could not be written: nothing was exported. ({detail})"
            ).format(detail=exc.strerror or exc)
        return " ".join(describe(exc))
