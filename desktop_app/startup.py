"""Opening this station's database: which one, its password, migrating it. No Qt here.

Shared by the command line and the application window so both behave the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import URL

from desktop_app import secrets
from desktop_app.db import Database, resolve_url
from desktop_app.migrations import MigrationResult, Notify, upgrade
from desktop_app.station import StationSettings


class PasswordNeededError(Exception):
    """The clinic server needs a password this station does not have stored."""

    def __init__(self, account: str, *, no_secure_store: bool) -> None:
        super().__init__(f"The password for the database account {account} is needed.")
        self.account = account
        self.no_secure_store = no_secure_store


@dataclass(frozen=True)
class OpenedDatabase:
    database: Database
    migration: MigrationResult
    needs_first_run: bool


def database_url(
    override: str | None, settings: StationSettings, password: str | None = None
) -> URL:
    """The URL to use, asking the keyring for a configured server's password."""
    url = resolve_url(override, settings, password)
    if url.get_backend_name() != "postgresql" or url.password is not None or override:
        return url
    account = settings.server.keyring_account()
    if not secrets.has_secure_store():
        raise PasswordNeededError(account, no_secure_store=True)
    stored = secrets.get_password(account)
    if stored is None:
        raise PasswordNeededError(account, no_secure_store=False)
    return url.set(password=stored)


def open_database(url: URL, notify: Notify | None = None) -> OpenedDatabase:
    """Connect, migrate to the newest schema (``notify`` hears whether this station
    upgrades or waits for another), install any shipped document template the database
    lacks, and say whether the clinic is set up yet."""
    from desktop_app.services.setup import needs_first_run
    from desktop_app.services.templates import install_defaults

    database = Database(url)
    try:
        migration = upgrade(database, notify=notify)
        install_defaults(database)
        return OpenedDatabase(database, migration, needs_first_run(database))
    except BaseException:
        database.dispose()
        raise
