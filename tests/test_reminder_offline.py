"""The reminder panel without its server: the station's cache, offline sign-in, the outbox
and its replay (exactly once, in order, conflicts held for a person). The server goes
away with ``server_unreachable`` (the shared PostgreSQL refusing this test's database);
tests/test_reminder_offline_cluster.py stops a whole private server and kills the app.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
import sqlalchemy as sa

from desktop_app.db import Database, DatabaseUnavailableError, parse_url
from desktop_app.models import FollowUp, Reaction, Reminder, ReminderStatus, Staff, SyncReceipt
from desktop_app.services import reminders, staff
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import AuthenticationError, PermissionDeniedError
from desktop_app.services.reminder_cache import (
    OfflineCacheError,
    ReminderCache,
    cache_path,
    credentials,
    remember_sign_in,
    sign_in_offline,
)
from desktop_app.services.reminder_desk import ReminderDesk
from desktop_app.services.reminder_outbox import EntryState, Outbox
from desktop_app.services.reminders import CallOutcome, Scope, Section
from tests.conftest import MANAGER_PASSWORD
from tests.test_outages import server_unreachable

PASSWORD = "correct horse battery"  # the nurse's, as tests/support/document_clinic.py makes her
TODAY = dt.date.today()
on_postgres = pytest.mark.parametrize("database", ["postgresql"], indirect=True)


def counted(database: Database, model: type) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model))


def reminder(database: Database, reminder_id) -> Reminder:
    with unit_of_work(database, write=False) as session:
        return session.get(Reminder, reminder_id)


def by_step(rows, step):
    return next(r for r in rows if r.step == step)


def test_one_file_per_server_so_two_clinics_never_mix(isolated_station):
    here = Database(parse_url("postgresql://a@10.0.0.5:5432/clinic"))
    other_user = Database(parse_url("postgresql://b:secret@10.0.0.5/clinic"))
    other_db = Database(parse_url("postgresql://a@10.0.0.5:5432/clinic2"))
    other_host = Database(parse_url("postgresql://a@10.0.0.6:5432/clinic"))
    assert cache_path(here) == cache_path(other_user)  # the same clinic, whoever connects
    assert len({cache_path(here), cache_path(other_db), cache_path(other_host)}) == 3
    assert cache_path(here).parent == isolated_station / "data" / "offline"
    assert "secret" not in str(cache_path(other_user))


def test_who_signed_in_here_can_sign_in_offline(database, manager, nurse, tmp_path):
    signed_in = staff.sign_in(database, "nurse", PASSWORD)
    cache = ReminderCache(tmp_path / "offline.sqlite3")
    cache.remember(signed_in, credentials(database, signed_in))

    actor = cache.sign_in_offline(" Nurse ", PASSWORD)
    assert (actor.staff_id, actor.display_name, actor.role) == (
        nurse.staff_id,
        "护士小李",
        nurse.role,
    )
    with pytest.raises(AuthenticationError):
        cache.sign_in_offline("nurse", "wrong horse battery")
    with pytest.raises(AuthenticationError):
        cache.sign_in_offline("boss", MANAGER_PASSWORD)  # never signed in on this PC
    assert ReminderCache(tmp_path / "offline.sqlite3").users() == [actor]  # on disk


def test_a_cache_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "offline.sqlite3"
    ReminderCache(path)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    with pytest.raises(OfflineCacheError, match="newer"):
        ReminderCache(path)


@on_postgres
def test_the_panel_works_offline_and_every_change_arrives_once(
    database, manager, nurse, patient, filler
):
    call_me = reminders.add_manual(database, nurse, patient.id, TODAY, "术后复诊电话")
    not_home = reminders.add_manual(database, nurse, patient.id, TODAY, "问恢复情况")
    remember_sign_in(database, staff.sign_in(database, "nurse", PASSWORD))
    desk = ReminderDesk(database, nurse)
    assert desk.refresh() == 5  # the two above, post-op day 1, 3, 7 (day 30 is too far)

    with server_unreachable(database):
        me = sign_in_offline(database, "nurse", PASSWORD)
        desk = ReminderDesk(database, me)
        today = desk.rows(Scope.MINE, Section.TODAY)
        assert desk.online is False
        assert {r.id for r in today} == {call_me, not_home}
        upcoming = desk.rows(Scope.MINE, Section.UPCOMING)
        assert [r.step for r in upcoming] == [1, 3, 7]
        assert desk.counts() == {Section.OVERDUE: 0, Section.TODAY: 2, Section.UPCOMING: 3}

        rows = {r.id: r for r in today}
        reached = CallOutcome(True, "恢复良好", Reaction.MILD, satisfaction=5, next_step="D7")
        assert desk.record_call(rows[call_me], reached).status == ReminderStatus.DONE
        again = desk.record_call(rows[not_home], CallOutcome(False))
        assert (again.attempts, again.due_on) == (1, TODAY + dt.timedelta(days=1))
        later = TODAY + dt.timedelta(days=10)
        desk.snooze(by_step(upcoming, 1), later)
        with pytest.raises(DatabaseUnavailableError):
            desk.reassign(by_step(upcoming, 3), role=nurse.role)
        with pytest.raises(reminders.ValidationError):
            desk.snooze(by_step(upcoming, 3), TODAY)  # the service's rule, offline too

        assert desk.rows(Scope.MINE, Section.TODAY) == []  # shown at once
        shown = desk.rows(Scope.MINE, Section.UPCOMING)
        assert [(r.id, r.attempts) for r in shown if r.id == not_home] == [(not_home, 1)]
        assert by_step(shown, 1).due_on == later
        assert desk.pending() == 3
        with pytest.raises(DatabaseUnavailableError):
            desk.sync()
        assert desk.pending() == 3 and desk.online is False

    assert counted(database, FollowUp) == 0  # nothing reached the server while it was away
    report = desk.sync()
    assert (report.applied, report.repeated, report.conflicts) == (3, 0, 0)
    assert report.refreshed == 4 and desk.online is True and desk.pending() == 0
    assert reminder(database, call_me).status == ReminderStatus.DONE
    assert (reminder(database, not_home).attempts, reminder(database, not_home).due_on) == (
        1,
        TODAY + dt.timedelta(days=1),
    )
    assert reminder(database, by_step(upcoming, 1).id).due_on == later
    with unit_of_work(database, write=False) as session:
        calls = session.scalars(sa.select(FollowUp).order_by(FollowUp.called_at)).all()
        receipts = session.scalars(sa.select(SyncReceipt)).all()
    assert [(c.reached, c.notes, c.satisfaction, c.author_id) for c in calls] == [
        (True, "恢复良好", 5, nurse.staff_id),
        (False, "", None, nurse.staff_id),
    ]
    assert all(c.called_at < c.recorded_at for c in calls)  # the original time, not the sync's
    assert len(receipts) == 3 and {r.staff_id for r in receipts} == {nurse.staff_id}

    assert desk.sync() == report.__class__(0, 0, 0, 4)  # nothing twice
    assert counted(database, FollowUp) == 2


@on_postgres
def test_two_changes_on_one_reminder_replay_as_a_chain(database, manager, nurse, patient, filler):
    desk = ReminderDesk(database, nurse)
    desk.refresh()
    with server_unreachable(database):
        row = by_step(desk.rows(Scope.MINE, Section.UPCOMING), 3)
        desk.record_call(row, CallOutcome(False))
        moved = by_step(desk.rows(Scope.MINE, Section.UPCOMING), 3)
        assert moved.version == row.version  # the server's version it was made on
        desk.snooze(moved, TODAY + dt.timedelta(days=5))
    report = desk.sync()
    assert (report.applied, report.conflicts) == (2, 0)
    after = reminder(database, row.id)
    assert (after.attempts, after.due_on, after.version) == (
        1,
        TODAY + dt.timedelta(days=5),
        row.version + 2,
    )


@on_postgres
def test_a_change_made_on_the_server_meanwhile_is_held_for_a_person(
    database, manager, nurse, patient, filler
):
    desk = ReminderDesk(database, nurse)
    desk.refresh()
    stale = by_step(desk.rows(Scope.MINE, Section.UPCOMING), 1)
    theirs = TODAY + dt.timedelta(days=6)
    reminders.snooze(database, manager, stale.id, stale.version, theirs)

    with server_unreachable(database):
        desk.record_call(stale, CallOutcome(True, "好"))
        desk.rows(Scope.MINE, Section.UPCOMING)
    report = desk.sync()
    assert (report.applied, report.conflicts) == (0, 1)
    assert counted(database, FollowUp) == 0  # never overwritten silently
    [conflict] = desk.conflicts()
    assert (conflict.reminder_id, conflict.action, conflict.mine) == (
        stale.id,
        "call",
        "call: reached",
    )
    assert conflict.author == "护士小李"
    assert (conflict.server.due_on, conflict.server.version) == (theirs, stale.version + 1)

    desk.resolve(conflict, keep_mine=True)  # the call was made: keep it
    assert desk.conflicts() == []
    assert reminder(database, stale.id).status == ReminderStatus.DONE
    assert counted(database, FollowUp) == 1
    desk.resolve(conflict, keep_mine=True)  # a second click changes nothing
    assert counted(database, FollowUp) == 1
    assert [e.result for e in desk.outbox.entries(EntryState.SENT)] == ["kept by 护士小李"]


@on_postgres
def test_later_changes_on_a_conflicting_reminder_are_held_too_and_can_be_discarded(
    database, manager, nurse, patient, filler
):
    desk = ReminderDesk(database, nurse)
    desk.refresh()
    row = by_step(desk.rows(Scope.MINE, Section.UPCOMING), 7)
    reminders.record_call(database, manager, row.id, row.version, CallOutcome(True))
    other = by_step(desk.rows(Scope.MINE, Section.UPCOMING), 3)

    with server_unreachable(database):
        desk.record_call(row, CallOutcome(False))
        desk.snooze(row, TODAY + dt.timedelta(days=9))
        desk.record_call(other, CallOutcome(False))
    report = desk.sync()
    assert (report.applied, report.conflicts) == (1, 2)
    held = desk.conflicts()
    assert [c.mine for c in held] == [
        "call: not reached",
        f"snooze to {TODAY + dt.timedelta(days=9)}",
    ]
    for conflict in held:
        desk.resolve(conflict, keep_mine=False)
    assert desk.conflicts() == [] and desk.pending() == 0
    assert len(desk.outbox.entries(EntryState.DISCARDED)) == 2
    closed = reminder(database, row.id)
    assert (closed.status, closed.attempts, closed.version) == (
        ReminderStatus.DONE,
        0,
        row.version + 1,
    )


@on_postgres
def test_a_change_the_server_took_before_the_station_knew_is_not_applied_twice(
    database, manager, nurse, patient, filler
):
    desk = ReminderDesk(database, nurse)
    desk.refresh()
    row = by_step(desk.rows(Scope.MINE, Section.UPCOMING), 1)
    with server_unreachable(database):
        desk.record_call(row, CallOutcome(False))
        desk.snooze(row, TODAY + dt.timedelta(days=4))
    [first, second] = Outbox(desk.cache).entries()
    # The process died after the server committed the first change, before marking it sent:
    reminders.record_call(
        database, nurse, row.id, first.base_version, first.outcome, key=first.key, at=first.made_at
    )
    report = desk.sync()
    assert (report.applied, report.repeated, report.conflicts) == (1, 1, 0)
    assert counted(database, FollowUp) == 1 and counted(database, SyncReceipt) == 2
    assert reminder(database, row.id).due_on == TODAY + dt.timedelta(days=4)
    assert second.key in {e.key for e in Outbox(desk.cache).entries(EntryState.SENT)}


@on_postgres
def test_everyone_offline_is_for_managers_only(database, manager, nurse, patient, filler):
    ReminderDesk(database, nurse).refresh()
    ReminderDesk(database, manager).refresh()  # the manager signs in on the same PC
    with server_unreachable(database):
        nurse_desk = ReminderDesk(database, nurse)
        nurse_desk.online = False
        with pytest.raises(PermissionDeniedError):
            nurse_desk.rows(Scope.EVERYONE, Section.UPCOMING)
        boss = ReminderDesk(database, manager)
        assert boss.rows(Scope.MINE, Section.UPCOMING) == []
        assert [r.step for r in boss.rows(Scope.EVERYONE, Section.UPCOMING)] == [1, 3, 7]


@on_postgres
def test_a_deactivated_account_can_no_longer_sign_in_offline(database, manager, nurse):
    remember_sign_in(database, staff.sign_in(database, "nurse", PASSWORD))
    assert sign_in_offline(database, "nurse", PASSWORD).staff_id == nurse.staff_id
    with unit_of_work(database) as session:
        session.get(Staff, nurse.staff_id).active = False
    ReminderDesk(database, manager).refresh()
    with pytest.raises(AuthenticationError):
        sign_in_offline(database, "nurse", PASSWORD)


@on_postgres
def test_offline_before_any_copy_says_so(database, manager, nurse):
    desk = ReminderDesk(database, nurse)
    with (
        server_unreachable(database),
        pytest.raises(DatabaseUnavailableError, match="no offline copy"),
    ):
        desk.rows(Scope.MINE, Section.TODAY)
    assert desk.online is False


def test_an_embedded_database_has_no_offline_copy(sqlite_database, tmp_path):
    from desktop_app.services.setup import FirstRun, complete_first_run

    boss = complete_first_run(sqlite_database, FirstRun("C", "boss", "Boss", MANAGER_PASSWORD))
    desk = ReminderDesk(sqlite_database, boss)
    assert desk.cache is None and desk.pending() == 0 and desk.refresh() == 0
    assert desk.sync().refreshed == 0 and desk.conflicts() == []
    remember_sign_in(sqlite_database, boss)  # nothing to remember for
    assert not (tmp_path / "data" / "offline").exists()
    cached = ReminderDesk(sqlite_database, boss, cache=ReminderCache(tmp_path / "c.sqlite3"))
    assert cached.refresh() == 0 and cached.cache.users()[0].username == "boss"
