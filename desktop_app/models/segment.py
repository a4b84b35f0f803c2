"""A manager's saved segment: a name and the conditions that pick its patients.

Only the conditions are stored (JSON text read by services.segments), never the members,
so a segment's size and list are always today's.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned


class Segment(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "segments"

    name: Mapped[str] = mapped_column(sa.String(60), unique=True)
    conditions: Mapped[str] = mapped_column(sa.Text)  # services.segments.Conditions as JSON
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
