"""What the top of a patient's record always shows: who, and the flags that matter.

Health flags (allergies, history) only for roles that see clinical content; the minor
flag and missing consents for everyone, since the desk must act on them.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import ConsentKind, Patient
from desktop_app.services.consents import latest_consents
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import NotFoundError
from desktop_app.services.identity import mask_mobile
from desktop_app.services.intake import ADULT_AGE, age_on
from desktop_app.services.permissions import Permission, allowed, require

# Without these a clinic cannot keep a medical record of the patient at all.
ESSENTIAL_CONSENTS = (ConsentKind.PERSONAL_INFO, ConsentKind.HEALTH_INFO)


@dataclass(frozen=True)
class RecordHeader:
    id: uuid.UUID
    record_no: str
    name: str
    sex: str | None
    birth_date: dt.date | None
    mobile_masked: str
    minor: bool
    allergies: str | None  # None: not for this role to see
    history_flags: tuple[str, ...] | None
    missing_consents: tuple[ConsentKind, ...]
    id_unverified_reason: str | None


def record_header(database: Database, actor: Actor, patient_id: uuid.UUID) -> RecordHeader:
    require(actor, Permission.VIEW_PATIENT, database)
    with reading(database) as connection:
        patient = connection.execute(_patient(), {"patient_id": patient_id}).one_or_none()
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        consents = latest_consents(connection, patient_id)
    clinical = allowed(actor, Permission.VIEW_CONSULTATION)
    birth = patient.birth_date
    return RecordHeader(
        patient.id,
        patient.record_no,
        patient.name,
        patient.sex,
        birth,
        mask_mobile(patient.mobile),
        birth is not None and age_on(birth, dt.date.today()) < ADULT_AGE,
        patient.allergies if clinical else None,
        tuple(filter(None, patient.history_flags.split(","))) if clinical else None,
        tuple(k for k in ESSENTIAL_CONSENTS if not (k in consents and consents[k].granted)),
        patient.id_unverified_reason,
    )


@functools.cache
def _patient() -> sa.Select:
    """Built once, and read as a plain row: building the statement or loading the entity
    each time cost more than the query."""
    return sa.select(
        Patient.id,
        Patient.record_no,
        Patient.name,
        Patient.sex,
        Patient.birth_date,
        Patient.mobile,
        Patient.allergies,
        Patient.history_flags,
        Patient.id_unverified_reason,
    ).where(Patient.id == sa.bindparam("patient_id"))
