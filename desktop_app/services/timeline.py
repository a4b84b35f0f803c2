"""A patient's whole history as one reverse-chronological list, fetched a page at a time.

One statement: each kind's newest entries (an indexed range on ``patient_id`` limited to
the page size), merged newest first in the database; the next page starts before the last
entry shown (keyset, so page 20 costs what page 1 does). A role sees only the kinds it
may see: a receptionist sees visits and the general documents (PIPL, photo consent) only.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased

from desktop_app.db import Database
from desktop_app.models import (
    Assessment,
    Consultation,
    Course,
    DocumentAction,
    DocumentTemplate,
    FollowUp,
    PrintedDocument,
    Reminder,
    Staff,
    TemplateKind,
    TemplateVersion,
    Treatment,
    TreatmentItem,
    TreatmentPlan,
    Visit,
)
from desktop_app.models.document import scanned_back, signed_copy
from desktop_app.services.context import Actor, reading
from desktop_app.services.permissions import Permission, allowed, require

PAGE = 100
Column = Any  # a column expression of one kind's select


class EntryKind(enum.StrEnum):
    VISIT = "visit"
    CONSULTATION = "consultation"
    ASSESSMENT = "assessment"
    PLAN = "plan"
    COURSE = "course"
    TREATMENT = "treatment"
    DOCUMENT = "document"  # a printed, saved or signed consent or aftercare sheet
    FOLLOW_UP = "follow_up"  # a follow-up call's outcome (回访)


NEEDS = {
    EntryKind.VISIT: Permission.VIEW_PATIENT,
    EntryKind.CONSULTATION: Permission.VIEW_CONSULTATION,
    EntryKind.ASSESSMENT: Permission.VIEW_ASSESSMENT,
    EntryKind.PLAN: Permission.VIEW_TREATMENT,
    EntryKind.COURSE: Permission.VIEW_TREATMENT,
    EntryKind.TREATMENT: Permission.VIEW_TREATMENT,
    EntryKind.DOCUMENT: Permission.PRINT_GENERAL_DOCUMENTS,  # the rest need PRINT_DOCUMENTS
    EntryKind.FOLLOW_UP: Permission.VIEW_TREATMENT,  # reactions and recovery are clinical
}


@dataclass(frozen=True)
class Entry:
    """One line of the timeline. ``label`` and ``state`` are data (codes, names); the UI
    puts them into words in the user's language."""

    kind: EntryKind
    at: dt.datetime
    id: uuid.UUID
    label: str  # visit type, outcome, diagnosis, item name, document title …
    state: str  # visit status, "signed"/"draft", sessions "used/total", DOCUMENT_STATES,
    # "cancelled" for a cancelled treatment, FOLLOW_UP: "not_reached" or "reaction/satisfaction"
    person: str  # who wrote, did or printed it
    outdated: bool = False  # a document signed on an older version than the template's current


# A document's state: what was done with it, "scanned" once a signed paper copy came back.
DOCUMENT_STATES = {
    DocumentAction.PRINT: "printed",
    DocumentAction.SAVE: "saved",
    DocumentAction.SIGN: "signed",
}


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
    general_only = not allowed(actor, Permission.PRINT_DOCUMENTS)
    with reading(database) as connection:
        statement = _statement(wanted, before is not None, general_only)
        rows = connection.execute(statement, params).all()
    kind_of = {kind.value: kind for kind in wanted}
    return [
        Entry(kind_of[kind], at, entry_id, label or "", state or "", person or "", bool(old))
        for at, entry_id, kind, label, state, person, old in rows
    ]


@functools.cache
def _statement(kinds: tuple[EntryKind, ...], paged: bool, general_only: bool) -> sa.Select:
    """Each kind's newest ``limit`` entries (an index range on ``patient_id``), merged and
    cut to ``limit`` by the database: one round trip and only the page's rows come back.
    Built once per shape: building it cost more than running it."""
    parts = [
        (
            _documents(paged, general_only) if kind == EntryKind.DOCUMENT else _kind(kind, paged)
        ).subquery(kind.value)
        for kind in kinds
    ]
    entries = sa.union_all(*(sa.select(part) for part in parts)).subquery("entries")
    return (
        sa.select(entries)
        .order_by(entries.c.at.desc(), entries.c.id.desc())
        .limit(sa.bindparam("limit", type_=sa.Integer))
    )


