"""The doctor's assessment (面诊): drafted, checked against contraindications, signed, locked.

Signing stamps the doctor and the time; afterwards the assessment cannot change by any
path (the service refuses, and models.assessment refuses at flush); later findings are
dated, signed addenda.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    SKIN_TYPES,
    Assessment,
    AssessmentAddendum,
    DiagnosisOption,
    Patient,
    Staff,
    Visit,
    utcnow,
)
from desktop_app.services import audit
from desktop_app.services.consultations import AREAS, MAX_TEXT
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ServiceError, ValidationError
from desktop_app.services.lookups import ListEntry, list_name
from desktop_app.services.permissions import Permission, require


class AlreadySignedError(ServiceError):
    def __init__(self, signed_by: str, signed_at: dt.datetime) -> None:
        super().__init__(
            f"This assessment was signed by {signed_by} at "
            f"{signed_at.astimezone():%Y-%m-%d %H:%M} and can no longer change; add an addendum."
        )


@dataclass(frozen=True)
class AssessmentDraft:
    chief_complaint: str = ""
    skin_type: str | None = None
    skin_condition: str = ""
    areas_examined: tuple[str, ...] = ()
    area_notes: dict[str, str] = field(default_factory=dict)
    contraindications_confirmed: bool = False
    diagnosis: str = ""
    diagnosis_text: str = ""
    recommendation: str = ""


@dataclass(frozen=True)
class Addendum:
    text: str
    signed_by: str
    signed_at: dt.datetime


@dataclass(frozen=True)
class AssessmentRecord:
    id: uuid.UUID
    visit_id: uuid.UUID
    patient_id: uuid.UUID
    doctor: str
    version: int
    contraindications: tuple[str, ...]
    signed_by: str | None
    signed_at: dt.datetime | None
    draft: AssessmentDraft
    addenda: tuple[Addendum, ...]


def contraindications(database: Database, actor: Actor, patient_id: uuid.UUID) -> list[str]:
    """What the doctor must see before signing: allergies and history flags as recorded."""
    require(actor, Permission.VIEW_ASSESSMENT, database)
    with unit_of_work(database, write=False) as session:
        return _contraindications(session, patient_id)


def diagnosis_options(database: Database, actor: Actor) -> list[str]:
    require(actor, Permission.VIEW_ASSESSMENT, database)
    with unit_of_work(database, write=False) as session:
        return list(
            session.scalars(
                sa.select(DiagnosisOption.name)
                .where(DiagnosisOption.active)
                .order_by(DiagnosisOption.sort_order)
            )
        )


def save_assessment(
    database: Database,
    actor: Actor,
    visit_id: uuid.UUID,
    draft: AssessmentDraft,
    *,
    assessment_id: uuid.UUID | None = None,
    expected_version: int | None = None,
) -> AssessmentRecord:
    """Start (no id) or change an unsigned assessment; doctors only."""
    require(actor, Permission.WRITE_ASSESSMENT, database)
    with unit_of_work(database) as session:
        values = _clean(session, draft)
        if assessment_id is None:
            visit = session.get(Visit, visit_id)
            if visit is None:
                raise NotFoundError(f"No visit {visit_id}.")
            row = Assessment(
                visit_id=visit.id,
                patient_id=visit.patient_id,
                doctor_id=actor.staff_id,
                updated_by_id=actor.staff_id,
                **values,
            )
            session.add(row)
            action = "create"
        else:
            row = _unsigned(session, assessment_id, expected_version)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_by_id = actor.staff_id
            action = "change"
        session.flush()
        audit.record(session, actor, action, "assessment", row.id)
        return _record(session, row)


def sign_assessment(
    database: Database, actor: Actor, assessment_id: uuid.UUID, expected_version: int
) -> AssessmentRecord:
    """Stamp the doctor and the time; contraindications shown must have been confirmed."""
    require(actor, Permission.WRITE_ASSESSMENT, database)
    with unit_of_work(database) as session:
        row = _unsigned(session, assessment_id, expected_version)
        shown = _contraindications(session, row.patient_id)
        if shown and not row.contraindications_confirmed:
            raise ValidationError(
                "contraindications_confirmed",
                "confirm_contraindications",
                "Confirm you have checked the patient's allergies and history first.",
            )
        row.contraindications_shown = "\n".join(shown)
        row.signed_at, row.signed_by_id = utcnow(), actor.staff_id
        row.updated_by_id = actor.staff_id
        session.flush()
        audit.record(session, actor, "sign", "assessment", row.id)
        return _record(session, row)


def add_addendum(
    database: Database, actor: Actor, assessment_id: uuid.UUID, text: str
) -> AssessmentRecord:
    """A dated, signed note after signing; the assessment itself stays as signed."""
    require(actor, Permission.WRITE_ASSESSMENT, database)
    text = text.strip()
    if not text:
        raise ValidationError("addendum", "required", "Write the addendum.")
    if len(text) > MAX_TEXT:
        raise ValidationError("addendum", "too_long", "This text is too long.", max=MAX_TEXT)
    with unit_of_work(database) as session:
        row = session.get(Assessment, assessment_id)
        if row is None:
            raise NotFoundError(f"No assessment {assessment_id}.")
        if row.signed_at is None:
            raise ValidationError(
                "addendum", "not_signed", "Sign the assessment first; until then, edit it."
            )
        addendum = AssessmentAddendum(
            assessment_id=row.id, text=text, signed_by_id=actor.staff_id, signed_at=utcnow()
        )
        session.add(addendum)
        session.flush()
        audit.record(session, actor, "addendum", "assessment", row.id)
        return _record(session, row)


def get_assessment(database: Database, actor: Actor, assessment_id: uuid.UUID) -> AssessmentRecord:
    require(actor, Permission.VIEW_ASSESSMENT, database)
    with unit_of_work(database) as session:  # viewing clinical content is audited
        row = session.get(Assessment, assessment_id)
        if row is None:
            raise NotFoundError(f"No assessment {assessment_id}.")
        audit.record(session, actor, "view", "assessment", row.id)
        return _record(session, row)


def _unsigned(
    session: Session, assessment_id: uuid.UUID, expected_version: int | None
) -> Assessment:
    row = session.get(Assessment, assessment_id)
    if row is None:
        raise NotFoundError(f"No assessment {assessment_id}.")
    if row.signed_at is not None:
        signer = session.get(Staff, row.signed_by_id) if row.signed_by_id else None
        raise AlreadySignedError(signer.display_name if signer else "?", row.signed_at)
    if expected_version is not None and row.version != expected_version:
        raise conflict_with(session, row)
    return row


def _contraindications(session: Session, patient_id: uuid.UUID) -> list[str]:
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFoundError(f"No patient {patient_id}.")
    return contraindication_lines(patient.allergies, patient.history_flags, patient.history_notes)


def contraindication_lines(allergies: str, history_flags: str, history_notes: str) -> list[str]:
    """What signing shows the doctor, from the patient's columns (also used by demo data)."""
    found = [f"allergy: {allergies}"] if allergies else []
    found += [f"history: {flag}" for flag in filter(None, history_flags.split(","))]
    if history_notes:
        found.append(f"notes: {history_notes}")
    return found


