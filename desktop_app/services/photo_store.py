"""Where a photo's bytes live: behind ``PhotoStore``, by default the ``photo_blobs`` table.

In the database, a networked clinic shares its photos with no file share to set up, and a
photo's row and its bytes are written in one transaction, so an import that fails leaves
nothing behind. Another store (a folder, object storage) would implement the same three
calls; ``photos`` never touches the blobs but through them.

Every rendition is sealed (AES-GCM, ``crypto.seal``) under the clinic's data key, bound to
its photo and kind, so the stored bytes are not an image to whoever copies the database,
and bytes moved onto another row do not open. Without the key, reads and writes raise
``clinic_key.KeyMissingError``; nothing is ever written unsealed. A database from before
encryption holds plain blobs until ``photo_encryption.encrypt_existing`` has sealed them
all: until then a plain blob is passed through, after it (``SEALED_FLAG`` set) a plain
blob is refused as tampered.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping, Sequence
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import BlobKind, ClinicSetting, PhotoBlob
from desktop_app.services import clinic_key, crypto
from desktop_app.services.photo_files import Rendition

_CHUNK = 10_000  # ids per statement, well inside every backend's parameter limit
SEALED_FLAG = "photos_sealed"  # clinic_settings: "1" once no plain blob is left
WHAT = "A stored photo"  # crypto.TamperedError's subject


def aad(photo_id: uuid.UUID, kind: BlobKind) -> bytes:
    """What binds a blob to its place: another photo's or kind's row does not open it."""
    return f"{photo_id}:{BlobKind(kind).value}".encode()


class PhotoStore(Protocol):
    def key(self) -> bytes:
        """The clinic's data key the store seals with; KeyMissingError on a station without it."""

    def put(
        self, session: Session, photo_id: uuid.UUID, renditions: Mapping[BlobKind, Rendition]
    ) -> None:
        """Store a new photo's renditions in the caller's transaction."""

    def get(self, connection: Connection, photo_id: uuid.UUID, kind: BlobKind) -> Rendition | None:
        """One rendition, or None if the photo has none of that kind."""

    def thumbnails(
        self, connection: Connection, photo_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, bytes]:
        """The thumbnails (JPEG bytes) of these photos, in one statement; missing ones absent."""


class DatabasePhotoStore:
    """``photo_blobs``: one row per photo and kind, sealed, read only by these calls."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self._key: bytes | None = None  # asked once per store (one service call)
        self._all_sealed: bool | None = None  # SEALED_FLAG, asked at the first plain blob

    def key(self) -> bytes:
        """The clinic's key (KeyMissingError without it), read once for this store."""
        if self._key is None:
            self._key = clinic_key.data_key(self.database)
        return self._key

    def put(
        self, session: Session, photo_id: uuid.UUID, renditions: Mapping[BlobKind, Rendition]
    ) -> None:
        key = self.key()  # KeyMissingError before anything is written
        session.execute(
            sa.insert(PhotoBlob),
            [
                {
                    "photo_id": photo_id,
                    "kind": kind,
                    "media_type": r.media_type,
                    "data": crypto.seal(key, r.data, aad(photo_id, kind)),
                }
                for kind, r in renditions.items()
            ],
        )

    def get(self, connection: Connection, photo_id: uuid.UUID, kind: BlobKind) -> Rendition | None:
        row = connection.execute(_one(), {"photo_id": photo_id, "kind": kind}).one_or_none()
        if row is None:
            return None
        return Rendition(row.media_type, self._open(connection, photo_id, kind, bytes(row.data)))

    def thumbnails(
        self, connection: Connection, photo_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, bytes]:
        found: dict[uuid.UUID, bytes] = {}
        ids = list(dict.fromkeys(photo_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = connection.execute(_thumbs(), {"ids": ids[start : start + _CHUNK]})
            found.update((photo_id, bytes(data)) for photo_id, data in rows)
        return {i: self._open(connection, i, BlobKind.THUMB, data) for i, data in found.items()}

    def _open(
        self, connection: Connection, photo_id: uuid.UUID, kind: BlobKind, data: bytes
    ) -> bytes:
        if crypto.is_sealed(data):
            if self._key is None:  # through this connection: no second session per call
                found: dict[str, str] = {
                    name: value for name, value in connection.execute(_key_rows())
                }
                if found.get(clinic_key.KEY_ID) is None:
                    raise clinic_key.KeyMissingError("missing")
                key_id, check = found[clinic_key.KEY_ID], found.get(clinic_key.KEY_CHECK)
                self._key = clinic_key.key_by_id(key_id, check)
            return crypto.open_sealed(self._key, data, aad(photo_id, kind), what=WHAT)
        if self._all_sealed is None:  # asked only on meeting a plain blob: rare, then never
            self._all_sealed = connection.scalar(_flag()) == "1"
        if self._all_sealed:
            raise crypto.TamperedError(WHAT)
        return data  # not sealed yet: encrypt_existing has not finished on this database


@functools.cache
def _key_rows() -> sa.Select:
    """The key's id and check value (what ``clinic_key.data_key`` reads in a session)."""
    return sa.select(ClinicSetting.key, ClinicSetting.value).where(
        ClinicSetting.key.in_([clinic_key.KEY_ID, clinic_key.KEY_CHECK])
    )


@functools.cache
def _flag() -> sa.Select:
    return sa.select(ClinicSetting.value).where(ClinicSetting.key == SEALED_FLAG)


@functools.cache
def _one() -> sa.Select:
    return sa.select(PhotoBlob.media_type, PhotoBlob.data).where(
        PhotoBlob.photo_id == sa.bindparam("photo_id"), PhotoBlob.kind == sa.bindparam("kind")
    )


@functools.cache
def _thumbs() -> sa.Select:
    """Built once; the id list is one expanding parameter (one statement per call)."""
    return sa.select(PhotoBlob.photo_id, PhotoBlob.data).where(
        PhotoBlob.kind == BlobKind.THUMB,
        PhotoBlob.photo_id.in_(sa.bindparam("ids", expanding=True)),
    )


def store_for(database: Database) -> PhotoStore:
    """The store this database's photos are in (the database itself, for now)."""
    return DatabasePhotoStore(database)
