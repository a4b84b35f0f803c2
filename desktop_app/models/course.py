"""A course (疗程): a number of sessions of one treatment, bought once, used over visits."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned


class Course(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "courses"

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    item_name: Mapped[str] = mapped_column(sa.String(100))
    sessions_total: Mapped[int] = mapped_column(sa.Integer)
    sessions_used: Mapped[int] = mapped_column(sa.Integer, default=0)
    item_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("treatment_items.id"))
    plan_item_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("plan_items.id"))
    expires_on: Mapped[dt.date | None] = mapped_column(sa.Date)
