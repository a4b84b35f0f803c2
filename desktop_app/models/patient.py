"""The patient: identity and contact. Later revisions add history, consents and tags."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned

# People-facing record numbers (病历号) come from this sequence on PostgreSQL, so that any
# number of stations can register at once; SQLite uses RecordCounter inside its single
# write transaction instead (see services.record_numbers).
RECORD_NO_SEQUENCE = sa.Sequence("patient_record_no_seq", metadata=Base.metadata)


class Patient(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "patients"

    record_no: Mapped[str] = mapped_column(sa.String(20), unique=True)
    name: Mapped[str] = mapped_column(sa.String(100))
    sex: Mapped[str | None] = mapped_column(sa.String(1))
    birth_date: Mapped[dt.date | None] = mapped_column(sa.Date)
    mobile: Mapped[str | None] = mapped_column(sa.String(32), index=True)
    id_number: Mapped[str | None] = mapped_column(sa.String(32), index=True)


class RecordCounter(Base):
    """Next value of a readable number series, for backends without sequences."""

    __tablename__ = "record_counters"

    name: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    next_value: Mapped[int] = mapped_column(sa.BigInteger)
