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

from desktop_app import __version__

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
    search.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N")
    search.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    demo = commands.add_parser(
        "demo-data", help="add made-up patients and visits (training, benchmarks)"
    )
    demo.add_argument("--patients", type=_positive, required=True, metavar="N", help="how many")
    demo.add_argument(
        "--seed", type=int, default=0, metavar="S", help="the same seed gives the same data"
    )
    demo.add_argument(
        "--force", action="store_true", help="add them even if the database has patients"
    )
    recall = commands.add_parser(
        "lot-recall", help="which patients received a product lot (or a product between dates)"
    )
    recall.add_argument("lot", metavar="LOT", nargs="?", help="the lot/batch number")
    recall.add_argument("--product", metavar="NAME", help="a product, instead of or with LOT")
    recall.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    recall.add_argument("--to", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    recall.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    _add_photos(commands)
    _add_documents(commands)
    return parser


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from exc


def _positive(text: str) -> int:
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
        return _photos(args)
    if args.command == "templates":
        return _templates(args)
    if args.command == "render-document":
        return _render_document(args)
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
        result = migrations.upgrade(database)
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
    import json

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
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for row in rows:
            print("\t".join(str(value or "") for value in row.values()))
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
            )
        except BaseException:
            if shown:  # the error goes on a line of its own
                print(file=sys.stderr)
            raise
    print(
        f"Added {result.patients:,} patients ({result.first_record_no}–{result.last_record_no}) "
        f"and {result.visits:,} visits, with {sum(result.clinical.values()):,} clinical records "
        f"(consultations, assessments, plans, courses, treatments), "
        f"in {time.monotonic() - started:.0f} s — "
        f"{database.describe()}"
    )
    return 0


def _lot_recall(args: argparse.Namespace) -> int:
    import json

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
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for row in rows:
            print("\t".join(str(value) for value in row.values()))
    return 0


@contextmanager
def _open(override: str | None) -> Iterator[Database]:
    """The database, migrated to this version's schema as the app does at start."""
    from desktop_app import migrations
    from desktop_app.db import Database

    database = Database(_url(override))
    try:
        migrations.upgrade(database)
        yield database
    finally:
        database.dispose()


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


class _ShippedTemplateError(Exception):
    """A default template in this release does not pass its check (a packaging error)."""


def _fail(exc: Exception) -> int:
    from desktop_app.db import DatabaseError
    from desktop_app.services.errors import ServiceError
    from desktop_app.startup import PasswordNeededError

    if isinstance(exc, DatabaseError | ServiceError | PasswordNeededError | _ShippedTemplateError):
        print(f"clinic-desk: {exc}", file=sys.stderr)
        return EXIT_ERROR
    import logging

    logging.getLogger(__name__).exception("unexpected error")
    print(f"clinic-desk: unexpected error: {exc} (details in the log file)", file=sys.stderr)
    return EXIT_ERROR


# --- clinic-desk photos import ---------------------------------------------------------------

# The enums' values, spelled out: the models (and SQLAlchemy) load only when a command runs.
PHOTO_STAGES = ("before", "after", "follow_up", "other")
PHOTO_ANGLES = ("front", "left_45", "right_45", "left_90", "right_90", "top", "bottom", "close_up")


def _add_photos(commands: argparse._SubParsersAction) -> None:
    photos = commands.add_parser("photos", help="clinical photos: import files into a record")
    actions = photos.add_subparsers(dest="photos_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "import",
        help="import photo files (JPEG, PNG, TIFF, WebP, HEIC) into a patient's record",
        description="Each file is checked and stored on its own: a bad file is reported and "
        "the rest are imported. Exit status 1 if any file was refused.",
    )
    add.add_argument("files", metavar="FILE", nargs="+", help="photo files")
    add.add_argument("--patient", required=True, metavar="RECORD_NO", help="the record number")
    add.add_argument(
        "--by",
        required=True,
        metavar="USERNAME",
        help="the staff member importing them (recorded with each photo; their role decides)",
    )
    add.add_argument("--stage", choices=PHOTO_STAGES, default="other")
    add.add_argument("--follow-up-day", type=_positive, metavar="N", help="with --stage follow_up")
    add.add_argument("--angle", choices=PHOTO_ANGLES)
    add.add_argument("--area", default="", metavar="AREA", help="e.g. lips, cheeks, forehead")
    add.add_argument("--notes", default="", metavar="TEXT")
    add.add_argument(
        "--consent-confirmed",
        action="store_true",
        help="import although the patient has not consented to photos for the medical record",
    )
    add.add_argument("--json", action="store_true", help="print a JSON summary for scripts")


