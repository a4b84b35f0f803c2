"""The clinic's data key (issue 10): made once and kept in the keyring, checked against the
database, carried to another workstation by a passphrase-sealed key file; a missing or
wrong key, a wrong passphrase and a changed file are each refused with a clear message."""

from __future__ import annotations

import json

import pytest

from desktop_app.services import clinic_key, crypto
from desktop_app.services.clinic_key import KeyMissingError
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from tests.support.memory_keyring import MemoryKeyring

PASSPHRASE = "杏花春雨江南 in 2026"


def another_workstation() -> None:
    """A fresh keyring and process: nothing of the clinic's key here."""
    MemoryKeyring.store.clear()
    clinic_key.forget_cached_keys()


def test_the_key_is_made_once_and_read_back_from_the_keyring(database, manager):
    key = clinic_key.ensure_key(database, manager)
    assert len(key) == 32 and clinic_key.ensure_key(database, manager) == key
    clinic_key.forget_cached_keys()
    assert clinic_key.data_key(database) == key  # from the keyring, checked
    sealed = crypto.seal(key, b"photo bytes", b"photo:1")
    assert crypto.open_sealed(key, sealed, b"photo:1") == b"photo bytes"
    with pytest.raises(crypto.TamperedError):
        crypto.open_sealed(key, sealed, b"photo:2")  # bound to its place
    with pytest.raises(crypto.TamperedError):
        crypto.open_sealed(key, sealed[:-1], b"photo:1")


def test_a_workstation_without_the_key_is_told_and_the_key_file_brings_it(
    database, manager, nurse, tmp_path
):
    key = clinic_key.ensure_key(database, manager)
    path = tmp_path / "clinic.cdkey"
    with pytest.raises(ValidationError) as short:
        clinic_key.export_key_file(database, manager, path, "short")
    assert short.value.code == "too_short"
    with pytest.raises(PermissionDeniedError):
        clinic_key.export_key_file(database, nurse, path, PASSPHRASE)
    clinic_key.export_key_file(database, manager, path, PASSPHRASE)
    assert key.hex() not in path.read_text() and "sealed" in path.read_text()

    another_workstation()
    with pytest.raises(KeyMissingError) as missing:
        clinic_key.data_key(database)
    assert missing.value.reason == "missing" and "key file" in str(missing.value)
    with pytest.raises(ValidationError) as wrong:
        clinic_key.import_key_file(database, path, "not the passphrase")
    assert wrong.value.code == "wrong"
    changed = json.loads(path.read_text())
    changed["sealed"] = changed["sealed"][:-8] + "AAAAAAA="
    bad = tmp_path / "changed.cdkey"
    bad.write_text(json.dumps(changed))
    with pytest.raises(ValidationError):
        clinic_key.import_key_file(database, bad, PASSPHRASE)
    (tmp_path / "junk.cdkey").write_text("hello")
    with pytest.raises(ValidationError) as junk:
        clinic_key.import_key_file(database, tmp_path / "junk.cdkey", PASSPHRASE)
    assert junk.value.code == "invalid"

    clinic_key.import_key_file(database, path, PASSPHRASE)
    clinic_key.forget_cached_keys()
    assert clinic_key.data_key(database) == key


def test_another_clinics_key_is_not_taken_for_this_one(database, manager, tmp_path):
    clinic_key.ensure_key(database, manager)
    from desktop_app.services import clinic_settings

    key_id = clinic_settings.get(database, clinic_key.KEY_ID)
    MemoryKeyring.store[(clinic_key.SERVICE, key_id)] = "AAAA" * 11  # 33 bytes of other
    clinic_key.forget_cached_keys()
    with pytest.raises(KeyMissingError) as wrong:
        clinic_key.data_key(database)
    assert wrong.value.reason == "wrong"
