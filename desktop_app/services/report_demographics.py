"""Demographics (issue 12): who the clinic's patients are — age band, sex and region —
each split by source channel, so a manager sees which channel brings whom.

The patients counted are those registered from ``since`` to ``until`` (local days,
inclusive), or every patient when no period is given (the clinic as it stands). Ages are
at ``today`` (default: the station's date), compared as birth dates against the day n
years before, so the database needs no date arithmetic of its own. Regions are the top
``top_regions`` named regions by count, then all others together (``None``); "" is no
region recorded and is always its own row. One GROUP BY per dimension; the drill-down
reads the same per-patient selectable, so its lists match the counts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from desktop_app.db import Database
from desktop_app.models import Patient
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.report_common import ReportPatient, audit_opening, check_period, within

Dimension = Literal["age", "sex", "region"]
DIMENSIONS: tuple[Dimension, ...] = ("age", "sex", "region")
# (band, the age it starts at); "unknown" is no birth date.
AGE_BANDS: tuple[tuple[str, int], ...] = (
    ("under_18", 0),
    ("18-24", 18),
    ("25-34", 25),
    ("35-44", 35),
    ("45-54", 45),
    ("55+", 55),
)
AGE_ORDER: tuple[str, ...] = (*(band for band, _age in AGE_BANDS), "unknown")
SEX_ORDER: tuple[str, ...] = ("F", "M", "unknown")
TOP_REGIONS = 10


@dataclass(frozen=True)
class DemographicRow:
    """One band, sex or region: all its patients and how many came by each channel
    (channel "" is none recorded; channels with none of its patients are left out)."""

    value: str | None  # None: the regions beyond the top ones
    patients: int
    by_channel: dict[str, int] = field(default_factory=dict)

    def count(self, channel: str) -> int:
        return self.by_channel.get(channel, 0)


@dataclass(frozen=True)
class Demographics:
    """The three dimensions over the same patients; ``channels`` are the matrix's
    columns, most patients first."""

    patients: int
    channels: tuple[str, ...]
    age: tuple[DemographicRow, ...]
    sex: tuple[DemographicRow, ...]
    region: tuple[DemographicRow, ...]


def demographics(
    database: Database,
    actor: Actor,
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
    top_regions: int = TOP_REGIONS,
) -> Demographics:
    """Age bands and sex in fixed order (empty ones as 0), regions by count, each by channel."""
    require(actor, Permission.VIEW_REPORTS, database)
    _check(since, until, top_regions)
    today = today or dt.date.today()
    with reading(database) as connection:
        people = _people(connection, since, until, today, top_regions).subquery()
        dimensions = [people.c[dimension] for dimension in DIMENSIONS]
        # One pass: a count per (channel, age, sex, region) cell — at most a few thousand
        # — summed here into each dimension, rather than one GROUP BY per dimension.
        cells = sa.select(people.c.channel, *dimensions, sa.func.count().label("n"))
        found = connection.execute(cells.group_by(people.c.channel, *dimensions)).all()
        audit_opening(
            connection, actor, "demographics", since=since or "", until=until or "", today=today
        )
    counts: dict[Dimension, dict[tuple[str | None, str], int]] = {d: {} for d in DIMENSIONS}
    for row in found:
        for dimension in DIMENSIONS:
            key = (row._mapping[dimension], row.channel)
            counts[dimension][key] = counts[dimension].get(key, 0) + row.n
    per_channel: dict[str, int] = {}
    for (_sex, channel), n in counts["sex"].items():
        per_channel[channel] = per_channel.get(channel, 0) + n
    channels = tuple(sorted(per_channel, key=lambda c: (-per_channel[c], c)))
    return Demographics(
        sum(per_channel.values()),
        channels,
        _rows(counts["age"], AGE_ORDER),
        _rows(counts["sex"], SEX_ORDER),
        _rows(counts["region"], None),
    )


def demographic_patients(
    database: Database,
    actor: Actor,
    dimension: Dimension,
    value: str | None,
    channel: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
    top_regions: int = TOP_REGIONS,
) -> list[ReportPatient]:
    """The patients behind one cell (``channel`` given) or one row's total, by record
    number; the same period, ``today`` and ``top_regions`` as the report."""
    require(actor, Permission.VIEW_REPORTS, database)
    _check(since, until, top_regions)
    if dimension not in DIMENSIONS:
        raise ValidationError("dimension", "invalid", f"Choose one of {', '.join(DIMENSIONS)}.")
    today = today or dt.date.today()
    with reading(database) as connection:
        people = _people(connection, since, until, today, top_regions).subquery()
        column = people.c[dimension]
        query = sa.select(people.c.id, people.c.record_no, people.c.name, people.c.mobile)
        query = query.where(column.is_(None) if value is None else column == value)
        if channel is not None:
            query = query.where(people.c.channel == channel)
        rows = connection.execute(query.order_by(people.c.record_no)).all()
        audit_opening(
            connection,
            actor,
            "demographic_patients",
            since=since or "",
            until=until or "",
            today=today,
            dimension=dimension,
            value=value,
            channel=channel,
            patients=len(rows),
        )
    return [ReportPatient.of(row) for row in rows]


def _check(since: dt.date | None, until: dt.date | None, top_regions: int) -> None:
    if (since is None) != (until is None):
        raise ValidationError("since", "half_period", "Give both ends of the period, or neither.")
    if since is not None and until is not None:
        check_period(since, until)
    if top_regions < 1:
        raise ValidationError("top_regions", "invalid", "Show at least one region.")


def _years_before(today: dt.date, years: int) -> dt.date:
    """The latest birth date of someone ``years`` old on ``today`` (29 Feb → 28 Feb)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def _people(
    connection: Connection,
    since: dt.date | None,
    until: dt.date | None,
    today: dt.date,
    top_regions: int,
) -> sa.Select:
    """One row per patient counted: channel, age band, sex and region bucket. The top
    regions are read first, in the caller's transaction, and given as values: as a
    subquery the database ran them once for each place the bucket is named (a scan of
    the cohort each)."""
    cohort = within(Patient.created_at, since, until) if since and until else sa.true()

    # Oldest band first: the first birth date at or before "n years ago" decides.
    age = sa.case(
        (Patient.birth_date.is_(None), "unknown"),
        *(
            (Patient.birth_date <= _years_before(today, start), band)
            for band, start in reversed(AGE_BANDS[1:])
        ),
        else_=AGE_BANDS[0][0],
    )
    sex = sa.case((Patient.sex.in_(("F", "M")), Patient.sex), else_="unknown")
    region = sa.func.coalesce(Patient.region, "")
    top = connection.scalars(
        sa.select(Patient.region)
        .where(cohort, Patient.region.is_not(None), Patient.region != "")
        .group_by(Patient.region)
        .order_by(sa.func.count().desc(), Patient.region)
        .limit(top_regions)
    ).all()
    bucket = sa.case((region == "", ""), (Patient.region.in_(top), region))
    return sa.select(
        Patient.id,
        Patient.record_no,
        Patient.name,
        Patient.mobile,
        sa.func.coalesce(Patient.source_channel, "").label("channel"),
        age.label("age"),
        sex.label("sex"),
        bucket.label("region"),
    ).where(cohort)


def _rows(
    counts: dict[tuple[str | None, str], int], order: tuple[str, ...] | None
) -> tuple[DemographicRow, ...]:
    """Rows of one dimension from its (value, channel) counts: in ``order`` with zeros, or
    (regions) by count with "" and the others (None) last."""
    by_value: dict[str | None, dict[str, int]] = {}
    for (value, channel), n in counts.items():
        by_value.setdefault(value, {})[channel] = n
    if order is not None:
        values: list[str | None] = list(order)
    else:
        named = [v for v in by_value if v]
        values = sorted(named, key=lambda v: (-sum(by_value[v].values()), v))
        values += [v for v in ("", None) if v in by_value]
    return tuple(
        DemographicRow(value, sum(by_value.get(value, {}).values()), by_value.get(value, {}))
        for value in values
    )
