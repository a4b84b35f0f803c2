"""The clinic's data key: one random AES-256 key that encrypts its photos and backups.

It lives in each workstation's OS keyring, never in the database: the database holds only
the key's id and a check value, so a workstation with no key or the wrong one is told so
before it reads or writes a photo. The first workstation makes the key (at first run, or
the first start after the upgrade that brought encryption); the others get it from a key
file the manager exports, sealed under a passphrase (scrypt, then AES-GCM). Losing every
copy of the key loses the photos and backups: the key file is the remedy, and Settings
says so.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import uuid
from pathlib import Path

from sqlalchemy.orm import Session

from desktop_app import secrets
from desktop_app.db import Database
from desktop_app.models import ClinicSetting
from desktop_app.services import audit, crypto
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ServiceError, ValidationError
from desktop_app.services.permissions import Permission, require

SERVICE = "Clinic Desk data key"
KEY_ID = "data_key_id"  # clinic_settings rows
KEY_CHECK = "data_key_check"
FILE_FORMAT = "clinic-desk-key/1"
MIN_PASSPHRASE = 12
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}

_known: dict[str, bytes] = {}  # key id → key: the keyring is read once per process


class KeyMissingError(ServiceError):
    """This workstation does not hold the clinic's data key (or holds another one)."""

    def __init__(self, reason: str = "missing") -> None:
        self.reason = reason  # "missing", "wrong" or "no_store"
        super().__init__(
            {
                "missing": "This computer does not hold the clinic's data key, so photos and "
                "backups cannot be opened here. A manager imports the key file "
                "(Settings › Security › Import key file).",
                "wrong": "The data key on this computer is not this clinic's: import the "
                "clinic's key file (Settings › Security › Import key file).",
                "no_store": "This computer has no secure key store (keyring), so it cannot "
                "hold the clinic's data key.",
            }[reason]
        )


def data_key(database: Database) -> bytes:
    """The clinic's key from this workstation's keyring, checked against the database."""
    with unit_of_work(database, write=False) as session:
        key_id, check = _stored(session)
    if key_id is None:
        raise KeyMissingError("missing")
    return _load(key_id, check)


def ensure_key(database: Database, actor: Actor | None = None) -> bytes:
    """The clinic's key, made (and kept in this keyring) if the clinic has none yet."""
    with unit_of_work(database) as session:
        key_id, check = _stored(session)
        if key_id is not None:
            return _load(key_id, check)
        return make_key_within(session, actor)


def make_key_within(session: Session, actor: Actor | None) -> bytes:
    """A new key for a clinic that has none, inside the caller's transaction (first run)."""
    key, key_id = crypto.new_key(), uuid.uuid4().hex
    keep_key(key_id, key)
    for name, value in ((KEY_ID, key_id), (KEY_CHECK, check_value(key))):
        session.add(ClinicSetting(key=name, value=value, updated_by_id=_who(actor)))
    session.flush()
    audit.record(session, actor, "create", "data_key", key_id)
    return key


def export_key_file(database: Database, actor: Actor, path: Path, passphrase: str) -> None:
    """The key sealed under a passphrase, for the clinic's other workstations and the safe."""
    require(actor, Permission.EDIT_CLINIC_SETTINGS, database)
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "passphrase", "too_short", f"At least {MIN_PASSPHRASE} characters.",
            min=MIN_PASSPHRASE,
        )  # fmt: skip
    with unit_of_work(database) as session:
        key_id, check = _stored(session)
        if key_id is None:
            raise KeyMissingError("missing")
        key = _load(key_id, check)
        salt = crypto.new_key()[:16]
        wrapping = _wrapping_key(passphrase, salt, **_SCRYPT)
        sealed = crypto.seal(wrapping, key, key_id.encode())
        document = {
            "format": FILE_FORMAT,
            "key_id": key_id,
            "kdf": {"name": "scrypt", **_SCRYPT, "salt": base64.b64encode(salt).decode()},
            "sealed": base64.b64encode(sealed).decode(),
        }
        path.write_text(json.dumps(document, indent=1), encoding="utf-8")
        audit.record(session, actor, "export", "data_key", key_id, file=path.name)


def open_key_file(path: Path, passphrase: str) -> tuple[str, bytes]:
    """The key id and key a key file holds (for restoring a clinic's backup on a new
    workstation, before any database here knows the key)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != FILE_FORMAT:
            raise ValueError
        kdf = document["kdf"]
        salt = base64.b64decode(kdf["salt"])
        sealed = base64.b64decode(document["sealed"])
        key_id = str(document["key_id"])
        if not (kdf["n"] <= 2**20 and kdf["r"] <= 16 and kdf["p"] <= 4):
            raise ValueError  # a file asking for gigabytes of memory is not ours
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValidationError("key_file", "invalid", "This is not a Clinic Desk key file.") from exc
    wrapping = _wrapping_key(passphrase, salt, n=kdf["n"], r=kdf["r"], p=kdf["p"])
    try:
        return key_id, crypto.open_sealed(wrapping, sealed, key_id.encode())
    except crypto.TamperedError:
        raise ValidationError(
            "passphrase", "wrong", "Wrong passphrase, or the key file was changed."
        ) from None


def import_key_file(database: Database, path: Path, passphrase: str) -> None:
    """Put the clinic's key from its key file into this workstation's keyring. Anyone at
    the workstation may (the passphrase is the permission): the workstation may not be
    able to sign anyone in to show photos until it holds the key."""
    key_id, key = open_key_file(path, passphrase)
    with unit_of_work(database) as session:
        stored_id, check = _stored(session)
        if stored_id != key_id or not hmac.compare_digest(check_value(key), check or ""):
            raise ValidationError(
                "key_file", "other_clinic", "This key file belongs to another clinic database."
            )
        keep_key(key_id, key)
        audit.record(session, None, "import", "data_key", key_id)


def key_by_id(key_id: str, check: str | None) -> bytes:
    """The key with this id from the keyring, checked (a backup names the key it needs)."""
    return _load(key_id, check)


# --- inside --------------------------------------------------------------------------------


def _stored(session: Session) -> tuple[str | None, str | None]:
    key_id = session.get(ClinicSetting, KEY_ID)
    check = session.get(ClinicSetting, KEY_CHECK)
    return (key_id.value if key_id else None), (check.value if check else None)


def _load(key_id: str, check: str | None) -> bytes:
    key = _known.get(key_id)
    if key is None:
        try:
            text = secrets.get_password(key_id, SERVICE)
        except secrets.NoSecureStoreError:
            raise KeyMissingError("no_store") from None
        if text is None:
            raise KeyMissingError("missing")
        key = base64.b64decode(text)
    if not hmac.compare_digest(check_value(key), check or ""):
        raise KeyMissingError("wrong")
    _known[key_id] = key
    return key


def keep_key(key_id: str, key: bytes) -> None:
    try:
        secrets.set_password(key_id, base64.b64encode(key).decode(), SERVICE)
    except secrets.NoSecureStoreError:
        raise KeyMissingError("no_store") from None
    _known[key_id] = key


def _wrapping_key(passphrase: str, salt: bytes, *, n: int, r: int, p: int) -> bytes:
    """scrypt at 32 MiB: slow to guess, quick enough to type once per workstation."""
    return hashlib.scrypt(
        passphrase.encode(), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32
    )


def check_value(key: bytes) -> str:
    return hmac.new(key, b"clinic desk data key check", hashlib.sha256).hexdigest()


def _who(actor: Actor | None) -> object:
    return actor.staff_id if actor is not None else None


def forget_cached_keys() -> None:
    """Tests: the next read goes to the keyring again."""
    _known.clear()
