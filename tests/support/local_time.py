"""Reports count the clinic's local days: their tests run at UTC+8, where local and UTC
days differ, and build timestamps from local wall-clock times."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest


@pytest.fixture
def beijing_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """UTC+8: local midnight is 16:00 UTC the day before, so local and UTC days differ."""
    monkeypatch.setenv("TZ", "CST-8")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def local_at(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """A local wall-clock time as the UTC instant the database stores."""
    return dt.datetime(year, month, day, hour, minute).astimezone().astimezone(dt.UTC)


def local(month: int, day: int, hour: int = 10, minute: int = 0) -> dt.datetime:
    """``local_at`` in 2026, the year the report tests' clinics live in."""
    return local_at(2026, month, day, hour, minute)
