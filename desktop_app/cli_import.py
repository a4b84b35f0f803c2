"""``clinic-desk import-patients FILE``: a thin shell over services/patient_import.py,
registered by ``cli.build_parser``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop_app import cli


def add_import(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import-patients",
        help="bring patients in from an Excel (.xlsx) or CSV export",
        description="Import every row of FILE as a patient, checked as the intake form "
        "checks them and deduped by mobile and ID number against the database and the "
        "file. Re-running the same file imports nothing twice. With --json one summary "
        'object: {"rows", "imported", "duplicates", "rejected", "warnings"}.',
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="an .xlsx or .csv file")
    parser.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="REPORT.csv",
        help="write row, outcome and reason for every row that was not clean",
    )
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument(
        "--merge-empty",
        action="store_true",
        help="fill a duplicate patient's empty fields from the row (default: leave it as is)",
    )


def import_command(args: argparse.Namespace) -> int:
    from desktop_app.services import patient_import
    from desktop_app.services.context import Actor

    def progress(done: int, total: int) -> None:
        if not args.json and sys.stderr.isatty():
            print(f"\r{done:,} of about {total:,} rows", end="", file=sys.stderr, flush=True)

    with cli._open(args.database_url) as database:
        result = patient_import.import_patients(
            database,
            Actor.command_line(),
            args.file,
            dry_run=args.dry_run,
            merge_empty=args.merge_empty,
            progress=progress,
        )
    if not args.json and sys.stderr.isatty():
        print(file=sys.stderr)
    if args.report:
        patient_import.write_report(result.reports, args.report)
    summary = result.summary
    if args.json:
        json.dump(summary.as_dict(), sys.stdout)
        print()
        return 0
    verb = "would import" if args.dry_run else "imported"
    print(
        f"{summary.rows:,} rows: {verb} {summary.imported:,} ({summary.warnings:,} with "
        f"warnings), {summary.duplicates:,} duplicates, {summary.rejected:,} rejected"
        + (f"; report: {args.report}" if args.report else "")
    )
    return 0
