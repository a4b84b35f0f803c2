"""The comparison's surfaces (one photo, or two under a slider, over a shared view) and
the words shown with each photo (what it shows; its date and day since the treatment).

``ViewState`` holds the zoom relative to "whole photo fits" and the point at the centre
in fractions of the photo, not pixels: two photos of different resolution (a 2048-px
display copy beside an older 1600-px one) then show the same part of the face at the same
relative size. Downscaled drawing uses a smoothly scaled copy cached per size, so a
2048-px photo looks like a photo at any zoom and repaints stay cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QWidget

from desktop_app.services.photo_export import days_since
from desktop_app.ui.clinical_names import AREA_NAMES, word
from desktop_app.ui.photo_words import ANGLE_NAMES, photo_word, stage_text

if TYPE_CHECKING:
    from datetime import datetime

    from desktop_app.services.photos import PhotoSummary


def title_text(photo: PhotoSummary) -> str:
    """Stage · angle · area: what the photo shows."""
    parts = [stage_text(photo)]
    if photo.angle is not None:
        parts.append(photo_word(ANGLE_NAMES, photo.angle))
    if photo.area:
        parts.append(word(AREA_NAMES, photo.area))
    return " · ".join(parts)


def days_text(days: int | None) -> str:
    """Counted from the day of treatment, which is day 0."""
    if days is None:
        return ""
    if days == 0:
        return QCoreApplication.translate("Photos", "day 0 (day of treatment)")
    if days > 0:
        text = QCoreApplication.translate("Photos", "day {days} after treatment")
        return text.format(days=days)
    return QCoreApplication.translate("Photos", "%n day(s) before treatment", None, -days)


def when_text(photo: PhotoSummary, treated_at: datetime | None) -> str:
    """The photo's date and its day counted from the treatment; a photo linked to none is
    counted from the other photo's treatment, as that is the one being compared."""
    date = photo.taken_at.astimezone().strftime("%Y-%m-%d")
    days = days_text(days_since(photo.taken_at, photo.treated_at or treated_at))
    return f"{date} · {days}" if days else date


MIN_ZOOM, MAX_ZOOM = 1.0, 12.0
_BACKGROUND = QColor(32, 33, 36)
_HANDLE = 9  # pixels either side of the slider line that grab it


