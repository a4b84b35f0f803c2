"""Bringing a clinic's existing patients in from its Excel or CSV export (issue 11).

The file is streamed (import_reading), each row checked with the intake form's rules
(import_rows), deduped within the file and against the database by mobile and ID number,
and written one batch per transaction with plain multi-row INSERTs: 100,000 rows in
seconds, memory flat apart from the keys already seen. Every imported row is recorded
(imported_rows) with its patient, so a rerun, or a resumed run after a crash, imports
nothing twice. A dry run does all of it but the writing.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import AuditEvent, ImportedRow, Patient, SourceChannel, Staff
from desktop_app.models.patient import PatientNameSuffix, name_suffixes
from desktop_app.services import (
    audit,
    import_dedupe,
    import_file,
    import_mappings,
    import_pipeline,
    import_reading,
    import_rows,
    intake,
)
from desktop_app.services.bulk_insert import insert_rows, new_ids
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.import_file import ImportFileError
from desktop_app.services.import_rows import Lookups, ParsedRow, Problem, RowContext
from desktop_app.services.import_words import describe
from desktop_app.services.permissions import Permission, require
from desktop_app.services.record_numbers import allocate_record_nos

__all__ = ["ImportFileError", "Outcome", "Problem", "Summary", "describe", "import_patients"]

BATCH_ROWS = 5000  # a commit per batch: SQLite syncs the disk at each (~40 ms here)
PREVIEW_ROWS = 20
SQLITE_CACHE_KIB = 64 * 1024
RACE_RETRIES = 2
# From this many rows on, a worker process reads and checks rows while this one writes:
# starting it costs about a second, reading and checking 100,000 rows about twenty.
PARALLEL_FROM_ROWS = 20_000  # a batch whose mobile another station registered meanwhile is redone


class Outcome(enum.StrEnum):
    IMPORTED = "imported"
    WARNING = "warning"  # imported, with something to look at
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True)
class RowReport:
    row: int
    outcome: Outcome
    problems: tuple[Problem, ...]


@dataclass
class Summary:
    """The ``--json`` object: every data row is counted once in imported, duplicates or
    rejected; ``warnings`` counts the imported rows that have something to look at."""

    rows: int = 0
    imported: int = 0
    duplicates: int = 0
    rejected: int = 0
    warnings: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ColumnMapping:
    """Where the header is and which column holds which field (import_reading.COLUMN_ALIASES)."""

    header_row: int
    columns: dict[str, int]


@dataclass(frozen=True)
class Preview:
    mapping: ColumnMapping
    headers: list[str]  # the header row's cells, as the file has them
    found: bool  # False: no header recognised; the mapping is the user's to make
    saved: bool  # the mapping is one the clinic saved for files shaped like this
    rows: list[tuple[int, list[str]]]


@dataclass
class ImportResult:
    summary: Summary
    reports: list[RowReport]  # the rows that were not clean, in file order
    dry_run: bool
    file_sha256: str
    cancelled: bool = False
    record_nos: list[str] = field(default_factory=list)  # first and last made


def preview(database: Database, actor: Actor, path: Path, rows: int = PREVIEW_ROWS) -> Preview:
    """The header, the mapping the import would use and the first rows, for the wizard."""
    require(actor, Permission.IMPORT_PATIENTS, database)
    header_row, headers, found, data = import_file.header(Path(path), None)
    first = [row for _, row in zip(range(rows), data, strict=False)]
    with unit_of_work(database, write=False) as session:
        columns, saved = _columns_for(session, headers)
    return Preview(ColumnMapping(header_row, columns), headers, found, saved, first)


def save_mapping(database: Database, actor: Actor, path: Path, mapping: ColumnMapping) -> None:
    """Remember a corrected mapping for every file whose header reads like this one's."""
    require(actor, Permission.IMPORT_PATIENTS, database)
    _, headers, _, _ = import_file.header(Path(path), mapping.header_row)
    import_mappings.check_mapping(mapping.columns, len(headers))
    with unit_of_work(database) as session:
        import_mappings.store_mapping(session, actor, headers, mapping.columns)


