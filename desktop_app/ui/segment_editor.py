"""A saved segment, new or changed by a manager: its name and conditions (tags it must all
carry, tags of which it carries one, sex, age, channel, an item bought, the value of all
purchases, no purchase lately), with a live count of the patients it picks today.

The count waits for a pause in typing (``PREVIEW_MS``) and runs on the runner; an older
answer is dropped. Saving runs there too; a refusal shows at its field and nothing is
saved.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import catalogue, segments
from desktop_app.services.errors import ValidationError
from desktop_app.services.segments import MAX_NAME, Conditions, SegmentSummary
from desktop_app.ui.clinical_forms import ClinicalDialog
from desktop_app.ui.forms import FieldForm, error_line, save_cancel
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.reminder_dialogs import ROLE_ORDER
from desktop_app.ui.reminders_model import ROLE_GROUPS, words
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

PREVIEW_MS = 400  # the count waits this long after the last change
NOT_SET = -1  # a spin box at this value shows "any": no condition
MAX_DAYS = 3650
MAX_REASON = 200  # reminder_making.checked_manual's limit


@dataclass(frozen=True)
class Choices:
    """What the editor offers: every tag, the clinic's channels, the catalogue's items."""

    tags: tuple[str, ...]
    channels: tuple[str, ...]
    items: tuple[str, ...]


def segment_error_text(exc: ValidationError) -> str:
    """The segment service's refusals in the user's language."""

    texts = {
        ("name", "required"): QCoreApplication.translate("Segments", "Give the segment a name."),
        ("name", "too_long"): QCoreApplication.translate(
            "Segments", "At most {max} characters."
        ).format(max=MAX_NAME),
        ("name", "exists"): QCoreApplication.translate(
            "Segments", "Another segment already has this name."
        ),
        ("conditions", "empty"): QCoreApplication.translate(
            "Segments", "Choose at least one condition."
        ),
        ("age_max", "below_min"): QCoreApplication.translate(
            "Segments", "The oldest age is below the youngest."
        ),
        ("min_value", "negative"): QCoreApplication.translate(
            "Segments", "Type an amount such as 5000 or 5000.50."
        ),
        ("min_value", "invalid"): QCoreApplication.translate(
            "Segments", "Type an amount such as 5000 or 5000.50."
        ),
        ("bought_item", "unknown"): QCoreApplication.translate(
            "Segments", "This item is not in the catalogue."
        ),
    }
    text = texts.get((exc.field, exc.code))
    if text is not None:
        return text
    if exc.code == "out_of_range":
        return QCoreApplication.translate("Segments", "Give a number that is not negative.")
    try:
        return validation_text(exc.code, exc.params, exc.message)
    except (KeyError, IndexError):  # a sentence wanting a number the service did not give
        return exc.message


class TagPicker(QWidget):
    """The clinic's tags as a checkable list; typing jumps to a tag."""

    changed = Signal()

    def __init__(self, tags: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("tagList")
        self.list.setFixedHeight(104)
        for name in tags:
            self._add(name)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.setFocusProxy(self.list)

    def _add(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def item(self, name: str) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            if self.list.item(row).text() == name:
                return self.list.item(row)
        return None

    def set_chosen(self, names: Iterable[str]) -> None:
        """Tick these and move them to the top, where they are seen without scrolling; a
        tag no longer on the clinic's list is added so it is not lost."""
        for top, name in enumerate(names):
            found = self.item(name) or self._add(name)
            found.setCheckState(Qt.CheckState.Checked)
            self.list.insertItem(top, self.list.takeItem(self.list.row(found)))

    def chosen(self) -> tuple[str, ...]:
        return tuple(
            self.list.item(row).text()
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        )


class SegmentDialog(QDialog):
    saved = Signal(object)  # the segment's uuid.UUID, as saved

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        choices: Choices,
        segment: SegmentSummary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("segmentDialog")
        self.runner, self.database, self.actor, self.segment = runner, database, actor, segment
        self.generation = 0  # bumped by each count asked for: older answers are dropped
        self.setWindowTitle(self.tr("Segment") if segment else self.tr("New segment"))
        self.form = FieldForm()
        self.name = QLineEdit()
        self.name.setMaxLength(MAX_NAME)
        self.name.setPlaceholderText(self.tr("e.g. Sleeping big spenders"))
        self.form.add_field("segment_name", self.name).setText(self.tr("&Name"))
        self.all_tags = TagPicker(choices.tags)
        self.form.add_field("segment_all_tags", self.all_tags).setText(
            self.tr("Carries &all of these tags")
        )
        self.any_tags = TagPicker(choices.tags)
        self.form.add_field("segment_any_tags", self.any_tags).setText(
            self.tr("Carries a&t least one of")
        )
        self.sex = QComboBox()
        self.sex.addItem(self.tr("Any"), None)
        self.sex.addItem(self.tr("Women"), "F")
        self.sex.addItem(self.tr("Men"), "M")
        self.form.add_field("segment_sex", self.sex).setText(self.tr("&Sex"))
        self.age_min = self._spin(150)
        self.form.add_field("segment_age_min", self.age_min).setText(self.tr("&Youngest age"))
        self.age_max = self._spin(150)
        self.form.add_field("segment_age_max", self.age_max).setText(self.tr("&Oldest age"))
        self.channel = self._combo(choices.channels)
        self.form.add_field("segment_channel", self.channel).setText(self.tr("&Channel"))
        self.bought_item = self._combo(choices.items)
        self.form.add_field("segment_bought_item", self.bought_item).setText(
            self.tr("&Bought this item")
        )
        self.min_value = QLineEdit()
        self.min_value.setPlaceholderText(self.tr("any; e.g. 5000"))
        self.form.add_field("segment_min_value", self.min_value).setText(
            self.tr("All purchases &worth at least")
        )
        self.last_purchase = self._spin(MAX_DAYS)
        self.last_purchase.setSuffix(self.tr(" days"))
        self.form.add_field("segment_last_purchase_before_days", self.last_purchase).setText(
            self.tr("Bought, but not in the &last")
        )
        self.preview = QLabel()
        self.preview.setObjectName("segmentPreview")
        self.preview.setWordWrap(True)
        font = self.preview.font()
        font.setBold(True)
        self.preview.setFont(font)
        self.error = error_line("segmentFormError")
        self.buttons, self.save_button = save_cancel(self, "Segment")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if segment is not None:
            self._fill(segment)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_MS)
        self.timer.timeout.connect(self.preview_now)
        # Through a lambda: QTimer.start(int) would take a spin box's value as its interval.
        for picker in (self.all_tags, self.any_tags):
            picker.changed.connect(lambda: self.timer.start())
        for box in (self.sex, self.channel, self.bought_item):
            box.currentIndexChanged.connect(lambda _index: self.timer.start())
        for spin in (self.age_min, self.age_max, self.last_purchase):
            spin.valueChanged.connect(lambda _value: self.timer.start())
        for edit in (self.min_value, self.channel.lineEdit(), self.bought_item.lineEdit()):
            edit.textChanged.connect(lambda _text: self.timer.start())
        self.preview_now()
        self.name.setFocus()
        self.resize(520, self.sizeHint().height())

    def _spin(self, top: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(NOT_SET, top)
        spin.setValue(NOT_SET)
        spin.setSpecialValueText(self.tr("any"))
        spin.setMaximumWidth(140)
        return spin

    def _combo(self, names: tuple[str, ...]) -> QComboBox:
        """Chosen from the list, or typed (a channel recorded on old patients, say)."""
        box = QComboBox()
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        box.addItem("")
        box.addItems(list(names))
        line = box.lineEdit()
        line.setPlaceholderText(self.tr("any"))
        return box

    def _fill(self, segment: SegmentSummary) -> None:
        given = segment.conditions
        self.name.setText(segment.name)
        self.all_tags.set_chosen(given.all_tags)
        self.any_tags.set_chosen(given.any_tags)
        self.sex.setCurrentIndex(max(0, self.sex.findData(given.sex)))
        for spin, value in (
            (self.age_min, given.age_min),
            (self.age_max, given.age_max),
            (self.last_purchase, given.last_purchase_before_days),
        ):
            spin.setValue(NOT_SET if value is None else value)
        self.channel.setCurrentText(given.channel or "")
        self.bought_item.setCurrentText(given.bought_item or "")
        self.min_value.setText("" if given.min_value is None else str(given.min_value))

    def conditions(self) -> Conditions:
        """The conditions as filled in; an amount that is not one is a field error."""

        def number(spin: QSpinBox) -> int | None:
            return None if spin.value() == NOT_SET else spin.value()

        return Conditions(
            all_tags=self.all_tags.chosen(),
            any_tags=self.any_tags.chosen(),
            sex=self.sex.currentData(),
            age_min=number(self.age_min),
            age_max=number(self.age_max),
            channel=self.channel.currentText().strip() or None,
            bought_item=self.bought_item.currentText().strip() or None,
            min_value=catalogue.money(self.min_value.text(), "min_value"),
            last_purchase_before_days=number(self.last_purchase),
        )

    def preview_now(self) -> None:
        """Count the patients the conditions pick today (the timer calls this)."""
        self.timer.stop()
        self.generation += 1
        generation, database, actor = self.generation, self.database, self.actor
        try:
            given = self.conditions()
        except ValidationError as exc:
            self._previewed(generation, None, segment_error_text(exc))
            return
        self.preview.setStyleSheet("")
        self.preview.setText(self.tr("Counting…"))
        self.runner.run(
            lambda: segments.segment_size(database, actor, given),
            lambda size: self._previewed(generation, size, ""),
            lambda exc: self._previewed(generation, None, self._words(exc)),
        )

    def _previewed(self, generation: int, size: int | None, problem: str) -> None:
        if generation != self.generation:
            return  # changed again meanwhile: a newer count is coming
        if size is None:
            self.preview.setStyleSheet("color: #5f6368;")
            self.preview.setText(self.tr("No count yet: {problem}").format(problem=problem))
        else:
            self.preview.setStyleSheet("")
            self.preview.setText(self.tr("%n patient(s) today", "", size))

    @staticmethod
    def _words(exc: BaseException) -> str:
        if isinstance(exc, ValidationError):
            return segment_error_text(exc)
        return " ".join(part for part in describe(exc) if part)

    def submit(self) -> None:
        if not self.save_button.isEnabled():
            return
        self.form.clear_errors()
        self.error.hide()
        try:
            given = self.conditions()
        except ValidationError as exc:
            self._failed(exc)
            return
        database, actor, name = self.database, self.actor, self.name.text()
        segment_id = self.segment.id if self.segment is not None else None
        self.save_button.setEnabled(False)
        self.runner.run(
            lambda: segments.save_segment(database, actor, name, given, segment_id),
            self._done,
            self._failed,
        )

    def _done(self, segment_id: uuid.UUID) -> None:
        self.save_button.setEnabled(True)
        self.timer.stop()
        self.accept()
        self.saved.emit(segment_id)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        field = f"segment_{exc.field}" if isinstance(exc, ValidationError) else ""
        if field in self.form.errors:
            assert isinstance(exc, ValidationError)
            self.form.show_error(field, segment_error_text(exc))
            return
        self.error.setText(self._words(exc))
        self.error.show()


class SegmentRemindersDialog(ClinicalDialog):
    """A reminder for each of a segment's patients: the day, what to do, for whom. Its
    ``result_value`` is how many were made (patients already holding an open reminder with
    the same words get none)."""

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        segment: SegmentSummary,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, database, actor, parent)
        self.setObjectName("segmentRemindersDialog")
        self.setWindowTitle(self.tr("Reminders for {name}").format(name=segment.name))
        self.segment = segment
        size = segment.size  # a name: lupdate drops a count given as an attribute
        self.intro = QLabel(
            self.tr("One reminder for each of the %n patient(s) in this segment today.", "", size)
        )
        self.intro.setWordWrap(True)
        self.column.insertWidget(0, self.intro)
        self.due = QDateEdit(QDate.currentDate().addDays(1))
        self.due.setObjectName("segmentReminderDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(QDate.currentDate())
        self.form.add_field("due_on", self.due).setText(self.tr("&Due on"))
        self.reason = QLineEdit()
        self.reason.setObjectName("segmentReminderReason")
        self.reason.setMaxLength(MAX_REASON)
        self.reason.setPlaceholderText(self.tr("What to do, e.g. invite to the spring offer"))
        self.form.add_field("reason", self.reason).setText(self.tr("&What"))
        self.to = QComboBox()
        self.to.setObjectName("segmentReminderTo")
        self.to.addItem(self.tr("Me"), None)
        for role in ROLE_ORDER:
            self.to.addItem(words(ROLE_GROUPS[role]), role)
        self.form.add_field("assignee", self.to).setText(self.tr("&For"))
        self.save_button.setText(self.tr("&Make reminders"))
        self.finish_layout()
        self.reason.setFocus()
        self.resize(460, self.sizeHint().height())

    def work(self) -> Callable[[], Any]:
        database, actor, segment_id = self.database, self.actor, self.segment.id
        due = self.due.date().toPython()
        assert isinstance(due, dt.date)
        reason, role = self.reason.text(), self.to.currentData()
        return lambda: segments.segment_reminders(
            database, actor, segment_id, due, reason, role=role
        )

    def show_error(self, exc: ValidationError) -> None:
        if exc.field in ("due_on", "reason") and exc.code in ("past", "too_long", "required"):
            texts = {
                "past": self.tr("Choose today or a later day."),
                "too_long": self.tr("At most {max} characters.").format(max=MAX_REASON),
                "required": self.tr("Say what is to be done."),
            }
            self.form.show_error(exc.field, texts[exc.code])
        else:
            super().show_error(exc)
