"""A keyring backend kept in a JSON file, for the command line run in a child process: the
test's in-memory keyring (``memory_keyring``) is copied there, so the child holds the same
clinic data key as the test."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

ENV = "CLINIC_DESK_TEST_KEYRING_FILE"


class FileKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def _load(self) -> dict[str, str]:
        path = Path(os.environ[ENV])
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}

    def _save(self, entries: dict[str, str]) -> None:
        Path(os.environ[ENV]).write_text(json.dumps(entries), encoding="utf-8")

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._save({**self._load(), f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        entries.pop(f"{service}\n{username}", None)
        self._save(entries)


def shared_with_child(path: Path) -> dict[str, str]:
    """The environment for a child process holding what the test's keyring holds now."""
    from tests.support.memory_keyring import MemoryKeyring

    entries = {
        f"{service}\n{user}": secret for (service, user), secret in MemoryKeyring.store.items()
    }
    path.write_text(json.dumps(entries), encoding="utf-8")
    return {"PYTHON_KEYRING_BACKEND": f"{__name__}.FileKeyring", ENV: str(path)}
