"""Settings › Staff and Settings › Permissions: a manager looks after accounts by keyboard,
refusals show where they belong; the matrix shown is exactly the one checked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.models import Role
from desktop_app.services import staff, staff_admin
from desktop_app.services.errors import AuthenticationError
from desktop_app.services.permissions import MATRIX, Permission
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.permissions_view import ALLOWED_MARK, PERMISSION_NAMES, PermissionsBox
from desktop_app.ui.staff_settings import StaffBox
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
PASSWORD = "front desk pw 1"


@pytest.fixture
def box(qtbot, database, manager) -> StaffBox:
    box = StaffBox(SyncRunner())
    qtbot.addWidget(box)
    box.bind(database, manager)
    box.show()
    return box


def cells(box: StaffBox) -> list[list[str]]:
    model = box.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def press(qtbot, widget, key=Qt.Key.Key_Space) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key)


def select(qtbot, box: StaffBox, username: str) -> None:
    """Arrow keys in the table down to the person."""
    box.table.setFocus()
    qtbot.keyClick(box.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(box.model.rowCount() + 1):
        if box.current() is not None and box.current().username == username:
            return
        qtbot.keyClick(box.table, Qt.Key.Key_Down)
    assert box.current() is not None and box.current().username == username


def test_a_manager_adds_an_account_by_keyboard_and_errors_show_at_the_field(qtbot, box, database):
    assert cells(box) == [["王店长", "boss", "Manager", "yes", ""]]
    press(qtbot, box.new_button)
    dialog = box.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.username)
    type_text(qtbot, dialog.username, "amy")
    qtbot.keyClick(dialog.username, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "艾米")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "short")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "short")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # Enter saves
    error = dialog.form.errors["password"]
    assert dialog.isVisible() and error.isVisible()
    assert error.text() == "Use at least 10 characters (a short phrase is easiest)."
    assert QApplication.focusWidget() is dialog.password  # the field with the problem
    assert [row[1] for row in cells(box)] == ["boss"]

    dialog.password.clear()
    type_text(qtbot, dialog.password, PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.form.errors["password_again"].text() == "The two passwords are not the same."
    dialog.again.clear()
    type_text(qtbot, dialog.again, PASSWORD)
    dialog.roles.boxes[Role.NURSE].setChecked(True)
    qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert box.status.text() == "Saved: 艾米."
    assert ["艾米", "amy", "Receptionist, Nurse", "yes", ""] in cells(box)
    assert staff.sign_in(database, "amy", PASSWORD).roles == {Role.RECEPTIONIST, Role.NURSE}


def test_roles_by_keyboard_and_at_least_one(qtbot, box, database, manager):
    create_staff(database, manager, NewStaff("amy", "Amy", Role.RECEPTIONIST, PASSWORD))
    box.reload()
    select(qtbot, box, "amy")
    qtbot.keyClick(box.table, Qt.Key.Key_Return)  # Enter opens the person's roles
    dialog = box.dialog
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "staffRolesDialog"
    receptionist = dialog.roles.boxes[Role.RECEPTIONIST]
    press(qtbot, receptionist)  # Space unticks it: no role left
    qtbot.keyClick(dialog.main, Qt.Key.Key_Return)
    error = dialog.form.errors["roles"]
    assert dialog.isVisible() and error.isVisible() and error.text() == "Tick at least one role."

    press(qtbot, dialog.roles.boxes[Role.CONSULTANT])
    dialog.main.setFocus()
    qtbot.keyClick(dialog.main, Qt.Key.Key_Down)  # receptionist → consultant, the main role
    assert dialog.main.currentData() == Role.CONSULTANT
    qtbot.keyClick(dialog.main, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert ["Amy", "amy", "Consultant", "yes", ""] in cells(box)


def test_disable_enable_and_the_refusals(qtbot, box, database, manager):
    create_staff(database, manager, NewStaff("amy", "Amy", Role.RECEPTIONIST, PASSWORD))
    box.reload()
    select(qtbot, box, "boss")
    assert box.active_button.text() == "&Disable"
    press(qtbot, box.active_button)
    assert box.status.text() == "You cannot disable your own account."
    assert all(row[3] == "yes" for row in cells(box))

    select(qtbot, box, "amy")
    press(qtbot, box.active_button)
    assert ["Amy", "amy", "Receptionist", "disabled", ""] in cells(box)
    assert box.current().username == "amy" and box.active_button.text() == "&Enable"
    with pytest.raises(AuthenticationError):
        staff.sign_in(database, "amy", PASSWORD)
    press(qtbot, box.active_button)
    assert ["Amy", "amy", "Receptionist", "yes", ""] in cells(box)


def test_reset_password_unlocks_and_a_stale_view_is_told(qtbot, box, database, manager):
    amy = create_staff(database, manager, NewStaff("amy", "Amy", Role.RECEPTIONIST, PASSWORD))
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            staff.sign_in(database, "amy", "wrong password")
    box.reload()
    [locked] = [row for row in cells(box) if row[1] == "amy"]
    assert locked[4].startswith("until ")

    select(qtbot, box, "amy")
    press(qtbot, box.password_button)
    dialog = box.dialog
    assert dialog is not None and dialog.objectName() == "resetPasswordDialog"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)
    type_text(qtbot, dialog.password, "a new pass phrase")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
    type_text(qtbot, QApplication.focusWidget(), "a new pass phrase")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert ["Amy", "amy", "Receptionist", "yes", ""] in cells(box)
    assert staff.sign_in(database, "amy", "a new pass phrase").username == "amy"

    select(qtbot, box, "amy")
    press(qtbot, box.roles_button)
    dialog = box.dialog
    seen = box.current()
    staff_admin.set_active(database, manager, amy.staff_id, False, seen.version)  # meanwhile
    press(qtbot, dialog.roles.boxes[Role.NURSE])
    qtbot.keyClick(dialog.main, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert box.status.text().startswith("王店长 changed this account at ")
    assert ["Amy", "amy", "Receptionist", "disabled", ""] in cells(box)


def test_only_managers_see_the_staff_box(qtbot, database, manager):
    nurse = create_staff(database, manager, NewStaff("nina", "Nina", Role.NURSE, PASSWORD))
    box = StaffBox(SyncRunner())
    qtbot.addWidget(box)
    box.bind(database, nurse)
    assert box.isHidden() and box.model.rowCount() == 0


def test_the_permissions_box_shows_exactly_the_matrix(qtbot, database, manager):
    view = PermissionsBox()
    qtbot.addWidget(view)
    view.bind(database, manager)
    table = view.table
    assert table.rowCount() == len(Permission) and table.columnCount() == len(Role)
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Receptionist", "Consultant", "Doctor", "Nurse", "Manager"]
    shown = {
        (permission, role)
        for row, permission in enumerate(Permission)
        for column, role in enumerate(Role)
        if table.item(row, column).text() == ALLOWED_MARK
    }
    assert shown == {(p, role) for role, held in MATRIX.items() for p in held}
    names = [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]
    assert names[list(Permission).index(Permission.MANAGE_STAFF)] == (
        "Manage staff accounts and roles"
    )
    assert set(PERMISSION_NAMES) == {p.value for p in Permission}, "name every permission"
    assert len(set(names)) == len(names)


def test_the_sign_in_page_is_told_until_when_an_account_is_locked(qapp, database):
    from datetime import UTC, datetime

    from desktop_app.services.errors import AccountLockedError
    from desktop_app.ui.messages import describe

    until = datetime(2026, 11, 24, 9, 5, tzinfo=UTC)
    headline, _detail = describe(AccountLockedError(until))
    assert headline == (
        f"Too many wrong passwords: this account is locked until "
        f"{until.astimezone():%H:%M}. Try again then, or ask a manager to reset the password."
    )
