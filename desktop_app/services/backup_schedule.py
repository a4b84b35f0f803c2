"""This workstation's daily backup: when it is due, running it, keeping the newest N.

The schedule lives in the station's settings (``station.BackupSchedule``), not the
clinic's: it belongs to the computer holding the SQLite file, or the one chosen to back up
the server, and the backups folder is on that computer's disk. The app's timer calls
``run_if_due`` every few minutes; a day the computer was off is caught up at its next start.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from desktop_app import station
from desktop_app.db import Database
from desktop_app.services import backup
from desktop_app.services.backup_format import SUFFIX
from desktop_app.services.context import Actor
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

LABEL = "scheduled"
# Only the files this schedule wrote are ever pruned: never one a manager named by hand.
_OURS = re.compile(r"^clinic-desk-\d{8}-\d{6}-" + LABEL + re.escape(SUFFIX) + "$")
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def at_time(schedule: station.BackupSchedule) -> dt.time:
    found = _TIME.match(schedule.at)
    return dt.time(int(found[1]), int(found[2])) if found else dt.time(21)


def due(now: dt.datetime, last_run: dt.datetime | None, schedule: station.BackupSchedule) -> bool:
    """Whether a backup is owed: the latest daily slot at or before ``now`` (local time)
    has passed since ``last_run``. Aware datetimes."""
    if not schedule.enabled:
        return False
    local = now.astimezone()
    slot = dt.datetime.combine(local.date(), at_time(schedule), local.tzinfo)
    if slot > local:
        slot -= dt.timedelta(days=1)
    return last_run is None or last_run < slot


def last_run(schedule: station.BackupSchedule) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(schedule.last_run) if schedule.last_run else None
    except ValueError:
        return None


def set_schedule(
    database: Database, actor: Actor, enabled: bool, at: dt.time, keep: int
) -> station.BackupSchedule:
    """Save this station's schedule (managers)."""
    require(actor, Permission.BACKUP, database)
    if not 1 <= keep <= 365:
        raise ValidationError("keep", "range", "Keep between 1 and 365 backups.", low=1, high=365)
    settings = station.load()
    settings.backup.enabled, settings.backup.keep = enabled, keep
    settings.backup.at = f"{at.hour:02d}:{at.minute:02d}"
    station.save(settings)
    return settings.backup


def run_if_due(database: Database, now: dt.datetime | None = None) -> backup.BackupResult | None:
    """The app's timer: back up if the schedule says so, else nothing."""
    now = now or dt.datetime.now(dt.UTC)
    schedule = station.load().backup
    if not due(now, last_run(schedule), schedule):
        return None
    return run_scheduled(database, now)


def run_scheduled(database: Database, now: dt.datetime | None = None) -> backup.BackupResult:
    """Back up into the schedule's folder and prune the oldest of its own beyond ``keep``.

    The attempt is recorded whether it worked or not (a failing backup retried every few
    minutes would fill the disk with work files and the log with errors: it waits a day,
    and Settings shows the failure). Runs as the station, not as whoever is signed in."""
    now = now or dt.datetime.now(dt.UTC)
    settings = station.load()
    schedule = settings.backup
    folder = backup.backups_folder(schedule.folder)
    try:
        result = backup.write_backup(database, None, folder / backup.backup_name(LABEL, now))
    except Exception as exc:
        _record(now, f"failed: {exc}")
        raise
    prune(folder, schedule.keep)
    _record(now, str(result.path))
    return result


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete this schedule's backups beyond the newest ``keep``; the deleted ones."""
    ours = sorted(p for p in folder.iterdir() if _OURS.match(p.name)) if folder.is_dir() else []
    gone = ours[: max(len(ours) - keep, 0)]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def _record(now: dt.datetime, result: str) -> None:
    settings = station.load()  # fresh: the UI may have saved other settings meanwhile
    settings.backup.last_run = now.astimezone(dt.UTC).isoformat()
    settings.backup.last_result = result
    station.save(settings)
