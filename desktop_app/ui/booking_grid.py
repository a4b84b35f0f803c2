"""The appointment book's drawing: a column per person, room or device (or per day of the
week), a row per 15 minutes from 09:00 to 21:00, each booking a rectangle.

The grid only draws and reports what the user asked for (move, resize, new booking); the
page calls the service and hands back the answer, so a refused move simply redraws the
book as the database has it — the booking goes back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop_app.services.bookings import BookingRow

FIRST_HOUR, LAST_HOUR = 9, 21
SLOT_MINUTES = 15
SLOTS = (LAST_HOUR - FIRST_HOUR) * 60 // SLOT_MINUTES
SLOT_H = 20.0
HEADER_H = 30.0
GUTTER_W = 56.0
MIN_COLUMN_W = 130.0
EDGE = 6.0  # the bottom edge that resizes, in pixels
FILL = QColor("#d7e8fb")
ARRIVED = QColor("#d9f2dc")
BORDER = QColor("#4a7ab8")


@dataclass(frozen=True)
class Column:
    day: dt.date
    key: uuid.UUID
    title: str


def slot_time(day: dt.date, slot: int) -> dt.datetime:
    """The aware local time a slot of ``day`` starts at."""
    start = dt.datetime.combine(day, dt.time(FIRST_HOUR)).astimezone()
    return start + dt.timedelta(minutes=slot * SLOT_MINUTES)


def slot_of(day: dt.date, when: dt.datetime) -> float:
    """Where ``when`` falls in ``day``'s slots (fractional; may be outside 0..SLOTS)."""
    return (when - slot_time(day, 0)).total_seconds() / 60 / SLOT_MINUTES


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


