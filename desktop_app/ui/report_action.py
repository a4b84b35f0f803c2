"""A report's action on the rows the manager chose (``RowAction``, the churn warning's
"Remind consultants…"): its button beside the exports, its shortcut within the view, a
confirmation, the work on the runner, and what came of it in the view's status line.

Shown only to whoever may see reports; the service checks the permission again. The
confirmation is a constructor argument so tests can answer it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from desktop_app.services.permissions import Permission, allowed
from desktop_app.ui.messages import describe
from desktop_app.ui.report_table import RowAction
from desktop_app.ui.tasks import Runner

if TYPE_CHECKING:
    from desktop_app.ui.report_view import ReportView

Confirm = Callable[[QWidget, str, str], bool]  # (parent, title, question): go ahead?


def confirm_in_box(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def plain(title: str) -> str:
    """A button's text for a dialog title or a hint: without its mnemonic (the "&" or,
    in Chinese, the "(&M)" after the words) and without the "…" that promises a dialog."""
    title = re.sub(r"\(&\w\)", "", title)
    return title.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ReportAction(QObject):
    said = Signal(str, bool)  # the status line's text, and whether it is an error

    def __init__(
        self, view: ReportView, action: RowAction, runner: Runner, confirm: Confirm
    ) -> None:
        super().__init__(view)
        self.view, self.action, self.runner, self.confirm = view, action, runner, confirm
        self.running = False
        self.button = QPushButton()
        self.button.setObjectName("reportAction")
        self.button.clicked.connect(self.trigger)
        self.keys = QKeySequence(action.shortcut)
        self.shortcut = QShortcut(self.keys, view)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.trigger)

    def retranslate(self) -> None:
        self.button.setText(self.action.title())
        self.button.setToolTip(f"{plain(self.action.title())} ({self.key_text()})")

    def key_text(self) -> str:
        return self.keys.toString(QKeySequence.SequenceFormat.NativeText)

    def hint(self) -> str:
        """For the status line: how to use it, once rows are shown."""
        return self.tr("Choose several with Ctrl or Shift, then {action} ({keys}).").format(
            action=plain(self.action.title()), keys=self.key_text()
        )

    def available(self) -> bool:
        actor = self.view.actor
        return actor is not None and allowed(actor, Permission.VIEW_REPORTS)

    def update(self) -> None:
        """Hidden from staff without reports; usable once rows are shown and nothing runs."""
        busy = not self.view.busy.isHidden()  # the view computing its rows
        self.button.setVisible(self.available())
        self.button.setEnabled(not busy and not self.running and bool(self.view.model.rows))

    def trigger(self) -> None:
        view, database, actor = self.view, self.view.database, self.view.actor
        if self.running or not self.button.isEnabled() or not self.available():
            return
        assert database is not None and actor is not None  # available() and rows shown
        rows = view.chosen_rows()
        if not rows:
            self.said.emit(self.tr("Choose one or more rows first."), False)
            return
        if not self.confirm(view, plain(self.action.title()), self.action.confirm(len(rows))):
            return
        self.running = True
        self.update()
        self.said.emit(self.tr("Working…"), False)
        run = self.action.run
        self.runner.run(
            lambda: run(database, actor, rows),
            lambda done: self._finished(actor, self.action.done(done, len(rows)), False),
            lambda exc: self._finished(actor, " ".join(p for p in describe(exc) if p), True),
        )

    def _finished(self, actor: Any, text: str, error: bool) -> None:
        self.running = False
        self.update()
        if self.view.actor is actor:  # not for whoever signed in meanwhile
            self.said.emit(text, error)
