"""Backup and restore (issue 10) on SQLite and PostgreSQL: the round trip gives back every
row and photo; a changed, cut-short, foreign or too-new file is refused; a restore backs
the live database up first and leaves it untouched when it fails."""

from __future__ import annotations

import io
import json
import os
import tarfile
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from desktop_app import migrations
from desktop_app.db import Database
from desktop_app.models import BlobKind, Role
from desktop_app.services import (
    backup,
    backup_format,
    backup_postgres,
    clinic_key,
    crypto,
    photo_import,
    photos,
)
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.photos import PhotoTags
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.databases import REQUIRE_PG_ENV
from tests.support.memory_keyring import MemoryKeyring
from tests.support.photo_clinic import face


@pytest.fixture(autouse=True)
def postgres_tools(request: pytest.FixtureRequest) -> None:
    """PostgreSQL runs need pg_dump, pg_restore and psql: where the PostgreSQL tests must
    run (CLINIC_DESK_REQUIRE_PG), their absence fails the run rather than skipping."""
    callspec = getattr(request.node, "callspec", None)
    wanted = callspec is not None and callspec.params.get("database") == "postgresql"
    if not (wanted or "postgres_database" in request.fixturenames):
        return
    try:
        for name in ("pg_dump", "pg_restore", "psql"):
            backup_postgres.tool(name, 0)
    except backup_postgres.ToolMissingError as exc:
        if os.environ.get(REQUIRE_PG_ENV):
            pytest.fail(f"PostgreSQL backup tests must run here but cannot: {exc}")
        pytest.skip(str(exc))


def all_rows(database: Database) -> dict[str, list[tuple]]:
    """Every table's rows sorted by primary key (audit rows of restoring left out)."""
    metadata = sa.MetaData()
    metadata.reflect(database.engine)
    out: dict[str, list[tuple]] = {}
    with database.connect() as connection:
        for table in metadata.sorted_tables:
            query = sa.select(table).order_by(*(table.primary_key.columns or table.columns))
            if table.name == "audit_events":
                query = query.where(table.c.action.notin_(("restore", "backup")))
            out[table.name] = [tuple(row) for row in connection.execute(query)]
    return out


@pytest.fixture
def photo_ids(database, manager, patient, filler) -> list[uuid.UUID]:
    clinic_key.ensure_key(database, manager)  # first run may make it, once photos need it
    register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    return [
        photo_import.import_file(
            database,
            manager,
            patient.id,
            f"face{seed}.jpg",
            face(seed, (300, 200)),
            PhotoTags(treatment_id=filler),
            consent_confirmed=True,
        )
        for seed in (3, 4)
    ]


def photo_bytes(database, actor, ids) -> list[bytes]:
    return [photos.image(database, actor, i, kind).data for i in ids for kind in BlobKind]


def wipe(database: Database) -> None:
    """Everything gone: the SQLite file deleted, the server's schema dropped."""
    database.dispose()
    if database.sqlite_path is not None:
        database.sqlite_path.unlink()
    else:
        with database.engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    database.dispose()


def test_backup_wipe_restore_gives_back_every_row_and_photo(database, manager, photo_ids, tmp_path):
    pictures = photo_bytes(database, manager, photo_ids)  # audited views, so before rows
    before = all_rows(database)
    result = backup.backup(database, manager, tmp_path / "out" / "clinic.cdbackup")

    assert result.path.read_bytes().startswith(b"CLINICDESK-BACKUP 1\n")
    assert result.manifest.schema_revision == migrations.SCHEMA_HEAD
    assert result.manifest.database_kind == database.kind
    assert result.manifest.clinic_name == "Test Clinic 测试诊所"
    assert result.manifest.counts["patients"] == 2
    assert result.manifest.counts["photos"] == 2
    sealed = result.path.read_bytes()
    assert b"13800131234" not in sealed and "张三丰".encode() not in sealed  # nothing clear
    assert list(result.path.parent.iterdir()) == [result.path]  # no work files left

    wipe(database)
    restored = backup.restore(database, manager, result.path)

    assert restored.pre_restore is None  # nothing to keep: the database was empty
    assert all_rows(database) == before
    assert photo_bytes(database, manager, photo_ids) == pictures
    assert migrations.current_revision(database) == migrations.SCHEMA_HEAD


