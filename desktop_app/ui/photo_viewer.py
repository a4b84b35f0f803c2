"""One photo large: the display rendition fitted to the window, ← / → for the neighbours.

The rendition (≤ 2048 px) is read and decoded on the Runner; the window only scales it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.models import BlobKind
from desktop_app.services import photos
from desktop_app.ui.messages import describe
from desktop_app.ui.photo_words import caption, details
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.services.photos import PhotoSummary


class PhotoViewer(QDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        shown: list[PhotoSummary],
        row: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoViewer")
        self.runner, self.database, self.actor = runner, database, actor
        self.shown, self.row = shown, row
        self.pixmap = QPixmap()
        self.picture = QLabel()
        self.picture.setObjectName("photoPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(200, 150)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setStyleSheet("background: #1e1f22; color: #d0d0d0;")
        self.caption = QLabel()
        self.caption.setObjectName("photoCaption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.caption)
        self.resize(1000, 760)
        self.show_row(row)

    def show_row(self, row: int) -> None:
        if not 0 <= row < len(self.shown):
            return
        self.row = row
        photo = self.shown[row]
        what, when = caption(photo)
        self.caption.setText(" · ".join([what, when, *details(photo)]))
        self.setWindowTitle(
            self.tr("Photo {number} of {total}").format(number=row + 1, total=len(self.shown))
        )
        self.pixmap = QPixmap()
        self.picture.setText(self.tr("Loading…"))
        database, actor, photo_id = self.database, self.actor, photo.id

        def load() -> QImage:
            return QImage.fromData(photos.image(database, actor, photo_id, BlobKind.DISPLAY).data)

        self.runner.run(load, lambda image: self._loaded(row, image), self._failed)

    def _loaded(self, row: int, image: QImage) -> None:
        if row != self.row:
            return  # the user moved on before it arrived
        self.pixmap = QPixmap.fromImage(image)
        self._fit()

    def _failed(self, exc: BaseException) -> None:
        headline, detail = describe(exc)
        self.picture.setText(f"{headline}\n{detail}")

    def _fit(self) -> None:
        if self.pixmap.isNull():
            return
        self.picture.setPixmap(
            self.pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.show_row(self.row + 1)
        elif event.key() in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_row(self.row - 1)
        else:
            super().keyPressEvent(event)
