"""The main window's part of issue 10: the station's scheduled backup runs from its timer
while someone works, and a restored backup signs everyone out with a plain message."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop_app import station
from tests.support.databases import sqlite_url
from tests.test_ui_startup import make_window, set_up_clinic, sign_in


def test_the_scheduled_backup_runs_from_the_windows_timer(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    folder = tmp_path / "backups"
    settings = station.load()
    settings.backup = dataclasses.replace(
        settings.backup, enabled=True, at="00:00", keep=3, folder=str(folder)
    )
    station.save(settings)
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    assert window.backup_timer.isActive()

    window.backup_if_due()  # the timer's tick

    made = list(Path(folder).glob("*-scheduled.cdbackup"))
    assert len(made) == 1
    window.backup_if_due()  # once per day's slot
    assert len(list(Path(folder).glob("*.cdbackup"))) == 1
    window.sign_out()
    assert not window.backup_timer.isActive()


def test_a_restore_signs_everyone_out_with_a_message(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    window.workspace.settings_page.backup.restored.emit(object())
    assert window.actor is None and window.root.currentWidget() is window.gate
    assert "restored" in window.gate.sign_in.error.text()


def test_settings_says_this_computer_holds_the_key_once_it_is_made(qtbot, qapp, tmp_path):
    from desktop_app.db import Database
    from desktop_app.models import ClinicSetting
    from desktop_app.services import clinic_key
    from desktop_app.services.context import unit_of_work
    from tests.support.memory_keyring import MemoryKeyring

    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    database = Database(url)
    with unit_of_work(database) as session:  # a clinic from before encryption: no key yet
        for name in (clinic_key.KEY_ID, clinic_key.KEY_CHECK):
            session.delete(session.get(ClinicSetting, name))
    database.dispose()
    MemoryKeyring.store.clear()
    clinic_key.forget_cached_keys()
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    security = window.workspace.settings_page.security
    qtbot.waitUntil(lambda: "holds the clinic's key" in security.key_state.text())
