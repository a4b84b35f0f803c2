"""Where a photo's bytes live: behind ``PhotoStore``, by default the ``photo_blobs`` table.

In the database, a networked clinic shares its photos with no file share to set up, and a
photo's row and its bytes are written in one transaction, so an import that fails leaves
nothing behind. Another store (a folder, object storage) would implement the same three
calls; ``photos`` never touches the blobs but through them.
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
from desktop_app.models import BlobKind, PhotoBlob
from desktop_app.services.photo_files import Rendition

_CHUNK = 10_000  # ids per statement, well inside every backend's parameter limit


class PhotoStore(Protocol):
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
    """``photo_blobs``: one row per photo and kind, read only by these calls."""

    def put(
        self, session: Session, photo_id: uuid.UUID, renditions: Mapping[BlobKind, Rendition]
    ) -> None:
        session.execute(
            sa.insert(PhotoBlob),
            [
                {"photo_id": photo_id, "kind": kind, "media_type": r.media_type, "data": r.data}
                for kind, r in renditions.items()
            ],
        )

    def get(self, connection: Connection, photo_id: uuid.UUID, kind: BlobKind) -> Rendition | None:
        row = connection.execute(_one(), {"photo_id": photo_id, "kind": kind}).one_or_none()
        return None if row is None else Rendition(row.media_type, bytes(row.data))

    def thumbnails(
        self, connection: Connection, photo_ids: Sequence[uuid.UUID]
    ) -> dict[uuid.UUID, bytes]:
        found: dict[uuid.UUID, bytes] = {}
        ids = list(dict.fromkeys(photo_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = connection.execute(_thumbs(), {"ids": ids[start : start + _CHUNK]})
            found.update((photo_id, bytes(data)) for photo_id, data in rows)
        return found


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


_DEFAULT = DatabasePhotoStore()


def store_for(database: Database) -> PhotoStore:
    """The store this database's photos are in (the database itself, for now)."""
    return _DEFAULT
