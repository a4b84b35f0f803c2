"""Opening a long patient record in a clinic-chain database: the services against raw SQL.

    .venv/bin/python benchmarks/timeline.py [--patients 200000] [--repeat 200]
        [--backend sqlite|postgresql|both] [--seed 1] [--database-url URL]

For each backend: a fresh database (an SQLite file in a temporary folder; a scratch
PostgreSQL database at CLINIC_DESK_TEST_PG_URL, as the tests use), migrated and loaded with
``clinic-desk demo-data``'s service (seeded): patients with visits and their clinical
record, a few regulars among them with hundreds of timeline entries. The patient with the
most entries (at least 500, or the run stops) is opened as the record screen opens it
(``ui/patient_page.py``: the header, then at once the first page), by a doctor,
``--repeat`` times after a warm-up, alternating whole openings

- service: ``record_header()`` (patient, flags, consents) and the first page of
  ``patient_timeline()`` (100 entries of every kind, newest first), and
- raw: the same rows by hand-written SQL on an open DBAPI connection (sqlite3 / psycopg,
  autocommit) with ``fetchall()``: the patient row, their consents, and one statement
  taking each kind's 100 newest entries (with the person's name) and the newest 100 of those,

checking that both give the same entries in the same order. Budget (issue 5): service p95
under 100 ms and ≤ 2 × raw p95. Exit status 1 if missed. ``--database-url`` measures an
already loaded database instead of creating one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.search import Timings, fresh_database, load, percentile  # noqa: E402
from desktop_app.db import Database  # noqa: E402
from desktop_app.models import (  # noqa: E402
    Assessment,
    Consultation,
    Course,
    DocumentAction,
    Role,
    Staff,
    Treatment,
    TreatmentItem,
    TreatmentPlan,
    Visit,
)
from desktop_app.services import documents, templates  # noqa: E402
from desktop_app.services.context import Actor, unit_of_work  # noqa: E402
from desktop_app.services.errors import ValidationError  # noqa: E402
from desktop_app.services.record_header import record_header  # noqa: E402
from desktop_app.services.timeline import PAGE, patient_timeline  # noqa: E402

BUDGET_MS = 100.0
BUDGET_RATIO = 2.0
MIN_ENTRIES = 500

# Per kind: (kind, table, time, label, state, person's staff column, extra join or condition).
KINDS = (
    ("visit", "visits", "checked_in_at", "x.visit_type", "x.status", "consultant_id", ""),
    (
        "consultation",
        "consultations",
        "created_at",
        "x.outcome",
        "x.items",
        "author_id",
        "AND NOT x.replaced",
    ),
    (
        "assessment",
        "assessments",
        "created_at",
        "x.diagnosis",
        "CASE WHEN x.signed_at IS NULL THEN 'draft' ELSE 'signed' END",
        "doctor_id",
        "",
    ),
    ("plan", "treatment_plans", "created_at", "x.note", "''", "created_by_id", ""),
    (
        "course",
        "courses",
        "created_at",
        "x.item_name",
        "x.sessions_used || '/' || x.sessions_total",
        "updated_by_id",
        "",
    ),
    (
        "treatment",
        "treatments",
        "started_at",
        "i.name",
        "CASE WHEN x.cancelled_at IS NOT NULL THEN 'cancelled' ELSE x.areas END",
        "operator_id",
        "JOIN treatment_items i ON i.id = x.item_id",
    ),
    (
        "follow_up",
        "follow_ups",
        "called_at",
        "r.reason",
        "CASE WHEN NOT x.reached THEN 'not_reached' ELSE COALESCE(x.reaction, '') || '/'"
        " || COALESCE(CAST(x.satisfaction AS VARCHAR), '') END",
        "author_id",
        "JOIN reminders r ON r.id = x.reminder_id",
    ),
)


def raw_statements(dialect: str) -> list[str]:
    """The record screen's rows by hand: patient, consents, the timeline's first page."""
    mark = "%s" if dialect == "postgresql" else "?"
    false = "FALSE" if dialect == "postgresql" else "0"
    kinds = []
    for kind, table, at, label, state, who, extra in KINDS:
        join, where = (extra, "") if extra.startswith("JOIN") else ("", extra)
        kinds.append(
            f"SELECT * FROM (SELECT x.{at} AS at, x.id AS id, '{kind}' AS kind, {label} AS label,"
            f" {state} AS state, s.display_name AS person, {false} AS outdated"
            f" FROM {table} x {join}"
            f" LEFT JOIN staff s ON s.id = x.{who} WHERE x.patient_id = {mark} {where}"
            f" ORDER BY x.{at} DESC, x.id DESC LIMIT {PAGE}) AS {table}"
        )
    scanned = (
        "EXISTS (SELECT 1 FROM printed_document_blobs b WHERE b.document_id = d.id"
        " AND b.kind = 'scan')"
    )
    newer = (
        "EXISTS (SELECT 1 FROM template_versions w WHERE w.template_id = v.template_id"
        " AND w.number > v.number)"
    )
    kinds.append(
        f"SELECT * FROM (SELECT d.created_at AS at, d.id AS id, 'document' AS kind,"
        f" v.title AS label, CASE WHEN {scanned} THEN 'scanned' WHEN d.action = 'print'"
        " THEN 'printed' WHEN d.action = 'save' THEN 'saved' ELSE 'signed' END AS state,"
        f" s.display_name AS person, ((d.signature_strokes IS NOT NULL OR {scanned})"
        f" AND {newer}) AS outdated FROM printed_documents d"
        " JOIN template_versions v ON v.id = d.template_version_id"
        f" LEFT JOIN staff s ON s.id = d.created_by_id WHERE d.patient_id = {mark}"
        f" ORDER BY d.created_at DESC, d.id DESC LIMIT {PAGE}) AS printed_documents"
    )
    return [
        "SELECT id, record_no, name, sex, birth_date, mobile, allergies, history_flags,"
        " id_unverified_reason, EXISTS (SELECT 1 FROM reminders r WHERE r.patient_id ="
        " patients.id AND r.trigger = 'adverse_reaction' AND r.status = 'open')"
        f" FROM patients WHERE id = {mark}",
        "SELECT c.kind, c.granted, c.given_by, c.recorded_at, s.display_name"
        " FROM patient_consents c JOIN staff s ON s.id = c.recorded_by_id"
        f" WHERE c.patient_id = {mark} ORDER BY c.recorded_at",
        " UNION ALL ".join(kinds) + f" ORDER BY at DESC, id DESC LIMIT {PAGE}",
        # the consents to sign again: the patient's signed copies and each one's newest version
        "SELECT t.key, v.title, v.number, (SELECT max(w.number) FROM template_versions w"
        " WHERE w.template_id = v.template_id) FROM printed_documents d"
        " JOIN template_versions v ON v.id = d.template_version_id"
        " JOIN document_templates t ON t.id = v.template_id"
        f" WHERE d.patient_id = {mark} AND t.kind IN ('consent', 'general')"
        f" AND (d.signature_strokes IS NOT NULL OR {scanned}) ORDER BY d.created_at, d.id",
    ]


def longest_record(database: Database) -> tuple[uuid.UUID, int]:
    """The patient with the most timeline entries, and how many."""
    entries = sa.union_all(
        *(
            sa.select(model.patient_id)
            for model in (Visit, Consultation, Assessment, TreatmentPlan, Course, Treatment)
        )
    ).subquery()
    with unit_of_work(database, write=False) as session:
        patient_id, count = session.execute(
            sa.select(entries.c.patient_id, sa.func.count())
            .group_by(entries.c.patient_id)
            .order_by(sa.func.count().desc())
            .limit(1)
        ).one()
    return patient_id, count


def a_doctor(database: Database) -> Actor:
    with unit_of_work(database, write=False) as session:
        doctor = session.scalars(
            sa.select(Staff).where(Staff.role == Role.DOCTOR).order_by(Staff.username)
        ).first()
        if doctor is None:
            raise SystemExit("No doctor in this database: load it with demo-data first.")
        return Actor.of(doctor)


SIGNATURE = {"patient": (((0.1, 0.6), (0.4, 0.2), (0.9, 0.5)),)}


def print_documents(database: Database, doctor: Actor, patient_id: uuid.UUID) -> None:
    """What a regular's record holds besides the demo data's rows: consents signed on screen
    (one then made outdated by a new template version) and aftercare sheets, printed
    through the documents service, so the timeline's documents and the header's
    sign-again check have rows to read."""
    templates.install_defaults(database)  # as the app does when it opens a database
    with unit_of_work(database, write=False) as session:
        aftercare = dict(
            session.execute(
                sa.select(TreatmentItem.consent_template, TreatmentItem.aftercare_template)
            ).all()
        )
    signed = 0
    for key in ("pipl_consent", "photo_consent", "injection", "filler", "toxin", "energy_device"):
        try:
            documents.render_document(
                database, doctor, key, patient_id, action=DocumentAction.SIGN, strokes=SIGNATURE
            )
            signed += 1
            if not key.endswith("_consent"):  # a treatment's: its aftercare sheet too
                documents.render_document(database, doctor, aftercare[key], patient_id)
        except ValidationError:  # no treatment of an item using this consent
            continue
    if signed == 0:
        raise SystemExit("No document could be printed for the longest record.")
    photo = templates.get_template(database, doctor, "photo_consent", "zh_CN")
    manager = Actor.command_line()
    templates.save_version(
        database, manager, "photo_consent", "zh_CN", photo.title, photo.body + "\n- 新增条款",
        based_on=photo.number,
    )  # fmt: skip


def settle(database: Database) -> None:
    """Write out what a bulk load left behind (dirty pages, the WAL) before measuring, so the
    server's checkpoint does not run during the measurement."""
    with database.reader() as connection:
        pg = database.kind == "postgresql"
        connection.exec_driver_sql("CHECKPOINT" if pg else "PRAGMA wal_checkpoint(TRUNCATE)")


