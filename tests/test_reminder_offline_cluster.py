"""Offline against a real server that really goes away (issue 8's "Done when"): a private
PostgreSQL cluster started for this test in a temporary folder — not the shared server —
loaded with reminders, then stopped; the app works the panel (the real RemindersPage, by
keyboard, offscreen) from its cache in a separate process, is killed, is started again
still offline and works some more; the cluster comes back and the station syncs. Every
change must arrive exactly once, with its original time and author, and the change to a
reminder someone else changed meanwhile must surface as a conflict. Always runs: missing
PostgreSQL binaries fail it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import URL

from desktop_app.db import Database
from desktop_app.migrations import upgrade
from desktop_app.models import FollowUp, Reaction, Reminder, ReminderStatus, Role, SyncReceipt
from desktop_app.models.base import utcnow
from desktop_app.services import reminders, staff, treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.reminder_cache import ReminderCache, remember_sign_in
from desktop_app.services.reminder_desk import ReminderDesk, SyncReport
from desktop_app.services.reminder_outbox import EntryState, Outbox
from desktop_app.services.setup import FirstRun, complete_first_run
from tests.conftest import MANAGER_PASSWORD
from tests.support.document_clinic import lot

PG_BIN = Path(os.environ.get("CLINIC_DESK_PG_BIN", "/usr/lib/postgresql/15/bin"))
REPO = Path(__file__).resolve().parent.parent
NURSE_PASSWORD = "nurse horse battery"
TODAY = dt.date.today()


class PrivateCluster:
    """A throwaway PostgreSQL server: initdb, pg_ctl start/stop, on a free port with its
    socket in its own folder and trust authentication. initdb refuses to run as root, so
    as root the tools run as the ``postgres`` user (which then owns the folder)."""

    def __init__(self) -> None:
        if not (PG_BIN / "initdb").exists():
            pytest.fail(f"PostgreSQL server binaries not found in {PG_BIN}")
        self.root = Path(tempfile.mkdtemp(prefix="clinic-desk-pg-"))
        self.data = self.root / "data"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            owner = pwd.getpwnam("postgres")
            os.chown(self.root, owner.pw_uid, owner.pw_gid)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.running = False
        self._tool("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")

    def _tool(self, name: str, *args: str) -> None:
        command = [str(PG_BIN / name), *args]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.root / "server.log")
        self._tool("pg_ctl", "-D", str(self.data), "-l", log, "-o", options, "-w", "start")
        self.running = True

    def stop(self) -> None:
        self._tool("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.running = False

    def url(self, database: str) -> URL:
        return URL.create(
            "postgresql+psycopg", username="postgres", host="127.0.0.1", port=self.port,
            database=database,
        )  # fmt: skip

    def remove(self) -> None:
        if self.running:
            self._tool("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def cluster() -> Iterator[PrivateCluster]:
    server = PrivateCluster()
    try:
        server.start()
        admin = sa.create_engine(server.url("postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text('CREATE DATABASE "clinic"'))
        admin.dispose()
        yield server
    finally:
        server.remove()


# The app process, working the panel offline by keyboard as a nurse would (the real
# RemindersPage, offscreen): sign in from the cache, Enter → the outcome dialog → Reached
# (Space), notes, satisfaction, Ctrl+Return; Not reached; "3" to snooze; then "ready" and
# wait to be killed (nothing is closed or flushed on purpose).
WORK_OFFLINE = r"""
import json, os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from desktop_app.db import Database, parse_url
from desktop_app.models import Reaction
from desktop_app.services.reminder_cache import sign_in_offline
from desktop_app.services.reminders import Section
from desktop_app.ui.reminders_page import RemindersPage
from desktop_app.ui.tasks import SyncRunner

CTRL = Qt.KeyboardModifier.ControlModifier
app = QApplication([])
database = Database(parse_url(sys.argv[1]))
page = RemindersPage(SyncRunner())
page.resize(1200, 600)
page.bind(database, sign_in_offline(database, "nurse", sys.argv[2]))
page.show()
page.activateWindow()
assert QTest.qWaitForWindowActive(page)
assert page.desk.online is False, "the server is stopped"

def choose(section, line):
    page.activateWindow()
    QTest.qWaitForWindowActive(page)
    page.show_section(section)
    app.processEvents()
    page.table.setFocus()
    page.table.selectRow(line(page.model.rows))
    app.processEvents()

def outcome(reached):
    # Enter on the line opens the outcome dialog; Space on Reached / Not reached.
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    app.processEvents()
    dialog = page.follow_up
    answer = dialog.reached if reached else dialog.not_reached
    answer.setFocus()
    QTest.keyClick(answer, Qt.Key.Key_Space)
    assert answer.isChecked()
    return dialog

