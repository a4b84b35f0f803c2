"""The reminder panel at clinic-chain scale: the desk against raw SQL, and one station's
offline cache refresh.

    .venv/bin/python benchmarks/reminders.py [--patients 200000] [--repeat 100]
        [--backend sqlite|postgresql|both] [--seed 1] [--database-url URL]

For each backend: a fresh database (an SQLite file in a temporary folder; a scratch
PostgreSQL database at CLINIC_DESK_TEST_PG_URL, as the tests use), migrated and loaded with
``clinic-desk demo-data``'s service (seeded), which makes the reminders the seed rules make
of the generated record (about 10 a patient) and works the past ones. Then, as the panel
opens (``ui/reminders_page.py``: the section counts, then the first section's page), for
the staff member with the most open reminders in the next fortnight (scope "mine"), all of
their role ("my role") and a manager ("everyone"), ``--repeat`` times after a warm-up,
alternating

- desk: ``ReminderDesk.counts()`` and ``ReminderDesk.rows()`` for each section (online:
  ``reminders.counts`` / ``due_reminders``: permission check, SQLAlchemy, typed rows), and
- raw: the same rows by hand-written SQL on an open DBAPI connection (sqlite3 / psycopg,
  autocommit) with ``fetchall()``,

checking that both give the same reminders in the same order. Budget (issue 8): the
panel's first page ≤ 2 × raw p95. Then one station's offline cache refresh
(``ReminderDesk.refresh()`` into a temporary cache file: the server query for the
station's people and roles, and the local write), with the people of the busiest
person's role remembered on the station. Exit status 1 if the budget is missed.
``--database-url`` measures an already loaded database instead of creating one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.search import Timings, fresh_database, load, percentile  # noqa: E402
from benchmarks.timeline import settle  # noqa: E402
from desktop_app.db import Database  # noqa: E402
from desktop_app.models import PRIORITY_RANK, Reminder, ReminderStatus, Role, Staff  # noqa: E402
from desktop_app.services import reminders  # noqa: E402
from desktop_app.services.context import Actor, unit_of_work  # noqa: E402
from desktop_app.services.reminder_cache import ReminderCache, credentials  # noqa: E402
from desktop_app.services.reminder_desk import ReminderDesk  # noqa: E402
from desktop_app.services.reminders import HORIZON_DAYS, PAGE, Scope, Section  # noqa: E402

BUDGET_RATIO = 2.0
SECTIONS = (Section.OVERDUE, Section.TODAY, Section.UPCOMING)  # the page's order
REFRESHES = 10

COLUMNS = (
    "r.id, r.patient_id, p.record_no, p.name, p.mobile, r.reason, r.trigger, r.step,"
    " r.due_on, r.priority, r.assignee_id, s.display_name, r.assignee_role, r.attempts,"
    " r.max_attempts, r.status, r.version, rr.script"
)
RANK = (
    "CASE r.priority "
    + " ".join(f"WHEN '{p.value}' THEN {n}" for p, n in PRIORITY_RANK.items())
    + " END"
)


def raw_statements(dialect: str, scope: Scope) -> tuple[str, str]:
    """(a section's page, the section counts) by hand, for one scope."""
    mark = "%s" if dialect == "postgresql" else "?"
    who = {
        Scope.MINE: f"r.assignee_id = {mark} AND ",
        Scope.ROLE: f"r.assignee_role = {mark} AND ",
        Scope.EVERYONE: "",
    }[scope]
    page = (
        f"SELECT {COLUMNS} FROM reminders r JOIN patients p ON p.id = r.patient_id"
        " LEFT JOIN staff s ON s.id = r.assignee_id"
        " LEFT JOIN reminder_rules rr ON rr.id = r.rule_id"
        f" WHERE {who}r.status = 'open' AND r.due_on >= {mark} AND r.due_on <= {mark}"
        f" ORDER BY r.due_on, {RANK}, r.id LIMIT {PAGE}"
    )
    counts = (
        f"SELECT CASE WHEN r.due_on < {mark} THEN 'overdue' WHEN r.due_on = {mark}"
        " THEN 'today' ELSE 'upcoming' END AS section, count(*) FROM reminders r"
        f" WHERE {who}r.status = 'open' AND r.due_on <= {mark} GROUP BY 1"
    )
    return page, counts


def busiest(database: Database, today: dt.date) -> tuple[Actor, Actor, int]:
    """The person with the most open reminders due within the horizon, and a manager."""
    until = today + dt.timedelta(days=HORIZON_DAYS)
    with unit_of_work(database, write=False) as session:
        staff_id, count = session.execute(
            sa.select(Reminder.assignee_id, sa.func.count())
            .where(
                Reminder.status == ReminderStatus.OPEN,
                Reminder.due_on <= until,
                Reminder.assignee_id.is_not(None),
            )
            .group_by(Reminder.assignee_id)
            .order_by(sa.func.count().desc())
            .limit(1)
        ).one()
        person = session.get(Staff, staff_id)
        manager = session.scalars(
            sa.select(Staff).where(Staff.role == Role.MANAGER, Staff.active)
        ).first()
        assert person is not None
        boss = Actor.of(manager) if manager else Actor.command_line()
        return Actor.of(person), boss, count


def measure(database: Database, repeat: int) -> dict[str, dict[str, Timings]]:
    settle(database)
    today = dt.date.today()
    person, manager, count = busiest(database, today)
    with unit_of_work(database, write=False) as session:
        total = session.scalar(sa.select(sa.func.count()).select_from(Reminder)) or 0
    print(
        f"  {total:,} reminders; the busiest person ({person.display_name}, "
        f"{person.role.value}) has {count:,} open within {HORIZON_DAYS} days",
        file=sys.stderr,
    )
    pg = database.kind == "postgresql"
    key: object = person.staff_id if pg else person.staff_id.hex  # type: ignore[union-attr]
    raw = database.engine.raw_connection()  # a plain DBAPI connection, kept open
    results: dict[str, dict[str, Timings]] = {}
    try:
        if pg:
            raw.driver_connection.autocommit = True
        cursor = raw.cursor()
        for scope, actor, who in (
            (Scope.MINE, person, [key]),
            (Scope.ROLE, person, [person.role.value]),
            (Scope.EVERYONE, manager, []),
        ):
            results[scope.value] = measure_scope(database, cursor, actor, scope, who, repeat)
    finally:
        raw.invalidate()  # not back into the pool in autocommit
    results["cache refresh"] = refresh_timings(database, person)
    return results


def measure_scope(
    database: Database,
    cursor: Any,
    actor: Actor,
    scope: Scope,
    who: list[object],
    repeat: int,
) -> dict[str, Timings]:
    """The panel's calls for one scope, each against its raw SQL; ``who`` binds the scope."""
    pg = database.kind == "postgresql"
    today = dt.date.today()
    until = today + dt.timedelta(days=HORIZON_DAYS)
    desk = ReminderDesk(database, actor, cache=None)
    desk.cache = desk.outbox = None  # online only: the refresh is measured on its own
    page_sql, counts_sql = raw_statements(database.kind, scope)

    def day(value: dt.date) -> object:
        return value if pg else value.isoformat()

    def raw_counts() -> list[tuple]:
        cursor.execute(counts_sql, (day(today), day(today), *who, day(until)))
        return cursor.fetchall()

    def raw_page(section: Section) -> list[tuple]:
        low, high = {
            Section.OVERDUE: (dt.date(1900, 1, 1), today - dt.timedelta(days=1)),
            Section.TODAY: (today, today),
            Section.UPCOMING: (today + dt.timedelta(days=1), until),
        }[section]
        cursor.execute(page_sql, (*who, day(low), day(high)))
        return cursor.fetchall()

    calls: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
        "counts": (lambda: desk.counts(scope, today), raw_counts)
    }
    for section in Section:
        calls[section.value] = (
            partial(desk.rows, scope, section, today),
            partial(raw_page, section),
        )
        found = [row.id for row in desk.rows(scope, section, today)]
        expected = [uuid.UUID(str(row[0])) for row in raw_page(section)]
        if found != expected:
            raise SystemExit(f"{scope} {section}: desk {found[:3]} ≠ raw {expected[:3]}")
    counted = desk.counts(scope, today)
    raw_counted = {Section(name): n for name, n in raw_counts()}
    if any(counted[s] != raw_counted.get(s, 0) for s in Section):
        raise SystemExit(f"{scope} counts: desk {counted} ≠ raw {raw_counted}")
    first = next((s for s in SECTIONS if counted[s]), Section.TODAY)  # as the page opens
    print(
        f"  {scope.value}: {counted[Section.OVERDUE]:,} overdue, "
        f"{counted[Section.TODAY]:,} today, {counted[Section.UPCOMING]:,} upcoming; "
        f"the panel opens on {first.value}",
        file=sys.stderr,
    )
    for _ in range(10):  # warm-up: caches, compiled statements, prepared plans
        for desk_call, raw_call in calls.values():
            desk_call()
            raw_call()
    timings = {name: Timings() for name in (*calls, "opening the panel")}
    for _ in range(repeat):
        opening = {"service": 0.0, "raw": 0.0}
        for name, pair in calls.items():
            for side, call in (("service", pair[0]), ("raw", pair[1])):
                took = _timed(call)
                getattr(timings[name], side).append(took)
                if name in ("counts", first.value):
                    opening[side] += took
        for side, spent in opening.items():
            getattr(timings["opening the panel"], side).append(spent)
    return timings


