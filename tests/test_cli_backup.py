"""clinic-desk backup / restore: exit codes, what they print, errors without tracebacks.

Run in-process (``cli.main``): the data key lives in the test's in-memory keyring, which a
fresh process would not share.
"""

from __future__ import annotations

import json

import pytest

from desktop_app import cli
from desktop_app.migrations import SCHEMA_HEAD
from desktop_app.services import backup_postgres
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from tests.test_backup import _count, postgres_tools  # noqa: F401 (an autouse fixture)


@pytest.fixture
def run(database, manager, capsys):
    """``clinic-desk --database-url URL ARGS``: exit code, stdout, stderr."""
    register_patient(database, manager, PatientDraft("张三", mobile="13800131234"))
    url = database.url.render_as_string(hide_password=False)

    def run(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--database-url", url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_backup_then_restore_with_yes(database, run, manager, tmp_path):
    target = tmp_path / "b.cdbackup"
    code, out, err = run("backup", "--out", str(target))
    assert (code, err) == (0, "")
    assert f"Backed up and verified: {target}" in out
    assert "1 patients" in out and f"schema {SCHEMA_HEAD}" in out

    register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    if database.is_sqlite:  # the "app" (this test's engine) still has the file open
        code, out, err = run("restore", str(target), "--yes")
        assert code == 1 and "is in use by another program" in err
        database.dispose()
    code, out, err = run("restore", str(target), "--yes")
    assert (code, err) == (0, "")
    assert "The data as it was before is backed up in" in out
    assert "before-restore" in out
    assert _count(database, "patients") == 1


def test_backup_json_prints_the_manifest(run, tmp_path):
    code, out, _err = run("backup", "--out", str(tmp_path / "b.cdbackup"), "--json")
    manifest = json.loads(out)
    assert code == 0
    assert manifest["counts"]["patients"] == 1
    assert manifest["schema_revision"] == SCHEMA_HEAD
    assert manifest["path"] == str(tmp_path / "b.cdbackup")
    assert len(manifest["dump_sha256"]) == 64


def test_restore_asks_first_and_no_means_nothing_changes(
    database, run, manager, tmp_path, monkeypatch
):
    target = tmp_path / "b.cdbackup"
    run("backup", "--out", str(target))
    register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))

    database.dispose()  # the app closed its connection, as the restore needs
    code, _out, err = run("restore", str(target))  # no terminal to ask on
    assert code == 1 and "confirm with --yes" in err

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    code, out, err = run("restore", str(target))
    assert code == 1 and "not restored" in err
    assert "1 patients" in out  # it said what the backup holds
    assert _count(database, "patients") == 2

    monkeypatch.setattr("builtins.input", lambda prompt: "y")
    database.dispose()
    assert run("restore", str(target))[0] == 0
    assert _count(database, "patients") == 1


def test_a_damaged_backup_is_a_message_not_a_traceback(run, tmp_path):
    target = tmp_path / "b.cdbackup"
    run("backup", "--out", str(target))
    target.write_bytes(target.read_bytes()[:-10])
    code, out, err = run("restore", str(target), "--yes")
    assert code == 1 and out == ""
    assert err.startswith("clinic-desk: The backup file could not be decrypted")
    assert "Traceback" not in err

    (tmp_path / "notes.txt").write_text("hello")
    code, _out, err = run("restore", str(tmp_path / "notes.txt"), "--yes")
    assert code == 1 and "is not a Clinic Desk backup file" in err

    code, _out, err = run("restore", str(tmp_path / "missing.cdbackup"), "--yes")
    assert code == 1 and "Cannot read" in err


def test_without_pg_dump_the_server_backup_says_what_to_install(
    postgres_database, capsys, tmp_path, monkeypatch
):
    from desktop_app.services.setup import FirstRun, complete_first_run

    complete_first_run(postgres_database, FirstRun("诊所", "boss", "王", "correct horse battery"))
    monkeypatch.setattr(backup_postgres.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(backup_postgres.shutil, "which", lambda name: None)
    monkeypatch.delenv(backup_postgres.BIN_ENV, raising=False)
    url = postgres_database.url.render_as_string(hide_password=False)

    code = cli.main(["--database-url", url, "backup", "--out", str(tmp_path / "b.cdbackup")])

    err = capsys.readouterr().err
    assert code == 1
    assert "pg_dump of PostgreSQL 15 or newer was not found" in err
    assert "postgresql-client-15" in err
    assert not (tmp_path / "b.cdbackup").exists()


def test_a_new_computer_restores_with_the_key_file(database, run, manager, tmp_path, monkeypatch):
    from desktop_app.services import clinic_key
    from tests.support.memory_keyring import MemoryKeyring

    target, key_file = tmp_path / "b.cdbackup", tmp_path / "clinic.cdkey"
    assert run("backup", "--out", str(target))[0] == 0
    clinic_key.export_key_file(database, manager, key_file, "a long passphrase")
    database.dispose()
    MemoryKeyring.store.clear()  # another computer: no key in its keyring
    clinic_key.forget_cached_keys()

    code, _out, err = run("restore", str(target), "--yes")
    assert code == 1 and "does not hold" in err and "Traceback" not in err
    monkeypatch.setenv("CLINIC_DESK_KEY_PASSPHRASE", "a wrong passphrase")
    code, _out, err = run("restore", str(target), "--yes", "--key-file", str(key_file))
    assert code == 1 and "passphrase" in err.lower()
    monkeypatch.setenv("CLINIC_DESK_KEY_PASSPHRASE", "a long passphrase")
    code, _out, err = run("restore", str(target), "--yes", "--key-file", str(key_file))
    assert (code, err) == (0, ""), err
    clinic_key.forget_cached_keys()
    assert len(clinic_key.data_key(database)) == 32  # kept on this computer now
