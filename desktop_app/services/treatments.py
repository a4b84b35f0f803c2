"""Treatments (治疗记录) with the product lots they used, and lot recall.

An expired lot is refused; one expiring within 30 days is accepted with a warning the UI
shows. A treatment on a course consumes one of its sessions in the same transaction. The
pre-treatment gate (consent signed, before photos) warns, or refuses when the clinic says so.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import (
    Course,
    Patient,
    PlanItem,
    Product,
    ProductLot,
    Staff,
    Treatment,
    TreatmentItem,
    TreatmentProduct,
)
from desktop_app.models.treatment import local_day_of
from desktop_app.services import (
    audit,
    catalogue,
    face_charts,
    identity,
    plans,
    reminder_engine,
    treatment_gate,
)
from desktop_app.services.consultations import AREAS, MAX_TEXT
from desktop_app.services.context import Actor, conflict_with, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require

SHORT_EXPIRY_DAYS = 30


@dataclass(frozen=True)
class ProductUse:
    product: str
    brand: str
    lot_number: str
    expires_on: dt.date
    quantity: str | Decimal
    unit: str  # ml, U, shots …


@dataclass(frozen=True)
class TreatmentDraft:
    item: str  # catalogue name
    started_at: dt.datetime
    ended_at: dt.datetime | None = None
    areas: tuple[str, ...] = ()
    assistant_id: uuid.UUID | None = None
    device: str = ""
    settings: str = ""
    anaesthesia: str = ""
    reaction: str = ""
    notes: str = ""
    products: tuple[ProductUse, ...] = ()
    course_id: uuid.UUID | None = None
    visit_id: uuid.UUID | None = None
    marks: tuple[face_charts.MarkDraft, ...] = ()  # the face chart, saved with the treatment


@dataclass(frozen=True)
class Recorded:
    treatment_id: uuid.UUID
    warnings: tuple[str, ...]  # lots expiring soon, said to the user after saving
    gate: treatment_gate.GateCheck | None = None  # what was missing, when the gate only warned


@dataclass(frozen=True)
class RecallHit:
    record_no: str
    name: str
    mobile_masked: str
    treated_at: dt.datetime
    item: str
    product: str
    brand: str
    lot_number: str
    quantity: Decimal
    unit: str


def session_value(
    catalogue_price: Decimal | None, plan_price: Decimal | None = None, sessions: int | None = None
) -> Decimal:
    """What one treatment is worth: a course session's share of its plan item's price
    (``plan_price`` over ``sessions``), else the item's catalogue price, else 0; to the fen."""
    if plan_price is not None and sessions:
        share = Decimal(plan_price) / sessions
    else:
        share = Decimal(catalogue_price or 0)
    return share.quantize(Decimal("0.01"), ROUND_HALF_UP)


