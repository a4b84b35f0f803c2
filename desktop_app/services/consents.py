"""PIPL consents: recorded with time and staff member; a withdrawal is a new row, never an edit."""

from __future__ import annotations

import functools
import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import ConsentKind, Patient, PatientConsent, Staff
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import NotFoundError
from desktop_app.services.intake import consent_giver
from desktop_app.services.permissions import Permission, require


@dataclass(frozen=True)
class ConsentState:
    kind: ConsentKind
    granted: bool
    given_by: str
    recorded_at: datetime
    recorded_by: str


def add_decision(
    session: Session,
    actor: Actor,
    patient_id: uuid.UUID,
    kind: ConsentKind,
    granted: bool,
    given_by: str,
) -> None:
    """One consent row inside the caller's transaction (registration or a later change)."""
    session.add(
        PatientConsent(
            patient_id=patient_id,
            kind=kind,
            granted=granted,
            given_by=given_by,
            recorded_by_id=actor.staff_id,
        )
    )


def record_consent(
    database: Database, actor: Actor, patient_id: uuid.UUID, kind: ConsentKind, granted: bool
) -> None:
    require(actor, Permission.EDIT_PATIENT, database)
    with unit_of_work(database) as session:
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        giver = consent_giver({"birth_date": patient.birth_date})
        add_decision(session, actor, patient_id, kind, granted, giver)
        audit.record(
            session,
            actor,
            "grant_consent" if granted else "withdraw_consent",
            "patient",
            patient_id,
            kind=kind.value,
            given_by=giver,
        )


def current_consents(
    database: Database, actor: Actor, patient_id: uuid.UUID
) -> dict[ConsentKind, ConsentState]:
    """The latest decision per kind; kinds never asked about are absent."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        return latest_consents(session.connection(), patient_id)


def latest_consents(
    connection: Connection, patient_id: uuid.UUID
) -> dict[ConsentKind, ConsentState]:
    """``current_consents`` on the caller's connection (the record header's read)."""
    rows = connection.execute(_decisions(), {"patient_id": patient_id})
    return {row.kind: ConsentState(*row) for row in rows}  # later decisions win


@functools.cache
def _decisions() -> sa.Select:
    """Built once, and read as plain rows: building the statement or loading entities each
    time cost more than the query (opening a record reads it)."""
    return (
        sa.select(
            PatientConsent.kind,
            PatientConsent.granted,
            PatientConsent.given_by,
            PatientConsent.recorded_at,
            Staff.display_name,
        )
        .join(Staff, Staff.id == PatientConsent.recorded_by_id)
        .where(PatientConsent.patient_id == sa.bindparam("patient_id"))
        .order_by(PatientConsent.recorded_at)
    )
