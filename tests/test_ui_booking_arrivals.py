"""The Appointments section's arrival list, cancelling a booking and reading its history
(issue 9): A shows the day's bookings by time with who is here or late, Enter checks the
chosen patient in, typing narrows the list, Delete cancels with a reason, Ctrl+H shows who
did what."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.models import BookingStatus
from desktop_app.services import bookings, queue
from desktop_app.ui.booking_history import BookingHistoryDialog, CancelBookingDialog
from tests import test_ui_bookings as ui
from tests.support.keyboard import type_text

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
book, at, stored = ui.book, ui.at, ui.stored


def texts(page) -> list[list[str]]:
    model = page.arrivals.proxy
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_a_lists_the_days_bookings_and_enter_checks_the_patient_in(qtbot, database, book):
    page, front, _doctors, ten, noon = book
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_A)
    assert page.stack.currentWidget() is page.arrivals
    assert [row[:4] for row in texts(page)] == [
        ["10:00–11:00", f"张三丰 · {ten.record_no}", "", "B 医生"],
        ["12:00–13:00", f"李四 · {noon.record_no}", "", "B 医生"],
    ]
    page.arrivals.model.tick(at(10, 16))  # more than a quarter hour after 10:00
    assert [row[6] for row in texts(page)] == ["Late 16 min", "Expected"]
    page.arrivals.model.tick(at(12, 20))
    assert [row[6] for row in texts(page)] == ["Late 2 h 20 min", "Late 20 min"]
    page.arrivals.model.tick(at(10, 16))
    assert page.arrivals.selected_booking().id == ten.id  # the first still expected

    qtbot.keyClick(page.arrivals.table, Qt.Key.Key_Return)

    assert stored(database, front, ten.id).status == BookingStatus.ARRIVED
    assert [c.patient_id for c in queue.todays_board(database, front).cards] == [ten.patient_id]
    assert texts(page)[0][6].startswith("Here since")
    assert "张三丰" in page.message.text()


def test_typing_digits_of_a_mobile_finds_the_patient_and_enter_checks_in(qtbot, database, book):
    page, front, _doctors, ten, noon = book
    page.show_arrivals()
    qtbot.keyClick(page.arrivals.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.arrivals.find.hasFocus()
    type_text(qtbot, page.arrivals.find, "1111")  # 李四's mobile ends 1111
    assert [row[1] for row in texts(page)] == [f"李四 · {noon.record_no}"]
    qtbot.keyClick(page.arrivals.find, Qt.Key.Key_Return)
    assert stored(database, front, noon.id).status == BookingStatus.ARRIVED
    assert stored(database, front, ten.id).status == BookingStatus.BOOKED


def test_delete_cancels_the_booking_with_a_reason_and_it_leaves_the_book(qtbot, database, book):
    page, front, _doctors, ten, _noon = book
    page.grid.setFocus()
    page.grid.select_booking(ten.id)
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    dialog = page.side_dialog
    assert isinstance(dialog, CancelBookingDialog) and dialog.isVisible()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason given
    assert dialog.isVisible() and dialog.form.errors["reason"].isVisible()
    assert stored(database, front, ten.id).status == BookingStatus.BOOKED

    dialog.reason.setCurrentIndex(1)  # "The patient asked to reschedule"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    kept = bookings.bookings_between(database, front, at(0), at(23), include_cancelled=True)
    gone = next(row for row in kept if row.id == ten.id)
    assert gone.status == BookingStatus.CANCELLED
    assert ten.id not in {item.row.id for item in page.grid.items}
    assert "Cancelled" in page.message.text()
    [*_, event] = bookings.history(database, front, ten.id)
    assert (event.action, event.reason) == ("cancel", "The patient asked to reschedule")


def test_an_arrived_booking_is_not_cancelled(qtbot, database, book):
    page, _front, _doctors, ten, _noon = book
    page.grid.setFocus()
    page.grid.select_booking(ten.id)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page.grid.select_booking(ten.id)
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)
    assert page.side_dialog is None
    assert "still to come" in page.message.text()


def test_ctrl_h_shows_who_moved_the_booking_and_from_when(qtbot, database, book):
    page, front, _doctors, ten, _noon = book
    bookings.move(database, front, ten.id, ten.version, at(15), 60, "病人要求")
    page.reload()
    page.grid.setFocus()
    page.grid.select_booking(ten.id)
    qtbot.keyClick(page.grid, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    dialog = page.side_dialog
    assert isinstance(dialog, BookingHistoryDialog)
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert [row[1:3] for row in rows] == [["前台小王", "booked"], ["前台小王", "moved"]]
    assert rows[1][3].endswith("10:00–11:00") and rows[1][4] == "病人要求"


def test_delete_and_ctrl_h_work_from_the_arrival_list_and_focus_comes_back(qtbot, book):
    page, _front, _doctors, ten, _noon = book
    page.show_arrivals()
    page.arrivals.select_booking(ten.id)
    qtbot.keyClick(page.arrivals.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.side_dialog, BookingHistoryDialog)
    page.side_dialog.reject()
    assert page.arrivals.table.hasFocus()
    qtbot.keyClick(page.arrivals.table, Qt.Key.Key_Delete)
    assert isinstance(page.side_dialog, CancelBookingDialog)
    page.side_dialog.reject()
    assert page.arrivals.table.hasFocus()
