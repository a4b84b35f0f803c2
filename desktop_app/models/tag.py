"""Tags on patients: free ones, and ones from the clinic's groups (basic, personal, preference)."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum, utcnow


class TagKind(enum.StrEnum):
    BASIC = "basic"  # 基本: who they are (student, office worker …)
    PERSONAL = "personal"  # 个性: how to treat them (afraid of pain, sensitive skin …)
    PREFERENCE = "preference"  # 偏好: what they like (weekends, a female doctor …)


class TagGroup(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "tag_groups"

    name: Mapped[str] = mapped_column(sa.String(40), unique=True)
    kind: Mapped[TagKind] = mapped_column(text_enum(TagKind, "tag_kind", 20))
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)


class Tag(UUIDPrimaryKey, Base):
    """A tag name, once; ``group_id`` None is a free tag typed at the desk."""

    __tablename__ = "tags"

    name: Mapped[str] = mapped_column(sa.String(40), unique=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("tag_groups.id"), index=True)
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)


class PatientTag(Base):
    __tablename__ = "patient_tags"

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), primary_key=True)
    tag_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("tags.id"), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    added_by_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
