"""Saved segments on the Reports page (issue 12): each segment's name, its conditions in
words and how many patients it picks today; New (Insert), Edit (F2), Delete (Del, asked
first), its patients (double-click or Enter; Open record from there) and a reminder for
each of them.

Managers only: for anyone else nothing is read and the view says so. Everything runs on
the runner with a busy bar; an answer for whoever signed in before is dropped. The
confirmation is a constructor argument so tests can answer it; the editor and the
reminders dialog are kept on ``dialog`` for them.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import catalogue, lookups, segments, tags
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.segments import SegmentSummary
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.report_action import Confirm, confirm_in_box
from desktop_app.ui.report_drill import DrillDialog
from desktop_app.ui.segment_words import SegmentsModel
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.segment_editor import Choices

_Index = QModelIndex | QPersistentModelIndex


class SegmentsView(QWidget):
    open_record = Signal(object)  # a patient's uuid.UUID, from a segment's patients

    def __init__(self, runner: Runner, confirm: Confirm = confirm_in_box) -> None:
        super().__init__()
        self.setObjectName("segmentsView")
        self.runner, self.confirm = runner, confirm
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.generation = 0  # bumped by each bind and reload: older answers are stale
        self.stale = True  # nothing read for whoever is signed in
        self.working = False
        self.dialog: QDialog | None = None  # the editor or the reminders dialog
        self.drill_dialog: DrillDialog | None = None

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.denied = QLabel()
        self.denied.setObjectName("segmentsDenied")
        self.denied.setWordWrap(True)
        self.new_button = self._button("segmentNew", self.new_segment)
        self.edit_button = self._button("segmentEdit", self.edit_segment)
        self.delete_button = self._button("segmentDelete", self.delete_segment)
        self.patients_button = self._button("segmentPatients", self.show_patients)
        self.reminders_button = self._button("segmentReminders", self.make_reminders)
        self.refresh_button = self._button("segmentRefresh", self.reload)
        self.busy = QProgressBar()
        self.busy.setObjectName("segmentsBusy")
        self.busy.setRange(0, 0)  # the database gives no progress: a moving bar says "working"
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        for button in (
            self.new_button,
            self.edit_button,
            self.delete_button,
            self.patients_button,
            self.reminders_button,
        ):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.busy)
        bar.addWidget(self.refresh_button)

        self.model = SegmentsModel(self)
        self.table = QTableView()
        self.table.setObjectName("segmentsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the words take the rest
        self.table.doubleClicked.connect(lambda _index: self.show_patients())
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.hint = QLabel()
        self.hint.setObjectName("segmentsHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.status = QLabel()
        self.status.setObjectName("segmentsStatus")
        self.status.setWordWrap(True)

        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(bar)
        inner.addWidget(self.table, 1)
        inner.addWidget(self.hint)
        inner.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.denied)
        layout.addWidget(self.content, 1)
        layout.addStretch(0)
        self.shortcuts: dict[Qt.Key, QShortcut] = {}
        for key, slot in (
            (Qt.Key.Key_Insert, self.new_segment),
            (Qt.Key.Key_F2, self.edit_segment),
            (Qt.Key.Key_Delete, self.delete_segment),
            (Qt.Key.Key_F5, self.reload),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut
        self._show_access()
        self._update()
        self.retranslate()

    def _button(self, name: str, slot: Any) -> QPushButton:
        button = QPushButton()
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Saved segments"))
        self.denied.setText(self.tr("Saved segments are for managers."))
        self.new_button.setText(self.tr("&New segment…"))
        self.new_button.setToolTip(self.tr("A segment from conditions on tags and purchases (Ins)"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Change the chosen segment (F2)"))
        self.delete_button.setText(self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete the chosen segment (Del)"))
        self.patients_button.setText(self.tr("&Patients…"))
        self.patients_button.setToolTip(
            self.tr("The patients the chosen segment picks today (Enter)")
        )
        self.reminders_button.setText(self.tr("Re&minders…"))
        self.reminders_button.setToolTip(self.tr("A reminder for each patient of the segment"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Count each segment's patients again (F5)"))
        self.hint.setText(
            self.tr(
                "A segment keeps its conditions, not its patients: its size and its list are "
                "always today's. Double-click a segment (or press Enter) to list its patients."
            )
        )
        self.model.set_rows(self.model.rows)  # headers and conditions in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a segment lists its patients (a table has no activation key of its own
        on every platform)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
        ):
            self.show_patients()
            return True
        return super().eventFilter(watched, event)

    # -- who is signed in

    def may_view(self) -> bool:
        return self.actor is not None and allowed(self.actor, Permission.VIEW_REPORTS)

    def may_edit(self) -> bool:
        return self.actor is not None and allowed(self.actor, Permission.EDIT_CLINIC_SETTINGS)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.generation += 1
        self.stale = True
        self.working = False
        self.model.set_rows([])
        for dialog in (self.dialog, self.drill_dialog):
            if dialog is not None:
                dialog.close()
        self.dialog = self.drill_dialog = None
        self._say("")
        self._show_access()
        self._update()
        if self.isVisible():
            self.ensure_computed()

    def _show_access(self) -> None:
        # hide() before the widgets are on a window: setVisible(True) on a widget without
        # a parent would make it a window of its own.
        viewer = self.may_view()
        self.denied.setHidden(viewer)
        self.content.setHidden(not viewer)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setHidden(not self.may_edit())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure_computed()

    def ensure_computed(self) -> None:
        """Read once when first shown to whoever signed in (the opening is audited)."""
        if self.stale and self.database is not None and self.may_view():
            self.reload()

    # -- the list

    def reload(self, then_select: uuid.UUID | None = None, then_say: str = "") -> None:
        """Read the list again; ``then_say`` what was just done once it is shown."""
        database, actor = self.database, self.actor
        if database is None or actor is None or not self.may_view():
            return
        self.stale = False
        self.generation += 1
        generation = self.generation
        chosen = then_select or self._chosen_id()
        self._start(self.tr("Counting each segment's patients…"))
        self.runner.run(
            lambda: segments.list_segments(database, actor),
            lambda rows: self._listed(generation, rows, chosen, then_say),
            lambda exc: self._failed(generation, exc),
        )

    def _listed(
        self, generation: int, rows: list[SegmentSummary], chosen: uuid.UUID | None, said: str
    ) -> None:
        if generation != self.generation:
            return
        self._stop()
        self.model.set_rows(rows)
        ids = [row.id for row in rows]
        if rows:
            self.table.selectRow(ids.index(chosen) if chosen in ids else 0)
        if said:
            self._say(said)
        elif not rows:
            text = self.tr("No saved segments yet.")
            if self.may_edit():
                text += " " + self.tr("New segment (Ins) makes one.")
            self._say(text)
        else:
            self._say(self.tr("%n segment(s), counted today.", "", len(rows)))
        self._update()

    def chosen(self) -> SegmentSummary | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _chosen_id(self) -> uuid.UUID | None:
        segment = self.chosen()
        return segment.id if segment is not None else None

    # -- new, edit, delete

    def new_segment(self) -> None:
        self._edit(None)

    def edit_segment(self) -> None:
        segment = self.chosen()
        if segment is not None:
            self._edit(segment)

    def _edit(self, segment: SegmentSummary | None) -> None:
        database, actor, generation = self.database, self.actor, self.generation
        if database is None or actor is None or not self.may_edit() or self.working:
            return
        from desktop_app.ui.segment_editor import Choices

        def choices() -> Choices:
            return Choices(
                tuple(tags.tag_names(database, actor)),
                tuple(lookups.source_channels(database, actor)),
                tuple(i.name for i in catalogue.items(database, actor, include_retired=True)),
            )

        self._start(self.tr("Opening…"))
        self.runner.run(
            choices,
            lambda found: self._open_editor(generation, segment, found),
            lambda exc: self._failed(generation, exc),
        )

    def _open_editor(
        self, generation: int, segment: SegmentSummary | None, choices: Choices
    ) -> None:
        if generation != self.generation:
            return
        from desktop_app.ui.segment_editor import SegmentDialog

        self._stop()
        assert self.database is not None and self.actor is not None
        self._say("")
        dialog = SegmentDialog(self.runner, self.database, self.actor, choices, segment, self)
        self.dialog = dialog
        dialog.saved.connect(lambda segment_id: self._saved(generation, segment_id, dialog))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _saved(self, generation: int, segment_id: uuid.UUID, dialog: QDialog) -> None:
        if generation != self.generation:
            return
        name = " ".join(dialog.name.text().split())  # type: ignore[attr-defined]
        self.reload(segment_id, self.tr("Saved {name}.").format(name=name))

    def delete_segment(self) -> None:
        segment, database, actor = self.chosen(), self.database, self.actor
        if segment is None or database is None or actor is None:
            return
        if not self.may_edit() or self.working:
            return
        question = self.tr(
            "Delete the segment {name}? Its patients and their reminders stay; only the "
            "saved conditions go."
        ).format(name=segment.name)
        if not self.confirm(self, self.tr("Delete segment"), question):
            return
        generation = self.generation
        self._start(self.tr("Deleting…"))
        self.runner.run(
            lambda: segments.delete_segment(database, actor, segment.id),
            lambda _none: self._deleted(generation, segment),
            lambda exc: self._failed(generation, exc),
        )

    def _deleted(self, generation: int, segment: SegmentSummary) -> None:
        if generation != self.generation:
            return
        self._stop()
        self.reload(then_say=self.tr("Deleted {name}.").format(name=segment.name))

    # -- its patients and reminders

    def show_patients(self) -> None:
        segment, database, actor = self.chosen(), self.database, self.actor
        if segment is None or database is None or actor is None or self.working:
            return
        generation = self.generation
        self._start(self.tr("Listing the patients…"))
        self.runner.run(
            lambda: segments.segment_patients(database, actor, segment.id),
            lambda patients: self._listed_patients(generation, segment, patients),
            lambda exc: self._failed(generation, exc),
        )

    def _listed_patients(self, generation: int, segment: SegmentSummary, patients: list) -> None:
        if generation != self.generation:
            return
        self._stop()
        self._say("")
        if self.drill_dialog is not None:
            self.drill_dialog.close()
        self.drill_dialog = dialog = DrillDialog(
            segment.name, patients, self, title=lambda: self.tr("Patients in the segment")
        )
        dialog.open_record.connect(self.open_record)
        # finished, not destroyed: destroyed also fires while this view is being deleted.
        dialog.finished.connect(lambda _result: self._forget_drill(dialog))
        dialog.show()
        dialog.table.setFocus()

    def _forget_drill(self, dialog: DrillDialog) -> None:
        if self.drill_dialog is dialog:
            self.drill_dialog = None

    def make_reminders(self) -> None:
        segment, database, actor = self.chosen(), self.database, self.actor
        if segment is None or database is None or actor is None or self.working:
            return
        from desktop_app.ui.segment_editor import SegmentRemindersDialog

        generation = self.generation
        dialog = SegmentRemindersDialog(self.runner, database, actor, segment, self)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._reminded(generation, segment, dialog))
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _reminded(self, generation: int, segment: SegmentSummary, dialog: QDialog) -> None:
        if generation != self.generation:
            return
        made = int(dialog.result_value)  # type: ignore[attr-defined]
        text = self.tr("%n reminder(s) made for {name}.", "", made).format(name=segment.name)
        if made < segment.size:
            text += " " + self.tr(
                "Patients who already had an open reminder with these words got no second one."
            )
        self._say(text)

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    # -- busy, buttons, status

    def _start(self, text: str) -> None:
        self.working = True
        self._say(text)
        self._update()

    def _stop(self) -> None:
        self.working = False
        self._update()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self.generation:
            return
        self._stop()
        self._say(" ".join(part for part in describe(exc) if part), error=True)

    def _update(self) -> None:
        chosen = self.chosen() is not None and not self.working
        self.busy.setVisible(self.working and not self.content.isHidden())
        self.new_button.setEnabled(not self.working)
        self.refresh_button.setEnabled(not self.working)
        for button in (
            self.edit_button,
            self.delete_button,
            self.patients_button,
            self.reminders_button,
        ):
            button.setEnabled(chosen)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