def _clean(session: Session, draft: AssessmentDraft) -> dict[str, object]:
    if draft.skin_type not in (None, "", *SKIN_TYPES):
        raise ValidationError("skin_type", "invalid", "Fitzpatrick type is I to VI.")
    unknown = (set(draft.areas_examined) | set(draft.area_notes)) - set(AREAS)
    if unknown:
        raise ValidationError("areas_examined", "invalid", f"Unknown areas: {sorted(unknown)}")
    texts = (
        draft.chief_complaint,
        draft.skin_condition,
        draft.diagnosis_text,
        draft.recommendation,
    )
    if any(len(text) > MAX_TEXT for text in (*texts, *draft.area_notes.values())):
        raise ValidationError("recommendation", "too_long", "This text is too long.", max=MAX_TEXT)
    if draft.diagnosis and not session.scalar(
        sa.select(DiagnosisOption.id).where(DiagnosisOption.name == draft.diagnosis)
    ):
        raise ValidationError("diagnosis", "invalid", "Pick a diagnosis from the list.")
    return {
        "chief_complaint": draft.chief_complaint.strip(),
        "skin_type": draft.skin_type or None,
        "skin_condition": draft.skin_condition.strip(),
        "areas_examined": ",".join(a for a in AREAS if a in draft.areas_examined),
        "area_notes": json.dumps(
            {a: draft.area_notes[a].strip() for a in AREAS if draft.area_notes.get(a)},
            ensure_ascii=False,
        ),
        "contraindications_confirmed": draft.contraindications_confirmed,
        "diagnosis": draft.diagnosis,
        "diagnosis_text": draft.diagnosis_text.strip(),
        "recommendation": draft.recommendation.strip(),
    }


