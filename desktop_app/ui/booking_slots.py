"""When and where in the appointment book, without Qt: the slots of a day, the columns,
the spans the clinic is shut and how overlapping bookings share a column. Kept apart from
the drawing so the arithmetic is tested on its own and the grid module stays readable."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from desktop_app.services.bookings import BookingRow
from desktop_app.services.opening_hours import OpeningHours

FIRST_HOUR, LAST_HOUR = 9, 21
SLOT_MINUTES = 15
SLOTS = (LAST_HOUR - FIRST_HOUR) * 60 // SLOT_MINUTES


@dataclass(frozen=True)
class Column:
    day: dt.date
    key: uuid.UUID
    title: str


def slot_time(day: dt.date, slot: int) -> dt.datetime:
    """The aware local time a slot of ``day`` starts at."""
    start = dt.datetime.combine(day, dt.time(FIRST_HOUR)).astimezone()
    return start + dt.timedelta(minutes=slot * SLOT_MINUTES)


def slot_of(day: dt.date, when: dt.datetime) -> float:
    """Where ``when`` falls in ``day``'s slots (fractional; may be outside 0..SLOTS)."""
    return (when - slot_time(day, 0)).total_seconds() / 60 / SLOT_MINUTES


def closed_spans(hours: OpeningHours | None, day: dt.date) -> list[tuple[float, float]]:
    """The slots of ``day`` the clinic is shut, as (first, end) slot numbers, in order and
    not overlapping: all of a closed day, else before opening, the breaks, after closing.
    Fractional where a time is not on a quarter hour; nothing without hours."""
    if hours is None:
        return []
    span = hours.days[day.weekday()]
    if span is None:
        return [(0.0, float(SLOTS))]

    def at(when: dt.time) -> float:
        minutes = when.hour * 60 + when.minute - FIRST_HOUR * 60
        return max(0.0, min(float(SLOTS), minutes / SLOT_MINUTES))

    shut = sorted(
        [(0.0, at(span[0])), *((at(a), at(b)) for a, b in hours.breaks), (at(span[1]), SLOTS)]
    )
    merged: list[tuple[float, float]] = []
    for first, end in shut:
        if end <= first:
            continue
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((first, float(end)))
    return merged


def on_day(when: dt.datetime, day: dt.date) -> dt.datetime:
    """The same local time of day on another day (a DST change does not shift it)."""
    return dt.datetime.combine(day, when.astimezone().time()).astimezone()


def side_by_side(rows: list[BookingRow]) -> list[tuple[int, int, BookingRow]]:
    """Overlapping bookings in one column (a consultant's, say) side by side."""
    placed: list[tuple[int, int, BookingRow]] = []
    group: list[tuple[int, BookingRow]] = []
    group_end: dt.datetime | None = None
    ends: list[dt.datetime] = []

    def close() -> None:
        lanes = max((lane for lane, _r in group), default=-1) + 1
        placed.extend((lane, lanes, row) for lane, row in group)

    for row in sorted(rows, key=lambda r: (r.starts_at, r.ends_at)):
        if group_end is not None and row.starts_at >= group_end:
            close()
            group, ends, group_end = [], [], None
        lane = next((i for i, end in enumerate(ends) if end <= row.starts_at), len(ends))
        if lane == len(ends):
            ends.append(row.ends_at)
        else:
            ends[lane] = row.ends_at
        group.append((lane, row))
        group_end = row.ends_at if group_end is None else max(group_end, row.ends_at)
    close()
    return placed
