"""The reminder panel's table and the words it shows: a phone number a nurse can read out,
translated priorities and roles, and the reason with its post-op day.

Pure text helpers live here so the page, its dialogs and the follow-up dialog say things
the same way.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.models import Priority, Role, Trigger
from desktop_app.services.reminders import ReminderRow
from desktop_app.ui.rows_model import RowsModel

URGENT_COLOUR = "#b3261e"
HIGH_COLOUR = "#9a5b00"
ROW_ROLE = Qt.ItemDataRole.UserRole  # the ReminderRow behind a line

PRIORITY_NAMES = {
    Priority.LOW: QT_TRANSLATE_NOOP("Reminders", "Low"),
    Priority.NORMAL: QT_TRANSLATE_NOOP("Reminders", "Normal"),
    Priority.HIGH: QT_TRANSLATE_NOOP("Reminders", "High"),
    Priority.URGENT: QT_TRANSLATE_NOOP("Reminders", "Urgent"),
}

# A reminder given to a role: anyone of it may take it.
ROLE_GROUPS = {
    Role.RECEPTIONIST: QT_TRANSLATE_NOOP("Reminders", "Any receptionist"),
    Role.CONSULTANT: QT_TRANSLATE_NOOP("Reminders", "Any consultant"),
    Role.DOCTOR: QT_TRANSLATE_NOOP("Reminders", "Any doctor"),
    Role.NURSE: QT_TRANSLATE_NOOP("Reminders", "Any nurse"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Reminders", "Any manager"),
}


def words(text: str) -> str:
    return QCoreApplication.translate("Reminders", text)


def readable_phone(e164: str) -> str:
    """+8613800131234 → "138 0013 1234": grouped the way people read a mobile aloud."""
    if not e164:
        return ""
    if e164.startswith("+86") and len(e164) == 14 and e164[3:].isdigit():
        digits = e164[3:]
        return f"{digits[:3]} {digits[3:7]} {digits[7:]}"
    try:
        import phonenumbers

        parsed = phonenumbers.parse(e164, None)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except Exception:
        return e164


def reason_text(row: ReminderRow) -> str:
    """The rule's reason, with the post-operative day for a treatment's series."""
    if row.trigger == Trigger.TREATMENT and row.step > 0:
        step = row.step  # a plain name: lupdate drops a call whose count is an attribute
        day = QCoreApplication.translate("Reminders", "day %n", "", step)
        return f"{row.reason} · {day}"
    return row.reason


def assignee_text(row: ReminderRow) -> str:
    if row.assignee_name:
        return row.assignee_name
    if row.assignee_role is not None:
        return words(ROLE_GROUPS[row.assignee_role])
    return ""


def priority_text(priority: Priority) -> str:
    return words(PRIORITY_NAMES[priority])


def tries_text(row: ReminderRow) -> str:
    return f"{row.attempts}/{row.max_attempts}" if row.attempts > 0 else ""


def patient_text(row: ReminderRow) -> str:
    """Name and record number; a lead (booked, not registered yet) has no record."""
    if row.is_lead:
        return QCoreApplication.translate("Reminders", "{name} (lead)").format(
            name=row.patient_name
        )
    return f"{row.patient_name}  {row.record_no}"


class RemindersModel(RowsModel):
    """One section's reminders; urgent lines bold with their priority in red."""

    COLUMNS = (
        "patient",
        "reason",
        "due",
        "overdue",
        "phone",
        "assignee",
        "priority",
        "tries",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()

    def set_rows(self, rows: list[Any], today: dt.date | None = None) -> None:
        self.today = today or dt.date.today()
        super().set_rows(rows)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Patient"),
            self.tr("Reason"),
            self.tr("Due"),
            self.tr("Days overdue"),
            self.tr("Phone"),
            self.tr("Assigned to"),
            self.tr("Priority"),
            self.tr("Tries"),
        )

    def cell(self, row: ReminderRow, column: int) -> str:
        name = self.COLUMNS[column]
        if name == "patient":
            return patient_text(row)
        if name == "reason":
            return reason_text(row)
        if name == "due":
            return row.due_on.isoformat()
        if name == "overdue":
            days = row.days_overdue(self.today)
            return str(days) if days else ""
        if name == "phone":
            return readable_phone(row.mobile)
        if name == "assignee":
            return assignee_text(row)
        if name == "priority":
            text = priority_text(row.priority)
            return f"⚠ {text}" if row.priority == Priority.URGENT else text
        return tries_text(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # type: ignore[override]
        if not index.isValid():
            return None
        row: ReminderRow = self.rows[index.row()]
        name = self.COLUMNS[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.priority == Priority.URGENT and name in ("priority", "reason"):
                return QBrush(QColor(URGENT_COLOUR))
            if row.priority == Priority.HIGH and name == "priority":
                return QBrush(QColor(HIGH_COLOUR))
            if name == "overdue" and row.days_overdue(self.today):
                return QBrush(QColor(URGENT_COLOUR))
            return None
        if role == Qt.ItemDataRole.FontRole and row.priority == Priority.URGENT:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and name in ("overdue", "tries"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return super().data(index, role)

    def row_at(self, position: int) -> ReminderRow | None:
        return self.rows[position] if 0 <= position < len(self.rows) else None
