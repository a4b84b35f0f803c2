"""The station's daily backup: when it is due, and keeping only the newest N of its own."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest

from desktop_app import station
from desktop_app.models import Role
from desktop_app.services import backup, backup_schedule
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.station import BackupSchedule


@pytest.fixture
def shanghai(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield dt.timezone(dt.timedelta(hours=8))
    monkeypatch.undo()
    time.tzset()


def test_due_after_the_days_time_once_a_day(shanghai):
    daily = BackupSchedule(enabled=True, at="21:00")

    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2026, 3, day, hour, minute, tzinfo=shanghai)

    assert not backup_schedule.due(at(2, 22), at(2, 21, 1), daily)  # done today
    assert backup_schedule.due(at(2, 21), at(1, 21, 5), daily)  # today's time has come
    assert not backup_schedule.due(at(2, 20, 59), at(1, 21, 5), daily)  # not yet
    assert backup_schedule.due(at(2, 9), at(1, 8), daily)  # yesterday's missed: caught up
    assert backup_schedule.due(at(2, 9), None, daily)  # never run
    # UTC instants compare the same: 13:00 UTC is 21:00 in Shanghai
    assert backup_schedule.due(dt.datetime(2026, 3, 2, 13, tzinfo=dt.UTC), at(1, 21, 5), daily)
    assert not backup_schedule.due(at(2, 22), None, BackupSchedule(enabled=False))
    # a damaged time falls back to 21:00, never to "always"
    assert not backup_schedule.due(at(2, 20), at(1, 21, 5), BackupSchedule(True, "25:99"))


def test_station_settings_keep_a_sane_schedule(isolated_station):
    path = isolated_station / "config" / "station.json"
    path.parent.mkdir(parents=True)
    path.write_text('{"backup": {"enabled": "yes", "at": "06:30", "keep": 0, "x": 1}}')
    loaded = station.load().backup
    assert (loaded.enabled, loaded.at, loaded.keep) == (False, "06:30", 7)


def test_run_scheduled_prunes_only_its_own_oldest(database, manager, tmp_path):
    folder = tmp_path / "backups"
    settings = station.load()
    settings.backup = BackupSchedule(enabled=True, keep=2, folder=str(folder))
    station.save(settings)
    folder.mkdir()
    by_hand = folder / "clinic-desk-20200101-000000-manual.cdbackup"
    by_hand.write_bytes(b"x")
    (folder / "notes.txt").write_text("keep me")
    start = dt.datetime(2026, 3, 1, 13, tzinfo=dt.UTC)
    made = [
        backup_schedule.run_scheduled(database, start + dt.timedelta(days=n)).path for n in range(3)
    ]
    left = sorted(p.name for p in folder.iterdir())
    assert left == sorted([by_hand.name, "notes.txt", made[1].name, made[2].name])
    schedule = station.load().backup
    assert schedule.last_result == str(made[2])
    assert backup_schedule.last_run(schedule) == start + dt.timedelta(days=2)
    assert backup.verify(made[2]).schema_revision is not None


def test_run_if_due_runs_once(database, manager, tmp_path):
    settings = station.load()
    settings.backup = BackupSchedule(enabled=True, at="00:00", folder=str(tmp_path / "b"))
    station.save(settings)
    now = dt.datetime.now(dt.UTC)
    assert backup_schedule.run_if_due(database, now) is not None
    assert backup_schedule.run_if_due(database, now + dt.timedelta(minutes=5)) is None
    assert len(os.listdir(tmp_path / "b")) == 1


def test_a_failure_is_recorded_for_settings_to_show(database, manager, tmp_path, monkeypatch):
    def broken(*args: object) -> None:
        raise backup.BackupError("The disk is full.")

    monkeypatch.setattr(backup, "write_backup", broken)
    with pytest.raises(backup.BackupError):
        backup_schedule.run_scheduled(database)
    assert station.load().backup.last_result == "failed: The disk is full."


def test_only_managers_set_the_schedule(database, manager):
    nurse = create_staff(
        database, manager, NewStaff("nurse", "护士", Role.NURSE, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        backup_schedule.set_schedule(database, nurse, True, dt.time(21), 7)
    with pytest.raises(ValidationError):
        backup_schedule.set_schedule(database, manager, True, dt.time(21), 0)
    saved = backup_schedule.set_schedule(database, manager, True, dt.time(6, 5), 30)
    assert (saved.at, saved.keep) == ("06:05", 30)
    assert station.load().backup.enabled
