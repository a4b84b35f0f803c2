"""The reminder panel by keyboard: sections and counts, the follow-up outcome, snoozes,
handing over, opening the patient, a stale row, and a server that went away (issue 8)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from desktop_app.models import FollowUp, Priority, Reminder, ReminderStatus, Role, Trigger
from desktop_app.services import reminders
from desktop_app.services.context import unit_of_work
from desktop_app.services.reminder_desk import Conflict, ReminderDesk
from desktop_app.services.reminders import Section
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.follow_up_dialog import FollowUpDialog
from desktop_app.ui.reminders_model import readable_phone
from desktop_app.ui.reminders_page import RemindersPage
from desktop_app.ui.tasks import SyncRunner
from tests.conftest import MANAGER_PASSWORD
from tests.test_outages import server_unreachable

TODAY = dt.date.today()
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
on_sqlite = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
on_postgres = pytest.mark.parametrize("database", ["postgresql"], indirect=True)


def add(database, actor, patient_id, days: int, reason: str, **kw) -> uuid.UUID:
    """A manual reminder due ``days`` from today (moved into the past for overdue ones)."""
    made = reminders.add_manual(database, actor, patient_id, TODAY, reason, **kw)
    if days:
        with unit_of_work(database) as session:
            session.get(Reminder, made).due_on = TODAY + dt.timedelta(days=days)
    return made


def stored(database, reminder_id) -> Reminder:
    with unit_of_work(database, write=False) as session:
        reminder = session.get(Reminder, reminder_id)
        session.expunge(reminder)
        return reminder


def reasons(page: RemindersPage) -> list[str]:
    return [row.reason for row in page.model.rows]


def cell(page: RemindersPage, line: int, column: str) -> str:
    return page.model.data(page.model.index(line, page.model.COLUMNS.index(column)))


def make_page(qtbot, database, actor) -> RemindersPage:
    page = RemindersPage(SyncRunner())
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.bind(database, actor)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def open_follow_up(qtbot, page: RemindersPage, *keys) -> FollowUpDialog:
    qtbot.keyClick(page.table, *keys)
    dialog = page.follow_up
    assert isinstance(dialog, FollowUpDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def focus_line(qtbot, page: RemindersPage, reason: str) -> None:
    line = reasons(page).index(reason)
    page.select(line)
    qtbot.waitUntil(page.table.hasFocus)


@pytest.fixture
def worklist(database, nurse, patient, filler):
    """The nurse's list: two overdue, one today, and the filler's post-op calls upcoming."""
    return {
        "late": add(database, nurse, patient.id, -3, "复查 late"),
        "later": add(database, nurse, patient.id, -1, "复查 later"),
        "today": add(database, nurse, patient.id, 0, "复查 today"),
    }


@on_sqlite
def test_sections_show_their_rows_with_counts(qtbot, database, nurse, worklist):
    page = make_page(qtbot, database, nurse)
    assert page.objectName() == "remindersPage"
    assert page.section == Section.OVERDUE  # opens on the first section with something in it
    assert [page.tabs.tabText(i) for i in range(3)] == ["Overdue (2)", "Today (1)", "Upcoming (3)"]
    assert reasons(page) == ["复查 late", "复查 later"]
    assert cell(page, 0, "overdue") == "3"
    assert cell(page, 0, "phone") == "138 0013 1234"
    assert cell(page, 0, "patient").startswith("张三丰")
    assert cell(page, 0, "assignee") == "护士小李"

    page.show_section(Section.UPCOMING)
    assert [cell(page, i, "reason") for i in range(3)] == [
        f"注射术后回访 · 玻尿酸填充 · day {n}" for n in (1, 3, 7)
    ]
    assert cell(page, 0, "due") == (TODAY + dt.timedelta(days=1)).isoformat()
    assert cell(page, 0, "overdue") == ""
    page.show_section(Section.TODAY)
    assert reasons(page) == ["复查 today"]


@on_sqlite
def test_urgent_rows_are_marked(qtbot, database, nurse, patient):
    add(database, nurse, patient.id, 0, "call back", priority=Priority.URGENT)
    page = make_page(qtbot, database, nurse)
    priority = page.model.index(0, page.model.COLUMNS.index("priority"))
    assert page.model.data(priority) == "⚠ Urgent"
    assert page.model.data(priority, Qt.ItemDataRole.FontRole).bold()


def test_enter_then_reached_with_satisfaction_five_closes_the_reminder(
    qtbot, database, nurse, worklist
):
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 late")
    dialog = open_follow_up(qtbot, page, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_R, ALT)  # &Reached
    qtbot.waitUntil(dialog.reached.isChecked)  # a mnemonic clicks the button after ~100 ms
    dialog.satisfaction.setFocus()
    qtbot.keyClicks(dialog.satisfaction, "5")
    assert dialog.satisfaction.currentData() == 5
    dialog.notes.setFocus()
    qtbot.keyClicks(dialog.notes, "no swelling")
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)  # save

    assert not dialog.isVisible()
    assert reasons(page) == ["复查 later"]  # the row left; the next one is selected
    assert page.current_row().reason == "复查 later"
    assert page.tabs.tabText(0) == "Overdue (1)"
    assert "call recorded" in page.message.text()
    assert stored(database, worklist["late"]).status == ReminderStatus.DONE
    with unit_of_work(database, write=False) as session:
        call = session.scalars(sa.select(FollowUp)).one()
        assert (call.reached, call.satisfaction, call.notes) == (True, 5, "no swelling")


@on_sqlite
def test_not_reached_stays_open_for_tomorrow_with_one_try(qtbot, database, nurse, worklist):
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 later")
    dialog = open_follow_up(qtbot, page, Qt.Key.Key_D, CTRL)
    qtbot.keyClick(dialog, Qt.Key.Key_N, ALT)  # &Not reached
    qtbot.waitUntil(dialog.not_reached.isChecked)
    assert not dialog.satisfaction.isEnabled() and not dialog.reaction.isEnabled()
    assert "tried again tomorrow (try 2 of 3)" in dialog.tries.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return, CTRL)

    assert reasons(page) == ["复查 late"]
    page.show_section(Section.UPCOMING)
    line = reasons(page).index("复查 later")
    assert cell(page, line, "tries") == "1/3"
    assert cell(page, line, "due") == (TODAY + dt.timedelta(days=1)).isoformat()


@on_sqlite
def test_the_dialog_asks_for_an_answer_and_lists_the_script(qtbot, database, nurse, filler):
    row = reminders.due_reminders(database, nurse, section=Section.UPCOMING)[0]
    dialog = FollowUpDialog(row)
    qtbot.addWidget(dialog)
    assert dialog.checks, "the post-op rule has a script"
    dialog.accept()  # neither answer chosen
    assert dialog.result() == 0
    assert not dialog.form.errors["reached"].isHidden()
    dialog.reached.setChecked(True)
    dialog.checks[0].setChecked(True)
    dialog.reaction.setCurrentIndex(2)  # needs review by a doctor
    assert dialog.review_note.isVisibleTo(dialog)
    outcome = dialog.outcome()
    assert outcome.asked == (dialog.questions[0],)
    assert outcome.reaction == reminders.Reaction.NEEDS_REVIEW
    last = dataclasses.replace(row, attempts=2)
    final = FollowUpDialog(last)
    qtbot.addWidget(final)
    final.not_reached.setChecked(True)
    assert "last try" in final.tries.text()


def test_one_and_three_snooze_by_days(qtbot, database, nurse, worklist):
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 late")
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    assert stored(database, worklist["late"]).due_on == TODAY + dt.timedelta(days=1)
    assert reasons(page) == ["复查 later"] and page.current_row().reason == "复查 later"
    qtbot.keyClick(page.table, Qt.Key.Key_3)
    assert stored(database, worklist["later"]).due_on == TODAY + dt.timedelta(days=3)
    assert page.tabs.tabText(0) == "Overdue (0)"
    assert page.empty.isVisible()


@on_sqlite
def test_s_snoozes_to_a_picked_day_and_refuses_today(qtbot, database, nurse, worklist):
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 late")
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    dialog = page.dialog
    assert dialog.objectName() == "snoozeDialog"
    picked = dialog.date
    assert picked.date().toPython() == TODAY + dt.timedelta(days=1)
    picked.setDate(picked.date().addDays(-5))  # the field refuses the past and today
    assert picked.date().toPython() == TODAY + dt.timedelta(days=1)
    picked.setDate(picked.date().addDays(9))
    qtbot.keyClick(picked, Qt.Key.Key_Return)
    assert stored(database, worklist["late"]).due_on == TODAY + dt.timedelta(days=10)


def test_r_gives_the_reminder_to_another_nurse(qtbot, database, manager, nurse, worklist):
    other = create_staff(
        database, manager, NewStaff("nurse2", "护士小王", Role.NURSE, MANAGER_PASSWORD)
    )
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 later")
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    dialog = page.dialog
    assert dialog.objectName() == "reassignDialog"
    dialog.choose(staff_id=other.staff_id)
    qtbot.keyClick(dialog.to, Qt.Key.Key_Return)
    assert stored(database, worklist["later"]).assignee_id == other.staff_id
    assert "given to 护士小王" in page.message.text()
    assert reasons(page) == ["复查 late"]  # no longer mine
    page.scope.setCurrentIndex(page.scope.findData(reminders.Scope.ROLE))
    assert cell(page, reasons(page).index("复查 later"), "assignee") == "护士小王"


@on_sqlite
def test_ctrl_o_opens_the_patient_even_under_the_windows_ctrl_o(
    qtbot, database, nurse, patient, worklist
):
    window = QMainWindow()
    qtbot.addWidget(window)
    elsewhere = []
    window_action = QAction(window)
    window_action.setShortcut(QKeySequence("Ctrl+O"))
    window_action.triggered.connect(lambda: elsewhere.append(True))
    window.addAction(window_action)
    page = RemindersPage(SyncRunner())
    window.setCentralWidget(page)
    page.bind(database, nurse)
    window.show()
    qtbot.waitExposed(window)
    focus_line(qtbot, page, "复查 late")
    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_O, CTRL)
    assert opened.args == [patient.id]
    assert elsewhere == []


@on_sqlite
def test_everyone_is_offered_to_managers_only(qtbot, database, manager, nurse, worklist):
    nurse_page = make_page(qtbot, database, nurse)
    scopes = [nurse_page.scope.itemData(i) for i in range(nurse_page.scope.count())]
    assert scopes == [reminders.Scope.MINE, reminders.Scope.ROLE]
    boss_page = make_page(qtbot, database, manager)
    assert boss_page.scope.findData(reminders.Scope.EVERYONE) == 2
    boss_page.scope.setCurrentIndex(2)
    assert boss_page.tabs.tabText(0) == "Overdue (2)"
    assert {cell(boss_page, i, "assignee") for i in range(2)} == {"护士小李"}


@on_sqlite
def test_badge_is_my_overdue_and_today_count(qtbot, database, nurse, worklist):
    page = RemindersPage(SyncRunner())
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.badge_changed) as badge:
        page.bind(database, nurse)  # hidden: the navigation shows it anyway
    assert badge.args == [3]
    page.show()
    page.select(0)
    with qtbot.waitSignal(page.badge_changed) as badge:
        qtbot.keyClick(page.table, Qt.Key.Key_3)
    assert badge.args == [2]
    with qtbot.waitSignal(page.badge_changed) as badge:
        page.bind(None, None)
    assert badge.args == [0]
    assert page.model.rows == [] and not page.timer.isActive()


def test_a_row_changed_elsewhere_is_a_clear_conflict_and_reloads(
    qtbot, database, manager, nurse, worklist
):
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 late")
    reminders.snooze(
        database, manager, worklist["late"], None, TODAY + dt.timedelta(days=5)
    )  # the manager, on another station
    qtbot.keyClick(page.table, Qt.Key.Key_1)
    assert "王店长 changed this reminder" in page.message.text()
    assert "not saved" in page.message.text()
    assert stored(database, worklist["late"]).due_on == TODAY + dt.timedelta(days=5)
    assert reasons(page) == ["复查 later"]  # reloaded: theirs shows


@on_sqlite
def test_a_call_refused_as_stale_can_be_recorded_anyway(qtbot, database, manager, nurse, worklist):
    page = make_page(qtbot, database, nurse)
    focus_line(qtbot, page, "复查 late")
    reminders.snooze(database, manager, worklist["late"], None, TODAY + dt.timedelta(2))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    page.follow_up.reached.setChecked(True)
    page.follow_up.accept()
    assert "changed this reminder" in page.message.text()
    assert page.keep_call.isVisible()
    qtbot.mouseClick(page.keep_call, Qt.MouseButton.LeftButton)
    assert stored(database, worklist["late"]).status == ReminderStatus.DONE
    assert not page.keep_call.isVisible()


class HeldDesk(ReminderDesk):
    """A desk holding one refused offline change (the offline helper's desk does this)."""

    def __init__(self, database, actor, conflict_row) -> None:
        super().__init__(database, actor)
        self.held = [
            Conflict(
                uuid.uuid4(),
                "snooze",
                conflict_row.id,
                dt.datetime(2026, 3, 2, 1, 30, tzinfo=dt.UTC),
                "护士小李",
                "snooze to 2026-03-09",
                conflict_row,
            )
        ]
        self.decisions: list[bool] = []
        self.online = False

    def pending(self) -> int:
        return 2

    def conflicts(self) -> list[Conflict]:
        return list(self.held)

    def resolve(self, conflict: Conflict, keep_mine: bool) -> None:
        self.decisions.append(keep_mine)
        self.held.remove(conflict)


@on_sqlite
def test_offline_desk_shows_the_offline_line_and_its_conflicts(qtbot, database, nurse, worklist):
    page = make_page(qtbot, database, nurse)
    row = page.model.rows[0]
    desk = HeldDesk(database, nurse, row)
    page.set_desk(desk)
    assert page.offline.isVisible()
    # "change(s)": the plural comes from the translation, which tests do not load
    assert "Offline — working from this computer's copy (2 change" in page.offline.text()
    assert page.conflicts_button.isVisible()
    qtbot.mouseClick(page.conflicts_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    text = dialog.list.item(0).text()
    assert "snooze to 2026-03-09" in text and "护士小李" in text and "The server has now" in text
    qtbot.mouseClick(dialog.discard, Qt.MouseButton.LeftButton)
    assert desk.decisions == [False]
    assert not page.conflicts_button.isVisible()


@on_postgres
def test_server_unreachable_says_offline_and_loses_nothing(qtbot, database, nurse, patient):
    late = add(database, nurse, patient.id, -1, "复查 offline")
    page = make_page(qtbot, database, nurse)
    assert reasons(page) == ["复查 offline"]
    with server_unreachable(database):
        qtbot.keyClick(page, Qt.Key.Key_F5)
        assert page.offline.isVisible()
        assert page.offline.text().startswith("Offline —")
        assert reasons(page) == ["复查 offline"]  # from this computer's copy, or as loaded
        page.select(0)
        qtbot.keyClick(page.table, Qt.Key.Key_1)
        queued = page.desk.pending() > 0  # a desk with an offline outbox keeps the change
        if queued:
            assert "(1 change" in page.offline.text()
            assert reasons(page) == []
        else:
            assert "Not saved: the clinic server cannot be reached." in page.message.text()
    page.sync()  # what the page does every minute while offline
    assert not page.offline.isVisible()
    expected = TODAY + dt.timedelta(days=1) if queued else TODAY - dt.timedelta(days=1)
    assert stored(database, late).due_on == expected


def test_readable_phone():
    assert readable_phone("+8613800131234") == "138 0013 1234"
    assert readable_phone("") == ""
    assert readable_phone("+14155552671") == "+1 415-555-2671"


def test_ctrl_page_down_switches_sections_from_the_list(qtbot, database, nurse, patient, filler):
    from desktop_app.ui.reminders_page import RemindersPage
    from desktop_app.ui.tasks import SyncRunner

    page = RemindersPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(database, nurse)
    page.show()
    page.table.setFocus()
    start = page.tabs.currentIndex()
    qtbot.keyClick(page.table, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == (start + 1) % page.tabs.count()
    qtbot.keyClick(page.table, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == start


@on_sqlite
def test_a_lead_row_shows_name_and_phone_and_has_no_record_to_open(
    qtbot, database, nurse, worklist
):
    """A lead (booked by name and mobile) has no record yet: Ctrl+O says so, and the
    open button is off for that line only."""
    from desktop_app.services import reminder_engine
    from desktop_app.services.reminder_engine import Lead, Planned

    planned = Planned(
        None, Trigger.MANUAL, 0, TODAY - dt.timedelta(days=2), "确认预约 lead", Priority.NORMAL,
        3, nurse.staff_id, Role.NURSE,
    )  # fmt: skip
    with unit_of_work(database) as session:
        reminder_engine._create(session, Lead("王小美", "+8613700002222"), uuid.uuid4(), [planned])
    page = make_page(qtbot, database, nurse)
    assert reasons(page) == ["复查 late", "确认预约 lead", "复查 later"]
    line = reasons(page).index("确认预约 lead")
    assert cell(page, line, "patient") == "王小美 (lead)"
    assert cell(page, line, "phone") == "137 0000 2222"

    focus_line(qtbot, page, "确认预约 lead")
    assert not page.buttons["remindersOpen"].isEnabled()
    with qtbot.assertNotEmitted(page.open_record):
        qtbot.keyClick(page.table, Qt.Key.Key_O, CTRL)
    assert page.message.isVisible() and "not registered yet" in page.message.text()
    dialog = open_follow_up(qtbot, page, Qt.Key.Key_Return)  # a call to a lead is recorded
    assert dialog.heading.text().startswith("王小美 (lead) · 137 0000 2222")
    dialog.reject()
    page.select(reasons(page).index("复查 late"))
    assert page.buttons["remindersOpen"].isEnabled()
