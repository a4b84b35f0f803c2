"""How the appointment book looks: its sizes and colours, a booking's rectangle, the
shading of the hours the clinic is shut, and the column titles and hour labels that stay
in sight while it scrolls. The grid (booking_grid) decides what is where; this draws it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from desktop_app.services.bookings import BookingRow
from desktop_app.services.opening_hours import OpeningHours
from desktop_app.ui.booking_slots import FIRST_HOUR, LAST_HOUR, Column, closed_spans

SLOT_H = 20.0
HEADER_H = 30.0
GUTTER_W = 56.0
MIN_COLUMN_W = 130.0
FILL = QColor("#d7e8fb")
ARRIVED = QColor("#d9f2dc")
BORDER = QColor("#4a7ab8")
MARGIN = QColor("#f3f5f8")
TODAY = QColor("#dbe7f7")  # today's title, in the week
SHUT = QColor("#eceef1")  # the clinic is shut then: under the bookings
SHUT_HATCH = QColor("#d3d7dd")


class BookingItem(QGraphicsRectItem):
    """One booking: time, patient or lead, item and the others it holds."""

    def __init__(self, row: BookingRow, column: int, lines: list[str]) -> None:
        super().__init__()
        self.row = row
        self.column = column
        self.lines = lines
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(2)
        self.setToolTip("\n".join(lines))

    def paint(
        self, painter: QPainter, _option: QStyleOptionGraphicsItem, _widget: QWidget | None = None
    ) -> None:
        rect = self.rect().adjusted(1, 1, -1, -1)
        arrived = self.row.status.value == "arrived"
        painter.setBrush(QBrush(ARRIVED if arrived else FILL))
        painter.setPen(QPen(BORDER, 2.5 if self.isSelected() else 1))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(QColor("#1b2a3a"))
        text = rect.adjusted(5, 2, -4, -2)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.save()
        painter.setClipRect(rect)
        painter.drawText(text, int(flags | Qt.TextFlag.TextWordWrap), "\n".join(self.lines))
        painter.restore()


def shut_rects(hours: OpeningHours | None, columns: list[Column], width: float) -> list[QRectF]:
    """The scene rects to shade: one per shut span and column, not one per slot, so a busy
    week redraws as cheaply as an empty one."""
    return [
        QRectF(GUTTER_W + index * width, HEADER_H + first * SLOT_H, width, (end - first) * SLOT_H)
        for index, column in enumerate(columns)
        for first, end in closed_spans(hours, column.day)
    ]


def paint_shut(painter: QPainter, exposed: QRectF, rects: list[QRectF]) -> None:
    """A light grey, hatched: still readable as free slots, plainly not the usual hours."""
    hatch = QBrush(SHUT_HATCH, Qt.BrushStyle.BDiagPattern)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for rect in rects:
        if rect.intersects(exposed):
            painter.fillRect(rect, SHUT)
            painter.fillRect(rect, hatch)
    painter.restore()


def paint_margins(
    painter: QPainter,
    exposed: QRectF,
    top_left: QPointF,
    width: float,
    headers: list[tuple[str, QColor | None]],
) -> None:
    """Column titles (each with its background, if any) along the top and hours down the
    left, at the view's ``top_left`` whatever the scroll."""
    painter.save()
    painter.fillRect(QRectF(exposed.left(), top_left.y(), exposed.width(), HEADER_H), MARGIN)
    painter.setPen(QColor("#1b2a3a"))
    for index, (title, background) in enumerate(headers):
        cell = QRectF(GUTTER_W + index * width, top_left.y(), width, HEADER_H)
        if background is not None:
            painter.fillRect(cell, background)
        painter.drawText(cell.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignCenter, title)
    painter.fillRect(QRectF(top_left.x(), exposed.top(), GUTTER_W, exposed.height()), MARGIN)
    painter.setPen(QColor("#5a6573"))
    for hour in range(FIRST_HOUR, LAST_HOUR):  # each hour's label at the top of its hour
        y = HEADER_H + (hour - FIRST_HOUR) * 4 * SLOT_H
        if y + 2 < top_left.y() + HEADER_H:
            continue
        cell = QRectF(top_left.x(), y + 2, GUTTER_W - 8, 16)
        painter.drawText(cell, Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
    painter.fillRect(QRectF(top_left.x(), top_left.y(), GUTTER_W, HEADER_H), MARGIN)
    painter.restore()
