"""The append-only audit log: who did what to which record, when, from which station."""

from __future__ import annotations

import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, utcnow


class AuditEvent(UUIDPrimaryKey, Base):
    __tablename__ = "audit_events"

    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"), index=True)
    workstation: Mapped[str] = mapped_column(sa.String(100))
    action: Mapped[str] = mapped_column(sa.String(40))
    entity_type: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    summary: Mapped[str] = mapped_column(sa.Text, default="")
