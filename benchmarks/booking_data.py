"""The benchmark appointment book, bulk-loaded: a chain of branches, each with 10 doctors,
10 consultants, 10 rooms and 2 devices, and their bookings over two years in clinic hours,
written with sqlite3 ``executemany`` / PostgreSQL ``COPY`` (``benchmarks/bookings.py``).

Each doctor's and each consultant's bookings are laid one after another, so no doctor,
room or device is double-booked; next week of branch 0 is the busy one.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Patient, Resource, ResourceKind, Role, Staff, TreatmentItem
from desktop_app.services import passwords
from desktop_app.services.context import unit_of_work

ZONE = ZoneInfo("Asia/Shanghai")
OPEN, CLOSE = 9 * 60, 21 * 60  # minutes after local midnight
WEEKS = 104
BUSY_WEEK = 101  # next week: the data starts 101 weeks before it
DOCTORS = CONSULTANTS = ROOMS = 10  # per branch
DEVICES = 2  # per branch: doctors 0 and 1 use them
PATIENTS = 100_000
DURATIONS, WEIGHTS = (30, 45, 60, 90), (4, 3, 2, 1)
SOURCES = ("抖音", "小红书", "大众点评", "美团", "转介绍", "到店")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "婷丽静敏燕艳娟霞芳娜秀英慧巧美娅晶妍雪琳"
COLUMNS = (
    "id, version, created_at, updated_at, patient_id, lead_name, lead_mobile, item_id,"
    " starts_at, ends_at, doctor_id, consultant_id, room_id, device_id, status, source,"
    " invited_by_id, note, arrived_at"
)


def first_monday(today: dt.date | None = None) -> dt.date:
    today = today or dt.datetime.now(ZONE).date()
    next_monday = today + dt.timedelta(days=7 - today.weekday())
    return next_monday - dt.timedelta(weeks=BUSY_WEEK)


def load(database: Database, total: int, seed: int) -> None:
    """Staff, rooms, devices and patients through the ORM; the bookings in bulk."""
    started = time.perf_counter()
    rng = random.Random(seed)
    branches = max(1, round(total / 100_000))
    branch_staff, items, patient_ids = load_people(database, branches, rng)
    start = first_monday()
    # A day's lengths trimmed at closing time lose about 1 % of the bookings drawn.
    per_branch_day = total / (branches * WEEKS * 7) / 0.99
    generated = 0
    with bulk_writer(database) as write:
        for week in range(WEEKS):
            rows: list[tuple[Any, ...]] = []
            for branch, people in enumerate(branch_staff):
                busy = branch == 0 and week == BUSY_WEEK
                for day in range(7):
                    date = start + dt.timedelta(weeks=week, days=day)
                    rows += day_of_branch(rng, date, people, items, patient_ids,
                                          per_branch_day, busy)  # fmt: skip
            write(rows)
            generated += len(rows)
            if week % 10 == 9:
                print(f"\r  {generated:,} bookings", end="", file=sys.stderr, flush=True)
    print(
        f"\r  loaded {generated:,} bookings ({branches} branches, {len(patient_ids):,} "
        f"patients) in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )


def load_people(
    database: Database, branches: int, rng: random.Random
) -> tuple[list[dict[str, list[uuid.UUID]]], list[uuid.UUID], list[uuid.UUID]]:
    digest = passwords.hash_password("benchmark password")
    branch_staff = []
    with unit_of_work(database) as session:
        session.add(Staff(username="front", display_name="前台", role=Role.RECEPTIONIST,
                          password_hash=digest))  # fmt: skip
        for b in range(branches):
            people: dict[str, list[uuid.UUID]] = {}
            for key, role, count, title in (
                ("doctors", Role.DOCTOR, DOCTORS, "医生"),
                ("consultants", Role.CONSULTANT, CONSULTANTS, "咨询师"),
            ):
                people[key] = [uuid.uuid4() for _ in range(count)]
                for n, staff_id in enumerate(people[key]):
                    name = f"{SURNAMES[(b * 7 + n) % len(SURNAMES)]}{title}{b}-{n}"
                    session.add(Staff(id=staff_id, username=f"b{b}-{key}-{n}", role=role,
                                      display_name=name, password_hash=digest))  # fmt: skip
            for key, kind, count, title in (
                ("rooms", ResourceKind.ROOM, ROOMS, "治疗室"),
                ("devices", ResourceKind.DEVICE, DEVICES, "设备"),
            ):
                people[key] = [uuid.uuid4() for _ in range(count)]
                for n, resource_id in enumerate(people[key]):
                    session.add(Resource(id=resource_id, kind=kind, name=f"{b}店{title}{n + 1}"))
            branch_staff.append(people)
        items = list(session.scalars(sa.select(TreatmentItem.id)))
        patient_ids = [uuid.uuid4() for _ in range(PATIENTS)]
        session.execute(
            sa.insert(Patient),
            [
                {
                    "id": pid,
                    "version": 1,
                    "record_no": f"B{n:07d}",
                    "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                    "mobile": f"+86138{n:08d}",
                    "mobile_rev": f"+86138{n:08d}"[::-1],
                }
                for n, pid in enumerate(patient_ids)
            ],
        )
    return branch_staff, items, patient_ids


def day_of_branch(
    rng: random.Random,
    date: dt.date,
    people: dict[str, list[uuid.UUID]],
    items: list[uuid.UUID],
    patient_ids: list[uuid.UUID],
    per_day: float,
    busy: bool,
) -> list[tuple[Any, ...]]:
    """One branch's day: each doctor's bookings one after another (in the doctor's room,
    doctors 0 and 1 sometimes on their device), then each consultant's own consultations."""
    midnight = dt.datetime.combine(date, dt.time(), ZONE)
    past = date < dt.datetime.now(ZONE).date()
    rows = []
    lanes = [("doctor", n) for n in range(DOCTORS)] + [
        ("consultant", n) for n in range(CONSULTANTS)
    ]
    for who, n in lanes:
        if busy:
            lengths = [30] * ((CLOSE - OPEN) // 30) if who == "doctor" else [30] * 5
        else:
            share = 0.8 / DOCTORS if who == "doctor" else 0.2 / CONSULTANTS
            count = max(0, round(rng.gauss(per_day * share, per_day * share / 4)))
            lengths = rng.choices(DURATIONS, WEIGHTS, k=count)
            while sum(lengths) > CLOSE - OPEN:
                lengths.pop()
        spare = CLOSE - OPEN - sum(lengths)
        cuts = sorted(rng.randint(0, spare // 15) * 15 for _ in lengths)
        at, used = OPEN, 0
        for length, cut in zip(lengths, cuts, strict=True):
            at += cut - used
            used = cut
            starts = midnight + dt.timedelta(minutes=at)
            at += length
            rows.append(booking_row(rng, starts, length, who, n, people, items, patient_ids, past))
    return rows


def booking_row(
    rng: random.Random,
    starts: dt.datetime,
    length: int,
    who: str,
    n: int,
    people: dict[str, list[uuid.UUID]],
    items: list[uuid.UUID],
    patient_ids: list[uuid.UUID],
    past: bool,
) -> tuple[Any, ...]:
    starts = starts.astimezone(dt.UTC)
    ends = starts + dt.timedelta(minutes=length)
    lead = rng.random() < 0.15
    consultants = people["consultants"]
    if who == "doctor":
        doctor = people["doctors"][n]
        consultant = rng.choice(consultants) if rng.random() < 0.6 else None
        room = people["rooms"][n] if rng.random() < 0.7 else None
        device = people["devices"][n] if n < DEVICES and rng.random() < 0.3 else None
    else:
        doctor, consultant, room, device = None, consultants[n], None, None
    roll = rng.random()
    if past:
        status = "cancelled" if roll < 0.07 else "no_show" if roll < 0.15 else "arrived"
    else:
        status = "cancelled" if roll < 0.07 else "booked"
    made = starts - dt.timedelta(days=rng.randint(1, 30))
    return (
        uuid.uuid4(),
        1,
        made,
        made,
        None if lead else rng.choice(patient_ids),
        f"{rng.choice(SURNAMES)}女士" if lead else None,
        f"+86139{rng.randrange(10**8):08d}" if lead else None,
        rng.choice(items) if rng.random() < 0.7 else None,
        starts,
        ends,
        doctor,
        consultant,
        room,
        device,
        status,
        rng.choice(SOURCES),
        rng.choice(consultants) if rng.random() < 0.4 else None,
        "",
        starts if status == "arrived" else None,
    )


@contextmanager
def bulk_writer(database: Database) -> Iterator[Callable[[list[tuple[Any, ...]]], None]]:
    """COPY on PostgreSQL; executemany on SQLite with the values as SQLAlchemy stores them
    there (UUIDs as 32 hex digits, naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff')."""
    raw = database.engine.raw_connection()
    try:
        cursor = raw.cursor()
        if database.kind == "postgresql":
            with cursor.copy(f"COPY bookings ({COLUMNS}) FROM STDIN") as copy:

                def write_pg(rows: list[tuple[Any, ...]]) -> None:
                    for row in rows:
                        copy.write_row(row)

                yield write_pg
        else:
            marks = ", ".join("?" * len(COLUMNS.split(",")))
            sql = f"INSERT INTO bookings ({COLUMNS}) VALUES ({marks})"

            def write_sqlite(rows: list[tuple[Any, ...]]) -> None:
                cursor.executemany(sql, [tuple(map(sqlite_value, row)) for row in rows])

            yield write_sqlite
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def sqlite_value(value: object) -> object:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    return value
