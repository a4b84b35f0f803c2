"""The doctor's assessment (面诊): locked once signed; later words are signed addenda."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event, inspect
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, utcnow

SKIN_TYPES = ("I", "II", "III", "IV", "V", "VI")  # Fitzpatrick


class SignedRecordError(Exception):
    """A signed assessment was about to change; nothing is written."""


class Assessment(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "assessments"

    visit_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("visits.id"), index=True)
    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    doctor_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    chief_complaint: Mapped[str] = mapped_column(sa.Text, default="")
    skin_type: Mapped[str | None] = mapped_column(sa.String(3))
    skin_condition: Mapped[str] = mapped_column(sa.Text, default="")
    areas_examined: Mapped[str] = mapped_column(sa.String(300), default="")
    area_notes: Mapped[str] = mapped_column(sa.Text, default="{}")  # JSON: area → note
    contraindications_shown: Mapped[str] = mapped_column(sa.Text, default="")
    contraindications_confirmed: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    diagnosis: Mapped[str] = mapped_column(sa.String(60), default="")
    diagnosis_text: Mapped[str] = mapped_column(sa.Text, default="")
    recommendation: Mapped[str] = mapped_column(sa.Text, default="")
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_by_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))


class AssessmentAddendum(UUIDPrimaryKey, Base):
    __tablename__ = "assessment_addenda"

    assessment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("assessments.id"), index=True)
    text: Mapped[str] = mapped_column(sa.Text)
    signed_by_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DiagnosisOption(UUIDPrimaryKey, Base):
    """The clinic's diagnosis pick list; free text goes beside it."""

    __tablename__ = "diagnosis_options"

    name: Mapped[str] = mapped_column(sa.String(60), unique=True)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)


@event.listens_for(Assessment, "before_update")
def _refuse_signed_changes(_mapper: object, _connection: object, target: Assessment) -> None:
    """Whatever path leads here (service, script, a bug), a signed assessment stays as signed."""
    signed = inspect(target).attrs.signed_at.history
    was_signed = bool(signed.deleted and signed.deleted[0]) or (
        not signed.has_changes() and target.signed_at is not None
    )
    if was_signed:
        raise SignedRecordError(f"Assessment {target.id} is signed and cannot be changed.")
