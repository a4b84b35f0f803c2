"""Importing photos: each file checked and rendered outside any transaction, then its row,
its renditions (sealed under the clinic's key) and the audit row written together, so a bad
file leaves nothing behind. A station without the key is refused before any file is read
(``clinic_key.KeyMissingError``): nothing is ever stored unsealed.

Use it as ``photos.import_file`` / ``photos.import_files`` (re-exported there).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from desktop_app.db import Database
from desktop_app.models import BlobKind, Photo, Staff, utcnow
from desktop_app.services import audit, photo_files, photo_tags
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import NotFoundError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.photo_files import (
    MAX_FILE_BYTES,
    Header,
    PhotoFileError,
    ProcessedPhoto,
)
from desktop_app.services.photo_store import PhotoStore, store_for

# Display copies and thumbnails are decoded here while the importing thread writes.
_RENDERING = ThreadPoolExecutor(max_workers=2, thread_name_prefix="photo-render")


def import_file(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    name: str,
    data: bytes,
    tags: photos.PhotoTags,
    *,
    consent_confirmed: bool = False,
) -> uuid.UUID:
    """One photo from its bytes (``name``: the file's name, for messages and the record).

    Raises PhotoConsentRequiredError (before looking at the bytes), KeyMissingError,
    PhotoFileError, DuplicatePhotoError (the same bytes already among this patient's
    photos) or ValidationError (tags)."""
    require(actor, Permission.ADD_PHOTOS, database)
    columns = photo_tags.checked_tags(tags)
    consent = _consent(database, patient_id, consent_confirmed)
    store = _keyed_store(database)
    return _import(database, store, actor, patient_id, name, data, columns, consent)


def import_files(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    paths: Sequence[Path],
    tags: photos.PhotoTags,
    *,
    consent_confirmed: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> photos.ImportReport:
    """A batch taken together (the same tags). A bad file or a duplicate is reported and
    the rest continue; each imported file is its own transaction. ``progress(done, total,
    file_name)`` is called after each file, on the calling (worker) thread; ``cancelled()``
    is asked before each file. Missing consent or a missing key raises before any file is
    read."""
    require(actor, Permission.ADD_PHOTOS, database)
    columns = photo_tags.checked_tags(tags)
    consent = _consent(database, patient_id, consent_confirmed)
    store = _keyed_store(database)
    report = photos.ImportReport([], [], [])
    total = len(paths)
    for done, path in enumerate(paths, start=1):
        if cancelled is not None and cancelled():
            report.cancelled = True
            break
        name = Path(path).name
        try:
            data = _read(Path(path))
            photo_id = _import(database, store, actor, patient_id, name, data, columns, consent)
        except PhotoFileError as exc:
            report.refused.append(photos.Refused(name, exc.code, str(exc)))
        except photos.DuplicatePhotoError as exc:
            report.duplicates.append(photos.Duplicate(name, exc.existing_id))
        else:
            report.imported.append(photo_id)
        if progress is not None:
            progress(done, total, name)
    return report


def command_line_importer(database: Database, username: str) -> Actor:
    """Who ``clinic-desk photos import --by USERNAME`` imports as. A photo records the
    staff member who imported it, and their role decides (a receptionist is refused). Like
    every subcommand it acts for whoever can reach the database, so asks no password; the
    audit rows name this machine's command line as the workstation."""
    with reading(database) as connection:
        row = connection.execute(
            sa.select(Staff.id, Staff.username, Staff.display_name, Staff.role).where(
                Staff.username == username.strip().lower(), Staff.active.is_(True)
            )
        ).first()
    if row is None:
        raise NotFoundError(f"No active staff member with the user name {username!r}.")
    return Actor(row.id, row.username, row.display_name, row.role, Actor.command_line().workstation)


def _keyed_store(database: Database) -> PhotoStore:
    """The store with the clinic's key in hand: a station without it is refused now, before
    any decoding, and the key is not read again inside each photo's transaction."""
    store = store_for(database)
    store.key()
    return store


def _consent(database: Database, patient_id: uuid.UUID, confirmed: bool) -> str:
    """How the import stands with the patient's consent, for the audit row."""
    with reading(database) as connection:
        consent = photos.consent_of(connection, patient_id)
    if consent.record:
        return "granted"
    if not confirmed:
        raise photos.PhotoConsentRequiredError(patient_id)
    return "confirmed_without_record_consent"


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PhotoFileError(
                "too_large",
                path.name,
                f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB; it is not a photo "
                "Clinic Desk takes.",
                megapixels=None,
                limit=photo_files.MAX_PIXELS // 1_000_000,
            )
        return path.read_bytes()
    except OSError as exc:
        raise PhotoFileError(
            "unreadable",
            path.name,
            f"{path.name} could not be read: {exc.strerror or exc}.",
            reason=exc.strerror or str(exc),
        ) from exc


def _import(
    database: Database,
    store: PhotoStore,
    actor: Actor,
    patient_id: uuid.UUID,
    name: str,
    data: bytes,
    columns: dict[str, object],
    consent: str,
) -> uuid.UUID:
    """A JPEG's original is known from its header: it is written while another thread
    decodes the display copy and thumbnail (Pillow and the database driver both let go of
    the GIL), so an import costs about the longer of the two, not their sum. Other formats
    are rendered first. Any failure rolls the whole photo back."""
    digest = photo_files.content_hash(data)
    existing = _existing(database, patient_id, digest)
    if existing is not None:  # before the work of decoding it
        raise photos.DuplicatePhotoError(name, existing)
    header = photo_files.read_header(data, name, digest)
    if header is None:  # the original itself needs the pixels
        whole = photo_files.render(data, name, digest)
        header = Header(*(getattr(whole, f) for f in Header.__dataclass_fields__))
        rendered: Future[ProcessedPhoto] = Future()
        rendered.set_result(whole)
    else:
        rendered = _RENDERING.submit(photo_files.render, data, name, digest, header=header)
    photo_id = uuid.uuid4()
    try:
        with unit_of_work(database) as session:
            photo_tags.check_links(
                session, patient_id, columns["visit_id"], columns["treatment_id"]
            )
            session.add(
                Photo(
                    id=photo_id,
                    patient_id=patient_id,
                    taken_at=header.taken_at or utcnow(),
                    camera=header.camera,
                    source_name=name[:255],
                    content_hash=digest,
                    width=header.width,
                    height=header.height,
                    imported_by_id=actor.staff_id,
                    updated_by_id=actor.staff_id,
                    **columns,
                )
            )
            session.flush()  # a station importing the same file just now fails here
            store.put(session, photo_id, {BlobKind.ORIGINAL: header.original})
            done = rendered.result()  # a file damaged further in fails here: all rolled back
            store.put(
                session, photo_id, {BlobKind.DISPLAY: done.display, BlobKind.THUMB: done.thumb}
            )
            audit.record(
                session,
                actor,
                "import_photo",
                "photo",
                photo_id,
                patient=patient_id,
                file=name,
                stage=columns["stage"],
                angle=columns["angle"],
                consent=consent,
            )
    except IntegrityError:
        existing = _existing(database, patient_id, digest)
        if existing is None:
            raise
        raise photos.DuplicatePhotoError(name, existing) from None
    finally:
        wait([rendered])  # never leave a render running behind a failed import
    return photo_id


def _existing(database: Database, patient_id: uuid.UUID, digest: str) -> uuid.UUID | None:
    with reading(database) as connection:
        return connection.scalar(
            sa.select(Photo.id).where(Photo.patient_id == patient_id, Photo.content_hash == digest)
        )


# At the end: photos re-exports this module's functions, whichever is imported first.
from desktop_app.services import photos  # noqa: E402
