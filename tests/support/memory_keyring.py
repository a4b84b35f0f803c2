"""A keyring backend for tests, chosen with PYTHON_KEYRING_BACKEND; keeps nothing on disk."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]
    store: dict[tuple[str, str], str] = {}  # noqa: RUF012 - shared on purpose across instances

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)
