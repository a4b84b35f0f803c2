"""Staff accounts, their roles, and the failed sign-ins that lock an account."""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum


class Role(enum.StrEnum):
    RECEPTIONIST = "receptionist"
    CONSULTANT = "consultant"
    DOCTOR = "doctor"
    NURSE = "nurse"
    MANAGER = "manager"


class Staff(UUIDPrimaryKey, Versioned, Base):
    """``role`` is the person's main role (shown with their name, the role reminders are
    assigned by); every role they hold, the main one included, is in ``staff_roles``."""

    __tablename__ = "staff"

    username: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(100))
    role: Mapped[Role] = mapped_column(text_enum(Role, "staff_role", 20))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    # Wrong passwords in a row, and until when the account refuses every sign-in. Changed
    # by atomic UPDATEs that leave ``version`` alone: a colleague's typo is no edit.
    failed_sign_ins: Mapped[int] = mapped_column(sa.Integer, default=0, server_default="0")
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class StaffRole(Base):
    """One role a person holds; a person holds one or more."""

    __tablename__ = "staff_roles"

    staff_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"), primary_key=True)
    role: Mapped[Role] = mapped_column(text_enum(Role, "staff_roles_role", 20), primary_key=True)
