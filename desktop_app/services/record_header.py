"""What the top of a patient's record always shows: who, and the flags that matter.

Health flags (allergies, history) only for roles that see clinical content; the minor
flag and missing consents for everyone, since the desk must act on them. Consents signed
only on an older template version than the current one ask to be signed again: treatment
consents for the roles that print them, the general ones (PIPL, photos) for everyone.
Reading it opens the record: who opened whose record is audited, once per opening.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from desktop_app.db import Database
from desktop_app.models import (
    Booking,
    BookingStatus,
    ConsentKind,
    DocumentTemplate,
    Patient,
    PrintedDocument,
    Reminder,
    ReminderStatus,
    TemplateKind,
    TemplateVersion,
    Trigger,
)
from desktop_app.models.document import signed_copy
from desktop_app.services import audit
from desktop_app.services.consents import latest_consents
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import NotFoundError
from desktop_app.services.identity import mask_mobile
from desktop_app.services.intake import ADULT_AGE, age_on
from desktop_app.services.permissions import Permission, allowed, require

# Without these a clinic cannot keep a medical record of the patient at all.
ESSENTIAL_CONSENTS = (ConsentKind.PERSONAL_INFO, ConsentKind.HEALTH_INFO)


@dataclass(frozen=True)
class SignAgain:
    """A consent the patient signed on an older version only: ask for a new signature."""

    key: str
    title: str  # of the version signed last
    signed_version: int
    current_version: int


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
    sign_again: tuple[SignAgain, ...] = ()  # consents signed only on an older version
    # A follow-up call found a reaction needing a doctor's review, not yet reviewed (the
    # doctor's urgent reminder is open); None: not for this role to see.
    review_needed: bool | None = None
    no_shows: int = 0  # bookings not kept (爽约): the desk confirms this patient's next one


def record_header(
    database: Database, actor: Actor, patient_id: uuid.UUID, *, opening: bool = True
) -> RecordHeader:
    """The header of the record being opened: the opening is audited ("view", "patient"),
    once; ``opening=False`` re-reads the header of a record already open (after a print)."""
    require(actor, Permission.VIEW_PATIENT, database)
    clinical = allowed(actor, Permission.VIEW_CONSULTATION)
    with reading(database) as connection:
        patient = connection.execute(_patient(), {"patient_id": patient_id}).one_or_none()
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        consents = latest_consents(connection, patient_id)
        resign = signed_on_old_versions(connection, patient_id, _sign_kinds(actor))
        if opening:
            audit.record_opening(connection, actor, "patient", patient_id, clinical=clinical)
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
        tuple(resign.values()),
        bool(patient.review_needed) if clinical else None,
        patient.no_shows or 0,
    )


def _sign_kinds(actor: Actor) -> tuple[TemplateKind, ...]:
    if allowed(actor, Permission.PRINT_DOCUMENTS):
        return (TemplateKind.CONSENT, TemplateKind.GENERAL)
    return (TemplateKind.GENERAL,) if allowed(actor, Permission.PRINT_GENERAL_DOCUMENTS) else ()


def signed_on_old_versions(
    connection: Connection, patient_id: uuid.UUID, kinds: tuple[TemplateKind, ...]
) -> dict[str, SignAgain]:
    """Template key → the consent to sign again: the patient signed it (on screen, or on
    paper scanned back) but never on its current version, in any language. Reads a row per
    signed copy (a handful per patient), never the bytes."""
    if not kinds:
        return {}
    found: dict[str, SignAgain] = {}
    current: set[str] = set()
    for key, title, number, newest in connection.execute(
        _signed(kinds), {"patient_id": patient_id}
    ):
        if number >= newest:
            current.add(key)
        else:  # rows come oldest first: the last signed copy names it
            found[key] = SignAgain(key, title, number, newest)
    return {key: again for key, again in found.items() if key not in current}


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
        sa.exists()
        .where(
            Reminder.patient_id == Patient.id,
            Reminder.trigger == Trigger.ADVERSE_REACTION,
            Reminder.status == ReminderStatus.OPEN,
        )
        .label("review_needed"),
        sa.select(sa.func.count(Booking.id))
        .where(Booking.patient_id == Patient.id, Booking.status == BookingStatus.NO_SHOW)
        .scalar_subquery()
        .label("no_shows"),
    ).where(Patient.id == sa.bindparam("patient_id"))


@functools.cache
def _signed(kinds: tuple[TemplateKind, ...]) -> sa.Select:
    """The patient's signed copies of the given kinds: key, title, version, newest version.
    One statement per kinds shape, its kinds written in (an expanding IN is re-rendered on
    every call, which cost more than the query on a record's opening)."""
    doc = PrintedDocument
    later = aliased(TemplateVersion)
    newest = (
        sa.select(sa.func.max(later.number))
        .where(later.template_id == TemplateVersion.template_id)
        .scalar_subquery()
    )
    return (
        sa.select(DocumentTemplate.key, TemplateVersion.title, TemplateVersion.number, newest)
        .select_from(doc)
        .join(TemplateVersion, TemplateVersion.id == doc.template_version_id)
        .join(DocumentTemplate, DocumentTemplate.id == TemplateVersion.template_id)
        .where(
            doc.patient_id == sa.bindparam("patient_id", type_=sa.Uuid),
            # our own enum's values as SQL text: no parameter to expand on each call
            DocumentTemplate.kind.in_([sa.literal_column(f"'{kind.value}'") for kind in kinds]),
            signed_copy(),
        )
        .order_by(doc.created_at, doc.id)
    )
