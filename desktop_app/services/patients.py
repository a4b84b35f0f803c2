"""Registering, finding duplicates of, and correcting patients."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Patient, SourceChannel, Staff
from desktop_app.services import audit, consents, identity, reminder_engine, tags
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ServiceError, ValidationError
from desktop_app.services.intake import SEARCH_KEYS, PatientDraft, clean, consent_giver
from desktop_app.services.permissions import Permission, require
from desktop_app.services.record_numbers import next_record_no

__all__ = ["PatientDraft", "PatientRecord", "register_patient", "update_patient"]


@dataclass(frozen=True)
class PatientRecord:
    id: uuid.UUID
    record_no: str
    name: str
    sex: str | None
    birth_date: dt.date | None
    mobile: str | None
    id_number: str | None
    id_unverified_reason: str | None
    version: int

    @classmethod
    def of(cls, p: Patient) -> PatientRecord:
        return cls(
            p.id,
            p.record_no,
            p.name,
            p.sex,
            p.birth_date,
            p.mobile,
            p.id_number,
            p.id_unverified_reason,
            p.version,
        )


@dataclass(frozen=True)
class PatientMatch:
    """An existing patient the new one may be; ``reason``: mobile, id_number or name_birth."""

    id: uuid.UUID
    record_no: str
    name: str
    birth_date: dt.date | None
    mobile_masked: str
    reason: str


class DuplicatePatientError(ServiceError):
    """The patient is already registered (same mobile or ID number), or may be (same name
    and date of birth: ``similar_only``, which the desk may override)."""

    def __init__(self, matches: list[PatientMatch]) -> None:
        self.matches = matches
        self.similar_only = all(m.reason == "name_birth" for m in matches)
        first = matches[0]
        why = {
            "mobile": "the same mobile",
            "id_number": "the same ID number",
            "name_birth": "the same name and date of birth",
        }[first.reason]
        super().__init__(f"{first.name} ({first.record_no}) already has {why}.")


def find_duplicates(database: Database, actor: Actor, draft: PatientDraft) -> list[PatientMatch]:
    """Existing patients the draft may be, strongest reason first (checked before saving)."""
    require(actor, Permission.VIEW_PATIENT, database)
    values = clean(draft)
    with unit_of_work(database, write=False) as session:
        return _matches(session, values, exclude=None)


def register_patient(
    database: Database, actor: Actor, draft: PatientDraft, *, allow_similar: bool = False
) -> PatientRecord:
    """Register a patient; raises DuplicatePatientError instead of creating a second record."""
    require(actor, Permission.REGISTER_PATIENT, database)
    values = clean(draft)
    try:
        with unit_of_work(database) as session:
            patient = register_within(session, actor, draft, allow_similar=allow_similar)
            return PatientRecord.of(patient)
    except IntegrityError as exc:
        raise _raced(database, values) from exc


def register_within(
    session: Session, actor: Actor, draft: PatientDraft, *, allow_similar: bool = False
) -> Patient:
    """``register_patient`` inside the caller's transaction (a lead registered on arrival);
    the caller turns an IntegrityError (a station racing with the same mobile) into words."""
    values = clean(draft)
    tag_names = tags.normalise(draft.tags)
    _check_links(session, values)
    matches = _matches(session, values, exclude=None)
    if matches and not (allow_similar and all(m.reason == "name_birth" for m in matches)):
        raise DuplicatePatientError(matches)
    patient = Patient(record_no=next_record_no(session), updated_by_id=actor.staff_id, **values)
    session.add(patient)
    session.flush()
    giver = consent_giver(values)
    for kind, granted in draft.consents.items():
        consents.add_decision(session, actor, patient.id, kind, granted, giver)
    tags.add_tags(session, actor, patient.id, tag_names)
    reminder_engine.on_patient_saved(session, patient, dt.date.today())
    audit.record(
        session,
        actor,
        "create",
        "patient",
        patient.id,
        record_no=patient.record_no,
        consents={k.value: v for k, v in draft.consents.items()},
        tags=list(tag_names),
    )
    return patient


def get_patient(database: Database, actor: Actor, patient_id: uuid.UUID) -> PatientRecord:
    require(actor, Permission.VIEW_PATIENT, database)
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
    require(actor, Permission.EDIT_PATIENT, database)
    values = clean(draft)
    try:
        with unit_of_work(database) as session:
            patient = session.get(Patient, patient_id)
            if patient is None:
                raise NotFoundError(f"No patient with id {patient_id}.")
            if patient.version != expected_version:
                raise conflict_with(session, patient)
            _check_links(session, values)
            matches = [
                m for m in _matches(session, values, exclude=patient.id) if m.reason != "name_birth"
            ]
            if matches:
                raise DuplicatePatientError(matches)
            changes = {
                k: (getattr(patient, k), v) for k, v in values.items() if getattr(patient, k) != v
            }
            for key, (_old, new) in changes.items():
                setattr(patient, key, new)
            if changes:
                patient.updated_by_id = actor.staff_id
                if "birth_date" in changes:
                    reminder_engine.on_patient_saved(session, patient, dt.date.today())
                session.flush()
                shown = {k: v for k, v in changes.items() if k not in SEARCH_KEYS}
                audit.record(
                    session,
                    actor,
                    "change",
                    "patient",
                    patient.id,
                    changes={k: [o, n] for k, (o, n) in shown.items()},
                )
            return PatientRecord.of(patient)
    except IntegrityError as exc:
        raise _raced(database, values) from exc


def _matches(session: Session, values: dict[str, object], exclude: uuid.UUID | None) -> list:
    checks = [
        ("mobile", Patient.mobile == values["mobile"]) if values["mobile"] else None,
        ("id_number", Patient.id_number == values["id_number"]) if values["id_number"] else None,
    ]
    if values["birth_date"]:
        checks.append(
            (
                "name_birth",
                sa.and_(Patient.name == values["name"], Patient.birth_date == values["birth_date"]),
            )
        )
    found: list[PatientMatch] = []
    for reason, condition in filter(None, checks):
        query = sa.select(Patient).where(condition)
        if exclude is not None:
            query = query.where(Patient.id != exclude)
        for p in session.scalars(query.limit(5)):
            if all(m.id != p.id for m in found):
                found.append(
                    PatientMatch(
                        p.id,
                        p.record_no,
                        p.name,
                        p.birth_date,
                        identity.mask_mobile(p.mobile),
                        reason,
                    )
                )
    return found


def _check_links(session: Session, values: dict[str, object]) -> None:
    channel = values.get("source_channel")
    if channel and not session.scalar(
        sa.select(SourceChannel.id).where(SourceChannel.name == channel, SourceChannel.active)
    ):
        raise ValidationError("source_channel", "invalid", f"Unknown source channel {channel!r}.")
    referrer = values.get("referrer_id")
    if referrer and session.get(Patient, referrer) is None:
        raise ValidationError("referrer_id", "invalid", "The referrer is not a registered patient.")
    consultant = values.get("consultant_id")
    if consultant:
        staff = session.get(Staff, consultant)
        if staff is None or not staff.active:
            raise ValidationError("consultant_id", "invalid", "Choose an active staff member.")


def _raced(database: Database, values: dict[str, object]) -> ServiceError:
    """Another station saved the same person between our check and our insert."""
    with unit_of_work(database, write=False) as session:
        matches = [m for m in _matches(session, values, exclude=None) if m.reason != "name_birth"]
    return (
        DuplicatePatientError(matches)
        if matches
        else ServiceError(
            "The patient could not be saved because of a conflicting record; try again."
        )
    )
