"""Registering and correcting patients (identity and contact; later issues add the rest)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from desktop_app.db import Database
from desktop_app.models import Patient
from desktop_app.services import audit
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.record_numbers import next_record_no


@dataclass(frozen=True)
class PatientDraft:
    name: str
    sex: str | None = None
    birth_date: dt.date | None = None
    mobile: str | None = None
    id_number: str | None = None


@dataclass(frozen=True)
class PatientRecord:
    id: uuid.UUID
    record_no: str
    name: str
    sex: str | None
    birth_date: dt.date | None
    mobile: str | None
    id_number: str | None
    version: int

    @classmethod
    def of(cls, p: Patient) -> PatientRecord:
        return cls(p.id, p.record_no, p.name, p.sex, p.birth_date, p.mobile, p.id_number, p.version)


def _clean(draft: PatientDraft) -> dict[str, object]:
    name = draft.name.strip()
    if not name:
        raise ValidationError("name", "required", "Enter the patient's name.")
    if len(name) > 100:
        raise ValidationError("name", "too_long", "A name has at most 100 characters.", max=100)
    if draft.sex not in (None, "F", "M"):
        raise ValidationError("sex", "invalid", "Sex is F, M or not given.")
    if draft.birth_date and draft.birth_date > dt.date.today():
        raise ValidationError("birth_date", "future_date", "The date of birth is in the future.")
    return {
        "name": name,
        "sex": draft.sex,
        "birth_date": draft.birth_date,
        "mobile": (draft.mobile or "").strip() or None,
        "id_number": (draft.id_number or "").strip().upper() or None,
    }


def register_patient(database: Database, actor: Actor, draft: PatientDraft) -> PatientRecord:
    require(actor, Permission.REGISTER_PATIENT)
    values = _clean(draft)
    with unit_of_work(database) as session:
        patient = Patient(record_no=next_record_no(session), updated_by_id=actor.staff_id, **values)
        session.add(patient)
        session.flush()
        audit.record(session, actor, "create", "patient", patient.id, record_no=patient.record_no)
        return PatientRecord.of(patient)


def get_patient(database: Database, actor: Actor, patient_id: uuid.UUID) -> PatientRecord:
    require(actor, Permission.VIEW_PATIENT)
    with unit_of_work(database, write=False) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        return PatientRecord.of(patient)


def update_patient(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    expected_version: int,
    draft: PatientDraft,
) -> PatientRecord:
    """Save corrections made to the version the user saw; a newer one is a ConflictError."""
    require(actor, Permission.EDIT_PATIENT)
    values = _clean(draft)
    with unit_of_work(database) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        if patient.version != expected_version:
            raise conflict_with(session, patient)
        changes = {
            k: (getattr(patient, k), v) for k, v in values.items() if getattr(patient, k) != v
        }
        for key, (_old, new) in changes.items():
            setattr(patient, key, new)
        if changes:
            patient.updated_by_id = actor.staff_id
            session.flush()
            audit.record(
                session,
                actor,
                "change",
                "patient",
                patient.id,
                changes={k: [o, n] for k, (o, n) in changes.items()},
            )
        return PatientRecord.of(patient)
