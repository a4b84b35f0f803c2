"""A patient's arrival on one day, and where it stands in the day's queue."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum


class VisitStatus(enum.StrEnum):
    """The queue board's columns, in order."""

    WAITING = "waiting"
    WITH_CONSULTANT = "with_consultant"
    WITH_DOCTOR = "with_doctor"
    IN_TREATMENT = "in_treatment"
    DONE = "done"
    LEFT = "left"  # left without treatment


class VisitType(enum.StrEnum):
    """Derived from the patient's history at check-in, never typed."""

    FIRST = "first"  # 初诊
    RETURN = "return"  # 复诊: came before, bought nothing
    REPURCHASE = "repurchase"  # 再消费: bought before
    COURSE = "course"  # 疗程: has course sessions left


class Visit(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "visits"
    # A patient's visits in order (check-in's history, the record, demo data's re-derivation).
    __table_args__ = (
        sa.Index("ix_visits_patient_checked_in", "patient_id", "checked_in_at"),
        # with the id: a period's visits joined to their consultations from the index alone
        sa.Index("ix_visits_checked_in_at", "checked_in_at", "id"),
    )

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"))
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[VisitStatus] = mapped_column(
        text_enum(VisitStatus, "visit_status", 20),
        default=VisitStatus.WAITING,
    )
    visit_type: Mapped[VisitType | None] = mapped_column(text_enum(VisitType, "visit_type", 20))
    status_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    consultant_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    doctor_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    room: Mapped[str | None] = mapped_column(sa.String(40))
    # Set when the consultation ends in a deal (issue 5 records it); 再消费 is derived from it.
    purchased: Mapped[bool] = mapped_column(sa.Boolean, default=False, server_default=sa.false())