def _record(session: Session, row: Assessment) -> AssessmentRecord:
    names = dict(session.execute(sa.select(Staff.id, Staff.display_name)).all())
    addenda = session.scalars(
        sa.select(AssessmentAddendum)
        .where(AssessmentAddendum.assessment_id == row.id)
        .order_by(AssessmentAddendum.signed_at)
    )
    return AssessmentRecord(
        row.id,
        row.visit_id,
        row.patient_id,
        names.get(row.doctor_id, ""),
        row.version,
        tuple(_contraindications(session, row.patient_id)),
        names.get(row.signed_by_id) if row.signed_by_id else None,
        row.signed_at,
        AssessmentDraft(
            row.chief_complaint,
            row.skin_type,
            row.skin_condition,
            tuple(filter(None, row.areas_examined.split(","))),
            json.loads(row.area_notes or "{}"),
            row.contraindications_confirmed,
            row.diagnosis,
            row.diagnosis_text,
            row.recommendation,
        ),
        tuple(Addendum(a.text, names.get(a.signed_by_id, ""), a.signed_at) for a in addenda),
    )


def diagnosis_entries(database: Database, actor: Actor) -> list[ListEntry]:
    """The whole pick list, retired entries included (for the Settings editor)."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(DiagnosisOption.name, DiagnosisOption.active).order_by(
                DiagnosisOption.sort_order, DiagnosisOption.name
            )
        )
        return [ListEntry(name, active) for name, active in rows]


def add_diagnosis(database: Database, actor: Actor, text: str) -> str:
    """Add a diagnosis to the pick list (or offer a retired one again); managers only."""
    require(actor, Permission.EDIT_CATALOGUE, database)
    name = list_name("diagnosis", text, 60)
    with unit_of_work(database) as session:
        row = session.scalar(sa.select(DiagnosisOption).where(DiagnosisOption.name == name))
        if row is not None and row.active:
            raise ValidationError("diagnosis", "exists", f"{name} is already on the list.")
        if row is None:
            last = session.scalar(sa.select(sa.func.max(DiagnosisOption.sort_order))) or 0
            session.add(DiagnosisOption(name=name, active=True, sort_order=last + 1))
        else:
            row.active = True
        audit.record(session, actor, "create", "diagnosis_option", name)
        return name


def set_diagnosis_active(database: Database, actor: Actor, name: str, active: bool) -> None:
    """Retire a diagnosis (assessments that used it keep it) or offer it again."""
    require(actor, Permission.EDIT_CATALOGUE, database)
    with unit_of_work(database) as session:
        row = session.scalar(sa.select(DiagnosisOption).where(DiagnosisOption.name == name))
        if row is None:
            raise NotFoundError(f"No diagnosis {name!r}.")
        if row.active != active:
            row.active = active
            audit.record(session, actor, "change", "diagnosis_option", name, active=active)
