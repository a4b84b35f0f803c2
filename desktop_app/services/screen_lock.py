"""The idle lock: after some minutes without a key or a click the window hides patient data
behind a lock screen (ui/idle_lock.py). The minutes are the clinic's setting (default 5,
1 to 60); locking is audited like signing in and out, so the log shows who left a
station open and when it closed itself.
"""

from __future__ import annotations

from desktop_app.db import Database
from desktop_app.services import audit, clinic_settings
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

KEY = "idle_lock_minutes"
DEFAULT_MINUTES = 5
LIMITS = (1, 60)


def lock_minutes(database: Database) -> int:
    raw = clinic_settings.get(database, KEY)
    return int(raw) if raw.isdigit() else DEFAULT_MINUTES


def set_lock_minutes(database: Database, actor: Actor, minutes: int) -> None:
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    low, high = LIMITS
    if not low <= minutes <= high:
        raise ValidationError(
            "minutes", "range", f"Between {low} and {high} minutes.", min=low, max=high
        )
    clinic_settings.put(database, actor, KEY, str(minutes))


def screen_locked(database: Database, actor: Actor, idle_minutes: int) -> None:
    """The station locked itself (or was locked by hand): audited, nothing else."""
    with unit_of_work(database) as session:
        audit.record(session, actor, "lock", "session", actor.staff_id, idle_minutes=idle_minutes)
