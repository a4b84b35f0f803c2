"""Clinical photos (照片): what each shows, and its image bytes kept in a table of their own.

A photo's row is small and queried often (gallery, filters, pairing); its bytes live in
``photo_blobs`` so no patient or gallery query ever reads a megabyte by accident. Photos
are never deleted: one taken in error is hidden with a reason, like other clinical records.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum


class PhotoStage(enum.StrEnum):
    BEFORE = "before"
    AFTER = "after"  # immediately after the treatment
    FOLLOW_UP = "follow_up"  # day N after, N in ``follow_up_day``
    OTHER = "other"


class PhotoAngle(enum.StrEnum):
    FRONT = "front"
    LEFT_45 = "left_45"
    RIGHT_45 = "right_45"
    LEFT_90 = "left_90"
    RIGHT_90 = "right_90"
    TOP = "top"
    BOTTOM = "bottom"
    CLOSE_UP = "close_up"


class BlobKind(enum.StrEnum):
    ORIGINAL = "original"  # the pixels as taken, identifying metadata removed
    DISPLAY = "display"  # upright, long side ~2048 px
    THUMB = "thumb"  # upright, long side ~256 px


class Photo(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "photos"
    __table_args__ = (
        # The same file twice for one patient is a duplicate, whichever station imports it.
        sa.UniqueConstraint("patient_id", "content_hash"),
        sa.Index("ix_photos_patient_taken", "patient_id", "taken_at"),
    )

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("visits.id"))
    treatment_id: Mapped[uuid.UUID | None] = mapped_column(
        sa.ForeignKey("treatments.id"), index=True
    )
    stage: Mapped[PhotoStage] = mapped_column(
        text_enum(PhotoStage, "photo_stage", 20), default=PhotoStage.OTHER
    )
    follow_up_day: Mapped[int | None] = mapped_column(sa.Integer)
    angle: Mapped[PhotoAngle | None] = mapped_column(text_enum(PhotoAngle, "photo_angle", 20))
    area: Mapped[str] = mapped_column(sa.String(60), default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)
    camera: Mapped[str] = mapped_column(sa.String(120), default="")
    source_name: Mapped[str] = mapped_column(sa.String(255), default="")  # the file's name
    content_hash: Mapped[str] = mapped_column(sa.String(64))  # SHA-256 of the file as given
    width: Mapped[int] = mapped_column(sa.Integer)  # upright
    height: Mapped[int] = mapped_column(sa.Integer)
    imported_by_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    hidden_reason: Mapped[str] = mapped_column(sa.String(200), default="")


class PhotoBlob(Base):
    """One stored rendition of a photo. Written with its ``Photo`` in one transaction."""

    __tablename__ = "photo_blobs"

    photo_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("photos.id"), primary_key=True)
    kind: Mapped[BlobKind] = mapped_column(text_enum(BlobKind, "blob_kind", 10), primary_key=True)
    media_type: Mapped[str] = mapped_column(sa.String(40))  # image/jpeg, image/png …
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
