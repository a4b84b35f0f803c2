"""Finding a patient from whatever the desk has: name, pinyin, mobile tail, record or ID number.

Ranking, best first: exact record number / ID number / mobile, then name prefix, then
pinyin (full or initials), then the rest (ID or mobile tail, name contains); within a
rank, patients seen most recently first.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Patient, Visit
from desktop_app.services import identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

EXACT, NAME_PREFIX, PINYIN, OTHER = range(4)
MIN_TAIL = 4


@dataclass(frozen=True)
class SearchHit:
    id: uuid.UUID
    record_no: str
    name: str
    mobile_masked: str
    birth_date: dt.date | None
    rank: int


def search_patients(
    database: Database, actor: Actor, query: str, limit: int = 20
) -> list[SearchHit]:
    require(actor, Permission.VIEW_PATIENT)
    text = identity.fold(query)
    if not text:
        return []
    ranked: dict[uuid.UUID, int] = {}
    with unit_of_work(database, write=False) as session:
        for rank, condition in _conditions(text):
            for patient_id in session.scalars(
                sa.select(Patient.id).where(condition).limit(limit * 3)
            ):
                ranked.setdefault(patient_id, rank)
        if not ranked:
            return []
        last_visit = (
            sa.select(Visit.patient_id, sa.func.max(Visit.checked_in_at).label("seen"))
            .where(Visit.patient_id.in_(ranked))
            .group_by(Visit.patient_id)
            .subquery()
        )
        rows = session.execute(
            sa.select(Patient, last_visit.c.seen)
            .outerjoin(last_visit, last_visit.c.patient_id == Patient.id)
            .where(Patient.id.in_(ranked))
        ).all()
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)

    def order(row: sa.Row) -> tuple[int, bool, float, str]:
        seen = row.seen
        if isinstance(seen, dt.datetime) and seen.tzinfo is None:
            seen = seen.replace(tzinfo=dt.UTC)  # SQLite returns subquery values naive
        return (
            ranked[row.Patient.id],
            row.Patient.name != text,  # the whole name typed beats a longer name
            -((seen or epoch) - epoch).total_seconds(),
            row.Patient.record_no,
        )

    return [
        SearchHit(
            p.id, p.record_no, p.name, identity.mask_mobile(p.mobile), p.birth_date, ranked[p.id]
        )
        for p, _seen in sorted(rows, key=order)[:limit]
    ]


def _conditions(text: str) -> list[tuple[int, sa.ColumnElement[bool]]]:
    """(rank, condition) pairs for what the text could be; a patient keeps its best rank."""
    compact = re.sub(r"[\s\-]", "", text)
    found: list[tuple[int, sa.ColumnElement[bool]]] = []
    if re.fullmatch(r"\d+[xX]?", compact):  # record, mobile or ID number, whole or tail
        upper = compact.upper()
        found += [(EXACT, Patient.record_no == compact), (EXACT, Patient.id_number == upper)]
        with contextlib.suppress(ValidationError):  # not a whole phone number
            found.append((EXACT, Patient.mobile == identity.mobile(compact).e164))
        if len(compact) >= MIN_TAIL:
            found += [
                (OTHER, Patient.mobile_rev.startswith(upper[::-1], autoescape=True)),
                (OTHER, Patient.id_rev.startswith(upper[::-1], autoescape=True)),
            ]
        return found
    lowered = compact.lower()
    found.append((NAME_PREFIX, Patient.name.startswith(text, autoescape=True)))
    if compact.isascii() and compact.isalpha():
        found += [
            (PINYIN, Patient.name_pinyin.startswith(lowered, autoescape=True)),
            (PINYIN, Patient.name_initials.startswith(lowered, autoescape=True)),
        ]
    found.append((OTHER, Patient.name.contains(text, autoescape=True)))
    return found
