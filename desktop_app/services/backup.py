"""Back up the whole clinic database into one encrypted file, check it, restore it.

A backup is ``backup_format``'s sealed file around a gzip'd tar of ``manifest.json`` (schema
revision, time, clinic, database kind, every table's row count, the dump's SHA-256) and the
dump: SQLite's backup API copy of the file (safe while the app runs), or ``pg_dump -Fc``
(``backup_postgres``). It is sealed under the clinic's data key, so a stolen backup is as
closed as the photos. Work files go in a folder beside the target, not in /tmp (often
memory) — a database with years of photos is large; nothing is held in memory whole.

Every backup is opened again after writing (decrypted, checksum, and for SQLite the copy
opened and counted) before it takes its name: a backup nobody checked is a hope.

A restore refuses a changed, cut-short or foreign file and a schema newer than this
version, makes a fresh backup of the live database first, then swaps: SQLite by
``os.replace`` of a copy already migrated forward, PostgreSQL in one transaction. Either
way a failure leaves the live database as it was.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from desktop_app import __version__, migrations, paths
from desktop_app.db import Database
from desktop_app.models import ClinicSetting
from desktop_app.services import (
    audit,
    backup_format,
    backup_postgres,
    backup_sqlite,
    clinic_key,
)
from desktop_app.services.backup_format import BackupError, BackupKeyError
from desktop_app.services.clinic_settings import CLINIC_NAME
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.permissions import Permission, require

MANIFEST = "manifest.json"
DUMPS = {"sqlite": "database.sqlite", "postgresql": "database.pgdump"}
Progress = Callable[[str], None]  # "copying", "sealing", "verifying", "restoring", "migrating"


@dataclass(frozen=True)
class Manifest:
    schema_revision: str | None
    created_at: str  # ISO 8601, UTC
    clinic_name: str
    database_kind: str  # "sqlite" or "postgresql"
    counts: dict[str, int]  # rows per table
    dump_sha256: str
    dump_bytes: int
    app_version: str = __version__

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        fields = json.loads(data)
        fields["counts"] = {str(k): int(v) for k, v in fields["counts"].items()}
        return cls(**fields)


@dataclass(frozen=True)
class BackupResult:
    path: Path
    manifest: Manifest
    size: int  # bytes of the backup file


@dataclass(frozen=True)
class RestoreResult:
    manifest: Manifest
    pre_restore: Path | None  # the live database's backup made first (None: it was empty)
    migrated_to: str


def backups_folder(folder: str = "") -> Path:
    return Path(folder) if folder else paths.data_dir() / "backups"


def backup_name(label: str, now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).astimezone().strftime("%Y%m%d-%H%M%S")
    return f"clinic-desk-{stamp}-{label}{backup_format.SUFFIX}"


def backup(
    database: Database, actor: Actor, out: Path, progress: Progress | None = None
) -> BackupResult:
    """Write a verified backup of the database to ``out`` (replaced only once verified)."""
    require(actor, Permission.BACKUP, database)
    return write_backup(database, actor, out, progress)


def write_backup(
    database: Database, actor: Actor | None, out: Path, progress: Progress | None = None
) -> BackupResult:
    """``backup`` without the permission check: the station's schedule and the backup a
    restore makes first (whose caller was checked) run it."""
    report = progress or (lambda _stage: None)
    key = clinic_key.ensure_key(database, actor)
    key_id, key_check = _key_row(database)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    created = datetime.now(UTC)
    with _workdir(out.parent) as work:
        report("copying")
        dump = work / DUMPS[database.kind]
        revision, counts = _dump(database, dump)
        manifest = Manifest(
            revision, created.isoformat(), _clinic_name(database), database.kind, counts,
            *_digest(dump),
        )  # fmt: skip
        payload = work / "payload.tar.gz"
        with tarfile.open(payload, "w:gz", compresslevel=6) as tar:
            _add(tar, MANIFEST, json.dumps(asdict(manifest), indent=1).encode())
            tar.add(dump, DUMPS[database.kind], recursive=False)
        dump.unlink()
        report("sealing")
        header = backup_format.make_header(key_id, key_check, manifest.created_at)
        sealed = work / "backup.tmp"
        with payload.open("rb") as source, sealed.open("wb") as target:
            backup_format.write_sealed(target, source, key, header)
            target.flush()
            os.fsync(target.fileno())
        payload.unlink()
        report("verifying")
        checked = verify(sealed, key=key)
        if checked != manifest:
            raise BackupError(f"The backup written to {out} did not read back the same.")
        os.replace(sealed, out)
    with unit_of_work(database) as session:
        audit.record(session, actor, "backup", "database", None, file=out.name)
    return BackupResult(out, manifest, out.stat().st_size)


def verify(path: Path, database: Database | None = None, key: bytes | None = None) -> Manifest:
    """Open a backup as a restore would, and check its dump against its manifest: the
    checksum and, for SQLite, the copy opened and every table counted; for PostgreSQL
    pg_restore reads the archive's table of contents and finds every table's data."""
    with _opened(path, database, key) as (manifest, dump):
        if manifest.database_kind == "sqlite":
            with closing(sqlite3.connect(f"file:{dump}?mode=ro", uri=True)) as connection:
                ok = connection.execute("PRAGMA quick_check").fetchone()
                counted = backup_sqlite.counts(connection)
            if ok != ("ok",) or counted != manifest.counts:
                raise BackupError(f"{path.name}: the database inside does not match its list.")
        else:
            entries = backup_postgres.list_dump(dump)
            missing = [t for t in manifest.counts if not _has_data(entries, t)]
            if missing:
                raise BackupError(f"{path.name}: the dump lacks the tables {missing}.")
    return manifest


def restore(
    database: Database,
    actor: Actor,
    path: Path,
    *,
    key: bytes | None = None,
    backups_dir: Path | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Replace the database with the backup at ``path``, migrated to this version's schema.

    ``key``: the clinic's key from its key file, on a workstation that does not hold it
    yet (kept in this keyring once restored). The caller's engine is disposed: on SQLite
    the file underneath it changes, on PostgreSQL every table is new. The UI must have no
    work running on ``database``."""
    require(actor, Permission.BACKUP, database)
    report = progress or (lambda _stage: None)
    live = database.sqlite_path
    with _opened(path, database, key, near=live.parent if live else None) as (manifest, dump):
        if manifest.database_kind != database.kind:
            raise BackupError(
                f"This is a backup of a {manifest.database_kind} database; it can be restored "
                f"only into a {manifest.database_kind} database, not {database.describe()}."
            )
        _check_revision(manifest.schema_revision)
        if key is not None:  # checked against the backup when opened: this clinic's key now
            clinic_key.keep_key(backup_format.header_of(path).key_id, key)
        pre_restore = None
        if migrations.current_revision(database) is not None:
            report("copying")
            target = (backups_dir or backups_folder()) / backup_name("before-restore")
            pre_restore = write_backup(database, actor, target).path
        report("restoring")
        if live is not None:
            backup_sqlite.swap(database, live, dump)
        else:
            backup_postgres.restore(database, dump)
            database.dispose()  # every table is new: no pooled connection may cache plans
            report("migrating")
            migrations.upgrade(database)
    with unit_of_work(database) as session:
        audit.record(
            session, actor, "restore", "database", None, file=path.name,
            made=manifest.created_at, pre_restore=pre_restore.name if pre_restore else None,
        )  # fmt: skip
    return RestoreResult(manifest, pre_restore, migrations.SCHEMA_HEAD)


