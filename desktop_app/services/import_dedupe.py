"""What an import finds already there: rows imported before, patients with the same
mobile or ID number, and filling a duplicate's empty fields when the user asked for it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from desktop_app.models import ImportedRow, Patient
from desktop_app.services import audit
from desktop_app.services.context import Actor
from desktop_app.services.import_rows import Problem

# Filled on a duplicate only where it has nothing (merge_empty); a name is never changed.
MERGED_FIELDS = (
    "sex",
    "birth_date",
    "mobile",
    "id_number",  # before its type and reason, which follow it
    "id_type",
    "id_unverified_reason",
    "source_channel",
    "consultant_id",
    "first_visit_on",
    "notes",
)
# The import's field (import_reading.COLUMN_ALIASES) each filled column is worded as.
FIELD_OF_COLUMN = {
    "sex": "sex",
    "birth_date": "birth_date",
    "mobile": "mobile",
    "id_number": "id_number",
    "source_channel": "source",
    "consultant_id": "consultant",
    "first_visit_on": "first_visit",
    "notes": "note",
}
_CHUNK = 400  # keys per IN list on SQLite: well under its parameter limit


def imported_before(session: Session, file_sha256: str) -> dict[int, str]:
    """Row → record number of each row of this file an earlier run imported."""
    query = (
        sa.select(ImportedRow.row_no, Patient.record_no)
        .join(Patient, Patient.id == ImportedRow.patient_id)
        .where(ImportedRow.file_sha256 == file_sha256)
    )
    return {row: record_no for row, record_no in session.execute(query)}


def existing(
    session: Session, keys: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], tuple[uuid.UUID, str]]:
    """("mobile", "+86…") / ("id_number", "…") → (patient, record number) for those in use."""
    found: dict[tuple[str, str], tuple[uuid.UUID, str]] = {}
    postgresql = session.get_bind().dialect.name == "postgresql"
    for name in ("mobile", "id_number"):
        column = getattr(Patient, name)
        values = sorted(value for kind, value in keys if kind == name)
        step = (len(values) or 1) if postgresql else _CHUNK
        for start in range(0, len(values), step):
            chunk = values[start : start + step]
            # PostgreSQL plans "= ANY(one array)" as index probes; a list of 2,000 bound
            # parameters (IN) became a scan comparing each row with every one, 50× slower.
            condition = (
                column == sa.any_(sa.bindparam("keys", chunk, type_=ARRAY(sa.String)))
                if postgresql
                else column.in_(chunk)
            )
            query = sa.select(column, Patient.id, Patient.record_no).where(condition)
            for value, patient_id, record_no in session.execute(query):
                found[(name, value)] = (patient_id, record_no)
    return found


def merge_all(
    session: Session,
    actor: Actor,
    merges: list[tuple[uuid.UUID, dict[str, object], list[Problem]]],
    merge_empty: bool,
) -> None:
    """Fill each duplicate's empty fields from its row; says which in the row's problems."""
    if not merge_empty:
        return
    for patient_id, values, problems in merges:
        filled = fill_empty(session, actor, patient_id, values)
        fields = [FIELD_OF_COLUMN[name] for name in filled if name in FIELD_OF_COLUMN]
        if filled:
            problems.append(Problem("merged", "", ",".join(fields)))  # worded field by field


def fill_empty(
    session: Session, actor: Actor, patient_id: uuid.UUID, values: dict[str, object]
) -> list[str]:
    patient = session.get(Patient, patient_id)
    if patient is None:
        return []
    changes: dict[str, list[object]] = {}
    for name in MERGED_FIELDS:
        new = values.get(name)
        if new in (None, "") or getattr(patient, name) not in (None, ""):
            continue
        if name in ("mobile", "id_number") and _taken(session, name, new, patient_id):
            continue
        if name in ("id_type", "id_unverified_reason") and "id_number" not in changes:
            continue
        changes[name] = [getattr(patient, name), new]
    if not changes:
        return []
    for name, (_old, new) in changes.items():
        setattr(patient, name, new)
    if "mobile" in changes:
        patient.mobile_rev = str(patient.mobile)[::-1]
    if "id_number" in changes:
        patient.id_rev = str(patient.id_number)[::-1]
    patient.updated_by_id = actor.staff_id
    session.flush()
    audit.record(session, actor, "change", "patient", patient.id, changes=changes, merged=True)
    return list(changes)


def _taken(session: Session, name: str, value: object, patient_id: uuid.UUID) -> bool:
    column = getattr(Patient, name)
    return bool(
        session.scalar(sa.select(Patient.id).where(column == value, Patient.id != patient_id))
    )
