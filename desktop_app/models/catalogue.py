"""The clinic's treatment catalogue, the products treatments use, and their lots."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from desktop_app.models.base import Base, UUIDPrimaryKey, Versioned

MONEY = sa.Numeric(10, 2)


class TreatmentItem(UUIDPrimaryKey, Versioned, Base):
    """水光针, 热玛吉 …: what the clinic sells. The template and rule keys are used by the
    documents and reminders issues; they are stored with the item now."""

    __tablename__ = "treatment_items"

    name: Mapped[str] = mapped_column(sa.String(60), unique=True)
    category: Mapped[str] = mapped_column(sa.String(40))
    default_price: Mapped[Decimal | None] = mapped_column(MONEY)
    consent_template: Mapped[str | None] = mapped_column(sa.String(60))
    aftercare_template: Mapped[str | None] = mapped_column(sa.String(60))
    reminder_rule: Mapped[str | None] = mapped_column(sa.String(60))
    # The pre-treatment gate asks for a "before" photo of the day (services/treatment_gate).
    before_photos_required: Mapped[bool] = mapped_column(
        sa.Boolean, default=False, server_default=sa.false()
    )
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(sa.Integer, default=0)
    # How long a booking for it lasts unless the desk says otherwise.
    default_minutes: Mapped[int] = mapped_column(sa.Integer, default=60, server_default="60")


class Product(UUIDPrimaryKey, Base):
    """A product as the clinic buys it (a filler, a toxin, a booster) and its usual unit."""

    __tablename__ = "products"
    __table_args__ = (sa.UniqueConstraint("name", "brand"),)

    name: Mapped[str] = mapped_column(sa.String(80))
    brand: Mapped[str] = mapped_column(sa.String(80), default="")
    unit: Mapped[str] = mapped_column(sa.String(10))  # ml, U, shots, …


class TreatmentItemProduct(Base):
    """The products an item usually uses (offered first when recording a treatment)."""

    __tablename__ = "treatment_item_products"

    item_id: Mapped[uuid.UUID] = mapped_column(
        sa.ForeignKey("treatment_items.id"), primary_key=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("products.id"), primary_key=True)


class ProductLot(UUIDPrimaryKey, Base):
    """One lot/batch of a product; the register grows from what treatments record."""

    __tablename__ = "product_lots"
    __table_args__ = (sa.UniqueConstraint("product_id", "lot_number"),)

    product_id: Mapped[uuid.UUID] = mapped_column(sa.ForeignKey("products.id"), index=True)
    lot_number: Mapped[str] = mapped_column(sa.String(60), index=True)
    expires_on: Mapped[dt.date] = mapped_column(sa.Date)
