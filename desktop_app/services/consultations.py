"""Consultations (咨询): written by consultants, each editable only by its author.

While the visit is open the author edits in place (with the version they saw); once the
visit is closed a correction becomes a new consultation that replaces the old one, which
is kept as it was.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, fields
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Consultation, NoDealReason, Outcome, Staff, Visit
from desktop_app.services import audit, catalogue, reminder_engine
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, refuse, require
from desktop_app.services.queue import CLOSED

# Face and body areas a consultation or treatment refers to (codes; the UI translates).
AREAS = (
    "forehead", "glabella", "eyes", "temples", "nose", "cheeks", "lips", "chin", "jawline",
    "neck", "decolletage", "arms", "abdomen", "thighs", "buttocks", "hands",
)  # fmt: skip
MAX_TEXT = 10_000


@dataclass(frozen=True)
class ConsultationDraft:
    wishes: str = ""
    concerns: str = ""
    areas: tuple[str, ...] = ()
    items: tuple[str, ...] = ()  # catalogue item names
    budget_min: str | Decimal | None = None
    budget_max: str | Decimal | None = None
    quote: str | Decimal | None = None
    outcome: Outcome | None = None
    no_deal_reason: NoDealReason | None = None
    reason_note: str = ""


@dataclass(frozen=True)
class ConsultationRecord:
    id: uuid.UUID
    visit_id: uuid.UUID
    patient_id: uuid.UUID
    author: str
    created_at: dt.datetime
    version: int
    replaces_id: uuid.UUID | None
    replaced: bool
    draft: ConsultationDraft


def record_consultation(
    database: Database, actor: Actor, visit_id: uuid.UUID, draft: ConsultationDraft
) -> ConsultationRecord:
    require(actor, Permission.WRITE_CONSULTATION, database)
    with unit_of_work(database) as session:
        visit = _visit(session, visit_id)
        values = _clean(session, draft)
        row = Consultation(
            visit_id=visit.id,
            patient_id=visit.patient_id,
            author_id=actor.staff_id,
            updated_by_id=actor.staff_id,
            **values,
        )
        session.add(row)
        _note_deal(session, visit, row)
        session.flush()
        audit.record(session, actor, "create", "consultation", row.id, visit=visit.id)
        return _record(session, row)


def update_consultation(
    database: Database,
    actor: Actor,
    consultation_id: uuid.UUID,
    expected_version: int,
    draft: ConsultationDraft,
) -> ConsultationRecord:
    """Change one's own consultation; after the visit closed, a new version replaces it."""
    require(actor, Permission.WRITE_CONSULTATION, database)
    with unit_of_work(database, write=False) as session:
        author = session.scalar(
            sa.select(Consultation.author_id).where(Consultation.id == consultation_id)
        )
    if author is None:
        raise NotFoundError(f"No consultation {consultation_id}.")
    if author != actor.staff_id:
        refuse(database, actor, "edit_others_consultation")
    with unit_of_work(database) as session:
        row = session.get(Consultation, consultation_id)
        assert row is not None  # consultations are never deleted
        if row.replaced:
            raise ValidationError("consultation", "replaced", "A newer version replaces this one.")
        if row.version != expected_version:
            raise conflict_with(session, row)
        values = _clean(session, draft)
        visit = _visit(session, row.visit_id)
        if visit.status in CLOSED:
            row.replaced = True
            row.updated_by_id = actor.staff_id
            new = Consultation(
                visit_id=row.visit_id,
                patient_id=row.patient_id,
                author_id=actor.staff_id,
                replaces_id=row.id,
                updated_by_id=actor.staff_id,
                **values,
            )
            session.add(new)
            session.flush()
            audit.record(session, actor, "new_version", "consultation", new.id, replaces=row.id)
            row = new
        else:
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_by_id = actor.staff_id
            session.flush()
            audit.record(session, actor, "change", "consultation", row.id)
        _note_deal(session, visit, row)
        return _record(session, row)


