"""Repurchase (issue 12): per item and per source channel, how many of a period's buyers
came back for more and after how long (course completion: report_courses).

Definitions (the tests count them by hand):

* A *purchase day* is a local day with at least one non-cancelled treatment
  (report_common.purchases); several treatments of one day are one purchase.
* The *buyers* of an item are the patients with a purchase day of it in the period.
  A buyer is a *repurchaser* when they have at least two purchase days of that item at any
  time up to now (before, in or after the period). Per channel the same, of any item.
* The *average interval* is the mean number of days between consecutive purchase days of
  the same item (per channel: of any item) by the same buyer, over all such gaps of the
  buyers; the gaps of one patient add up to last − first day, so it is
  sum(last − first) / sum(days − 1) and needs no window function.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Patient, Treatment, TreatmentItem
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import (
    ReportPatient,
    audit_opening,
    check_period,
    flag,
    patients_in,
    purchases,
    rate,
    within,
)

Who = Literal["buyers", "repurchasers"]
WHO: tuple[Who, ...] = ("buyers", "repurchasers")


@dataclass(frozen=True)
class RepurchaseRow:
    """One item's (``key`` its id, ``name`` its name) or one channel's (``key`` and
    ``name`` the channel, "" for none) buyers in the period."""

    key: str
    name: str
    buyers: int
    repurchasers: int
    interval_days: float | None  # None: nobody came back

    @property
    def repurchase_rate(self) -> float | None:
        return rate(self.repurchasers, self.buyers)


def repurchase_by_item(
    database: Database, actor: Actor, since: dt.date, until: dt.date
) -> list[RepurchaseRow]:
    """Each item bought in the period: buyers, repurchasers, average interval; most
    buyers first."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    return _rows(database, actor, since, until, by_item=True)


def repurchase_by_channel(
    database: Database, actor: Actor, since: dt.date, until: dt.date
) -> list[RepurchaseRow]:
    """Each source channel of the period's buyers (any item); most buyers first."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    return _rows(database, actor, since, until, by_item=False)


def item_patients(
    database: Database, actor: Actor, since: dt.date, until: dt.date, item_id: uuid.UUID, who: Who
) -> list[ReportPatient]:
    """The buyers or repurchasers of one item behind ``repurchase_by_item``."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    return _listed(database, actor, since, until, who, by_item=True, key=str(item_id))


def channel_patients(
    database: Database, actor: Actor, since: dt.date, until: dt.date, channel: str, who: Who
) -> list[ReportPatient]:
    """The buyers or repurchasers of one channel behind ``repurchase_by_channel``."""
    require(actor, Permission.VIEW_REPORTS, database)
    check_period(since, until)
    return _listed(database, actor, since, until, who, by_item=False, key=channel)


def _buyers(database: Database, since: dt.date, until: dt.date, *, by_item: bool) -> sa.Select:
    """One row per buyer (per item, or per channel): its key, purchase days up to now and
    the days from the first to the last of them."""
    bought = purchases().subquery()
    in_period = (
        sa.select(Treatment.patient_id)
        .where(Treatment.cancelled_at.is_(None), within(Treatment.started_at, since, until))
        .scalar_subquery()
    )
    days = sa.func.count(sa.distinct(bought.c.day))
    if database.kind == "postgresql":
        span = sa.func.max(bought.c.day) - sa.func.min(bought.c.day)
    else:
        span = sa.func.julianday(sa.func.max(bought.c.day)) - sa.func.julianday(
            sa.func.min(bought.c.day)
        )
    if by_item:
        key, grouped = bought.c.item_id, [bought.c.patient_id, bought.c.item_id]
    else:
        key = sa.func.coalesce(Patient.source_channel, "")
        grouped = [bought.c.patient_id, Patient.source_channel]
    return (
        sa.select(
            bought.c.patient_id,
            key.label("key"),
            days.label("days"),
            span.label("span"),
        )
        .join(Patient, Patient.id == bought.c.patient_id)
        .where(bought.c.patient_id.in_(in_period))
        .group_by(*grouped)
        .having(sa.func.max(flag(within(bought.c.started_at, since, until))) == 1)
    )


def _rows(
    database: Database, actor: Actor, since: dt.date, until: dt.date, *, by_item: bool
) -> list[RepurchaseRow]:
    buyers = _buyers(database, since, until, by_item=by_item).subquery()
    back = buyers.c.days >= 2
    total = sa.func.count()
    interval = sa.func.sum(buyers.c.span) * 1.0 / sa.func.nullif(sa.func.sum(buyers.c.days - 1), 0)
    name = TreatmentItem.name if by_item else buyers.c.key
    query = sa.select(
        buyers.c.key,
        name.label("name"),
        total.label("buyers"),
        sa.func.sum(flag(back)).label("repurchasers"),
        interval.label("interval"),
    )
    if by_item:
        query = query.join(TreatmentItem, TreatmentItem.id == buyers.c.key)
    query = query.group_by(buyers.c.key, name).order_by(total.desc(), name)
    with reading(database) as connection:
        rows = connection.execute(query).all()
        report = "repurchase_by_item" if by_item else "repurchase_by_channel"
        audit_opening(connection, actor, report, since=since, until=until)
    return [
        RepurchaseRow(
            str(row.key),
            row.name,
            row.buyers,
            int(row.repurchasers or 0),
            None if row.interval is None else float(row.interval),
        )
        for row in rows
    ]


def _listed(
    database: Database,
    actor: Actor,
    since: dt.date,
    until: dt.date,
    who: Who,
    *,
    by_item: bool,
    key: str,
) -> list[ReportPatient]:
    if who not in WHO:
        raise ValidationError("who", "invalid", f"Choose one of {', '.join(WHO)}.")
    buyers = _buyers(database, since, until, by_item=by_item).subquery()
    match = buyers.c.key == (uuid.UUID(key) if by_item else key)
    ids = sa.select(buyers.c.patient_id).where(match)
    if who == "repurchasers":
        ids = ids.where(buyers.c.days >= 2)
    with reading(database) as connection:
        listed = patients_in(connection, ids)
        audit_opening(
            connection,
            actor,
            "repurchase_by_item_patients" if by_item else "repurchase_by_channel_patients",
            since=since,
            until=until,
            key=key,
            who=who,
            patients=len(listed),
        )
    return listed
