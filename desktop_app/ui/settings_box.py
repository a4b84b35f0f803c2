"""The base of the boxes on the Settings page. Each box follows who is signed in and redraws
its words when the language changes; written here once, a box says only which permission
shows it and what binding reloads, so a new box cannot forget a step or get one wrong."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGroupBox

from desktop_app.services.permissions import Permission, allowed

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor


class SettingsBox(QGroupBox):
    """A Settings box bound to the database and the person signed in.

    A subclass sets `permission` (None: everyone signed in sees the box), implements
    `retranslate()` and overrides `bound()` for what binding does beyond showing the box.
    """

    permission: ClassVar[Permission | None] = None

    def __init__(self) -> None:
        super().__init__()
        self.database: Database | None = None
        self.actor: Actor | None = None

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.setVisible(self.shown)
        self.bound()

    def bound(self) -> None:
        """Refresh what depends on who is signed in (reload, clear the status line)."""

    @property
    def shown(self) -> bool:
        """Someone is signed in and may see this box."""
        if self.permission is None:
            return self.actor is not None
        return self.allows(self.permission)

    def allows(self, permission: Permission) -> bool:
        """The person signed in holds `permission` (no one signed in holds none)."""
        return self.actor is not None and allowed(self.actor, permission)