choose(Section.TODAY, lambda rows: 0)
today = sorted(r.reason for r in page.model.rows)
choose(Section.TODAY, lambda rows: [r.reason for r in rows].index("回访 A"))
dialog = outcome(reached=True)
dialog.notes.setPlainText("恢复良好，轻微肿胀")
dialog.reaction.setCurrentIndex(1)  # mild
dialog.satisfaction.setCurrentIndex(dialog.satisfaction.findData(4))
dialog.next_step.setText("D7 再回访")
QTest.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
choose(Section.TODAY, lambda rows: [r.reason for r in rows].index("回访 B"))
QTest.keyClick(outcome(reached=False).notes, Qt.Key.Key_Return, CTRL)
choose(Section.TODAY, lambda rows: [r.reason for r in rows].index("回访 C"))
QTest.keyClick(page.table, Qt.Key.Key_3)  # snooze three days
choose(Section.UPCOMING, lambda rows: next(i for i, r in enumerate(rows) if r.step == 1))
QTest.keyClick(outcome(reached=True).notes, Qt.Key.Key_Return, CTRL)
app.processEvents()
page.show_section(Section.TODAY)
app.processEvents()
left = [r.reason for r in page.model.rows]
print(json.dumps({"today": today, "left": left, "pending": page.desk.pending(),
                  "offline_line": page.offline.isVisible()}))
print("ready", flush=True)
time.sleep(600)
"""

# The app started again, still offline: the outbox and the changed rows are all there.
RESTART_OFFLINE = r"""
import json, sys
from desktop_app.db import Database, parse_url
from desktop_app.services.reminder_cache import sign_in_offline
from desktop_app.services.reminder_desk import ReminderDesk
from desktop_app.services.reminders import CallOutcome, Scope, Section

database = Database(parse_url(sys.argv[1]))
desk = ReminderDesk(database, sign_in_offline(database, "nurse", sys.argv[2]))
before = desk.pending()
upcoming = desk.rows(Scope.MINE, Section.UPCOMING)
shown = sorted((r.reason, r.step, r.attempts, str(r.due_on)) for r in upcoming)
desk.record_call(next(r for r in upcoming if r.step == 3), CallOutcome(False))
today = [r.reason for r in desk.rows(Scope.MINE, Section.TODAY)]
print(json.dumps({"before": before, "after": desk.pending(), "online": desk.online,
                  "today": today, "upcoming": shown}))
"""


def app(script: str, url: URL, log: Path) -> subprocess.Popen[str]:
    """The app process, on this test's station folders (CLINIC_DESK_DATA_DIR is inherited)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-c", script, url.render_as_string(False), NURSE_PASSWORD],
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
        env=env,
        cwd=REPO,
    )


def set_up_clinic(database: Database) -> dict[str, object]:
    """A manager, a nurse, a patient, a filler treatment (post-op calls on day 1, 3, 7, 30
    for the nurse) and three calls for the nurse due today."""
    manager = complete_first_run(database, FirstRun("测试诊所", "boss", "王店长", MANAGER_PASSWORD))
    nurse = staff.create_staff(
        database, manager, staff.NewStaff("nurse", "护士小李", Role.NURSE, NURSE_PASSWORD)
    )
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    treatments.record_treatment(
        database,
        nurse,
        patient.id,
        treatments.TreatmentDraft("玻尿酸填充", utcnow(), areas=("lips",), products=(lot("A1"),)),
    )
    calls = {
        reason: reminders.add_manual(database, nurse, patient.id, TODAY, reason)
        for reason in ("回访 A", "回访 B", "回访 C")
    }
    return {"manager": manager, "nurse": nurse, "calls": calls}


def on_server(database: Database, model: type) -> list:
    with unit_of_work(database, write=False) as session:
        return list(session.scalars(sa.select(model)).all())


