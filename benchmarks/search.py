"""Patient search at clinic-chain scale: the service against the raw indexed SQL, same run.

    .venv/bin/python benchmarks/search.py [--patients 200000] [--repeat 20]
        [--backend sqlite|postgresql|both] [--seed 1] [--database-url URL]

For each backend: a fresh database (an SQLite file in a temporary folder; a scratch
PostgreSQL database at CLINIC_DESK_TEST_PG_URL, as the tests use), migrated, loaded with
``clinic-desk demo-data``'s service (seeded), then a fixed mix of what the desk types:
surnames, name prefixes, whole and partial names, pinyin in full and initials, polyphonic
surnames, mobile last four and whole, record numbers, ID tails and whole IDs, and queries
that find nobody. Each query runs ``--repeat`` times after a warm-up, alternating

- service: ``search_patients()`` as the front desk calls it (permission check, parsing,
  a session and transaction, SQLAlchemy, building the hits), and
- raw: the same statement written by hand, executed on an open DBAPI connection
  (sqlite3 / psycopg) with ``fetchall()``: the database's own cost for the same rows,

checking that both return the same patients in the same order. Budget (issue 4): over
the whole mix, service p95 ≤ 16 ms and ≤ 2 × raw p95. Exit status 1 if missed.
``--database-url`` measures an already loaded database instead of creating one.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import URL, make_url  # noqa: E402

from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.models import Patient  # noqa: E402
from desktop_app.services import identity  # noqa: E402
from desktop_app.services.context import Actor, unit_of_work  # noqa: E402
from desktop_app.services.demo_data import load_demo_data  # noqa: E402
from desktop_app.services.errors import ValidationError  # noqa: E402
from desktop_app.services.search import (  # noqa: E402
    CANDIDATES_PER_LIMIT,
    _successor,
    search_patients,
)
from tests.support.databases import scratch_postgres_database, sqlite_url  # noqa: E402

BUDGET_MS = 16.0
BUDGET_RATIO = 2.0
LIMIT = 50  # what the front desk's result list asks for (ui/patient_search.py)


def query_mix(sample: list[Patient]) -> list[tuple[str, str]]:
    """(kind, query): fixed queries plus ones taken from seeded patients."""
    some = sample[:4]
    with_id = [p for p in sample if p.id_number][:4]
    mix = [("surname", q) for q in ("张", "王", "曾", "欧阳")]
    mix += [("name prefix", q) for q in ("张婷", "李小", "陈思", "王")]
    mix += [("full name", p.name) for p in some]
    mix += [("part of name", q) for q in ("婷婷", "小贤", "思雨", some[0].name[1:])]
    mix += [("pinyin full", p.name_pinyin) for p in some]
    mix += [("pinyin prefix", q) for q in ("zhang", "wang", "chen", "ouyang")]
    mix += [("initials", p.name_initials) for p in some]
    mix += [("polyphonic surname", q) for q in ("zeng", "shan", "qiu", "xie")]
    mix += [("mobile last 4", p.mobile[-4:]) for p in some]
    mix += [("whole mobile", p.mobile[3:]) for p in some]
    mix += [("record number", p.record_no) for p in some]
    mix += [("ID tail", p.id_number[-6:]) for p in with_id]
    mix += [("whole ID", p.id_number) for p in with_id]
    mix += [("no hit", q) for q in ("不存在的人", "qqqqzz", "00000000", "张三丰丰丰")]
    return mix


def raw_query(text: str, limit: int, dialect: str) -> tuple[str, list[object]]:
    """The service's statement for ``text`` written by hand: (SQL, parameters)."""
    compact = re.sub(r"[\s\-]", "", text)
    ways: list[tuple[int, str, list[object]]] = []
    prefix = "SELECT id FROM patients WHERE {0} >= ? AND {0} < ?"
    if re.fullmatch(r"\d+[xX]?", compact):
        upper = compact.upper()
        ways += [
            (0, "SELECT id FROM patients WHERE record_no = ?", [compact]),
            (0, "SELECT id FROM patients WHERE id_number = ?", [upper]),
        ]
        with suppress(ValidationError):
            mobile = identity.mobile(compact).e164
            ways.append((0, "SELECT id FROM patients WHERE mobile = ?", [mobile]))
        if len(compact) >= 4:
            tail = upper[::-1]
            ways += [
                (3, prefix.format("mobile_rev"), [tail, _successor(tail)]),
                (3, prefix.format("id_rev"), [tail, _successor(tail)]),
            ]
    else:
        ways.append((1, prefix.format("name"), [text, _successor(text)]))
        if compact.isascii() and compact.isalpha():
            lowered = compact.lower()
            ways += [
                (2, prefix.format("name_pinyin"), [lowered, _successor(lowered)]),
                (2, prefix.format("name_initials"), [lowered, _successor(lowered)]),
            ]
        lowered = text.lower()
        ways.append(
            (
                3,
                "SELECT DISTINCT patient_id AS id FROM patient_name_suffixes"
                " WHERE suffix >= ? AND suffix < ?",
                [lowered, _successor(lowered)],
            )
        )
    per_way = limit * CANDIDATES_PER_LIMIT
    union = " UNION ALL ".join(
        f"SELECT id, {rank} AS rank FROM ({sql} LIMIT {per_way}) AS way{i}"
        for i, (rank, sql, _params) in enumerate(ways)
    )
    sql = (
        "SELECT p.id, p.record_no, p.name, p.mobile, p.birth_date, best.rank,"
        " (SELECT max(v.checked_in_at) FROM visits v WHERE v.patient_id = p.id) AS seen"
        f" FROM patients p JOIN (SELECT id, min(rank) AS rank FROM ({union}) AS hits"
        " GROUP BY id) AS best ON best.id = p.id"
        " ORDER BY best.rank, p.name <> ?, seen DESC NULLS LAST, p.record_no LIMIT ?"
    )
    params = [value for _rank, _sql, values in ways for value in values] + [text, limit]
    return (sql.replace("?", "%s") if dialect == "postgresql" else sql), params


