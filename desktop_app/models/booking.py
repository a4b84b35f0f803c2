"""The appointment book (预约): rooms and devices, bookings, and every change to a booking.

A booking is for a patient or for a lead not registered yet (name and mobile only), with
a doctor, a consultant, a room and a device, each optional. A doctor, a room or a device
is never booked twice at once (services/bookings.py refuses it under a lock). Nothing is
deleted: a cancelled or moved booking keeps its history in ``booking_events``.
"""

from __future__ import annotations

import enum
import uuid
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned, text_enum, utcnow


class ResourceKind(enum.StrEnum):
    ROOM = "room"
    DEVICE = "device"  # e.g. the one 热玛吉 machine


class BookingStatus(enum.StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"  # checked in: a visit is on the board
    NO_SHOW = "no_show"  # not arrived by the end of its day
    CANCELLED = "cancelled"


# The statuses that hold their doctor, room and device.
HOLDING = (BookingStatus.BOOKED, BookingStatus.ARRIVED)


class Resource(UUIDPrimaryKey, Versioned, Base):
    """A treatment room or a device that can be booked; retired, never deleted."""

    __tablename__ = "resources"
    __table_args__ = (sa.UniqueConstraint("kind", "name"),)

    kind: Mapped[ResourceKind] = mapped_column(text_enum(ResourceKind, "resource_kind", 10))
    name: Mapped[str] = mapped_column(sa.String(40))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)


class Booking(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "bookings"
    __table_args__ = (
        sa.CheckConstraint("ends_at > starts_at", name="times"),
        sa.CheckConstraint(
            "patient_id IS NOT NULL OR lead_name IS NOT NULL", name="patient_or_lead"
        ),
        sa.Index("ix_bookings_starts_at", "starts_at"),
        sa.Index("ix_bookings_doctor", "doctor_id", "starts_at"),
        sa.Index("ix_bookings_consultant", "consultant_id", "starts_at"),
        sa.Index("ix_bookings_room", "room_id", "starts_at"),
        sa.Index("ix_bookings_device", "device_id", "starts_at"),
        sa.Index("ix_bookings_patient", "patient_id", "starts_at"),
        sa.Index("ix_bookings_lead_mobile", "lead_mobile"),
    )

    patient_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("patients.id"))
    lead_name: Mapped[str | None] = mapped_column(sa.String(100))
    lead_mobile: Mapped[str | None] = mapped_column(sa.String(32))  # E.164
    item_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("treatment_items.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    doctor_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    consultant_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    room_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("resources.id"))
    device_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("resources.id"))
    status: Mapped[BookingStatus] = mapped_column(
        text_enum(BookingStatus, "booking_status", 10), default=BookingStatus.BOOKED
    )
    source: Mapped[str | None] = mapped_column(sa.String(40))  # the channel it came through
    invited_by_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    visit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("visits.id"))
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class BookingEvent(UUIDPrimaryKey, Base):
    """One change to a booking: made, moved, resized, cancelled, arrived, no-show."""

    __tablename__ = "booking_events"

    booking_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("bookings.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    staff_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    action: Mapped[str] = mapped_column(sa.String(20))
    starts_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # before the change
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(sa.Text, default="")
