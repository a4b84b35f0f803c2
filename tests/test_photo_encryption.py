"""Photos at rest (issue 10): every rendition sealed under the clinic's key and bound to its
row; without the key nothing is shown or stored; a database from before encryption is
sealed in resumable batches. On SQLite and PostgreSQL."""

from __future__ import annotations

import io
import uuid

import pytest
import sqlalchemy as sa
from PIL import Image, UnidentifiedImageError

from desktop_app.models import BlobKind, ClinicSetting, ConsentKind, Photo, PhotoBlob, utcnow
from desktop_app.services import clinic_key, crypto, photo_encryption, photos
from desktop_app.services.context import reading, unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.photo_store import SEALED_FLAG, aad
from desktop_app.services.photos import PhotoTags
from tests.support.memory_keyring import MemoryKeyring

KINDS = (BlobKind.ORIGINAL, BlobKind.DISPLAY, BlobKind.THUMB)


def jpeg(seed: int, size: tuple[int, int] = (640, 480)) -> bytes:
    image = Image.new("RGB", size, ((seed * 37) % 256, (seed * 91) % 256, 120))
    image.putpixel((seed % size[0], 0), (255, 255, 255))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def patient_id(database, manager):
    draft = PatientDraft("张三", mobile="13800131234", consents={ConsentKind.PHOTOS_RECORD: True})
    return register_patient(database, manager, draft).id


def stored(database, photo_id):
    with reading(database) as connection:
        rows = connection.execute(
            sa.select(PhotoBlob.kind, PhotoBlob.data).where(PhotoBlob.photo_id == photo_id)
        )
        return {BlobKind(kind): bytes(data) for kind, data in rows}


def read_back(database, actor, photo_id):
    found = {kind: photos.image(database, actor, photo_id, kind).data for kind in KINDS[:2]}
    found[BlobKind.THUMB] = photos.thumbnails(database, actor, [photo_id])[photo_id]
    return found


IS_PLAIN = sa.func.substr(PhotoBlob.data, 1, 4) != sa.literal(crypto.MAGIC, sa.LargeBinary)


def blob_count(database, *where):
    with reading(database) as connection:
        return connection.scalar(sa.select(sa.func.count()).select_from(PhotoBlob).where(*where))


def forget_key():
    MemoryKeyring.store.clear()
    clinic_key.forget_cached_keys()


def test_stored_renditions_are_not_images_and_the_app_reads_them_back(
    database, manager, patient_id
):
    photo_id = photos.import_file(database, manager, patient_id, "a.jpg", jpeg(1), PhotoTags())
    raw = stored(database, photo_id)
    assert set(raw) == set(KINDS)
    key = clinic_key.data_key(database)
    shown = read_back(database, manager, photo_id)
    for kind, data in raw.items():
        assert crypto.is_sealed(data) and b"\xff\xd8\xff" not in data  # no JPEG start anywhere
        with pytest.raises(UnidentifiedImageError):
            Image.open(io.BytesIO(data))
        assert shown[kind] == crypto.open_sealed(key, data, aad(photo_id, kind))
        assert Image.open(io.BytesIO(shown[kind])).format == "JPEG"
    assert Image.open(io.BytesIO(shown[BlobKind.ORIGINAL])).size == (640, 480)
    assert max(Image.open(io.BytesIO(shown[BlobKind.THUMB])).size) <= 256


def test_a_blob_moved_onto_another_row_or_changed_is_refused(database, manager, patient_id):
    first, second = (
        photos.import_file(database, manager, patient_id, f"{n}.jpg", jpeg(n), PhotoTags())
        for n in (1, 2)
    )
    raw = stored(database, first)

    def put(photo_id, kind, data):
        with unit_of_work(database) as session:
            session.execute(
                sa.update(PhotoBlob)
                .where(PhotoBlob.photo_id == photo_id, PhotoBlob.kind == kind)
                .values(data=data)
            )

    put(second, BlobKind.DISPLAY, raw[BlobKind.DISPLAY])  # another photo's row
    with pytest.raises(crypto.TamperedError):
        photos.image(database, manager, second, BlobKind.DISPLAY)
    put(first, BlobKind.ORIGINAL, raw[BlobKind.DISPLAY])  # its own photo, another kind
    with pytest.raises(crypto.TamperedError):
        photos.image(database, manager, first, BlobKind.ORIGINAL)
    changed = bytearray(raw[BlobKind.THUMB])
    changed[-1] ^= 1
    put(first, BlobKind.THUMB, bytes(changed))
    with pytest.raises(crypto.TamperedError):
        photos.thumbnails(database, manager, [first])
    put(first, BlobKind.DISPLAY, jpeg(3))  # a plain picture slipped in behind the key
    with pytest.raises(crypto.TamperedError):
        photos.image(database, manager, first, BlobKind.DISPLAY)


