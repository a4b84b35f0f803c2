"""Today's queue as a board: one column per state, a card per visit.

Cards move by drag and drop, by Ctrl+Right / Ctrl+Left on the selected card, or by the
buttons under the board. The board asks the database every second whether anything
changed (services.queue.board_token) and reloads only then, so other stations' moves
appear within about a second. A move made on an out-of-date card is refused by the
service and explained here; the board then reloads.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.models import Role, VisitStatus
from desktop_app.services import lookups, queue
from desktop_app.services.queue import Board, Card
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.queue_cards import ORDER, STATUS_NAMES, ColumnModel, queue_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

POLL_MS = 1000
CLOCK_MS = 30_000  # minutes-in-state are redrawn this often even when nothing changed


class QueueBoard(QWidget):
    """The board, its assignment bar and its refresh loop."""

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queueBoard")
        self.runner = runner
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.board: Board | None = None
        self._polling = False
        self._selected: uuid.UUID | None = None

        grid = QGridLayout()
        grid.setSpacing(6)
        self.headers: list[QLabel] = []
        self.models: list[ColumnModel] = []
        self.views: list[QListView] = []
        for index, status in enumerate(ORDER):
            header = QLabel()
            header.setObjectName(f"queueHeader_{status.value}")
            header.setStyleSheet("font-weight: bold;")
            model = ColumnModel(status, self)
            model.dropped.connect(self.move_to)
            view = QListView()
            view.setObjectName(f"queue_{status.value}")
            view.setModel(model)
            view.setWordWrap(True)
            view.setSpacing(3)
            view.setAlternatingRowColors(False)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setDropIndicatorShown(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setResizeMode(QListView.ResizeMode.Adjust)
            view.installEventFilter(self)
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, m=model: self._selection_changed(m, current)
            )
            grid.addWidget(header, 0, index)
            grid.addWidget(view, 1, index)
            grid.setColumnStretch(index, 1)
            self.headers.append(header)
            self.models.append(model)
            self.views.append(view)

        self.back_button = QPushButton()
        self.back_button.setObjectName("moveBackButton")
        self.back_button.clicked.connect(lambda: self.step(-1))
        self.next_button = QPushButton()
        self.next_button.setObjectName("moveNextButton")
        self.next_button.clicked.connect(lambda: self.step(1))
        self.consultant = QComboBox()
        self.consultant.setObjectName("assignConsultant")
        self.doctor = QComboBox()
        self.doctor.setObjectName("assignDoctor")
        self.room = QLineEdit()
        self.room.setObjectName("assignRoom")
        self.room.setMaximumWidth(90)
        self.assign_button = QPushButton()
        self.assign_button.setObjectName("assignButton")
        self.assign_button.clicked.connect(self.assign)
        self.room.returnPressed.connect(self.assign)
        self.consultant_label, self.doctor_label, self.room_label = QLabel(), QLabel(), QLabel()
        self.consultant_label.setBuddy(self.consultant)
        self.doctor_label.setBuddy(self.doctor)
        self.room_label.setBuddy(self.room)
        bar = QHBoxLayout()
        for widget in (
            self.back_button,
            self.next_button,
            self.consultant_label,
            self.consultant,
            self.doctor_label,
            self.doctor,
            self.room_label,
            self.room,
            self.assign_button,
        ):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.message = QLabel()
        self.message.setObjectName("queueMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)

        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_MS)
        self.clock.timeout.connect(self._tick)
        self._set_card_actions_enabled(False)
        self.retranslate()

    # --- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        for header, status in zip(self.headers, ORDER, strict=True):
            header.setText(queue_text(STATUS_NAMES[status]))
        self.back_button.setText(self.tr("◀ Back (Ctrl+Left)"))
        self.next_button.setText(self.tr("Next ▶ (Ctrl+Right)"))
        self.consultant_label.setText(self.tr("&Consultant"))
        self.doctor_label.setText(self.tr("&Doctor"))
        self.room_label.setText(self.tr("&Room"))
        self.assign_button.setText(self.tr("Assign"))
        for model in self.models:
            model.tick(model.now)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- binding and refreshing ----------------------------------------------------------

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.board = None
        self.message.clear()
        if database is None or actor is None:
            self.poll_timer.stop()
            self.clock.stop()
            for model in self.models:
                model.set_cards(Board((0, 0), [], {}), dt.datetime.now(dt.UTC))
            return

        def staff() -> tuple[list[lookups.StaffChoice], list[lookups.StaffChoice]]:
            return (
                lookups.staff_choices(database, actor, [Role.CONSULTANT]),
                lookups.staff_choices(database, actor, [Role.DOCTOR]),
            )

        self.runner.run(staff, self._fill_staff, self._show_error)
        self.reload()
        self.poll_timer.start()
        self.clock.start()

    def _fill_staff(self, lists: tuple[list, list]) -> None:
        for combo, people in zip((self.consultant, self.doctor), lists, strict=True):
            combo.clear()
            combo.addItem("", None)
            for person in people:
                combo.addItem(person.display_name, person.id)

    def poll(self) -> None:
        """Reload only if another station (or this one) changed today's visits."""
        database, actor = self.database, self.actor
        if database is None or actor is None or self._polling:
            return
        self._polling = True

        def answered(token: tuple[int, int]) -> None:
            self._polling = False
            if self.board is None or token != self.board.token:
                self.reload()

        def failed(exc: BaseException) -> None:
            self._polling = False  # the status bar already says when the server is gone

        self.runner.run(lambda: queue.board_token(database, actor), answered, failed)

    def reload(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self.runner.run(lambda: queue.todays_board(database, actor), self._show, self._say_error)

    def _show(self, board: Board) -> None:
        if self.database is None:
            return
        self.board = board
        now = dt.datetime.now(dt.UTC)
        for model, view in zip(self.models, self.views, strict=True):
            model.set_cards(board, now)
            for row, card in enumerate(model.cards):
                if card.visit_id == self._selected:
                    view.setCurrentIndex(model.index(row))
        self._set_card_actions_enabled(self.selected_card() is not None)

    def _tick(self) -> None:
        now = dt.datetime.now(dt.UTC)
        for model in self.models:
            model.tick(now)

    # --- selection -----------------------------------------------------------------------

    def _selection_changed(self, model: ColumnModel, current: QModelIndex) -> None:
        if not current.isValid():
            return
        card = model.cards[current.row()]
        self._selected = card.visit_id
        for view in self.views:  # one selected card on the whole board
            if view.model() is not model:
                view.selectionModel().clearSelection()
        self.consultant.setCurrentIndex(max(0, self.consultant.findData(card.consultant_id)))
        self.doctor.setCurrentIndex(max(0, self.doctor.findData(card.doctor_id)))
        self.room.setText(card.room or "")
        self._set_card_actions_enabled(True)

    def selected_card(self) -> Card | None:
        for model in self.models:
            for card in model.cards:
                if card.visit_id == self._selected:
                    return card
        return None

    def select_when_shown(self, visit_id: uuid.UUID) -> None:
        """Select this card once the next reload has it (a check-in just made, say)."""
        self._selected = visit_id
        self.select(visit_id)

    def select(self, visit_id: uuid.UUID) -> None:
        self._selected = visit_id
        for model, view in zip(self.models, self.views, strict=True):
            for row, card in enumerate(model.cards):
                if card.visit_id == visit_id:
                    view.setFocus()
                    view.setCurrentIndex(model.index(row))

    def _set_card_actions_enabled(self, enabled: bool) -> None:
        for widget in (self.back_button, self.next_button, self.assign_button):
            widget.setEnabled(enabled)

    # --- changes -------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        card = self.selected_card()
        if card is None:
            return
        index = ORDER.index(card.status) + direction
        if 0 <= index < len(ORDER):
            self.move_to(card.visit_id, ORDER[index])

    def move_to(self, visit_id: uuid.UUID, status: VisitStatus) -> None:
        card = (
            next((c for c in self.board.cards if c.visit_id == visit_id), None)
            if self.board
            else None
        )
        database, actor = self.database, self.actor
        if card is None or database is None or actor is None or card.status == status:
            return
        self._selected = visit_id
        self.runner.run(
            lambda: queue.move(database, actor, visit_id, card.version, status),
            self._changed,
            self._show_error,
        )

    def assign(self) -> None:
        card = self.selected_card()
        database, actor = self.database, self.actor
        if card is None or database is None or actor is None:
            return
        consultant, doctor, room = (
            self.consultant.currentData(),
            self.doctor.currentData(),
            self.room.text(),
        )
        self.runner.run(
            lambda: queue.assign(
                database,
                actor,
                card.visit_id,
                card.version,
                consultant_id=consultant,
                doctor_id=doctor,
                room=room,
            ),
            self._changed,
            self._show_error,
        )

    def _changed(self, card: Card) -> None:
        self.message.clear()
        self._selected = card.visit_id
        self.reload()

    def _show_error(self, exc: BaseException) -> None:
        """A move or assignment failed: say why, and show what the other station did."""
        self._say_error(exc)
        self.reload()

    def _say_error(self, exc: BaseException) -> None:
        """Loading failed (the server is away): say so; the 1 s poll tries again."""
        headline, detail = describe(exc)
        self.message.setText(f"{headline} {detail}")

    # --- keyboard ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        if watched not in self.views:
            return super().eventFilter(watched, event)
        key, control = event.key(), event.modifiers() & Qt.KeyboardModifier.ControlModifier
        sideways = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(key))
        if sideways is None:
            return super().eventFilter(watched, event)
        if control:
            self.step(sideways)
        else:  # plain arrows walk between columns
            column = self.views.index(watched) + sideways  # type: ignore[arg-type]
            if 0 <= column < len(self.views):
                view = self.views[column]
                view.setFocus()
                if view.model().rowCount() and not view.currentIndex().isValid():
                    view.setCurrentIndex(view.model().index(0, 0))
        return True
