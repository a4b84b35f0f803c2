"""The treatment catalogue and the product/lot register that treatments grow."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import Product, ProductLot, TreatmentItem, TreatmentItemProduct
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.lookups import list_name
from desktop_app.services.permissions import Permission, require


@dataclass(frozen=True)
class CatalogueItem:
    id: uuid.UUID
    name: str
    category: str
    default_price: Decimal | None
    consent_template: str | None
    aftercare_template: str | None
    reminder_rule: str | None
    products: tuple[str, ...]
    active: bool
    before_photos_required: bool = False
    default_minutes: int = 60  # how long a booking for it lasts unless told otherwise


# Consent keys of the shipped catalogue whose items ask for "before" photos of the day:
# injectables, fillers, toxin, threads, surgery and energy devices (see mark_shipped_items).
PHOTO_CONSENTS = ("injection", "filler", "toxin", "thread_lift", "surgery", "energy_device")


@dataclass(frozen=True)
class KnownLot:
    product: str
    brand: str
    unit: str
    lot_number: str
    expires_on: dt.date


def money(text: str | Decimal | None, field: str) -> Decimal | None:
    """A price typed at the desk: up to two decimals, not negative; blank is None."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    try:
        value = Decimal(str(text).strip().replace(",", "").replace("¥", ""))
    except InvalidOperation as exc:
        raise ValidationError(field, "invalid", "Type an amount such as 1280 or 1280.50.") from exc
    if value < 0 or value != value.quantize(Decimal("0.01")) or value >= Decimal("1e8"):
        raise ValidationError(field, "invalid", "Type an amount such as 1280 or 1280.50.")
    return value


def items(
    database: Database, actor: Actor, *, include_retired: bool = False
) -> list[CatalogueItem]:
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        query = sa.select(TreatmentItem).order_by(TreatmentItem.sort_order, TreatmentItem.name)
        if not include_retired:
            query = query.where(TreatmentItem.active)
        uses = session.execute(
            sa.select(TreatmentItemProduct.item_id, Product.name).join(
                Product, Product.id == TreatmentItemProduct.product_id
            )
        ).all()
        return [
            CatalogueItem(
                i.id,
                i.name,
                i.category,
                i.default_price,
                i.consent_template,
                i.aftercare_template,
                i.reminder_rule,
                tuple(sorted(name for item_id, name in uses if item_id == i.id)),
                i.active,
                i.before_photos_required,
                i.default_minutes,
            )
            for i in session.scalars(query)
        ]


def save_item(
    database: Database,
    actor: Actor,
    name: str,
    category: str,
    default_price: str | Decimal | None,
    *,
    consent_template: str | None = None,
    aftercare_template: str | None = None,
    reminder_rule: str | None = None,
    active: bool = True,
    before_photos_required: bool | None = None,
) -> uuid.UUID:
    """Add an item or change the one with this name (managers only).

    ``before_photos_required`` None keeps the item's setting (False for a new item)."""
    require(actor, Permission.EDIT_CATALOGUE, database)
    clean_name = list_name("name", name, 60)
    values = {
        "category": list_name("category", category),
        "default_price": money(default_price, "default_price"),
        "consent_template": consent_template or None,
        "aftercare_template": aftercare_template or None,
        "reminder_rule": reminder_rule or None,
        "active": active,
    }
    if before_photos_required is not None:
        values["before_photos_required"] = before_photos_required
    with unit_of_work(database) as session:
        item = session.scalar(sa.select(TreatmentItem).where(TreatmentItem.name == clean_name))
        if item is None:
            last = session.scalar(sa.select(sa.func.max(TreatmentItem.sort_order))) or 0
            item = TreatmentItem(name=clean_name, sort_order=last + 1, **values)
            session.add(item)
        else:
            for key, value in values.items():
                setattr(item, key, value)
        item.updated_by_id = actor.staff_id
        session.flush()
        audit.record(session, actor, "save", "treatment_item", item.id, name=clean_name, **values)
        return item.id


def mark_shipped_items(session: Session) -> None:
    """A new clinic's shipped items (seeded by migration 0005) ask for "before" photos.

    Run once, at first run: a clinic upgrading from before the gate existed keeps its
    catalogue as its managers set it up, and chooses these items itself."""
    session.execute(
        sa.update(TreatmentItem)
        .where(TreatmentItem.consent_template.in_(PHOTO_CONSENTS))
        .values(before_photos_required=True)
        .execution_options(synchronize_session=False)
    )


def item_by_name(session: Session, name: str) -> TreatmentItem:
    item = session.scalar(sa.select(TreatmentItem).where(TreatmentItem.name == name))
    if item is None:
        raise ValidationError("item", "invalid", f"{name!r} is not in the catalogue.")
    return item


def known_lots(database: Database, actor: Actor, product: str | None = None) -> list[KnownLot]:
    """Lots already in the register, newest expiry first: what the treatment form offers."""
    require(actor, Permission.VIEW_TREATMENT, database)
    with unit_of_work(database, write=False) as session:
        query = (
            sa.select(
                Product.name,
                Product.brand,
                Product.unit,
                ProductLot.lot_number,
                ProductLot.expires_on,
            )
            .join(ProductLot, ProductLot.product_id == Product.id)
            .order_by(Product.name, ProductLot.expires_on.desc())
        )
        if product:
            query = query.where(Product.name == product)
        return [KnownLot(*row) for row in session.execute(query)]


def lot_for(
    session: Session, product: str, brand: str, unit: str, lot_number: str, expires_on: dt.date
) -> ProductLot:
    """The register's lot, added (with its product) the first time it is used.

    A known lot typed with another expiry date is an error: one of the two is a typo.
    """
    product_name = list_name("product", product, 80)
    brand = " ".join(brand.split())
    lot_number = list_name("lot_number", lot_number, 60).upper()
    row = session.scalar(
        sa.select(Product).where(Product.name == product_name, Product.brand == brand)
    )
    if row is None:
        row = Product(name=product_name, brand=brand, unit=list_name("unit", unit, 10))
        session.add(row)
        session.flush()
    lot = session.scalar(
        sa.select(ProductLot).where(
            ProductLot.product_id == row.id, ProductLot.lot_number == lot_number
        )
    )
    if lot is None:
        lot = ProductLot(product_id=row.id, lot_number=lot_number, expires_on=expires_on)
        session.add(lot)
        session.flush()
    elif lot.expires_on != expires_on:
        raise ValidationError(
            "expires_on",
            "lot_expiry_mismatch",
            f"Lot {lot_number} is registered as expiring {lot.expires_on.isoformat()}.",
            expires_on=lot.expires_on.isoformat(),
        )
    return lot


def get_item(session: Session, item_id: uuid.UUID) -> TreatmentItem:
    item = session.get(TreatmentItem, item_id)
    if item is None:
        raise NotFoundError(f"No catalogue item {item_id}.")
    return item
