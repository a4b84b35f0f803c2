"""Printing a template for a patient: fill it, render the PDF, keep the exact bytes.

Every printed, saved or signed copy is a ``PrintedDocument`` with its SHA-256 and PDF
bytes, so the clinic can show later exactly what a patient signed, and a reprint gives
the very same bytes rather than a re-render that a newer template or font would change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    DocumentAction,
    DocumentBlobKind,
    DocumentTemplate,
    Patient,
    PrintedDocument,
    PrintedDocumentBlob,
    TemplateKind,
    TemplateVersion,
)
from desktop_app.services import audit, document_values, templates
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.document_pdf import (
    Letterhead,
    PatientLine,
    Signatures,
    Signer,
    render_pdf,
)
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.intake import ADULT_AGE, age_on
from desktop_app.services.permissions import Permission, require
from desktop_app.services.template_text import fill, parse
from desktop_app.services.treatments import TreatmentDraft

Strokes = tuple[tuple[tuple[float, float], ...], ...]


@dataclass(frozen=True)
class RenderedDocument:
    """A kept copy: its record's id and the bytes that were printed, saved or signed."""

    document_id: uuid.UUID
    key: str
    kind: TemplateKind
    language: str
    version: int
    title: str
    patient_id: uuid.UUID
    sha256: str
    pdf: bytes


def _signatures(
    kind: TemplateKind,
    patient: Patient,
    doctor: str,
    minor: bool,
    strokes: Mapping[str, Strokes],
    today: str,
) -> Signatures | None:
    """Consents and general consents are signed by the patient (and a minor's guardian);
    a treatment consent also by the doctor. Aftercare sheets are handed over unsigned."""
    if kind is TemplateKind.AFTERCARE:
        return None
    signers = [Signer("patient", patient.name, strokes=strokes.get("patient", ()))]
    if minor:
        signers.append(
            Signer(
                "guardian",
                patient.guardian_name or "",
                patient.guardian_relation or "",
                strokes.get("guardian", ()),
            )
        )
    if kind is TemplateKind.CONSENT:
        signers.append(Signer("doctor", doctor, strokes=strokes.get("doctor", ())))
    return Signatures(tuple(signers), today if strokes else "")


@dataclass(frozen=True)
class PreparedDocument:
    """A template filled and rendered for a patient but not yet kept: what the preview
    shows; printing, saving or signing keeps exactly these bytes."""

    key: str
    kind: TemplateKind
    language: str
    version: int
    version_id: uuid.UUID
    title: str
    patient_id: uuid.UUID
    treatment_id: uuid.UUID | None
    signers: tuple[tuple[str, str], ...]  # (role, name): who signs, in the boxes' order
    strokes: Mapping[str, Strokes]
    pdf: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def prepare_document(
    database: Database,
    actor: Actor,
    key: str,
    patient_id: uuid.UUID,
    *,
    treatment_id: uuid.UUID | None = None,
    draft: TreatmentDraft | None = None,
    language: str = "zh_CN",
    strokes: Mapping[str, Strokes] | None = None,
    today: dt.date | None = None,
) -> PreparedDocument:
    """Render the current version of template ``key`` for a patient; nothing is written.

    A consent or aftercare template needs a treatment: ``treatment_id``, or the treatment
    form's ``draft`` (a consent signed before the treatment is saved), or else the
    patient's latest treatment of an item linked to ``key``; none of these is a
    ValidationError. ``strokes`` maps a signer role (patient, guardian, doctor) to
    on-screen signature strokes (0..1 of the box, y down).
    """
    require(actor, Permission.VIEW_PATIENT, database)
    today = today or dt.date.today()
    strokes = dict(strokes or {})
    with unit_of_work(database, write=False) as session:
        template = templates.find(session, key, language)
        require(actor, print_permission(template.kind), database)
        patient = session.get(Patient, patient_id)
        if patient is None:
            raise NotFoundError(f"No patient with id {patient_id}.")
        treatment = (
            None if draft else document_values.treatment_for(session, patient, key, treatment_id)
        )
        if (
            treatment is None
            and draft is None
            and (template.kind is not TemplateKind.GENERAL or "{treatment." in template.body)
        ):
            raise ValidationError(
                "treatment",
                "required",
                f"{template.title} is printed for a treatment, and patient {patient.record_no} "
                f"has no treatment of an item using '{key}'. Record the treatment or name one.",
                key=key,
            )
        values = document_values.values(
            session, patient, treatment or draft, actor.display_name, language, today
        )
        minor = patient.birth_date is not None and age_on(patient.birth_date, today) < ADULT_AGE
        signer = document_values.doctor(session, treatment or draft, actor)
        signatures = _signatures(template.kind, patient, signer, minor, strokes, values["today"])
        pdf = render_pdf(
            template.title,
            fill(parse(template.body), values),
            Letterhead(
                values["clinic.name"],
                values["clinic.address"],
                values["clinic.phone"],
                document_values.logo(session),
            ),
            PatientLine(patient.name, patient.record_no, values["patient.birth_date"]),
            signatures,
            language,
        )
    return PreparedDocument(
        key,
        template.kind,
        language,
        template.number,
        template.version_id,
        template.title,
        patient.id,
        treatment.id if treatment else None,
        tuple((s.role, s.name) for s in signatures.signers) if signatures else (),
        strokes,
        pdf,
    )


