"""The appointment book's grid and booking dialog: the clinic's opening hours shaded on the
grid, a booking dragged (or Alt+Left/Right) to another day in the week view but never to
another doctor in the day view, the item's length shown in the dialog, and the dialog's
patient and item filled in by a caller ("Book now" on a reminder)."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from desktop_app.models import TreatmentItem
from desktop_app.services import bookings, catalogue, opening_hours
from desktop_app.services.context import unit_of_work
from desktop_app.services.opening_hours import OpeningHours
from desktop_app.services.search import search_patients
from desktop_app.ui.booking_dialog import BookingDialog, find_data
from desktop_app.ui.booking_grid import SLOT_H
from desktop_app.ui.booking_paint import shut_rects
from desktop_app.ui.booking_slots import SLOTS, closed_spans
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text
from tests.test_ui_bookings import TODAY, at, centre_of
from tests.test_ui_bookings import book as book  # the fixture

sqlite = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def hm(hour: int, minute: int = 0) -> dt.time:
    return dt.time(hour, minute)


# Monday to Friday 10–19, Saturday 10–17, Sunday closed; lunch 12:00–13:00.
HOURS = OpeningHours(
    days=(*[(hm(10), hm(19))] * 5, (hm(10), hm(17)), None),
    breaks=((hm(12), hm(13)),),
)
LUNCH_EVERY_DAY = OpeningHours(days=((hm(9), hm(21)),) * 7, breaks=((hm(12), hm(13)),))


def weekday(n: int) -> dt.date:
    """A date that is weekday ``n`` (Monday = 0)."""
    return TODAY + dt.timedelta(days=n - TODAY.weekday())


def local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, hm(hour, minute)).astimezone().astimezone(dt.UTC)


def in_week(database, actor, booking_id):
    first = weekday(0)
    rows = bookings.bookings_between(
        database, actor, local(first, 0), local(first + dt.timedelta(days=7), 0)
    )
    return next(row for row in rows if row.id == booking_id)


def week_of_doctor_b(qtbot, page, doctors):
    page.resize(1400, 1300)
    page.bar.who.setCurrentIndex(find_data(page.bar.who, doctors[1].staff_id))
    page.grid.setFocus()
    qtbot.keyClick(page.grid, Qt.Key.Key_W)
    assert page.grid.week_view() and len(page.grid.columns) == 7


def drag_by(page, start: QPoint, offset: QPoint) -> None:
    viewport = page.grid.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + offset / 2)
    QTest.mouseMove(viewport, start + offset)
    QTest.mouseRelease(
        viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + offset
    )


# --- opening hours on the grid ---------------------------------------------------------


def test_the_shut_spans_of_a_day_follow_its_weekdays_hours():
    # 09:00 is slot 0; a slot is 15 minutes; 48 slots to 21:00.
    assert closed_spans(HOURS, weekday(0)) == [(0, 4), (12, 16), (40, SLOTS)]
    assert closed_spans(HOURS, weekday(5)) == [(0, 4), (12, 16), (32, SLOTS)]
    assert closed_spans(HOURS, weekday(6)) == [(0, SLOTS)]
    assert closed_spans(None, weekday(0)) == []
    assert closed_spans(LUNCH_EVERY_DAY, weekday(6)) == [(12, 16)]
    late_break = OpeningHours(
        days=((hm(8), hm(20)),) * 7, breaks=((hm(12, 10), hm(12, 40)), (hm(19, 30), hm(22)))
    )
    assert closed_spans(late_break, weekday(0)) == [(38 / 3, 44 / 3), (42, SLOTS)]


@sqlite
def test_the_break_is_shaded_on_the_grid_and_open_hours_are_not(book):
    page, _front, _doctors, _ten, _noon = book
    grid = page.grid
    grid.select_slot(1, SLOTS - 1)  # the cursor away from doctor A's column

    def colour_at(slot: int):
        centre = grid.slot_rect(0, slot).center() + QPointF(0, 0.5)
        grid.ensureVisible(grid.slot_rect(0, slot))
        return grid.viewport().grab().toImage().pixelColor(grid.mapFromScene(centre))

    unshaded = grid.palette().color(grid.backgroundRole())
    assert colour_at(13) == unshaded  # 12:15, no hours given: nothing shaded
    grid.set_hours(LUNCH_EVERY_DAY)
    assert colour_at(13) != unshaded  # 12:15: lunch
    assert colour_at(20) == unshaded  # 14:00: open
    assert [r.height() for r in shut_rects(grid.hours, grid.columns, 100)] == [4 * SLOT_H] * 2


@sqlite
def test_a_closed_day_is_shaded_whole_and_its_header_says_so(qtbot, database, manager, book):
    page, _front, doctors, _ten, _noon = book
    opening_hours.set_opening_hours(database, manager, HOURS)  # the page reads the clinic's
    week_of_doctor_b(qtbot, page, doctors)
    grid = page.grid
    sunday = grid.columns[6]
    assert grid.header_text(6) == f"{sunday.title} (closed)"
    assert grid.header_text(0) == grid.columns[0].title
    whole = [r for r in shut_rects(grid.hours, grid.columns, 100) if r.left() == 56 + 6 * 100]
    assert [(r.top(), r.height()) for r in whole] == [(30, SLOTS * SLOT_H)]


# --- to another day in the week, never to another doctor in the day ---------------------


def next_column(today: int) -> int:
    """The day after today in the week shown, or the day before on a Sunday."""
    return today + 1 if today < 6 else today - 1


@sqlite
def test_a_booking_dragged_sideways_in_the_week_goes_to_that_day(qtbot, database, book):
    page, front, doctors, ten, _noon = book
    week_of_doctor_b(qtbot, page, doctors)
    grid = page.grid
    today, target = TODAY.weekday(), next_column(TODAY.weekday())
    width = grid.column_width()
    grid.ensureVisible(grid.slot_rect(target, 4))
    offset = QPoint(int((target - today) * width), int(2 * SLOT_H))  # and half an hour later
    drag_by(page, centre_of(page, ten.id), offset)
    moved = in_week(database, front, ten.id)
    day = weekday(target)
    assert (moved.starts_at, moved.ends_at) == (local(day, 10, 30), local(day, 11, 30))
    assert moved.doctor_id == doctors[1].staff_id
    item = next(i for i in grid.items if i.row.id == ten.id)
    assert grid.columns[item.column].day == day


@sqlite
def test_a_sideways_drag_in_the_day_keeps_the_booking_with_its_doctor(qtbot, database, book):
    page, front, doctors, ten, _noon = book
    grid = page.grid
    assert not grid.week_view()
    offset = QPoint(-int(grid.column_width()), int(2 * SLOT_H))  # over doctor A, 30 min on
    drag_by(page, centre_of(page, ten.id), offset)
    moved = in_week(database, front, ten.id)
    assert (moved.starts_at, moved.doctor_id) == (at(10, 30), doctors[1].staff_id)


@sqlite
def test_alt_right_moves_the_booking_a_day_on_in_the_week(qtbot, database, book):
    page, front, doctors, ten, _noon = book
    grid = page.grid
    grid.setFocus()
    grid.select_booking(ten.id)
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert in_week(database, front, ten.id).starts_at == at(10)  # the day view: no such move

    week_of_doctor_b(qtbot, page, doctors)
    grid.select_booking(ten.id)
    sunday = TODAY.weekday() == 6
    key = Qt.Key.Key_Left if sunday else Qt.Key.Key_Right
    qtbot.keyClick(grid, key, Qt.KeyboardModifier.AltModifier)
    day = weekday(next_column(TODAY.weekday()))
    assert in_week(database, front, ten.id).starts_at == local(day, 10)
    assert grid.selected_booking().id == ten.id  # still selected, on its new day
    back = Qt.Key.Key_Right if sunday else Qt.Key.Key_Left
    qtbot.keyClick(grid, back, Qt.KeyboardModifier.AltModifier)
    assert in_week(database, front, ten.id).starts_at == at(10)


# --- the booking dialog ------------------------------------------------------------------


@pytest.fixture
def laser(database, manager) -> str:
    """A catalogue item usually booked for 45 minutes."""
    catalogue.save_item(database, manager, "皮秒激光", "激光", "1280")
    with unit_of_work(database) as session:
        session.execute(
            sa.update(TreatmentItem)
            .where(TreatmentItem.name == "皮秒激光")
            .values(default_minutes=45)
        )
    return "皮秒激光"


@sqlite
def test_choosing_the_item_shows_its_length_and_books_with_it(qtbot, database, book, laser):
    page, front, doctors, _ten, _noon = book
    page.grid.setFocus()
    page.grid.select_slot(0, 8)  # doctor A, 11:00
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.minutes.value() == 60 and dialog.minutes.text() == "60"  # no item yet
    dialog.item.setCurrentIndex(find_data(dialog.item, laser))
    assert dialog.minutes.value() == 45 and dialog.minutes.text() == "45"
    dialog.item.setCurrentIndex(0)
    assert dialog.minutes.value() == 60
    dialog.item.setCurrentIndex(find_data(dialog.item, laser))
    type_text(qtbot, dialog.lead_name, "小红书客户")
    type_text(qtbot, dialog.lead_mobile, "13700001234")
    dialog.save_button.click()
    assert not dialog.isVisible()
    made = next(r for r in bookings.bookings_between(database, front, at(0), at(23, 59))
                if r.name == "小红书客户")  # fmt: skip
    assert (made.item, made.starts_at, made.ends_at) == (laser, at(11), at(11, 45))
    assert made.doctor_id == doctors[0].staff_id


@sqlite
def test_a_length_changed_by_hand_is_what_is_booked(qtbot, database, book, laser):
    page, _front, _doctors, _ten, _noon = book
    page.grid.setFocus()
    page.grid.select_slot(0, 8)
    qtbot.keyClick(page.grid, Qt.Key.Key_Return)
    dialog = page.dialog
    dialog.item.setCurrentIndex(find_data(dialog.item, laser))
    dialog.minutes.setValue(90)
    type_text(qtbot, dialog.lead_name, "王五")
    type_text(qtbot, dialog.lead_mobile, "13700005678")
    dialog.save_button.click()
    assert dialog.saved is not None and dialog.saved.ends_at == at(12, 30)


@sqlite
def test_the_dialog_comes_with_the_patient_and_item_and_asks_for_the_doctor(
    qtbot, database, book, laser
):
    _page, front, doctors, ten, _noon = book
    hit = next(h for h in search_patients(database, front, "张三丰") if h.id == ten.patient_id)
    dialog = BookingDialog(SyncRunner(), database, front, at(15), {}, patient=hit, item=laser)
    qtbot.addWidget(dialog)
    assert dialog.patient == hit and "张三丰" in dialog.patient_box.text()
    assert not dialog.lead_name.isEnabled()
    assert dialog.item.currentData() == laser and dialog.minutes.value() == 45
    assert dialog.focusWidget() is dialog.combos["doctor_id"]
    doctor = dialog.combos["doctor_id"]
    doctor.setCurrentIndex(find_data(doctor, doctors[0].staff_id))
    dialog.save_button.click()
    made = dialog.saved
    assert made is not None
    assert (made.patient_id, made.item, made.doctor_id) == (
        ten.patient_id,
        laser,
        doctors[0].staff_id,
    )
    assert (made.starts_at, made.ends_at) == (at(15), at(15, 45))


@sqlite
def test_without_presets_the_dialog_starts_at_finding_the_patient(qtbot, database, book):
    _page, front, _doctors, _ten, _noon = book
    dialog = BookingDialog(SyncRunner(), database, front, at(15), {})
    qtbot.addWidget(dialog)
    assert dialog.patient is None and dialog.item.currentData() is None
    assert dialog.focusWidget() is dialog.find_button
