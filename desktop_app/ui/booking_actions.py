"""What the appointment book does to a booking — move or resize it, check the patient in,
cancel it, show its history — and what it says when the service refuses. A mixin of
BookingsPage, kept apart so each module stays readable. Every refusal redraws the book
from the database, so a booking a refused drag left in the wrong place goes back.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from desktop_app.models import BookingStatus
from desktop_app.services import booking_arrivals, booking_from_reminder, bookings
from desktop_app.services.booking_arrivals import Arrival
from desktop_app.services.booking_from_reminder import BookNow
from desktop_app.services.bookings import BookingClashError, BookingRow
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.search import SearchHit
from desktop_app.ui.booking_dialog import BookingDialog, clash_text
from desktop_app.ui.booking_history import BookingHistoryDialog, CancelBookingDialog
from desktop_app.ui.messages import describe, validation_text

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.booking_grid import BookingGrid
    from desktop_app.ui.tasks import Runner


class BookingActions:
    """Needs the page's database, actor, runner, reload and message line (BookingsPage)."""

    database: Database | None
    actor: Actor | None
    runner: Runner
    _keep: uuid.UUID | None
    reload: Callable[[], None]
    _say: Callable[..., None]
    selected_booking: Callable[[], BookingRow | None]
    grid: BookingGrid
    field: str
    dialog: BookingDialog | None
    _booked: Callable[[], None]
    focus_view: Callable[[], None]
    side_dialog: QDialog | None = None  # the cancel or history dialog open now

    def cancel_selected(self) -> None:
        """Delete: ask why, then cancel; the booking leaves the book, its history stays."""
        row, database, actor = self.selected_booking(), self.database, self.actor
        if row is None or database is None or actor is None:
            return
        if row.status != BookingStatus.BOOKED:
            self._say(_booking_refusals()["not_booked"], error=True)
            return
        dialog = CancelBookingDialog(self.runner, database, actor, row, self._parent())
        dialog.accepted.connect(lambda: self._cancelled(dialog.result_value))
        self._open(dialog)

    def _cancelled(self, row: BookingRow) -> None:
        self._keep = None
        self._say(
            QCoreApplication.translate("BookingsPage", "Cancelled: {name}, {start}.").format(
                name=row.name, start=f"{row.starts_at.astimezone():%Y-%m-%d %H:%M}"
            )
        )
        self.reload()

    def history_of_selected(self) -> None:
        """Ctrl+H: who made, moved, cancelled or checked in the booking, and when."""
        row, database, actor = self.selected_booking(), self.database, self.actor
        if row is None or database is None or actor is None:
            return
        self._open(BookingHistoryDialog(self.runner, database, actor, row, self._parent()))

    def book_from_reminder(self, reminder_id: uuid.UUID) -> None:
        """ "Book now" on a reminder: the dialog with the patient (or the lead) and the item
        filled in, at the slot chosen on the book (else the next quarter hour today)."""
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self.runner.run(
            lambda: booking_from_reminder.book_now(database, actor, reminder_id),
            self._open_book_now,
            self._refused,
        )

    def _open_book_now(self, what: BookNow) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        column, start = self.grid.selected_column(), self.grid.selected_start()
        if start is None:
            now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
            start = now + dt.timedelta(minutes=15 - now.minute % 15)
        patient = None
        if what.patient_id is not None:
            patient = SearchHit(what.patient_id, what.record_no or "", what.name, "", None, 0)
        preset = {self.field: column.key} if column is not None else {}
        dialog = BookingDialog(
            self.runner, database, actor, start, preset, self._parent(),
            patient=patient, item=what.item,
        )  # fmt: skip
        if patient is None:  # a lead: booked again by name and mobile
            dialog.lead_name.setText(what.name)
            dialog.lead_mobile.setText(what.mobile)
        self.open_booking_dialog(dialog)

    def open_booking_dialog(self, dialog: BookingDialog) -> None:
        """A new booking's dialog (a slot, or Book now): the book shows what it saved, and
        the keys go back to the book or the list when it closes."""
        self.dialog = dialog
        dialog.accepted.connect(self._booked)
        dialog.finished.connect(lambda _result: self.focus_view())
        dialog.open()

    def _open(self, dialog: QDialog) -> None:
        """A side dialog; when it closes, the keys go back to the book or the list."""
        self.side_dialog = dialog
        dialog.finished.connect(lambda _result: self.focus_view())
        dialog.open()

    def _parent(self) -> QWidget | None:
        return self if isinstance(self, QWidget) else None

    def move(self, row: BookingRow, starts_at: dt.datetime, minutes: int) -> None:
        """A drag or Alt+Up/Down: the service decides; the book then shows the database."""
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self._keep = row.id
        self.runner.run(
            lambda: bookings.move(database, actor, row.id, row.version, starts_at, minutes),
            self._moved,
            self._refused,
        )

    def _moved(self, row: BookingRow) -> None:
        start, end = row.starts_at.astimezone(), row.ends_at.astimezone()
        text = QCoreApplication.translate("BookingsPage", "{name}: now {start}–{end}.").format(
            name=row.name, start=f"{start:%Y-%m-%d %H:%M}", end=f"{end:%H:%M}"
        )
        self._say(f"{text} {outside_text(row.outside)}".strip(), error=bool(row.outside))
        self.reload()

    def check_in(self, row: BookingRow) -> None:
        """Ctrl+Return: the booked patient is here; the visit goes onto the triage board."""
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self._keep = row.id
        self.runner.run(
            lambda: booking_arrivals.arrive(database, actor, row.id, row.version),
            self._arrived,
            self._refused,
        )

    def _arrived(self, arrival: Arrival) -> None:
        text = QCoreApplication.translate(
            "BookingsPage", "{name} is checked in and on the triage board."
        ).format(name=arrival.booking.name)
        if arrival.late:
            text += " " + QCoreApplication.translate("BookingsPage", "Late for the booked time.")
        if arrival.linked_existing:
            text += " " + QCoreApplication.translate(
                "BookingsPage", "The lead was a registered patient already: the record is linked."
            )
        self._say(text)
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, BookingClashError):
            text = QCoreApplication.translate(
                "BookingsPage", "{clash} The booking stays where it was."
            ).format(clash=clash_text(exc))
        elif isinstance(exc, ValidationError):
            text = _booking_refusals().get(exc.code) or validation_text(
                exc.code, exc.params, exc.message
            )
        elif isinstance(exc, ConflictError):
            headline, detail = describe(exc)
            text = QCoreApplication.translate(
                "BookingsPage", "{headline} {detail} The book shows it now."
            ).format(headline=headline, detail=detail)
        else:
            text = " ".join(describe(exc))
        self._say(text, error=True)
        self.reload()


def _booking_refusals() -> dict[str, str]:
    return {
        "not_booked": QCoreApplication.translate(
            "BookingsPage", "Only a booking still to come can be moved or checked in."
        ),
        "arrived": QCoreApplication.translate(
            "BookingsPage", "This booking was checked in already."
        ),
        "not_today": QCoreApplication.translate(
            "BookingsPage", "This booking is for another day: move it to today first."
        ),
        "range": QCoreApplication.translate(
            "BookingsPage", "A booking lasts 5 minutes to 12 hours."
        ),
    }


def outside_text(why: str | None) -> str:
    """The warning for a booking outside the opening hours (it is made all the same)."""
    texts = {
        "closed": QCoreApplication.translate(
            "BookingsPage", "Note: the clinic is closed that day."
        ),
        "early": QCoreApplication.translate(
            "BookingsPage", "Note: it starts before the clinic opens."
        ),
        "late": QCoreApplication.translate(
            "BookingsPage", "Note: it ends after the clinic closes."
        ),
        "break": QCoreApplication.translate(
            "BookingsPage", "Note: it falls in the clinic's break."
        ),
    }
    return texts.get(why or "", why or "")
