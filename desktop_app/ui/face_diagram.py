"""The face chart's diagrams (front, left and right profile) as vector paths, and pictures
of a chart: the timeline's thumbnail and the entry detail's image.

Each view is drawn in a 100 × 125 design box; marks are stored at 0..1 of that box, so the
editor's scene, a thumbnail and a printed chart all put a mark at the same spot. The left
profile is the right one mirrored (the patient's left side: the nose points left).
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPainterPath, QPen, QTransform

from desktop_app.models import ChartView, MarkKind

if TYPE_CHECKING:
    from desktop_app.services.face_charts import MarkDraft

WIDTH, HEIGHT = 100.0, 125.0
PALETTE = ("#2563eb", "#e8590c", "#2b8a3e", "#9c36b5", "#c2255c", "#0b7285", "#a07d00")
UNKNOWN = "#868e96"


class Ink(enum.Enum):
    """How a path is painted: (fill, stroke colour, stroke width in design units, dashed)."""

    SKIN = ("#fbf7f3", "#5d6877", 0.55, False)
    SKIN_FILL = ("#fbf7f3", None, 0.0, False)
    HAIR = ("#ebe6e1", None, 0.0, False)
    LINE = (None, "#5d6877", 0.55, False)
    DETAIL = (None, "#808a97", 0.4, False)
    GUIDE = (None, "#c6cdd5", 0.35, True)
    BROW = ("#a3a9b1", None, 0.0, False)
    EYE = ("#ffffff", "#6f7987", 0.4, False)
    IRIS = ("#b4c2d0", None, 0.0, False)
    PUPIL = ("#4b5563", None, 0.0, False)
    LIPS = ("#f1d9d4", "#b08d88", 0.4, False)


def _path(spec: str) -> QPainterPath:
    """An SVG-like path: M x y, L x y, C x1 y1 x2 y2 x y, Z (absolute coordinates)."""
    path = QPainterPath()
    tokens = spec.replace(",", " ").split()
    i = 0
    while i < len(tokens):
        op = tokens[i]
        n = {"M": 2, "L": 2, "C": 6, "Z": 0}[op]
        v = [float(t) for t in tokens[i + 1 : i + 1 + n]]
        if op == "M":
            path.moveTo(*v)
        elif op == "L":
            path.lineTo(*v)
        elif op == "C":
            path.cubicTo(*v)
        else:
            path.closeSubpath()
        i += 1 + n
    return path


def _ellipse(x: float, y: float, rx: float, ry: float | None = None) -> QPainterPath:
    path = QPainterPath()
    path.addEllipse(QPointF(x, y), rx, rx if ry is None else ry)
    return path


_MIRROR = QTransform(-1, 0, 0, 1, WIDTH, 0)


def _both(path: QPainterPath) -> QPainterPath:
    both = QPainterPath(path)
    both.addPath(_MIRROR.map(path))
    return both


def _front() -> list[tuple[QPainterPath, Ink]]:
    head = _path(
        "M 50 7 C 66 7 79 17 80.5 37 C 81.5 50 81 62 78.5 72 C 76 84 68 97 58 102.5 "
        "C 54.5 104.5 45.5 104.5 42 102.5 C 32 97 24 84 21.5 72 C 19 62 18.5 50 19.5 37 "
        "C 21 17 34 7 50 7 Z"
    )
    above_hairline = _path(
        "M 0 0 L 100 0 L 100 46 L 81 46 C 79.5 31 70 22.5 60 23 C 55 23.3 53 25.2 50 25.2 "
        "C 47 25.2 45 23.3 40 23 C 30 22.5 20.5 31 19 46 L 0 46 Z"
    )
    ear = _path(
        "M 80.4 46 C 85 42 89.3 44.5 88.8 52 C 88.4 59.5 86 67.5 79.6 70 "
        "C 79.9 62 80.2 54 80.4 46 Z"
    )
    eye = _path("M 58.5 50.5 C 61.5 47 69.5 46.6 73.5 50.2 C 69.5 53.3 62 53.6 58.5 50.5 Z")
    lips = _path(
        "M 39.5 86.3 C 43 84 45.5 82.3 48.3 82.6 C 49.2 82.8 49.6 83.5 50 83.5 "
        "C 50.4 83.5 50.8 82.8 51.7 82.6 C 54.5 82.3 57 84 60.5 86.3 "
        "C 57 91.8 43 91.8 39.5 86.3 Z"
    )
    return [
        (_both(_path("M 33 95 C 34 105 33.6 115 31.5 125")), Ink.LINE),
        (_both(ear), Ink.SKIN),
        (
            _both(_path("M 82.2 50 C 85 48.5 86.5 51.5 85.4 56 C 84.6 59.5 83.4 62 82 63")),
            Ink.DETAIL,
        ),
        (head, Ink.SKIN_FILL),
        (head.intersected(above_hairline), Ink.HAIR),
        (head, Ink.LINE),
        (
            _both(_path("M 57 43 C 61 38.8 68 37.6 75.5 40.6 C 69 39.9 62 40.9 57.4 44.3 Z")),
            Ink.BROW,
        ),
        (_both(eye), Ink.EYE),
        (_both(_ellipse(66, 50.3, 2.6).intersected(eye)), Ink.IRIS),
        (_both(_ellipse(66, 50.3, 1.0)), Ink.PUPIL),
        (_both(_path("M 59.3 48 C 62.5 45 69.5 44.9 72.8 47.8")), Ink.DETAIL),
        (_both(_path("M 46.6 47.5 C 46.6 55 45.6 62 43.6 67.2")), Ink.DETAIL),
        (
            _path(
                "M 42 69.6 C 39 71.6 39.6 75.6 43.6 75.6 C 45.6 77 48 76.6 50 76.7 "
                "C 52 76.6 54.4 77 56.4 75.6 C 60.4 75.6 61 71.6 58 69.6"
            ),
            Ink.DETAIL,
        ),
        (_both(_path("M 52.2 74.6 C 53 73.3 54.6 73.3 55.5 74.5")), Ink.DETAIL),
        (lips, Ink.LIPS),
        (_path("M 39.5 86.3 C 44 87.4 56 87.4 60.5 86.3"), Ink.DETAIL),
        (_both(_path("M 51.7 82.6 L 51.4 77.4")), Ink.GUIDE),
        (_both(_path("M 58.6 69.8 C 62.5 74 64 80 62.4 87.8")), Ink.GUIDE),  # nasolabial
        (_both(_path("M 61.6 89.6 C 62.6 93 62.6 96 61.4 99")), Ink.GUIDE),  # marionette
        (_both(_path("M 59 54 C 61.5 57 65.5 58 70 57.2")), Ink.GUIDE),  # tear trough
        (_both(_path("M 62 62.5 C 67 63.3 72 62.6 77 60.5")), Ink.GUIDE),  # cheekbone
        (_path("M 45.5 96.8 C 48 97.8 52 97.8 54.5 96.8"), Ink.GUIDE),
    ]


def _profile() -> list[tuple[QPainterPath, Ink]]:
    """The right profile: the patient's right side, facing the picture's right."""
    head = _path(
        "M 60 125 C 59.5 118 59.5 110 61.5 104 C 66 102.5 73 101 76.5 97.5 "
        "C 80.5 95.5 82.5 93.5 82 90.8 C 81.7 89 80 88 79 87.3 C 81.5 86 83.4 84.6 83 82.3 "
        "C 82.8 81 81.8 80.2 81.2 79.7 C 82.8 79 84.2 77.3 83.8 75.6 C 83.5 74 82.6 73 82.3 72.4 "
        "C 85.5 72.5 90.5 71.8 92.8 69.6 C 94.3 68 93.8 65.6 92 64.3 "
        "C 87.5 59.5 83 54 80.8 49.8 C 81.6 48 82.4 46 82.2 44 "
        "C 82.5 37 81.5 28 78 21 C 72 10 60 5.5 47 5.5 C 31 5.5 17 14.5 11.5 30 "
        "C 8 40 9 52 12 61 C 15.5 71 20.5 79 23.5 87.5 C 25.5 96 25.2 110 24.5 125 Z"
    )
    above_hairline = _path(
        "M 100 0 L 100 21 L 78 21 C 70 21.5 63 25 59 31 C 56 36 55 42 54.5 49 "
        "C 53 49.5 50 46.5 47 44.5 C 40 41 33 42 29.5 48 C 27 56 28 66 27.5 74 "
        "C 27 80 25 86 22 91 L 0 91 L 0 0 Z"
    )
    ear = _path(
        "M 45 47.5 C 42 43.5 33 43.5 30.5 50.5 C 28.5 56.5 30.5 65 35 70.5 "
        "C 37.5 73.5 41 73.5 42.3 70.5 C 43 68.5 42 66.3 42.6 64.5 C 43.5 62 46.5 60 46 55 "
        "C 45.8 52 45.8 49.5 45 47.5 Z"
    )
    eye = _path("M 74.6 50.8 C 76.2 49.5 78.3 49.6 79.4 51.2 C 78.2 52.6 76.2 52.8 74.6 51.3 Z")
    lips = _path(
        "M 83.9 75.8 C 84.2 77.3 82.8 79 81.2 79.7 C 81.8 80.2 82.8 81 83 82.3 "
        "C 83.3 84.3 82 85.6 80.2 86.6 C 79 85 78.8 82 79.3 80.3 C 80.6 78.8 82.2 77.2 83.9 75.8 Z"
    )
    return [
        (head, Ink.SKIN_FILL),
        (head.intersected(above_hairline), Ink.HAIR),
        (head, Ink.LINE),
        (ear, Ink.SKIN),
        (_path("M 42.5 51 C 39.5 48 34 49 33.5 54.5 C 33 59.5 35.5 64 38.5 66.5"), Ink.DETAIL),
        (_path("M 40 55.5 C 38.3 55 37 57 38 59.5"), Ink.DETAIL),
        (_path("M 42.5 75 C 42.8 81 44 86.5 47 90 C 54 95.5 65 98.5 75.5 98"), Ink.DETAIL),
        (_path("M 70 45.8 C 73.5 43.8 78 43.6 81.4 45.2 C 78 45.1 74 45.6 70.3 47 Z"), Ink.BROW),
        (eye, Ink.EYE),
        (_ellipse(78, 51, 0.9, 1.3).intersected(eye), Ink.PUPIL),
        (_path("M 74.8 49.6 C 76.4 48.2 78.6 48.2 80 49.4"), Ink.DETAIL),
        (
            _path("M 85 72.2 C 82.3 70.8 81.8 67.5 83.8 65.7 C 85.4 64.4 87.8 65 88.6 66.8"),
            Ink.DETAIL,
        ),
        (lips, Ink.LIPS),
        (_path("M 81.2 79.7 L 78.2 80.2"), Ink.DETAIL),
        (_path("M 82.3 70 C 79 72 76.8 75.5 77 80"), Ink.GUIDE),  # nasolabial
        (_path("M 75 53.8 C 76.5 55.8 79 56.3 81 55.8"), Ink.GUIDE),  # tear trough
        (_path("M 56 57.5 C 62 60.5 69 60.8 75 58.5"), Ink.GUIDE),  # cheekbone
        (_path("M 50 33 C 53 38 53.5 43 52.5 48"), Ink.GUIDE),  # temple
    ]


@functools.cache
def diagram(view: ChartView) -> tuple[tuple[QPainterPath, Ink], ...]:
    """The paths of a view in the 100 × 125 design box, back to front."""
    if view is ChartView.FRONT:
        return tuple(_front())
    paths = _profile()
    if view is ChartView.LEFT:
        paths = [(_MIRROR.map(path), ink) for path, ink in paths]
    return tuple(paths)


def paint_face(painter: QPainter, rect: QRectF, view: ChartView) -> None:
    """Draw a view's diagram into ``rect`` (4:5; anything else is stretched)."""
    scale = rect.width() / WIDTH
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(rect.topLeft())
    painter.scale(scale, rect.height() / HEIGHT)
    for path, ink in diagram(view):
        fill, stroke, width, dashed = ink.value
        painter.setBrush(QBrush(QColor(fill)) if fill else Qt.BrushStyle.NoBrush)
        if stroke:
            # Lines never thinner than a pixel, so a thumbnail keeps its outline.
            pen = QPen(QColor(stroke), max(width, 0.9 / scale))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            if dashed:
                pen.setDashPattern([4.0, 3.0])
            painter.setPen(pen)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPath(path)
    painter.restore()


