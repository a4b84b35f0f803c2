"""Settings › Backup: a manager backs up, sets the schedule and restores by keyboard, with
the file dialog and the confirmation stubbed; others do not see the box."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop_app import station
from desktop_app.models import Role
from desktop_app.services import backup, clinic_key
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.backup_box import BackupBox
from desktop_app.ui.tasks import SyncRunner
from tests.test_backup import _count

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def press(qtbot, widget, key=Qt.Key.Key_Space) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key)


@pytest.fixture
def box(qtbot, database, manager):
    register_patient(database, manager, PatientDraft("张三", mobile="13800131234"))
    asked: list[str] = []
    chosen: list[str] = []

    def confirm(_parent, text: str) -> bool:
        asked.append(text)
        return box.answer

    box = BackupBox(SyncRunner(), choose_file=lambda _p: chosen[-1] if chosen else "",
                    confirm=confirm)  # fmt: skip
    box.asked, box.chosen, box.answer = asked, chosen, True
    qtbot.addWidget(box)
    box.bind(database, manager)
    box.show()
    return box


def test_back_up_now_says_where_the_verified_file_went(qtbot, box, isolated_station):
    press(qtbot, box.back_up_button)
    [made] = (isolated_station / "data" / "backups").iterdir()
    assert box.status.text() == f"Backed up and verified: {made}"
    assert backup.verify(made).counts["patients"] == 1
    assert box.back_up_button.isEnabled()


def test_the_schedule_is_set_by_keyboard_and_kept_for_this_station(qtbot, box):
    assert "No scheduled backup has run" in box.last.text()
    press(qtbot, box.enabled)
    box.at.setFocus()
    qtbot.keyClicks(box.at, "0630")
    box.keep.selectAll()
    qtbot.keyClicks(box.keep, "14")
    press(qtbot, box.save_button)
    assert box.status.text() == "Schedule saved."
    saved = station.load().backup
    assert (saved.enabled, saved.at, saved.keep) == (True, "06:30", 14)


def test_restore_asks_first_then_says_where_the_old_data_went(
    qtbot, box, database, manager, tmp_path
):
    made = backup.backup(database, manager, tmp_path / "b.cdbackup").path
    register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    box.chosen.append(str(made))
    database.dispose()

    box.answer = False
    press(qtbot, box.restore_button)
    [question] = box.asked
    assert "1 patients" in question and "A backup of the current data is made first" in question
    assert _count(database, "patients") == 2
    database.dispose()

    box.answer = True
    with qtbot.waitSignal(box.restored) as signal:
        press(qtbot, box.restore_button)
    assert isinstance(signal.args[0], backup.RestoreResult)
    assert "The data as it was before is backed up in" in box.status.text()
    assert str(signal.args[0].pre_restore) in box.status.text()
    assert _count(database, "patients") == 1


def test_a_damaged_backup_is_refused_in_the_box(qtbot, box, database, manager, tmp_path):
    made = backup.backup(database, manager, tmp_path / "b.cdbackup").path
    made.write_bytes(made.read_bytes()[:-1])
    box.chosen.append(str(made))
    fired: list[object] = []
    box.restored.connect(fired.append)
    press(qtbot, box.restore_button)
    assert "could not be decrypted" in box.status.text()
    assert box.asked == [] and fired == []
    assert box.restore_button.isEnabled()


def test_a_file_that_is_no_backup_is_named_as_such(qtbot, box, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    box.chosen.append(str(tmp_path / "notes.txt"))
    press(qtbot, box.restore_button)
    assert box.status.text() == (
        "The backup or restore did not go through. notes.txt is not a Clinic Desk backup file."
    )


def test_cancelling_the_file_dialog_does_nothing(qtbot, box):
    press(qtbot, box.restore_button)
    assert box.asked == [] and box.status.text() == ""


def test_the_last_scheduled_result_is_shown(qtbot, box, database, manager):
    settings = station.load()
    settings.backup.last_run = dt.datetime(2026, 3, 1, 13, 0, tzinfo=dt.UTC).isoformat()
    settings.backup.last_result = "failed: The disk is full."
    station.save(settings)
    box.bind(database, manager)
    assert "failed: The disk is full." in box.last.text()


def test_others_do_not_see_it(qtbot, database, manager):
    clinic_key.ensure_key(database, manager)
    nurse = create_staff(
        database, manager, NewStaff("nurse", "护士", Role.NURSE, "correct horse battery")
    )
    box = BackupBox(SyncRunner())
    qtbot.addWidget(box)
    box.bind(database, nurse)
    assert box.isHidden()