def record_treatment(
    database: Database, actor: Actor, patient_id: uuid.UUID, draft: TreatmentDraft
) -> Recorded:
    """Nurses and doctors; the acting person is the operator."""
    require(actor, Permission.WRITE_TREATMENT, database)
    _check(draft)
    today = dt.date.today()
    started_on = local_day_of(draft.started_at)
    warnings: list[str] = []
    with unit_of_work(database) as session:
        if session.get(Patient, patient_id) is None:
            raise NotFoundError(f"No patient {patient_id}.")
        item = catalogue.item_by_name(session, draft.item)
        gate = treatment_gate.check_in(
            session,
            patient_id,
            item,
            visit_id=draft.visit_id,
            today=started_on,
        )
        if gate.blocking:  # before anything is written
            raise ValidationError(
                "item", gate.missing[0], gate.sentence(), title=gate.consent_title
            )
        if draft.assistant_id and session.get(Staff, draft.assistant_id) is None:
            raise ValidationError("assistant_id", "invalid", "Choose an active staff member.")
        treatment = Treatment(
            patient_id=patient_id,
            visit_id=draft.visit_id,
            item_id=item.id,
            value=session_value(item.default_price),
            areas=",".join(a for a in AREAS if a in draft.areas),
            operator_id=actor.staff_id,
            assistant_id=draft.assistant_id,
            started_at=draft.started_at,
            started_on=started_on,
            ended_at=draft.ended_at,
            device=draft.device.strip(),
            settings=draft.settings.strip(),
            anaesthesia=draft.anaesthesia.strip(),
            reaction=draft.reaction.strip(),
            notes=draft.notes.strip(),
            updated_by_id=actor.staff_id,
        )
        if draft.course_id is not None:
            course = plans.usable_course(session, draft.course_id, item)
            course.sessions_used += 1
            course.updated_by_id = actor.staff_id
            treatment.course_id = course.id
            line = session.get(PlanItem, course.plan_item_id) if course.plan_item_id else None
            if line is not None:
                treatment.value = session_value(item.default_price, line.price, line.sessions)
        session.add(treatment)
        session.flush()
        for use in draft.products:
            if use.expires_on < today:
                raise ValidationError(
                    "products",
                    "lot_expired",
                    f"Lot {use.lot_number} of {use.product} expired on {use.expires_on}.",
                    lot=use.lot_number,
                    date=use.expires_on.isoformat(),
                )
            lot = catalogue.lot_for(
                session, use.product, use.brand, use.unit, use.lot_number, use.expires_on
            )
            if (use.expires_on - today).days <= SHORT_EXPIRY_DAYS:
                warnings.append(f"{use.product} {lot.lot_number}: {use.expires_on.isoformat()}")
            session.add(
                TreatmentProduct(
                    treatment_id=treatment.id,
                    lot_id=lot.id,
                    quantity=_quantity(use.quantity),
                    unit=use.unit.strip(),
                )
            )
        if draft.marks:
            face_charts.write_marks(session, actor, treatment, draft.marks)
        reminder_engine.on_treatment(session, treatment, item)
        audit.record(
            session,
            actor,
            "create",
            "treatment",
            treatment.id,
            item=item.name,
            lots=[u.lot_number for u in draft.products],
            course=draft.course_id,
            marks=len(draft.marks),
            gate=list(gate.missing),
        )
        return Recorded(treatment.id, tuple(warnings), gate if gate.missing else None)


def cancel_treatment(
    database: Database,
    actor: Actor,
    treatment_id: uuid.UUID,
    expected_version: int,
    reason: str,
) -> None:
    """Recorded in error or not done after all: kept and marked, never deleted; its course
    session is given back and the reminders it set off are cancelled."""
    require(actor, Permission.WRITE_TREATMENT, database)
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("reason", "required", "Say why the treatment is cancelled.")
    with unit_of_work(database) as session:
        treatment = session.get(Treatment, treatment_id)
        if treatment is None:
            raise NotFoundError(f"No treatment {treatment_id}.")
        if treatment.version != expected_version:
            raise conflict_with(session, treatment)
        if treatment.cancelled_at is not None:
            raise ValidationError("treatment", "cancelled", "This treatment is already cancelled.")
        treatment.cancelled_at = dt.datetime.now(dt.UTC)
        treatment.cancel_reason = reason[:MAX_TEXT]
        treatment.updated_by_id = actor.staff_id
        if treatment.course_id is not None:
            course = session.get(Course, treatment.course_id)
            if course is not None and course.sessions_used > 0:
                course.sessions_used -= 1
                course.updated_by_id = actor.staff_id
        reminder_engine.on_treatment_cancelled(session, treatment, actor.staff_id)
        session.flush()
        audit.record(session, actor, "cancel", "treatment", treatment.id, reason=reason)


def lot_recall(
    database: Database,
    actor: Actor,
    lot_number: str | None = None,
    *,
    product: str | None = None,
    between: tuple[dt.date, dt.date] | None = None,
) -> list[RecallHit]:
    """Who received lot X, or product Y between two dates: one query, newest first.

    A lot counts as received through the treatment's products or its face-chart marks,
    once per treatment and lot either way (``face_charts.lot_uses``)."""
    require(actor, Permission.LOT_RECALL, database)
    if not lot_number and not product:
        raise ValidationError("lot_number", "required", "Give a lot number or a product.")
    lots = sa.select(ProductLot.id).join(Product, Product.id == ProductLot.product_id)
    if lot_number:
        lots = lots.where(ProductLot.lot_number == identity.fold(lot_number).upper())
    if product:
        lots = lots.where(Product.name == product.strip())
    used = face_charts.lot_uses(lots)
    query = (
        sa.select(
            Patient.record_no,
            Patient.name,
            Patient.mobile,
            Treatment.started_at,
            TreatmentItem.name,
            Product.name,
            Product.brand,
            ProductLot.lot_number,
            used.c.quantity,
            used.c.unit,
        )
        .select_from(used)
        .join(ProductLot, ProductLot.id == used.c.lot_id)
        .join(Product, Product.id == ProductLot.product_id)
        .join(Treatment, Treatment.id == used.c.treatment_id)
        .join(TreatmentItem, TreatmentItem.id == Treatment.item_id)
        .join(Patient, Patient.id == Treatment.patient_id)
        .order_by(Treatment.started_at.desc(), Patient.record_no)
    )
    if between:
        start = dt.datetime.combine(between[0], dt.time(), dt.UTC)
        end = dt.datetime.combine(between[1] + dt.timedelta(days=1), dt.time(), dt.UTC)
        query = query.where(Treatment.started_at >= start, Treatment.started_at < end)
    with unit_of_work(database) as session:
        rows = session.execute(query).all()
        audit.record(
            session,
            actor,
            "lot_recall",
            "product_lot",
            lot_number,
            product=product,
            found=len(rows),
        )
    return [
        RecallHit(r[0], r[1], identity.mask_mobile(r[2]), r[3], r[4], r[5], r[6], r[7], r[8], r[9])
        for r in rows
    ]


