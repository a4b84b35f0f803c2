"""The clinic's opening hours: saved in the clinic's settings, and what falls outside them."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.models import Role
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.opening_hours import (
    DEFAULT,
    OpeningHours,
    opening_hours,
    outside,
    set_opening_hours,
)
from desktop_app.services.staff import NewStaff, create_staff

MONDAY = dt.date(2026, 11, 23)  # a Monday


def local(day: dt.date, hour: float) -> dt.datetime:
    start = dt.datetime.combine(day, dt.time()).astimezone()
    return start + dt.timedelta(hours=hour)


def test_saved_hours_and_what_falls_outside_them(database, manager):
    assert opening_hours(database) == DEFAULT
    hours = OpeningHours(
        days=(*((dt.time(10), dt.time(20)),) * 6, None),  # closed on Sundays
        breaks=((dt.time(12), dt.time(13)),),
    )
    set_opening_hours(database, manager, hours)
    assert opening_hours(database) == hours
    sunday = MONDAY + dt.timedelta(days=6)
    cases = [
        (local(MONDAY, 10), local(MONDAY, 11), None),
        (local(MONDAY, 9.5), local(MONDAY, 10.5), "early"),
        (local(MONDAY, 19.5), local(MONDAY, 20.5), "late"),
        (local(MONDAY, 11.5), local(MONDAY, 12.5), "break"),
        (local(MONDAY, 13), local(MONDAY, 14), None),
        (local(sunday, 11), local(sunday, 12), "closed"),
    ]
    assert [outside(hours, s, e) for s, e, _ in cases] == [why for *_, why in cases]


def test_only_managers_set_them_and_spans_must_make_sense(database, manager):
    nurse = create_staff(
        database, manager, NewStaff("nurse", "护士", Role.NURSE, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        set_opening_hours(database, nurse, DEFAULT)
    backwards = OpeningHours(days=((dt.time(20), dt.time(10)),) * 7)
    with pytest.raises(ValidationError):
        set_opening_hours(database, manager, backwards)
    assert opening_hours(database) == DEFAULT
