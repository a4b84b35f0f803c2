"""Column mappings a clinic corrected in the import wizard, kept for files shaped alike.

A clinic exports from the same old system again and again; once someone has said that
"客户电话2" is the mobile, the next file with that header maps itself. Kept in the clinic
settings under a key derived from the header's cells, so every station shares it.
"""

from __future__ import annotations

import hashlib
import json

from sqlalchemy.orm import Session

from desktop_app.models import ClinicSetting
from desktop_app.services import audit, import_reading
from desktop_app.services.context import Actor
from desktop_app.services.errors import ValidationError

KEY_PREFIX = "import_mapping:"


def mapping_key(headers: list[str]) -> str:
    """The settings key of a header: its cells compared as find_header compares them."""
    text = "\x1f".join(import_reading.header_key(cell) for cell in headers)
    return KEY_PREFIX + hashlib.sha1(text.encode()).hexdigest()


def saved_mapping(session: Session, headers: list[str]) -> dict[str, int] | None:
    row = session.get(ClinicSetting, mapping_key(headers))
    if row is None:
        return None
    try:
        columns = json.loads(row.value)
        check_mapping(columns, len(headers))
    except (ValueError, TypeError, AttributeError):
        return None  # written by a newer version, or damaged: map automatically instead
    return {str(name): int(index) for name, index in columns.items()}


def store_mapping(
    session: Session, actor: Actor, headers: list[str], columns: dict[str, int]
) -> None:
    key = mapping_key(headers)
    value = json.dumps(columns, sort_keys=True)
    row = session.get(ClinicSetting, key)
    if row is None:
        session.add(ClinicSetting(key=key, value=value, updated_by_id=actor.staff_id))
    else:
        row.value = value
        row.updated_by_id = actor.staff_id
    session.flush()
    named = {name: headers[index] for name, index in columns.items()}
    audit.record(session, actor, "change", "import_mapping", key, columns=named)


def check_mapping(columns: dict[str, int], width: int) -> None:
    """Known fields, columns inside the header, none used twice, and the name mapped."""
    unknown = set(columns) - set(import_reading.COLUMN_ALIASES)
    if unknown:
        raise ValidationError("mapping", "unknown_field", f"Unknown fields: {sorted(unknown)}.")
    indexes = list(columns.values())
    if any(not isinstance(i, int) or not 0 <= i < max(width, 1) for i in indexes):
        raise ValidationError("mapping", "no_such_column", "A field is mapped to no column.")
    if len(set(indexes)) != len(indexes):
        raise ValidationError("mapping", "column_twice", "One column is mapped to two fields.")
    if "name" not in columns:
        raise ValidationError(
            "mapping", "name_unmapped", "Choose the column that holds the patient's name."
        )