def raw_opening_audit(
    dialect: str, actor: Actor, patient_id: uuid.UUID
) -> tuple[str, Callable[[], tuple[object, ...]]]:
    """The audit row ``record_header`` writes when a record is opened, by hand."""
    mark = "%s" if dialect == "postgresql" else "?"
    sql = (
        "INSERT INTO audit_events (id, occurred_at, staff_id, workstation, action, "
        f"entity_type, entity_id, summary) VALUES ({', '.join([mark] * 8)})"
    )
    summary = json.dumps({"clinical": True}, sort_keys=True)

    def values() -> tuple[object, ...]:
        now = dt.datetime.now(dt.UTC)
        if dialect == "sqlite":  # as SQLAlchemy stores them there: hex ids, naive UTC
            ids: tuple[object, object] = (uuid.uuid4().hex, actor.staff_id.hex)
            at: object = now.replace(tzinfo=None).isoformat(sep=" ")
        else:
            ids, at = (uuid.uuid4(), actor.staff_id), now
        return (ids[0], at, ids[1], actor.workstation, "view", "patient", str(patient_id),
                summary)  # fmt: skip

    return sql, values


def measure(database: Database, repeat: int) -> tuple[int, dict[str, Timings]]:
    settle(database)
    patient_id, entries = longest_record(database)
    if entries < MIN_ENTRIES:
        raise SystemExit(f"The longest record has {entries} entries; {MIN_ENTRIES} are needed.")
    actor = a_doctor(database)
    print_documents(database, actor, patient_id)
    header_sql, consents_sql, timeline_sql, signed_sql = raw_statements(database.kind)
    key: object = patient_id if database.kind == "postgresql" else patient_id.hex
    raw = database.engine.raw_connection()  # a plain DBAPI connection, kept open
    try:
        if database.kind == "postgresql":
            raw.driver_connection.autocommit = True
        cursor = raw.cursor()

        audit_sql, audit_values = raw_opening_audit(database.kind, actor, patient_id)

        def raw_header() -> object:
            cursor.execute(header_sql, (key,))
            patient = cursor.fetchone()
            cursor.execute(consents_sql, (key,))
            consents = cursor.fetchall()
            cursor.execute(signed_sql, (key,))
            signed = cursor.fetchall()
            # Opening a record is audited (issue 10): the same one-row INSERT, committed.
            cursor.execute(audit_sql, audit_values())
            if database.kind == "sqlite":
                raw.commit()
            return patient, consents, signed

        def raw_timeline() -> list[tuple]:
            cursor.execute(timeline_sql, (key,) * (len(KINDS) + 1))
            return cursor.fetchall()

        def service_header() -> object:
            return record_header(database, actor, patient_id)

        def service_timeline() -> list:
            return patient_timeline(database, actor, patient_id, limit=PAGE)

        calls: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
            "record header": (service_header, raw_header),
            "timeline, first page": (service_timeline, raw_timeline),
        }
        for _ in range(20):  # warm-up: caches, compiled statements, prepared plans
            for service, raw_call in calls.values():
                service()
                raw_call()
        page = service_timeline()
        rows = raw_timeline()
        found = [(e.at, e.id, e.kind.value, e.label, e.state, e.person, e.outdated) for e in page]
        expected = [
            (
                _aware(at), uuid.UUID(str(entry_id)), kind, label or "", state or "",
                person or "", bool(old),
            )
            for at, entry_id, kind, label, state, person, old in rows
        ]  # fmt: skip
        if not any(kind == "document" for _at, _id, kind, *_rest in found):
            raise SystemExit("No printed document on the first page: nothing of them measured.")
        if found != expected or len(found) != PAGE:
            raise SystemExit(f"service {found[:3]} ≠ raw {expected[:3]}")
        timings = {name: Timings() for name in (*calls, "opening the record")}
        for _ in range(repeat):  # whole openings alternate, each as the screen makes it
            for side in ("service", "raw"):
                spent = 0.0
                for name, pair in calls.items():
                    took = _timed(pair[side == "raw"])
                    getattr(timings[name], side).append(took)
                    spent += took
                getattr(timings["opening the record"], side).append(spent)
        return entries, timings
    finally:
        raw.invalidate()  # not back into the pool in autocommit