@dataclass
class Timings:
    service: list[float] = field(default_factory=list)
    raw: list[float] = field(default_factory=list)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(database: Database, repeat: int, seed: int) -> dict[str, Timings]:
    actor = Actor.command_line()
    with unit_of_work(database, write=False) as session:
        count = session.scalar(sa.select(sa.func.count()).select_from(Patient)) or 0
        numbers = random.Random(seed).sample(range(1, count + 1), 8)
        sample = list(
            session.scalars(
                sa.select(Patient).where(Patient.record_no.in_([f"{n:06d}" for n in numbers]))
            )
        )
    mix = query_mix(sorted(sample, key=lambda p: numbers.index(int(p.record_no))))
    raw = database.engine.raw_connection()  # a plain DBAPI connection, kept open
    try:
        if database.kind == "postgresql":
            raw.driver_connection.autocommit = True
        cursor = raw.cursor()
        statements = {q: raw_query(identity.fold(q), LIMIT, database.kind) for _, q in mix}

        def run_raw(query: str) -> list[tuple]:
            cursor.execute(*statements[query])
            return cursor.fetchall()

        def run_service(query: str) -> list:
            return search_patients(database, actor, query, limit=LIMIT)

        for _kind, query in mix * 3:  # warm-up: caches, compiled statements, prepared plans
            run_service(query)
            run_raw(query)
        for kind, query in mix:
            expected = [row[1] for row in run_raw(query)]
            found = [hit.record_no for hit in run_service(query)]
            if found != expected:
                raise SystemExit(f"{kind} {query!r}: service {found[:5]} ≠ raw {expected[:5]}")
        timings: dict[str, Timings] = {}
        for _ in range(repeat):
            for kind, query in mix:
                entry = timings.setdefault(kind, Timings())
                entry.service.append(_timed(run_service, query))
                entry.raw.append(_timed(run_raw, query))
        return timings
    finally:
        raw.close()


def _timed(call: Callable[[str], object], query: str) -> float:
    start = time.perf_counter()
    call(query)
    return (time.perf_counter() - start) * 1000


@contextmanager
def fresh_database(backend: str, folder: Path) -> Iterator[URL]:
    if backend == "sqlite":
        yield sqlite_url(folder, "search-benchmark.db")
    else:
        with scratch_postgres_database() as url:
            yield url


def load(url: URL, patients: int, seed: int) -> None:
    database = Database(url)
    try:
        upgrade(database)
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            print(f"\r  loading {done:,} of {total:,}", end="", file=sys.stderr, flush=True)

        result = load_demo_data(
            database, Actor.command_line(), patients, seed=seed, progress=progress
        )
        print(
            f"\r  loaded {result.patients:,} patients and {result.visits:,} visits in "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
    finally:
        database.dispose()


def report(backend: str, timings: dict[str, Timings]) -> bool:
    print(f"\n{backend}: p50 / p95 in ms, service vs raw SQL")
    print(f"| {'query kind':<20} | service p50 | service p95 | raw p50 | raw p95 | ratio p95 |")
    print(f"|{'-' * 22}|-------------|-------------|---------|---------|-----------|")
    rows = [*timings.items(), ("all queries", _all(timings))]
    for kind, t in rows:
        s50, s95 = percentile(t.service, 0.5), percentile(t.service, 0.95)
        r50, r95 = percentile(t.raw, 0.5), percentile(t.raw, 0.95)
        print(
            f"| {kind:<20} | {s50:11.2f} | {s95:11.2f} | {r50:7.2f} | {r95:7.2f} "
            f"| {s95 / r95:9.2f} |"
        )
    total = _all(timings)
    p95, raw95 = percentile(total.service, 0.95), percentile(total.raw, 0.95)
    ok = p95 <= BUDGET_MS and p95 <= BUDGET_RATIO * raw95
    print(
        f"{backend}: service p95 {p95:.2f} ms (budget ≤ {BUDGET_MS:.0f}), "
        f"{p95 / raw95:.2f} × raw p95 (budget ≤ {BUDGET_RATIO:.0f}), "
        f"median {statistics.median(total.service):.2f} ms: {'within' if ok else 'MISSED'}"
    )
    return ok


def _all(timings: dict[str, Timings]) -> Timings:
    return Timings(
        [v for t in timings.values() for v in t.service],
        [v for t in timings.values() for v in t.raw],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--database-url", help="measure this loaded database instead")
    args = parser.parse_args()

    ok = True
    if args.database_url:
        database = Database(make_url(args.database_url))
        ok = report(database.kind, measure(database, args.repeat, args.seed))
        database.dispose()
        return 0 if ok else 1
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    with tempfile.TemporaryDirectory() as scratch:
        for backend in backends:
            with fresh_database(backend, Path(scratch)) as url:
                print(f"{backend}: {args.patients:,} patients, seed {args.seed}", file=sys.stderr)
                load(url, args.patients, args.seed)
                database = Database(url)  # a new process's view: nothing cached from loading
                try:
                    ok = report(backend, measure(database, args.repeat, args.seed)) and ok
                finally:
                    database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
