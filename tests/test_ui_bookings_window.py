"""The appointment book's keys inside the signed-in main window, whose own shortcuts
(Ctrl+Return: the front desk's check-in, Ctrl+F: find a patient, Ctrl+N: a new patient)
must not take the book's: Delete, Ctrl+H and Ctrl+Return work on the book and on the
arrival list, also after a dialog closed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.db import Database
from desktop_app.models import BookingStatus
from desktop_app.services import bookings
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import sign_in as service_sign_in
from desktop_app.ui.booking_history import BookingHistoryDialog, CancelBookingDialog
from tests.conftest import MANAGER_PASSWORD
from tests.support.databases import sqlite_url
from tests.test_ui_startup import make_window, set_up_clinic, sign_in


def test_the_books_keys_win_over_the_windows_and_survive_dialogs(qtbot, qapp, tmp_path):
    url = sqlite_url(tmp_path)
    set_up_clinic(url)
    database = Database(url)
    boss = service_sign_in(database, "boss", MANAGER_PASSWORD)
    patient = register_patient(database, boss, PatientDraft("张三丰", mobile="13800131234"))
    start = dt.datetime.combine(dt.date.today(), dt.time(10)).astimezone(dt.UTC)
    made = bookings.book(database, boss, BookingDraft(start, 60, patient_id=patient.id))
    database.dispose()
    window = make_window(qtbot, qapp, str(url))
    sign_in(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    page = window.workspace.bookings_page
    page.show_arrivals()
    table = page.arrivals.table
    qtbot.waitUntil(lambda: page.arrivals.selected_booking() is not None)

    qtbot.keyClick(table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.side_dialog, BookingHistoryDialog) and page.side_dialog.isVisible()
    qtbot.keyClick(page.side_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert isinstance(page.side_dialog, CancelBookingDialog) and page.side_dialog.isVisible()
    qtbot.keyClick(page.side_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(table.hasFocus)
    first = page.side_dialog
    qtbot.keyClick(table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert page.side_dialog is not first and page.side_dialog.isVisible()
    qtbot.keyClick(page.side_dialog, Qt.Key.Key_Escape)

    qtbot.keyClick(table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.arrivals.selected_booking().status == BookingStatus.ARRIVED)
    assert page.arrivals.selected_booking().id == made.id
    qtbot.keyClick(table, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.day == dt.date.today() + dt.timedelta(days=1)
    qtbot.keyClick(table, Qt.Key.Key_T)
    assert page.day == dt.date.today()
