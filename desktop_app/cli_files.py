"""``clinic-desk`` subcommands that move files in and out of the record: photo import,
the document templates and rendered documents. Registered by ``cli.build_parser``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop_app import cli

if TYPE_CHECKING:
    from desktop_app.db import Database

# --- clinic-desk photos import ---------------------------------------------------------------

# The enums' values, spelled out: the models (and SQLAlchemy) load only when a command runs.
PHOTO_STAGES = ("before", "after", "follow_up", "other")
PHOTO_ANGLES = ("front", "left_45", "right_45", "left_90", "right_90", "top", "bottom", "close_up")


def add_photos(commands: argparse._SubParsersAction) -> None:
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
    add.add_argument(
        "--follow-up-day", type=cli.positive, metavar="N", help="with --stage follow_up"
    )
    add.add_argument("--angle", choices=PHOTO_ANGLES)
    add.add_argument("--area", default="", metavar="AREA", help="e.g. lips, cheeks, forehead")
    add.add_argument("--notes", default="", metavar="TEXT")
    add.add_argument(
        "--consent-confirmed",
        action="store_true",
        help="import although the patient has not consented to photos for the medical record",
    )
    add.add_argument("--json", action="store_true", help="print a JSON summary for scripts")


def photos_command(args: argparse.Namespace) -> int:
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
    with cli._open(args.database_url) as database:
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
                return cli.EXIT_ERROR
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
    return cli.EXIT_ERROR if refused else 0


# --- clinic-desk templates / render-document -------------------------------------------------


def add_documents(commands: argparse._SubParsersAction) -> None:
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


def templates_command(args: argparse.Namespace) -> int:

    from desktop_app.services import templates
    from desktop_app.services.context import Actor

    with cli._open(args.database_url) as database:
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
    cli.print_rows(rows, args.json)
    return 0


def render_document_command(args: argparse.Namespace) -> int:
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
        return cli.EXIT_ERROR
    actor = Actor.command_line()
    with cli._open(args.database_url) as database:
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
        raise cli.ShippedTemplateError(str(exc)) from exc
