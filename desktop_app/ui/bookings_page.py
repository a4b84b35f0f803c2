"""The Appointments section: a day (every doctor, consultant, room or device side by side),
a week (one of them, day by day), or the day's arrival list (every booking by time, whether
the patient is here), worked by mouse or keyboard.

Ctrl+Left/Right go a day or a week back or on, T comes back to today, D, W and A switch
the view; Delete cancels the chosen booking (asking why), Ctrl+H shows its history. Every
change goes through services.bookings on the Runner; a refused move (someone already
booked there, or the booking changed elsewhere) is explained and the book redrawn from the
database, so the booking goes back where it is.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import ResourceKind, Role
from desktop_app.services import bookings, lookups, opening_hours
from desktop_app.services.bookings import BookingRow
from desktop_app.services.opening_hours import OpeningHours
from desktop_app.ui.arrivals_list import ArrivalsList
from desktop_app.ui.booking_actions import BookingActions, outside_text
from desktop_app.ui.booking_dialog import BookingDialog, find_data
from desktop_app.ui.booking_grid import FIRST_HOUR, SLOT_MINUTES, SLOTS, BookingGrid, Column
from desktop_app.ui.bookings_bar import BookingsBar
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.tasks import Runner


@dataclass(frozen=True)
class _Book:
    """One answer: who or what the columns are, and their bookings in the span."""

    entities: list[tuple[uuid.UUID, str]]
    rows: list[BookingRow]
    hours: OpeningHours | None = None  # the clinic's, shaded where it is shut


class BookingsPage(BookingActions, QWidget):
    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bookingsPage")
        self.runner = runner
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.day = dt.date.today()
        self.week = False
        self.arrivals_view = False  # the day's arrival list instead of the grid
        self.entities: list[tuple[uuid.UUID, str]] = []
        self.dialog: BookingDialog | None = None
        self._generation = 0
        self._keep: uuid.UUID | None = None  # the booking to select after the reload
        self._placed = False  # the cursor was put on "now" once

        self.bar = BookingsBar()
        self.bar.previous_button.clicked.connect(lambda: self.step(-1))
        self.bar.today_button.clicked.connect(self.today)
        self.bar.next_button.clicked.connect(lambda: self.step(1))
        self.bar.day_button.clicked.connect(lambda: self.set_week(False))
        self.bar.week_button.clicked.connect(lambda: self.set_week(True))
        self.bar.arrivals_button.clicked.connect(self.show_arrivals)
        self.bar.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.bar.who.currentIndexChanged.connect(lambda _i: self._show_columns())
        self.bar.new_button.clicked.connect(self.new_booking)
        self.bar.check_in_button.clicked.connect(self._check_in_selected)
        self.message = QLabel()
        self.message.setObjectName("bookingsMessage")
        self.message.setWordWrap(True)

        self.grid = BookingGrid()
        self.grid.move_requested.connect(self.move)
        self.grid.create_requested.connect(self.new_booking)
        self.grid.check_in_requested.connect(self.check_in)
        self.grid.can_check_in = True
        self.grid.installEventFilter(self)
        self.arrivals = ArrivalsList()
        self.arrivals.setObjectName("bookingsArrivals")
        self.arrivals.check_in_requested.connect(self.check_in)
        self.arrivals.table.installEventFilter(self)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.grid)
        self.stack.addWidget(self.arrivals)
        self._rows: list[BookingRow] = []
        # The arrival list is read again each minute while shown: other stations book and
        # check in too, and lateness is what the desk watches.
        self.refresh = QTimer(self)
        self.refresh.setInterval(60_000)
        self.refresh.timeout.connect(self._refresh_arrivals)
        self.refresh.start()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(self.stack, 1)

        self.check_in_action = QAction(self)
        self.check_in_action.triggered.connect(self._check_in_selected)
        self.cancel_action = QAction(self)
        self.cancel_action.triggered.connect(self.cancel_selected)
        self.history_action = QAction(self)
        self.history_action.triggered.connect(self.history_of_selected)
        # Right-click menus on both views; their keys are the views' own (eventFilter).
        for view in (self.grid, self.arrivals.table):
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            view.addActions([self.check_in_action, self.cancel_action, self.history_action])
        self.retranslate()

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.check_in_action.setText(self.tr("Check in (Ctrl+Return)"))
        self.cancel_action.setText(self.tr("Cancel booking… (Delete)"))
        self.history_action.setText(self.tr("History… (Ctrl+H)"))
        self._show_date()
        if self.entities:
            self._show_columns()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- who, when ---------------------------------------------------------------------------

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self._generation += 1
        self.entities, self._rows, self._keep, self._placed = [], [], None, False
        self._say("")
        self.day = dt.date.today()
        self.grid.set_book([], [], self.field)
        if database is not None and actor is not None:
            self.reload()

    @property
    def field(self) -> str:
        return self.bar.field

    def span(self) -> tuple[dt.date, int]:
        """The first day shown and how many days."""
        if self.week and not self.arrivals_view:
            return self.day - dt.timedelta(days=self.day.weekday()), 7
        return self.day, 1

    def step(self, direction: int) -> None:
        self.day += dt.timedelta(days=direction * self.span()[1])
        self._keep = None
        self.reload()

    def today(self) -> None:
        self.day = dt.date.today()
        self._placed = False
        self.reload()

    def set_week(self, week: bool) -> None:
        self.week, self.arrivals_view = week, False
        (self.bar.week_button if week else self.bar.day_button).setChecked(True)
        self.stack.setCurrentWidget(self.grid)
        self.reload()

    def show_arrivals(self) -> None:
        """The day's arrival list (the day shown, today unless the desk went elsewhere)."""
        self.arrivals_view = True
        self.bar.arrivals_button.setChecked(True)
        self.stack.setCurrentWidget(self.arrivals)
        self.arrivals.table.setFocus()
        self.reload()

    def selected_booking(self) -> BookingRow | None:
        if self.arrivals_view:
            return self.arrivals.selected_booking()
        return self.grid.selected_booking()

    def _refresh_arrivals(self) -> None:
        if self.arrivals_view and self.isVisible():
            self.reload()

    def _kind_changed(self) -> None:
        self.bar.who.blockSignals(True)
        self.bar.who.clear()
        self.bar.who.blockSignals(False)
        self._keep = None
        self.reload()

    def _show_date(self) -> None:
        first, days = self.span()
        last = first + dt.timedelta(days=days - 1)
        if days == 1:  # the weekday in the user's language, short: the bar is full
            text = QLocale().toString(first, "ddd MM-dd")
        else:
            text = f"{first:%m-%d} – {last:%m-%d}"
        self.bar.date_label.setText(text)
        self.bar.date_label.setToolTip(f"{first:%Y-%m-%d}" + (f" – {last:%Y-%m-%d}" * (days > 1)))
        on_grid = not self.arrivals_view
        self.bar.who.setEnabled(self.week and on_grid)
        self.bar.who_label.setEnabled(self.week and on_grid)
        self.bar.kind.setEnabled(on_grid)
        self.bar.kind_label.setEnabled(on_grid)

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        database, actor = self.database, self.actor
        self._show_date()
        if database is None or actor is None:
            return
        self._generation += 1
        generation, field, everyone = self._generation, self.field, self.arrivals_view
        first, days = self.span()
        start = dt.datetime.combine(first, dt.time()).astimezone()
        end = dt.datetime.combine(first + dt.timedelta(days=days), dt.time()).astimezone()

        def work() -> _Book:
            if everyone:  # the arrival list: every booking of the day, whoever it is with
                return _Book([], bookings.bookings_between(database, actor, start, end))
            if field in ("doctor_id", "consultant_id"):
                role = Role.DOCTOR if field == "doctor_id" else Role.CONSULTANT
                people = lookups.staff_choices(database, actor, [role])
                entities = [(p.id, p.display_name) for p in people]
                ids = [e[0] for e in entities]
                rows = bookings.bookings_between(database, actor, start, end, staff_ids=ids)
            else:
                kind = ResourceKind.ROOM if field == "room_id" else ResourceKind.DEVICE
                found = bookings.resources(database, actor)
                entities = [(r.id, r.name) for r in found if r.kind == kind]
                ids = [e[0] for e in entities]
                rows = bookings.bookings_between(database, actor, start, end, resource_ids=ids)
            return _Book(entities, rows, opening_hours.opening_hours(database))

        self.runner.run(
            work,
            lambda book: self._loaded(generation, book),
            lambda exc: self._load_failed(generation, exc),
        )

    def _loaded(self, generation: int, book: _Book) -> None:
        if generation != self._generation:
            return
        if self.arrivals_view:
            self.arrivals.set_rows(book.rows)
            if self._keep is not None:
                self.arrivals.select_booking(self._keep)
            return
        self.entities, self._rows = book.entities, book.rows
        self.grid.set_hours(book.hours)
        current = self.bar.who.currentData()
        self.bar.who.blockSignals(True)
        self.bar.who.clear()
        for key, name in book.entities:
            self.bar.who.addItem(name, key)
        self.bar.who.setCurrentIndex(max(0, find_data(self.bar.who, current)))
        self.bar.who.blockSignals(False)
        self._show_columns()
        if not book.entities:
            self._say(self.tr("Nothing to show: no active {what} yet.").format(
                what=self.bar.kind.currentText().lower()))  # fmt: skip

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._say(" ".join(describe(exc)), error=True)

    def _show_columns(self) -> None:
        first, days = self.span()
        if self.week:
            key = self.bar.who.currentData()
            locale = QLocale()
            columns = [
                Column(
                    first + dt.timedelta(days=i),
                    key,
                    f"{locale.dayName(i + 1, QLocale.FormatType.ShortFormat)} "
                    f"{first + dt.timedelta(days=i):%m-%d}",
                )
                for i in range(days)
                if key is not None
            ]
        else:
            columns = [Column(first, key, name) for key, name in self.entities]
        self.grid.set_book(columns, self._rows, self.field)
        if self._keep is not None:
            self.grid.select_booking(self._keep)
        elif not self._placed and columns:
            self._placed = True
            now = dt.datetime.now().astimezone()
            slot = (now.hour - FIRST_HOUR) * 60 // SLOT_MINUTES + now.minute // SLOT_MINUTES
            column = (now.date() - first).days if self.week else 0
            self.grid.select_slot(max(0, column), max(0, min(slot, SLOTS - 1)))

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()

    # --- new bookings -------------------------------------------------------------------

    def new_booking(self) -> None:
        """The dialog for the selected slot, with the column's person or room filled in."""
        database, actor, column = self.database, self.actor, self.grid.selected_column()
        start = self.grid.selected_start()
        if database is None or actor is None or column is None or start is None:
            return
        self.open_booking_dialog(
            BookingDialog(self.runner, database, actor, start, {self.field: column.key}, self)
        )

    def _booked(self) -> None:
        if self.dialog is not None and self.dialog.saved is not None:
            row = self.dialog.saved
            self._keep = row.id
            text = self.tr("Booked: {name}, {start}.").format(
                name=row.name, start=f"{row.starts_at.astimezone():%Y-%m-%d %H:%M}"
            )
            self._say(f"{text} {outside_text(row.outside)}".strip(), error=bool(row.outside))
        self.reload()

    def focus_view(self) -> None:
        """The keys back on the book or the arrival list (after a dialog closes)."""
        (self.arrivals.table if self.arrivals_view else self.grid).setFocus()

    def _check_in_selected(self) -> None:
        booking = self.selected_booking()
        if booking is not None:
            self.check_in(booking)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setVisible(bool(text))

    # --- keyboard ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """T, D, W, A, Delete and Ctrl+H on the book or the list (plain letters: not while
        typing). Keys of the views, not window shortcuts: those went dead on X11 after a
        dialog had closed, and the window's own shortcuts would take Ctrl+ keys."""
        views = (self.grid, self.arrivals.table)
        if watched in views and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            action = self._key_action(event)
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        key, modifiers = Qt.Key(event.key()), event.modifiers()
        if modifiers == Qt.KeyboardModifier.ControlModifier:
            return {
                Qt.Key.Key_H: self.history_of_selected,
                Qt.Key.Key_Left: lambda: self.step(-1),
                Qt.Key.Key_Right: lambda: self.step(1),
            }.get(key)
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        return {
            Qt.Key.Key_F5: self.reload,
            Qt.Key.Key_T: self.today,
            Qt.Key.Key_D: lambda: self.set_week(False),
            Qt.Key.Key_W: lambda: self.set_week(True),
            Qt.Key.Key_A: self.show_arrivals,
            Qt.Key.Key_Delete: self.cancel_selected,
        }.get(key)
