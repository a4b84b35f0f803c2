"""Ghost overlay (issue 6): the patient's baseline photo, faint, over a new follow-up photo.

Before a follow-up photo from the camera folder is assigned, the person taking it checks
that the face is framed as in the first "before" of the same angle: the new photo fills
the view and the baseline is drawn over it, in the same place and size, at an adjustable
opacity (slider, [ and ] keys, default 40 %). Both images load on the Runner.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.models import PhotoAngle
    from desktop_app.services.camera_inbox import Preview
    from desktop_app.services.context import Actor
    from desktop_app.services.photos import PhotoSummary

DEFAULT_OPACITY = 40  # percent: the baseline's outline shows, the new photo stays readable
STEP = 10
PREVIEW_SIDE = 1600
BACKDROP = QColor("#202124")


def to_qimage(preview: Preview) -> QImage:
    """Pillow's RGB bytes as a QImage that owns its pixels (safe off the UI thread)."""
    image = QImage(
        preview.rgb, preview.width, preview.height, 3 * preview.width, QImage.Format.Format_RGB888
    )
    return image.copy()


def fitted(size: QSize, area: QRect) -> QRect:
    """``size`` scaled to fit inside ``area``, keeping its shape, centred."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    left = area.x() + (area.width() - scaled.width()) // 2
    top = area.y() + (area.height() - scaled.height()) // 2
    return QRect(left, top, scaled.width(), scaled.height())


def paint_ghost(
    painter: QPainter, area: QRect, photo: QImage, baseline: QImage | None, opacity: float
) -> None:
    """The new photo fitted to ``area``; the baseline fitted to the same place over it."""
    painter.fillRect(area, BACKDROP)
    if photo.isNull():
        return
    target = fitted(photo.size(), area)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(target, photo)
    if baseline is not None and not baseline.isNull() and opacity > 0:
        painter.setOpacity(max(0.0, min(1.0, opacity)))
        painter.drawImage(fitted(baseline.size(), target), baseline)
        painter.setOpacity(1.0)


def compose(photo: QImage, baseline: QImage | None, opacity: float, size: QSize) -> QImage:
    """The overlay as one image (what the view shows; tests read its pixels)."""
    image = QImage(size, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    paint_ghost(painter, QRect(0, 0, size.width(), size.height()), photo, baseline, opacity)
    painter.end()
    return image


class GhostView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ghostView")
        self.photo = QImage()
        self.baseline: QImage | None = None
        self.opacity = DEFAULT_OPACITY / 100
        self.setMinimumSize(480, 360)

    def show_images(self, photo: QImage, baseline: QImage | None) -> None:
        self.photo, self.baseline = photo, baseline
        self.update()

    def set_opacity(self, opacity: float) -> None:
        self.opacity = opacity
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_ghost(painter, self.rect(), self.photo, self.baseline, self.opacity)
        painter.end()


@dataclass(frozen=True)
class _Loaded:
    photo: QImage
    baseline: QImage | None
    summary: PhotoSummary | None


class GhostOverlayDialog(QDialog):
    """The new file in the camera folder against the patient's baseline of ``angle``."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        patient_id: uuid.UUID,
        path: Path,
        angle: PhotoAngle,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ghostOverlayDialog")
        self.path, self.angle = path, angle
        self.summary: PhotoSummary | None = None
        self.view = GhostView()
        self.caption = QLabel()
        self.caption.setObjectName("ghostCaption")
        self.caption.setWordWrap(True)
        self.opacity_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName("ghostOpacity")
        self.slider.setRange(0, 100)
        self.slider.setSingleStep(5)
        self.slider.setPageStep(STEP)
        self.slider.setValue(DEFAULT_OPACITY)
        self.opacity_label.setBuddy(self.slider)
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(40)
        self.slider.valueChanged.connect(self._opacity_changed)
        row = QHBoxLayout()
        row.addWidget(self.opacity_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(900, 760)
        self.retranslate()
        self._opacity_changed(self.slider.value())
        self.slider.setFocus()
        self.caption.setText(self.tr("Loading…"))
        runner.run(
            lambda: _load(database, actor, patient_id, path, angle), self._loaded, self._failed
        )

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare with baseline"))
        self.opacity_label.setText(self.tr("&Baseline opacity"))
        self.slider.setToolTip(self.tr("[ and ] change it by 10 %"))
        self._show_caption()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """[ and ] (or - and +) anywhere in the dialog: 10 % less or more baseline."""
        change = {"[": -STEP, "-": -STEP, "]": STEP, "+": STEP, "=": STEP}.get(event.text())
        if change is None:
            super().keyPressEvent(event)
            return
        self.slider.setValue(self.slider.value() + change)

    def composed(self) -> QImage:
        """What the view shows now, at its size."""
        return compose(self.view.photo, self.view.baseline, self.view.opacity, self.view.size())

    def _opacity_changed(self, value: int) -> None:
        self.value_label.setText(f"{value} %")
        self.view.set_opacity(value / 100)

    def _loaded(self, loaded: _Loaded) -> None:
        self.summary = loaded.summary
        self.view.show_images(loaded.photo, loaded.baseline)
        self._show_caption()

    def _failed(self, exc: BaseException) -> None:
        headline, detail = describe(exc)
        self.caption.setText(f"{headline}\n{detail}")

    def _show_caption(self) -> None:
        summary = self.summary
        if self.view.photo.isNull():
            return
        if summary is None:
            self.caption.setText(
                self.tr("{file}: this patient has no 'before' photo of this angle yet.").format(
                    file=self.path.name
                )
            )
            return
        taken = summary.taken_at.astimezone().strftime("%Y-%m-%d")
        self.caption.setText(
            self.tr("New: {file} · faint over it: the baseline taken {date}").format(
                file=self.path.name, date=taken
            )
        )


def _load(
    database: Database, actor: Actor, patient_id: uuid.UUID, path: Path, angle: PhotoAngle
) -> _Loaded:
    """On the Runner: the new file at screen size, the baseline's display rendition."""
    from desktop_app.models import BlobKind
    from desktop_app.services import camera_inbox, photos

    preview = camera_inbox.read_preview(path, PREVIEW_SIDE)
    if preview is None:
        raise OSError(f"{path.name} cannot be shown: it is damaged, unfinished or not an image.")
    summary = photos.baseline(database, actor, patient_id, angle)
    baseline = None
    if summary is not None:
        rendition = photos.image(database, actor, summary.id, BlobKind.DISPLAY)
        baseline = QImage.fromData(rendition.data)
    return _Loaded(to_qimage(preview), baseline, summary)
