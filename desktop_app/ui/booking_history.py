"""Cancelling a booking (with the reason, required) and reading its history: who made,
moved, resized, cancelled or checked it in, and when it was booked for before.

Nothing is deleted: a cancelled booking leaves the book but keeps its row and its
history (services/bookings.py), so "who cancelled Mrs Zhang's 热玛吉?" has an answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import bookings
from desktop_app.services.bookings import BookingRow, HistoryRow
from desktop_app.ui.clinical_forms import ClinicalDialog
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

# The reasons the desk gives most; any other can be typed.
REASONS = [
    QT_TRANSLATE_NOOP("BookingHistory", "The patient asked to reschedule"),
    QT_TRANSLATE_NOOP("BookingHistory", "The patient is ill"),
    QT_TRANSLATE_NOOP("BookingHistory", "The doctor is not available"),
    QT_TRANSLATE_NOOP("BookingHistory", "Booked by mistake"),
]

ACTIONS = {
    "create": QT_TRANSLATE_NOOP("BookingHistory", "booked"),
    "move": QT_TRANSLATE_NOOP("BookingHistory", "moved"),
    "resize": QT_TRANSLATE_NOOP("BookingHistory", "length changed"),
    "cancel": QT_TRANSLATE_NOOP("BookingHistory", "cancelled"),
    "arrive": QT_TRANSLATE_NOOP("BookingHistory", "checked in"),
    "no_show": QT_TRANSLATE_NOOP("BookingHistory", "no-show"),
}
WALK_IN = QT_TRANSLATE_NOOP("BookingHistory", "checked in at the front desk")


def _tr(text: str) -> str:
    return QCoreApplication.translate("BookingHistory", text)


def booking_title(row: BookingRow) -> str:
    start, end = row.starts_at.astimezone(), row.ends_at.astimezone()
    what = f" · {row.item}" if row.item else ""
    return f"{row.name}{what} · {start:%Y-%m-%d %H:%M}–{end:%H:%M}"


class CancelBookingDialog(ClinicalDialog):
    """Why, then Save: the booking leaves the book, its confirmation call is cancelled."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        row: BookingRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("cancelBookingDialog")
        self.setWindowTitle(self.tr("Cancel booking"))
        self.row = row
        explain = QLabel(
            self.tr(
                "{booking} leaves the book. It is kept with its history, and its "
                "confirmation call is cancelled."
            ).format(booking=booking_title(row))
        )
        explain.setWordWrap(True)
        self.column.insertWidget(0, explain)
        self.reason = QComboBox()
        self.reason.setObjectName("cancelBookingReason")
        self.reason.setEditable(True)
        self.reason.addItems(["", *(_tr(text) for text in REASONS)])
        self.reason.lineEdit().returnPressed.connect(self.submit)
        self.form.add_field("reason", self.reason).setText(self.tr("&Why"))
        self.save_button.setText(self.tr("Cancel &booking"))
        keep = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        keep.setText(self.tr("Keep it"))
        for button in (self.save_button, keep):  # a "save" disk on "cancel" reads wrong
            button.setIcon(QIcon())
        self.finish_layout()
        self.reason.setFocus()

    def work(self) -> Callable[[], Any]:
        database, actor, row = self.database, self.actor, self.row
        reason = self.reason.currentText()
        return lambda: bookings.cancel(database, actor, row.id, row.version, reason)


class BookingHistoryDialog(QDialog):
    """The booking's changes, oldest first, read from the database when opened."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        row: BookingRow,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bookingHistoryDialog")
        self.setWindowTitle(self.tr("Booking history"))
        self.resize(720, 320)
        title = QLabel(booking_title(row))
        title.setStyleSheet("font-weight: bold;")
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("bookingHistoryTable")
        headers = [self.tr("When"), self.tr("Who"), self.tr("What")]
        headers += [self.tr("Booked for before"), self.tr("Why")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (title, self.table, self.error, buttons):
            layout.addWidget(widget)
        runner.run(lambda: bookings.history(database, actor, row.id), self._show, self._failed)

    def _show(self, events: list[HistoryRow]) -> None:
        self.table.setRowCount(len(events))
        for index, event in enumerate(events):
            before = ""
            if event.starts_at and event.ends_at and event.action in ("move", "resize"):
                start, end = event.starts_at.astimezone(), event.ends_at.astimezone()
                before = f"{start:%Y-%m-%d %H:%M}–{end:%H:%M}"
            what = _tr(ACTIONS.get(event.action, event.action))
            why = event.reason
            if event.action == "arrive" and event.reason == "walk_in":
                what, why = _tr(WALK_IN), ""
            cells = (f"{event.at.astimezone():%Y-%m-%d %H:%M}", event.staff, what, before, why)
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _failed(self, exc: BaseException) -> None:
        self.error.setText(" ".join(describe(exc)))
        self.error.show()
