"""Settings › Reminder rules: what makes a reminder, when, for whom (提醒规则).

Everyone who works reminders may read the rules (a nurse wants to know why a call is on
her list); managers add and change them. A rule is never deleted: switching it off stops
new reminders and leaves those already made. The editing dialog is ``reminder_rule_dialog``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop_app.models import Role, Trigger
from desktop_app.services import catalogue, lookups, reminder_rules
from desktop_app.services.errors import ConflictError, ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.services.reminder_rules import RuleDraft, RuleRow
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import changed_by, describe
from desktop_app.ui.reminders_model import priority_text
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.ui.reminder_rule_dialog import Choices, RuleDialog

CONTEXT = "ReminderRules"
TRIGGER_NAMES = {
    Trigger.TREATMENT: QT_TRANSLATE_NOOP("ReminderRules", "Treatment done"),
    Trigger.NO_DEAL: QT_TRANSLATE_NOOP("ReminderRules", "Consultation without a deal"),
    Trigger.COURSE_DUE: QT_TRANSLATE_NOOP("ReminderRules", "Course session due"),
    Trigger.BIRTHDAY: QT_TRANSLATE_NOOP("ReminderRules", "Birthday"),
    Trigger.SINCE_LAST_VISIT: QT_TRANSLATE_NOOP("ReminderRules", "Days since the last visit"),
    Trigger.MANUAL: QT_TRANSLATE_NOOP("ReminderRules", "Added by hand for one patient"),
    Trigger.ADVERSE_REACTION: QT_TRANSLATE_NOOP(
        "ReminderRules", "Reaction needing a doctor's review"
    ),
    Trigger.CONFIRM_BOOKING: QT_TRANSLATE_NOOP(
        "ReminderRules", "A booking coming (days before it)"
    ),
    Trigger.NO_SHOW: QT_TRANSLATE_NOOP("ReminderRules", "A booked patient did not come"),
}
# A rule naming a role goes to the patient's own person of that role when there is one
# (services.reminder_engine.plan), else to everyone of the role.
ROLE_NAMES = {
    Role.RECEPTIONIST: QT_TRANSLATE_NOOP("ReminderRules", "Any receptionist"),
    Role.CONSULTANT: QT_TRANSLATE_NOOP("ReminderRules", "The patient's consultant, else any"),
    Role.DOCTOR: QT_TRANSLATE_NOOP("ReminderRules", "The visit's doctor, else any"),
    Role.NURSE: QT_TRANSLATE_NOOP("ReminderRules", "The treating nurse, else any"),
    Role.MANAGER: QT_TRANSLATE_NOOP("ReminderRules", "Any manager"),
}
DEFAULT_PERSON = QT_TRANSLATE_NOOP("ReminderRules", "Treating nurse / consultant (default)")


def say(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def when_text(rule: RuleRow) -> str:
    """ "Treatment done: 水光针", "Treatment done: every 注射 item", "Birthday"."""
    trigger = say(TRIGGER_NAMES[rule.trigger])
    if rule.item:
        return f"{trigger}: {rule.item}"
    if rule.category:
        every = QCoreApplication.translate("ReminderRules", "every {category} item")
        return f"{trigger}: {every.format(category=rule.category)}"
    return trigger


def whom_text(rule: RuleRow) -> str:
    if rule.assign_staff_id is not None:
        return rule.assign_staff_name
    if rule.assign_role is not None:
        return say(ROLE_NAMES[rule.assign_role])
    return say(DEFAULT_PERSON)


class RulesModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Rule"),
            self.tr("When"),
            self.tr("Days after"),
            self.tr("To whom"),
            self.tr("Priority"),
            self.tr("Tries"),
            self.tr("Active"),
        )

    def cell(self, rule: RuleRow, column: int) -> str:
        if column == 0:
            return rule.name
        if column == 1:
            return when_text(rule)
        if column == 2:
            return ", ".join(rule.offsets.split(","))
        if column == 3:
            return whom_text(rule)
        if column == 4:
            return priority_text(rule.priority)
        if column == 5:
            return str(rule.max_attempts)
        return self.tr("on") if rule.active else self.tr("off")


class ReminderRulesBox(SettingsBox):
    """The rules table; New / Edit (Enter, double-click) / Switch on-off for managers."""

    permission = Permission.WORK_REMINDERS

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("reminderRulesBox")
        self.runner = runner
        self.editable = False
        self.dialog: RuleDialog | None = None
        self.model = RulesModel(self)
        self.table = QTableView()
        self.table.setObjectName("reminderRulesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # "when" takes the rest
        self.table.setMinimumHeight(240)
        self.table.activated.connect(lambda _index: self.edit_rule())  # Enter, double-click
        self.new_button = QPushButton()
        self.new_button.setObjectName("newRuleButton")
        self.new_button.clicked.connect(self.new_rule)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editRuleButton")
        self.edit_button.clicked.connect(self.edit_rule)
        self.toggle_button = QPushButton()
        self.toggle_button.setObjectName("toggleRuleButton")
        self.toggle_button.clicked.connect(self.toggle_rule)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.toggle_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.hint = QLabel()
        self.hint.setObjectName("reminderRulesHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.status = QLabel()
        self.status.setObjectName("reminderRulesStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.status)
        self.setMaximumWidth(1080)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Reminder rules"))
        self.new_button.setText(self.tr("&New rule…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.toggle_button.setText(self.tr("Switch on/o&ff"))
        self.hint.setText(
            self.tr(
                "Each rule makes reminders when its event happens: one for each number of "
                "days after it. Switching a rule off stops new reminders; those already made "
                "stay on the lists."
            )
            if self.editable
            else self.tr("Only a manager can change the reminder rules.")
        )
        self.model.set_rows(self.model.rows)  # headers and words in the new language

    def bound(self) -> None:
        self.editable = self.allows(Permission.EDIT_REMINDER_RULES)
        for button in (self.new_button, self.edit_button, self.toggle_button):
            button.setVisible(self.editable)
        self.status.clear()
        self.retranslate()
        if self.shown:
            self.reload()

    def reload(self, then_select: object = None) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return

        def loaded(rules: list[RuleRow]) -> None:
            self.model.set_rows(rules)
            ids = [rule.id for rule in rules]
            if then_select in ids:
                self.table.selectRow(ids.index(then_select))

        self.runner.run(lambda: reminder_rules.list_rules(database, actor), loaded, self._failed)

    def current(self) -> RuleRow | None:
        index: QModelIndex = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def new_rule(self) -> None:
        self._open(None)

    def edit_rule(self) -> None:
        rule = self.current()
        if rule is not None:
            self._open(rule)

    def _open(self, rule: RuleRow | None) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None or not self.editable:
            return
        from desktop_app.ui.reminder_rule_dialog import Choices

        def choices() -> Choices:
            items = catalogue.items(database, actor)
            people = lookups.staff_choices(database, actor, list(Role))
            return Choices(
                tuple(item.name for item in items),
                tuple(sorted({item.category for item in items})),
                tuple(people),
            )

        self.runner.run(choices, lambda found: self._show(rule, found), self._failed)

    def _show(self, rule: RuleRow | None, choices: Choices) -> None:
        from desktop_app.ui.reminder_rule_dialog import RuleDialog

        assert self.database is not None and self.actor is not None
        dialog = RuleDialog(self.runner, self.database, self.actor, choices, rule, self)
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.conflict.connect(self._conflict)
        dialog.open()

    def toggle_rule(self) -> None:
        rule, database, actor = self.current(), self.database, self.actor
        if rule is None or database is None or actor is None or not self.editable:
            return
        draft = RuleDraft(
            rule.name,
            rule.trigger,
            rule.offsets,
            item=rule.item,
            category=rule.category,
            assign_role=rule.assign_role,
            assign_staff_id=rule.assign_staff_id,
            script=rule.script,
            priority=rule.priority,
            max_attempts=rule.max_attempts,
            active=not rule.active,
        )
        self.runner.run(
            lambda: reminder_rules.save_rule(database, actor, draft, rule.id, rule.version),
            self._saved,
            self._failed,
        )

    def _saved(self, rule: RuleRow) -> None:
        self.status.setStyleSheet("")
        text = self.tr("Saved: {name} is on.") if rule.active else self.tr("Saved: {name} is off.")
        self.status.setText(text.format(name=rule.name))
        self.reload(then_select=rule.id)

    def _conflict(self, exc: ConflictError) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        who, when = changed_by(exc)
        self.status.setText(
            self.tr(
                "{who} changed this rule at {when}, after you opened it. Yours was not saved; "
                "the list now shows theirs."
            ).format(who=who, when=when)
        )
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self._conflict(exc)
            return
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            from desktop_app.ui.reminder_rule_dialog import rule_error_text

            self.status.setText(rule_error_text(exc))
        else:
            self.status.setText(" ".join(describe(exc)))