def test_offline_work_survives_a_kill_and_arrives_exactly_once(cluster, tmp_path):
    database = Database(cluster.url("clinic"))
    upgrade(database)
    clinic = set_up_clinic(database)
    manager, calls = clinic["manager"], clinic["calls"]

    # Online: the nurse signs in at this station, which caches her reminders.
    nurse = staff.sign_in(database, "nurse", NURSE_PASSWORD)
    remember_sign_in(database, nurse)
    assert ReminderDesk(database, nurse).refresh() == 6  # A, B, C, post-op day 1, 3, 7
    # Meanwhile the manager moves the day-1 call on the server: the station's copy is stale.
    stale = next(
        r for r in reminders.due_reminders(database, manager, scope=reminders.Scope.EVERYONE,
                                           section=reminders.Section.UPCOMING) if r.step == 1
    )  # fmt: skip
    theirs = TODAY + dt.timedelta(days=5)
    moved = reminders.snooze(database, manager, stale.id, stale.version, theirs)

    cluster.stop()  # the server really goes away
    database.dispose()

    working = app(WORK_OFFLINE, database.url, tmp_path / "work.log")
    said = working.stdout.readline()
    ready = working.stdout.readline()
    assert ready == "ready\n", (said, (tmp_path / "work.log").read_text())
    worked = json.loads(said)
    assert worked["today"] == ["回访 A", "回访 B", "回访 C"]
    assert worked["left"] == [] and worked["pending"] == 4 and worked["offline_line"]
    working.send_signal(signal.SIGKILL)  # killed while offline
    assert working.wait() == -signal.SIGKILL

    again = app(RESTART_OFFLINE, database.url, tmp_path / "restart.log")
    out, _ = again.communicate()
    assert again.returncode == 0, (tmp_path / "restart.log").read_text()
    restarted = json.loads(out)
    assert (restarted["before"], restarted["after"], restarted["online"]) == (4, 5, False)
    assert restarted["today"] == []
    tomorrow, in_three = (str(TODAY + dt.timedelta(days=n)) for n in (1, 3))
    assert [tuple(u[:3]) for u in restarted["upcoming"]] == [
        ("回访 B", 0, 1),  # not reached: tried again tomorrow
        ("回访 C", 0, 0),  # snoozed
        ("注射术后回访 · 玻尿酸填充", 3, 0),
        ("注射术后回访 · 玻尿酸填充", 7, 0),
    ]  # the day-1 call, reached, is off the list
    assert [u[3] for u in restarted["upcoming"][:2]] == [tomorrow, in_three]

    cluster.start()  # the server is back
    outbox = Outbox(ReminderCache.for_database(database))
    entries = outbox.entries()
    assert [(e.action, e.reminder_id) for e in entries] == [
        ("call", calls["回访 A"]),
        ("call", calls["回访 B"]),
        ("snooze", calls["回访 C"]),
        ("call", stale.id),
        ("call", entries[4].reminder_id),
    ]
    # The station died once after the server took a change and before marking it sent:
    last = entries[4]
    reminders.record_call(
        database, nurse, last.reminder_id, last.base_version, last.outcome, key=last.key,
        at=last.made_at,
    )  # fmt: skip

    desk = ReminderDesk(database, nurse)
    report = desk.sync()
    assert (report.applied, report.repeated, report.conflicts) == (3, 1, 1)
    assert desk.online is True and desk.pending() == 0

    # Every change exactly once, with its original time and author.
    follow_ups = on_server(database, FollowUp)
    assert sorted(f.reminder_id for f in follow_ups) == sorted(
        [calls["回访 A"], calls["回访 B"], last.reminder_id]
    )
    made = {e.reminder_id: e.made_at for e in entries}
    assert all(f.called_at == made[f.reminder_id] for f in follow_ups)
    assert {f.author_id for f in follow_ups} == {nurse.staff_id}
    reached = next(f for f in follow_ups if f.reminder_id == calls["回访 A"])
    assert (reached.notes, reached.reaction, reached.satisfaction, reached.next_step) == (
        "恢复良好，轻微肿胀",
        Reaction.MILD,
        4,
        "D7 再回访",
    )
    receipts = on_server(database, SyncReceipt)
    assert sorted(r.key for r in receipts) == sorted(e.key for e in entries if e != entries[3])
    with unit_of_work(database, write=False) as session:
        state = {r.id: r for r in session.scalars(sa.select(Reminder)).all()}
    assert state[calls["回访 A"]].status == ReminderStatus.DONE
    assert (state[calls["回访 B"]].attempts, str(state[calls["回访 B"]].due_on)) == (1, tomorrow)
    assert str(state[calls["回访 C"]].due_on) == in_three
    assert state[last.reminder_id].attempts == 1
    # The conflicting change surfaced; the server's row is as the manager left it.
    assert (state[stale.id].status, state[stale.id].due_on) == (ReminderStatus.OPEN, theirs)
    assert state[stale.id].version == moved.version
    [conflict] = desk.conflicts()
    assert (conflict.reminder_id, conflict.mine, conflict.author) == (
        stale.id,
        "call: reached",
        "护士小李",
    )
    assert (conflict.server.due_on, conflict.server.version) == (theirs, moved.version)

    # Syncing again sends nothing twice.
    assert desk.sync() == SyncReport(0, 0, 0, report.refreshed)
    assert len(on_server(database, FollowUp)) == 3 and len(on_server(database, SyncReceipt)) == 4

    # A person keeps the call that was made: recorded now, once.
    desk.resolve(conflict, keep_mine=True)
    assert desk.conflicts() == [] and len(on_server(database, FollowUp)) == 4
    assert len(outbox.entries(EntryState.SENT)) == 5
    database.dispose()