def consultations_of(
    database: Database, actor: Actor, patient_id: uuid.UUID, *, include_replaced: bool = False
) -> list[ConsultationRecord]:
    require(actor, Permission.VIEW_CONSULTATION, database)
    with unit_of_work(database, write=False) as session:
        query = sa.select(Consultation).where(Consultation.patient_id == patient_id)
        if not include_replaced:
            query = query.where(sa.not_(Consultation.replaced))
        rows = session.scalars(query.order_by(Consultation.created_at.desc()))
        return [_record(session, row) for row in rows]


def _visit(session: Session, visit_id: uuid.UUID) -> Visit:
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFoundError(f"No visit {visit_id}.")
    return visit


def _note_deal(session: Session, visit: Visit, row: Consultation) -> None:
    """A deal marks the visit as a purchase (the next check-in is then 再消费) and cancels
    the no-deal revisit call; no deal asks for that call."""
    if row.outcome == Outcome.DEAL and not visit.purchased:
        visit.purchased = True
    if row.outcome is not None:
        day = visit.checked_in_at.astimezone().date()
        dealt = row.outcome == Outcome.DEAL
        reminder_engine.on_consultation(session, visit, row.author_id, dealt, day)


def _clean(session: Session, draft: ConsultationDraft) -> dict[str, object]:
    unknown = set(draft.areas) - set(AREAS)
    if unknown:
        raise ValidationError("areas", "invalid", f"Unknown areas: {sorted(unknown)}")
    for name in draft.items:
        catalogue.item_by_name(session, name)
    for name in ("wishes", "concerns", "reason_note"):
        if len(getattr(draft, name)) > MAX_TEXT:
            raise ValidationError(name, "too_long", "This text is too long.", max=MAX_TEXT)
    low = catalogue.money(draft.budget_min, "budget_min")
    high = catalogue.money(draft.budget_max, "budget_max")
    if low is not None and high is not None and low > high:
        raise ValidationError("budget_max", "budget_range", "The budget's top is below its bottom.")
    outcome = Outcome(draft.outcome) if draft.outcome else None
    reason = NoDealReason(draft.no_deal_reason) if draft.no_deal_reason else None
    if outcome in (Outcome.THINKING, Outcome.LEFT) and reason is None:
        raise ValidationError("no_deal_reason", "required", "Say why it was not a deal.")
    if outcome in (None, Outcome.DEAL):
        reason = None
    return {
        "wishes": draft.wishes.strip(),
        "concerns": draft.concerns.strip(),
        "areas": ",".join(a for a in AREAS if a in draft.areas),
        "items": ",".join(dict.fromkeys(draft.items)),
        "budget_min": low,
        "budget_max": high,
        "quote": catalogue.money(draft.quote, "quote"),
        "outcome": outcome,
        "no_deal_reason": reason,
        "reason_note": draft.reason_note.strip(),
    }


def _record(session: Session, row: Consultation) -> ConsultationRecord:
    author = session.get(Staff, row.author_id)
    draft = ConsultationDraft(
        **{f.name: getattr(row, f.name) for f in fields(ConsultationDraft)}
        | {
            "areas": tuple(filter(None, row.areas.split(","))),
            "items": tuple(filter(None, row.items.split(","))),
        }
    )
    return ConsultationRecord(
        row.id,
        row.visit_id,
        row.patient_id,
        author.display_name if author else "",
        row.created_at,
        row.version,
        row.replaces_id,
        row.replaced,
        draft,
    )


def get_consultation(
    database: Database, actor: Actor, consultation_id: uuid.UUID
) -> ConsultationRecord:
    require(actor, Permission.VIEW_CONSULTATION, database)
    with unit_of_work(database) as session:  # viewing clinical content is audited
        row = session.get(Consultation, consultation_id)
        if row is None:
            raise NotFoundError(f"No consultation {consultation_id}.")
        audit.record(session, actor, "view", "consultation", row.id)
        return _record(session, row)
