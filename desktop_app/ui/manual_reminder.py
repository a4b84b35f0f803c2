"""A reminder written by hand for the open record ("call her next week about the quote"):
the day, what to do, for whom (me unless I give it to someone) and how urgent."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLineEdit, QWidget

from desktop_app.models import Priority, Role
from desktop_app.services import reminders
from desktop_app.services.errors import ValidationError
from desktop_app.services.lookups import StaffChoice
from desktop_app.ui.clinical_forms import ClinicalDialog
from desktop_app.ui.reminder_dialogs import ROLE_ORDER
from desktop_app.ui.reminders_model import ROLE_GROUPS, priority_text, words
from desktop_app.ui.reminders_words import reminder_error_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

DEFAULT_DAYS = 7


class ManualReminderDialog(ClinicalDialog):
    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        patient_id: uuid.UUID,
        people: list[StaffChoice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("manualReminderDialog")
        self.setWindowTitle(self.tr("Add a reminder"))
        self.patient_id = patient_id
        self.due = QDateEdit(QDate.currentDate().addDays(DEFAULT_DAYS))
        self.due.setObjectName("manualReminderDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(QDate.currentDate())
        self.form.add_field("due_on", self.due).setText(self.tr("&On"))
        self.reason = QLineEdit()
        self.reason.setObjectName("manualReminderReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("What to do, e.g. call about the quote"))
        self.form.add_field("reason", self.reason).setText(self.tr("&What"))
        self.to = QComboBox()
        self.to.setObjectName("manualReminderTo")
        self.to.addItem(self.tr("Me"), None)
        for person in people:
            if person.id != actor.staff_id:
                self.to.addItem(person.display_name, person.id)
        for role in ROLE_ORDER:
            self.to.addItem(words(ROLE_GROUPS[role]), role)
        self.form.add_field("assignee", self.to).setText(self.tr("&For"))
        self.priority = QComboBox()
        self.priority.setObjectName("manualReminderPriority")
        for priority in Priority:
            self.priority.addItem(priority_text(priority), priority)
        self.priority.setCurrentIndex(self.priority.findData(Priority.NORMAL))
        self.form.add_field("priority", self.priority).setText(self.tr("&Priority"))
        self.save_button.setText(self.tr("&Add reminder"))
        self.finish_layout()
        self.reason.setFocus()

    def work(self) -> Callable[[], Any]:
        database, actor, patient_id = self.database, self.actor, self.patient_id
        due = self.due.date().toPython()
        assert isinstance(due, dt.date)
        reason, priority = self.reason.text(), self.priority.currentData()
        chosen = self.to.currentData()
        staff_id = chosen if isinstance(chosen, uuid.UUID) else None
        role = chosen if isinstance(chosen, Role) else None
        return lambda: reminders.add_manual(
            database,
            actor,
            patient_id,
            due,
            reason,
            staff_id=staff_id,
            role=role,
            priority=priority,
        )

    def show_error(self, exc: ValidationError) -> None:
        if exc.field == "due_on" or exc.field == "assignee":
            self.form.show_error(exc.field, reminder_error_text(exc))
        else:
            super().show_error(exc)
