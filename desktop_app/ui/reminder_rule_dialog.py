"""One reminder rule, new or changed by a manager: the event, the days after it, whom it
goes to, the questions to ask, priority and tries. Errors show at their field; a rule
changed meanwhile on another station is not overwritten (the box reloads the list)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Priority, Role, Trigger
from desktop_app.services import reminder_rules
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.lookups import StaffChoice
from desktop_app.services.reminder_rules import MAX_SCRIPT, RuleDraft, RuleRow
from desktop_app.ui.forms import FieldForm, error_line, save_cancel
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.reminder_rules_settings import (
    DEFAULT_PERSON,
    ROLE_NAMES,
    TRIGGER_NAMES,
    say,
)
from desktop_app.ui.reminders_model import priority_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

# The service's field names → this form's fields.
FIELDS = {"assign_staff_id": "rule_assign", "assign_role": "rule_assign"}
ROLE_WORDS = {
    Role.RECEPTIONIST: QT_TRANSLATE_NOOP("ReminderRules", "Receptionist"),
    Role.CONSULTANT: QT_TRANSLATE_NOOP("ReminderRules", "Consultant"),
    Role.DOCTOR: QT_TRANSLATE_NOOP("ReminderRules", "Doctor"),
    Role.NURSE: QT_TRANSLATE_NOOP("ReminderRules", "Nurse"),
    Role.MANAGER: QT_TRANSLATE_NOOP("ReminderRules", "Manager"),
}


@dataclass(frozen=True)
class Choices:
    """What the dialog offers: catalogue items, their categories, active staff."""

    items: tuple[str, ...]
    categories: tuple[str, ...]
    people: tuple[StaffChoice, ...]


def rule_error_text(exc: ValidationError) -> str:
    """The rule service's messages in the user's language."""
    texts = {
        ("offsets", "invalid"): QCoreApplication.translate(
            "ReminderRules", "Days after the event, 0 to 3650, separated by commas (e.g. 1,3,7,30)."
        ),
        ("offsets", "single"): QCoreApplication.translate(
            "ReminderRules", "This kind of rule takes one number of days."
        ),
        ("item", "unknown"): QCoreApplication.translate(
            "ReminderRules", "This item is not in the catalogue."
        ),
        ("item", "required"): QCoreApplication.translate(
            "ReminderRules", "Choose an item or a category."
        ),
        ("assign_staff_id", "invalid"): QCoreApplication.translate(
            "ReminderRules", "Choose an active staff member."
        ),
        ("name", "too_long"): QCoreApplication.translate("ReminderRules", "At most 80 characters."),
        ("script", "too_long"): QCoreApplication.translate(
            "ReminderRules", "At most {max} characters."
        ).format(max=MAX_SCRIPT),
        ("max_attempts", "range"): QCoreApplication.translate(
            "ReminderRules", "Between 1 and 10 tries."
        ),
    }
    text = texts.get((exc.field, exc.code))
    return text or validation_text(exc.code, exc.params, exc.message)


class RuleDialog(QDialog):
    saved = Signal(object)  # the RuleRow as saved
    conflict = Signal(object)  # the ConflictError: changed meanwhile, nothing saved

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        choices: Choices,
        rule: RuleRow | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderRuleDialog")
        self.runner, self.database, self.actor, self.rule = runner, database, actor, rule
        self.setWindowTitle(self.tr("Reminder rule") if rule else self.tr("New reminder rule"))
        self.form = FieldForm()
        self.name = QLineEdit()
        self.form.add_field("rule_name", self.name).setText(self.tr("&Name"))
        self.trigger = QComboBox()
        for trigger, words in TRIGGER_NAMES.items():
            self.trigger.addItem(say(words), trigger)
        self.form.add_field("rule_trigger", self.trigger).setText(self.tr("&When"))
        self.item = QComboBox()
        for name in choices.items:
            self.item.addItem(name, f"item:{name}")
        for category in choices.categories:
            every = self.tr("every {category} item").format(category=category)
            self.item.addItem(every, f"category:{category}")
        self.form.add_field("rule_item", self.item).setText(self.tr("&Item"))
        self.offsets = QLineEdit()
        self.offsets.setPlaceholderText("1,3,7,30")
        self.form.add_field("rule_offsets", self.offsets).setText(self.tr("&Days after"))
        self.assign = QComboBox()
        self.assign.addItem(say(DEFAULT_PERSON), "")
        for role, words in ROLE_NAMES.items():
            self.assign.addItem(say(words), f"role:{role.value}")
        for person in choices.people:
            role = say(ROLE_WORDS[person.role])
            self.assign.addItem(f"{person.display_name} ({role})", f"staff:{person.id}")
        self.form.add_field("rule_assign", self.assign).setText(self.tr("&To whom"))
        self.script = QPlainTextEdit()
        self.script.setTabChangesFocus(True)
        self.script.setFixedHeight(110)
        self.script.setPlaceholderText(self.tr("One question per line"))
        self.form.add_field("rule_script", self.script).setText(self.tr("&Questions to ask"))
        self.priority = QComboBox()
        for priority in Priority:
            self.priority.addItem(priority_text(priority), priority)
        self.form.add_field("rule_priority", self.priority).setText(self.tr("&Priority"))
        self.max_attempts = QSpinBox()
        self.max_attempts.setRange(1, 10)
        self.max_attempts.setValue(3)
        self.form.add_field("rule_max_attempts", self.max_attempts).setText(
            self.tr("T&ries if not reached")
        )
        self.active = QCheckBox(self.tr("&Active (untick to stop new reminders)"))
        self.active.setObjectName("rule_active")
        self.active.setChecked(True)
        self.form.addRow("", self.active)
        self.error = error_line("ruleFormError")
        self.buttons, self.save_button = save_cancel(self, "Rule")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.trigger.currentIndexChanged.connect(lambda _i: self._follow_trigger())
        if rule is not None:
            self._fill(rule)
        self._follow_trigger()
        self.name.setFocus()
        self.resize(560, self.sizeHint().height())

    def _fill(self, rule: RuleRow) -> None:
        self.name.setText(rule.name)
        self.trigger.setCurrentIndex(max(0, self.trigger.findData(rule.trigger)))
        if rule.item:
            self.item.setCurrentIndex(max(0, self.item.findData(f"item:{rule.item}")))
        elif rule.category:
            self.item.setCurrentIndex(max(0, self.item.findData(f"category:{rule.category}")))
        self.offsets.setText(rule.offsets)
        if rule.assign_staff_id is not None:
            found = self.assign.findData(f"staff:{rule.assign_staff_id}")
            if found < 0:  # no longer active: still shown as it is, saving asks for another
                self.assign.addItem(rule.assign_staff_name, f"staff:{rule.assign_staff_id}")
                found = self.assign.count() - 1
            self.assign.setCurrentIndex(found)
        elif rule.assign_role is not None:
            self.assign.setCurrentIndex(self.assign.findData(f"role:{rule.assign_role.value}"))
        self.script.setPlainText(rule.script)
        self.priority.setCurrentIndex(max(0, self.priority.findData(rule.priority)))
        self.max_attempts.setValue(rule.max_attempts)
        self.active.setChecked(rule.active)

    def _follow_trigger(self) -> None:
        """Only a treatment rule names an item or a category."""
        self.item.setEnabled(self.trigger.currentData() == Trigger.TREATMENT)

    def draft(self) -> RuleDraft:
        trigger = Trigger(self.trigger.currentData())
        item = category = None
        if trigger == Trigger.TREATMENT and self.item.currentData():
            kind, value = str(self.item.currentData()).split(":", 1)
            item, category = (value, None) if kind == "item" else (None, value)
        role = person = None
        if self.assign.currentData():
            kind, value = str(self.assign.currentData()).split(":", 1)
            role, person = (Role(value), None) if kind == "role" else (None, uuid.UUID(value))
        return RuleDraft(
            self.name.text(),
            trigger,
            self.offsets.text(),
            item=item,
            category=category,
            assign_role=role,
            assign_staff_id=person,
            script=self.script.toPlainText(),
            priority=Priority(self.priority.currentData()),
            max_attempts=self.max_attempts.value(),
            active=self.active.isChecked(),
        )

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.form.clear_errors()
        self.error.hide()
        draft, database, actor, rule = self.draft(), self.database, self.actor, self.rule
        self.save_button.setEnabled(False)
        self.runner.run(
            lambda: reminder_rules.save_rule(
                database,
                actor,
                draft,
                rule.id if rule else None,
                rule.version if rule else None,
            ),
            self._done,
            self._failed,
        )

    def _done(self, saved: RuleRow) -> None:
        self.save_button.setEnabled(True)
        self.accept()
        self.saved.emit(saved)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ConflictError):
            self.reject()
            self.conflict.emit(exc)
            return
        if isinstance(exc, ValidationError):
            field = FIELDS.get(exc.field, f"rule_{exc.field}")
            if field in self.form.errors:
                self.form.show_error(field, rule_error_text(exc))
                return
            self.error.setText(rule_error_text(exc))
        else:
            self.error.setText(" ".join(describe(exc)))
        self.error.show()