def test_restore_backs_the_live_database_up_first(database, manager, photo_ids, tmp_path):
    old = backup.backup(database, manager, tmp_path / "old.cdbackup")
    register_patient(database, manager, PatientDraft("王五", mobile="13700002222"))
    newer = all_rows(database)

    result = backup.restore(database, manager, old.path, backups_dir=tmp_path / "safety")

    assert result.pre_restore is not None
    assert result.pre_restore.parent == tmp_path / "safety"
    assert "before-restore" in result.pre_restore.name
    assert backup.verify(result.pre_restore).counts["patients"] == 3
    assert _count(database, "patients") == 2
    backup.restore(database, manager, result.pre_restore, backups_dir=tmp_path / "safety")
    assert all_rows(database) == newer


def test_a_failure_midway_leaves_the_live_database_as_it_was(
    database, manager, photo_ids, tmp_path, monkeypatch
):
    made = backup.backup(database, manager, tmp_path / "b.cdbackup")
    register_patient(database, manager, PatientDraft("王五", mobile="13700002222"))
    live = all_rows(database)
    if database.is_sqlite:

        def broken(staged: Database, *args: object) -> None:
            raise RuntimeError("disk failed while migrating")

        monkeypatch.setattr(migrations, "upgrade", broken)
        failure: type[Exception] = RuntimeError
    else:  # the restore's transaction fails at its last statement
        monkeypatch.setattr(backup_postgres, "_CHECK", "SELECT 1 / 0")
        failure = backup_postgres.ToolFailedError

    with pytest.raises(failure):
        backup.restore(database, manager, made.path, backups_dir=tmp_path / "safety")

    monkeypatch.undo()
    database.dispose()
    assert all_rows(database) == live
    [safety] = (tmp_path / "safety").iterdir()  # made before anything was replaced
    assert backup.verify(safety).counts["patients"] == 3


def _count(database: Database, table: str) -> int:
    with database.connect() as connection:
        return connection.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()


@pytest.fixture
def made(database, manager, tmp_path) -> Path:
    register_patient(database, manager, PatientDraft("张三", mobile="13800131234"))
    return backup.backup(database, manager, tmp_path / "clinic.cdbackup").path


@pytest.mark.parametrize("cut", [0.5, 0.999])
def test_a_truncated_backup_is_refused(database, manager, made, cut):
    data = made.read_bytes()
    made.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(crypto.TamperedError, match="changed, cut short"):
        backup.verify(made)
    with pytest.raises(crypto.TamperedError):
        backup.restore(database, manager, made)
    assert _count(database, "patients") == 1


