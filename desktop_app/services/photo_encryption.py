"""Sealing the photos a clinic stored before encryption at rest, once, at start.

A database upgraded from before issue 10 holds plain photo blobs. ``encrypt_existing``
seals them under the clinic's key a few at a time, each batch its own transaction, so a
run stopped half-way (the station switched off, the user quit) has lost nothing and the
next start carries on where it stopped; reads meanwhile open sealed blobs and pass plain
ones through. When none is left it sets ``photo_store.SEALED_FLAG``, and from then on a
plain blob is refused as tampered: nobody can slip an unsealed picture in behind the key.
Any station may run it (it changes no record, only how the bytes are kept), so it checks
no permission; it needs the key (``clinic_key.KeyMissingError`` otherwise).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from desktop_app.db import Database
from desktop_app.models import BlobKind, ClinicSetting, PhotoBlob
from desktop_app.services import audit, clinic_key, crypto
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.photo_store import SEALED_FLAG, aad

BATCH = 16  # blobs per transaction: originals run to ~11 MB, so a batch stays modest

Progress = Callable[[int, int], None]  # (blobs checked so far, blobs in all), after each batch


def encrypt_existing(
    database: Database, actor: Actor | None = None, progress: Progress | None = None
) -> int:
    """Seal every photo blob not sealed yet; returns how many this run sealed (0 when
    there were none, e.g. every start after the first). One pass in key order, so each
    blob is read once; resumable and idempotent; safe on two stations at once (a blob
    sealed by the other is left alone). ``progress(checked, total)`` after each batch."""
    if sealed_flag(database):
        return 0
    key = clinic_key.data_key(database)
    with reading(database) as connection:
        total = connection.scalar(sa.select(sa.func.count()).select_from(PhotoBlob)) or 0
    sealed = checked = 0
    after: tuple[uuid.UUID, BlobKind] | None = None
    while True:
        with unit_of_work(database) as session:
            rows = session.execute(_batch(after)).all()
            for photo_id, kind, plain in rows:
                if plain:
                    sealed += _seal(session, key, photo_id, kind)
            if not rows and mark_sealed_within(session, actor):
                audit.record(session, actor, "seal", "photo_blobs", SEALED_FLAG, sealed=sealed)
        if not rows:
            return sealed
        after = (rows[-1].photo_id, rows[-1].kind)
        checked += len(rows)
        if progress is not None:
            progress(checked, max(total, checked))


def _batch(after: tuple[uuid.UUID, BlobKind] | None) -> sa.Select:
    """The next blobs in key order, each with whether it is still plain (its first bytes
    only are compared; the data is read when it is sealed)."""
    query = sa.select(PhotoBlob.photo_id, PhotoBlob.kind, _plain().label("plain"))
    if after is not None:
        photo_id, kind = after
        query = query.where(
            sa.or_(
                PhotoBlob.photo_id > photo_id,
                sa.and_(PhotoBlob.photo_id == photo_id, PhotoBlob.kind > kind),
            )
        )
    return query.order_by(PhotoBlob.photo_id, PhotoBlob.kind).limit(BATCH)


def sealed_flag(database: Database) -> bool:
    """Whether every photo blob of this database is sealed (plain ones are refused)."""
    with reading(database) as connection:
        return connection.scalar(
            sa.select(ClinicSetting.value).where(ClinicSetting.key == SEALED_FLAG)
        ) == "1"  # fmt: skip


def mark_sealed_within(session: Session, actor: Actor | None) -> bool:
    """From now on a plain blob is tampered: at the end of ``encrypt_existing``, and at the
    first run of a new clinic (which never had a plain one). False if it already was."""
    setting = session.get(ClinicSetting, SEALED_FLAG)
    who = actor.staff_id if actor is not None else None
    if setting is None:
        session.add(ClinicSetting(key=SEALED_FLAG, value="1", updated_by_id=who))
    elif setting.value != "1":
        setting.value, setting.updated_by_id = "1", who
    else:
        return False
    session.flush()
    return True


def _seal(session: Session, key: bytes, photo_id: uuid.UUID, kind: BlobKind) -> int:
    """One blob read and written back sealed, unless another station just did (the update
    asks again that it is plain, so the later of two never re-seals)."""
    where = (PhotoBlob.photo_id == photo_id, PhotoBlob.kind == kind, _plain())
    data = session.scalar(sa.select(PhotoBlob.data).where(*where))
    if data is None:
        return 0
    sealed = crypto.seal(key, bytes(data), aad(photo_id, kind))
    result = session.execute(sa.update(PhotoBlob).where(*where).values(data=sealed))
    return result.rowcount  # type: ignore[attr-defined]


def _plain() -> sa.ColumnElement[bool]:
    """A blob not starting with the sealed format's magic (works on SQLite and PostgreSQL:
    substr of a BLOB/bytea is bytes)."""
    magic = sa.literal(crypto.MAGIC, sa.LargeBinary)
    return sa.func.substr(PhotoBlob.data, 1, len(crypto.MAGIC)) != magic
