"""Settings shared by the whole clinic (stored in the database, not on one station)."""

from __future__ import annotations

from desktop_app.db import Database
from desktop_app.models import ClinicSetting
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.permissions import Permission, require

CLINIC_NAME = "clinic_name"
CLINIC_ADDRESS = "clinic_address"  # printed under the name on every document
CLINIC_PHONE = "clinic_phone"


def get(database: Database, key: str, default: str = "") -> str:
    with unit_of_work(database, write=False) as session:
        row = session.get(ClinicSetting, key)
        return row.value if row else default


def put(database: Database, actor: Actor, key: str, value: str) -> None:
    put_many(database, actor, {key: value})


def put_many(database: Database, actor: Actor, values: dict[str, str]) -> None:
    """Save several settings in one transaction, each change in the audit log."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    with unit_of_work(database) as session:
        for key, value in values.items():
            row = session.get(ClinicSetting, key)
            old = row.value if row else None
            if row is None:
                session.add(ClinicSetting(key=key, value=value, updated_by_id=actor.staff_id))
            elif row.value != value:
                row.value = value
                row.updated_by_id = actor.staff_id
            else:
                continue
            audit.record(session, actor, "change", "clinic_setting", key, old=old, new=value)
