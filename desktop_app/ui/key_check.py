"""At start, after sign-in: the clinic's data key, and the photos stored before encryption.

``KeyCheck.start`` makes the clinic's key if it has none (``clinic_key.ensure_key``: a
clinic set up before encryption at rest), then seals the photos stored before it
(``photo_encryption.encrypt_existing``) with a progress window that shows only if it takes
a while; "Later" stops after the current batch and the next start carries on. A station
without the key is told why and what to do, in a message box, and keeps working: only
photos (and backups) need the key.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from desktop_app.services import clinic_key, photo_encryption
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Progress, Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class _PostponedError(Exception):
    """The person chose "Later": what is sealed stays sealed, the rest waits."""


class KeyCheck(QObject):
    finished = Signal(object)  # None: key here, photos sealed; else why not (the exception)

    def __init__(self, runner: Runner, owner: QWidget) -> None:
        super().__init__(owner)
        self.runner, self.owner = runner, owner
        self.window: QProgressDialog | None = None
        self.message: QMessageBox | None = None  # the last one shown (tests)
        self.sealed = 0  # photo blobs this run sealed

    def start(self, database: Database, actor: Actor | None) -> None:
        progress = Progress(self)
        progress.changed.connect(self._progressed)
        window = self._window()
        window.canceled.connect(progress.cancel)

        def report(done: int, total: int) -> None:
            progress.report(done, total)
            if progress.cancelled():
                raise _PostponedError

        def work() -> int:
            clinic_key.ensure_key(database, actor)
            return photo_encryption.encrypt_existing(database, actor, progress=report)

        self.runner.run(work, self._done, self._failed)

    def _window(self) -> QProgressDialog:
        window = QProgressDialog(self.owner)
        window.setObjectName("photoSealingProgress")
        window.setWindowTitle(self.tr("Protecting photos"))
        window.setLabelText(self.tr("Encrypting the photos stored before encryption…"))
        later = QPushButton(self.tr("Later"))
        later.setObjectName("photoSealingLater")
        window.setCancelButton(later)
        window.setMinimumDuration(800)  # most starts have nothing to seal: no flash
        window.setAutoClose(False)
        window.setAutoReset(False)
        window.setRange(0, 0)
        self.window = window
        return window

    def _progressed(self, done: int, total: int, _text: str) -> None:
        if self.window is not None:
            self.window.setMaximum(total)
            self.window.setValue(done)
            self.window.setLabelText(
                self.tr("Encrypting earlier photos: {done} of {total} images checked…").format(
                    done=done, total=total
                )
            )

    def _close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()  # one per sign-in: not kept for the window's life
            self.window = None

    def _done(self, sealed: int) -> None:
        self._close()
        self.sealed = sealed
        self.finished.emit(None)

    def _failed(self, exc: BaseException) -> None:
        self._close()
        if not isinstance(exc, _PostponedError):
            headline, detail = describe(exc)
            box = QMessageBox(QMessageBox.Icon.Warning, headline, headline, parent=self.owner)
            box.setObjectName("keyMissingMessage")
            box.setInformativeText(detail)
            self.message = box
            box.open()
        self.finished.emit(exc)
