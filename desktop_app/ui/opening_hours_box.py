"""Settings › Opening hours (managers): each weekday open or closed, from and to, and one
break every open day; the appointment book warns about a booking outside them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
)

from desktop_app.services.opening_hours import OpeningHours, opening_hours, set_opening_hours
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner

WEEKDAYS = (
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Monday"),
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Tuesday"),
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Wednesday"),
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Thursday"),
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Friday"),
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Saturday"),
    QT_TRANSLATE_NOOP("OpeningHoursBox", "Sunday"),
)


def _time_edit(name: str) -> QTimeEdit:
    edit = QTimeEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat("HH:mm")
    return edit


class OpeningHoursBox(SettingsBox):
    permission = Permission.EDIT_CLINIC_SETTINGS

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("openingHoursBox")
        self.runner = runner
        grid = QGridLayout()
        self.open: list[QCheckBox] = []
        self.times: list[tuple[QTimeEdit, QTimeEdit]] = []
        for day in range(7):
            box = QCheckBox()
            box.setObjectName(f"open_{day}")
            pair = (_time_edit(f"opens_{day}"), _time_edit(f"closes_{day}"))
            box.toggled.connect(lambda on, p=pair: [e.setEnabled(on) for e in p])
            grid.addWidget(box, day, 0)
            grid.addWidget(pair[0], day, 1)
            grid.addWidget(QLabel("–"), day, 2)
            grid.addWidget(pair[1], day, 3)
            self.open.append(box)
            self.times.append(pair)
        self.has_break = QCheckBox()
        self.has_break.setObjectName("hasBreak")
        self.break_times = (_time_edit("breakStarts"), _time_edit("breakEnds"))
        self.has_break.toggled.connect(lambda on: [e.setEnabled(on) for e in self.break_times])
        grid.addWidget(self.has_break, 7, 0)
        grid.addWidget(self.break_times[0], 7, 1)
        grid.addWidget(QLabel("–"), 7, 2)
        grid.addWidget(self.break_times[1], 7, 3)
        grid.setColumnStretch(4, 1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveOpeningHours")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("openingHoursStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        self.setMaximumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Opening hours"))
        for day, box in enumerate(self.open):
            box.setText(QCoreApplication.translate("OpeningHoursBox", WEEKDAYS[day]))
        self.has_break.setText(self.tr("Break every day"))
        self.save_button.setText(self.tr("Save opening hours"))

    def bound(self) -> None:
        self.status.clear()
        database = self.database
        if self.shown and database is not None:
            self.runner.run(lambda: opening_hours(database), self.show_hours, self._failed)

    def show_hours(self, hours: OpeningHours) -> None:
        for box, pair, day in zip(self.open, self.times, hours.days, strict=True):
            box.setChecked(day is not None)
            for edit, value in zip(pair, day or (dt.time(9), dt.time(21)), strict=True):
                edit.setTime(QTime(value.hour, value.minute))
                edit.setEnabled(day is not None)
        self.has_break.setChecked(bool(hours.breaks))
        first = hours.breaks[0] if hours.breaks else (dt.time(12), dt.time(13))
        for edit, value in zip(self.break_times, first, strict=True):
            edit.setTime(QTime(value.hour, value.minute))
            edit.setEnabled(bool(hours.breaks))

    def hours(self) -> OpeningHours:
        def span(pair: tuple[QTimeEdit, QTimeEdit]) -> tuple[dt.time, dt.time]:
            first, last = (edit.time().toPython() for edit in pair)
            assert isinstance(first, dt.time) and isinstance(last, dt.time)
            return first, last

        days = tuple(
            span(p) if box.isChecked() else None
            for box, p in zip(self.open, self.times, strict=True)
        )
        breaks = (span(self.break_times),) if self.has_break.isChecked() else ()
        return OpeningHours(days, breaks)

    def save(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        hours = self.hours()
        self.runner.run(
            lambda: set_opening_hours(database, actor, hours), self._saved, self._failed
        )

    def _saved(self, _result: object) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved."))

    def _failed(self, exc: BaseException) -> None:
        from desktop_app.services.errors import ValidationError

        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError) and exc.code == "order":
            self.status.setText(self.tr("Each day and the break must end after they start."))
        else:
            self.status.setText(" ".join(describe(exc)))
