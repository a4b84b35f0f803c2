"""The ``clinic-desk`` command: no command starts the app; subcommands serve scripts.

Each subcommand is a thin shell over a service call. Errors go to stderr with a
non-zero exit, never a traceback. Qt is imported only when the window is wanted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from desktop_app import (
    __version__,
    cli_backup,
    cli_bookings,
    cli_export,
    cli_files,
    cli_import,
    cli_reminders,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from desktop_app.db import Database

EXIT_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="clinic-desk",
        description="Clinic Desk: front desk and clinical record for aesthetics clinics. "
        "With no command, starts the application.",
    )
    parser.add_argument("--version", action="version", version=f"clinic-desk {__version__}")
    parser.add_argument(
        "--database-url",
        metavar="URL",
        help="use this database for this run (sqlite:///FILE or postgresql+psycopg://...); "
        "also CLINIC_DESK_DATABASE_URL",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    db = commands.add_parser("db", help="database schema: upgrade, current revision")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_commands.add_parser("upgrade", help="migrate the database to the newest schema")
    db_commands.add_parser("current", help="show the database's schema revision")
    search = commands.add_parser("search", help="find patients as the search box does")
    search.add_argument("query", metavar="QUERY", help="name, pinyin, mobile, record or ID number")
    search.add_argument("--limit", type=positive, default=20, metavar="N", help="at most N")
    search.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    demo = commands.add_parser(
        "demo-data", help="add made-up patients and visits (training, benchmarks)"
    )
    demo.add_argument("--patients", type=positive, required=True, metavar="N", help="how many")
    demo.add_argument(
        "--seed", type=int, default=0, metavar="S", help="the same seed gives the same data"
    )
    demo.add_argument(
        "--force", action="store_true", help="add them even if the database has patients"
    )
    demo.add_argument(
        "--visits-per-patient",
        type=float,
        metavar="X",
        help="about X visits per patient on average (default about 3.3)",
    )
    recall = commands.add_parser(
        "lot-recall", help="which patients received a product lot (or a product between dates)"
    )
    recall.add_argument("lot", metavar="LOT", nargs="?", help="the lot/batch number")
    recall.add_argument("--product", metavar="NAME", help="a product, instead of or with LOT")
    recall.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    recall.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    recall.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    cli_files.add_photos(commands)
    cli_files.add_documents(commands)
    cli_reminders.add_reminders(commands)
    cli_bookings.add_bookings(commands)
    cli_backup.add_backup(commands)
    cli_import.add_import(commands)
    cli_export.add_export(commands)
    return parser


def print_rows(rows: list[dict[str, object]], as_json: bool) -> None:
    """A command's result: a JSON list for scripts, else one tab-separated line per row."""
    import json

    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for row in rows:
            print("\t".join(str(value or "") for value in row.values()))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def positive(text: str) -> int:
    value = int(text) if text.isdigit() else 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from desktop_app import logs

    if args.command is None:
        from desktop_app.ui.app import run

        return run(args.database_url, after_first_frame=logs.configure)
    logs.configure()
    try:
        return _run_command(args)
    except Exception as exc:
        return _fail(exc)


def _run_command(args: argparse.Namespace) -> int:
    if args.command == "db":
        return _db(args)
    if args.command == "search":
        return _search(args)
    if args.command == "demo-data":
        return _demo_data(args)
    if args.command == "lot-recall":
        return _lot_recall(args)
    if args.command == "photos":
        return cli_files.photos_command(args)
    if args.command == "templates":
        return cli_files.templates_command(args)
    if args.command == "render-document":
        return cli_files.render_document_command(args)
    if args.command == "reminders":
        return cli_reminders.reminders_command(args)
    if args.command == "bookings":
        return cli_bookings.bookings_command(args)
    if args.command == "backup":
        return cli_backup.backup_command(args)
    if args.command == "restore":
        return cli_backup.restore_command(args)
    if args.command == "import-patients":
        return cli_import.import_command(args)
    if args.command == "export":
        return cli_export.export_command(args)
    raise AssertionError(args.command)  # argparse only lets known commands through


def _db(args: argparse.Namespace) -> int:
    from desktop_app import migrations
    from desktop_app.db import Database

    database = Database(_url(args.database_url))
    try:
        if args.db_command == "current":
            current = migrations.current_revision(database)
            migrations.check_known(current)
            head = migrations.head_revision()
            state = "up to date" if current == head else f"upgrade available to {head}"
            print(f"{current or 'empty (no schema)'} ({state}) — {database.describe()}")
            return 0
        result = migrations.upgrade(database, notify=_say_if_waiting)
        if result.from_revision == result.to_revision:
            print(f"Already at the newest schema {result.to_revision} — {database.describe()}")
        else:
            print(
                f"Upgraded {result.from_revision or 'empty database'} → {result.to_revision} "
                f"— {database.describe()}"
            )
        if result.backup:
            print(f"Safety copy made first: {result.backup}")
        return 0
    finally:
        database.dispose()


