"""The appointment book at clinic-chain scale: opening a busy week against raw SQL.

    .venv/bin/python benchmarks/bookings.py [--bookings 1000000] [--repeat 200]
        [--backend sqlite|postgresql|both] [--seed 1] [--keep] [--database-url URL]

For each backend: a fresh database (an SQLite file in a temporary folder; a scratch
PostgreSQL database at CLINIC_DESK_TEST_PG_URL, dropped at the end unless ``--keep``),
migrated, then loaded by this script in bulk (sqlite3 ``executemany`` / PostgreSQL
``COPY``): a chain of branches, each with 10 doctors, 10 consultants, 10 rooms and
2 devices, bookings over 104 weeks in clinic hours (09:00–21:00 Asia/Shanghai, every day;
30–90 minutes, laid one after another per doctor and per consultant, so no doctor, room
or device is double-booked), 85 % for registered patients and 15 % for leads, past ones
arrived / no-show / cancelled, the branches' totals adding up to ``--bookings``. One week
(next week, branch 0) is busy: every doctor booked solid in 30-minute slots, about 2,000
bookings for its 20 doctors and consultants.

Then "opening a busy week", as the week view asks for it, ``--repeat`` times after a
warm-up, alternating

- service: ``bookings.bookings_between(db, actor, monday, next_monday, staff_ids=<the
  branch's 20>)`` (permission check, SQLAlchemy, typed ``BookingRow``s), and
- raw: the same rows by one hand-written statement on an open DBAPI connection (sqlite3 /
  psycopg, autocommit) with ``fetchall()``,

checking both give the same bookings in the same order. Budget (issue 9): service p95 ≤
2 × raw p95. Exit status 1 if missed. ``--database-url`` measures a database this script
loaded before (``--keep``) instead of creating one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402

from benchmarks.search import Timings, percentile  # noqa: E402
from benchmarks.timeline import settle  # noqa: E402
from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.models import (  # noqa: E402
    Booking,
    Patient,
    Resource,
    ResourceKind,
    Role,
    Staff,
    TreatmentItem,
)
from desktop_app.services import bookings, passwords  # noqa: E402
from desktop_app.services.context import Actor, unit_of_work  # noqa: E402
from tests.support.databases import admin_url  # noqa: E402

BUDGET_RATIO = 2.0
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


def raw_statement(dialect: str, staff: int) -> str:
    """The week view's rows by hand: bookings starting in the week with one of the staff
    as doctor or consultant, not cancelled, with the names the view shows, by start."""
    mark = "%s" if dialect == "postgresql" else "?"
    ids = ", ".join([mark] * staff)
    return (
        "SELECT b.id, b.version, b.starts_at, b.ends_at, b.status, b.patient_id, p.record_no,"
        " coalesce(p.name, b.lead_name, ''), coalesce(p.mobile, b.lead_mobile, ''), i.name,"
        " b.doctor_id, coalesce(d.display_name, ''), b.consultant_id,"
        " coalesce(c.display_name, ''), b.room_id, coalesce(r.name, ''), b.device_id,"
        " coalesce(v.name, '')"
        " FROM bookings b"
        " LEFT JOIN patients p ON p.id = b.patient_id"
        " LEFT JOIN treatment_items i ON i.id = b.item_id"
        " LEFT JOIN staff d ON d.id = b.doctor_id"
        " LEFT JOIN staff c ON c.id = b.consultant_id"
        " LEFT JOIN resources r ON r.id = b.room_id"
        " LEFT JOIN resources v ON v.id = b.device_id"
        f" WHERE b.starts_at >= {mark} AND b.starts_at < {mark} AND b.status <> 'cancelled'"
        f" AND (b.doctor_id IN ({ids}) OR b.consultant_id IN ({ids}))"
        " ORDER BY b.starts_at, b.id"
    )


# --- loading -------------------------------------------------------------------------------


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
                cursor.executemany(sql, [tuple(map(_sqlite, row)) for row in rows])

            yield write_sqlite
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def _sqlite(value: object) -> object:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
    return value


# --- measuring -----------------------------------------------------------------------------


def busy_week(database: Database) -> tuple[dt.datetime, dt.datetime, list[uuid.UUID], Actor]:
    """Branch 0's busy week and its 20 doctors and consultants; the receptionist."""
    with unit_of_work(database, write=False) as session:
        first = session.scalar(sa.select(sa.func.min(Booking.starts_at)))
        assert first is not None, "no bookings: load the database with this script"
        staff = session.scalars(
            sa.select(Staff.id).where(Staff.username.like("b0-%")).order_by(Staff.username)
        ).all()
        front = session.scalars(sa.select(Staff).where(Staff.username == "front")).one()
        actor = Actor.of(front)
    start = first.astimezone(ZONE).date()
    monday = start - dt.timedelta(days=start.weekday()) + dt.timedelta(weeks=BUSY_WEEK)
    begin = dt.datetime.combine(monday, dt.time(), ZONE)
    return begin, begin + dt.timedelta(weeks=1), list(staff), actor


