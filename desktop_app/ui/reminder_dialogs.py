"""The panel's small dialogs: snooze to a day, give to someone else, and the changes made
offline that the server refused (conflicts), each decided by a person."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Role
from desktop_app.services.lookups import StaffChoice
from desktop_app.services.reminder_desk import Conflict
from desktop_app.services.reminders import ReminderRow
from desktop_app.ui.reminders_model import (
    ROLE_GROUPS,
    assignee_text,
    patient_text,
    reason_text,
    tries_text,
    words,
)
from desktop_app.ui.reminders_words import status_text

ROLE_ORDER = (Role.NURSE, Role.DOCTOR, Role.CONSULTANT, Role.RECEPTIONIST, Role.MANAGER)


def _ok_cancel(dialog: QDialog, name: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.setObjectName(name)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SnoozeDialog(QDialog):
    """A day after today (the field refuses today and the past), tomorrow by default."""

    def __init__(self, row: ReminderRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snoozeDialog")
        self.setWindowTitle(self.tr("Snooze to a day"))
        tomorrow = QDate.currentDate().addDays(1)
        self.date = QDateEdit(tomorrow)
        self.date.setObjectName("snoozeDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setMinimumDate(tomorrow)
        self.date.setMaximumDate(QDate.currentDate().addYears(2))
        who = QLabel(f"{patient_text(row)}\n{reason_text(row)}")
        who.setObjectName("snoozeFor")
        form = QFormLayout()
        form.addRow(self.tr("&Remind on"), self.date)
        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addLayout(form)
        layout.addWidget(_ok_cancel(self, "snoozeButtons"))
        self.date.setFocus()

    def until(self) -> dt.date:
        return self.date.date().toPython()  # type: ignore[return-value]


class ReassignDialog(QDialog):
    """To a person (the active staff, by name) or to anyone of a role."""

    def __init__(
        self, row: ReminderRow, people: list[StaffChoice], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reassignDialog")
        self.setWindowTitle(self.tr("Give to someone else"))
        self.to = QComboBox()
        self.to.setObjectName("reassignTo")
        for person in people:
            self.to.addItem(person.display_name, f"staff:{person.id}")
        for role in ROLE_ORDER:
            self.to.addItem(words(ROLE_GROUPS[role]), f"role:{role.value}")
        current = f"staff:{row.assignee_id}" if row.assignee_id else f"role:{row.assignee_role}"
        others = [i for i in range(self.to.count()) if self.to.itemData(i) != current]
        self.to.setCurrentIndex(others[0] if others else 0)
        now = QLabel(
            self.tr("{patient}: now with {who}").format(
                patient=patient_text(row), who=assignee_text(row) or "—"
            )
        )
        now.setObjectName("reassignNow")
        form = QFormLayout()
        form.addRow(self.tr("&Give to"), self.to)
        layout = QVBoxLayout(self)
        layout.addWidget(now)
        layout.addLayout(form)
        layout.addWidget(_ok_cancel(self, "reassignButtons"))
        self.to.setFocus()

    def choose(self, staff_id: uuid.UUID | None = None, role: Role | None = None) -> None:
        """Pick an entry (tests, and a caller that knows whom)."""
        wanted = f"staff:{staff_id}" if staff_id else f"role:{role}"
        self.to.setCurrentIndex(self.to.findData(wanted))

    def chosen(self) -> tuple[uuid.UUID | None, Role | None]:
        """(person, None) or (None, role); the entries' data is "staff:<id>" / "role:<role>"."""
        kind, value = str(self.to.currentData()).split(":", 1)
        return (uuid.UUID(value), None) if kind == "staff" else (None, Role(value))


class ConflictsDialog(QDialog):
    """Each refused offline change: what I did, when and as whom, what the server has now;
    the person keeps theirs (recorded anyway) or lets it go."""

    decided = Signal(object, bool)  # Conflict, keep mine

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.conflicts: list[Conflict] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("conflictsList")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.keep = QPushButton()
        self.keep.setObjectName("conflictKeepMine")
        self.keep.clicked.connect(lambda: self._decide(True))
        self.discard = QPushButton()
        self.discard.setObjectName("conflictDiscardMine")
        self.discard.clicked.connect(lambda: self._decide(False))
        self.close_button = QPushButton()
        self.close_button.setObjectName("conflictsClose")
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.keep)
        row.addWidget(self.discard)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.resize(620, 360)
        self.retranslate()
        self.set_conflicts(conflicts)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Changes the server refused"))
        self.intro.setText(
            self.tr(
                "These changes were made while the server could not be reached, and someone "
                "changed the same reminder meanwhile. Decide for each one."
            )
        )
        self.keep.setText(self.tr("Record &mine anyway"))
        self.discard.setText(self.tr("&Discard mine"))
        self.close_button.setText(self.tr("Close"))
        self.set_conflicts(self.conflicts)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_conflicts(self, conflicts: list[Conflict]) -> None:
        keep_row = max(0, self.list.currentRow())
        self.conflicts = list(conflicts)
        self.list.clear()
        for conflict in self.conflicts:
            item = QListWidgetItem(self.describe(conflict))
            self.list.addItem(item)
        if self.conflicts:
            self.list.setCurrentRow(min(keep_row, len(self.conflicts) - 1))
        for button in (self.keep, self.discard):
            button.setEnabled(bool(self.conflicts))

    def describe(self, conflict: Conflict) -> str:
        server = conflict.server
        when = conflict.made_at.astimezone().strftime("%Y-%m-%d %H:%M")
        tries = tries_text(server)
        now = self.tr("due {due}, {status}, with {who}").format(
            due=server.due_on.isoformat(),
            status=status_text(server.status),
            who=assignee_text(server) or "—",
        )
        if tries:
            now += self.tr(", tries {tries}").format(tries=tries)
        return self.tr(
            "{patient} · {reason}\nMade here by {author} at {when}: {mine}\n"
            "The server has now: {now}"
        ).format(
            patient=patient_text(server),
            reason=reason_text(server),
            author=conflict.author,
            when=when,
            mine=conflict.mine,
            now=now,
        )

    def _decide(self, keep_mine: bool) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.conflicts):
            self.decided.emit(self.conflicts[row], keep_mine)
