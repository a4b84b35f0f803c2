"""The database password and the clinic's data key in the operating system's keyring, and
nowhere else.

Where the OS has no keyring backend (headless Linux, some CI) this module says so with
NoSecureStoreError; callers then ask the user each time. There is deliberately no
plaintext fallback.
"""

from __future__ import annotations

SERVICE = "Clinic Desk database"


class NoSecureStoreError(RuntimeError):
    """The operating system offers no keyring to keep the password in."""

    def __init__(self) -> None:
        super().__init__(
            "This computer has no secure password store (keyring), so Clinic Desk cannot "
            "remember the database password; it will ask for it each time."
        )


def _backend():
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        raise NoSecureStoreError
    return backend


def has_secure_store() -> bool:
    try:
        _backend()
    except NoSecureStoreError:
        return False
    return True


def get_password(account: str, service: str = SERVICE) -> str | None:
    from keyring.errors import KeyringError

    try:
        return _backend().get_password(service, account)
    except KeyringError as exc:
        raise NoSecureStoreError from exc


def set_password(account: str, password: str, service: str = SERVICE) -> None:
    from keyring.errors import KeyringError

    try:
        _backend().set_password(service, account, password)
    except KeyringError as exc:
        raise NoSecureStoreError from exc
