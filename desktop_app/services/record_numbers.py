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
    [number] = allocate_record_nos(session, 1)
    return number


def allocate_record_nos(session: Session, count: int) -> list[str]:
    """``count`` numbers at once, from the same series as ``next_record_no`` (bulk loads).

    PostgreSQL draws every value from the sequence in one statement, so stations
    registering meanwhile interleave safely (the block may then have holes, never
    duplicates); SQLite advances the counter row by ``count`` under its write lock.
    """
    if count < 1:
        return []
    if session.get_bind().dialect.name == "postgresql":
        values = list(
            session.scalars(
                sa.select(RECORD_NO_SEQUENCE.next_value()).select_from(
                    sa.func.generate_series(1, count)
                )
            )
        )
    else:
        counter = session.get(RecordCounter, PATIENT_SERIES)
        if counter is None:
            counter = RecordCounter(name=PATIENT_SERIES, next_value=1)
            session.add(counter)
        first = counter.next_value
        counter.next_value = first + count
        values = list(range(first, first + count))
    return [f"{value:06d}" for value in values]
