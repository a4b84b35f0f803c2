"""The patient: identity and contact. Later revisions add history, consents and tags."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned

# People-facing record numbers (病历号) come from this sequence on PostgreSQL, so that any
# number of stations can register at once; SQLite uses RecordCounter inside its single
# write transaction instead (see services.record_numbers).
RECORD_NO_SEQUENCE = sa.Sequence("patient_record_no_seq", metadata=Base.metadata)


class Patient(UUIDPrimaryKey, Versioned, Base):
    """Identity, contact, how they came to the clinic and what matters for treatment.

    ``mobile`` (E.164) and ``id_number`` are normalised and unique, so two stations
    registering the same person at once cannot both succeed. ``*_rev`` hold them reversed
    for "last four digits" searches that an index can serve; ``name_pinyin`` and
    ``name_initials`` serve pinyin search.
    """

    __tablename__ = "patients"

    record_no: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    sex: Mapped[str | None] = mapped_column(sa.String(1))
    birth_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    mobile: Mapped[str | None] = mapped_column(sa.String(32), index=True, unique=True)
    id_type: Mapped[str | None] = mapped_column(sa.String(20))
    id_number: Mapped[str | None] = mapped_column(sa.String(32), index=True, unique=True)
    id_unverified_reason: Mapped[str | None] = mapped_column(sa.Text)
    region: Mapped[str | None] = mapped_column(sa.String(100))
    source_channel: Mapped[str | None] = mapped_column(sa.String(40))
    referrer_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("patients.id"))
    consultant_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    interests: Mapped[str] = mapped_column(sa.Text, default="")
    allergies: Mapped[str] = mapped_column(sa.Text, default="")
    history_flags: Mapped[str] = mapped_column(sa.String(200), default="")
    history_notes: Mapped[str] = mapped_column(sa.Text, default="")
    emergency_name: Mapped[str | None] = mapped_column(sa.String(100))
    emergency_phone: Mapped[str | None] = mapped_column(sa.String(32))
    guardian_name: Mapped[str | None] = mapped_column(sa.String(100))
    guardian_relation: Mapped[str | None] = mapped_column(sa.String(40))
    guardian_mobile: Mapped[str | None] = mapped_column(sa.String(32))
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    name_pinyin: Mapped[str] = mapped_column(sa.String(400), default="", index=True)
    name_initials: Mapped[str] = mapped_column(sa.String(100), default="", index=True)
    mobile_rev: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    id_rev: Mapped[str | None] = mapped_column(sa.String(32), index=True)


class RecordCounter(Base):
    """Next value of a readable number series, for backends without sequences."""

    __tablename__ = "record_counters"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    next_value: Mapped[int] = mapped_column(sa.BigInteger)
