"""The watched camera folder (issue 6): new photos on this PC, assigned to a patient.

A tethered camera or a phone sync writes files into one folder on this workstation.
``InboxScanner.scan`` lists those ready to import (settled, not hidden or temporary) in
the order they were taken; ``assign`` imports a set through ``photos.import_files`` and
then takes each file that is safely in the database off this PC's disk (or moves it into
the folder's ``imported`` subfolder when the station keeps them), so face photos do not
pile up on a shared PC (PIPL). No Qt: the UI calls both on its Runner, since a network
share can take seconds to answer or not answer at all.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from PIL import ExifTags, Image, ImageOps

from desktop_app.db import Database
from desktop_app.models import Photo
from desktop_app.services import photo_files, photos
from desktop_app.services.context import Actor, reading
from desktop_app.services.errors import ServiceError
from desktop_app.services.permissions import Permission, require
from desktop_app.station import AfterImport

STABLE_SECONDS = 2.0  # a file not written to for this long is complete
LOOK_GAP = 0.8  # or: the same size and time at two looks at least this far apart
EMPTY_GRACE = 30.0  # a zero-byte file is a camera still opening it, unless it stays empty
KEPT_FOLDER = "imported"  # where kept files go, out of the inbox (the scan is not recursive)
_PARTIAL_SUFFIXES = frozenset(
    {".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".filepart", ".!sync"}
)
_FILE_ATTRIBUTE_HIDDEN = 0x2  # Windows


class CameraFolderError(ServiceError):
    """The folder is not set, gone (USB unplugged, share offline) or cannot be read."""

    def __init__(self, folder: Path | None, code: str, detail: str = "") -> None:
        self.folder = folder
        self.code = code  # "not_set" | "missing" | "not_folder" | "unreadable"
        self.detail = detail
        texts = {
            "not_set": "No camera folder is set for this computer (Settings).",
            "missing": f"The camera folder {folder} cannot be found: is the camera, USB "
            "drive or network share connected?",
            "not_folder": f"The camera folder {folder} is not a folder.",
            "unreadable": f"The camera folder {folder} cannot be read: {detail}",
        }
        super().__init__(texts[code])


@dataclass(frozen=True)
class InboxFile:
    path: Path
    size: int
    modified_ns: int
    taken_at: datetime  # EXIF DateTimeOriginal when the file has it, else its modified time

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def key(self) -> tuple[str, int, int]:
        """This version of the file: a rewritten file is a new one (preview, refusal)."""
        return (self.path.name, self.size, self.modified_ns)


@dataclass(frozen=True)
class Scan:
    ready: list[InboxFile]  # in the order taken
    waiting: int  # image files still being written: look again soon


@dataclass(frozen=True)
class NotRemoved:
    file_name: str
    message: str


@dataclass
class AssignReport:
    imported: photos.ImportReport
    removed: list[str] = field(default_factory=list)  # off this PC's disk
    kept: list[str] = field(default_factory=list)  # moved into KEPT_FOLDER
    not_removed: list[NotRemoved] = field(default_factory=list)  # in the record, still here
    changed: list[str] = field(default_factory=list)  # changed or gone since listed: skipped


@dataclass(frozen=True)
class Preview:
    """Upright RGB pixels, small: what a tile or the ghost overlay shows."""

    width: int
    height: int
    rgb: bytes


def is_candidate(name: str) -> bool:
    """An image by its name, and not a hidden, temporary or partial file."""
    if name.startswith((".", "~")):
        return False
    suffixes = [s.lower() for s in Path(name).suffixes]
    if not suffixes or suffixes[-1] not in photo_files.IMAGE_SUFFIXES:
        return False
    return not _PARTIAL_SUFFIXES.intersection(suffixes)


def check_folder(folder: Path | None) -> Path:
    """The folder, or a CameraFolderError saying what is wrong with it."""
    if folder is None:
        raise CameraFolderError(None, "not_set")
    try:
        info = folder.stat()
    except FileNotFoundError:
        raise CameraFolderError(folder, "missing") from None
    except OSError as exc:
        raise CameraFolderError(folder, "unreadable", exc.strerror or str(exc)) from exc
    if not stat.S_ISDIR(info.st_mode):
        raise CameraFolderError(folder, "not_folder")
    return folder


class InboxScanner:
    """Lists one folder's new photos; remembers the last look to tell finished files.

    One scan at a time (the UI keeps one in flight); the clock is injectable for tests.
    """

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.folder = folder
        self.clock = clock
        self._looks: dict[str, tuple[int, int, float]] = {}  # name -> size, mtime, since
        self._taken: dict[tuple[str, int, int], datetime] = {}

    def scan(self) -> Scan:
        check_folder(self.folder)
        now = self.clock()
        ready: list[InboxFile] = []
        waiting = 0
        looks: dict[str, tuple[int, int, float]] = {}
        try:
            with os.scandir(self.folder) as entries:
                found = [(e.name, e.stat()) for e in entries if _listable(e)]
        except FileNotFoundError:
            raise CameraFolderError(self.folder, "missing") from None
        except OSError as exc:
            raise CameraFolderError(self.folder, "unreadable", exc.strerror or str(exc)) from exc
        for name, info in found:
            size, mtime = info.st_size, info.st_mtime_ns
            last = self._looks.get(name)
            since = last[2] if last and last[:2] == (size, mtime) else now
            looks[name] = (size, mtime, since)
            age = now - mtime / 1e9
            settled = age >= STABLE_SECONDS or now - since >= LOOK_GAP
            if not settled or (size == 0 and age < EMPTY_GRACE):
                waiting += 1
                continue
            path = self.folder / name
            key = (name, size, mtime)
            if key not in self._taken:
                self._taken[key] = _taken_at(path) or datetime.fromtimestamp(mtime / 1e9, UTC)
            ready.append(InboxFile(path, size, mtime, self._taken[key]))
        self._looks = looks
        self._taken = {f.key: f.taken_at for f in ready}
        ready.sort(key=lambda f: (f.taken_at, f.name))
        return Scan(ready, waiting)


def _listable(entry: os.DirEntry[str]) -> bool:
    if not is_candidate(entry.name):
        return False
    try:
        if not entry.is_file():
            return False
        attributes = getattr(entry.stat(), "st_file_attributes", 0)
    except OSError:
        return False
    return not attributes & _FILE_ATTRIBUTE_HIDDEN


def _taken_at(path: Path) -> datetime | None:
    """EXIF DateTimeOriginal (camera local time) from the header; None when absent."""
    if path.suffix.lower() in (".heic", ".heif") and not _heif_opener():
        return None
    try:
        with Image.open(path) as image:
            exif = image.getexif()
            inner = exif.get_ifd(ExifTags.IFD.Exif)
            text = inner.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
            fraction = str(inner.get(ExifTags.Base.SubsecTimeOriginal) or "").strip()
        taken = datetime.strptime(str(text).strip(), "%Y:%m:%d %H:%M:%S")
        if fraction.isdigit():  # bursts: several photos in one second
            taken = taken.replace(microsecond=int(fraction[:6].ljust(6, "0")))
        return taken.astimezone(UTC)
    except Exception:  # no EXIF, not an image yet, damaged: the file's time will do
        return None


def read_preview(path: Path, long_side: int) -> Preview | None:
    """Upright pixels at most ``long_side`` wide or high; None when it cannot be shown.

    JPEG draft mode decodes at 1/2…1/8 scale straight away, so a 24 MP photo costs a
    fraction of a full decode. Anything over photo_files.MAX_PIXELS is not decoded at all.
    """
    if path.suffix.lower() in (".heic", ".heif") and not _heif_opener():
        return None
    try:
        with Image.open(path) as image:
            if image.width * image.height > photo_files.MAX_PIXELS:
                return None
            image.draft("RGB", (long_side, long_side))
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((long_side, long_side))
            rgb = upright.convert("RGB")
            return Preview(rgb.width, rgb.height, rgb.tobytes())
    except Exception:  # damaged, truncated, not an image: import will say why
        return None


@functools.cache
def _heif_opener() -> bool:
    """Teach Pillow HEIC (iPhones) once, if pillow-heif is installed."""
    try:
        import pillow_heif
    except ImportError:
        return False
    pillow_heif.register_heif_opener()
    return True


def assign(
    database: Database,
    actor: Actor,
    patient_id: uuid.UUID,
    folder: Path,
    files: Sequence[InboxFile],
    tags: photos.PhotoTags,
    *,
    after_import: AfterImport = "remove",
    consent_confirmed: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AssignReport:
    """Import the files for the patient, then clear them from the folder.

    Only a file the import reported imported or duplicate, whose bytes as they are now
    are this patient's photo in the database, leaves the folder; a refused one stays for
    the user to see why. A file that cannot be removed is reported, not fatal.
    Raises PhotoConsentRequiredError (nothing read) when the record consent is missing.
    """
    require(actor, Permission.ADD_PHOTOS, database)
    check_folder(folder)
    current, changed = [], []
    for item in files:
        try:
            info = item.path.stat()
        except OSError:
            changed.append(item.name)
            continue
        if (info.st_size, info.st_mtime_ns) != (item.size, item.modified_ns):
            changed.append(item.name)
        else:
            current.append(item.path)
    report = photos.import_files(
        database,
        actor,
        patient_id,
        current,
        tags,
        consent_confirmed=consent_confirmed,
        progress=progress,
        cancelled=cancelled,
    )
    result = AssignReport(report, changed=changed)
    handled = len(report.imported) + len(report.duplicates) + len(report.refused)
    refused = {r.file_name for r in report.refused}
    candidates = [p for p in current[:handled] if p.name not in refused]
    for path in _in_record(database, patient_id, candidates):
        try:
            if after_import == "keep":
                path.rename(_free_name(folder / KEPT_FOLDER, path.name))
                result.kept.append(path.name)
            else:
                path.unlink()
                result.removed.append(path.name)
        except OSError as exc:
            result.not_removed.append(NotRemoved(path.name, exc.strerror or str(exc)))
    return result


def _in_record(database: Database, patient_id: uuid.UUID, paths: list[Path]) -> list[Path]:
    """The paths whose bytes, read again now, are one of the patient's stored photos."""
    hashes: dict[Path, str] = {}
    for path in paths:
        try:
            with path.open("rb") as handle:
                hashes[path] = hashlib.file_digest(handle, "sha256").hexdigest()
        except OSError:
            continue  # gone meanwhile: nothing to remove
    if not hashes:
        return []
    query = sa.select(Photo.content_hash).where(
        Photo.patient_id == patient_id, Photo.content_hash.in_(set(hashes.values()))
    )
    with reading(database) as connection:
        stored = set(connection.scalars(query))
    return [path for path, digest in hashes.items() if digest in stored]


def _free_name(folder: Path, name: str) -> Path:
    """A path in ``folder`` (created) that does not overwrite an earlier kept file."""
    folder.mkdir(exist_ok=True)
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    number = 2
    while target.exists():
        target = folder / f"{stem} ({number}){suffix}"
        number += 1
    return target
