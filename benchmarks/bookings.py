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
import gc
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402

from benchmarks.booking_data import BUSY_WEEK, ZONE, load, sqlite_value  # noqa: E402
from benchmarks.search import Timings, percentile  # noqa: E402
from benchmarks.timeline import settle  # noqa: E402
from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.models import Booking, Staff  # noqa: E402
from desktop_app.services import bookings  # noqa: E402
from desktop_app.services.context import Actor, unit_of_work  # noqa: E402
from tests.support.databases import admin_url  # noqa: E402

BUDGET_RATIO = 2.0


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
        " coalesce(v.name, ''), b.arrived_at"
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
        return value if pg else sqlite_value(value)

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
        gc.freeze()  # as the app does at sign-in (ui/app.py)
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