def _columns(kind: EntryKind, at: Column, entry_id: Column, *rest: Column) -> sa.Select:
    """(at, id, kind, label, state, person, outdated): every kind's row, all text but the
    first two and the last."""
    label, state, person, outdated = rest
    text = sa.String
    return sa.select(
        at.label("at"),
        entry_id.label("id"),
        sa.literal_column(f"'{kind.value}'", text).label("kind"),
        sa.type_coerce(label, text).label("label"),  # enum codes as they are stored
        sa.type_coerce(state, text).label("state"),
        person.label("person"),
        outdated.label("outdated"),
    )


def _page(query: sa.Select, model: Any, at: Column, paged: bool) -> sa.Select:
    """The patient's newest ``limit`` of one kind, before the previous page's last entry."""
    entry_id = model.id
    query = query.where(model.patient_id == sa.bindparam("patient_id", type_=sa.Uuid))
    if paged:
        query = query.where(
            sa.tuple_(at, entry_id)
            < sa.tuple_(
                sa.bindparam("before_at", type_=at.type),
                sa.bindparam("before_id", type_=sa.Uuid),
            )
        )
    return query.order_by(at.desc(), entry_id.desc()).limit(sa.bindparam("limit", type_=sa.Integer))


def _kind(kind: EntryKind, paged: bool) -> sa.Select:
    """One clinical kind's entries."""
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
            sa.case((Treatment.cancelled_at.is_not(None), "cancelled"), else_=Treatment.areas),
            Treatment.operator_id,
        ),
        EntryKind.FOLLOW_UP: (
            FollowUp,
            FollowUp.called_at,
            Reminder.reason,
            sa.case(
                (sa.not_(FollowUp.reached), "not_reached"),
                else_=sa.func.coalesce(sa.type_coerce(FollowUp.reaction, text), "")
                + sa.literal_column("'/'", text)
                + sa.func.coalesce(sa.cast(FollowUp.satisfaction, text), ""),
            ),
            FollowUp.author_id,
        ),
    }
    model, at, label, state, who = sources[kind]
    query = _columns(kind, at, model.id, label, state, person.display_name, sa.false()).outerjoin(
        person, person.id == who
    )
    if kind == EntryKind.TREATMENT:
        query = query.join(item, item.id == Treatment.item_id)
    if kind == EntryKind.CONSULTATION:
        query = query.where(sa.not_(Consultation.replaced))
    if kind == EntryKind.FOLLOW_UP:
        query = query.join(Reminder, Reminder.id == FollowUp.reminder_id)
    return _page(query, model, at, paged)


def _documents(paged: bool, general_only: bool) -> sa.Select:
    """Printed documents: the version's title, what was done (a scan back counts as signed
    on paper), and whether a signed copy's version is older than the template's current.
    Per-row lookups are correlated subqueries on primary keys, inside the one statement."""
    person = aliased(Staff)
    doc = PrintedDocument
    scanned = scanned_back()
    later = aliased(TemplateVersion)
    newer = sa.exists().where(
        later.template_id == TemplateVersion.template_id, later.number > TemplateVersion.number
    )
    state = sa.case(
        (scanned, "scanned"),
        *((doc.action == action, code) for action, code in DOCUMENT_STATES.items()),
        else_=sa.type_coerce(doc.action, sa.String),
    )
    signed = signed_copy()
    query = (
        _columns(
            EntryKind.DOCUMENT,
            doc.created_at,
            doc.id,
            TemplateVersion.title,
            state,
            person.display_name,
            sa.and_(signed, newer),
        )
        .join(TemplateVersion, TemplateVersion.id == doc.template_version_id)
        .outerjoin(person, person.id == doc.created_by_id)
    )
    if general_only:
        query = query.join(DocumentTemplate, DocumentTemplate.id == TemplateVersion.template_id)
        query = query.where(DocumentTemplate.kind == TemplateKind.GENERAL)
    return _page(query, doc, doc.created_at, paged)
