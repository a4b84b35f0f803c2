"""Face charts (面部注射图): where a treatment's product lots went, mark by mark.

The rule: a mark's lot must be one of the lots recorded in the treatment's products, in
the unit recorded, and a lot's marks may not add up to more than was recorded. The
products table is the treatment's one statement of what was used (stock, the record, the
detail view); the chart says where it went. If marks could bring lots of their own, the
same syringe could be in two places with two quantities and one could silently contradict
the other. A mark names its lot as a product row does (product, brand, lot, expiry),
normalised as the lot register does it, so an expiry that disagrees with the register is
refused, and an expired lot is refused with record_treatment's code ("lot_expired"),
judged on the day of the treatment.

Saving replaces the set in one transaction and makes the treatment a new version, so two
stations charting one treatment conflict instead of overwriting; the replaced marks stay,
stamped ``replaced_at`` (nothing clinical is hard-deleted). Lot recall reads the marks as
well as the products (``lot_uses``), so a recall never depends on this rule having held
for every row, e.g. imported ones.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import (
    ChartView,
    FaceChartMark,
    InjectionDepth,
    MarkKind,
    Product,
    ProductLot,
    Treatment,
    TreatmentProduct,
    utcnow,
)
from desktop_app.services import audit
from desktop_app.services.context import Actor, conflict_with, reading, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.lookups import list_name
from desktop_app.services.permissions import Permission, require

MAX_MARKS = 200
MAX_NOTE = 200
MAX_RADIUS = 0.5  # an area's radius, as a share of the diagram's width


@dataclass(frozen=True)
class MarkDraft:
    """One mark as the editor makes it and as it is read back."""

    view: ChartView
    x: float  # 0..1 across the view's diagram
    y: float  # 0..1 down
    product: str
    brand: str
    lot_number: str
    expires_on: dt.date
    quantity: Decimal | str
    unit: str  # blank: the unit recorded for the lot
    depth: InjectionDepth
    kind: MarkKind = MarkKind.POINT
    radius: float = 0.0  # areas only
    note: str = ""


@dataclass(frozen=True)
class ChartLot:
    """A lot the marks may use: one recorded in the treatment's products (quantities summed)."""

    product: str
    brand: str
    lot_number: str
    expires_on: dt.date
    quantity: Decimal
    unit: str


@dataclass(frozen=True)
class FaceChart:
    treatment_id: uuid.UUID
    version: int  # the treatment's; give it back to save_face_chart
    lots: tuple[ChartLot, ...]
    marks: tuple[MarkDraft, ...]


def check_marks(marks: Sequence[MarkDraft]) -> list[MarkDraft]:
    """Each mark's own shape, before any database (the editor checks with it too).

    Errors are on the field "marks" with the mark's number in ``params["mark"]``.
    """
    if len(marks) > MAX_MARKS:
        raise ValidationError("marks", "too_many", f"At most {MAX_MARKS} marks.", max=MAX_MARKS)
    clean = []
    for number, mark in enumerate(marks, 1):
        try:
            view, kind = ChartView(mark.view), MarkKind(mark.kind)
            depth = InjectionDepth(mark.depth)
            x, y, radius = float(mark.x), float(mark.y), float(mark.radius)
        except (TypeError, ValueError) as exc:
            raise _mark_error(number, "invalid", "is not valid") from exc
        if not (0 <= x <= 1 and 0 <= y <= 1):
            raise _mark_error(number, "outside", "is outside the diagram")
        if kind is MarkKind.POINT:
            radius = 0.0
        elif not (0 < radius <= MAX_RADIUS) or math.isnan(radius):
            raise _mark_error(number, "invalid", "is not valid")
        if not mark.product.strip() or not mark.lot_number.strip():
            raise _mark_error(number, "lot_required", "needs a product lot")
        if len(mark.note) > MAX_NOTE:
            raise _mark_error(number, "too_long", "has too long a note", max=MAX_NOTE)
        clean.append(
            replace(
                mark,
                view=view,
                kind=kind,
                depth=depth,
                x=round(x, 4),
                y=round(y, 4),
                radius=round(radius, 4),
                quantity=_quantity(number, mark.quantity),
                unit=mark.unit.strip(),
                note=mark.note.strip(),
            )
        )
    return clean


def face_chart(database: Database, actor: Actor, treatment_id: uuid.UUID) -> FaceChart:
    """The chart to show or edit (viewing clinical content is audited)."""
    require(actor, Permission.VIEW_TREATMENT, database)
    with unit_of_work(database) as session:
        treatment = _treatment(session, treatment_id)
        audit.record(session, actor, "view", "face_chart", treatment.id)
        return _chart(session, treatment)


