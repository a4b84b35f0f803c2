"""A signature pad: the patient, guardian or doctor signs with a mouse, pen or finger.

The signature is kept as vector strokes (polylines in 0..1 of the pad, x right, y down),
not as a picture: it prints sharp at any size and is stored with the document as a few KB
of JSON. The pad has the proportions the PDF draws it in (``PAD_ASPECT``), and shows the
ink as the PDF prints it (the same colour, straight segments), so what is signed is what
prints.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QEventPoint,
    QFont,
    QInputDevice,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPointingDevice,
    QShortcut,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.document_pdf import INK, PAD_ASPECT

Point = tuple[float, float]
Strokes = tuple[tuple[Point, ...], ...]

MIN_STEP = 0.003  # a point this close (in 0..1 of the pad) to the previous one adds nothing
TOLERANCE = 0.003  # simplification, in pad heights: ~0.6 px on screen, 0.05 mm on paper
MIN_WIDTH = 600  # a finger needs room: 600 x 200 px at 3:1
BASELINE = 0.8  # the line to sign on, from the top, in pad heights
INK_COLOUR = QColor.fromRgbF(*INK.rgb())
_TOUCH = (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)


def simplify(stroke: Sequence[Point], tolerance: float = TOLERANCE) -> list[Point]:
    """Ramer-Douglas-Peucker: drop the points within ``tolerance`` of the segment between
    the points kept around them. A pen sends a point every pixel or two; most lie on a
    straight enough line, and leaving them out makes the JSON several times smaller."""
    if len(stroke) < 3:
        return list(stroke)
    keep = [False] * len(stroke)
    keep[0] = keep[-1] = True
    spans = [(0, len(stroke) - 1)]
    while spans:
        first, last = spans.pop()
        worst, far = 0.0, -1
        for n in range(first + 1, last):
            distance = _distance(stroke[n], stroke[first], stroke[last])
            if distance > worst:
                worst, far = distance, n
        if worst > tolerance:
            keep[far] = True
            spans += [(first, far), (far, last)]
    return [point for point, kept in zip(stroke, keep, strict=True) if kept]


def _distance(point: Point, start: Point, end: Point) -> float:
    """From ``point`` to the segment start-end, in pad heights (x scaled by the aspect)."""
    px, py, ax, ay, bx, by = (
        point[0] * PAD_ASPECT, point[1], start[0] * PAD_ASPECT, start[1], end[0] * PAD_ASPECT,
        end[1],
    )  # fmt: skip
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


class SignaturePad(QWidget):
    """Draws strokes from a mouse, a pen tablet or one finger on a touch screen. One device
    draws at a time: a mouse event while a pen stroke is under way is not a second stroke."""

    changed = Signal()  # a stroke started or ended, or strokes were undone or cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signaturePad")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setMinimumSize(MIN_WIDTH, math.ceil(MIN_WIDTH / PAD_ASPECT))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._strokes: list[list[Point]] = []
        self._source: str | None = None  # "mouse", "tablet" or "touch" while drawing
        self._finger = -1  # the touch point that draws; other fingers are ignored

    def sizeHint(self) -> QSize:
        return QSize(780, round(780 / PAD_ASPECT))

    def strokes(self) -> Strokes:
        return tuple(tuple(stroke) for stroke in self._strokes)

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._source = None
        if self._strokes:
            self._strokes.clear()
            self.update()
            self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke (the one being drawn, if any)."""
        self._source = None
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    def pad_rect(self) -> QRectF:
        """The largest PAD_ASPECT rectangle centred in the widget: the area that is 0..1."""
        width = min(float(self.width()), self.height() * PAD_ASPECT)
        height = width / PAD_ASPECT
        return QRectF((self.width() - width) / 2, (self.height() - height) / 2, width, height)

    def _point(self, position: QPointF) -> Point:
        rect = self.pad_rect()
        x = (position.x() - rect.x()) / rect.width()
        y = (position.y() - rect.y()) / rect.height()
        return round(min(1.0, max(0.0, x)), 4), round(min(1.0, max(0.0, y)), 4)

    def _begin(self, source: str, position: QPointF) -> bool:
        if self._source not in (None, source):
            return False
        if self._source == source:  # the release got lost (focus stolen mid-stroke)
            self._finish(source)
        self._source = source
        self._strokes.append([self._point(position)])
        self.update()
        self.changed.emit()
        return True

    def _extend(self, source: str, position: QPointF) -> None:
        if self._source != source:
            return
        stroke, point = self._strokes[-1], self._point(position)
        last = stroke[-1]
        if math.hypot(point[0] - last[0], point[1] - last[1]) < MIN_STEP:
            return
        stroke.append(point)
        self.update()

    def _finish(self, source: str, position: QPointF | None = None) -> None:
        if self._source != source:
            return
        if position is not None:
            self._extend(source, position)
        self._source = None
        self._strokes[-1] = simplify(self._strokes[-1])
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin("mouse", event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._extend("mouse", event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._finish("mouse", event.position())
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        """Accepted, so Qt does not repeat the pen as mouse events. The eraser end draws
        nothing (ink that it drew would surprise the signer)."""
        event.accept()
        if event.pointerType() == QPointingDevice.PointerType.Eraser:
            return
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin("tablet", event.position())
        elif kind == QEvent.Type.TabletMove:  # hovering moves come before a press: ignored
            self._extend("tablet", event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._finish("tablet", event.position())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.TouchCancel:
            self._finish("touch")
            return True
        if event.type() in _TOUCH and isinstance(event, QTouchEvent):
            return self._touch(event)
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> bool:
        """The first finger down draws. A touchpad's touches are not where the pad is:
        ignored, so they arrive as the mouse events they move."""
        if event.device().type() == QInputDevice.DeviceType.TouchPad:
            event.ignore()
            return False
        for point in event.points():
            state = point.state()
            if state == QEventPoint.State.Pressed and self._source is None:
                if self._begin("touch", point.position()):
                    self._finger = point.id()
            elif point.id() == self._finger and self._source == "touch":
                if state == QEventPoint.State.Released:
                    self._finish("touch", point.position())
                elif state == QEventPoint.State.Updated:
                    self._extend("touch", point.position())
        event.accept()
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.pad_rect()
        painter.fillRect(rect, QColor("white"))
        painter.setPen(QPen(QColor(200, 200, 200), 1))
        painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        baseline = rect.top() + rect.height() * BASELINE
        margin = rect.height() * 0.12
        painter.setPen(QPen(QColor(175, 175, 175), 1.2))
        painter.drawLine(QPointF(rect.left() + margin, baseline),
                         QPointF(rect.right() - margin, baseline))  # fmt: skip
        if not self._strokes:
            font = QFont(self.font())
            font.setPixelSize(max(12, round(rect.height() * 0.11)))
            painter.setFont(font)
            painter.setPen(QColor(150, 150, 150))
            hint = QRectF(rect.left() + margin, rect.top(), rect.width() - 2 * margin,
                          baseline - rect.top() - rect.height() * 0.04)  # fmt: skip
            painter.drawText(hint, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
                             self.tr("Sign here"))  # fmt: skip
        pen = QPen(INK_COLOUR, max(2.0, rect.height() / 55))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            points = [QPointF(rect.x() + x * rect.width(), rect.y() + y * rect.height())
                      for x, y in stroke]  # fmt: skip
            if len(points) == 1:
                painter.drawPoint(points[0])  # a round dot as wide as the pen
                continue
            path = QPainterPath(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.drawPath(path)
        painter.end()


class SignatureDialog(QDialog):
    """The pad with the signer's role and name above it; Accept only once something is
    drawn. Shortcuts: Ctrl+Z undoes a stroke, Ctrl+Backspace or Delete clears, Esc cancels."""

    def __init__(self, role: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        headings = {
            "patient": self.tr("Patient: {name}"),
            "guardian": self.tr("Guardian: {name}"),
            "doctor": self.tr("Doctor: {name}"),
        }
        if role not in headings:
            raise ValueError(f"unknown signer role {role!r}")
        self.setObjectName("signatureDialog")
        self.setWindowTitle(self.tr("Signature"))
        self.heading = QLabel(headings[role].format(name=name))
        self.heading.setObjectName("signatureHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(self.tr("Sign in the box with the mouse, a pen or a finger."))
        self.pad = SignaturePad(self)
        self.buttons = QDialogButtonBox()
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.setToolTip(self.tr("Clear the signature (Ctrl+Backspace, Delete)"))
        self.undo_button = QPushButton(self.tr("&Undo"))
        self.undo_button.setToolTip(self.tr("Take back the last stroke (Ctrl+Z)"))
        self.accept_button = QPushButton(self.tr("&Accept signature"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button, role_ in (
            (self.clear_button, QDialogButtonBox.ButtonRole.ResetRole),
            (self.undo_button, QDialogButtonBox.ButtonRole.ResetRole),
            (self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button.setAutoDefault(False)
            self.buttons.addButton(button, role_)
        self.accept_button.setDefault(True)
        self.clear_button.clicked.connect(self.pad.clear)
        self.undo_button.clicked.connect(self.pad.undo)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.pad.undo),
            (QKeySequence("Ctrl+Backspace"), self.pad.clear),
            (QKeySequence(Qt.Key.Key_Delete), self.pad.clear),
        ):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self.pad.changed.connect(self._update_buttons)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(hint)
        column.addWidget(self.pad, 1)
        column.addWidget(self.buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        drawn = not self.pad.is_empty()
        for button in (self.accept_button, self.clear_button, self.undo_button):
            button.setEnabled(drawn)

    def accept(self) -> None:
        if not self.pad.is_empty():  # Enter on an empty pad is not a signature
            super().accept()

    def strokes(self) -> Strokes:
        return self.pad.strokes()


def ask_signature(parent: QWidget | None, role: str, name: str) -> Strokes | None:
    """Open the pad for ``role`` ("patient", "guardian", "doctor") signing as ``name``;
    the strokes (0..1 of the pad, y down), or None if cancelled."""
    dialog = SignatureDialog(role, name, parent)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.strokes()
        return None
    finally:
        dialog.deleteLater()
