"""Every public service call checks the permission matrix first (issue 10): each function
taking ``(database, actor, …)`` is called once per role with an actor of that role; the
first thing it does must be ``require`` (nothing read, nothing validated, nothing written
before), and the answer — refused or let through — must be what ``permissions.MATRIX``
says for that role. A new service function without a check fails here until it gets one
(or is listed below with the reason it needs none)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from types import SimpleNamespace

import pytest

import desktop_app.services as services
from desktop_app.models import Role, TemplateKind
from desktop_app.services import permissions
from desktop_app.services.context import Actor
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.permissions import MATRIX, Permission

# Functions with (database, actor) that check nothing themselves, and why.
NO_CHECK = {
    "staff.sign_out": "anyone signs themselves out",
    "clinic_key.ensure_key": "any signed-in station makes the clinic's key on first need",
    "permissions.refuse": "it is the refusal",
    "reminder_cache.credentials": "the signed-in person's own hash, just after signing in",
    "reminder_cache.remember_sign_in": "the signed-in person, remembered for offline sign-in",
    "reminder_making.sweep": "the daily sweep any station's first sync runs",
    "screen_lock.screen_locked": "anyone's own station locks itself",
    "photo_encryption.encrypt_existing": "any signed-in station seals the photos stored "
    "before encryption, once",
    "backup.write_backup": "the station's scheduled backup and the copy before a restore "
    "(backup.backup and backup.restore check BACKUP)",
}
# The permission follows the data (a printed document's kind), read first; covered by
# tests/test_document_archive.py.
DATA_DEPENDENT = {"document_archive.attach_scan"}
# Arguments a check needs to see (the kind of document being kept).
ARGUMENTS = {"documents.keep_document": {"prepared": SimpleNamespace(kind=TemplateKind.CONSENT)}}


class CheckedError(Exception):
    """``require`` let the call through: stop before it touches anything."""


def service_functions() -> list[tuple[str, Callable[..., object]]]:
    found = []
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"desktop_app.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:2] == ["database", "actor"]:
                found.append((f"{info.name}.{name}", function))
    return sorted(found, key=lambda pair: pair[0])


FUNCTIONS = service_functions()


def call_with_junk(
    function: Callable[..., object], database: object, actor: Actor, given: dict[str, object]
) -> None:
    """Every argument after the actor is None (but ``given``): a function that checks first
    never looks at them."""
    parameters = list(inspect.signature(function).parameters.values())[2:]
    required = [p for p in parameters if p.default is p.empty]
    function(database, actor, **{p.name: given.get(p.name) for p in required})


@pytest.fixture
def checked_first(monkeypatch: pytest.MonkeyPatch) -> list[Permission]:
    """``require`` as it is, but a call it lets through stops right there."""
    asked: list[Permission] = []
    real = permissions.require

    def require(actor: Actor, permission: Permission, database: object = None) -> None:
        asked.append(permission)
        real(actor, permission, None)  # refused: PermissionDeniedError, as in the app
        raise CheckedError

    monkeypatch.setattr(permissions, "require", require)
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"desktop_app.services.{info.name}")
        if getattr(module, "require", None) is real:
            monkeypatch.setattr(module, "require", require)
    return asked


def test_the_matrix_covers_every_role_and_permission():
    assert set(MATRIX) == set(Role)
    granted = set().union(*MATRIX.values())
    assert granted == set(Permission), "a permission nobody holds"


def test_the_list_of_unchecked_functions_is_current():
    names = {name for name, _f in FUNCTIONS}
    listed = set(NO_CHECK) | DATA_DEPENDENT | set(ARGUMENTS)
    assert listed <= names, listed - names


CHECKED = [(n, f) for n, f in FUNCTIONS if n not in NO_CHECK and n not in DATA_DEPENDENT]


@pytest.mark.parametrize(("name", "function"), CHECKED, ids=[n for n, _f in CHECKED])
def test_every_service_call_checks_the_matrix_first(name, function, checked_first):
    database = object()  # touching it before the check fails loudly
    for role in Role:
        actor = Actor(None, "someone", "someone", role)
        checked_first.clear()
        with pytest.raises((CheckedError, PermissionDeniedError)) as answer:
            call_with_junk(function, database, actor, ARGUMENTS.get(name, {}))
        assert checked_first, f"{name} did not ask require() first"
        permission = checked_first[0]
        refused = isinstance(answer.value, PermissionDeniedError)
        assert refused == (permission not in MATRIX[role]), (name, role, permission)


# Public service functions on a database without an actor: none reads a patient's data.
WITHOUT_ACTOR = {
    # backups run as the station (the UI and CLI entry points check BACKUP)
    "backup_postgres.dump", "backup_postgres.restore", "backup_postgres.server_major",
    "backup_postgres.snapshot", "backup_schedule.run_if_due", "backup_schedule.run_scheduled",
    "backup_sqlite.swap",
    # the key, before anyone may be signed in; signing in itself
    "clinic_key.data_key", "clinic_key.import_key_file", "staff.sign_in",
    "reminder_cache.sign_in_offline", "reminder_cache.station_people",
    "reminder_cache.cache_path", "setup.complete_first_run", "setup.needs_first_run",
    # the clinic's settings every station reads
    "clinic_settings.get", "clinic_settings.logo_png", "opening_hours.opening_hours",
    "queue.time_limits", "screen_lock.lock_minutes", "photo_encryption.sealed_flag",
    "templates.install_defaults",
    # plumbing
    "context.reading", "context.unit_of_work", "photo_store.store_for",
    "photo_import.command_line_importer",
    # reports' query builders: SELECTs, run only by report functions that check first
    "report_common.local_day", "segments.segment_query",
}  # fmt: skip


def test_every_service_function_without_an_actor_is_known():
    found = set()
    for info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"desktop_app.services.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters[:1] == ["database"] and "actor" not in parameters:
                found.add(f"{info.name}.{name}")
    assert found == WITHOUT_ACTOR, "a service reads the database without an actor to check"


def test_only_the_desk_and_managers_export_lists():
    """A bulk export is how patients' data leaves the clinic: clinical roles need no list."""
    holders = {role for role, granted in MATRIX.items() if Permission.EXPORT_DATA in granted}
    assert holders == {Role.RECEPTIONIST, Role.MANAGER}