def _check(draft: TreatmentDraft) -> None:
    if draft.started_at.tzinfo is None:
        raise ValidationError("started_at", "invalid", "A time needs its time zone.")
    if draft.ended_at is not None and draft.ended_at < draft.started_at:
        raise ValidationError("ended_at", "end_before_start", "The end is before the start.")
    unknown = set(draft.areas) - set(AREAS)
    if unknown:
        raise ValidationError("areas", "invalid", f"Unknown areas: {sorted(unknown)}")
    for name in ("settings", "reaction", "notes"):
        if len(getattr(draft, name)) > MAX_TEXT:
            raise ValidationError(name, "too_long", "This text is too long.", max=MAX_TEXT)


def _quantity(value: str | Decimal) -> Decimal:
    try:
        quantity = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValidationError(
            "quantity", "invalid", "Type the quantity used, e.g. 1 or 0.5."
        ) from exc
    if quantity <= 0 or quantity >= 10_000:
        raise ValidationError("quantity", "invalid", "Type the quantity used, e.g. 1 or 0.5.")
    return quantity


@dataclass(frozen=True)
class TreatmentRecord:
    id: uuid.UUID
    item: str
    started_at: dt.datetime
    ended_at: dt.datetime | None
    operator: str
    areas: tuple[str, ...]
    device: str
    settings: str
    anaesthesia: str
    reaction: str
    notes: str
    products: tuple[tuple[str, str, str, dt.date, Decimal, str], ...]  # product, brand, lot …
    marks: tuple[face_charts.MarkDraft, ...] = ()  # the face chart
    version: int = 0
    cancelled_at: dt.datetime | None = None
    cancel_reason: str = ""


def get_treatment(database: Database, actor: Actor, treatment_id: uuid.UUID) -> TreatmentRecord:
    require(actor, Permission.VIEW_TREATMENT, database)
    with unit_of_work(database) as session:  # viewing clinical content is audited
        row = session.get(Treatment, treatment_id)
        if row is None:
            raise NotFoundError(f"No treatment {treatment_id}.")
        used = session.execute(
            sa.select(
                Product.name,
                Product.brand,
                ProductLot.lot_number,
                ProductLot.expires_on,
                TreatmentProduct.quantity,
                TreatmentProduct.unit,
            )
            .join(ProductLot, ProductLot.id == TreatmentProduct.lot_id)
            .join(Product, Product.id == ProductLot.product_id)
            .where(TreatmentProduct.treatment_id == row.id)
            .order_by(Product.name, ProductLot.lot_number)
        ).all()
        operator = session.get(Staff, row.operator_id)
        item = session.get(TreatmentItem, row.item_id)
        audit.record(session, actor, "view", "treatment", row.id)
        return TreatmentRecord(
            row.id,
            item.name if item else "",
            row.started_at,
            row.ended_at,
            operator.display_name if operator else "",
            tuple(filter(None, row.areas.split(","))),
            row.device,
            row.settings,
            row.anaesthesia,
            row.reaction,
            row.notes,
            tuple(tuple(r) for r in used),  # type: ignore[misc]
            face_charts.marks_of(session, [row.id]).get(row.id, ()),
            row.version,
            row.cancelled_at,
            row.cancel_reason,
        )
