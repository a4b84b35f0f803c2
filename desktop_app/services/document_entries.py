"""The patient record's reads about printed documents, beyond the timeline's one line:
an opened document's detail, and which templates a treatment prints.

Rows only, never the PDF bytes; the bytes are read when a copy is opened (``reprint``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from desktop_app.db import Database
from desktop_app.models import (
    DocumentAction,
    DocumentTemplate,
    PrintedDocument,
    Staff,
    TemplateKind,
    TemplateVersion,
    Treatment,
    TreatmentItem,
)
from desktop_app.models.document import scanned_back
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import NotFoundError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.record_header import signed_on_old_versions


@dataclass(frozen=True)
class TreatmentTemplates:
    """The template keys of a treatment's item: what its consent and aftercare sheet are."""

    treatment_id: uuid.UUID
    patient_id: uuid.UUID
    item: str
    consent: str | None
    aftercare: str | None


def treatment_templates(
    database: Database, actor: Actor, treatment_id: uuid.UUID
) -> TreatmentTemplates:
    """What the record's Documents menu offers for a treatment (no clinical content read)."""
    require(actor, Permission.PRINT_DOCUMENTS, database)
    with reading(database) as connection:
        row = connection.execute(
            sa.select(
                Treatment.id,
                Treatment.patient_id,
                TreatmentItem.name,
                TreatmentItem.consent_template,
                TreatmentItem.aftercare_template,
            )
            .join(TreatmentItem, TreatmentItem.id == Treatment.item_id)
            .where(Treatment.id == treatment_id)
        ).one_or_none()
    if row is None:
        raise NotFoundError(f"No treatment {treatment_id}.")
    return TreatmentTemplates(row[0], row[1], row[2], row[3] or None, row[4] or None)


@dataclass(frozen=True)
class DocumentDetail:
    """A printed document as its timeline entry shows it opened (never its bytes)."""

    id: uuid.UUID
    key: str
    kind: TemplateKind
    title: str
    version: int
    current_version: int
    action: DocumentAction
    created_at: dt.datetime
    created_by: str | None  # None: the command line
    language: str
    sha256: str
    scanned: bool  # a signed paper copy was scanned back
    signed: bool  # on screen or on paper
    treatment_id: uuid.UUID | None
    treatment: str | None  # "item, started at" of the treatment it belongs to
    sign_again: bool  # signed on an older version, and not yet on the current one

    @property
    def outdated(self) -> bool:
        return self.signed and self.version < self.current_version


def document_entry(database: Database, actor: Actor, document_id: uuid.UUID) -> DocumentDetail:
    """What the timeline shows for an opened document: which version, who, when, its hash."""
    require(actor, Permission.VIEW_PATIENT, database)
    doc = PrintedDocument
    later = aliased(TemplateVersion)
    newest = (
        sa.select(sa.func.max(later.number))
        .where(later.template_id == TemplateVersion.template_id)
        .scalar_subquery()
    )
    scanned = scanned_back()
    query = (
        sa.select(
            doc.id,
            doc.patient_id,
            DocumentTemplate.key,
            DocumentTemplate.kind,
            TemplateVersion.title,
            TemplateVersion.number,
            newest,
            doc.action,
            doc.created_at,
            Staff.display_name,
            doc.language,
            doc.sha256,
            scanned,
            doc.signature_strokes.is_not(None),
            doc.treatment_id,
            TreatmentItem.name,
            Treatment.started_at,
        )
        .join(TemplateVersion, TemplateVersion.id == doc.template_version_id)
        .join(DocumentTemplate, DocumentTemplate.id == TemplateVersion.template_id)
        .outerjoin(Staff, Staff.id == doc.created_by_id)
        .outerjoin(Treatment, Treatment.id == doc.treatment_id)
        .outerjoin(TreatmentItem, TreatmentItem.id == Treatment.item_id)
        .where(doc.id == document_id)
    )
    with reading(database) as connection:
        row = connection.execute(query).one_or_none()
        if row is None:
            raise NotFoundError(f"No printed document {document_id}.")
        (_, patient_id, key, kind, title, number, current, action, at, author, language,
         sha256, scan, strokes, treatment_id, item, started) = row  # fmt: skip
        require(actor, _print_permission(kind), database)
        again = signed_on_old_versions(connection, patient_id, (kind,))
    treatment = f"{item} {started.astimezone():%Y-%m-%d %H:%M}" if item and started else None
    signed = bool(scan) or bool(strokes)
    return DocumentDetail(
        document_id, key, kind, title, number, current, action, at, author, language, sha256,
        bool(scan), signed, treatment_id, treatment, signed and number < current and key in again,
    )  # fmt: skip


def _print_permission(kind: TemplateKind) -> Permission:
    """As ``documents.print_permission``, without loading the PDF renderer to read a row."""
    if kind is TemplateKind.GENERAL:
        return Permission.PRINT_GENERAL_DOCUMENTS
    return Permission.PRINT_DOCUMENTS
