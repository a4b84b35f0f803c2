"""The idle lock (issue 10): after the clinic's minutes without input the window hides the
workspace and every open dialog behind a lock screen and its actions stop; the same person
unlocks with their password and finds everything as it was; someone else signing in gets a
clean workspace with the first person's windows closed. Locking is audited."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_app.db import Database
from desktop_app.models import AuditEvent, Role
from desktop_app.services import screen_lock
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.staff import sign_in as service_sign_in
from tests.conftest import MANAGER_PASSWORD
from tests.support.databases import sqlite_url
from tests.support.keyboard import type_text
from tests.test_ui_startup import make_window, set_up_clinic, sign_in

NURSE_PASSWORD = "nurse password 1"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def signed_in(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    database = Database(url)
    boss = service_sign_in(database, "boss", MANAGER_PASSWORD)
    create_staff(database, boss, NewStaff("nurse", "护士小李", Role.NURSE, NURSE_PASSWORD))
    screen_lock.set_lock_minutes(database, boss, 3)
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    clock = Clock()
    watch = window.window_lock.watch
    watch.clock = clock
    watch.last_input = clock.now
    yield window, database, clock
    database.dispose()


def idle_for(window, clock, seconds: float) -> None:
    clock.now += seconds
    window.window_lock.watch.check()


def audited(database, action: str) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(
            sa.select(sa.func.count()).select_from(AuditEvent).where(AuditEvent.action == action)
        )


def open_dialog(qtbot, window) -> QDialog:
    dialog = QDialog(window)
    dialog.setWindowTitle("张三丰's record")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_screen_locks_after_the_clinics_minutes_and_the_same_person_unlocks(qtbot, signed_in):
    window, database, clock = signed_in
    assert window.window_lock.watch.minutes == 3
    dialog = open_dialog(qtbot, window)
    idle_for(window, clock, 2 * 60)
    assert window.root.currentWidget() is window.workspace  # not yet
    qtbot.keyClick(window.workspace, Qt.Key.Key_Shift)  # someone is here: the clock restarts
    idle_for(window, clock, 2 * 60)
    assert window.root.currentWidget() is window.workspace
    idle_for(window, clock, 60)

    lock = window.window_lock.screen
    assert window.root.currentWidget() is lock and not dialog.isVisible()
    assert not window.new_patient_action.isEnabled()  # no Ctrl+N over the lock screen
    assert audited(database, "lock") == 1
    type_text(qtbot, lock.password, "wrong password")
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)
    assert window.root.currentWidget() is lock and lock.error.isVisible()

    lock.password.clear()
    type_text(qtbot, lock.password, MANAGER_PASSWORD)
    qtbot.keyClick(lock.password, Qt.Key.Key_Return)

    assert window.root.currentWidget() is window.workspace and dialog.isVisible()
    assert window.new_patient_action.isEnabled()
    assert window.actor.username == "boss"
    assert window.window_lock.watch.minutes == 3  # watching again


def test_someone_else_signing_in_gets_a_clean_workspace(qtbot, signed_in):
    window, database, _clock = signed_in
    dialog = open_dialog(qtbot, window)
    window.lock()  # Ctrl+L
    lock = window.window_lock.screen
    assert window.root.currentWidget() is lock
    type_text(qtbot, lock.other_username, "nurse")
    qtbot.keyClick(lock.other_username, Qt.Key.Key_Return)
    type_text(qtbot, lock.other_password, NURSE_PASSWORD)
    qtbot.keyClick(lock.other_password, Qt.Key.Key_Return)

    assert window.actor.username == "nurse"
    assert window.root.currentWidget() is window.workspace
    assert not dialog.isVisible()  # the manager's window is closed, not waiting for the nurse
    assert audited(database, "sign_out") >= 1 and audited(database, "sign_in") >= 2
    assert window.new_patient_action.isEnabled()


def test_the_minutes_are_the_clinics_between_1_and_60(database, manager, nurse):
    assert screen_lock.lock_minutes(database) == screen_lock.DEFAULT_MINUTES
    screen_lock.set_lock_minutes(database, manager, 10)
    assert screen_lock.lock_minutes(database) == 10
    for wrong in (0, 61):
        with pytest.raises(ValidationError):
            screen_lock.set_lock_minutes(database, manager, wrong)
    from desktop_app.services.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        screen_lock.set_lock_minutes(database, nurse, 10)


def test_managers_set_the_minutes_in_settings(qtbot, database, manager, nurse):
    from desktop_app.ui.lock_settings import LockSettingsBox
    from desktop_app.ui.tasks import SyncRunner

    box = LockSettingsBox(SyncRunner())
    qtbot.addWidget(box)
    box.show()
    box.bind(database, nurse)
    assert not box.minutes.isEnabled() and not box.save.isVisible()
    box.bind(database, manager)
    assert box.minutes.value() == screen_lock.DEFAULT_MINUTES
    box.minutes.setValue(12)
    qtbot.mouseClick(box.save, Qt.MouseButton.LeftButton)
    assert screen_lock.lock_minutes(database) == 12 and "Saved" in box.status.text()