def import_patients(
    database: Database,
    actor: Actor,
    path: Path,
    *,
    mapping: ColumnMapping | None = None,
    dry_run: bool = False,
    merge_empty: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    words: Callable[[Problem], str] = describe,
    today: dt.date | None = None,
) -> ImportResult:
    """Import (or with ``dry_run`` only check) every row of ``path``.

    Without ``mapping``, the clinic's saved mapping for this header or the automatic one.
    ``merge_empty`` fills a duplicate's empty fields from the row instead of leaving it.
    ``progress(rows read, rows expected)`` follows each batch; ``cancelled()`` is asked
    between batches, and the batches already written stay (a rerun resumes).
    """
    require(actor, Permission.IMPORT_PATIENTS, database)
    path = Path(path)
    today = today or dt.date.today()
    sha = import_file.sha256(path)
    header_row, headers, _, data = import_file.header(path, mapping and mapping.header_row)
    with unit_of_work(database, write=False) as session:
        columns = mapping.columns if mapping else _columns_for(session, headers)[0]
        lookups = _lookups(session)
        done_rows = import_dedupe.imported_before(session, sha)
    import_mappings.check_mapping(columns, len(headers))
    titles = {name: headers[index] for name, index in columns.items() if index < len(headers)}
    run = _Run(sha, path.name, dry_run, merge_empty, done_rows)
    expected = max(import_file.row_count_hint(path) - header_row, 0)
    data.close()  # read again, with the rows' checks, where checked_batches says
    job = import_pipeline.Job(
        path,
        header_row,
        RowContext(columns, titles, lookups, today),
        BATCH_ROWS,
        frozenset(done_rows),
    )
    batches = import_pipeline.checked_batches(job, in_worker=expected >= PARALLEL_FROM_ROWS)
    try:
        for skipped, parsed in batches:
            run.skip_imported(skipped)
            import_rows.word_reasons(parsed, words)
            _write_batch(database, actor, run, parsed)
            if progress:
                progress(run.summary.rows, max(expected, run.summary.rows))
            if cancelled and cancelled():
                run.cancelled = True
                break
    finally:
        batches.close()  # stops the worker however the loop ended
    run.reports.sort(key=lambda report: report.row)  # a batch's skipped rows come first
    if not dry_run:
        with unit_of_work(database) as session:
            if database.kind == "postgresql" and run.record_nos:
                # Statistics for a table that may just have grown a hundredfold: without
                # them the search may plan scans until autovacuum gets round to it.
                session.connection().exec_driver_sql("ANALYZE patients, patient_name_suffixes")
            audit.record(
                session,
                actor,
                "import",
                "patient",
                None,
                file=path.name,
                sha256=sha,
                cancelled=run.cancelled,
                record_nos=run.first_and_last,
                **run.summary.as_dict(),
            )
    return ImportResult(
        run.summary,
        run.reports,
        dry_run,
        sha,
        run.cancelled,
        run.first_and_last,
    )


def write_report(
    reports: Sequence[RowReport], path: Path, words: Callable[[Problem], str] = describe
) -> None:
    """The report CSV: a header, then row, outcome, reason for each row that was not clean.

    UTF-8 with a BOM, so Excel on a Chinese Windows opens it without mangling; written to
    a temporary file and renamed, so a failed write never leaves half a report.
    """
    import csv
    import tempfile

    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".report-", suffix=".csv")
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(("row", "outcome", "reason"))
            for report in reports:
                reason = "; ".join(words(problem) for problem in report.problems)
                writer.writerow((report.row, report.outcome.value, reason))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# --- one run's state ------------------------------------------------------------------------


@dataclass
class _Run:
    sha: str
    file_name: str
    dry_run: bool
    merge_empty: bool
    done_rows: dict[int, str]  # row → record number, imported by an earlier run
    summary: Summary = field(default_factory=Summary)
    reports: list[RowReport] = field(default_factory=list)
    # ("mobile", "+86138…") → (row, the patient it is or made, or None in a dry run)
    seen: dict[tuple[str, str], tuple[int, uuid.UUID | None]] = field(default_factory=dict)
    record_nos: list[str] = field(default_factory=list)
    cancelled: bool = False

    @property
    def first_and_last(self) -> list[str]:
        """The first and last record numbers this run made (none, or one twice over)."""
        return self.record_nos[:1] + self.record_nos[-1:]

    def report(self, row: int, outcome: Outcome, problems: Sequence[Problem]) -> None:
        self.summary.rows += 1
        if outcome in (Outcome.IMPORTED, Outcome.WARNING):
            self.summary.imported += 1
            self.summary.warnings += outcome == Outcome.WARNING
        elif outcome == Outcome.DUPLICATE:
            self.summary.duplicates += 1
        else:
            self.summary.rejected += 1
        if problems:
            self.reports.append(RowReport(row, outcome, tuple(problems)))

    def skip_imported(self, rows: list[int]) -> None:
        for row in rows:
            problem = Problem("already_imported", "", self.done_rows[row])
            self.report(row, Outcome.DUPLICATE, [problem])


def _write_batch(database: Database, actor: Actor, run: _Run, parsed: list[ParsedRow]) -> None:
    """Decide each row against the file so far and the database, then write the new ones,
    all in one transaction; a batch that races another station is decided again."""
    for attempt in range(RACE_RETRIES + 1):
        seen_before = dict(run.seen)
        try:
            with unit_of_work(database, write=not run.dry_run) as session:
                decided = _decide(session, run, parsed)
                if not run.dry_run:
                    _insert(session, actor, run, decided.new)
                    import_dedupe.merge_all(session, actor, decided.merges, run.merge_empty)
        except IntegrityError:
            run.seen = seen_before
            if attempt == RACE_RETRIES:
                raise
            continue
        for row, outcome, problems in decided.outcomes:
            run.report(row, outcome, problems)
        return


@dataclass
class _Decided:
    new: list[tuple[ParsedRow, uuid.UUID]] = field(default_factory=list)
    merges: list[tuple[uuid.UUID, dict[str, object], list[Problem]]] = field(default_factory=list)
    outcomes: list[tuple[int, Outcome, list[Problem]]] = field(default_factory=list)


