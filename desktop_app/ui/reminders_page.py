"""The Reminders section: overdue, today's and upcoming follow-up calls, worked by keyboard.

Everything goes through a ``ReminderDesk`` on the Runner: the desk answers from the
database, or from this station's cache when the server is gone, so the page never needs to
know which. Each change carries the row as the nurse saw it; a reminder changed elsewhere
meanwhile is told (who, when) and the list reloads, never overwritten. "Export to Excel…"
(Ctrl+Shift+E; the desk and managers) writes the list shown: this scope, this section.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.db import DatabaseUnavailableError
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.reminder_desk import Conflict, ReminderDesk
from desktop_app.services.reminders import (
    CallOutcome,
    ReminderRow,
    Scope,
    Section,
)
from desktop_app.ui import excel_export
from desktop_app.ui.follow_up_dialog import FollowUpDialog
from desktop_app.ui.list_exports import start_reminder_export
from desktop_app.ui.messages import describe
from desktop_app.ui.reminder_actions import CONFLICT_STYLE, OFFLINE_STYLE, ReminderActions
from desktop_app.ui.reminders_model import RemindersModel

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.tasks import Runner

REFRESH_MS = 60_000
SYNC_EVERY = 5  # refreshes: the offline copy is renewed every five minutes while online
SECTIONS = (Section.OVERDUE, Section.TODAY, Section.UPCOMING)


@dataclass(frozen=True)
class _Load:
    """One consistent answer: the counts and rows of the same moment."""

    today: dt.date
    counts: dict[Section, int]
    badge: int  # mine: overdue + today
    rows: list[ReminderRow]
    pending: int
    conflicts: list[Conflict]
    online: bool


class RemindersPage(ReminderActions, QWidget):
    open_record = Signal(object)  # the patient's uuid.UUID
    book_requested = Signal(object)  # the reminder's uuid.UUID: "Book now"
    badge_changed = Signal(int)

    def __init__(
        self,
        runner: Runner,
        parent: QWidget | None = None,
        *,
        ask_path: excel_export.AskPath = excel_export.ask_save_path,
        tell: excel_export.Tell = excel_export.tell_in_box,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("remindersPage")
        self.runner = runner
        self.excel = excel_export.ExcelExport(self, runner, ask_path, tell)
        self.desk: ReminderDesk | None = None
        self.actor: Actor | None = None
        self.section = Section.TODAY
        self.counts: dict[Section, int] = {}
        self.conflicts: list[Conflict] = []
        self.follow_up: FollowUpDialog | None = None
        self.dialog: QWidget | None = None  # the snooze / reassign / conflicts dialog open
        self._generation = 0
        self._keep: tuple[object, int] | None = None  # (reminder id, line) to select after
        self._chose_section = False
        self._unsaved: tuple[ReminderRow, CallOutcome] | None = None
        self._ticks = self._pending = 0
        self._syncing: ReminderDesk | None = None  # the desk whose sync is under way

        self.scope_label = QLabel()
        self.scope = QComboBox()
        self.scope.setObjectName("remindersScope")
        self.scope_label.setBuddy(self.scope)
        self.scope.currentIndexChanged.connect(lambda _i: self._scope_changed())
        self.tabs = QTabBar()
        self.tabs.setObjectName("remindersSections")
        self.tabs.setExpanding(False)
        for _ in SECTIONS:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._section_changed)
        self.offline = QLabel()
        self.offline.setObjectName("remindersOffline")
        self.offline.setStyleSheet(OFFLINE_STYLE)
        self.offline.setWordWrap(True)
        self.offline.hide()
        self.conflicts_button = QPushButton()
        self.conflicts_button.setObjectName("remindersConflicts")
        self.conflicts_button.setStyleSheet(CONFLICT_STYLE)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        self.conflicts_button.hide()
        self.message = QLabel()
        self.message.setObjectName("remindersMessage")
        self.message.setWordWrap(True)
        self.keep_call = QPushButton()
        self.keep_call.setObjectName("remindersKeepCall")
        self.keep_call.clicked.connect(self.record_unsaved_call)
        self.keep_call.hide()

        self.model = RemindersModel(self)
        self.table = QTableView()
        self.table.setObjectName("remindersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self.mark_done())
        self.empty = QLabel()
        self.empty.setObjectName("remindersEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(mid); padding: 24px;")

        # The buttons do what the table's keys do (see ReminderActions._key_action).
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        self.snooze_label = QLabel()
        for name, slot in (
            ("remindersDone", self.mark_done),
            ("remindersSnooze1", lambda: self.snooze_days(1)),
            ("remindersSnooze3", lambda: self.snooze_days(3)),
            ("remindersSnoozeDate", self.snooze_to),
            ("remindersReassign", self.reassign),
            ("remindersOpen", self.open_patient),
            ("remindersBook", self.book_now),
        ):
            button = QPushButton()
            button.setObjectName(name)
            button.clicked.connect(slot)
            if name == "remindersSnooze1":
                bar.addSpacing(12)
                bar.addWidget(self.snooze_label)
            if name == "remindersReassign":
                bar.addSpacing(12)
            bar.addWidget(button)
            self.buttons[name] = button
        bar.addStretch(1)
        self.reload_button = QPushButton()
        self.reload_button.setObjectName("remindersReload")
        self.reload_button.clicked.connect(self.reload)
        bar.addWidget(self.reload_button)
        self.export_button = QPushButton()
        self.export_button.setObjectName("remindersExport")
        self.export_button.clicked.connect(self.export)
        bar.addWidget(self.export_button)

        top = QHBoxLayout()
        top.addWidget(self.tabs)
        top.addStretch(1)
        top.addWidget(self.conflicts_button)
        top.addWidget(self.scope_label)
        top.addWidget(self.scope)
        notice = QHBoxLayout()
        notice.addWidget(self.message, 1)
        notice.addWidget(self.keep_call)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.offline)
        layout.addLayout(bar)
        layout.addLayout(notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        # Keys that also work with the focus elsewhere on the page (Ctrl+O stays with the
        # table: the window's own Ctrl+O opens the front desk's record everywhere else).
        for keys, slot in (
            ("F5", self.reload),
            ("Ctrl+D", self.mark_done),
            ("Ctrl+Shift+S", self.snooze_to),
            ("Ctrl+PgDown", lambda: self._step_section(1)),
            ("Ctrl+PgUp", lambda: self._step_section(-1)),
            (excel_export.SHORTCUT, self.export),
        ):
            shortcut = QShortcut(QKeySequence(keys), self, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.retranslate()
        self._enable()

    # --- language ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.scope_label.setText(self.tr("Sho&w"))
        self._fill_scopes()
        self._label_tabs()
        # The key is on the button too: the panel is worked from the keyboard all day.
        texts = {
            "remindersDone": (self.tr("Done… (Enter)"), self.tr("Record the call's outcome")),
            "remindersSnooze1": (self.tr("Tomorrow (1)"), self.tr("Snooze to tomorrow")),
            "remindersSnooze3": (self.tr("In 3 days (3)"), self.tr("Snooze for three days")),
            "remindersSnoozeDate": (
                self.tr("Pick a day… (S)"),
                self.tr("Snooze to a day you pick (also Ctrl+Shift+S)"),
            ),
            "remindersReassign": (
                self.tr("Give to… (R)"),
                self.tr("Give to another person or to anyone of a role"),
            ),
            "remindersOpen": (self.tr("Open patient (Ctrl+O)"), self.tr("Open the record")),
            "remindersBook": (
                self.tr("Book now (B)"),
                self.tr("Book the visit this call is about, in the appointment book"),
            ),
        }
        for name, (text, tip) in texts.items():
            self.buttons[name].setText(text)
            self.buttons[name].setToolTip(f"{tip} — {text}")
        self.buttons["remindersDone"].setToolTip(
            self.tr("Record the call's outcome (Enter, Ctrl+D)")
        )
        self.snooze_label.setText(self.tr("Snooze:"))
        self.reload_button.setText(self.tr("Reload (F5)"))
        self.export_button.setText(self.tr("Export to Excel…"))
        self.export_button.setToolTip(
            self.tr("The list shown: this section, for whom it is shown (Ctrl+Shift+E)")
        )
        self._show_conflicts_button()
        self._show_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_scopes(self) -> None:
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem(self.tr("Mine"), Scope.MINE)
        self.scope.addItem(self.tr("My role"), Scope.ROLE)
        if self.actor is not None and allowed(self.actor, Permission.VIEW_ALL_REMINDERS):
            self.scope.addItem(self.tr("Everyone"), Scope.EVERYONE)
        self.scope.setCurrentIndex(max(0, self.scope.findData(current)))
        self.scope.blockSignals(False)

    def _label_tabs(self) -> None:
        names = (self.tr("Overdue"), self.tr("Today"), self.tr("Upcoming"))
        for index, (section, name) in enumerate(zip(SECTIONS, names, strict=True)):
            count = self.counts.get(section)
            self.tabs.setTabText(index, name if count is None else f"{name} ({count})")

    # --- who, and which desk -------------------------------------------------------------

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        """Follow who is signed in; at sign-out forget everything shown."""
        self.actor = actor
        self._fill_scopes()
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(0)  # each person starts on their own list
        self.scope.blockSignals(False)
        if database is None or actor is None:
            self.set_desk(None)
            return
        self.set_desk(ReminderDesk(database, actor))

    def set_desk(self, desk: ReminderDesk | None) -> None:
        """Use this desk (the lead hands in one that works offline too)."""
        self.desk = desk
        if desk is not None and desk.actor is not self.actor:
            self.actor = desk.actor
            self._fill_scopes()
        self._generation += 1  # answers for the previous desk are dropped
        self.counts, self.conflicts = {}, []
        self._keep, self._unsaved, self._chose_section = None, None, False
        self.model.set_rows([])
        self._say("")
        self.offline.hide()
        self._label_tabs()
        self._show_conflicts_button()
        self._show_empty()
        self._enable()
        if desk is None:
            self.timer.stop()
            self.badge_changed.emit(0)
            return
        self.timer.start()
        self.reload()
        self.sync()  # this station's offline copy, made while the server answers

    @property
    def scope_value(self) -> Scope:
        return self.scope.currentData() or Scope.MINE

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        desk = self.desk
        if desk is None:
            return
        self._generation += 1
        generation, scope, section = self._generation, self.scope_value, self.section
        choose = not self._chose_section

        def work() -> _Load:
            today = dt.date.today()
            counts = desk.counts(scope, today)
            mine = counts if scope == Scope.MINE else desk.counts(Scope.MINE, today)
            shown = section
            if choose:  # on opening: the first section with something in it
                shown = next((s for s in SECTIONS if counts[s]), Section.TODAY)
            rows = desk.rows(scope, shown, today)
            badge = mine[Section.OVERDUE] + mine[Section.TODAY]
            return _Load(today, counts, badge, rows, desk.pending(), desk.conflicts(), desk.online)

        self.runner.run(
            work,
            lambda load: self._loaded(generation, load),
            lambda e: self._load_failed(generation, e),
        )

    def _loaded(self, generation: int, load: _Load) -> None:
        if generation != self._generation:
            return
        if not self._chose_section:
            self._chose_section = True
            first = next((s for s in SECTIONS if load.counts[s]), Section.TODAY)
            self.section = first
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(SECTIONS.index(first))
            self.tabs.blockSignals(False)
        self.counts, self.conflicts = load.counts, load.conflicts
        self._label_tabs()
        self.model.set_rows(load.rows, load.today)
        self._reselect()
        self._pending = load.pending
        self._show_offline(load.online, load.pending)
        self._show_conflicts_button()
        self._show_empty()
        self._enable()
        self.badge_changed.emit(load.badge)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, DatabaseUnavailableError):
            self._show_unreachable()
        else:
            self._say(" ".join(describe(exc)), error=True)

    def _tick(self) -> None:
        """Offline, or every few minutes: sync (then reload). Else, shown: reload; hidden:
        only my count, for the navigation's badge."""
        desk = self.desk
        if desk is None:
            return
        self._ticks += 1
        if not desk.online or self._pending or self._ticks % SYNC_EVERY == 0:
            self.sync()
        elif self.isVisible():
            self.reload()
            return

        def badge() -> int:
            mine = desk.counts(Scope.MINE)
            return mine[Section.OVERDUE] + mine[Section.TODAY]

        self.runner.run(badge, self.badge_changed.emit, lambda _e: None)

    def showEvent(self, event: QEvent) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        self.reload()

    def _reselect(self) -> None:
        """The same reminder if it is still here, else the line that took its place."""
        rows = self.model.rows
        if not rows:
            return
        line = 0
        if self._keep is not None:
            wanted, old_line = self._keep
            found = [i for i, row in enumerate(rows) if row.id == wanted]
            line = found[0] if found else min(old_line, len(rows) - 1)
        self.table.selectRow(line)
        self.table.setCurrentIndex(self.model.index(line, 0))

    def _scope_changed(self) -> None:
        self._keep = None
        self._chose_section = False  # another list: open it where its work is
        self.reload()

    def _section_changed(self, index: int) -> None:
        if 0 <= index < len(SECTIONS):
            self.section = SECTIONS[index]
            self._chose_section = True
            self._keep = None
            self.reload()

    def _step_section(self, step: int) -> None:
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % len(SECTIONS))

    def show_section(self, section: Section) -> None:
        self.tabs.setCurrentIndex(SECTIONS.index(section))

    # --- what is shown besides the rows ----------------------------------------------------

    def _show_empty(self) -> None:
        horizon = self.desk.horizon if self.desk is not None else 14
        texts = {
            Section.OVERDUE: self.tr("Nothing overdue."),
            Section.TODAY: self.tr("Nothing due today."),
            Section.UPCOMING: self.tr("Nothing due in the next %n day(s).", "", horizon),
        }
        self.empty.setText(texts[self.section])
        self.empty.setVisible(self.desk is not None and not self.model.rows)

    def _enable(self) -> None:
        row = self.current_row()
        for button in self.buttons.values():
            button.setEnabled(row is not None)
        # A lead's reminder has no record to open yet.
        self.buttons["remindersOpen"].setEnabled(row is not None and not row.is_lead)
        self.buttons["remindersBook"].setEnabled(row is not None and self._may_book(row))
        self.reload_button.setEnabled(self.desk is not None)
        self.export_button.setVisible(self._may_export())

    def _may_export(self) -> bool:
        return self.desk is not None and allowed(self.desk.actor, Permission.EXPORT_DATA)

    def export(self) -> None:
        """The list shown (this scope and section, every row of it) to an Excel file."""
        desk = self.desk
        if desk is None or not self._may_export():
            return
        start_reminder_export(self.excel, desk, self.scope_value, self.section)
