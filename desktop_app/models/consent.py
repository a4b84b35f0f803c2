"""PIPL consents: each kind separate, each grant or withdrawal a new row, never changed."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, text_enum, utcnow


class ConsentKind(enum.StrEnum):
    PERSONAL_INFO = "personal_info"
    HEALTH_INFO = "health_info"
    PHOTOS_RECORD = "photos_record"
    PHOTOS_MARKETING = "photos_marketing"
    CONTACT_FOLLOW_UP = "contact_follow_up"
    CONTACT_MARKETING = "contact_marketing"


class PatientConsent(UUIDPrimaryKey, Base):
    __tablename__ = "patient_consents"

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    kind: Mapped[ConsentKind] = mapped_column(text_enum(ConsentKind, "consent_kind", 30))
    granted: Mapped[bool] = mapped_column(sa.Boolean)
    given_by: Mapped[str] = mapped_column(sa.String(10))  # "patient" or "guardian"
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
