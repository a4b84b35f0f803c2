"""Settings › Opening hours: a manager closes Sundays and sets a lunch break; others do not
see the box."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime

from desktop_app.models import Role
from desktop_app.services.opening_hours import opening_hours
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.opening_hours_box import OpeningHoursBox
from desktop_app.ui.tasks import SyncRunner

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def test_a_manager_closes_sundays_and_sets_a_break(qtbot, database, manager):
    box = OpeningHoursBox(SyncRunner())
    qtbot.addWidget(box)
    box.bind(database, manager)
    box.show()
    assert all(b.isChecked() for b in box.open)  # 09:00–21:00 every day to start with
    box.open[6].setChecked(False)
    assert not box.times[6][0].isEnabled()
    box.times[0][0].setTime(QTime(10, 0))
    box.has_break.setChecked(True)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.status.text() == "Saved."
    hours = opening_hours(database)
    assert hours.days[6] is None and hours.days[0] == (dt.time(10), dt.time(21))
    assert hours.breaks == ((dt.time(12), dt.time(13)),)

    box.break_times[1].setTime(QTime(11, 0))  # a break ending before it starts
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert "end after they start" in box.status.text()
    assert opening_hours(database) == hours


def test_others_do_not_see_it(qtbot, database, manager):
    nurse = create_staff(
        database, manager, NewStaff("nurse", "护士", Role.NURSE, "correct horse battery")
    )
    box = OpeningHoursBox(SyncRunner())
    qtbot.addWidget(box)
    box.bind(database, nurse)
    assert box.isHidden()
