"""RFM segments (issue 12): how recently, how often and for how much each buying patient
bought, scored 1–5 against the clinic's other buyers, and the standard segments that the
recency and frequency scores put them in, with counts and value.

Per patient with a purchase (``report_common.purchases``) on or before ``today``:
recency is the days since the last purchase day, frequency the distinct purchase days,
monetary the purchases' total value. Each is scored by quintile with SQL's ``NTILE(5)``
over all buyers, so the database scores 200,000 patients without loading them; recency
is reversed (the most recent fifth scores 5). NTILE cuts equal values apart when a fifth
boundary falls among them: ties are broken by record number (the earlier-registered
patient scores lower), so a score is always the same for the same data.

The segment is read off this grid of (R, F), every cell in exactly one segment:

    R\\F  1               2                    3               4          5
    5    new             potential_loyalists  loyal           champions  champions
    4    promising       potential_loyalists  loyal           champions  champions
    3    about_to_sleep  about_to_sleep       need_attention  loyal      loyal
    2    hibernating     hibernating          at_risk         at_risk    at_risk
    1    lost            hibernating          at_risk         at_risk    cant_lose
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Patient
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.identity import mask_mobile
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import ReportPatient, audit_opening, purchases

Segment = Literal[
    "champions",
    "loyal",
    "potential_loyalists",
    "new",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
    "lost",
]
# The order a manager reads them in (Segment's own): the best first, the gone last.
SEGMENTS: tuple[Segment, ...] = get_args(Segment)
# GRID[r][f - 1]: the segment of recency score r and frequency score f (the table above).
GRID: dict[int, tuple[Segment, Segment, Segment, Segment, Segment]] = {
    5: ("new", "potential_loyalists", "loyal", "champions", "champions"),
    4: ("promising", "potential_loyalists", "loyal", "champions", "champions"),
    3: ("about_to_sleep", "about_to_sleep", "need_attention", "loyal", "loyal"),
    2: ("hibernating", "hibernating", "at_risk", "at_risk", "at_risk"),
    1: ("lost", "hibernating", "at_risk", "at_risk", "cant_lose"),
}


def segment_of(recency: int, frequency: int) -> Segment:
    return GRID[recency][frequency - 1]


@dataclass(frozen=True)
class SegmentRow:
    """One segment: how many patients and what they have spent in all."""

    segment: Segment
    patients: int
    value: Decimal


@dataclass(frozen=True)
class PatientScore:
    """One buyer's measures, scores and segment."""

    id: uuid.UUID
    record_no: str
    name: str
    mobile_masked: str
    last_day: dt.date
    recency_days: int
    frequency: int
    monetary: Decimal
    r: int
    f: int
    m: int
    segment: Segment


def rfm_segments(
    database: Database, actor: Actor, today: dt.date | None = None
) -> list[SegmentRow]:
    """Every segment in ``SEGMENTS`` order (empty ones as 0), as of ``today``."""
    require(actor, Permission.VIEW_REPORTS, database)
    today = today or dt.date.today()
    scores = _scores(database, today, score_money=False).subquery()
    query = sa.select(
        scores.c.segment,
        sa.func.count().label("patients"),
        sa.func.sum(scores.c.monetary).label("value"),
    ).group_by(scores.c.segment)
    with reading(database) as connection:
        found = {row.segment: row for row in connection.execute(query)}
        audit_opening(connection, actor, "rfm_segments", today=today)
    return [
        SegmentRow(
            segment,
            found[segment].patients if segment in found else 0,
            _money(found[segment].value) if segment in found else Decimal("0.00"),
        )
        for segment in SEGMENTS
    ]


def rfm_patients(
    database: Database, actor: Actor, segment: Segment, today: dt.date | None = None
) -> list[ReportPatient]:
    """The patients behind one segment's count, by record number."""
    return [
        ReportPatient(s.id, s.record_no, s.name, s.mobile_masked)
        for s in rfm_scores(database, actor, segment, today)
    ]


def rfm_scores(
    database: Database, actor: Actor, segment: Segment | None = None, today: dt.date | None = None
) -> list[PatientScore]:
    """Each buyer's measures and scores (of one segment, or all), by record number."""
    require(actor, Permission.VIEW_REPORTS, database)
    if segment is not None and segment not in SEGMENTS:
        raise ValidationError("segment", "invalid", f"Choose one of {', '.join(SEGMENTS)}.")
    today = today or dt.date.today()
    scores = _scores(database, today).subquery()
    query = sa.select(scores).order_by(scores.c.record_no)
    if segment is not None:
        query = query.where(scores.c.segment == segment)
    with reading(database) as connection:
        rows = connection.execute(query).all()
        audit_opening(
            connection,
            actor,
            "rfm_patients",
            today=today,
            segment=segment or "",
            patients=len(rows),
        )
    return [
        PatientScore(
            row.id,
            row.record_no,
            row.name,
            mask_mobile(row.mobile),
            row.last_day,
            (today - row.last_day).days,
            row.frequency,
            _money(row.monetary),
            row.r,
            row.f,
            row.m,
            row.segment,
        )
        for row in rows
    ]


def _scores(database: Database, today: dt.date, *, score_money: bool = True) -> sa.Select:
    """One row per buyer: last purchase day, distinct days, total value, the three NTILE
    scores and the segment — the one selectable counts and lists both read. The segment
    needs no M score: without ``score_money`` it is not ranked (one sort of every buyer
    less)."""
    bought = purchases().subquery()
    measures = (
        sa.select(
            bought.c.patient_id,
            sa.type_coerce(sa.func.max(bought.c.day), sa.Date).label("last_day"),
            sa.func.count(sa.distinct(bought.c.day)).label("frequency"),
            sa.func.sum(bought.c.value).label("monetary"),
        )
        .where(bought.c.day <= sa.literal(today, sa.Date))
        .group_by(bought.c.patient_id)
        .cte("measures")
    )

    def ntile(column: sa.ColumnElement) -> sa.ColumnElement[int]:
        return sa.func.ntile(5).over(order_by=(column, Patient.record_no))

    scored = (
        sa.select(
            Patient.id,
            Patient.record_no,
            Patient.name,
            Patient.mobile,
            measures.c.last_day,
            measures.c.frequency,
            sa.type_coerce(measures.c.monetary, sa.Numeric(12, 2)).label("monetary"),
            ntile(measures.c.last_day).label("r"),
            ntile(measures.c.frequency).label("f"),
            (ntile(measures.c.monetary) if score_money else sa.null()).label("m"),
        )
        .join(measures, measures.c.patient_id == Patient.id)
        .cte("scored")
    )
    grid = {r * 10 + f: GRID[r][f - 1] for r in GRID for f in range(1, 6)}
    cell = scored.c.r * 10 + scored.c.f
    return sa.select(*scored.c, sa.case(grid, value=cell).label("segment"))


def _money(value: object) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))