def _aware(value: object) -> object:
    """sqlite3 gives the stored text; the services give aware UTC datetimes."""
    if isinstance(value, str):
        from datetime import UTC, datetime

        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def report(backend: str, entries: int, timings: dict[str, Timings]) -> bool:
    print(f"\n{backend}: a record of {entries} timeline entries; p50 / p95 in ms")
    print(f"| {'':<22} | service p50 | service p95 | raw p50 | raw p95 | ratio p95 |")
    print(f"|{'-' * 24}|-------------|-------------|---------|---------|-----------|")
    for name, t in timings.items():
        s50, s95 = percentile(t.service, 0.5), percentile(t.service, 0.95)
        r50, r95 = percentile(t.raw, 0.5), percentile(t.raw, 0.95)
        print(
            f"| {name:<22} | {s50:11.2f} | {s95:11.2f} | {r50:7.2f} | {r95:7.2f} "
            f"| {s95 / r95:9.2f} |"
        )
    total = timings["opening the record"]
    p95, raw95 = percentile(total.service, 0.95), percentile(total.raw, 0.95)
    ok = p95 < BUDGET_MS and p95 <= BUDGET_RATIO * raw95
    print(
        f"{backend}: opening the record p95 {p95:.2f} ms (budget < {BUDGET_MS:.0f}), "
        f"{p95 / raw95:.2f} × raw p95 (budget ≤ {BUDGET_RATIO:.0f}): "
        f"{'within' if ok else 'MISSED'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--database-url", help="measure this loaded database instead")
    args = parser.parse_args()

    if args.database_url:
        database = Database(make_url(args.database_url))
        try:
            return 0 if report(database.kind, *measure(database, args.repeat)) else 1
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
                    ok = report(backend, *measure(database, args.repeat)) and ok
                finally:
                    database.dispose()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
