"""``clinic-desk backup --out FILE`` and ``clinic-desk restore FILE``: thin shells over
services/backup.py, registered by ``cli.build_parser``.

Neither migrates the database first (as other commands do): a backup records the schema
the database is at, and a restore replaces it and migrates what it restored.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app import cli

if TYPE_CHECKING:
    from desktop_app.services.backup import Manifest


def add_backup(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="write an encrypted, verified backup of the whole database",
        description="Back up every record and photo into one file sealed under the clinic's "
        "data key, then open it again to check it. Prints what it holds; with --json the "
        "manifest (schema_revision, created_at, clinic_name, database_kind, counts, "
        "dump_sha256, dump_bytes, app_version) with path and size.",
    )
    backup.add_argument("--out", type=Path, required=True, metavar="FILE", help="write here")
    backup.add_argument("--json", action="store_true", help="print the manifest as JSON")
    restore = commands.add_parser(
        "restore",
        help="replace the database with a backup (backing the current data up first)",
        description="Replace the whole database with the backup FILE, migrated to this "
        "version's schema. The current data is backed up first into the backups folder. "
        "No Clinic Desk window may be using the database meanwhile.",
    )
    restore.add_argument("file", type=Path, metavar="FILE", help="a clinic-desk backup file")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    restore.add_argument(
        "--key-file",
        type=Path,
        metavar="KEY",
        help="the clinic's key file, on a computer that does not hold its key yet (the "
        "passphrase is asked, or read from CLINIC_DESK_KEY_PASSPHRASE)",
    )


def backup_command(args: argparse.Namespace) -> int:
    from desktop_app.db import Database
    from desktop_app.services import backup
    from desktop_app.services.context import Actor

    database = Database(cli._url(args.database_url))
    try:
        result = backup.backup(database, Actor.command_line(), args.out)
    finally:
        database.dispose()
    if args.json:
        document = {**asdict(result.manifest), "path": str(result.path), "size": result.size}
        json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(f"Backed up and verified: {result.path} ({_size(result.size)})")
        print(describe(result.manifest))
    return 0


def restore_command(args: argparse.Namespace) -> int:
    from desktop_app.db import Database
    from desktop_app.services import backup
    from desktop_app.services.context import Actor

    key = _key_from_file(args.key_file) if args.key_file else None
    database = Database(cli._url(args.database_url))
    try:
        manifest = backup.read_manifest(args.file, database, key)
        if not args.yes and not _confirmed(manifest, database.describe()):
            print("clinic-desk: not restored.", file=sys.stderr)
            return cli.EXIT_ERROR
        result = backup.restore(database, Actor.command_line(), args.file, key=key)
        print(f"Restored {args.file} into {database.describe()}; schema {result.migrated_to}.")
        print(describe(result.manifest))
        if result.pre_restore is not None:
            print(f"The data as it was before is backed up in {result.pre_restore}")
    finally:
        database.dispose()
    return 0


def _key_from_file(path: Path) -> bytes:
    """The key in a key file; its passphrase from the environment or asked for."""
    import getpass
    import os

    from desktop_app.services import clinic_key

    passphrase = os.environ.get("CLINIC_DESK_KEY_PASSPHRASE")
    if passphrase is None:
        passphrase = getpass.getpass(f"Passphrase of {path.name}: ")
    return clinic_key.open_key_file(path, passphrase)[1]


def describe(manifest: Manifest) -> str:
    counts = manifest.counts
    rows = sum(counts.values())
    return (
        f"Made {manifest.created_at} of {manifest.clinic_name or 'a clinic'} "
        f"({manifest.database_kind}, schema {manifest.schema_revision}): "
        f"{counts.get('patients', 0):,} patients, {counts.get('photos', 0):,} photos, "
        f"{rows:,} rows in {len(counts)} tables."
    )


def _confirmed(manifest: Manifest, where: str) -> bool:
    if not sys.stdin.isatty():
        from desktop_app.services.errors import ServiceError

        raise ServiceError("restore replaces the whole database: confirm with --yes")
    print(describe(manifest))
    answer = input(
        f"Replace everything in {where} with this backup? The current data is backed up "
        "first. [y/N] "
    )
    return answer.strip().lower() in ("y", "yes")


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"
