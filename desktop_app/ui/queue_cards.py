"""The queue board's cards: one list model per state, the names of states and visit types.

Dropping a card on a column asks the board for a move; the model itself changes nothing,
the reload after the service call does.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop_app.models import VisitStatus, VisitType
from desktop_app.services import queue
from desktop_app.services.queue import Board, Card

MIME = "application/x-clinic-desk-visit"
_Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#fde2e1")

STATUS_NAMES = {
    VisitStatus.WAITING: QT_TRANSLATE_NOOP("Queue", "Waiting"),
    VisitStatus.WITH_CONSULTANT: QT_TRANSLATE_NOOP("Queue", "With consultant"),
    VisitStatus.WITH_DOCTOR: QT_TRANSLATE_NOOP("Queue", "With doctor"),
    VisitStatus.IN_TREATMENT: QT_TRANSLATE_NOOP("Queue", "In treatment"),
    VisitStatus.DONE: QT_TRANSLATE_NOOP("Queue", "Done"),
    VisitStatus.LEFT: QT_TRANSLATE_NOOP("Queue", "Left untreated"),
}
TYPE_NAMES = {
    VisitType.FIRST: QT_TRANSLATE_NOOP("Queue", "First visit"),
    VisitType.RETURN: QT_TRANSLATE_NOOP("Queue", "Return"),
    VisitType.REPURCHASE: QT_TRANSLATE_NOOP("Queue", "Repurchase"),
    VisitType.COURSE: QT_TRANSLATE_NOOP("Queue", "Course"),
}
ORDER = list(VisitStatus)


def queue_text(text: str) -> str:
    """Translate one of the board's marked names (states, visit types)."""
    return QCoreApplication.translate("Queue", text)


class ColumnModel(QAbstractListModel):
    """The cards of one state. Dropping a card here asks for a move to this state."""

    dropped = Signal(object, object)  # visit id, VisitStatus

    def __init__(self, status: VisitStatus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.cards: list[Card] = []
        self.board: Board | None = None
        self.now = dt.datetime.now(dt.UTC)

    def set_cards(self, board: Board, now: dt.datetime) -> None:
        self.beginResetModel()
        self.board, self.now = board, now
        self.cards = [card for card in board.cards if card.status == self.status]
        self.endResetModel()

    def tick(self, now: dt.datetime) -> None:
        self.now = now
        if self.cards:
            self.dataChanged.emit(self.index(0), self.index(len(self.cards) - 1))

    def overdue(self, card: Card) -> bool:
        return self.board is not None and self.board.overdue(card, self.now)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card_text(card, self.now, self.overdue(card))
        if role == Qt.ItemDataRole.BackgroundRole and self.overdue(card):
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.UserRole:
            return card
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsDragEnabled)
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            data.setData(MIME, QByteArray(str(self.cards[indexes[0].row()].visit_id).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        if not data.hasFormat(MIME):
            return False
        self.dropped.emit(uuid.UUID(bytes(data.data(MIME).data()).decode()), self.status)
        return False  # the reload after the move redraws both columns; Qt removes nothing


def visit_type_name(visit_type: VisitType) -> str:
    return queue_text(TYPE_NAMES[visit_type])


def card_text(card: Card, now: dt.datetime, overdue: bool) -> str:
    """Name and visit type; who and where; minutes in this state (not once the day is over)."""
    lines = [
        f"{card.name}  {visit_type_name(card.visit_type)}",
        " · ".join(filter(None, (card.consultant, card.doctor, card.room))),
    ]
    if card.status not in queue.CLOSED:
        minutes = queue_text(QT_TRANSLATE_NOOP("Queue", "{minutes} min")).format(
            minutes=card.minutes_in_state(now)
        )
        if overdue:
            minutes = queue_text(QT_TRANSLATE_NOOP("Queue", "{minutes} — over time")).format(
                minutes=minutes
            )
        lines.append(minutes)
    return "\n".join(line for line in lines if line)
