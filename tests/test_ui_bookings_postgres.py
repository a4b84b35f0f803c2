"""The appointment book worked by keyboard on the clinic's PostgreSQL server (issue 9:
works on both databases): a lead booked from the grid, a clash refused and named, the
booked patient checked in from the arrival list onto the board."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.models import BookingStatus
from desktop_app.services import bookings, queue
from tests import test_ui_bookings as ui
from tests.support.keyboard import type_text

pytestmark = pytest.mark.parametrize("database", ["postgresql"], indirect=True)
book, at, stored = ui.book, ui.at, ui.stored


def test_book_clash_and_check_in_on_postgresql(qtbot, database, book):
    page, front, doctors, ten, _noon = book
    grid = page.grid
    grid.setFocus()
    grid.select_slot(0, 8)  # doctor A, 11:00
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    dialog = page.dialog
    dialog.lead_name.setFocus()
    type_text(qtbot, dialog.lead_name, "小红书客户")
    type_text(qtbot, dialog.lead_mobile, "13700001234")
    qtbot.keyClick(dialog.lead_mobile, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    day = bookings.bookings_between(database, front, at(0), at(23))
    [lead] = [row for row in day if row.patient_id is None]
    assert (lead.starts_at, lead.doctor_id) == (at(11), doctors[0].staff_id)

    grid.select_slot(1, 6)  # doctor B at 10:30, inside 张三丰's booking
    qtbot.keyClick(grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, page.dialog.lead_name, "王五")
    type_text(qtbot, page.dialog.lead_mobile, "13700005678")
    page.dialog.save_button.click()
    assert "张三丰" in page.dialog.general_error.text()
    page.dialog.reject()

    page.show_arrivals()
    page.arrivals.select_booking(ten.id)
    qtbot.keyClick(page.arrivals.table, Qt.Key.Key_Return)
    assert stored(database, front, ten.id).status == BookingStatus.ARRIVED
    assert [c.patient_id for c in queue.todays_board(database, front).cards] == [ten.patient_id]
