"""What the reminder panel does to the selected reminder — done with an outcome, snooze,
give to someone else, open the patient — its keys, and what it says when the server
refuses. A mixin of RemindersPage, kept apart so each module stays readable.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from desktop_app.db import DatabaseUnavailableError
from desktop_app.models import ReminderStatus, Role
from desktop_app.services import lookups
from desktop_app.services.booking_from_reminder import BOOKABLE
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.reminder_desk import Conflict, ReminderDesk, SyncReport
from desktop_app.services.reminders import Applied, CallOutcome, ReminderChangedError, ReminderRow
from desktop_app.ui.follow_up_dialog import FollowUpDialog
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.reminder_dialogs import ConflictsDialog, ReassignDialog, SnoozeDialog
from desktop_app.ui.reminders_model import patient_text
from desktop_app.ui.reminders_words import changed_text, reminder_error_text, sync_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QWidget

    from desktop_app.services.context import Actor
    from desktop_app.ui.reminders_model import RemindersModel
    from desktop_app.ui.tasks import Runner

OFFLINE_STYLE = "background: #fff4ce; color: #5c4400; padding: 4px 8px; border-radius: 3px;"
CONFLICT_STYLE = "color: #b3261e; font-weight: bold;"
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class ReminderActions:
    """Needs the page's desk, runner, table, model and message line (see RemindersPage)."""

    desk: ReminderDesk | None
    runner: Runner
    table: QTableView
    model: RemindersModel
    keep_call: QPushButton
    conflicts: list[Conflict]
    follow_up: FollowUpDialog | None
    dialog: QWidget | None
    open_record: Any
    book_requested: Any
    actor: Actor | None
    _keep: tuple[object, int] | None
    _unsaved: tuple[ReminderRow, CallOutcome] | None
    _syncing: ReminderDesk | None

    message: QLabel
    offline: QLabel
    conflicts_button: QPushButton

    def reload(self) -> None: ...

    def _step_section(self, step: int) -> None: ...

    # --- what the page says besides the rows ---------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.keep_call.setVisible(self._unsaved is not None)

    def _show_offline(self, online: bool, pending: int) -> None:
        if not online and not pending:
            self.offline.setText(
                QCoreApplication.translate(
                    "Reminders", "Offline — working from this computer's copy"
                )
            )
        elif not online:
            self.offline.setText(
                QCoreApplication.translate(
                    "Reminders",
                    "Offline — working from this computer's copy (%n change(s) waiting to be sent)",
                    "",
                    pending,
                )
            )
        elif pending:
            self.offline.setText(
                QCoreApplication.translate(
                    "Reminders", "Back online — sending %n change(s) made offline", "", pending
                )
            )
        self.offline.setVisible(not online or pending > 0)

    def _show_unreachable(self) -> None:
        self.offline.setText(
            QCoreApplication.translate(
                "Reminders",
                "Offline — the clinic server cannot be reached. The list shows what was "
                "loaded before; changes cannot be saved until it is back.",
            )
            if self.model.rows
            else QCoreApplication.translate(
                "Reminders",
                "Offline — the clinic server cannot be reached, and this computer has no copy "
                "of the reminders yet. They will show when the server is back.",
            )
        )
        self.offline.show()

    def _show_conflicts_button(self) -> None:
        count = len(self.conflicts)
        self.conflicts_button.setText(
            QCoreApplication.translate("Reminders", "⚠ %n conflict(s) to decide…", "", count)
        )
        self.conflicts_button.setVisible(count > 0)

    def current_row(self) -> ReminderRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select(self, line: int) -> None:
        self.table.setFocus()
        self.table.selectRow(line)
        self.table.setCurrentIndex(self.model.index(line, 0))

    def mark_done(self) -> None:
        row = self.current_row()
        if row is None or self.desk is None:
            return
        dialog = FollowUpDialog(row, self)  # type: ignore[arg-type]
        dialog.accepted.connect(lambda: self._record(row, dialog.outcome()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.follow_up = dialog
        dialog.open()

    def _record(self, row: ReminderRow, outcome: CallOutcome) -> None:
        self._unsaved = None
        self._change(
            row,
            lambda desk: desk.record_call(row, outcome),
            lambda applied: self._call_text(row, outcome, applied),
            outcome,
        )

    def record_unsaved_call(self) -> None:
        """After a conflict or a lost server: the call was made, so it is recorded."""
        if self._unsaved is not None:
            self._record(*self._unsaved)

    def snooze_days(self, days: int) -> None:
        row = self.current_row()
        if row is not None:
            self._snooze(row, dt.date.today() + dt.timedelta(days=days))

    def snooze_to(self) -> None:
        row = self.current_row()
        if row is None or self.desk is None:
            return
        dialog = SnoozeDialog(row, self)  # type: ignore[arg-type]
        dialog.accepted.connect(lambda: self._snooze(row, dialog.until()))
        self._open(dialog)

    def _snooze(self, row: ReminderRow, until: dt.date) -> None:
        self._change(
            row,
            lambda desk: desk.snooze(row, until),
            lambda _a: QCoreApplication.translate(
                "Reminders", "{patient}: snoozed to {day}."
            ).format(patient=patient_text(row), day=until.isoformat()),
        )

    def reassign(self) -> None:
        row, desk = self.current_row(), self.desk
        if row is None or desk is None:
            return

        def ask(people: list[lookups.StaffChoice]) -> None:
            dialog = ReassignDialog(row, people, self)  # type: ignore[arg-type]
            dialog.accepted.connect(
                lambda: self._reassign(row, *dialog.chosen(), dialog.to.currentText())
            )
            self._open(dialog)

        everyone = list(Role)
        self.runner.run(
            lambda: lookups.staff_choices(desk.database, desk.actor, everyone),
            ask,
            self._failed_change,
        )

    def _reassign(
        self, row: ReminderRow, staff_id: uuid.UUID | None, role: Role | None, name: str
    ) -> None:
        self._change(
            row,
            lambda desk: desk.reassign(row, staff_id=staff_id, role=role),
            lambda _a: QCoreApplication.translate("Reminders", "{patient}: given to {who}.").format(
                patient=patient_text(row), who=name
            ),
        )

    def open_patient(self) -> None:
        row = self.current_row()
        if row is None:
            return
        if row.patient_id is None:  # the button is off for a lead; Ctrl+O says why
            self._say(
                QCoreApplication.translate(
                    "Reminders",
                    "{patient} is not registered yet, so there is no record to open: "
                    "it is made when they arrive for their booking.",
                ).format(patient=patient_text(row))
            )
            return
        self.open_record.emit(row.patient_id)

    def book_now(self) -> None:
        """B: a session due, a missed booking or a revisit, booked while on the phone."""
        row = self.current_row()
        if row is not None and self._may_book(row):
            self.book_requested.emit(row.id)

    def _may_book(self, row: ReminderRow) -> bool:
        actor = self.actor
        return row.trigger in BOOKABLE and actor is not None and allowed(actor, Permission.BOOK)

    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: dialog.deleteLater())  # type: ignore[attr-defined]
        dialog.open()  # type: ignore[attr-defined]

    def _change(
        self,
        row: ReminderRow,
        work: Callable[[ReminderDesk], Applied],
        said: Callable[[Applied], str],
        outcome: CallOutcome | None = None,
    ) -> None:
        desk = self.desk
        if desk is None:
            return
        self._keep = (row.id, max(0, self.table.currentIndex().row()))

        def done(applied: Applied) -> None:
            self._say(said(applied))
            self.reload()

        self.runner.run(
            lambda: work(desk), done, lambda exc: self._failed_change(exc, row, outcome)
        )

    def _failed_change(
        self,
        exc: BaseException,
        row: ReminderRow | None = None,
        outcome: CallOutcome | None = None,
    ) -> None:
        if isinstance(exc, ReminderChangedError):
            if outcome is not None:  # the call was made: offer to record it on theirs
                self._unsaved = (exc.current, outcome)
                self.keep_call.setText(
                    QCoreApplication.translate("Reminders", "Record my call anyway")
                )
            self._say(changed_text(exc), error=True)
            self.reload()
        elif isinstance(exc, DatabaseUnavailableError):
            if outcome is not None and row is not None:
                self._unsaved = (row, outcome)
                self.keep_call.setText(
                    QCoreApplication.translate("Reminders", "Try saving my call again")
                )
            self._show_unreachable()
            self._say(
                QCoreApplication.translate(
                    "Reminders", "Not saved: the clinic server cannot be reached."
                ),
                error=True,
            )
        elif isinstance(exc, ValidationError):
            self._say(reminder_error_text(exc), error=True)
            self.reload()
        else:
            self._say(" ".join(describe(exc)), error=True)

    def _call_text(self, row: ReminderRow, outcome: CallOutcome, applied: Applied) -> str:
        who = patient_text(row)
        if outcome.reached:
            text = QCoreApplication.translate("Reminders", "{patient}: call recorded.").format(
                patient=who
            )
            if applied.escalated:
                text += " " + QCoreApplication.translate(
                    "Reminders", "An urgent reminder went to the doctor."
                )
            return text
        if applied.status == ReminderStatus.OPEN:
            return QCoreApplication.translate(
                "Reminders", "{patient}: not reached; tried again on {day} (try {n} of {max})."
            ).format(
                patient=who,
                day=applied.due_on.isoformat(),
                n=applied.attempts + 1,
                max=row.max_attempts,
            )
        return QCoreApplication.translate(
            "Reminders", "{patient}: not reached on the last try; the reminder is closed."
        ).format(patient=who)

    # --- the offline copy and the outbox ------------------------------------------------

    def sync(self) -> None:
        """Send what was done offline, renew this station's copy, then reload. The lead may
        call it when the connection comes back; the page does every few minutes."""
        desk = self.desk
        if desk is None or self._syncing is desk:
            return
        self._syncing = desk

        def done(report: SyncReport) -> None:
            if self._syncing is desk:
                self._syncing = None
            if self.desk is not desk:
                return
            if report.applied or report.conflicts:
                self._say(sync_text(report))
            self.reload()

        def failed(exc: BaseException) -> None:
            if self._syncing is desk:
                self._syncing = None
            if self.desk is not desk:
                return
            if not isinstance(exc, DatabaseUnavailableError):  # gone: the reload says so
                self._say(" ".join(describe(exc)), error=True)
            self.reload()

        self.runner.run(desk.sync, done, failed)

    # --- conflicts -----------------------------------------------------------------------

    def show_conflicts(self) -> None:
        dialog = ConflictsDialog(self.conflicts, self)  # type: ignore[arg-type]
        dialog.decided.connect(self._resolve)
        self._open(dialog)

    def _resolve(self, conflict: Conflict, keep_mine: bool) -> None:
        desk, dialog = self.desk, self.dialog
        if desk is None:
            return

        def work() -> list[Conflict]:
            desk.resolve(conflict, keep_mine)
            return desk.conflicts()

        def done(left: list[Conflict]) -> None:
            self.conflicts = left
            self._show_conflicts_button()
            if isinstance(dialog, ConflictsDialog):
                dialog.set_conflicts(left)
                if not left:
                    dialog.accept()
            self.reload()

        self.runner.run(work, done, self._failed_change)

    # --- keyboard ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The table's keys win over the window's shortcuts (Ctrl+O above all)."""
        kind = event.type()
        if watched is not self.table or kind not in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            return super().eventFilter(watched, event)  # type: ignore[misc]
        assert isinstance(event, QKeyEvent)
        action = self._key_action(event)
        if action is None:
            return super().eventFilter(watched, event)  # type: ignore[misc]
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # "this key is mine": no shortcut fires, the KeyPress comes here
            return True
        action()
        return True

    def _key_action(self, event: QKeyEvent) -> Callable[[], None] | None:
        key = Qt.Key(event.key())
        control = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        modifiers = event.modifiers() & _MODIFIERS
        plain: dict[Qt.Key, Callable[[], None]] = {
            Qt.Key.Key_Return: self.mark_done,
            Qt.Key.Key_Enter: self.mark_done,
            Qt.Key.Key_1: lambda: self.snooze_days(1),
            Qt.Key.Key_3: lambda: self.snooze_days(3),
            Qt.Key.Key_S: self.snooze_to,
            Qt.Key.Key_R: self.reassign,
            Qt.Key.Key_B: self.book_now,
            Qt.Key.Key_F5: self.reload,
        }
        if modifiers == Qt.KeyboardModifier.NoModifier:
            return plain.get(key)
        if modifiers == control:
            return {
                Qt.Key.Key_D: self.mark_done,
                Qt.Key.Key_O: self.open_patient,
                # the table would take these to its last/first row: they switch sections
                Qt.Key.Key_PageDown: lambda: self._step_section(1),
                Qt.Key.Key_PageUp: lambda: self._step_section(-1),
            }.get(key)
        if modifiers == control | shift and key == Qt.Key.Key_S:
            return self.snooze_to
        return None
