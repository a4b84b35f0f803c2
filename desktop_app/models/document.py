"""Consent and aftercare templates (versioned) and every document printed from them.

A template version is never changed once written: a signed consent must always point at
the exact text the patient saw. A printed document keeps the PDF bytes and their SHA-256 so
a reprint is byte-identical; the bytes (and a scanned signed page) live in
``printed_document_blobs`` so patient timelines never load them by accident.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, text_enum, utcnow


class TemplateKind(enum.StrEnum):
    CONSENT = "consent"
    AFTERCARE = "aftercare"
    GENERAL = "general"  # PIPL personal-information consent, photo consent …


class DocumentAction(enum.StrEnum):
    PRINT = "print"
    SAVE = "save"  # saved as a PDF file
    SIGN = "sign"  # signed on screen: strokes stored with the document


class DocumentBlobKind(enum.StrEnum):
    PDF = "pdf"  # the document as rendered (with on-screen signatures, if any)
    SCAN = "scan"  # the page signed on paper and scanned back


class DocumentTemplate(UUIDPrimaryKey, Base):
    """One template in one language. Items link to it by ``key`` (``consent_template`` /
    ``aftercare_template`` on the catalogue item), so a template can exist before an item."""

    __tablename__ = "document_templates"
    __table_args__ = (sa.UniqueConstraint("key", "language"),)

    key: Mapped[str] = mapped_column(sa.String(60))
    language: Mapped[str] = mapped_column(sa.String(10))  # zh_CN | en
    kind: Mapped[TemplateKind] = mapped_column(text_enum(TemplateKind, "template_kind", 10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TemplateVersion(UUIDPrimaryKey, Base):
    """The text of a template as saved once; editing writes the next number."""

    __tablename__ = "template_versions"
    __table_args__ = (
        sa.UniqueConstraint("template_id", "number"),
        sa.CheckConstraint("number >= 1", name="number"),
    )

    template_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("document_templates.id"))
    number: Mapped[int] = mapped_column(sa.Integer)
    title: Mapped[str] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(  # None: a shipped default
        sa.ForeignKey("staff.id")
    )


class PrintedDocument(UUIDPrimaryKey, Base):
    """One printed, saved or signed copy: what was printed, for whom, by whom, when."""

    __tablename__ = "printed_documents"
    __table_args__ = (sa.Index("ix_printed_documents_patient_created", "patient_id", "created_at"),)

    template_version_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("template_versions.id"), index=True
    )
    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"))
    treatment_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("treatments.id"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(10))
    action: Mapped[DocumentAction] = mapped_column(text_enum(DocumentAction, "document_action", 10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(  # None: the command line
        sa.ForeignKey("staff.id")
    )
    sha256: Mapped[str] = mapped_column(sa.String(64))  # of the PDF bytes
    signature_strokes: Mapped[str | None] = mapped_column(sa.Text)  # JSON, per signer role


class PrintedDocumentBlob(Base):
    """The bytes of a printed document: its PDF, and a scanned signed page if one came back."""

    __tablename__ = "printed_document_blobs"

    document_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("printed_documents.id"), primary_key=True
    )
    kind: Mapped[DocumentBlobKind] = mapped_column(
        text_enum(DocumentBlobKind, "document_blob_kind", 10), primary_key=True
    )
    media_type: Mapped[str] = mapped_column(sa.String(40))  # application/pdf, image/png …
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


def scanned_back() -> sa.Exists:
    """Whether a signed paper copy of the (correlated) ``PrintedDocument`` came back as a
    scan: an EXISTS on the blobs' primary key, for the queries that list documents."""
    return sa.exists().where(
        PrintedDocumentBlob.document_id == PrintedDocument.id,
        PrintedDocumentBlob.kind == DocumentBlobKind.SCAN,
    )


def signed_copy() -> sa.ColumnElement[bool]:
    """A copy the patient signed: on screen (strokes kept) or on paper scanned back."""
    return sa.or_(PrintedDocument.signature_strokes.is_not(None), scanned_back())