def read_manifest(
    path: Path, database: Database | None = None, key: bytes | None = None
) -> Manifest:
    """What a backup holds (for the confirmation before a restore), after opening it."""
    with _opened(path, database, key) as (manifest, _dump):
        return manifest


# --- inside --------------------------------------------------------------------------------


@contextlib.contextmanager
def _workdir(near: Path | None) -> Iterator[Path]:
    folder = near if near is not None and near.is_dir() else None
    with tempfile.TemporaryDirectory(prefix=".clinic-desk-backup-", dir=folder) as work:
        yield Path(work)


@contextlib.contextmanager
def _opened(
    path: Path, database: Database | None, key: bytes | None, near: Path | None = None
) -> Iterator[tuple[Manifest, Path]]:
    """The backup decrypted into a work folder: its manifest and its dump, checksum checked."""
    header = backup_format.header_of(path)
    key = _key_for(header, database, key)
    with _workdir(near or path.parent) as work:
        payload = work / "payload.tar.gz"
        with path.open("rb") as handle, payload.open("wb") as out:
            backup_format.read_header(handle, path.name)
            for piece in backup_format.read_sealed(handle, key, header):
                out.write(piece)
        try:
            with tarfile.open(payload, "r:gz") as tar:
                manifest = Manifest.from_json(_member(tar, MANIFEST).read())
                dump = work / DUMPS[manifest.database_kind]
                with dump.open("wb") as out:
                    shutil.copyfileobj(_member(tar, DUMPS[manifest.database_kind]), out)
        except (tarfile.TarError, OSError, ValueError, KeyError, TypeError) as exc:
            raise BackupError(f"{path.name} opened but its contents are damaged ({exc}).") from exc
        payload.unlink()
        if _digest(dump) != (manifest.dump_sha256, manifest.dump_bytes):
            raise BackupError(f"{path.name}: the database inside does not match its checksum.")
        yield manifest, dump