def save_face_chart(
    database: Database,
    actor: Actor,
    treatment_id: uuid.UUID,
    expected_version: int,
    marks: Sequence[MarkDraft],
) -> FaceChart:
    """Replace the treatment's marks; a stale ``expected_version`` is a ConflictError."""
    require(actor, Permission.WRITE_TREATMENT, database)
    check_marks(marks)
    with unit_of_work(database) as session:
        treatment = _treatment(session, treatment_id)
        if treatment.version != expected_version:
            raise conflict_with(session, treatment)
        write_marks(session, actor, treatment, marks)
        treatment.updated_by_id = actor.staff_id
        treatment.updated_at = utcnow()  # a new version of the treatment, whoever saved last
        session.flush()
        audit.record(
            session,
            actor,
            "save",
            "face_chart",
            treatment.id,
            marks=len(marks),
            lots=sorted({m.lot_number.strip().upper() for m in marks}),
        )
        return _chart(session, treatment)


def write_marks(
    session: Session, actor: Actor, treatment: Treatment, marks: Sequence[MarkDraft]
) -> None:
    """Replace the marks inside the caller's transaction (record_treatment's or ours)."""
    clean = check_marks(marks)
    recorded = {
        (lot.product, lot.brand, lot.lot_number): (lot_id, lot)
        for lot_id, lot in _recorded(session, treatment.id)
    }
    treated_on = treatment.started_at.astimezone().date()
    session.execute(
        sa.update(FaceChartMark)
        .where(FaceChartMark.treatment_id == treatment.id, FaceChartMark.replaced_at.is_(None))
        .values(replaced_at=utcnow())
    )
    totals: dict[uuid.UUID, Decimal] = {}
    for number, mark in enumerate(clean, 1):
        lot_number = list_name("lot_number", mark.lot_number, 60).upper()
        if mark.expires_on < treated_on:
            raise ValidationError(
                "marks",
                "lot_expired",
                f"Lot {lot_number} of {mark.product} expired on {mark.expires_on}.",
                lot=lot_number,
                date=mark.expires_on.isoformat(),
                mark=number,
            )
        key = (list_name("product", mark.product, 80), " ".join(mark.brand.split()), lot_number)
        if key not in recorded:
            raise _mark_error(
                number,
                "lot_not_recorded",
                f"uses lot {lot_number}, not among the products used",
                lot=lot_number,
            )
        lot_id, lot = recorded[key]
        if mark.expires_on != lot.expires_on:
            raise _mark_error(
                number,
                "lot_expiry_mismatch",
                f"gives lot {lot_number} another expiry than {lot.expires_on.isoformat()}",
                expires_on=lot.expires_on.isoformat(),
            )
        unit = mark.unit or lot.unit
        if unit.casefold() != lot.unit.casefold():
            raise _mark_error(
                number,
                "unit_mismatch",
                f"is in {unit}, lot {lot_number} in {lot.unit}",
                unit=lot.unit,
            )
        quantity = Decimal(mark.quantity)
        totals[lot_id] = totals.get(lot_id, Decimal(0)) + quantity
        if totals[lot_id] > lot.quantity:
            raise ValidationError(
                "marks",
                "more_than_recorded",
                f"The marks use {totals[lot_id]} {lot.unit} of lot {lot_number}; "
                f"{lot.quantity} {lot.unit} was recorded.",
                lot=lot_number,
                marked=str(totals[lot_id]),
                recorded=str(lot.quantity),
                unit=lot.unit,
                mark=number,
            )
        session.add(
            FaceChartMark(
                treatment_id=treatment.id,
                seq=number,
                view=mark.view,
                kind=mark.kind,
                x=mark.x,
                y=mark.y,
                radius=mark.radius,
                lot_id=lot_id,
                quantity=quantity,
                unit=lot.unit,
                depth=mark.depth,
                note=mark.note,
                created_by_id=actor.staff_id,
            )
        )
    session.flush()


def sketches(
    database: Database, actor: Actor, treatment_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, tuple[MarkDraft, ...]]:
    """The current marks of many treatments in one statement, for the timeline's thumbnails.

    Not audited, like the timeline's lines: opening the treatment is (``face_chart``,
    ``treatments.get_treatment``)."""
    require(actor, Permission.VIEW_TREATMENT, database)
    ids = list(dict.fromkeys(treatment_ids))
    if not ids:
        return {}
    with reading(database) as connection:
        return marks_of(connection, ids)


