"""Plans (方案), the sessions done (治疗记录) and the product lots each one used."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.engine import ExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UTCDateTime, UUIDPrimaryKey, Versioned
from desktop_app.models.catalogue import MONEY


class TreatmentPlan(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "treatment_plans"

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"), index=True)
    visit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("visits.id"))
    created_by_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    note: Mapped[str] = mapped_column(sa.Text, default="")


class PlanItem(UUIDPrimaryKey, Base):
    """One agreed item at its price; ``sessions`` > 1 is a package that becomes a course."""

    __tablename__ = "plan_items"

    plan_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("treatment_plans.id"), index=True)
    item_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("treatment_items.id"))
    price: Mapped[Decimal] = mapped_column(MONEY)
    sessions: Mapped[int] = mapped_column(sa.Integer, default=1)


def local_day_of(at: datetime) -> date:
    """The station's local calendar day of an instant (the clinic's day)."""
    return at.astimezone().date()


def _started_on(context: ExecutionContext) -> date:
    return local_day_of(context.get_current_parameters()["started_at"])


class Treatment(UUIDPrimaryKey, Versioned, Base):
    __tablename__ = "treatments"
    __table_args__ = (
        # A patient's purchases with all the managers' reports read of them, in the
        # index alone (also the patient's treatments, by its first column).
        sa.Index(
            "ix_treatments_purchases",
            "patient_id",
            "cancelled_at",
            "started_on",
            "started_at",
            "item_id",
            "value",
        ),
        # the days each patient bought each item on (repurchase intervals), pre-sorted
        sa.Index("ix_treatments_item_days", "patient_id", "item_id", "cancelled_at", "started_on"),
        # a period's treatments per operator (the staff report), from the index alone
        sa.Index(
            "ix_treatments_started", "started_at", "cancelled_at", "operator_id", "patient_id"
        ),
    )

    patient_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("patients.id"))
    visit_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("visits.id"))
    item_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("treatment_items.id"))
    course_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("courses.id"))
    areas: Mapped[str] = mapped_column(sa.String(300), default="")
    operator_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("staff.id"))
    assistant_id: Mapped[uuid.UUID | None] = mapped_column(sa.ForeignKey("staff.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The clinic's local day of ``started_at``, fixed when recorded: the purchase day the
    # reports count and compare, read from an index instead of computed per row.
    started_on: Mapped[date] = mapped_column(sa.Date, default=_started_on)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    device: Mapped[str] = mapped_column(sa.String(80), default="")
    settings: Mapped[str] = mapped_column(sa.Text, default="")  # energy, shots …
    anaesthesia: Mapped[str] = mapped_column(sa.String(80), default="")
    reaction: Mapped[str] = mapped_column(sa.Text, default="")
    notes: Mapped[str] = mapped_column(sa.Text, default="")
    # Recorded in error or not done after all: kept, marked, its reminders cancelled.
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancel_reason: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    # What the session was worth when recorded (``treatments.session_value``): a course
    # session's share of its plan item's price, else the item's catalogue price. Fixed,
    # so a later price change does not rewrite past takings.
    value: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0), server_default="0")


class TreatmentProduct(UUIDPrimaryKey, Base):
    """A product lot used in a treatment: what lot recall looks up."""

    __tablename__ = "treatment_products"

    treatment_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("treatments.id"), index=True)
    lot_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("product_lots.id"), index=True)
    quantity: Mapped[Decimal] = mapped_column(sa.Numeric(10, 2))
    unit: Mapped[str] = mapped_column(sa.String(10))
