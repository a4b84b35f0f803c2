"""A course (疗程): a number of sessions of one treatment, bought once, used over visits.

Only what check-in needs to derive the visit type lives here now; the clinical-record
issue links courses to plans and treatments.
"""

from __future__ import annotations

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