def _decide(session: Session, run: _Run, parsed: list[ParsedRow]) -> _Decided:
    decided = _Decided()
    ids = iter(new_ids(len(parsed)))
    keys = {key for row in parsed for key in row.keys}
    in_database = import_dedupe.existing(session, keys)
    for row in parsed:
        if row.values is None:
            decided.outcomes.append((row.row_no, Outcome.REJECTED, row.problems))
            continue
        duplicate = _duplicate_of(row, run, in_database)
        if duplicate is not None:
            problem, target = duplicate
            problems = [problem, *row.problems]
            if run.merge_empty and target is not None:
                decided.merges.append((target, row.values, problems))
            decided.outcomes.append((row.row_no, Outcome.DUPLICATE, problems))
            continue
        patient_id = next(ids)
        for key in row.keys:
            run.seen[key] = (row.row_no, None if run.dry_run else patient_id)
        decided.new.append((row, patient_id))
        outcome = Outcome.WARNING if row.problems else Outcome.IMPORTED
        decided.outcomes.append((row.row_no, outcome, row.problems))
    return decided


def _duplicate_of(
    row: ParsedRow, run: _Run, in_database: dict[tuple[str, str], tuple[uuid.UUID, str]]
) -> tuple[Problem, uuid.UUID | None] | None:
    """The first patient (in the database, then earlier in the file) this row repeats."""
    for key in row.keys:
        if key in in_database:
            patient_id, record_no = in_database[key]
            return Problem("duplicate_in_database", key[0], record_no), patient_id
    for key in row.keys:
        if key in run.seen:
            first_row, patient_id = run.seen[key]
            return Problem("duplicate_in_file", key[0], str(first_row)), patient_id
    return None


def _insert(
    session: Session, actor: Actor, run: _Run, new: list[tuple[ParsedRow, uuid.UUID]]
) -> None:
    """Patients, their name-search rows, their imported_rows and their audit rows, as four
    multi-row INSERTs (the ORM unit of work would cost more than everything else)."""
    if not new:
        return
    numbers = allocate_record_nos(session, len(new))
    now = dt.datetime.now(dt.UTC)
    event = audit.event_base(actor, "create", "patient") | {"occurred_at": now}
    file_name = '{"imported_from": ' + json.dumps(run.file_name, ensure_ascii=False)  # sorted
    patients, suffixes, imported, events = [], [], [], []
    event_ids = new_ids(len(new))
    for (row, patient_id), record_no, event_id in zip(new, numbers, event_ids, strict=True):
        values = row.values or {}
        patients.append(
            values
            | intake.search_keys(values)
            | {
                "id": patient_id,
                "record_no": record_no,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "updated_by_id": actor.staff_id,
            }
        )
        suffixes += [
            {"patient_id": patient_id, "suffix": suffix}
            for suffix in name_suffixes(str(values["name"]))
        ]
        imported.append(
            {"file_sha256": run.sha, "row_no": row.row_no, "patient_id": patient_id}
            | {"imported_at": now}
        )
        # The summary as audit.record writes it (json.dumps, keys sorted), made by hand:
        # json.dumps for each of 100,000 rows costs more than inserting them.
        summary = f'{file_name}, "record_no": "{record_no}", "row": {row.row_no}}}'
        events.append(event | {"id": event_id, "entity_id": str(patient_id), "summary": summary})
    if session.get_bind().dialect.name == "sqlite":
        # Index pages of a growing table stay in memory between batches (the default
        # 2 MB cache makes each batch's inserts into 8 indexes read from disk again).
        session.connection().exec_driver_sql(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    insert_rows(session, Patient.__table__, patients)
    insert_rows(session, PatientNameSuffix.__table__, suffixes)
    insert_rows(session, ImportedRow.__table__, imported)
    insert_rows(session, AuditEvent.__table__, events)
    run.record_nos += numbers


# --- helpers ---------------------------------------------------------------------------------


def _columns_for(session: Session, headers: list[str]) -> tuple[dict[str, int], bool]:
    """The clinic's saved mapping for this header (and True), else the one its titles give."""
    saved = import_mappings.saved_mapping(session, headers)
    if saved is not None:
        return saved, True
    try:
        return import_reading.find_header([(1, headers)])[1], False
    except ValueError:
        return {}, False


def _lookups(session: Session) -> Lookups:
    """Active staff and channels by name; a name two staff share matches neither."""
    consultants: dict[str, uuid.UUID] = {}
    shared: set[str] = set()
    for staff_id, name in session.execute(
        sa.select(Staff.id, Staff.display_name).where(Staff.active)
    ):
        key = import_reading.header_key(name)
        if key in consultants:
            shared.add(key)
        consultants[key] = staff_id
    channels = {
        import_reading.header_key(name): name
        for name in session.scalars(sa.select(SourceChannel.name).where(SourceChannel.active))
    }
    for key in shared:
        del consultants[key]
    return Lookups(consultants, channels)