def measure(database: Database, repeat: int) -> Timings:
    settle(database)
    begin, end, staff, actor = busy_week(database)
    pg = database.kind == "postgresql"
    with unit_of_work(database, write=False) as session:
        total = session.scalar(sa.select(sa.func.count()).select_from(Booking)) or 0
    sql = raw_statement(database.kind, len(staff))

    def bound(value: dt.datetime) -> object:
        return value if pg else _sqlite(value)

    keys = [s if pg else s.hex for s in staff]
    params = (bound(begin), bound(end), *keys, *keys)
    raw = database.engine.raw_connection()  # a plain DBAPI connection, kept open
    try:
        if pg:
            raw.driver_connection.autocommit = True
        cursor = raw.cursor()

        def run_raw() -> list[tuple]:
            cursor.execute(sql, params)
            return cursor.fetchall()

        def run_service() -> list[bookings.BookingRow]:
            return bookings.bookings_between(database, actor, begin, end, staff_ids=staff)

        found = [row.id for row in run_service()]
        expected = [uuid.UUID(str(row[0])) for row in run_raw()]
        if found != expected:
            raise SystemExit(
                f"service {len(found)} {found[:3]} ≠ raw {len(expected)} {expected[:3]}"
            )
        print(
            f"  {total:,} bookings; the busy week {begin:%Y-%m-%d}: {len(found):,} bookings "
            f"for {len(staff)} doctors and consultants",
            file=sys.stderr,
        )
        explain(database, cursor, sql, params)
        for _ in range(5):  # warm-up: caches, compiled statements, prepared plans
            run_service()
            run_raw()
        timings = Timings()
        for _ in range(repeat):
            timings.service.append(_timed(run_service))
            timings.raw.append(_timed(run_raw))
        return timings
    finally:
        raw.invalidate()  # not back into the pool in autocommit


def explain(database: Database, cursor: Any, sql: str, params: tuple[object, ...]) -> None:
    """The raw statement's plan, for the report (the service's is the same statement)."""
    pg = database.kind == "postgresql"
    cursor.execute(("EXPLAIN " if pg else "EXPLAIN QUERY PLAN ") + sql, params)
    lines = [row[0] if pg else row[-1] for row in cursor.fetchall()]
    print("  plan:\n    " + "\n    ".join(lines), file=sys.stderr)


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def report(backend: str, t: Timings) -> bool:
    s50, s95 = statistics.median(t.service), percentile(t.service, 0.95)
    r50, r95 = statistics.median(t.raw), percentile(t.raw, 0.95)
    ok = s95 <= BUDGET_RATIO * r95
    print(f"\n{backend}: opening the busy week, {len(t.service)} runs, ms")
    print("| side | p50 | p95 |\n|---|---|---|")
    print(f"| service | {s50:.2f} | {s95:.2f} |\n| raw | {r50:.2f} | {r95:.2f} |")
    print(
        f"{backend}: service p95 {s95:.2f} ms, {s95 / r95:.2f} × raw p95 "
        f"(p50 {s50 / r50:.2f} ×; budget ≤ {BUDGET_RATIO:.0f}): {'within' if ok else 'MISSED'}"
    )
    return ok


@contextmanager
def fresh_database(backend: str, folder: Path, keep: bool) -> Iterator[URL]:
    if backend == "sqlite":
        place = Path.cwd() if keep else folder
        yield URL.create(
            "sqlite", database=str(place / f"bookings-benchmark-{uuid.uuid4().hex[:8]}.db")
        )
        return
    name = f"clinic_desk_bench_bookings_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url().set(database=name)
    finally:
        if not keep:
            with admin.connect() as connection:
                connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--keep", action="store_true", help="keep the loaded databases")
    parser.add_argument("--database-url", help="measure this loaded database instead")
    args = parser.parse_args()

    if args.database_url:
        database = Database(make_url(args.database_url))
        try:
            return 0 if report(database.kind, measure(database, args.repeat)) else 1
        finally:
            database.dispose()
    ok = True
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    with tempfile.TemporaryDirectory() as scratch:
        for backend in backends:
            with fresh_database(backend, Path(scratch), args.keep) as url:
                print(f"{backend}: {args.bookings:,} bookings, seed {args.seed}", file=sys.stderr)
                database = Database(url)
                try:
                    upgrade(database)
                    load(database, args.bookings, args.seed)
                finally:
                    database.dispose()
                if args.keep:
                    print(f"  kept: {url.render_as_string(hide_password=True)}", file=sys.stderr)
                database = Database(url)  # a new process's view: nothing cached from loading
                try:
                    ok = report(backend, measure(database, args.repeat)) and ok
                finally:
                    database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
