"""Clinic-wide settings shared by every station (per-station ones live in station.py)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, Versioned


class ClinicSetting(Versioned, Base):
    __tablename__ = "clinic_settings"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[str] = mapped_column(sa.Text)