class ViewState(QObject):
    """Zoom (1.0 = fit) and centre (fractions of the photo), shared by every view."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.zoom = 1.0
        self.center = (0.5, 0.5)

    def set(self, zoom: float, center: tuple[float, float]) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        half = 0.5 / zoom  # keep the photo's edge from leaving the middle of the view
        center = (
            min(1.0 - half, max(half, center[0])),
            min(1.0 - half, max(half, center[1])),
        )
        if (zoom, center) != (self.zoom, self.center):
            self.zoom, self.center = zoom, center
            self.changed.emit()

    def zoom_by(self, factor: float) -> None:
        self.set(self.zoom * factor, self.center)

    def reset(self) -> None:
        self.set(1.0, (0.5, 0.5))


class PhotoCanvas(QWidget):
    """One photo drawn as the shared state says; wheel zooms about the cursor, drag pans."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.image: QImage | None = None
        self.message = ""
        self._cache: dict[int, tuple[QSize, QImage]] = {}
        self._dragging: QPointF | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(240, 240)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        state.changed.connect(self.update)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self._cache.clear()
        self.update()

    def set_message(self, text: str) -> None:
        """Shown in the middle while there is no photo (loading, none to show)."""
        self.message = text
        self.update()

    # --- geometry ------------------------------------------------------------------------

    def scale_for(self, size: QSize) -> float:
        fit = min(self.width() / size.width(), self.height() / size.height())
        return fit * self.state.zoom

    def target(self, size: QSize) -> QRectF:
        """Where a photo of ``size`` is drawn now, in widget coordinates."""
        scale = self.scale_for(size)
        width, height = size.width() * scale, size.height() * scale
        cx, cy = self.state.center
        return QRectF(self.width() / 2 - cx * width, self.height() / 2 - cy * height, width, height)

    def reference(self) -> QImage | None:
        """The photo whose pixels the mouse's position is measured against."""
        return self.image

    # --- drawing -------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        if self.image is None:
            self._draw_message(painter)
        else:
            self.draw_photo(painter, self.image)
        painter.end()

    def draw_photo(self, painter: QPainter, image: QImage) -> None:
        rect = self.target(image.size())
        scaled = self._scaled(image, rect)
        if scaled is not None:
            painter.drawImage(rect.topLeft(), scaled)
        else:  # magnified: let Qt draw just the visible part, smoothed
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(rect, image)

    def _scaled(self, image: QImage, rect: QRectF) -> QImage | None:
        """A smoothly downscaled copy for this size (None when drawn at or above 1:1)."""
        ratio = self.devicePixelRatioF()
        size = QSize(round(rect.width() * ratio), round(rect.height() * ratio))
        if size.width() >= image.width() or size.isEmpty():
            return None
        cached = self._cache.get(image.cacheKey())
        if cached is None or cached[0] != size:
            copy = image.scaled(
                size,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            copy.setDevicePixelRatio(ratio)
            cached = (size, copy)
            self._cache[image.cacheKey()] = cached
        return cached[1]

    def _draw_message(self, painter: QPainter) -> None:
        painter.setPen(QColor(200, 200, 200))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.message)

    # --- mouse and keys ------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_at(event.position(), 1.25**steps)
        event.accept()

    def zoom_at(self, point: QPointF, factor: float) -> None:
        """Zoom keeping the part of the photo under ``point`` where it is."""
        image = self.reference()
        if image is None:
            self.state.zoom_by(factor)
            return
        size = image.size()
        rect = self.target(size)
        fx = (point.x() - rect.x()) / rect.width()
        fy = (point.y() - rect.y()) / rect.height()
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.state.zoom * factor))
        scale = self.scale_for(size) * zoom / self.state.zoom
        dx, dy = point.x() - self.width() / 2, point.y() - self.height() / 2
        self.state.set(zoom, (fx - dx / (size.width() * scale), fy - dy / (size.height() * scale)))

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the photo by (dx, dy) widget pixels (the other views follow)."""
        image = self.reference()
        if image is None:
            return
        rect = self.target(image.size())
        cx, cy = self.state.center
        self.state.set(self.state.zoom, (cx - dx / rect.width(), cy - dy / rect.height()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._dragging = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self.setFocus()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._dragging is not None:
            delta = event.position() - self._dragging
            self._dragging = event.position()
            self.pan_by(delta.x(), delta.y())

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._dragging = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mouseDoubleClickEvent(self, _event: QMouseEvent) -> None:
        self.state.reset()


class OverlayCanvas(PhotoCanvas):
    """Both photos in one place: the first left of a vertical line, the second right of it.

    Drag the line (or press ←/→, Shift for big steps) to wipe between them; dragging
    anywhere else pans, as in the side-by-side views.
    """

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.second: QImage | None = None
        self.divider = 0.5  # fraction of the visible part of the photos (see ``span``)
        self.labels = ("", "")
        self._moving_divider = False
        self.setMouseTracking(True)

    def set_images(self, first: QImage | None, second: QImage | None) -> None:
        self.second = second
        self.set_image(first)

    def set_labels(self, first: str, second: str) -> None:
        self.labels = (first, second)
        self.update()

    def set_divider(self, fraction: float) -> None:
        self.divider = min(1.0, max(0.0, fraction))
        self.update()

    def reference(self) -> QImage | None:
        return self.image or self.second

    def span(self) -> tuple[float, float]:
        """Left edge and width the line moves across: the photo where it is narrower than
        the view (whole photo shown), else the view, so 0–100 % is always "all of it"."""
        image = self.reference()
        if image is None:
            return 0.0, float(self.width())
        rect = self.target(image.size())
        left, right = max(0.0, rect.left()), min(float(self.width()), rect.right())
        return left, max(1.0, right - left)

    def divider_x(self) -> float:
        left, width = self.span()
        return left + self.divider * width

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), _BACKGROUND)
        if self.image is None or self.second is None:
            self._draw_message(painter)
            painter.end()
            return
        x = round(self.divider_x())
        painter.save()
        painter.setClipRect(0, 0, x, self.height())
        self.draw_photo(painter, self.image)
        painter.restore()
        painter.save()
        painter.setClipRect(x, 0, self.width() - x, self.height())
        self.draw_photo(painter, self.second)
        painter.restore()
        self._draw_divider(painter, x)
        painter.end()

    def _draw_divider(self, painter: QPainter, x: int) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(255, 255, 255, 230), 2))
        painter.drawLine(x, 0, x, self.height())
        middle = QPointF(x, self.height() / 2)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawEllipse(middle, 14, 14)
        painter.setPen(QPen(QColor(60, 60, 60), 2))
        for side in (-1, 1):  # a small arrow each way: "drag me sideways"
            tip = middle + QPointF(side * 9, 0)
            painter.drawLine(tip, tip + QPointF(-side * 5, -5))
            painter.drawLine(tip, tip + QPointF(-side * 5, 5))
        metrics = painter.fontMetrics()
        for text, right in ((self.labels[0], False), (self.labels[1], True)):
            if not text:
                continue
            width = metrics.horizontalAdvance(text) + 16
            left = x + 8 if right else x - 8 - width
            box = QRectF(left, 8, width, metrics.height() + 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 150))
            painter.drawRoundedRect(box, 4, 4)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _near_divider(self, point: QPointF) -> bool:
        return abs(point.x() - self.divider_x()) <= _HANDLE

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._near_divider(event.position()):
            self._moving_divider = True
            self.setFocus()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._moving_divider:
            left, width = self.span()
            self.set_divider((event.position().x() - left) / width)
            return
        if self._dragging is None:
            near = self._near_divider(event.position())
            self.setCursor(Qt.CursorShape.SplitHCursor if near else Qt.CursorShape.OpenHandCursor)
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._moving_divider = False
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = 0.1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0.02
        if event.key() == Qt.Key.Key_Left:
            self.set_divider(self.divider - step)
        elif event.key() == Qt.Key.Key_Right:
            self.set_divider(self.divider + step)
        elif event.key() == Qt.Key.Key_Home:
            self.set_divider(0.0)
        elif event.key() == Qt.Key.Key_End:
            self.set_divider(1.0)
        else:
            super().keyPressEvent(event)
