"""The Appointments section (issue 9): the day and week views, booking from the keyboard,
moving by keyboard and by dragging with the mouse, resizing, and a refused clash."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from desktop_app.models import ResourceKind, Role
from desktop_app.services import bookings
from desktop_app.services.bookings import BookingDraft
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.booking_dialog import find_data
from desktop_app.ui.booking_grid import SLOT_H, slot_of
from desktop_app.ui.bookings_page import BookingsPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)
PASSWORD = "correct horse battery"
TODAY = dt.date.today()


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TODAY, dt.time(hour, minute)).astimezone().astimezone(dt.UTC)


@pytest.fixture
def book(qtbot, database, manager):
    """Two doctors, a room, two patients booked with doctor B at 10:00 and 12:00, the page."""
    front = create_staff(
        database, manager, NewStaff("front", "前台小王", Role.RECEPTIONIST, PASSWORD)
    )
    doctors = [
        create_staff(database, manager, NewStaff(user, name, Role.DOCTOR, PASSWORD))
        for user, name in (("a", "A 医生"), ("b", "B 医生"))
    ]
    bookings.add_resource(database, manager, ResourceKind.ROOM, "治疗室1")
    first = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    second = register_patient(database, manager, PatientDraft("李四", mobile="13900001111"))
    doctor_b = doctors[1].staff_id
    ten = bookings.book(database, front, BookingDraft(at(10), 60, first.id, doctor_id=doctor_b))
    noon = bookings.book(database, front, BookingDraft(at(12), 60, second.id, doctor_id=doctor_b))
    page = BookingsPage(SyncRunner())
    qtbot.addWidget(page)
    page.resize(1000, 1300)
    page.show()
    qtbot.waitExposed(page)
    page.bind(database, front)
    return page, front, doctors, ten, noon


def stored(database, front, booking_id):
    day = bookings.bookings_between(database, front, at(0), at(23, 59))
    return next(row for row in day if row.id == booking_id)


def centre_of(page, booking_id) -> QPoint:
    item = next(i for i in page.grid.items if i.row.id == booking_id)
    page.grid.ensureVisible(item.sceneBoundingRect())
    return page.grid.mapFromScene(item.sceneBoundingRect().center())


def drag(qtbot, page, start: QPoint, slots: int) -> None:
    viewport = page.grid.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    end = start + QPoint(0, int(slots * SLOT_H))
    QTest.mouseMove(viewport, start + QPoint(0, int(slots * SLOT_H / 2)))
    QTest.mouseMove(viewport, end)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_the_day_shows_each_doctors_bookings_in_their_column(book):
    page, _front, doctors, ten, noon = book
    grid = page.grid
    assert [c.title for c in grid.columns] == ["A 医生", "B 医生"]
    placed = {i.row.id: i for i in grid.items}
    assert set(placed) == {ten.id, noon.id}
    item = placed[ten.id]
    assert grid.columns[item.column].key == doctors[1].staff_id
    assert item.pos().y() == grid.slot_rect(1, 4).top()  # 10:00: the fifth slot from 09:00
    assert item.pos().x() == grid.slot_rect(1, 0).left()
    assert item.rect().height() == 4 * SLOT_H
    assert any("张三丰" in line for line in item.lines)

    page.bar.kind.setCurrentIndex(2)  # rooms: the room's column, nobody booked in it
    assert [c.title for c in grid.columns] == ["治疗室1"] and grid.items == []


def test_the_week_shows_one_doctor_day_by_day(qtbot, book):
    page, _front, doctors, ten, _noon = book
    page.bar.who.setCurrentIndex(find_data(page.bar.who, doctors[1].staff_id))
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_W)
    assert page.week and len(page.grid.columns) == 7
    assert {c.key for c in page.grid.columns} == {doctors[1].staff_id}
    item = next(i for i in page.grid.items if i.row.id == ten.id)
    assert page.grid.columns[item.column].day == TODAY
    qtbot.keyClick(page.grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert page.grid.items == []  # next week: nothing booked
    qtbot.keyClick(page.grid, Qt.Key.Key_T)
    assert len(page.grid.items) == 2


def test_a_booking_is_made_from_the_keyboard(qtbot, database, book):
    page, front, doctors, _ten, _noon = book
    grid = page.grid
    grid.setFocus()
    grid.select_slot(0, 0)  # doctor A, 09:00
    for _ in range(8):  # two hours down: 11:00
        qtbot.keyClick(grid, Qt.Key.Key_Down)
    qtbot.keyClick(grid, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.combos["doctor_id"].currentData() == doctors[0].staff_id
    dialog.save_button.click()  # nobody: the lead's name is asked for at its field
    assert dialog.isVisible() and dialog.form.errors["lead_name"].isVisible()
    type_text(qtbot, dialog.lead_name, "小红书客户")
    type_text(qtbot, dialog.lead_mobile, "13700001234")
    qtbot.keyClick(dialog.lead_mobile, Qt.Key.Key_Return)
    assert not dialog.isVisible()

    made = [
        r
        for r in bookings.bookings_between(database, front, at(0), at(23, 59))
        if r.name == "小红书客户"
    ]
    assert len(made) == 1
    assert (made[0].starts_at, made[0].doctor_id) == (at(11), doctors[0].staff_id)
    assert grid.selected_booking() is not None and grid.selected_booking().id == made[0].id


def test_a_clash_in_the_dialog_names_the_booking_in_the_way(qtbot, book):
    page, _front, _doctors, _ten, _noon = book
    page.grid.setFocus()
    page.grid.select_slot(1, 6)  # doctor B at 10:30, inside 张三丰's booking
    qtbot.keyClick(page.grid, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    type_text(qtbot, dialog.lead_name, "王五")
    type_text(qtbot, dialog.lead_mobile, "13700005678")
    dialog.save_button.click()
    assert dialog.isVisible() and "张三丰" in dialog.general_error.text()


def test_alt_down_moves_the_selected_booking_a_quarter_hour(qtbot, database, book):
    page, front, _doctors, ten, _noon = book
    page.grid.setFocus()
    page.grid.select_booking(ten.id)
    qtbot.keyClick(page.grid, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    moved = stored(database, front, ten.id)
    assert (moved.starts_at, moved.ends_at) == (at(10, 15), at(11, 15))
    qtbot.keyClick(page.grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert stored(database, front, ten.id).starts_at == at(10)
    assert page.grid.selected_booking().id == ten.id
    for _ in range(5):  # before opening: moved all the same, with a warning
        qtbot.keyClick(page.grid, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert stored(database, front, ten.id).starts_at == at(8, 45)
    assert "before the clinic opens" in page.message.text()


def test_a_booking_is_dragged_to_another_time(qtbot, database, book):
    page, front, _doctors, ten, _noon = book
    drag(qtbot, page, centre_of(page, ten.id), -4)  # an hour earlier
    moved = stored(database, front, ten.id)
    assert (moved.starts_at, moved.ends_at) == (at(9), at(10))
    item = next(i for i in page.grid.items if i.row.id == ten.id)
    assert slot_of(TODAY, moved.starts_at.astimezone()) == 0
    assert item.pos().y() == page.grid.slot_rect(1, 0).top()


def test_a_drag_onto_the_doctors_other_booking_is_refused_and_named(qtbot, database, book):
    page, front, _doctors, ten, _noon = book
    drag(qtbot, page, centre_of(page, ten.id), 6)  # 11:30, into 李四's 12:00
    assert "李四" in page.message.text()
    assert stored(database, front, ten.id).starts_at == at(10)
    item = next(i for i in page.grid.items if i.row.id == ten.id)
    assert item.pos().y() == page.grid.slot_rect(1, 4).top()  # back


def test_dragging_the_bottom_edge_makes_it_longer(qtbot, database, book):
    page, front, _doctors, ten, _noon = book
    item = next(i for i in page.grid.items if i.row.id == ten.id)
    page.grid.ensureVisible(item.sceneBoundingRect())
    edge = page.grid.mapFromScene(
        item.mapToScene(item.rect().center().x(), item.rect().bottom() - 2)
    )
    drag(qtbot, page, edge, 2)
    resized = stored(database, front, ten.id)
    assert (resized.starts_at, resized.ends_at) == (at(10), at(11, 30))


def test_ctrl_return_checks_the_booked_patient_in(qtbot, database, book):
    from desktop_app.models import BookingStatus
    from desktop_app.services import queue

    page, front, _doctors, ten, _noon = book
    page.grid.setFocus()
    page.grid.select_booking(ten.id)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(database, front, ten.id).status == BookingStatus.ARRIVED
    assert "张三丰" in page.message.text()
    board = queue.todays_board(database, front)
    assert [c.patient_id for c in board.cards] == [ten.patient_id]
    qtbot.keyClick(page.grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "already" in page.message.text()  # the second press is refused, nothing doubled
    assert len(queue.todays_board(database, front).cards) == 1