@pytest.mark.parametrize("where", ["header", "middle", "end"])
def test_one_flipped_byte_is_refused(database, manager, made, where):
    data = bytearray(made.read_bytes())
    index = {"header": 40, "middle": len(data) // 2, "end": len(data) - 1}[where]
    data[index] ^= 0x01
    made.write_bytes(bytes(data))
    with pytest.raises((crypto.TamperedError, backup_format.NotABackupError)):
        backup.restore(database, manager, made)
    assert _count(database, "patients") == 1


def test_a_chunk_added_or_dropped_is_refused(tmp_path):
    key = crypto.new_key()
    header = backup_format.make_header("k", "c", "now")
    blob = io.BytesIO()
    backup_format.write_sealed(blob, io.BytesIO(b"x" * (backup_format.CHUNK_BYTES * 2 + 5)),
                               key, header)  # fmt: skip
    data = blob.getvalue()

    def chunks(data: bytes) -> list[bytes]:
        pieces, at = [], len(header.raw)
        while at < len(data):
            length = int.from_bytes(data[at : at + 4], "big")
            pieces.append(data[at : at + 4 + length])
            at += 4 + length
        return pieces

    def read(data: bytes) -> bytes:
        handle = io.BytesIO(data)
        read_header = backup_format.read_header(handle, "x")
        return b"".join(backup_format.read_sealed(handle, key, read_header))

    first, second, last = chunks(data)
    assert len(read(data)) == backup_format.CHUNK_BYTES * 2 + 5
    for changed in (
        header.raw + first + second,  # the last chunk dropped at a chunk boundary
        header.raw + first + last,  # one in the middle dropped
        header.raw + second + first + last,  # reordered
        data + last,  # one appended
    ):
        with pytest.raises(crypto.TamperedError):
            read(changed)


def test_a_backup_under_another_clinics_key_is_refused_by_name(database, manager, made, tmp_path):
    foreign_key = crypto.new_key()
    header = backup_format.make_header("f0e1d2c3b4a5", clinic_key.check_value(foreign_key), "now")
    other = tmp_path / "other.cdbackup"
    with other.open("wb") as out:
        backup_format.write_sealed(out, io.BytesIO(made.read_bytes()), foreign_key, header)

    with pytest.raises(backup.BackupKeyError, match="data key f0e1d2c3, which this computer"):
        backup.restore(database, manager, other)
    with pytest.raises(backup.BackupKeyError, match="This clinic's key is"):
        backup.restore(database, manager, other)


def test_a_new_workstation_restores_with_the_clinics_key_and_keeps_it(
    database, manager, photo_ids, tmp_path
):
    key = clinic_key.data_key(database)
    made = backup.backup(database, manager, tmp_path / "b.cdbackup").path
    pictures = photo_bytes(database, manager, photo_ids)
    wipe(database)
    MemoryKeyring.store.clear()  # another computer: an empty keyring
    clinic_key.forget_cached_keys()
    with pytest.raises(backup.BackupKeyError, match="which this computer does not hold"):
        backup.restore(database, manager, made)

    backup.restore(database, manager, made, key=key)  # the key from the clinic's key file

    clinic_key.forget_cached_keys()
    assert clinic_key.data_key(database) == key
    assert photo_bytes(database, manager, photo_ids) == pictures


def test_a_key_not_ours_given_for_a_backup_is_refused(database, manager, made):
    with pytest.raises(backup.BackupKeyError, match="not the one"):
        backup.verify(made, key=crypto.new_key())


def reseal(path: Path, change) -> None:
    """Open a backup, let ``change`` edit its manifest dict, seal it again properly."""
    header = backup_format.header_of(path)
    key = clinic_key.key_by_id(header.key_id, header.key_check)
    with path.open("rb") as handle:
        backup_format.read_header(handle, path.name)
        payload = b"".join(backup_format.read_sealed(handle, key, header))
    members = {}
    with tarfile.open(fileobj=io.BytesIO(payload), mode="r:gz") as tar:
        for name in tar.getnames():
            members[name] = tar.extractfile(name).read()
    manifest = json.loads(members["manifest.json"])
    change(manifest)
    members["manifest.json"] = json.dumps(manifest).encode()
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    with path.open("wb") as target:
        backup_format.write_sealed(target, io.BytesIO(out.getvalue()), key, header)


def test_a_backup_from_a_newer_schema_is_refused(database, manager, made):
    reseal(made, lambda m: m.update(schema_revision="0099"))
    with pytest.raises(backup.BackupError, match="schema revision 0099, newer than"):
        backup.restore(database, manager, made)
    assert _count(database, "patients") == 1


def test_a_dump_not_matching_its_checksum_is_refused(database, manager, made):
    reseal(made, lambda m: m.update(dump_sha256="0" * 64))
    with pytest.raises(backup.BackupError, match="does not match its checksum"):
        backup.verify(made)


def test_a_backup_of_an_older_schema_is_migrated_forward(database, manager, tmp_path):
    register_patient(database, manager, PatientDraft("张三", mobile="13800131234"))
    migrations.downgrade(database, "0013")
    old = backup.write_backup(database, None, tmp_path / "old.cdbackup")
    assert old.manifest.schema_revision == "0013"
    migrations.upgrade(database)
    register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))

    result = backup.restore(database, manager, old.path, backups_dir=tmp_path / "safety")

    assert result.migrated_to == migrations.SCHEMA_HEAD
    assert migrations.current_revision(database) == migrations.SCHEMA_HEAD
    assert _count(database, "patients") == 1


def test_only_managers_back_up_and_restore(database, manager, made, tmp_path):
    doctor = create_staff(
        database, manager, NewStaff("drwang", "王医生", Role.DOCTOR, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        backup.backup(database, doctor, tmp_path / "x.cdbackup")
    with pytest.raises(PermissionDeniedError):
        backup.restore(database, doctor, made)
    assert not (tmp_path / "x.cdbackup").exists()


def test_a_restore_into_the_other_kind_of_database_is_refused(
    sqlite_database, postgres_database, tmp_path
):
    from desktop_app.services.setup import FirstRun, complete_first_run

    boss = complete_first_run(
        sqlite_database, FirstRun("诊所", "boss", "王", "correct horse battery")
    )
    made = backup.backup(sqlite_database, boss, tmp_path / "s.cdbackup")
    # the server's clinic uses the same key (a key file imported), so only the kind differs
    other = complete_first_run(
        postgres_database, FirstRun("诊所", "boss", "王", "correct horse battery")
    )
    with pytest.raises(backup.BackupError, match="only into a sqlite database"):
        backup.restore(
            postgres_database, other, made.path, key=clinic_key.data_key(sqlite_database)
        )