def lot_colours(keys: Sequence[tuple[str, ...]]) -> dict[tuple[str, ...], QColor]:
    """A colour per lot, in the order given (the chart's lots, then any others)."""
    colours: dict[tuple[str, ...], QColor] = {}
    for key in keys:
        if key not in colours:
            colours[key] = QColor(PALETTE[len(colours) % len(PALETTE)])
    return colours


def mark_key(mark: MarkDraft) -> tuple[str, ...]:
    return (mark.product, mark.brand, mark.lot_number.upper())


def paint_marks(
    painter: QPainter,
    rect: QRectF,
    marks: Sequence[tuple[int, MarkDraft]],
    colours: dict[tuple[str, ...], QColor],
    numbers: bool,
) -> None:
    """Marks of one view over its diagram in ``rect``; ``marks`` are (number, mark)."""
    dot = max(1.8, rect.width() * 0.022)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(painter.font())
    font.setPixelSize(max(7, round(dot * 2.2)))
    font.setBold(True)
    painter.setFont(font)
    for number, mark in marks:
        colour = colours[mark_key(mark)]
        centre = QPointF(rect.left() + mark.x * rect.width(), rect.top() + mark.y * rect.height())
        if mark.kind is MarkKind.AREA:
            radius = mark.radius * rect.width()
            fill = QColor(colour)
            fill.setAlpha(70)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, max(1.0, dot * 0.4)))
            painter.drawEllipse(centre, radius, radius)
        else:
            painter.setBrush(colour)
            painter.setPen(QPen(QColor("white"), max(0.8, dot * 0.35)))
            painter.drawEllipse(centre, dot, dot)
        if numbers:
            painter.setPen(QColor("#1f2933"))
            painter.drawText(centre + QPointF(dot * 1.3, -dot * 0.8), str(number))
    painter.restore()


def chart_image(
    marks: Sequence[MarkDraft],
    height: int,
    *,
    views: Sequence[ChartView] | None = None,
    numbers: bool = True,
    ratio: float = 1.0,
) -> QImage:
    """The views side by side (those with marks, the front always, unless ``views`` is
    given), ``height`` logical pixels high; ``ratio`` is the screen's device pixel ratio."""
    if views is None:
        views = [v for v in ChartView if v is ChartView.FRONT or any(m.view is v for m in marks)]
    panel_w = height * WIDTH / HEIGHT
    gap = height * 0.06
    width = panel_w * len(views) + gap * (len(views) - 1)
    image = QImage(round(width * ratio), round(height * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    numbered = list(enumerate(marks, 1))
    colours = lot_colours([mark_key(m) for m in marks])
    for i, view in enumerate(views):
        rect = QRectF(i * (panel_w + gap), 0, panel_w, height)
        paint_face(painter, rect, view)
        paint_marks(
            painter, rect, [(n, m) for n, m in numbered if m.view is view], colours, numbers
        )
    painter.end()
    return image
