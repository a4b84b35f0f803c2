"""The managers' reports at clinic-chain scale, each against the one SQL aggregate its
headline number needs.

    .venv/bin/python benchmarks/reports.py --database-url URL [--repeat 5]
        [--since 2026-01-01] [--until 2026-10-31]

URL is a database loaded with ``clinic-desk demo-data --patients 200000`` (about a million
visits, with the consultations, treatments, courses, reminders and follow-up calls
demo-data draws for them), for example::

    .venv/bin/clinic-desk --database-url sqlite:///reports-benchmark.db demo-data --patients 200000

For each report, ``--repeat`` times after a warm-up, alternating:

- service: the report's function as the Reports page calls it (permission check, the
  audit row of the opening, SQLAlchemy, the rows built), and
- headline: one hand-written aggregate for the report's headline number (for the funnel,
  new patients per channel in the period) on an open DBAPI connection (sqlite3 / psycopg),
  with ``fetchall()``.

Budget (issue 12): service median ≤ 3 × headline median, and under 2 s on SQLite. Exit
status 1 if any report misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402

from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.services.context import Actor  # noqa: E402
from desktop_app.services.report_common import local_midnight  # noqa: E402

BUDGET_RATIO = 3.0
BUDGET_SECONDS_SQLITE = 2.0


@dataclass(frozen=True)
class Report:
    name: str
    module: str  # desktop_app.services.<module>; a report not built yet is skipped
    call: Callable[[Any, Database, Actor, dt.date, dt.date, dt.date], object]
    headline: str  # SQL with :start / :end (UTC instants of the period) and :today


REPORTS = (
    Report(
        "channel funnel",
        "report_funnel",
        lambda m, db, actor, since, until, today: m.channel_funnel(db, actor, since, until),
        "SELECT coalesce(p.source_channel, ''), count(*),"
        " sum(CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.patient_id = p.id)"
        "  THEN 1 ELSE 0 END),"
        " sum(CASE WHEN EXISTS (SELECT 1 FROM consultations c WHERE c.patient_id = p.id)"
        "  THEN 1 ELSE 0 END),"
        " sum(CASE WHEN EXISTS (SELECT 1 FROM treatments t WHERE t.patient_id = p.id"
        "  AND t.cancelled_at IS NULL) THEN 1 ELSE 0 END),"
        " sum(CASE WHEN (SELECT count(DISTINCT {day:t.started_at}) FROM treatments t"
        "  WHERE t.patient_id = p.id AND t.cancelled_at IS NULL) >= 2 THEN 1 ELSE 0 END)"
        " FROM patients p WHERE p.created_at >= :start AND p.created_at < :end GROUP BY 1",
    ),
    Report(
        "staff performance",
        "report_staff",
        lambda m, db, actor, since, until, today: m.staff_performance(db, actor, since, until),
        "SELECT c.author_id, count(*), sum(CASE WHEN c.outcome = 'deal' THEN 1 ELSE 0 END)"
        " FROM consultations c JOIN visits v ON v.id = c.visit_id"
        " WHERE NOT c.replaced AND v.checked_in_at >= :start AND v.checked_in_at < :end"
        " GROUP BY 1",
    ),
    Report(
        "repurchase by item",
        "report_repurchase",
        lambda m, db, actor, since, until, today: m.repurchase_by_item(db, actor, since, until),
        "SELECT t.item_id, count(DISTINCT t.patient_id) FROM treatments t"
        " WHERE t.cancelled_at IS NULL AND t.started_at >= :start AND t.started_at < :end"
        " GROUP BY 1",
    ),
    Report(
        "churn warning",
        "report_churn",
        lambda m, db, actor, since, until, today: m.churn_warning(db, actor, today),
        "SELECT t.patient_id, max(t.started_at) FROM treatments t"
        " WHERE t.cancelled_at IS NULL GROUP BY 1",
    ),
    Report(
        "RFM segments",
        "report_rfm",
        lambda m, db, actor, since, until, today: m.rfm_segments(db, actor, today),
        "SELECT t.patient_id, max({day:t.started_at}), count(DISTINCT {day:t.started_at}),"
        " sum(coalesce(i.default_price, 0)) FROM treatments t"
        " JOIN treatment_items i ON i.id = t.item_id"
        " WHERE t.cancelled_at IS NULL GROUP BY 1",
    ),
    Report(
        "demographics",
        "report_demographics",
        lambda m, db, actor, since, until, today: m.demographics(db, actor, since, until, today),
        "SELECT coalesce(source_channel, ''), sex, count(*) FROM patients"
        " WHERE created_at >= :start AND created_at < :end GROUP BY 1, 2",
    ),
    Report(
        "tags",
        "report_tags",
        lambda m, db, actor, since, until, today: m.tag_usage(db, actor),
        "SELECT tag_id, count(*) FROM patient_tags GROUP BY 1",
    ),
)


def dialect_sql(sql: str, kind: str) -> str:
    """``{day:COLUMN}``: the clinic's local day of a UTC timestamp, as the services
    compute it (report_common.local_day), written for the backend."""
    import re

    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)

    def day(match: re.Match[str]) -> str:
        column = match.group(1)
        if kind == "postgresql":
            return f"CAST(timezone('UTC', {column}) + interval '{minutes} minutes' AS date)"
        return f"date({column}, '{minutes:+d} minutes')"

    return re.sub(r"\{day:([\w.]+)\}", day, sql)


def run_headline(database: Database, sql: str, params: dict[str, object]) -> float:
    """Seconds for the hand-written aggregate on an open DBAPI connection."""
    raw = database.engine.raw_connection()
    sql = dialect_sql(sql, database.kind)
    try:
        driver = raw.driver_connection
        if database.kind == "postgresql":
            text = sql
            for name in params:
                text = text.replace(f":{name}", f"%({name})s")
            values: object = params
        else:
            text, values = sql, {k: _sqlite_value(v) for k, v in params.items()}
        started = time.perf_counter()
        cursor = driver.cursor()  # type: ignore[union-attr]
        cursor.execute(text, values)
        cursor.fetchall()
        seconds = time.perf_counter() - started
        if database.kind == "postgresql":
            driver.rollback()  # type: ignore[union-attr]
        return seconds
    finally:
        raw.close()


def _sqlite_value(value: object) -> object:
    if isinstance(value, dt.datetime):  # stored naive UTC (models.base.UTCDateTime)
        return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--since", type=dt.date.fromisoformat, default=dt.date(2026, 1, 1))
    parser.add_argument("--until", type=dt.date.fromisoformat, default=dt.date(2026, 10, 31))
    args = parser.parse_args()
    database = Database(make_url(args.database_url))
    upgrade(database)
    actor = Actor.command_line()
    today = dt.date.today()
    params = {
        "start": local_midnight(args.since),
        "end": local_midnight(args.until + dt.timedelta(days=1)),
        "today": today,
    }
    print(f"{database.describe()}: {args.since} … {args.until}, {args.repeat} runs each")
    print("| report | service median / max s | headline median s | ratio | verdict |")
    print("|---|---|---|---|---|")
    missed = False
    for report in REPORTS:
        try:
            module = importlib.import_module(f"desktop_app.services.{report.module}")
        except ModuleNotFoundError:
            print(f"| {report.name} | not built yet | | | |")
            continue

        def service(module: Any = module, report: Report = report) -> float:
            started = time.perf_counter()
            report.call(module, database, actor, args.since, args.until, today)
            return time.perf_counter() - started

        service()
        run_headline(database, report.headline, params)  # warm-up
        services, headlines = [], []
        for _ in range(args.repeat):
            services.append(service())
            headlines.append(run_headline(database, report.headline, params))
        median, headline = statistics.median(services), statistics.median(headlines)
        ratio = median / headline if headline else float("inf")
        ok = ratio <= BUDGET_RATIO and (
            database.kind != "sqlite" or median <= BUDGET_SECONDS_SQLITE
        )
        missed |= not ok
        print(
            f"| {report.name} | {median:.3f} / {max(services):.3f} | {headline:.3f} "
            f"| {ratio:.2f} | {'within' if ok else 'MISSED'} |"
        )
    database.dispose()
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
