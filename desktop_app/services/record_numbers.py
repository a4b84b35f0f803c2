"""Readable medical record numbers (病历号), unique however many stations register at once."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import RECORD_NO_SEQUENCE, RecordCounter

PATIENT_SERIES = "patient"


def next_record_no(session: Session) -> str:
    """Allocate the next number inside the caller's write transaction.

    PostgreSQL: a sequence, safe under any concurrency (a rolled-back registration may
    leave a gap, never a duplicate). SQLite: a counter row, safe because write
    transactions there start with BEGIN IMMEDIATE and so run one at a time.
    """
    if session.get_bind().dialect.name == "postgresql":
        value = session.execute(sa.select(RECORD_NO_SEQUENCE.next_value())).scalar_one()
    else:
        counter = session.get(RecordCounter, PATIENT_SERIES)
        if counter is None:
            counter = RecordCounter(name=PATIENT_SERIES, next_value=1)
            session.add(counter)
        value = counter.next_value
        counter.next_value = value + 1
    return f"{value:06d}"
