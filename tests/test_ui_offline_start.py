"""Starting while the clinic server is away: a station that worked with it before offers
Work offline; its people sign in from the station's copy and the reminder panel works;
when the server is back the window says so and sends what was done (issue 8)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QWidget

from desktop_app.models import FollowUp, Role
from desktop_app.models.base import utcnow
from desktop_app.services import treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.reminders import CallOutcome
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from tests.test_outages import server_unreachable
from tests.test_ui_startup import make_window, sign_in

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.parametrize("database", ["postgresql"], indirect=True)


@pytest.fixture
def clinic(database):
    """A nurse with a post-op call due tomorrow, and the day-1 call moved to today."""
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    nurse = create_staff(database, manager, NewStaff("nurse", "小护士", Role.NURSE, PASSWORD))
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    draft = treatments.TreatmentDraft("玻尿酸填充", utcnow() - dt.timedelta(days=1))
    treatments.record_treatment(database, nurse, patient.id, draft)
    return database, nurse


def test_a_station_that_knew_the_server_works_offline_and_catches_up(qtbot, qapp, clinic):
    database, nurse = clinic
    url = database.url.render_as_string(hide_password=False)
    window = make_window(qtbot, qapp, url)
    sign_in(qtbot, window, PASSWORD, "nurse")  # online once: remembered, copy refreshed
    qtbot.waitUntil(lambda: window.workspace.reminders_page.desk is not None)
    window.sign_out()
    window.close()

    with server_unreachable(database):
        window = make_window(qtbot, qapp, url)
        box = window.gate.error_box
        assert box is not None and box.text() == "The database cannot be reached."
        assert "work offline" in box.informativeText()
        box.findChild(QWidget, "workOfflineButton").click()
        assert "Offline" in window.gate.sign_in.error.text()
        sign_in(qtbot, window, "wrong password here", "nurse")
        assert window.root.currentWidget() is window.gate  # the copy checks passwords too
        sign_in(qtbot, window, PASSWORD, "nurse")
        assert window.root.currentWidget() is window.workspace
        assert window.workspace.pages.currentWidget() is window.workspace.reminders_page
        assert "Offline" in window.connection_status.text()
        page = window.workspace.reminders_page
        qtbot.waitUntil(lambda: page.model.rowCount() > 0)
        row = page.model.rows[0]
        page.desk.record_call(row, CallOutcome(True, "恢复良好", satisfaction=5))
        assert page.desk.pending() == 1
        window.check_connection()  # still away
        assert "Offline" in window.connection_status.text()

    window.check_connection()  # back: up to date, sent
    assert window.connection_status.text() == "Connected"
    assert page.desk.pending() == 0
    with unit_of_work(database, write=False) as session:
        (call,) = session.scalars(sa.select(FollowUp)).all()
    assert (call.notes, call.author_id) == ("恢复良好", nurse.staff_id)


def test_a_station_that_never_knew_the_server_offers_no_offline_work(qtbot, qapp, clinic):
    database, _nurse = clinic
    with server_unreachable(database):
        window = make_window(qtbot, qapp, database.url.render_as_string(hide_password=False))
        box = window.gate.error_box
        assert box is not None and box.findChild(QWidget, "workOfflineButton") is None


def test_a_server_lost_while_working_comes_back_with_what_was_done(qtbot, qapp, clinic):
    database, nurse = clinic
    window = make_window(qtbot, qapp, database.url.render_as_string(hide_password=False))
    sign_in(qtbot, window, PASSWORD, "nurse")
    assert window.actor.staff_id == nurse.staff_id
    page = window.workspace.reminders_page
    window.workspace.show_section(3)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    with server_unreachable(database):
        window.check_connection()
        assert window.connection_status.text() == "Not connected — retrying"
        page.reload()  # the desk falls back to this station's copy
        assert not page.desk.online and page.model.rowCount() > 0
        page.desk.record_call(page.model.rows[0], CallOutcome(True, "离线记录"))
        assert page.desk.pending() == 1
    window.check_connection()  # back: the window tells the panel, which sends it
    assert window.connection_status.text() == "Connected"
    assert page.desk.pending() == 0 and page.desk.online
    with unit_of_work(database, write=False) as session:
        (call,) = session.scalars(sa.select(FollowUp)).all()
    assert call.notes == "离线记录"