def test_without_the_key_nothing_is_shown_or_stored(database, manager, patient_id, tmp_path):
    photo_id = photos.import_file(database, manager, patient_id, "a.jpg", jpeg(1), PhotoTags())
    forget_key()  # a second workstation that never imported the key file
    with pytest.raises(clinic_key.KeyMissingError) as missing:
        photos.image(database, manager, photo_id)
    assert missing.value.reason == "missing" and "key file" in str(missing.value)
    with pytest.raises(clinic_key.KeyMissingError):
        photos.thumbnails(database, manager, [photo_id])
    with pytest.raises(clinic_key.KeyMissingError):
        photos.import_file(database, manager, patient_id, "b.jpg", jpeg(2), PhotoTags())
    path = tmp_path / "c.jpg"
    path.write_bytes(jpeg(3))
    called = []
    with pytest.raises(clinic_key.KeyMissingError):
        photos.import_files(
            database, manager, patient_id, [path], PhotoTags(), progress=lambda *a: called.append(a)
        )
    assert called == []
    with reading(database) as connection:
        assert connection.scalar(sa.select(sa.func.count()).select_from(Photo)) == 1
    assert blob_count(database) == 3


def old_clinic_photos(database, manager, patient_id, count):
    """Photos as a database from before encryption holds them: plain blobs, no key, no flag."""
    with unit_of_work(database) as session:
        session.execute(
            sa.delete(ClinicSetting).where(
                ClinicSetting.key.in_([clinic_key.KEY_ID, clinic_key.KEY_CHECK, SEALED_FLAG])
            )
        )
    forget_key()
    plain: dict[tuple[uuid.UUID, BlobKind], bytes] = {}
    with unit_of_work(database) as session:
        for n in range(count):
            photo_id = uuid.uuid4()
            session.add(
                Photo(
                    id=photo_id,
                    patient_id=patient_id,
                    taken_at=utcnow(),
                    content_hash=f"{n:064x}",
                    width=64,
                    height=48,
                    imported_by_id=manager.staff_id,
                    updated_by_id=manager.staff_id,
                )
            )
            session.flush()
            for kind in KINDS:
                plain[photo_id, kind] = jpeg(n * 3 + len(kind), (64, 48))
                session.add(
                    PhotoBlob(
                        photo_id=photo_id,
                        kind=kind,
                        media_type="image/jpeg",
                        data=plain[photo_id, kind],
                    )
                )
    return plain


def all_reads(database, actor, plain):
    ids = sorted({photo_id for photo_id, _kind in plain})
    thumbs = photos.thumbnails(database, actor, ids)
    for (photo_id, kind), data in plain.items():
        if kind is BlobKind.THUMB:
            assert thumbs[photo_id] == data
        else:
            assert photos.image(database, actor, photo_id, kind).data == data


def test_an_old_clinic_is_sealed_in_batches_and_resumes_after_an_interruption(
    database, manager, patient_id
):
    plain = old_clinic_photos(database, manager, patient_id, 12)  # 36 blobs: 3 batches
    all_reads(database, manager, plain)  # plain ones pass through until sealing finished
    clinic_key.ensure_key(database, manager)  # the first start after the upgrade

    seen = []

    def killed_after_first_batch(done, total):
        seen.append((done, total))
        raise KeyboardInterrupt  # the station switched off mid-way

    with pytest.raises(KeyboardInterrupt):
        photo_encryption.encrypt_existing(database, manager, progress=killed_after_first_batch)
    assert seen == [(photo_encryption.BATCH, 36)]
    assert blob_count(database, IS_PLAIN) == 36 - photo_encryption.BATCH
    assert not photo_encryption.sealed_flag(database)
    all_reads(database, manager, plain)  # some sealed, some not: both read

    clinic_key.forget_cached_keys()
    progress = []
    sealed = photo_encryption.encrypt_existing(
        database, None, progress=lambda d, t: progress.append((d, t))
    )
    assert sealed == 36 - photo_encryption.BATCH
    assert progress[-1] == (36, 36)  # checked all, in one pass
    assert blob_count(database, IS_PLAIN) == 0 and photo_encryption.sealed_flag(database)
    all_reads(database, manager, plain)
    for (photo_id, kind), data in plain.items():
        assert stored(database, photo_id)[kind] != data
    assert photo_encryption.encrypt_existing(database, manager) == 0  # idempotent

    first_id, kind = next(iter(plain))
    with unit_of_work(database) as session:  # a plain blob now is one slipped in
        session.execute(
            sa.update(PhotoBlob)
            .where(PhotoBlob.photo_id == first_id, PhotoBlob.kind == kind)
            .values(data=plain[first_id, kind])
        )
    with pytest.raises(crypto.TamperedError):
        photos.image(database, manager, first_id, kind)


def test_sealing_needs_the_key(database, manager, patient_id):
    old_clinic_photos(database, manager, patient_id, 1)
    with pytest.raises(clinic_key.KeyMissingError):
        photo_encryption.encrypt_existing(database, manager)
    assert blob_count(database, IS_PLAIN) == 3


def test_a_new_clinic_has_its_key_and_refuses_plain_blobs_from_the_start(database, manager):
    assert len(clinic_key.data_key(database)) == crypto.KEY_BYTES
    assert photo_encryption.sealed_flag(database)
    assert photo_encryption.encrypt_existing(database, manager) == 0
