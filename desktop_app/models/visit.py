"""A patient's arrival on one day."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum


class VisitStatus(enum.StrEnum):
    WAITING = "waiting"
    WITH_CONSULTANT = "with_consultant"
    WITH_DOCTOR = "with_doctor"
    IN_TREATMENT = "in_treatment"
    DONE = "done"
    LEFT = "left"


class Visit(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "visits"

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    status: Mapped[VisitStatus] = mapped_column(
        text_enum(VisitStatus, "visit_status", 20),
        default=VisitStatus.WAITING,
    )