def marks_of(
    executor: Session | sa.Connection, treatment_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[MarkDraft, ...]]:
    """Current marks by treatment, each in the order drawn."""
    rows = executor.execute(
        sa.select(
            FaceChartMark.treatment_id,
            FaceChartMark.view,
            FaceChartMark.x,
            FaceChartMark.y,
            Product.name,
            Product.brand,
            ProductLot.lot_number,
            ProductLot.expires_on,
            FaceChartMark.quantity,
            FaceChartMark.unit,
            FaceChartMark.depth,
            FaceChartMark.kind,
            FaceChartMark.radius,
            FaceChartMark.note,
        )
        .join(ProductLot, ProductLot.id == FaceChartMark.lot_id)
        .join(Product, Product.id == ProductLot.product_id)
        .where(FaceChartMark.treatment_id.in_(treatment_ids), FaceChartMark.replaced_at.is_(None))
        .order_by(FaceChartMark.treatment_id, FaceChartMark.seq)
    ).all()
    found: dict[uuid.UUID, list[MarkDraft]] = {}
    for treatment_id, *fields in rows:
        found.setdefault(treatment_id, []).append(MarkDraft(*fields))
    return {key: tuple(marks) for key, marks in found.items()}


def lot_uses(lot_ids: sa.Select) -> sa.Subquery:
    """(treatment_id, lot_id, quantity, unit) for each use of the lots selected: the
    treatments' products, plus current marks whose lot the treatment's products do not
    record (summed per treatment and lot). Lot recall joins this, so a patient is found
    once per treatment and lot whichever way the lot was recorded."""
    products = sa.select(
        TreatmentProduct.treatment_id.label("treatment_id"),
        TreatmentProduct.lot_id.label("lot_id"),
        TreatmentProduct.quantity.label("quantity"),
        TreatmentProduct.unit.label("unit"),
    ).where(TreatmentProduct.lot_id.in_(lot_ids))
    recorded = sa.select(TreatmentProduct.id).where(
        TreatmentProduct.treatment_id == FaceChartMark.treatment_id,
        TreatmentProduct.lot_id == FaceChartMark.lot_id,
    )
    marks = (
        sa.select(
            FaceChartMark.treatment_id,
            FaceChartMark.lot_id,
            sa.func.sum(FaceChartMark.quantity),
            FaceChartMark.unit,
        )
        .where(
            FaceChartMark.lot_id.in_(lot_ids),
            FaceChartMark.replaced_at.is_(None),
            ~sa.exists(recorded),
        )
        .group_by(FaceChartMark.treatment_id, FaceChartMark.lot_id, FaceChartMark.unit)
    )
    return sa.union_all(products, marks).subquery("lot_uses")


def _treatment(session: Session, treatment_id: uuid.UUID) -> Treatment:
    treatment = session.get(Treatment, treatment_id)
    if treatment is None:
        raise NotFoundError(f"No treatment {treatment_id}.")
    return treatment


def _recorded(session: Session, treatment_id: uuid.UUID) -> list[tuple[uuid.UUID, ChartLot]]:
    rows = session.execute(
        sa.select(
            ProductLot.id,
            Product.name,
            Product.brand,
            ProductLot.lot_number,
            ProductLot.expires_on,
            sa.func.sum(TreatmentProduct.quantity),
            sa.func.min(TreatmentProduct.unit),
        )
        .join(ProductLot, ProductLot.id == TreatmentProduct.lot_id)
        .join(Product, Product.id == ProductLot.product_id)
        .where(TreatmentProduct.treatment_id == treatment_id)
        .group_by(
            ProductLot.id, Product.name, Product.brand, ProductLot.lot_number, ProductLot.expires_on
        )
        .order_by(Product.name, ProductLot.lot_number)
    ).all()
    return [(lot_id, ChartLot(*fields)) for lot_id, *fields in rows]


def _chart(session: Session, treatment: Treatment) -> FaceChart:
    lots = tuple(lot for _id, lot in _recorded(session, treatment.id))
    marks = marks_of(session, [treatment.id]).get(treatment.id, ())
    return FaceChart(treatment.id, treatment.version, lots, marks)


def _quantity(number: int, value: Decimal | str) -> Decimal:
    try:
        quantity = Decimal(str(value).strip()).quantize(Decimal("0.01"))
    except InvalidOperation:
        quantity = Decimal(0)
    if not quantity.is_finite() or quantity <= 0 or quantity >= 10_000:
        raise _mark_error(number, "mark_quantity", "needs its quantity, e.g. 0.1 or 4")
    return quantity


def _mark_error(number: int, code: str, what: str, **params: object) -> ValidationError:
    return ValidationError("marks", code, f"Mark {number} {what}.", mark=number, **params)
