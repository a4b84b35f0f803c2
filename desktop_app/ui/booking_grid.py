"""The appointment book's drawing: a column per person, room or device (or per day of the
week), a row per 15 minutes from 09:00 to 21:00, each booking a rectangle.

The grid only draws and reports what the user asked for (move, resize, new booking); the
page calls the service and hands back the answer, so a refused move simply redraws the
book as the database has it — the booking goes back.

The clinic's opening hours shade the slots it is shut (before opening, after closing,
breaks, closed days) behind the bookings: a booking there is allowed, but should stand out.
In the week view (the columns are one person's days) a booking dragged sideways goes to
that day; in the day view the columns are different people or rooms, and changing who is
not a move, so a drag there only changes the time.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)

from desktop_app.services.bookings import BookingRow
from desktop_app.services.opening_hours import OpeningHours
from desktop_app.ui.booking_paint import (
    GUTTER_W,
    HEADER_H,
    MIN_COLUMN_W,
    SHUT_HATCH,
    SLOT_H,
    TODAY,
    BookingItem,
    paint_margins,
    paint_shut,
    shut_rects,
)
from desktop_app.ui.booking_slots import (
    FIRST_HOUR,  # noqa: F401  (the page imports it here)
    SLOT_MINUTES,
    SLOTS,
    Column,
    on_day,
    side_by_side,
    slot_of,
    slot_time,
)

EDGE = 6.0  # the bottom edge that resizes, in pixels


@dataclass
class _Drag:
    """A booking being dragged: by its body ("move") or its bottom edge ("resize")."""

    item: BookingItem
    mode: str
    origin: QPointF  # where the press was, in the scene
    rect: QRectF  # the item's rect and position then
    pos: QPointF


class BookingGrid(QGraphicsView):
    """Slots and bookings; arrows move the selected slot, Alt+Up/Down the selected booking
    a quarter hour, Alt+Left/Right a day (week view only); Enter or Ctrl+N asks for a new
    booking there. The mouse drags a booking (in the week view onto another day too) or its
    bottom edge; the slots the clinic is shut are shaded (``set_hours``)."""

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
        self.hours: OpeningHours | None = None
        self._drag: _Drag | None = None
        self._hint = ""  # the bookings' tooltip line on dragging, per view
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

    def set_hours(self, hours: OpeningHours | None) -> None:
        """Shade the slots outside these opening hours (None: shade nothing)."""
        self.hours = hours
        self.viewport().update()

    def week_view(self) -> bool:
        """The columns are the days of one person, room or device (not several of them)."""
        return len({c.key for c in self.columns}) == 1 and len({c.day for c in self.columns}) > 1

    def closed(self, index: int) -> bool:
        """The clinic is closed all day in this column."""
        hours = self.hours
        return hours is not None and hours.days[self.columns[index].day.weekday()] is None

    def header_text(self, index: int) -> str:
        title = self.columns[index].title
        if not self.closed(index):
            return title
        return QCoreApplication.translate("BookingGrid", "{title} (closed)").format(title=title)

    def column_width(self) -> float:
        free = self.viewport().width() - GUTTER_W - 2
        return max(MIN_COLUMN_W, free / max(1, len(self.columns)))

    def _layout(self) -> None:
        scene = self.scene()
        if self._cursor.scene() is scene:  # kept: clear() would delete it
            scene.removeItem(self._cursor)
        scene.clear()
        self.items = []
        self._hint = self._drag_hint()
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
            for lane, count, row in side_by_side(mine):
                self._add_item(row, index, lane, count, width)
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
        item.setToolTip("\n".join([*item.lines, self._hint]))
        item.setPos(GUTTER_W + index * width + lane * lane_w, HEADER_H + top * SLOT_H)
        item.setRect(0, 0, lane_w, max(SLOT_H / 2, (bottom - top) * SLOT_H))
        item.setSelected(row.id == self._selected)
        self.scene().addItem(item)
        self.items.append(item)

    def _drag_hint(self) -> str:
        if self.week_view():
            return QCoreApplication.translate(
                "BookingGrid",
                "Drag to another time or day (Alt+Up/Down, Alt+Left/Right); "
                "drag the bottom edge to change the length.",
            )
        return QCoreApplication.translate(
            "BookingGrid",
            "Drag up or down to another time (Alt+Up/Down); drag the bottom edge to change "
            "the length.",
        )

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        """The hours the clinic is shut, under the lines and bookings."""
        super().drawBackground(painter, rect)
        paint_shut(painter, rect, shut_rects(self.hours, self.columns, self.column_width()))

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """Column titles and hours stay in sight while the book scrolls."""
        week = len({c.day for c in self.columns}) > 1
        today = dt.date.today()
        headers = [
            (
                self.header_text(index),
                SHUT_HATCH if self.closed(index) else TODAY if week and c.day == today else None,
            )
            for index, c in enumerate(self.columns)
        ]
        paint_margins(painter, rect, self.mapToScene(0, 0), self.column_width(), headers)

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
        self._drag = _Drag(item, mode, point, QRectF(item.rect()), QPointF(item.pos()))

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
        drag = self._drag
        item, rect, pos = drag.item, drag.rect, drag.pos
        steps = round((point.y() - drag.origin.y()) / SLOT_H)
        if drag.mode == "move":
            # Sideways only in the week view: there a column is a day; in the day view
            # it is another doctor or room, and who is booked is not changed by a drag.
            days = self._drop_column(point) - item.column if self.week_view() else 0
            item.setPos(pos.x() + days * self.column_width(), pos.y() + steps * SLOT_H)
        else:
            item.setRect(
                rect.x(), rect.y(), rect.width(), max(SLOT_H, rect.height() + steps * SLOT_H)
            )

    def _drop_column(self, point: QPointF) -> int:
        column = int((point.x() - GUTTER_W) // self.column_width())
        return max(0, min(column, len(self.columns) - 1))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return super().mouseReleaseEvent(event)
        drag, self._drag = self._drag, None
        item, rect, pos = drag.item, drag.rect, drag.pos
        row = item.row
        minutes = int((row.ends_at - row.starts_at).total_seconds() // 60)
        if drag.mode == "move":
            shift = round((item.pos().y() - pos.y()) / SLOT_H) * SLOT_MINUTES
            column = item.column + round((item.pos().x() - pos.x()) / self.column_width())
            start = row.starts_at + dt.timedelta(minutes=shift)
            if column != item.column:
                start = on_day(start, self.columns[column].day)
            if start != row.starts_at:
                self.move_requested.emit(row, start, minutes)
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
        sideways = key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.week_view()
        return alt and (key in (Qt.Key.Key_Up, Qt.Key.Key_Down) or sideways)

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
        elif (
            mods == Qt.KeyboardModifier.AltModifier
            and key in (Qt.Key.Key_Left, Qt.Key.Key_Right)
            and self.week_view()
        ):
            self._to_next_day(-1 if key == Qt.Key.Key_Left else 1)
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

    def _to_next_day(self, direction: int) -> None:
        """Alt+Left/Right in the week view: the same time a day back or on, within the week
        shown (past its ends the booking would vanish from sight)."""
        booking = self.selected_booking()
        if booking is None:
            return
        day = booking.starts_at.astimezone().date() + dt.timedelta(days=direction)
        if day not in {c.day for c in self.columns}:
            return
        minutes = int((booking.ends_at - booking.starts_at).total_seconds() // 60)
        self.move_requested.emit(booking, on_day(booking.starts_at, day), minutes)


def _covers(item: BookingItem, y: float) -> bool:
    box = item.sceneBoundingRect()
    return box.top() <= y < box.bottom()
