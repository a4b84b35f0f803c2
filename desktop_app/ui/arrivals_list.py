"""The day's arrival list: every booking of the day by time, whom it is for, with whom,
where, and whether the patient is here, late or did not come. One key (Enter or
Ctrl+Return) checks the chosen patient in; typing in the box above narrows the list to a
name or the digits of a mobile, which is how the desk finds the person at the counter.

It only shows and reports; the page (bookings_page) checks in through the service.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import BookingStatus
from desktop_app.services.booking_arrivals import LATE_AFTER
from desktop_app.services.bookings import BookingRow

Index = QModelIndex | QPersistentModelIndex
NO_KEYS = Qt.KeyboardModifier.NoModifier
LATE_COLOUR, ARRIVED_COLOUR, GONE_COLOUR = QColor("#b3261e"), QColor("#1e7a34"), QColor("#777777")


class ArrivalsModel(QAbstractTableModel):
    COLUMNS = 7  # time, patient, item, doctor, consultant, room/device, status

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[BookingRow] = []
        self.now = dt.datetime.now(dt.UTC)

    def set_rows(self, rows: list[BookingRow], now: dt.datetime) -> None:
        self.beginResetModel()
        self.rows, self.now = rows, now
        self.endResetModel()

    def tick(self, now: dt.datetime) -> None:
        """A new minute: lateness changes, nothing else."""
        self.now = now
        if self.rows:
            last = self.index(len(self.rows) - 1, self.COLUMNS - 1)
            self.dataChanged.emit(self.index(0, self.COLUMNS - 1), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [self.tr("Time"), self.tr("Patient"), self.tr("Item"), self.tr("Doctor")]
        names += [self.tr("Consultant"), self.tr("Room / device"), self.tr("Here?")]
        return names[section]

    def late_minutes(self, row: BookingRow) -> int:
        """Minutes past the booked start, for a booking still to come that is late."""
        if row.status != BookingStatus.BOOKED or self.now - row.starts_at <= LATE_AFTER:
            return 0
        return int((self.now - row.starts_at).total_seconds() // 60)

    def status_text(self, row: BookingRow) -> str:
        if row.status == BookingStatus.ARRIVED:
            at = f"{row.arrived_at.astimezone():%H:%M}" if row.arrived_at else ""
            return self.tr("Here since {time}").format(time=at)
        if row.status == BookingStatus.NO_SHOW:
            return self.tr("No-show")
        if row.status == BookingStatus.CANCELLED:
            return self.tr("Cancelled")
        late = self.late_minutes(row)
        if not late:
            return self.tr("Expected")
        if late < 60:
            return self.tr("Late {minutes} min").format(minutes=late)
        return self.tr("Late {hours} h {minutes} min").format(hours=late // 60, minutes=late % 60)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:  # what the filter box matches
            return f"{row.name} {row.mobile} {row.record_no or ''}"
        if role == Qt.ItemDataRole.ForegroundRole and column == self.COLUMNS - 1:
            if row.status == BookingStatus.ARRIVED:
                return QBrush(ARRIVED_COLOUR)
            if row.status != BookingStatus.BOOKED:
                return QBrush(GONE_COLOUR)
            return QBrush(LATE_COLOUR) if self.late_minutes(row) else None
        if (
            role == Qt.ItemDataRole.FontRole
            and column == self.COLUMNS - 1
            and self.late_minutes(row)
        ):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, row: BookingRow, column: int) -> str:
        if column == 0:
            start, end = row.starts_at.astimezone(), row.ends_at.astimezone()
            return f"{start:%H:%M}–{end:%H:%M}"
        if column == 1:
            if row.patient_id is None:
                return self.tr("{name} (lead)").format(name=row.name)
            return f"{row.name} · {row.record_no}"
        if column == 5:
            return " · ".join(part for part in (row.room, row.device) if part)
        if column == 6:
            return self.status_text(row)
        return (row.item or "", row.doctor, row.consultant)[column - 2]


class ArrivalsList(QWidget):
    check_in_requested = Signal(object)  # BookingRow

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArrivalsModel(self)
        # A name, a record number, or digits anywhere in the mobile (the UserRole text).
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.find = QLineEdit()
        self.find.setObjectName("arrivalsFind")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._narrow)
        self.find.installEventFilter(self)
        self.table = QTableView()
        self.table.setObjectName("arrivalsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self._check_in())
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.find)
        layout.addWidget(self.table, 1)
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)
        self.clock.timeout.connect(lambda: self.model.tick(dt.datetime.now(dt.UTC)))
        self.clock.start()
        self.retranslate()

    def retranslate(self) -> None:
        self.find.setPlaceholderText(
            self.tr("Find in the list: name, record number or mobile digits (Ctrl+F)")
        )
        self.table.setToolTip(self.tr("Enter or Ctrl+Return checks the chosen patient in."))

    def set_rows(self, rows: list[BookingRow], now: dt.datetime | None = None) -> None:
        keep = self.selected_booking()
        self.model.set_rows(rows, now or dt.datetime.now(dt.UTC))
        if keep is not None:
            self.select_booking(keep.id)
        elif self.proxy.rowCount():
            self._select_first_expected()

    def selected_booking(self) -> BookingRow | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[self.proxy.mapToSource(index).row()]

    def select_booking(self, booking_id: uuid.UUID) -> None:
        for number, row in enumerate(self.model.rows):
            if row.id == booking_id:
                index = self.proxy.mapFromSource(self.model.index(number, 0))
                if index.isValid():
                    self.table.setCurrentIndex(index)
                return

    def _select_first_expected(self) -> None:
        """The first patient still expected: whom the desk is most likely to check in."""
        for proxy_row in range(self.proxy.rowCount()):
            row = self.model.rows[self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()]
            if row.status == BookingStatus.BOOKED:
                self.table.setCurrentIndex(self.proxy.index(proxy_row, 0))
                return
        self.table.setCurrentIndex(self.proxy.index(0, 0))

    def _narrow(self, text: str) -> None:
        self.proxy.setFilterFixedString("".join(text.split()))
        if self.proxy.rowCount():
            self._select_first_expected()

    def _check_in(self) -> None:
        row = self.selected_booking()
        if row is not None:
            self.check_in_requested.emit(row)

    def eventFilter(self, watched: object, event: object) -> bool:
        """Enter or Ctrl+Return checks in, from the list or the find box (the box's Up and
        Down move in the list, so the hands stay on the keys). Ctrl+Return and Ctrl+F are
        the window's too (the front desk's check-in, the patient search): here they are
        the list's, claimed at ShortcutOverride as the book's grid does."""
        if not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)  # type: ignore[arg-type]
        action = self._key_action(watched, event)
        if action is None:
            return super().eventFilter(watched, event)  # type: ignore[arg-type]
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # "this key is mine": the KeyPress comes here
            return True
        if event.type() == QEvent.Type.KeyPress:
            action()
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _key_action(self, watched: object, event: QKeyEvent) -> Callable[[], None] | None:
        key, modifiers = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        control = Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers in (control, NO_KEYS):
            return self._check_in
        if key == Qt.Key.Key_F and modifiers == control:
            return self.find.setFocus
        if watched is self.find and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not modifiers:
            return lambda: self._step(-1 if key == Qt.Key.Key_Up else 1)
        return None

    def _step(self, step: int) -> None:
        current = self.table.currentIndex().row()
        target = max(0, min(self.proxy.rowCount() - 1, current + step))
        self.table.setCurrentIndex(self.proxy.index(target, 0))
