"""Settings shared by the whole clinic (stored in the database, not on one station)."""

from __future__ import annotations

from desktop_app.db import Database
from desktop_app.models import ClinicSetting
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.permissions import Permission, require

CLINIC_NAME = "clinic_name"


def get(database: Database, key: str, default: str = "") -> str:
    with unit_of_work(database, write=False) as session:
        row = session.get(ClinicSetting, key)
        return row.value if row else default


def put(database: Database, actor: Actor, key: str, value: str) -> None:
    require(actor, Permission.EDIT_CLINIC_SETTINGS)
    with unit_of_work(database) as session:
        row = session.get(ClinicSetting, key)
        old = row.value if row else None
        if row is None:
            session.add(ClinicSetting(key=key, value=value, updated_by_id=actor.staff_id))
        else:
            row.value = value
            row.updated_by_id = actor.staff_id
        audit.record(session, actor, "change", "clinic_setting", key, old=old, new=value)
