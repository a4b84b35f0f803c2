"""Staff accounts and their roles."""

from __future__ import annotations

import enum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned, text_enum


class Role(enum.StrEnum):
    RECEPTIONIST = "receptionist"
    CONSULTANT = "consultant"
    DOCTOR = "doctor"
    NURSE = "nurse"
    MANAGER = "manager"


class Staff(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(100))
    role: Mapped[Role] = mapped_column(text_enum(Role, "staff_role", 20))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
