"""Tag usage (issue 12): how many patients carry each of the clinic's tags, per group,
and the preference tags behaviour gives them, computed when asked and never stored:
each treatment item bought, and the price band of everything bought together.

Counts are GROUP BYs in the database; each drill-down reads the same selectable.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import PatientTag, Tag, TagGroup, TagKind, TreatmentItem
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import ReportPatient, audit_opening, patients_in, purchases

Source = Literal["group", "free", "item", "price_band"]
SOURCES: tuple[Source, ...] = ("group", "free", "item", "price_band")

# Total value of a patient's purchases, in yuan: [low, high) per band; the code is the tag.
PRICE_BANDS: tuple[tuple[str, Decimal, Decimal | None], ...] = (
    ("<1000", Decimal(0), Decimal(1000)),
    ("1000-5000", Decimal(1000), Decimal(5000)),
    ("5000-20000", Decimal(5000), Decimal(20000)),
    (">=20000", Decimal(20000), None),
)


@dataclass(frozen=True)
class TagUsage:
    """One tag and how many patients carry it.

    ``source`` "group": a tag of the clinic's group ``group``; "free": typed at the desk;
    "item" (the tag is the item's name) and "price_band" (the tag is a PRICE_BANDS code):
    derived from purchases, preference tags that are computed, not stored.
    """

    source: Source
    group: str
    kind: TagKind | None
    tag: str
    patients: int


def tag_usage(database: Database, actor: Actor) -> list[TagUsage]:
    """Every tag with its patients: groups in the clinic's order, then free tags, then the
    items bought and the price bands; retired and unused tags are listed with their count."""
    require(actor, Permission.VIEW_REPORTS, database)
    # Counted per tag (and per item) first, then named: a join first would read every
    # patient's tags (every purchase) once per tag (per item).
    carried = (
        sa.select(PatientTag.tag_id, sa.func.count().label("n"))
        .group_by(PatientTag.tag_id)
        .subquery()
    )
    stored = (
        sa.select(
            TagGroup.name.label("group"),
            TagGroup.kind,
            Tag.name,
            sa.func.coalesce(carried.c.n, 0).label("n"),
        )
        .select_from(Tag)
        .outerjoin(TagGroup, TagGroup.id == Tag.group_id)
        .outerjoin(carried, carried.c.tag_id == Tag.id)
        .order_by(TagGroup.name.is_(None), TagGroup.sort_order, TagGroup.name, Tag.name)
    )
    bought = purchases().subquery()
    buyers = (
        sa.select(bought.c.item_id, sa.func.count(sa.distinct(bought.c.patient_id)).label("n"))
        .group_by(bought.c.item_id)
        .subquery()
    )
    items = (
        sa.select(TreatmentItem.name, buyers.c.n)
        .join(buyers, buyers.c.item_id == TreatmentItem.id)
        .order_by(TreatmentItem.name)
    )
    banded = _banded(database).subquery()
    bands = sa.select(banded.c.band, sa.func.count().label("n")).group_by(banded.c.band)
    with reading(database) as connection:
        rows = [
            TagUsage(
                "group" if row.group is not None else "free",
                row.group or "",
                row.kind,
                row.name,
                row.n,
            )
            for row in connection.execute(stored)
        ]
        rows += [
            TagUsage("item", "", TagKind.PREFERENCE, row.name, row.n)
            for row in connection.execute(items)
        ]
        per_band = {row.band: row.n for row in connection.execute(bands)}
        rows += [
            TagUsage("price_band", "", TagKind.PREFERENCE, code, per_band.get(code, 0))
            for code, _low, _high in PRICE_BANDS
        ]
        audit_opening(connection, actor, "tag_usage", tags=len(rows))
    return rows


def tag_patients(database: Database, actor: Actor, source: Source, tag: str) -> list[ReportPatient]:
    """The patients behind one number of ``tag_usage``, by record number."""
    require(actor, Permission.VIEW_REPORTS, database)
    if source not in SOURCES:
        raise ValidationError("source", "invalid", f"Choose one of {', '.join(SOURCES)}.")
    if source in ("group", "free"):
        ids = (
            sa.select(PatientTag.patient_id)
            .join(Tag, Tag.id == PatientTag.tag_id)
            .where(Tag.name == tag)
        )
    elif source == "item":
        bought = purchases().subquery()
        ids = (
            sa.select(bought.c.patient_id)
            .join(TreatmentItem, TreatmentItem.id == bought.c.item_id)
            .where(TreatmentItem.name == tag)
        )
    else:
        if tag not in {code for code, _low, _high in PRICE_BANDS}:
            raise ValidationError("tag", "invalid", "No such price band.")
        banded = _banded(database).subquery()
        ids = sa.select(banded.c.patient_id).where(banded.c.band == tag)
    with reading(database) as connection:
        rows = patients_in(connection, ids)
        audit_opening(connection, actor, "tag_patients", source=source, tag=tag, patients=len(rows))
    return rows


def _banded(database: Database) -> sa.Select:
    """One row per patient who bought anything: the band of their total value."""
    bought = purchases().subquery()
    total = sa.func.sum(bought.c.value)
    band = sa.case(
        *(
            (total < high, code) if high is not None else (total >= low, code)
            for code, low, high in PRICE_BANDS
        ),
    )
    return sa.select(bought.c.patient_id, band.label("band")).group_by(bought.c.patient_id)