def _search(args: argparse.Namespace) -> int:

    from desktop_app.services.context import Actor
    from desktop_app.services.search import search_patients

    with _open(args.database_url) as database:
        hits = search_patients(database, Actor.command_line(), args.query, limit=args.limit)
    rows = [
        {
            "record_no": hit.record_no,
            "name": hit.name,
            "mobile_masked": hit.mobile_masked,
            "birth_date": hit.birth_date.isoformat() if hit.birth_date else None,
        }
        for hit in hits
    ]
    print_rows(rows, args.json)
    return 0


def _demo_data(args: argparse.Namespace) -> int:
    import time

    from desktop_app.services.context import Actor
    from desktop_app.services.demo_data import load_demo_data

    started = time.monotonic()
    shown = False

    def progress(done: int, total: int) -> None:
        nonlocal shown
        if done < total or shown:  # a load done in one step needs no progress line
            shown = True
            end = "\n" if done == total else ""
            print(f"\r{done:,} of {total:,} patients", end=end, file=sys.stderr, flush=True)

    with _open(args.database_url) as database:
        try:
            result = load_demo_data(
                database,
                Actor.command_line(),
                args.patients,
                seed=args.seed,
                force=args.force,
                progress=progress,
                visits_per_patient=args.visits_per_patient,
            )
        except BaseException:
            if shown:  # the error goes on a line of its own
                print(file=sys.stderr)
            raise
    print(
        f"Added {result.patients:,} patients ({result.first_record_no}–{result.last_record_no}) "
        f"and {result.visits:,} visits, with {sum(result.clinical.values()):,} clinical records "
        f"(consultations, assessments, plans, courses, treatments), "
        f"{result.reminders.get('reminders', 0):,} reminders and "
        f"{result.reminders.get('follow_ups', 0):,} follow-up calls and "
        f"{result.tags:,} patient tags, "
        f"in {time.monotonic() - started:.0f} s — "
        f"{database.describe()}"
    )
    return 0


def _lot_recall(args: argparse.Namespace) -> int:

    from desktop_app.services.context import Actor
    from desktop_app.services.treatments import lot_recall

    between = None
    if args.date_from or args.date_to:
        between = (
            args.date_from or dt.date.min,
            args.date_to or dt.date.max - dt.timedelta(days=1),
        )
    with _open(args.database_url) as database:
        hits = lot_recall(
            database, Actor.command_line(), args.lot, product=args.product, between=between
        )
    rows = [
        {
            "record_no": hit.record_no,
            "name": hit.name,
            "mobile_masked": hit.mobile_masked,
            "treated_at": hit.treated_at.isoformat(),
            "item": hit.item,
            "product": hit.product,
            "brand": hit.brand,
            "lot_number": hit.lot_number,
            "quantity": str(hit.quantity),
            "unit": hit.unit,
        }
        for hit in hits
    ]
    print_rows(rows, args.json)  # every value a string here
    return 0


@contextmanager
def _open(override: str | None) -> Iterator[Database]:
    """The database, migrated to this version's schema as the app does at start."""
    from desktop_app import migrations
    from desktop_app.db import Database

    database = Database(_url(override))
    try:
        migrations.upgrade(database, notify=_say_if_waiting)
        yield database
    finally:
        database.dispose()


def _say_if_waiting(state: str) -> None:
    """A script's log says why it stands still while another computer upgrades the schema."""
    from desktop_app.migrations import WAITING

    if state == WAITING:
        print(
            "Another computer is upgrading the clinic database; waiting for it to finish…",
            file=sys.stderr,
            flush=True,
        )


def _url(override: str | None) -> URL:
    from desktop_app import station
    from desktop_app.startup import PasswordNeededError, database_url

    settings = station.load()
    try:
        return database_url(override, settings)
    except PasswordNeededError as exc:
        if not sys.stdin.isatty():
            raise
        if exc.no_secure_store:
            from desktop_app.secrets import NoSecureStoreError

            print(NoSecureStoreError(), file=sys.stderr)
        import getpass

        return database_url(override, settings, getpass.getpass(f"Password for {exc.account}: "))


class ShippedTemplateError(Exception):
    """A default template in this release does not pass its check (a packaging error)."""


def _fail(exc: Exception) -> int:
    from desktop_app.db import DatabaseError
    from desktop_app.services.errors import ServiceError
    from desktop_app.startup import PasswordNeededError

    if isinstance(exc, DatabaseError | ServiceError | PasswordNeededError | ShippedTemplateError):
        print(f"clinic-desk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    import logging

    logging.getLogger(__name__).exception("unexpected error")
    print(f"clinic-desk: unexpected error: {exc} (details in the log file)", file=sys.stderr)
    return EXIT_ERROR
