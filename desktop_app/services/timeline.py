"""A patient's whole history as one reverse-chronological list, fetched a page at a time.

Each kind is one indexed query on ``patient_id`` limited to the page size, merged newest
first; the next page starts before the last entry shown (keyset, so page 20 costs what
page 1 does). A role sees only the kinds it may see: a receptionist sees visits only.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased

from desktop_app.db import Database
from desktop_app.models import (
    Assessment,
    Consultation,
    Course,
    Staff,
    Treatment,
    TreatmentItem,
    TreatmentPlan,
    Visit,
)
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.permissions import Permission, allowed, require

PAGE = 100


class EntryKind(enum.StrEnum):
    VISIT = "visit"
    CONSULTATION = "consultation"
    ASSESSMENT = "assessment"
    PLAN = "plan"
    COURSE = "course"
    TREATMENT = "treatment"


NEEDS = {
    EntryKind.VISIT: Permission.VIEW_PATIENT,
    EntryKind.CONSULTATION: Permission.VIEW_CONSULTATION,
    EntryKind.ASSESSMENT: Permission.VIEW_ASSESSMENT,
    EntryKind.PLAN: Permission.VIEW_TREATMENT,
    EntryKind.COURSE: Permission.VIEW_TREATMENT,
    EntryKind.TREATMENT: Permission.VIEW_TREATMENT,
}


@dataclass(frozen=True)
class Entry:
    """One line of the timeline. ``label`` and ``state`` are data (codes, names); the UI
    puts them into words in the user's language."""

    kind: EntryKind
    at: dt.datetime
    id: uuid.UUID
    label: str  # visit type, outcome, diagnosis, item name …
    state: str  # visit status, "signed"/"draft", sessions "used/total" …
    person: str  # who wrote or did it


def visible_kinds(actor: Actor) -> list[EntryKind]:
    return [kind for kind in EntryKind if allowed(actor, NEEDS[kind])]


def patient_timeline(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    *,
    kinds: set[EntryKind] | None = None,
    before: tuple[dt.datetime, uuid.UUID] | None = None,
    limit: int = PAGE,
) -> list[Entry]:
    """Up to ``limit`` entries older than ``before`` (the last one of the previous page)."""
    require(actor, Permission.VIEW_PATIENT, database)
    wanted = [k for k in visible_kinds(actor) if kinds is None or k in kinds]
    entries: list[Entry] = []
    with unit_of_work(database, write=False) as session:
        for kind in wanted:
            entries += _fetch(session, kind, patient_id, before, limit)
    entries.sort(key=lambda e: (e.at, str(e.id)), reverse=True)
    return entries[:limit]


def _fetch(
    session: Session,
    kind: EntryKind,
    patient_id: uuid.UUID,
    before: tuple[dt.datetime, uuid.UUID] | None,
    limit: int,
) -> list[Entry]:
    person = aliased(Staff)
    item = aliased(TreatmentItem)
    sources = {
        EntryKind.VISIT: (
            Visit,
            Visit.checked_in_at,
            Visit.visit_type,
            Visit.status,
            Visit.consultant_id,
        ),
        EntryKind.CONSULTATION: (
            Consultation,
            Consultation.created_at,
            Consultation.outcome,
            Consultation.items,
            Consultation.author_id,
        ),
        EntryKind.ASSESSMENT: (
            Assessment,
            Assessment.created_at,
            Assessment.diagnosis,
            Assessment.signed_at,
            Assessment.doctor_id,
        ),
        EntryKind.PLAN: (
            TreatmentPlan,
            TreatmentPlan.created_at,
            TreatmentPlan.note,
            sa.literal(""),
            TreatmentPlan.created_by_id,
        ),
        EntryKind.COURSE: (
            Course,
            Course.created_at,
            Course.item_name,
            Course.sessions_used,
            Course.updated_by_id,
        ),
        EntryKind.TREATMENT: (
            Treatment,
            Treatment.started_at,
            item.name,
            Treatment.areas,
            Treatment.operator_id,
        ),
    }
    model, at, label, state, who = sources[kind]
    query = (
        sa.select(at, model.id, label, state, person.display_name)
        .outerjoin(person, person.id == who)
        .where(model.patient_id == patient_id)
    )
    if kind == EntryKind.TREATMENT:
        query = query.join(item, item.id == Treatment.item_id)
    if kind == EntryKind.CONSULTATION:
        query = query.where(sa.not_(Consultation.replaced))
    if kind == EntryKind.COURSE:
        query = query.add_columns(Course.sessions_total)
    if before is not None:
        query = query.where(
            sa.tuple_(at, model.id) < sa.tuple_(sa.literal(before[0]), sa.literal(before[1]))
        )
    rows = session.execute(query.order_by(at.desc(), model.id.desc()).limit(limit)).all()
    return [_entry(kind, row) for row in rows]


def _entry(kind: EntryKind, row: sa.Row) -> Entry:
    at, entry_id, label, state, person = row[:5]
    if isinstance(at, dt.datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    if kind == EntryKind.ASSESSMENT:
        state = "signed" if state else "draft"
    elif kind == EntryKind.COURSE:
        state = f"{state}/{row[5]}"
    return Entry(kind, at, entry_id, str(label or ""), str(state or ""), person or "")
