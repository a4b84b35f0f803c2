"""The patient: identity and contact. Later revisions add history, consents and tags."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned

# People-facing record numbers (病历号) come from this sequence on PostgreSQL, so that any
# number of stations can register at once; SQLite uses RecordCounter inside its single
# write transaction instead (see services.record_numbers).
RECORD_NO_SEQUENCE = sa.Sequence("patient_record_no_seq", metadata=Base.metadata)


def search_key(length: int) -> sa.String:
    """Text compared by code point on both backends (PostgreSQL: the "C" collation).

    SQLite compares text that way already. On PostgreSQL it lets a plain B-tree index
    serve prefix searches written as ranges (``key >= 'zh' AND key < 'zi'``), also in
    prepared statements, and makes both backends order these columns alike.
    """
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def name_suffixes(name: str) -> list[str]:
    """Every ending of ``name`` after its first character, lower case: the keys that turn
    "name contains" into an indexed prefix search (三丰 finds 张三丰 through 三丰)."""
    lowered = name.lower()
    return [lowered[i:] for i in range(1, len(lowered))]


class Patient(UUIDPrimaryKey, Versioned, Base):
    """Identity, contact, how they came to the clinic and what matters for treatment.

    ``mobile`` (E.164) and ``id_number`` are normalised and unique, so two stations
    registering the same person at once cannot both succeed. ``*_rev`` hold them reversed
    for "last four digits" searches that an index can serve; ``name_pinyin`` and
    ``name_initials`` serve pinyin search; ``name_suffixes`` follow the name by themselves
    (writers that bypass the ORM, like bulk loads, add them with ``name_suffixes()``).
    """

    __tablename__ = "patients"

    record_no: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(search_key(100), index=True)
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
    # The first visit as another system recorded it (首次到院/建档日期), for imported
    # patients whose history here starts later; None for patients registered here.
    first_visit_on: Mapped[dt.date | None] = mapped_column(sa.Date)
    name_pinyin: Mapped[str] = mapped_column(search_key(400), default="", index=True)
    name_initials: Mapped[str] = mapped_column(search_key(100), default="", index=True)
    mobile_rev: Mapped[str | None] = mapped_column(search_key(32), index=True)
    id_rev: Mapped[str | None] = mapped_column(search_key(32), index=True)
    name_suffixes: Mapped[list[PatientNameSuffix]] = relationship(
        cascade="all, delete-orphan", order_by="PatientNameSuffix.suffix"
    )


class PatientNameSuffix(Base):
    """One of ``name_suffixes(patient.name)``; derived, rewritten whenever the name is set."""

    __tablename__ = "patient_name_suffixes"
    __table_args__ = (sa.Index("ix_patient_name_suffixes_suffix", "suffix", "patient_id"),)

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), primary_key=True)
    suffix: Mapped[str] = mapped_column(search_key(100), primary_key=True)


@event.listens_for(Patient.name, "set")
def _index_name(patient: Patient, name: str, _old: object, _initiator: object) -> None:
    """Keep the suffix rows in step with the name, however the name was set."""
    wanted = set(name_suffixes(name))
    kept = [row for row in patient.name_suffixes if row.suffix in wanted]
    have = {row.suffix for row in kept}
    patient.name_suffixes = kept + [
        PatientNameSuffix(suffix=suffix) for suffix in sorted(wanted - have)
    ]


class RecordCounter(Base):
    """Next value of a readable number series, for backends without sequences."""

    __tablename__ = "record_counters"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    next_value: Mapped[int] = mapped_column(sa.BigInteger)
