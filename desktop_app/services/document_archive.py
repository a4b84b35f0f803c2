"""A patient's printed documents: the timeline's list, the re-sign check, signed scans.

Listing never loads PDF bytes. A consent counts as signed when it was signed on screen or
its paper copy was scanned back; signed on an older template version, it asks again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    DocumentAction,
    DocumentBlobKind,
    DocumentTemplate,
    PrintedDocument,
    PrintedDocumentBlob,
    Staff,
    TemplateKind,
    TemplateVersion,
)
from desktop_app.models.document import scanned_back
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.documents import print_permission
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, allowed, require


@dataclass(frozen=True)
class DocumentSummary:
    """A printed document as the patient's timeline lists it (never its bytes)."""

    id: uuid.UUID
    key: str
    kind: TemplateKind
    language: str
    title: str
    version: int
    current_version: int  # of the template now: newer means "signed on an older version"
    action: DocumentAction
    created_at: dt.datetime
    created_by: str | None  # None: the command line
    treatment_id: uuid.UUID | None
    sha256: str
    signed: bool  # signed on screen, or a signed paper copy scanned back

    @property
    def outdated(self) -> bool:
        return self.version < self.current_version


SCAN_TYPES = ("application/pdf", "image/png", "image/jpeg")
MAX_SCAN_BYTES = 20 * 1024 * 1024


def documents_of(database: Database, actor: Actor, patient_id: uuid.UUID) -> list[DocumentSummary]:
    """The patient's printed documents, newest first; reception sees the general ones only."""
    require(actor, Permission.VIEW_PATIENT, database)
    newest = (
        sa.select(TemplateVersion.template_id, sa.func.max(TemplateVersion.number).label("n"))
        .group_by(TemplateVersion.template_id)
        .subquery()
    )
    scanned = scanned_back()
    query = (
        sa.select(
            PrintedDocument,
            DocumentTemplate.key,
            DocumentTemplate.kind,
            TemplateVersion.title,
            TemplateVersion.number,
            newest.c.n,
            Staff.display_name,
            scanned.label("scanned"),
        )
        .join(TemplateVersion, TemplateVersion.id == PrintedDocument.template_version_id)
        .join(DocumentTemplate, DocumentTemplate.id == TemplateVersion.template_id)
        .join(newest, newest.c.template_id == DocumentTemplate.id)
        .outerjoin(Staff, Staff.id == PrintedDocument.created_by_id)
        .where(PrintedDocument.patient_id == patient_id)
        .order_by(PrintedDocument.created_at.desc())
    )
    if not allowed(actor, Permission.PRINT_DOCUMENTS):
        query = query.where(DocumentTemplate.kind == TemplateKind.GENERAL)
    with unit_of_work(database, write=False) as session:
        rows = session.execute(query).all()
    return [
        DocumentSummary(
            doc.id,
            key,
            kind,
            doc.language,
            title,
            number,
            current,
            doc.action,
            doc.created_at,
            author,
            doc.treatment_id,
            doc.sha256,
            doc.signature_strokes is not None or bool(scan),
        )
        for doc, key, kind, title, number, current, author, scan in rows
    ]


def needs_signature(database: Database, actor: Actor, patient_id: uuid.UUID, key: str) -> bool:
    """True unless the patient signed ``key`` on its current version (in either language):
    a consent signed on an older version asks for a new signature."""
    return not any(
        d.signed and not d.outdated and d.key == key
        for d in documents_of(database, actor, patient_id)
    )


def attach_scan(
    database: Database, actor: Actor, document_id: uuid.UUID, data: bytes, media_type: str
) -> None:
    """Keep the page signed on paper and scanned back with its printed document (once)."""
    if media_type not in SCAN_TYPES:
        raise ValidationError("scan", "type", "Attach a PDF, PNG or JPEG scan.")
    if not data or len(data) > MAX_SCAN_BYTES:
        raise ValidationError("scan", "size", "The scan is empty or larger than 20 MB.")
    with unit_of_work(database, write=False) as session:
        kind = session.scalar(
            sa.select(DocumentTemplate.kind)
            .join(TemplateVersion, TemplateVersion.template_id == DocumentTemplate.id)
            .join(PrintedDocument, PrintedDocument.template_version_id == TemplateVersion.id)
            .where(PrintedDocument.id == document_id)
        )
    if kind is None:
        raise NotFoundError(f"No printed document {document_id}.")
    require(actor, print_permission(kind), database)
    with unit_of_work(database) as session:
        if session.get(PrintedDocumentBlob, (document_id, DocumentBlobKind.SCAN)) is not None:
            raise ValidationError("scan", "exists", "A signed scan is already attached.")
        session.add(
            PrintedDocumentBlob(
                document_id=document_id,
                kind=DocumentBlobKind.SCAN,
                media_type=media_type,
                data=data,
            )
        )
        audit.record(
            session, actor, "attach_scan", "printed_document", document_id,
            media_type=media_type, sha256=hashlib.sha256(data).hexdigest(),
        )  # fmt: skip
