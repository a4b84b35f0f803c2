"""Settings › Reminder rules: a manager edits by keyboard, errors at the field, a rule changed
meanwhile is not overwritten, and a nurse reads the rules without changing them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.models import Priority, Role, Trigger
from desktop_app.services import reminder_rules
from desktop_app.station import StationSettings
from desktop_app.ui.settings_page import SettingsPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.photo_clinic import make_clinic

HYDRA = "水光针复购提醒"


@pytest.fixture
def clinic(sqlite_database):
    return make_clinic(sqlite_database)


def box_for(qtbot, clinic, who="manager"):
    page = SettingsPage(StationSettings(), SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people[who])
    page.show()
    return page.reminder_rules


def rule_named(clinic, name):
    rules = reminder_rules.list_rules(clinic.database, clinic.people["manager"])
    return next(rule for rule in rules if rule.name == name)


def open_rule(qtbot, box, name):
    """Select the rule's line and press Enter, as a manager at the keyboard does."""
    row = next(i for i, rule in enumerate(box.model.rows) if rule.name == name)
    box.table.setFocus()
    box.table.setCurrentIndex(box.model.index(row, 0))
    qtbot.keyClick(box.table, Qt.Key.Key_Return)
    assert box.dialog is not None and box.dialog.isVisible()
    return box.dialog


def test_the_table_says_when_to_whom_and_how_often(qtbot, clinic):
    box = box_for(qtbot, clinic)
    assert box.isVisible() and box.new_button.isVisible()
    lines = {
        box.model.data(box.model.index(r, 0)): [
            box.model.data(box.model.index(r, c)) for c in range(box.model.columnCount())
        ]
        for r in range(box.model.rowCount())
    }
    assert lines[HYDRA][1:] == [
        "Treatment done: 水光针",
        "28",
        "The patient's consultant, else any",
        "Normal",
        "3",
        "on",
    ]
    post_op = lines["注射术后回访"]
    assert post_op[1:4] == [
        "Treatment done: every 注射 item",
        "1, 3, 7, 30",
        "Treating nurse / consultant (default)",
    ]
    assert lines["久未到院回访"][-1] == "off"


def test_a_manager_changes_the_hydra_rule_to_30_days(qtbot, clinic):
    box = box_for(qtbot, clinic)
    dialog = open_rule(qtbot, box, HYDRA)
    assert dialog.offsets.text() == "28" and dialog.item.currentText() == "水光针"
    assert dialog.assign.currentText() == "The patient's consultant, else any"
    dialog.offsets.selectAll()
    qtbot.keyClicks(dialog.offsets, "30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = rule_named(clinic, HYDRA)
    assert (saved.offsets, saved.item, saved.assign_role, saved.version) == (
        "30",
        "水光针",
        Role.CONSULTANT,
        2,
    )
    assert "questions" not in saved.script and saved.script.count("\n") == 2  # kept as it was
    current = box.current()
    assert current is not None and current.name == HYDRA and current.offsets == "30"
    assert box.status.text() == f"Saved: {HYDRA} is on."


def test_bad_days_are_refused_at_their_field_and_nothing_is_saved(qtbot, clinic):
    box = box_for(qtbot, clinic)
    dialog = open_rule(qtbot, box, HYDRA)
    dialog.offsets.setText("1, x, 7")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.form.errors["rule_offsets"]
    assert dialog.isVisible() and error.isVisible()
    assert error.text().startswith("Days after the event, 0 to 3650")
    assert rule_named(clinic, HYDRA).offsets == "28"

    dialog.offsets.setText("28, 56")
    dialog.trigger.setCurrentIndex(dialog.trigger.findData(Trigger.BIRTHDAY))
    assert not dialog.item.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert error.text() == "This kind of rule takes one number of days."
    assert rule_named(clinic, HYDRA).trigger == Trigger.TREATMENT


def test_a_new_category_rule_for_a_person(qtbot, clinic):
    box = box_for(qtbot, clinic)
    qtbot.mouseClick(box.new_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    assert dialog is not None and dialog.rule is None
    dialog.name.setText("光电术后回访")
    dialog.item.setCurrentIndex(dialog.item.findText("every 光电 item"))
    dialog.offsets.setText("2，14")
    dialog.assign.setCurrentIndex(dialog.assign.findText("王医生 (Doctor)"))
    dialog.script.setPlainText("有无红肿？\n\n对效果满意吗？")
    dialog.priority.setCurrentIndex(dialog.priority.findData(Priority.HIGH))
    dialog.max_attempts.setValue(5)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves the dialog
    made = rule_named(clinic, "光电术后回访")
    assert (made.trigger, made.category, made.item, made.offsets) == (
        Trigger.TREATMENT,
        "光电",
        None,
        "2,14",
    )
    assert made.assign_staff_id == clinic.people[Role.DOCTOR].staff_id
    assert (made.script, made.priority, made.max_attempts) == (
        "有无红肿？\n对效果满意吗？",
        Priority.HIGH,
        5,
    )
    assert "光电术后回访" in [rule.name for rule in box.model.rows]


def test_a_rule_changed_meanwhile_is_not_overwritten(qtbot, clinic):
    box = box_for(qtbot, clinic)
    dialog = open_rule(qtbot, box, HYDRA)
    seen = rule_named(clinic, HYDRA)
    other = reminder_rules.RuleDraft(
        seen.name, seen.trigger, "35", item=seen.item, assign_role=seen.assign_role
    )
    reminder_rules.save_rule(
        clinic.database, clinic.people["manager"], other, seen.id, seen.version
    )
    dialog.offsets.setText("30")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert rule_named(clinic, HYDRA).offsets == "35"  # theirs stays
    assert "changed this rule" in box.status.text() and "王店长" in box.status.text()
    assert next(r for r in box.model.rows if r.name == HYDRA).offsets == "35"  # reloaded


def test_switching_a_rule_off_and_on(qtbot, clinic):
    box = box_for(qtbot, clinic)
    row = next(i for i, rule in enumerate(box.model.rows) if rule.name == HYDRA)
    box.table.selectRow(row)
    qtbot.mouseClick(box.toggle_button, Qt.MouseButton.LeftButton)
    assert not rule_named(clinic, HYDRA).active
    assert box.status.text() == f"Saved: {HYDRA} is off."
    qtbot.mouseClick(box.toggle_button, Qt.MouseButton.LeftButton)  # the same line, reselected
    assert rule_named(clinic, HYDRA).active


def test_a_nurse_reads_the_rules_but_cannot_change_them(qtbot, clinic):
    box = box_for(qtbot, clinic, Role.NURSE)
    assert box.isVisible() and box.model.rowCount() >= 9
    assert not any(b.isVisible() for b in (box.new_button, box.edit_button, box.toggle_button))
    assert box.hint.text() == "Only a manager can change the reminder rules."
    box.table.setFocus()
    box.table.setCurrentIndex(box.model.index(0, 0))
    qtbot.keyClick(box.table, Qt.Key.Key_Return)
    assert box.dialog is None
    box.toggle_rule()  # even if called, nothing changes
    assert all(rule.version == 1 for rule in box.model.rows)


def test_signed_out_nothing_is_shown(qtbot, clinic):
    box = box_for(qtbot, clinic, Role.RECEPTIONIST)  # every role works reminders: it reads
    assert box.isVisible() and not box.new_button.isVisible()
    page = box.window()
    page.bind(None, None)
    assert box.isHidden()
