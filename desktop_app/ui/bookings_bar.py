"""The appointment book's top bar: back, today, on; the date shown; day, week or arrival
list; what the columns are and whose week; new booking and check-in. Only widgets and
their words: the page (bookings_page) connects them to what they do.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

# (what the columns are, the booking's field that puts it in a column)
KINDS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("BookingsBar", "Doctors"), "doctor_id"),
    (QT_TRANSLATE_NOOP("BookingsBar", "Consultants"), "consultant_id"),
    (QT_TRANSLATE_NOOP("BookingsBar", "Rooms"), "room_id"),
    (QT_TRANSLATE_NOOP("BookingsBar", "Devices"), "device_id"),
]


class BookingsBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previous_button = _button("bookingsPrevious", 40)
        self.today_button = _button("bookingsToday")
        self.next_button = _button("bookingsNext", 40)
        self.date_label = QLabel()
        self.date_label.setObjectName("bookingsDate")
        self.date_label.setStyleSheet("font-weight: bold; padding: 0 8px;")
        self.date_label.setMinimumWidth(1)  # a narrow window clips the date, not the book
        self.day_button = _button("bookingsDayView")
        self.week_button = _button("bookingsWeekView")
        self.arrivals_button = _button("bookingsArrivalsView")
        group = QButtonGroup(self)
        for button in (self.day_button, self.week_button, self.arrivals_button):
            button.setCheckable(True)
            group.addButton(button)
        self.day_button.setChecked(True)
        self.kind_label, self.who_label = QLabel(), QLabel()
        self.kind = QComboBox()
        self.kind.setObjectName("bookingsColumns")
        for _ in KINDS:
            self.kind.addItem("")
        self.kind_label.setBuddy(self.kind)
        self.who = QComboBox()
        self.who.setObjectName("bookingsWho")
        self.who_label.setBuddy(self.who)
        self.new_button = _button("bookingsNew")
        self.check_in_button = _button("bookingsCheckIn")

        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.today_button, self.next_button,
                       self.date_label, self.day_button, self.week_button,
                       self.arrivals_button):  # fmt: skip
            bar.addWidget(widget)
        bar.addSpacing(12)
        for widget in (self.kind_label, self.kind, self.who_label, self.who):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.check_in_button)
        self.retranslate()

    @property
    def field(self) -> str:
        """The booking's field the columns go by: doctor_id, consultant_id, room_id …"""
        return KINDS[max(0, self.kind.currentIndex())][1]

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("◀"))
        self.previous_button.setToolTip(self.tr("Previous day or week (Ctrl+Left)"))
        self.next_button.setText(self.tr("▶"))
        self.next_button.setToolTip(self.tr("Next day or week (Ctrl+Right)"))
        self.today_button.setText(self.tr("Today (T)"))
        self.day_button.setText(self.tr("Day (D)"))
        self.week_button.setText(self.tr("Week (W)"))
        self.arrivals_button.setText(self.tr("Arrivals (A)"))
        self.arrivals_button.setToolTip(
            self.tr("The day's bookings by time: who is here, who is late. Enter checks in.")
        )
        self.kind_label.setText(self.tr("&Columns"))
        self.who_label.setText(self.tr("W&ho"))
        for index, (name, _field) in enumerate(KINDS):
            self.kind.setItemText(index, QCoreApplication.translate("BookingsBar", name))
        self.new_button.setText(self.tr("New booking (Enter)"))
        self.new_button.setToolTip(
            self.tr(
                "Book the selected slot (Enter or Ctrl+N). Drag a booking or its bottom edge, "
                "or Alt+Up/Down (Alt+Left/Right in the week), to move it. Delete cancels, "
                "Ctrl+H shows its history, F5 reloads."
            )
        )
        self.check_in_button.setText(self.tr("Check in (Ctrl+Return)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _button(name: str, width: int = 0) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    if width:
        button.setMaximumWidth(width)
    return button
