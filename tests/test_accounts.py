"""Accounts (issue 10): several roles per person, the password policy and argon2 cost,
lockout after five wrong passwords, and the managers' staff administration."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher, Type

from desktop_app.db import Database
from desktop_app.migrations import SCHEMA_HEAD, current_revision, downgrade, upgrade
from desktop_app.models import AuditEvent, Role, Staff
from desktop_app.services import passwords, staff, staff_admin
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import (
    AccountLockedError,
    AuthenticationError,
    ConflictError,
    PermissionDeniedError,
    ValidationError,
)
from desktop_app.services.permissions import Permission, allowed
from tests.conftest import MANAGER_PASSWORD

PASSWORD = "front desk pw 1"
T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now


def actions(database: Database, *names: str) -> list[AuditEvent]:
    with unit_of_work(database, write=False) as session:
        query = sa.select(AuditEvent).where(AuditEvent.action.in_(names))
        return list(session.scalars(query.order_by(AuditEvent.occurred_at)))


def person(database: Database, username: str) -> Staff:
    with unit_of_work(database, write=False) as session:
        return session.scalars(sa.select(Staff).where(Staff.username == username)).one()


def add(database: Database, manager: Actor, username: str, role: Role, *more: Role) -> Actor:
    new = staff.NewStaff(username, username.title(), role, PASSWORD, frozenset(more))
    return staff.create_staff(database, manager, new)


def version(database: Database, who: Actor) -> int:
    return person(database, who.username).version


# --- roles ---------------------------------------------------------------------------------


def test_an_actor_with_several_roles_may_do_what_any_of_them_may():
    front = Actor(None, "amy", "Amy", Role.RECEPTIONIST)
    assert front.roles == {Role.RECEPTIONIST}
    both = Actor(None, "amy", "Amy", Role.RECEPTIONIST, roles=frozenset({Role.NURSE}))
    assert both.roles == {Role.RECEPTIONIST, Role.NURSE}  # the main role always among them
    assert not allowed(front, Permission.WRITE_TREATMENT)
    assert allowed(both, Permission.WRITE_TREATMENT) and allowed(both, Permission.REGISTER_PATIENT)
    assert not allowed(both, Permission.WRITE_ASSESSMENT)
    assert not allowed(both, Permission.MANAGE_STAFF)


def test_sign_in_loads_every_role(database: Database, manager: Actor):
    made = add(database, manager, "amy", Role.RECEPTIONIST, Role.NURSE)
    assert made.roles == {Role.RECEPTIONIST, Role.NURSE}
    actor = staff.sign_in(database, "amy", PASSWORD)
    assert actor.role is Role.RECEPTIONIST and actor.roles == {Role.RECEPTIONIST, Role.NURSE}
    assert allowed(actor, Permission.WRITE_TREATMENT)
    assert staff.sign_in(database, "boss", MANAGER_PASSWORD).roles == {Role.MANAGER}


# --- passwords -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("short pw", "password_too_short"),
        ("小猫爱睡", "password_too_short"),  # four Chinese characters: eight
        (" leading space pw", "password_spaces"),
        ("aaaaaaaaaaaa", "password_repeated"),
    ],
)
def test_the_policy_refuses_weak_passwords(password: str, code: str):
    with pytest.raises(ValidationError) as refused:
        passwords.check_policy(password)
    assert (refused.value.field, refused.value.code) == ("password", code)


@pytest.mark.parametrize("password", ["ten chars!", "小猫爱睡觉", "correct horse battery"])
def test_the_policy_takes_ten_characters_or_a_chinese_phrase(password: str):
    passwords.check_policy(password)


def test_a_hash_with_old_parameters_is_redone_at_the_next_sign_in(database, manager):
    amy = add(database, manager, "amy", Role.RECEPTIONIST)
    old = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1, type=Type.ID).hash(PASSWORD)
    with unit_of_work(database) as session:
        session.get(Staff, amy.staff_id).password_hash = old
    assert passwords.needs_rehash(old)
    staff.sign_in(database, "amy", PASSWORD)
    new = person(database, "amy").password_hash
    assert new != old and not passwords.needs_rehash(new)
    assert f"m={passwords.MEMORY_COST_KIB},t={passwords.TIME_COST}" in new
    staff.sign_in(database, "amy", PASSWORD)  # the new hash verifies, and stays
    assert person(database, "amy").password_hash == new


# --- lockout -------------------------------------------------------------------------------


def test_five_wrong_passwords_lock_the_account_for_five_minutes(database, manager):
    add(database, manager, "amy", Role.RECEPTIONIST)
    clock = Clock()
    for _ in range(4):
        with pytest.raises(AuthenticationError) as refused:
            staff.sign_in(database, "amy", "wrong password", clock=clock)
        assert not isinstance(refused.value, AccountLockedError)
    with pytest.raises(AccountLockedError) as locked:
        staff.sign_in(database, "amy", "wrong password", clock=clock)
    assert locked.value.until == T0 + timedelta(minutes=5)
    assert "locked until" in str(locked.value)

    clock.now = T0 + timedelta(minutes=4, seconds=59)
    with pytest.raises(AccountLockedError) as still:  # the right password too
        staff.sign_in(database, "amy", PASSWORD, clock=clock)
    assert still.value.until == T0 + timedelta(minutes=5)

    clock.now = T0 + timedelta(minutes=5, seconds=1)
    assert staff.sign_in(database, "amy", PASSWORD, clock=clock).username == "amy"
    amy = person(database, "amy")
    assert (amy.failed_sign_ins, amy.locked_until) == (0, None)

    [lock] = actions(database, "account_locked")
    assert lock.entity_id == str(amy.id) and "2026-11-24T09:05:00" in lock.summary
    failed = actions(database, "sign_in_failed")
    assert len(failed) == 6 and ['"locked": true' in e.summary for e in failed] == [False] * 5 + [
        True
    ]


def test_a_good_sign_in_starts_the_count_again(database, manager):
    add(database, manager, "amy", Role.RECEPTIONIST)
    clock = Clock()
    for _round in range(2):
        for _ in range(4):
            with pytest.raises(AuthenticationError):
                staff.sign_in(database, "amy", "wrong password", clock=clock)
        staff.sign_in(database, "amy", PASSWORD, clock=clock)
    assert person(database, "amy").failed_sign_ins == 0
    assert actions(database, "account_locked") == []


def test_after_a_lock_runs_out_five_more_failures_are_needed(database, manager):
    add(database, manager, "amy", Role.RECEPTIONIST)
    clock = Clock()
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            staff.sign_in(database, "amy", "wrong password", clock=clock)
    clock.now += timedelta(minutes=6)
    for _ in range(4):
        with pytest.raises(AuthenticationError) as refused:
            staff.sign_in(database, "amy", "wrong password", clock=clock)
        assert not isinstance(refused.value, AccountLockedError)
    assert person(database, "amy").failed_sign_ins == 4


def test_unknown_names_and_disabled_accounts_get_the_same_answer(database, manager):
    """The time is the same (a dummy hash is checked); the words are the same."""
    amy = add(database, manager, "amy", Role.RECEPTIONIST)
    staff_admin.set_active(database, manager, amy.staff_id, False, version(database, amy))
    for name, password in [("nobody", PASSWORD), ("amy", PASSWORD), ("amy", "wrong password")]:
        with pytest.raises(AuthenticationError) as refused:
            staff.sign_in(database, name, password)
        assert type(refused.value) is AuthenticationError
        assert str(refused.value) == "Wrong user name or password."


def test_failures_at_the_same_moment_all_count_on_postgres(postgres_database, monkeypatch):
    """Each station reads the account, then takes its time over the hash: a
    read-modify-write counter would lose all but one of their failures."""
    from desktop_app.services.setup import FirstRun, complete_first_run

    database = postgres_database
    boss = complete_first_run(database, FirstRun("Clinic", "boss", "Boss", MANAGER_PASSWORD))
    add(database, boss, "amy", Role.RECEPTIONIST)
    slow_verify = passwords.verify

    def slow(password_hash: str, password: str) -> bool:
        time.sleep(0.3)
        return slow_verify(password_hash, password)

    monkeypatch.setattr(passwords, "verify", slow)

    def stations(count: int) -> list[BaseException]:
        start = threading.Barrier(count)
        results: list[BaseException] = []

        def station() -> None:
            start.wait()
            try:
                staff.sign_in(database, "amy", "wrong password")
            except AuthenticationError as exc:
                results.append(exc)

        threads = [threading.Thread(target=station) for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return results

    assert len(stations(4)) == 4
    assert person(database, "amy").failed_sign_ins == 4  # below the limit: every one counts
    results = stations(6)
    counted = [e for e in actions(database, "sign_in_failed") if '"locked"' not in e.summary]
    assert person(database, "amy").failed_sign_ins == len(counted) >= 5
    assert len(actions(database, "account_locked")) == 1
    assert sum(isinstance(e, AccountLockedError) for e in results) >= 1
    with pytest.raises(AccountLockedError):
        staff.sign_in(database, "amy", PASSWORD)


# --- staff administration ------------------------------------------------------------------


def test_only_managers_administer_staff(database, manager):
    nurse = add(database, manager, "nina", Role.NURSE)
    with pytest.raises(PermissionDeniedError):
        staff_admin.list_staff(database, nurse)
    with pytest.raises(PermissionDeniedError):
        staff_admin.set_active(database, nurse, manager.staff_id, False, 1)
    rows = staff_admin.list_staff(database, manager)
    assert [(r.username, r.roles, r.active, r.locked_until) for r in rows] == [
        ("nina", {Role.NURSE}, True, None),  # by name: "Nina" before "王店长"
        ("boss", {Role.MANAGER}, True, None),
    ]


def test_a_disabled_account_cannot_sign_in_until_enabled(database, manager):
    amy = add(database, manager, "amy", Role.RECEPTIONIST)
    row = staff_admin.set_active(database, manager, amy.staff_id, False, version(database, amy))
    assert not row.active
    with pytest.raises(AuthenticationError):
        staff.sign_in(database, "amy", PASSWORD)
    staff_admin.set_active(database, manager, amy.staff_id, True, row.version)
    assert staff.sign_in(database, "amy", PASSWORD).username == "amy"
    assert [e.action for e in actions(database, "disable", "enable")] == ["disable", "enable"]


def test_nobody_disables_themselves_or_the_last_manager(database, manager):
    with pytest.raises(ValidationError) as refused:
        staff_admin.set_active(
            database, manager, manager.staff_id, False, version(database, manager)
        )
    assert (refused.value.field, refused.value.code) == ("active", "disable_self")
    cli = Actor.command_line()
    with pytest.raises(ValidationError) as refused:
        staff_admin.set_active(database, cli, manager.staff_id, False, version(database, manager))
    assert refused.value.code == "last_manager"
    with pytest.raises(ValidationError) as refused:  # nor takes the role away
        staff_admin.set_roles(
            database, manager, manager.staff_id, [Role.DOCTOR], Role.DOCTOR,
            version(database, manager),
        )  # fmt: skip
    assert (refused.value.field, refused.value.code) == ("roles", "last_manager")

    # A receptionist who is a manager too counts: now the boss may go.
    amy = add(database, manager, "amy", Role.RECEPTIONIST, Role.MANAGER)
    staff_admin.set_active(database, amy, manager.staff_id, False, version(database, manager))
    assert not person(database, "boss").active
    with pytest.raises(ValidationError) as refused:
        staff_admin.set_active(database, cli, amy.staff_id, False, version(database, amy))
    assert refused.value.code == "last_manager"


def test_a_stale_version_is_a_conflict(database, manager):
    amy = add(database, manager, "amy", Role.RECEPTIONIST)
    seen = version(database, amy)
    staff_admin.set_roles(
        database, manager, amy.staff_id, [Role.RECEPTIONIST, Role.NURSE], Role.RECEPTIONIST, seen
    )
    for change in (
        lambda: staff_admin.set_active(database, manager, amy.staff_id, False, seen),
        lambda: staff_admin.reset_password(database, manager, amy.staff_id, "new password 1", seen),
        lambda: staff_admin.set_roles(
            database, manager, amy.staff_id, [Role.NURSE], Role.NURSE, seen
        ),
    ):
        with pytest.raises(ConflictError) as stale:
            change()
        assert stale.value.changed_by == manager.display_name
    assert person(database, "amy").active


def test_roles_are_set_with_the_main_one_among_them(database, manager):
    amy = add(database, manager, "amy", Role.RECEPTIONIST)
    seen = version(database, amy)
    with pytest.raises(ValidationError) as refused:
        staff_admin.set_roles(database, manager, amy.staff_id, [], Role.NURSE, seen)
    assert (refused.value.field, refused.value.code) == ("roles", "roles_required")
    with pytest.raises(ValidationError) as refused:
        staff_admin.set_roles(database, manager, amy.staff_id, [Role.DOCTOR], Role.NURSE, seen)
    assert (refused.value.field, refused.value.code) == ("role", "main_role_not_held")
    row = staff_admin.set_roles(
        database, manager, amy.staff_id, [Role.NURSE, Role.CONSULTANT], Role.NURSE, seen
    )
    assert (row.role, row.roles, row.version > seen) == (
        Role.NURSE, {Role.NURSE, Role.CONSULTANT}, True,
    )  # fmt: skip
    actor = staff.sign_in(database, "amy", PASSWORD)
    assert actor.role is Role.NURSE and actor.roles == {Role.NURSE, Role.CONSULTANT}
    assert allowed(actor, Permission.WRITE_TREATMENT) and allowed(actor, Permission.WRITE_PLAN)
    [event] = actions(database, "set_roles")
    assert '"before": ["receptionist"]' in event.summary and '"role": "nurse"' in event.summary


def test_a_reset_password_unlocks_the_account(database, manager):
    amy = add(database, manager, "amy", Role.RECEPTIONIST)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            staff.sign_in(database, "amy", "wrong password")
    seen = version(database, amy)
    assert seen == person(database, "amy").version  # failures do not change the version
    with pytest.raises(ValidationError) as refused:
        staff_admin.reset_password(database, manager, amy.staff_id, "short", seen)
    assert refused.value.field == "password"
    row = staff_admin.reset_password(database, manager, amy.staff_id, "a new pass phrase", seen)
    assert row.locked_until is None
    assert staff.sign_in(database, "amy", "a new pass phrase").username == "amy"
    with pytest.raises(AuthenticationError):
        staff.sign_in(database, "amy", PASSWORD)
    [event] = actions(database, "reset_password")
    assert event.staff_id == manager.staff_id and "new pass" not in event.summary


# --- the schema step -----------------------------------------------------------------------


def test_accounts_migrate_down_and_up_with_staff(database, manager):
    amy = add(database, manager, "amy", Role.RECEPTIONIST, Role.NURSE)
    downgrade(database, "0012")
    with database.connect() as connection:
        inspector = sa.inspect(connection)
        assert "staff_roles" not in inspector.get_table_names()
        columns = {c["name"] for c in inspector.get_columns("staff")}
        assert not {"failed_sign_ins", "locked_until"} & columns
        assert connection.execute(sa.text("SELECT count(*) FROM staff")).scalar() == 2
    upgrade(database)
    assert current_revision(database) == SCHEMA_HEAD
    with database.connect() as connection:
        found = connection.execute(sa.text("SELECT staff_id, role FROM staff_roles")).all()
        counts = connection.execute(sa.text("SELECT failed_sign_ins FROM staff")).all()
    # Each person keeps their main role; a second role is lost going down (0012 had none).
    assert sorted((str(s).replace("-", ""), r) for s, r in found) == sorted(
        [(manager.staff_id.hex, "manager"), (amy.staff_id.hex, "receptionist")]
    )
    assert counts == [(0,), (0,)]
    assert staff.sign_in(database, "amy", PASSWORD).roles == {Role.RECEPTIONIST}