def refresh_timings(database: Database, person: Actor) -> dict[str, Timings]:
    """One station's offline copy refreshed from the server: the people of the busiest
    person's role signed in there before; the desk's refresh (server query + local write)
    against the server query alone (``reminders.for_station``)."""
    with unit_of_work(database, write=False) as session:
        colleagues = [
            Actor.of(s)
            for s in session.scalars(
                sa.select(Staff).where(Staff.role == person.role, Staff.active)
            )
        ]
    with tempfile.TemporaryDirectory() as folder:
        cache = ReminderCache(Path(folder) / "offline.db")
        for actor in colleagues:
            cache.remember(actor, credentials(database, actor))
        desk = ReminderDesk(database, person, cache=cache)
        ids = [a.staff_id for a in colleagues if a.staff_id is not None]
        until = dt.date.today() + dt.timedelta(days=HORIZON_DAYS)
        timings = {"for_station (server)": Timings(), "refresh (server + file)": Timings()}
        rows = desk.refresh()  # the first fills the file
        for _ in range(REFRESHES):
            timings["for_station (server)"].service.append(
                _timed(lambda: reminders.for_station(database, person, ids, [person.role], until))
            )
            timings["refresh (server + file)"].service.append(_timed(desk.refresh))
        size = (Path(folder) / "offline.db").stat().st_size
    print(
        f"  cache refresh: {len(colleagues)} {person.role.value}s on the station, "
        f"{rows:,} reminders, file {size / 1e6:.1f} MB",
        file=sys.stderr,
    )
    return timings


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def report(backend: str, results: dict[str, dict[str, Timings]]) -> bool:
    ok = True
    print(f"\n{backend}: p50 / p95 in ms, the desk vs raw SQL")
    print(f"| {'scope':<9} | {'call':<18} | desk p50 | desk p95 | raw p50 | raw p95 | ratio p95 |")
    print(f"|{'-' * 11}|{'-' * 20}|----------|----------|---------|---------|-----------|")
    for scope, timings in results.items():
        if scope == "cache refresh":
            continue
        for name, t in timings.items():
            s50, s95 = statistics.median(t.service), percentile(t.service, 0.95)
            r50, r95 = statistics.median(t.raw), percentile(t.raw, 0.95)
            print(
                f"| {scope:<9} | {name:<18} | {s50:8.2f} | {s95:8.2f} | {r50:7.2f} "
                f"| {r95:7.2f} | {s95 / r95:9.2f} |"
            )
        opening = timings["opening the panel"]
        ratio = percentile(opening.service, 0.95) / percentile(opening.raw, 0.95)
        ok = ok and ratio <= BUDGET_RATIO
        print(
            f"{backend} {scope}: opening the panel p95 {percentile(opening.service, 0.95):.2f}"
            f" ms, {ratio:.2f} × raw (budget ≤ {BUDGET_RATIO:.0f}):"
            f" {'within' if ratio <= BUDGET_RATIO else 'MISSED'}"
        )
    for name, t in results["cache refresh"].items():
        print(
            f"{backend} cache refresh, {name}: p50 {statistics.median(t.service):.0f} ms,"
            f" p95 {percentile(t.service, 0.95):.0f} ms ({len(t.service)} runs)"
        )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
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
            with fresh_database(backend, Path(scratch)) as url:
                print(f"{backend}: {args.patients:,} patients, seed {args.seed}", file=sys.stderr)
                load(url, args.patients, args.seed)
                database = Database(url)  # a new process's view: nothing cached from loading
                try:
                    ok = report(backend, measure(database, args.repeat)) and ok
                finally:
                    database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
