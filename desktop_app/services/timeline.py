"""A patient's whole history as one reverse-chronological list, fetched a page at a time.

One statement: each kind's newest entries (an indexed range on ``patient_id`` limited to
the page size), merged newest first in the database; the next page starts before the last
entry shown (keyset, so page 20 costs what page 1 does). A role sees only the kinds it
may see: a receptionist sees visits only.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import aliased

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
from desktop_app.services.context import Actor, reading
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
    wanted = tuple(k for k in visible_kinds(actor) if kinds is None or k in kinds)
    if not wanted:
        return []
    params: dict[str, object] = {"patient_id": patient_id, "limit": limit}
    if before is not None:
        params.update(before_at=before[0], before_id=before[1])
    with reading(database) as connection:
        rows = connection.execute(_statement(wanted, before is not None), params).all()
    kind_of = {kind.value: kind for kind in wanted}
    return [
        Entry(kind_of[kind], at, entry_id, label or "", state or "", person or "")
        for at, entry_id, kind, label, state, person in rows
    ]


@functools.cache
def _statement(kinds: tuple[EntryKind, ...], paged: bool) -> sa.Select:
    """Each kind's newest ``limit`` entries (an index range on ``patient_id``), merged and
    cut to ``limit`` by the database: one round trip and only the page's rows come back.
    Built once per shape: building it cost more than running it."""
    parts = [_kind(kind, paged).subquery(kind.value) for kind in kinds]
    entries = sa.union_all(*(sa.select(part) for part in parts)).subquery("entries")
    return (
        sa.select(entries)
        .order_by(entries.c.at.desc(), entries.c.id.desc())
        .limit(sa.bindparam("limit", type_=sa.Integer))
    )


def _kind(kind: EntryKind, paged: bool) -> sa.Select:
    """One kind's entries as (at, id, kind, label, state, person), all text but the first two."""
    person = aliased(Staff)
    item = aliased(TreatmentItem)
    text = sa.String
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
            sa.case((Assessment.signed_at.is_(None), "draft"), else_="signed"),
            Assessment.doctor_id,
        ),
        EntryKind.PLAN: (
            TreatmentPlan,
            TreatmentPlan.created_at,
            TreatmentPlan.note,
            sa.literal_column("''", text),
            TreatmentPlan.created_by_id,
        ),
        EntryKind.COURSE: (
            Course,
            Course.created_at,
            Course.item_name,
            sa.cast(Course.sessions_used, text)
            + sa.literal_column("'/'", text)
            + sa.cast(Course.sessions_total, text),
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
        sa.select(
            at.label("at"),
            model.id.label("id"),
            sa.literal_column(f"'{kind.value}'", text).label("kind"),
            sa.type_coerce(label, text).label("label"),  # enum codes as they are stored
            sa.type_coerce(state, text).label("state"),
            person.display_name.label("person"),
        )
        .outerjoin(person, person.id == who)
        .where(model.patient_id == sa.bindparam("patient_id", type_=sa.Uuid))
    )
    if kind == EntryKind.TREATMENT:
        query = query.join(item, item.id == Treatment.item_id)
    if kind == EntryKind.CONSULTATION:
        query = query.where(sa.not_(Consultation.replaced))
    if paged:
        query = query.where(
            sa.tuple_(at, model.id)
            < sa.tuple_(
                sa.bindparam("before_at", type_=at.type),
                sa.bindparam("before_id", type_=sa.Uuid),
            )
        )
    return query.order_by(at.desc(), model.id.desc()).limit(sa.bindparam("limit", type_=sa.Integer))