def _photos(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from desktop_app.models import PhotoAngle, PhotoStage
    from desktop_app.services import photos
    from desktop_app.services.errors import NotFoundError
    from desktop_app.services.photo_import import command_line_importer
    from desktop_app.services.search import search_patients

    tags = photos.PhotoTags(
        stage=PhotoStage(args.stage),
        follow_up_day=args.follow_up_day,
        angle=PhotoAngle(args.angle) if args.angle else None,
        area=args.area,
        notes=args.notes,
    )
    imported: list[dict[str, str]] = []
    duplicates: list[dict[str, str]] = []
    refused: list[dict[str, str]] = []
    with _open(args.database_url) as database:
        actor = command_line_importer(database, args.by)
        hits = search_patients(database, actor, args.patient.strip(), limit=5)
        patient = next((h for h in hits if h.record_no == args.patient.strip()), None)
        if patient is None:
            raise NotFoundError(f"No patient with the record number {args.patient!r}.")
        for name in args.files:  # one at a time, so each result names its file
            try:
                report = photos.import_files(
                    database,
                    actor,
                    patient.id,
                    [Path(name)],
                    tags,
                    consent_confirmed=args.consent_confirmed,
                )
            except photos.PhotoConsentRequiredError as exc:
                print(f"clinic-desk: {exc} To import anyway: --consent-confirmed.", file=sys.stderr)
                return EXIT_ERROR
            rows = [("imported", {"file": name, "id": str(i)}) for i in report.imported]
            rows += [
                ("duplicate", {"file": name, "existing_id": str(d.existing_id)})
                for d in report.duplicates
            ]
            for state, row in rows:
                (imported if state == "imported" else duplicates).append(row)
                if not args.json:
                    print(f"{state}\t{name}\t{row.get('id') or row['existing_id']}")
            for bad in report.refused:
                refused.append({"file": name, "code": bad.code, "message": bad.message})
                print(f"clinic-desk: {bad.message}", file=sys.stderr)
    if args.json:
        summary = {"imported": imported, "duplicates": duplicates, "refused": refused}
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return EXIT_ERROR if refused else 0


# --- clinic-desk templates / render-document -------------------------------------------------


def _add_documents(commands: argparse._SubParsersAction) -> None:
    listing = commands.add_parser(
        "templates", help="the consent, aftercare and general document templates"
    )
    listing.add_argument("--json", action="store_true", help="print a JSON list for scripts")
    render = commands.add_parser(
        "render-document",
        help="render a document template for a patient as PDF (recorded as a saved copy)",
        description="A consent or aftercare template is filled from a treatment: the one "
        "given, or the patient's latest treatment of an item using the template.",
    )
    render.add_argument("key", metavar="KEY", help="the template key, e.g. filler, pipl_consent")
    render.add_argument("--patient", required=True, metavar="RECORD_NO", help="the record number")
    render.add_argument("--treatment", metavar="ID", help="the treatment's id")
    render.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    render.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write it")


def _templates(args: argparse.Namespace) -> int:
    import json

    from desktop_app.services import templates
    from desktop_app.services.context import Actor

    with _open(args.database_url) as database:
        _install_templates(database)
        listed = templates.list_templates(database, Actor.command_line())
    rows = [
        {
            "key": t.key,
            # The two kinds: the general ones (PIPL, photos) are consents, for no item.
            "kind": "aftercare" if t.kind.value == "aftercare" else "consent",
            "item": ", ".join(t.items) or None,
            "language": t.language,
            "version": t.number,
        }
        for t in listed
    ]
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for row in rows:
            print("\t".join(str(value or "") for value in row.values()))
    return 0


def _render_document(args: argparse.Namespace) -> int:
    import uuid
    from pathlib import Path

    from desktop_app.models import DocumentAction
    from desktop_app.services.context import Actor
    from desktop_app.services.documents import render_document
    from desktop_app.services.errors import NotFoundError
    from desktop_app.services.search import search_patients

    try:
        treatment_id = uuid.UUID(args.treatment) if args.treatment else None
    except ValueError:
        print(f"clinic-desk: {args.treatment!r} is not a treatment id.", file=sys.stderr)
        return EXIT_ERROR
    actor = Actor.command_line()
    with _open(args.database_url) as database:
        _install_templates(database)
        record_no = args.patient.strip()
        hits = search_patients(database, actor, record_no, limit=5)
        patient = next((h for h in hits if h.record_no == record_no), None)
        if patient is None:
            raise NotFoundError(f"No patient with the record number {args.patient!r}.")
        rendered = render_document(
            database,
            actor,
            args.key,
            patient.id,
            treatment_id=treatment_id,
            language=args.language,
            action=DocumentAction.SAVE,
        )
    Path(args.out).write_bytes(rendered.pdf)
    print(f"{args.out}\t{rendered.key} v{rendered.version}\tsha256 {rendered.sha256}")
    return 0


def _install_templates(database: Database) -> None:
    """The shipped defaults, as the app installs them at start; a broken one is reported."""
    from desktop_app.services.template_text import TemplateError
    from desktop_app.services.templates import install_defaults

    try:
        install_defaults(database)
    except TemplateError as exc:
        raise _ShippedTemplateError(str(exc)) from exc