class BookingGrid(QGraphicsView):
    """Slots and bookings; arrows move the selected slot, Alt+Up/Down the selected booking,
    Enter or Ctrl+N asks for a new booking there; the mouse drags a booking or its edge."""

    move_requested = Signal(object, object, int)  # BookingRow, aware start, minutes
    create_requested = Signal()
    check_in_requested = Signal(object)  # BookingRow
    selection_moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingGrid")
        self.setScene(QGraphicsScene(self))
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.columns: list[Column] = []
        self.rows: list[BookingRow] = []
        self.field = "doctor_id"
        self.items: list[BookingItem] = []
        self.column = 0
        self.slot = 0
        self.can_check_in = False
        self._selected: uuid.UUID | None = None
        self._drag: tuple[BookingItem, str, float, QRectF, QPointF] | None = None
        self._cursor = QGraphicsRectItem()
        self._cursor.setPen(QPen(QColor("#1565c0"), 2))
        self._cursor.setBrush(QColor(21, 101, 192, 40))
        self._cursor.setZValue(3)

    # --- what is shown ---------------------------------------------------------------------

    def set_book(self, columns: list[Column], rows: list[BookingRow], field: str) -> None:
        """Show these columns and the bookings in them; keep the selection where it was."""
        self.columns, self.rows, self.field = columns, rows, field
        self.column = min(self.column, max(0, len(columns) - 1))
        self._layout()

    def column_width(self) -> float:
        free = self.viewport().width() - GUTTER_W - 2
        return max(MIN_COLUMN_W, free / max(1, len(self.columns)))

    def _layout(self) -> None:
        scene = self.scene()
        if self._cursor.scene() is scene:  # kept: clear() would delete it
            scene.removeItem(self._cursor)
        scene.clear()
        self.items = []
        width = self.column_width()
        scene.setSceneRect(0, 0, GUTTER_W + width * len(self.columns), HEADER_H + SLOTS * SLOT_H)
        for slot in range(SLOTS + 1):
            y = HEADER_H + slot * SLOT_H
            colour = "#c9ced6" if slot % 4 == 0 else "#eceff3"
            scene.addLine(
                GUTTER_W, y, GUTTER_W + width * len(self.columns), y, QPen(QColor(colour))
            )
        for index in range(len(self.columns) + 1):
            x = GUTTER_W + index * width
            scene.addLine(x, HEADER_H, x, HEADER_H + SLOTS * SLOT_H, QPen(QColor("#c9ced6")))
        for index, column in enumerate(self.columns):
            mine = [r for r in self.rows if self._in(r, column)]
            for lane, lanes, row in _lanes(mine):
                self._add_item(row, index, lane, lanes, width)
        scene.addItem(self._cursor)
        self._show_cursor()

    def _in(self, row: BookingRow, column: Column) -> bool:
        return getattr(row, self.field) == column.key and (
            row.starts_at.astimezone().date() == column.day
        )

    def _add_item(self, row: BookingRow, index: int, lane: int, lanes: int, width: float) -> None:
        day = self.columns[index].day
        top = max(0.0, slot_of(day, row.starts_at.astimezone()))
        bottom = min(float(SLOTS), slot_of(day, row.ends_at.astimezone()))
        if bottom <= 0 or top >= SLOTS:
            return
        lane_w = width / lanes
        start, end = row.starts_at.astimezone(), row.ends_at.astimezone()
        lines = [f"{start:%H:%M}–{end:%H:%M} {row.name}"]
        others = {  # what the booking holds besides its column's own person or room
            "doctor_id": row.doctor,
            "consultant_id": row.consultant,
            "room_id": row.room,
            "device_id": row.device,
        }
        others.pop(self.field, None)
        lines += [" · ".join(t for t in (row.item, *others.values()) if t)]
        item = BookingItem(row, index, [line for line in lines if line])
        item.setPos(GUTTER_W + index * width + lane * lane_w, HEADER_H + top * SLOT_H)
        item.setRect(0, 0, lane_w, max(SLOT_H / 2, (bottom - top) * SLOT_H))
        item.setSelected(row.id == self._selected)
        self.scene().addItem(item)
        self.items.append(item)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """Column titles and hours stay in sight while the book scrolls."""
        top_left = self.mapToScene(0, 0)
        width = self.column_width()
        painter.save()
        painter.fillRect(
            QRectF(rect.left(), top_left.y(), rect.width(), HEADER_H), QColor("#f3f5f8")
        )
        painter.setPen(QColor("#1b2a3a"))
        today = dt.date.today()
        for index, column in enumerate(self.columns):
            cell = QRectF(GUTTER_W + index * width, top_left.y(), width, HEADER_H)
            if column.day == today and len({c.day for c in self.columns}) > 1:
                painter.fillRect(cell, QColor("#dbe7f7"))  # today, in the week
            painter.drawText(cell.adjusted(4, 0, -4, 0), Qt.AlignmentFlag.AlignCenter, column.title)
        painter.fillRect(
            QRectF(top_left.x(), rect.top(), GUTTER_W, rect.height()), QColor("#f3f5f8")
        )
        painter.setPen(QColor("#5a6573"))
        for hour in range(FIRST_HOUR, LAST_HOUR):  # each hour's label at the top of its hour
            y = HEADER_H + (hour - FIRST_HOUR) * 4 * SLOT_H
            if y + 2 < top_left.y() + HEADER_H:
                continue
            cell = QRectF(top_left.x(), y + 2, GUTTER_W - 8, 16)
            painter.drawText(cell, Qt.AlignmentFlag.AlignRight, f"{hour:02d}:00")
        painter.fillRect(QRectF(top_left.x(), top_left.y(), GUTTER_W, HEADER_H), QColor("#f3f5f8"))
        painter.restore()

    def resizeEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._layout()

    # --- selection -------------------------------------------------------------------------

    def slot_rect(self, column: int, slot: int) -> QRectF:
        width = self.column_width()
        return QRectF(GUTTER_W + column * width, HEADER_H + slot * SLOT_H, width, SLOT_H)

    def _show_cursor(self) -> None:
        self._cursor.setVisible(bool(self.columns))
        if self.columns:
            self._cursor.setRect(self.slot_rect(self.column, self.slot))

    def selected_start(self) -> dt.datetime | None:
        if not self.columns:
            return None
        return slot_time(self.columns[self.column].day, self.slot)

    def selected_column(self) -> Column | None:
        return self.columns[self.column] if self.columns else None

    def selected_booking(self) -> BookingRow | None:
        return next((i.row for i in self.items if i.row.id == self._selected), None)

    def select_slot(self, column: int, slot: int) -> None:
        """Put the cursor there; the booking under it (if any) becomes the selected one."""
        if not self.columns:
            return
        self.column = max(0, min(column, len(self.columns) - 1))
        self.slot = max(0, min(slot, SLOTS - 1))
        centre = self.slot_rect(self.column, self.slot).center()
        under = [i for i in self.items if i.column == self.column and _covers(i, centre.y())]
        self._select(under[0].row.id if under else None)
        self._show_cursor()
        self.ensureVisible(self.slot_rect(self.column, self.slot), 20, 40)
        self.selection_moved.emit()

    def select_booking(self, booking_id: uuid.UUID) -> None:
        """Select this booking and put the cursor on its start (after a move, say)."""
        found = next((i for i in self.items if i.row.id == booking_id), None)
        if found is None:
            return
        slot = int(slot_of(self.columns[found.column].day, found.row.starts_at.astimezone()))
        self.column, self.slot = found.column, max(0, min(slot, SLOTS - 1))
        self._select(booking_id)
        self._show_cursor()
        self.ensureVisible(found.sceneBoundingRect(), 20, 40)
        self.selection_moved.emit()

    def _select(self, booking_id: uuid.UUID | None) -> None:
        self._selected = booking_id
        for item in self.items:
            item.setSelected(item.row.id == booking_id)

    # --- mouse: drag to move, drag the bottom edge to resize ------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus()
        point = self.mapToScene(event.position().toPoint())
        item = next((i for i in self.scene().items(point) if isinstance(i, BookingItem)), None)
        if item is None:
            width = self.column_width()
            column = int((point.x() - GUTTER_W) // width)
            slot = int((point.y() - HEADER_H) // SLOT_H)
            if 0 <= column < len(self.columns) and 0 <= slot < SLOTS:
                self.select_slot(column, slot)
            return
        self.select_booking(item.row.id)
        local = item.mapFromScene(point)
        mode = "resize" if item.rect().bottom() - local.y() <= EDGE else "move"
        self._drag = (item, mode, point.y(), QRectF(item.rect()), QPointF(item.pos()))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.mapToScene(event.position().toPoint())
        if self._drag is None:
            over = next((i for i in self.scene().items(point) if isinstance(i, BookingItem)), None)
            near_edge = (
                over is not None and over.rect().bottom() - over.mapFromScene(point).y() <= EDGE
            )
            shape = Qt.CursorShape.SizeVerCursor if near_edge else Qt.CursorShape.ArrowCursor
            self.viewport().setCursor(shape)
            return super().mouseMoveEvent(event)
        item, mode, y0, rect, pos = self._drag
        steps = round((point.y() - y0) / SLOT_H)
        if mode == "move":
            item.setPos(pos.x(), pos.y() + steps * SLOT_H)
        else:
            item.setRect(
                rect.x(), rect.y(), rect.width(), max(SLOT_H, rect.height() + steps * SLOT_H)
            )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return super().mouseReleaseEvent(event)
        item, mode, _y0, rect, pos = self._drag
        self._drag = None
        row = item.row
        minutes = int((row.ends_at - row.starts_at).total_seconds() // 60)
        if mode == "move":
            shift = round((item.pos().y() - pos.y()) / SLOT_H) * SLOT_MINUTES
            if shift:
                self.move_requested.emit(row, row.starts_at + dt.timedelta(minutes=shift), minutes)
        else:
            grow = round((item.rect().height() - rect.height()) / SLOT_H) * SLOT_MINUTES
            if grow:
                self.move_requested.emit(row, row.starts_at, minutes + grow)

    # --- keyboard --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Take Ctrl+N (and Ctrl+Return) from the window's actions while the book has focus."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._own_key(event):
            event.accept()
            return True
        return super().event(event)

    def _own_key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        control = mods == Qt.KeyboardModifier.ControlModifier
        alt = mods == Qt.KeyboardModifier.AltModifier
        if control and key == Qt.Key.Key_N:
            return True
        if control and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.can_check_in
        return alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        plain = mods == Qt.KeyboardModifier.NoModifier
        steps = {
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_PageUp: (0, -4),
            Qt.Key.Key_PageDown: (0, 4),
        }
        enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if plain and key in steps:
            dx, dy = steps[Qt.Key(key)]
            self.select_slot(self.column + dx, self.slot + dy)
        elif mods == Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._nudge(-1 if key == Qt.Key.Key_Up else 1)
        elif (plain and enter) or (
            mods == Qt.KeyboardModifier.ControlModifier and key == Qt.Key.Key_N
        ):
            self.create_requested.emit()
        elif mods == Qt.KeyboardModifier.ControlModifier and enter:
            booking = self.selected_booking()
            if booking is not None and self.can_check_in:
                self.check_in_requested.emit(booking)
        else:
            super().keyPressEvent(event)

    def _nudge(self, direction: int) -> None:
        booking = self.selected_booking()
        if booking is None:
            return
        minutes = int((booking.ends_at - booking.starts_at).total_seconds() // 60)
        shift = dt.timedelta(minutes=direction * SLOT_MINUTES)
        self.move_requested.emit(booking, booking.starts_at + shift, minutes)


def _covers(item: BookingItem, y: float) -> bool:
    box = item.sceneBoundingRect()
    return box.top() <= y < box.bottom()


def _lanes(rows: list[BookingRow]) -> list[tuple[int, int, BookingRow]]:
    """Overlapping bookings in one column (a consultant's, say) side by side."""
    placed: list[tuple[int, int, BookingRow]] = []
    group: list[tuple[int, BookingRow]] = []
    group_end: dt.datetime | None = None
    ends: list[dt.datetime] = []

    def close() -> None:
        lanes = max((lane for lane, _r in group), default=-1) + 1
        placed.extend((lane, lanes, row) for lane, row in group)

    for row in sorted(rows, key=lambda r: (r.starts_at, r.ends_at)):
        if group_end is not None and row.starts_at >= group_end:
            close()
            group, ends, group_end = [], [], None
        lane = next((i for i, end in enumerate(ends) if end <= row.starts_at), len(ends))
        if lane == len(ends):
            ends.append(row.ends_at)
        else:
            ends[lane] = row.ends_at
        group.append((lane, row))
        group_end = row.ends_at if group_end is None else max(group_end, row.ends_at)
    close()
    return placed
