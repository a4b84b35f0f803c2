"""Which rows of which import file became which patient: what makes a rerun import nothing twice."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, utcnow


class ImportedRow(Base):
    """A row of an import file (named by the SHA-256 of its bytes) and the patient it made.

    Written in the same transaction as the patient, so a run cut short leaves exactly the
    rows of its committed batches here, and the next run of the same file skips them.
    Rows with a mobile or ID number would be caught by the dedupe anyway; this catches
    those with only a name.
    """

    __tablename__ = "imported_rows"

    file_sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    row_no: Mapped[int] = mapped_column(sa.Integer, primary_key=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
