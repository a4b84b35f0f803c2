"""The clinic's opening hours and breaks (Settings): the appointment book draws them, and a
booking outside them is allowed with a warning (a doctor may stay late for a patient)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from desktop_app.db import Database
from desktop_app.services import clinic_settings
from desktop_app.services.context import Actor
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

KEY = "opening_hours"
Span = tuple[dt.time, dt.time]
DAYS = range(7)  # Monday = 0, as datetime.weekday()


@dataclass(frozen=True)
class OpeningHours:
    days: tuple[Span | None, ...]  # per weekday, None: closed
    breaks: tuple[Span, ...] = ()  # the same every open day (lunch …)


DEFAULT = OpeningHours(days=tuple((dt.time(9), dt.time(21)) for _ in DAYS))


def opening_hours(database: Database) -> OpeningHours:
    """The saved hours, or 09:00–21:00 every day."""
    raw = clinic_settings.get(database, KEY)
    if not raw:
        return DEFAULT
    data = json.loads(raw)
    return OpeningHours(
        tuple(_span(day) if day else None for day in data["days"]),
        tuple(_span(span) for span in data.get("breaks", [])),
    )


def set_opening_hours(database: Database, actor: Actor, hours: OpeningHours) -> None:
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    if len(hours.days) != 7:
        raise ValidationError("days", "invalid", "Seven days, Monday first.")
    for span in (*filter(None, hours.days), *hours.breaks):
        if span[0] >= span[1]:
            raise ValidationError("hours", "order", "Each span ends after it starts.")
    data = {
        "days": [[t.strftime("%H:%M") for t in day] if day else None for day in hours.days],
        "breaks": [[t.strftime("%H:%M") for t in span] for span in hours.breaks],
    }
    clinic_settings.put(database, actor, KEY, json.dumps(data))


def outside(hours: OpeningHours, starts_at: dt.datetime, ends_at: dt.datetime) -> str | None:
    """Why a booking falls outside the hours, in local time: "closed" (that day),
    "early", "late" or "break"; None when it is within them."""
    start, end = starts_at.astimezone(), ends_at.astimezone()
    day = hours.days[start.weekday()]
    if day is None:
        return "closed"
    if start.time() < day[0]:
        return "early"
    if end.date() != start.date() or end.time() > day[1]:
        return "late"
    if any(start.time() < b[1] and end.time() > b[0] for b in hours.breaks):
        return "break"
    return None


def _span(pair: list[str]) -> Span:
    first, last = (dt.time.fromisoformat(t) for t in pair)
    return first, last
