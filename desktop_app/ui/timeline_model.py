"""The timeline's list model: a patient's entries, fetched a page at a time on the Runner.

It asks for the next page when the view scrolls near its end (canFetchMore/fetchMore), so
hundreds of entries scroll smoothly; a newer load drops the answers of the one before.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop_app.services import timeline
from desktop_app.services.timeline import Entry, EntryKind
from desktop_app.ui.entry_detail import entry_text
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

_Index = QModelIndex | QPersistentModelIndex
PAGE = 100


class TimelineModel(QAbstractListModel):
    """Entries newest first; the next page loads when the view reaches the end."""

    failed = Signal(object)

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.entries: list[Entry] = []
        self.source: tuple[Database, Actor, uuid.UUID, set[EntryKind] | None] | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.decorate: Callable[[Entry], Any] | None = None  # face charts (ChartThumbnails)

    def load(
        self,
        database: Database,
        actor: Actor,
        patient_id: uuid.UUID,
        kinds: set[EntryKind] | None = None,
    ) -> None:
        self.beginResetModel()
        self.entries = []
        self.source = (database, actor, patient_id, kinds)
        self._more, self._loading = True, False
        self._generation += 1
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.beginResetModel()
        self.entries, self.source, self._more = [], None, False
        self._generation += 1
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.source is None or not self.canFetchMore(parent):
            return
        database, actor, patient_id, kinds = self.source
        last = self.entries[-1] if self.entries else None
        before = (last.at, last.id) if last else None
        generation = self._generation
        self._loading = True
        self.runner.run(
            lambda: timeline.patient_timeline(
                database, actor, patient_id, kinds=kinds, before=before, limit=PAGE
            ),
            lambda page: self._arrived(generation, page),
            lambda exc: self._error(generation, exc),
        )

    def _arrived(self, generation: int, page: list[Entry]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = len(page) == PAGE
        if page:
            first = len(self.entries)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.entries += page
            self.endInsertRows()

    def _error(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self.failed.emit(exc)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_text(entry)
        if role == Qt.ItemDataRole.UserRole:
            return entry
        if role == Qt.ItemDataRole.DecorationRole and self.decorate is not None:
            return self.decorate(entry)
        return None