def keep_document(
    database: Database, actor: Actor, prepared: PreparedDocument, action: DocumentAction
) -> RenderedDocument:
    """Record a printed, saved or signed copy: its template version, bytes and SHA-256."""
    require(actor, print_permission(prepared.kind), database)
    digest = prepared.sha256
    with unit_of_work(database) as session:
        if session.get(Patient, prepared.patient_id) is None:
            raise NotFoundError(f"No patient with id {prepared.patient_id}.")
        document = PrintedDocument(
            template_version_id=prepared.version_id,
            patient_id=prepared.patient_id,
            treatment_id=prepared.treatment_id,
            language=prepared.language,
            action=action,
            created_by_id=actor.staff_id,
            sha256=digest,
            signature_strokes=json.dumps(prepared.strokes) if prepared.strokes else None,
        )
        session.add(document)
        session.flush()
        session.add(
            PrintedDocumentBlob(
                document_id=document.id,
                kind=DocumentBlobKind.PDF,
                media_type="application/pdf",
                data=prepared.pdf,
            )
        )
        audit.record(
            session, actor, action.value, "printed_document", document.id,
            key=prepared.key, language=prepared.language, version=prepared.version,
            sha256=digest,
        )  # fmt: skip
        document_id = document.id
    return RenderedDocument(
        document_id,
        prepared.key,
        prepared.kind,
        prepared.language,
        prepared.version,
        prepared.title,
        prepared.patient_id,
        digest,
        prepared.pdf,
    )


def render_document(
    database: Database,
    actor: Actor,
    key: str,
    patient_id: uuid.UUID,
    *,
    treatment_id: uuid.UUID | None = None,
    language: str = "zh_CN",
    action: DocumentAction = DocumentAction.PRINT,
    strokes: Mapping[str, Strokes] | None = None,
    today: dt.date | None = None,
) -> RenderedDocument:
    """Prepare and keep in one call (the command line and scripts)."""
    prepared = prepare_document(
        database,
        actor,
        key,
        patient_id,
        treatment_id=treatment_id,
        language=language,
        strokes=strokes,
        today=today,
    )
    return keep_document(database, actor, prepared, action)


def reprint(database: Database, actor: Actor, document_id: uuid.UUID) -> RenderedDocument:
    """The stored bytes of a printed document: identical to the original, hash and all."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        row = session.execute(
            sa.select(PrintedDocument, TemplateVersion)
            .join(TemplateVersion, TemplateVersion.id == PrintedDocument.template_version_id)
            .where(PrintedDocument.id == document_id)
        ).one_or_none()
        if row is None:
            raise NotFoundError(f"No printed document {document_id}.")
        document, version = row
        template = session.get(DocumentTemplate, version.template_id)
        assert template is not None
        pdf = session.scalar(
            sa.select(PrintedDocumentBlob.data).where(
                PrintedDocumentBlob.document_id == document_id,
                PrintedDocumentBlob.kind == DocumentBlobKind.PDF,
            )
        )
    require(actor, print_permission(template.kind), database)
    if pdf is None or hashlib.sha256(pdf).hexdigest() != document.sha256:
        raise NotFoundError(f"The PDF of printed document {document_id} is missing or damaged.")
    with unit_of_work(database) as session:
        audit.record(session, actor, "reprint", "printed_document", document_id)
    return RenderedDocument(
        document.id,
        template.key,
        template.kind,
        document.language,
        version.number,
        version.title,
        document.patient_id,
        document.sha256,
        pdf,
    )


def print_permission(kind: TemplateKind) -> Permission:
    if kind is TemplateKind.GENERAL:
        return Permission.PRINT_GENERAL_DOCUMENTS
    return Permission.PRINT_DOCUMENTS