def _member(tar: tarfile.TarFile, name: str) -> tarfile.ExFileObject:
    member = tar.extractfile(name)
    if member is None:
        raise KeyError(name)
    return member


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    import io

    info = tarfile.TarInfo(name)
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))


def _key_for(header: backup_format.Header, database: Database | None, key: bytes | None) -> bytes:
    """The key the header names: given (a key file opened by the caller), or this
    workstation's keyring. Told plainly when it is another clinic's."""
    if key is not None:
        if not hmac.compare_digest(clinic_key.check_value(key), header.key_check):
            raise BackupKeyError("The key given is not the one this backup was sealed under.")
        return key
    try:
        return clinic_key.key_by_id(header.key_id, header.key_check)
    except clinic_key.KeyMissingError as exc:
        if exc.reason == "no_store":
            raise
        live = _live_key_id(database)
        other = (
            f" This clinic's key is {live[:8]}: the backup is another clinic database's, or "
            "was made before this clinic's key was replaced."
            if live and live != header.key_id
            else ""
        )
        raise BackupKeyError(
            f"This backup was sealed under the data key {header.key_id[:8]}, which this "
            f"computer does not hold, so it cannot be opened here.{other} Import the key "
            "file of the clinic it came from first."
        ) from None


def _live_key_id(database: Database | None) -> str | None:
    if database is None or migrations.current_revision(database) is None:
        return None
    with unit_of_work(database, write=False) as session:
        row = session.get(ClinicSetting, clinic_key.KEY_ID)
        return row.value if row else None


def _key_row(database: Database) -> tuple[str, str]:
    with unit_of_work(database, write=False) as session:
        key_id = session.get(ClinicSetting, clinic_key.KEY_ID)
        check = session.get(ClinicSetting, clinic_key.KEY_CHECK)
        assert key_id is not None and check is not None  # ensure_key made them
        return key_id.value, check.value


def _clinic_name(database: Database) -> str:
    with unit_of_work(database, write=False) as session:
        row = session.get(ClinicSetting, CLINIC_NAME)
        return row.value if row else ""


def _check_revision(revision: str | None) -> None:
    try:
        migrations.check_known(revision)
    except migrations.DatabaseTooNewError:
        raise BackupError(
            f"This backup is at schema revision {revision}, newer than this version of "
            f"Clinic Desk knows (its newest is {migrations.SCHEMA_HEAD}): it was made by a "
            "newer version. Install that version to restore it; nothing was changed."
        ) from None


def _dump(database: Database, target: Path) -> tuple[str | None, dict[str, int]]:
    if database.sqlite_path is None:
        revision = migrations.current_revision(database)
        return revision, backup_postgres.dump(database, target)
    return backup_sqlite.dump(database.sqlite_path, target)


def _has_data(entries: list[str], table: str) -> bool:
    return any(f" TABLE DATA public {table} " in f" {line} " for line in entries)


def _digest(path: Path) -> tuple[str, int]:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while piece := handle.read(1024 * 1024):
            sha.update(piece)
    return sha.hexdigest(), path.stat().st_size
