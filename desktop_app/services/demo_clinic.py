"""The clinic a demo clinical record refers to: its catalogue, staff and lot register.

Built once per ``demo-data`` load (``prepare``) and sent to the processes that draw
patients: the catalogue as seeded or edited, staff per role (demo accounts that cannot
sign in when a role has nobody), and deliveries of every product over the years the
visits cover, each lot used only while on the shelf and well before it expires.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.models import (
    DiagnosisOption,
    Product,
    ProductLot,
    Role,
    Staff,
    Tag,
    TagGroup,
    TagKind,
    TreatmentItem,
    TreatmentItemProduct,
)
from desktop_app.services.demo_practice import (
    DEMO_STAFF,
    OTHER_PRACTICE,
    PRACTICE,
    UNUSABLE_PASSWORD_HASH,
    Practice,
)
from desktop_app.services.treatments import SHORT_EXPIRY_DAYS

LOT_EVERY_DAYS = 20  # a new lot of each product arrives about this often …
LOT_IN_USE_DAYS = 60  # … and is used up within this many days
LOT_SHELF_DAYS = (540, 720)  # expiry after arrival


@dataclass(frozen=True)
class Lot:
    id: uuid.UUID
    arrived: int  # date ordinals: cheap to pickle and compare
    expires: int


@dataclass(frozen=True)
class Item:
    id: uuid.UUID
    name: str
    price: Decimal
    practice: Practice
    products: tuple[tuple[uuid.UUID, str], ...]  # (product id, unit) it uses


@dataclass(frozen=True)
class Clinic:
    """What drawing records refers to; built once per load, sent to the worker processes."""

    today: dt.date
    items: tuple[Item, ...]
    consultants: tuple[uuid.UUID, ...]
    doctors: tuple[uuid.UUID, ...]
    nurses: tuple[uuid.UUID, ...]
    diagnoses: frozenset[str]
    lots: dict[uuid.UUID, tuple[Lot, ...]]  # product id → its lots by arrival
    new_staff: tuple[str, ...] = ()
    new_lots: int = 0
    tags: tuple[tuple[uuid.UUID, TagKind], ...] = ()  # the clinic's active grouped tags

    def lots_on(self, product_id: uuid.UUID, day: dt.date) -> list[uuid.UUID]:
        """Lots of a product on the shelf that day, none expiring within the warning time."""
        lots = self.lots.get(product_id, ())
        today = day.toordinal()
        last = bisect.bisect_right(lots, today, key=lambda lot: lot.arrived)
        return [
            lot.id
            for lot in lots[max(0, last - 4) : last]
            if today - lot.arrived < LOT_IN_USE_DAYS and lot.expires - today > SHORT_EXPIRY_DAYS
        ]


def prepare(
    session: Session, seed: int, today: dt.date, since: dt.date, by: uuid.UUID | None
) -> Clinic:
    """The catalogue as seeded or edited, staff per role (demo ones if none), and a lot
    register covering ``since`` to ``today``, added to the database in ``session``."""
    joined = dt.datetime.combine(since - dt.timedelta(days=LOT_IN_USE_DAYS), dt.time(), dt.UTC)
    staff, new_staff = _staff(session, random.Random(f"{seed}:staff"), by, joined)
    uses: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
    for item_id, product_id, unit in session.execute(
        sa.select(TreatmentItemProduct.item_id, Product.id, Product.unit)
        .join(Product, Product.id == TreatmentItemProduct.product_id)
        .order_by(Product.name, Product.brand)
    ):
        uses.setdefault(item_id, []).append((product_id, unit))
    items = tuple(
        Item(
            row.id,
            row.name,
            row.default_price or Decimal(1000),
            PRACTICE.get(row.name, OTHER_PRACTICE),
            tuple(uses.get(row.id, ())),
        )
        for row in session.execute(
            sa.select(TreatmentItem.id, TreatmentItem.name, TreatmentItem.default_price)
            .where(TreatmentItem.active)
            .order_by(TreatmentItem.sort_order, TreatmentItem.name)
        )
    )
    diagnoses = frozenset(
        session.scalars(sa.select(DiagnosisOption.name).where(DiagnosisOption.active))
    )
    products = dict.fromkeys(p for item in items for p, _unit in item.products)  # same order always
    lots, new_lots = _lot_register(
        session, random.Random(f"{seed}:lots"), list(products), since, today
    )
    tags = tuple(
        (row.id, TagKind(row.kind))
        for row in session.execute(
            sa.select(Tag.id, TagGroup.kind)
            .join(TagGroup, TagGroup.id == Tag.group_id)
            .where(Tag.active)
            .order_by(TagGroup.sort_order, Tag.name)
        )
    )
    return Clinic(
        today,
        items,
        staff[Role.CONSULTANT],
        staff[Role.DOCTOR],
        staff[Role.NURSE],
        diagnoses,
        lots,
        tuple(new_staff),
        new_lots,
        tags,
    )


def _staff(
    session: Session, rng: random.Random, by: uuid.UUID | None, joined: dt.datetime
) -> tuple[dict[Role, tuple[uuid.UUID, ...]], list[str]]:
    taken = set(session.scalars(sa.select(Staff.username)))
    found: dict[Role, tuple[uuid.UUID, ...]] = {}
    created: list[str] = []
    for role, names in DEMO_STAFF.items():
        found[role] = tuple(
            session.scalars(
                sa.select(Staff.id).where(Staff.role == role, Staff.active).order_by(Staff.username)
            )
        )
        if found[role]:
            continue
        ids = []
        for number, name in enumerate(names, 1):
            username = f"demo-{role.value}-{number}"
            while username in taken:
                username += "-demo"
            taken.add(username)
            staff_id = new_uuid(rng)
            session.add(
                Staff(
                    id=staff_id,
                    username=username,
                    display_name=name,
                    role=role,
                    password_hash=UNUSABLE_PASSWORD_HASH,
                    active=True,
                    created_at=joined,  # before the first demo visit they worked on
                    updated_at=joined,
                    updated_by_id=by,
                )
            )
            ids.append(staff_id)
            created.append(username)
        found[role] = tuple(ids)
    session.flush()
    return found, created


def _lot_register(
    session: Session,
    rng: random.Random,
    product_ids: Sequence[uuid.UUID],
    since: dt.date,
    today: dt.date,
) -> tuple[dict[uuid.UUID, tuple[Lot, ...]], int]:
    """Deliveries of every product every few weeks; a lot number already registered (a
    second load) is reused with its own expiry, which ``lots_on`` then respects."""
    from desktop_app.services.identity import name_keys

    known = {
        (product_id, number): (lot_id, expires)
        for product_id, number, lot_id, expires in session.execute(
            sa.select(
                ProductLot.product_id, ProductLot.lot_number, ProductLot.id, ProductLot.expires_on
            )
        )
    }
    names = {row.id: row.name for row in session.execute(sa.select(Product.id, Product.name))}
    register: dict[uuid.UUID, tuple[Lot, ...]] = {}
    new_rows: list[dict[str, object]] = []
    for product_id in product_ids:
        prefix = name_keys(names[product_id])[1].upper() or "LOT"
        day = since - dt.timedelta(days=LOT_IN_USE_DAYS)
        lots = []
        while day <= today:
            number = f"{prefix}{day:%y%m%d}{rng.randrange(10, 100)}"
            expires = day + dt.timedelta(days=rng.randint(*LOT_SHELF_DAYS))
            lot_id, expires = known.get((product_id, number), (new_uuid(rng), expires))
            if (product_id, number) not in known:
                new_rows.append(
                    {
                        "id": lot_id,
                        "product_id": product_id,
                        "lot_number": number,
                        "expires_on": expires,
                    }
                )
            lots.append(Lot(lot_id, day.toordinal(), expires.toordinal()))
            day += dt.timedelta(days=rng.randint(LOT_EVERY_DAYS - 5, LOT_EVERY_DAYS + 5))
        register[product_id] = tuple(lots)
    if new_rows:
        session.execute(sa.insert(ProductLot), new_rows)
    return register, len(new_rows)


def new_uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)
