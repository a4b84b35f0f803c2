"""The managers' reports at clinic-chain scale, each against the one SQL aggregate its
headline number needs.

    .venv/bin/python benchmarks/reports.py --database-url URL [--repeat 5]
        [--since 2026-01-01] [--until 2026-10-31]

URL is a database loaded with 200,000 demo patients and over a million visits, with the
consultations, treatments, courses, reminders, follow-up calls and tags demo-data draws
for them, for example::

    .venv/bin/clinic-desk --database-url sqlite:///reports-benchmark.db demo-data \
        --patients 200000 --visits-per-patient 5.5

On PostgreSQL the database is vacuumed and analysed first (``settle``). For each report,
``--repeat`` times after a warm-up, alternating:

- service: the report's function as the Reports page calls it (permission check, the
  audit row of the opening, SQLAlchemy, the rows built), and
- headline: one hand-written aggregate for the report's headline number (for the funnel,
  the five counts per channel; for repurchase, each item's buyers and repurchasers) on an
  open DBAPI connection (sqlite3 / psycopg), with ``fetchall()``. Money is the value each
  treatment was given when recorded (``treatments.value``), as the reports read it.

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
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy.engine import make_url  # noqa: E402

from desktop_app.db import Database  # noqa: E402
from desktop_app.migrations import upgrade  # noqa: E402
from desktop_app.services.context import Actor  # noqa: E402
from desktop_app.services.report_common import local_midnight  # noqa: E402
from desktop_app.services.segments import Conditions, years_before  # noqa: E402

SLEEPING_DAYS = 180
SEGMENT = Conditions(min_value=Decimal(5000), last_purchase_before_days=SLEEPING_DAYS)
BUDGET_RATIO = 3.0
BUDGET_SECONDS_SQLITE = 2.0


@dataclass(frozen=True)
class Report:
    name: str
    module: str  # desktop_app.services.<module>; a report not built yet is skipped
    call: Callable[[Any, Database, Actor, dt.date, dt.date, dt.date], object]
    # SQL with :start / :end (UTC instants of the period), :today and :recent; the macros
    # of dialect_sql for what SQLite and PostgreSQL write differently
    headline: str


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
        " sum(CASE WHEN (SELECT count(DISTINCT t.started_on) FROM treatments t"
        "  WHERE t.patient_id = p.id AND t.cancelled_at IS NULL) >= 2 THEN 1 ELSE 0 END)"
        " FROM patients p WHERE p.created_at >= :start AND p.created_at < :end GROUP BY 1",
    ),
    Report(
        "funnel by month",
        "report_funnel",
        lambda m, db, actor, since, until, today: m.monthly_funnel(db, actor, since, until),
        "SELECT {month:p.created_at}, count(*),"
        " sum(CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.patient_id = p.id)"
        "  THEN 1 ELSE 0 END),"
        " sum(CASE WHEN EXISTS (SELECT 1 FROM consultations c WHERE c.patient_id = p.id)"
        "  THEN 1 ELSE 0 END),"
        " sum(CASE WHEN EXISTS (SELECT 1 FROM treatments t WHERE t.patient_id = p.id"
        "  AND t.cancelled_at IS NULL) THEN 1 ELSE 0 END),"
        " sum(CASE WHEN (SELECT count(DISTINCT t.started_on) FROM treatments t"
        "  WHERE t.patient_id = p.id AND t.cancelled_at IS NULL) >= 2 THEN 1 ELSE 0 END)"
        " FROM patients p WHERE p.created_at >= :start AND p.created_at < :end GROUP BY 1",
    ),
    Report(
        "staff performance",
        "report_staff",
        lambda m, db, actor, since, until, today: m.staff_performance(db, actor, since, until),
        # its table: per person, consultations and deals, treated patients, calls on
        # time / late / open and overdue, and the ratings' sum and count
        "SELECT c.author_id, count(*), sum(CASE WHEN c.outcome = 'deal' THEN 1 ELSE 0 END),"
        " 0, 0, 0, 0, 0, 0 FROM consultations c JOIN visits v ON v.id = c.visit_id"
        " WHERE NOT c.replaced AND v.checked_in_at >= :start AND v.checked_in_at < :end"
        " GROUP BY 1"
        " UNION ALL SELECT operator_id, 0, 0, count(DISTINCT patient_id), 0, 0, 0, 0, 0"
        " FROM treatments WHERE cancelled_at IS NULL"
        " AND started_at >= :start AND started_at < :end GROUP BY 1"
        " UNION ALL SELECT assignee_id, 0, 0, 0,"
        " sum(CASE WHEN status = 'done' AND {day:closed_at} <= due_on THEN 1 ELSE 0 END),"
        " sum(CASE WHEN status = 'done' AND NOT coalesce({day:closed_at} <= due_on, false)"
        "  THEN 1 ELSE 0 END),"
        " sum(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0, 0 FROM reminders"
        " WHERE assignee_id IS NOT NULL AND due_on >= :since AND due_on <= :until"
        " AND status IN ('done', 'open') AND (status = 'done' OR due_on < :today) GROUP BY 1"
        " UNION ALL SELECT author_id, 0, 0, 0, 0, 0, 0, sum(satisfaction), count(*)"
        " FROM follow_ups WHERE satisfaction IS NOT NULL"
        " AND called_at >= :start AND called_at < :end GROUP BY 1",
    ),
    Report(
        "repurchase by item",
        "report_repurchase",
        lambda m, db, actor, since, until, today: m.repurchase_by_item(db, actor, since, until),
        # its headline is the repurchase rate: the period's buyers of each item and those
        # with two or more purchase days of it
        "SELECT item_id, count(*), sum(CASE WHEN days >= 2 THEN 1 ELSE 0 END) FROM ("
        " SELECT t.patient_id, t.item_id, count(DISTINCT t.started_on) AS days"
        " FROM treatments t WHERE t.cancelled_at IS NULL AND t.patient_id IN ("
        "  SELECT patient_id FROM treatments WHERE cancelled_at IS NULL"
        "  AND started_at >= :start AND started_at < :end)"
        " GROUP BY 1, 2 HAVING max(CASE WHEN t.started_at >= :start"
        "  AND t.started_at < :end THEN 1 ELSE 0 END) = 1) AS buyers GROUP BY 1",
    ),
    Report(
        "repurchase by channel",
        "report_repurchase",
        lambda m, db, actor, since, until, today: m.repurchase_by_channel(db, actor, since, until),
        "SELECT channel, count(*), sum(CASE WHEN days >= 2 THEN 1 ELSE 0 END) FROM ("
        " SELECT t.patient_id, coalesce(p.source_channel, '') AS channel,"
        " count(DISTINCT t.started_on) AS days"
        " FROM treatments t JOIN patients p ON p.id = t.patient_id"
        " WHERE t.cancelled_at IS NULL AND t.patient_id IN ("
        "  SELECT patient_id FROM treatments WHERE cancelled_at IS NULL"
        "  AND started_at >= :start AND started_at < :end)"
        " GROUP BY 1, 2 HAVING max(CASE WHEN t.started_at >= :start"
        "  AND t.started_at < :end THEN 1 ELSE 0 END) = 1) AS buyers GROUP BY 1",
    ),
    Report(
        "course completion",
        "report_courses",
        lambda m, db, actor, since, until, today: m.course_completion(db, actor, since, until),
        "SELECT item_name, count(*), sum(CASE WHEN sessions_used >= sessions_total"
        " THEN 1 ELSE 0 END) FROM courses"
        " WHERE created_at >= :start AND created_at < :end GROUP BY 1",
    ),
    Report(
        "churn warning",
        "report_churn",
        lambda m, db, actor, since, until, today: m.churn_warning(db, actor, today),
        # its headline is how many are at risk: each item's typical interval (the median
        # of its repurchasers' mean intervals, 180 days below 5 of them) against each
        # buyer's days since their last purchase
        "WITH pairs AS (SELECT t.item_id,"
        " (max({daynum:t.started_on}) - min({daynum:t.started_on})) * 1.0"
        "  / (count(DISTINCT t.started_on) - 1) AS mean"
        " FROM treatments t WHERE t.cancelled_at IS NULL GROUP BY t.patient_id, t.item_id"
        " HAVING count(DISTINCT t.started_on) >= 2),"
        " ranked AS (SELECT item_id, mean, row_number() OVER (PARTITION BY item_id"
        "  ORDER BY mean) AS rank, count(*) OVER (PARTITION BY item_id) AS n FROM pairs),"
        " typical AS (SELECT item_id, avg(mean) AS days FROM ranked"
        "  WHERE n >= 5 AND rank IN ((n + 1) / 2, (n + 2) / 2) GROUP BY item_id),"
        " last AS ({last})"
        " SELECT count(*) FROM last LEFT JOIN typical ON typical.item_id = last.item_id"
        " WHERE {daynum_today} - {daynum:last.day} > coalesce(typical.days, 180) * 1.2",
    ),
    Report(
        "RFM segments",
        "report_rfm",
        lambda m, db, actor, since, until, today: m.rfm_segments(db, actor, today),
        # buyers per cell of the recency × frequency grid (quintiles) and their spend
        "WITH m AS (SELECT t.patient_id, max(t.started_on) AS last_day,"
        " count(DISTINCT t.started_on) AS f, sum(t.value) AS spent FROM treatments t"
        " WHERE t.cancelled_at IS NULL GROUP BY 1),"
        " s AS (SELECT ntile(5) OVER (ORDER BY m.last_day, p.record_no) AS r,"
        " ntile(5) OVER (ORDER BY m.f, p.record_no) AS fq, m.spent"
        " FROM m JOIN patients p ON p.id = m.patient_id)"
        " SELECT r, fq, count(*), sum(spent) FROM s GROUP BY 1, 2",
    ),
    Report(
        "demographics",
        "report_demographics",
        lambda m, db, actor, since, until, today: m.demographics(db, actor, since, until, today),
        # the period's new patients per channel, age band and sex
        "SELECT coalesce(source_channel, ''), CASE WHEN birth_date IS NULL THEN 'unknown'"
        " WHEN birth_date <= :y55 THEN '55+' WHEN birth_date <= :y45 THEN '45-54'"
        " WHEN birth_date <= :y35 THEN '35-44' WHEN birth_date <= :y25 THEN '25-34'"
        " WHEN birth_date <= :y18 THEN '18-24' ELSE 'under_18' END, sex, count(*)"
        " FROM patients WHERE created_at >= :start AND created_at < :end GROUP BY 1, 2, 3",
    ),
    Report(
        "tags",
        "report_tags",
        lambda m, db, actor, since, until, today: m.tag_usage(db, actor),
        # patients per tag: carried, and derived from the items bought and the band of
        # all they spent
        "SELECT 'tag', CAST(tag_id AS VARCHAR(40)), count(*) FROM patient_tags GROUP BY 2"
        " UNION ALL SELECT 'item', CAST(item_id AS VARCHAR(40)), count(DISTINCT patient_id)"
        " FROM treatments WHERE cancelled_at IS NULL GROUP BY 2"
        " UNION ALL SELECT 'band', band, count(*) FROM (SELECT patient_id,"
        " CASE WHEN sum(value) < 1000 THEN '<1000' WHEN sum(value) < 5000 THEN '1000-5000'"
        " WHEN sum(value) < 20000 THEN '5000-20000' ELSE '>=20000' END AS band"
        " FROM treatments WHERE cancelled_at IS NULL GROUP BY patient_id) AS bands GROUP BY 2",
    ),
    Report(
        "segment size",
        "segments",
        lambda m, db, actor, since, until, today: m.segment_size(db, actor, SEGMENT, today),
        # SEGMENT: spent 5,000 or more, and nothing in the last 180 days
        "SELECT count(*) FROM (SELECT t.patient_id FROM treatments t {valued}"
        " WHERE t.cancelled_at IS NULL GROUP BY 1"
        " HAVING sum({value}) >= 5000 AND max(t.started_at) < :recent) AS sleeping",
    ),
)


# A purchase's value as the reports read it: fixed on the treatment when it was recorded.
VALUED = ""
VALUE = "t.value"
# Each buyer's latest purchase and its item: SQLite takes a bare column from the max() row.
LAST_SQLITE = (
    "SELECT patient_id, item_id, max(started_at) AS at, started_on AS day FROM treatments"
    " WHERE cancelled_at IS NULL GROUP BY patient_id"
)
LAST_POSTGRESQL = (
    "SELECT DISTINCT ON (patient_id) patient_id, item_id, started_at AS at,"
    " started_on AS day FROM treatments WHERE cancelled_at IS NULL"
    " ORDER BY patient_id, started_at DESC"
)
TODAY_POSTGRESQL = "(CAST(:today AS date) - DATE '2000-01-01')"


def dialect_sql(sql: str, kind: str) -> str:
    """``{day:COLUMN}`` and ``{month:COLUMN}``: the clinic's local day and month of a UTC
    timestamp, as the services compute them (report_common.local_day), written for the
    backend; ``{daynum:COLUMN}``: a
    date as a number of days; ``{valued}`` and ``{value}``: the joins and the expression of
    a purchase's value. A purchase's local day is ``started_on``, stored when recorded."""
    import re

    sql = sql.replace("{valued}", VALUED).replace("{value}", VALUE)
    if kind == "postgresql":
        sql = sql.replace("{last}", LAST_POSTGRESQL).replace("{daynum_today}", TODAY_POSTGRESQL)
    else:
        sql = sql.replace("{last}", LAST_SQLITE).replace("{daynum_today}", "julianday(:today)")

    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
    minutes = int(offset.total_seconds() // 60)

    def day(match: re.Match[str]) -> str:
        column = match.group(1)
        if kind == "postgresql":
            return f"CAST(timezone('UTC', {column}) + interval '{minutes} minutes' AS date)"
        return f"date({column}, '{minutes:+d} minutes')"

    def daynum(match: re.Match[str]) -> str:  # a date column as a number of days
        column = match.group(1)
        if kind == "postgresql":
            return f"({column} - DATE '2000-01-01')"
        return f"julianday({column})"

    def month(match: re.Match[str]) -> str:  # "2026-03", as report_funnel groups them
        local = day(match)
        return f"to_char({local}, 'YYYY-MM')" if kind == "postgresql" else f"substr({local}, 1, 7)"

    sql = re.sub(r"\{daynum:([\w.]+)\}", daynum, sql)
    sql = re.sub(r"\{month:([\w.]+)\}", month, sql)
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


def settle(database: Database) -> None:
    """PostgreSQL: ``VACUUM ANALYZE``, the state autovacuum keeps a clinic's tables in. A
    table just bulk-loaded (or rewritten by a migration) has no visibility map yet, so an
    index-only scan still reads every row from the heap and the planner prefers a
    sequential scan: the staff report's calls took 0.46 s instead of 0.28 s."""
    if database.kind == "postgresql":
        with database.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--since", type=dt.date.fromisoformat, default=dt.date(2026, 1, 1))
    parser.add_argument("--until", type=dt.date.fromisoformat, default=dt.date(2026, 10, 31))
    args = parser.parse_args()
    database = Database(make_url(args.database_url))
    upgrade(database)
    settle(database)
    actor = Actor.command_line()
    today = dt.date.today()
    params = {
        "since": args.since,
        "until": args.until,
        "start": local_midnight(args.since),
        "end": local_midnight(args.until + dt.timedelta(days=1)),
        "today": today,
        "recent": local_midnight(today - dt.timedelta(days=SLEEPING_DAYS - 1)),
        **{f"y{age}": years_before(today, age) for age in (18, 25, 35, 45, 55)},
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
