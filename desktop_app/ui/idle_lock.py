"""The idle lock: after the clinic's minutes without a key or a click, the main window
shows a lock screen instead of the workspace and hides its open dialogs, so a patient at
the desk sees no record. The person who was signed in unlocks with their password and
finds everything as they left it; someone else signing in gets a clean workspace (the
window closes the previous person's dialogs and signs them out).

``IdleWatch`` only watches input and says when the time is up; ``LockScreen`` only asks
for a password; MainWindow does the locking, through services.staff and services.screen_lock.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.db import DatabaseError
from desktop_app.services import screen_lock
from desktop_app.services.errors import AuthenticationError, ServiceError
from desktop_app.services.screen_lock import DEFAULT_MINUTES
from desktop_app.ui.centred_card import CentredCard
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe

if TYPE_CHECKING:
    from desktop_app.services.context import Actor
    from desktop_app.ui.main_window import MainWindow

# What counts as someone at the keyboard.
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_EVERY_MS = 5_000


class IdleWatch(QObject):
    """Watches the whole application's input; ``idle`` once ``minutes`` pass without any."""

    idle = Signal()

    def __init__(
        self, parent: QObject | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.minutes = 0  # 0: off (nobody signed in)
        self.last_input = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check)
        QApplication.instance().installEventFilter(self)

    def start(self, minutes: int) -> None:
        self.minutes = minutes
        self.last_input = self.clock()
        self.timer.start()

    def stop(self) -> None:
        self.minutes = 0
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self.last_input = self.clock()
        return False

    def check(self) -> None:
        if self.minutes and self.clock() - self.last_input >= self.minutes * 60:
            self.stop()
            self.idle.emit()


class LockScreen(CentredCard):
    """ "Locked": the person's password unlocks; another person may sign in instead."""

    unlock_requested = Signal(str)  # the password
    switch_requested = Signal(str, str)  # user name, password

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("lockScreen")
        self.person = ""
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.column.addWidget(self.explain)
        self.form = FieldForm()
        self.password = QLineEdit()
        self.password.setObjectName("lockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.add_field("password", self.password)
        self.column.addLayout(self.form)
        self.error = QLabel()
        self.error.setObjectName("lockError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.column.addWidget(self.error)
        self.unlock_button = QPushButton()
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.column.addWidget(self.unlock_button)
        self.other = QLabel()
        self.column.addWidget(self.other)
        self.other_form = FieldForm()
        self.other_username, self.other_password = QLineEdit(), QLineEdit()
        self.other_username.setObjectName("lockOtherUser")
        self.other_password.setObjectName("lockOtherPassword")
        self.other_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.other_form.add_field("username", self.other_username)
        self.other_form.add_field("password", self.other_password)
        self.column.addLayout(self.other_form)
        self.switch_button = QPushButton()
        self.switch_button.setObjectName("switchUserButton")
        self.switch_button.clicked.connect(self._switch)
        self.column.addWidget(self.switch_button)
        self.password.returnPressed.connect(self._unlock)
        self.other_username.returnPressed.connect(self.other_password.setFocus)
        self.other_password.returnPressed.connect(self._switch)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Locked"))
        explain = self.tr("{name} was signed in. The screen locked itself after a while unused.")
        self.explain.setText(explain.format(name=self.person))
        self.form.labels["password"].setText(self.tr("{name}'s &password").format(name=self.person))
        self.unlock_button.setText(self.tr("Unlock"))
        self.other.setText(self.tr("Or sign in as someone else:"))
        self.other_form.labels["username"].setText(self.tr("&User name"))
        self.other_form.labels["password"].setText(self.tr("Pass&word"))
        self.switch_button.setText(self.tr("Sign in as someone else"))

    def show_for(self, person: str) -> None:
        self.person = person
        for box in (self.password, self.other_username, self.other_password):
            box.clear()
        self.show_error("")
        self.retranslate()
        self.password.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        self.unlock_button.setEnabled(not busy)
        self.switch_button.setEnabled(not busy)

    def _unlock(self) -> None:
        if self.unlock_button.isEnabled() and self.password.text():
            self.unlock_requested.emit(self.password.text())

    def _switch(self) -> None:
        if not self.switch_button.isEnabled():
            return
        if not self.other_username.text().strip():
            self.show_error(self.tr("Enter the user name of the person signing in."))
            self.other_username.setFocus()
            return
        self.switch_requested.emit(self.other_username.text(), self.other_password.text())


class WindowLock(QObject):
    """Locks a MainWindow when idle: the lock screen in place of the workspace, its other
    windows hidden and its actions off; unlocks it for the same person, or hands it to
    another person with nothing of the first one's screen left open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.screen = LockScreen()
        window.root.addWidget(self.screen)
        self.screen.unlock_requested.connect(self._unlock)
        self.screen.switch_requested.connect(self._switch)
        self.watch = IdleWatch(self)
        self.watch.idle.connect(self.lock)
        self.locked = False
        self._hidden: list[QWidget] = []
        self._disabled: list[QAction] = []

    def signed_in(self) -> None:
        """Someone signed in: watch for idleness with the clinic's minutes."""
        database = self.window.database

        def minutes() -> int:
            try:
                return screen_lock.lock_minutes(database) if database else DEFAULT_MINUTES
            except (DatabaseError, ServiceError):  # offline: the default still protects
                return DEFAULT_MINUTES

        self.window.runner.run(minutes, self.watch.start, lambda _e: None)

    def signed_out(self) -> None:
        self.watch.stop()
        self.locked = False

    def lock(self) -> None:
        window, actor = self.window, self.window.actor
        if self.locked or actor is None or window.workspace is None:
            return
        self.locked = True
        self._hidden = [
            w for w in QApplication.topLevelWidgets() if w is not window and w.isVisible()
        ]
        for widget in self._hidden:
            widget.hide()
        self._disabled = [a for a in window.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled:
            action.setEnabled(False)
        window.root.setCurrentWidget(self.screen)
        self.screen.show_for(actor.display_name)
        database = window.database
        if database is not None:
            minutes = self.watch.minutes
            window.runner.run(
                lambda: screen_lock.screen_locked(database, actor, minutes),
                lambda _r: None,
                lambda _e: None,  # no server: the lock holds all the same
            )

    def _sign_in(self, username: str, password: str, then: Callable[[Actor], None]) -> None:
        from desktop_app.services.reminder_cache import sign_in_offline
        from desktop_app.services.staff import sign_in

        database = self.window.database
        if database is None:
            return
        check = sign_in_offline if self.window.offline else sign_in
        self.screen.show_error("")
        self.screen.set_busy(True)
        self.window.runner.run(lambda: check(database, username, password), then, self._failed)

    def _unlock(self, password: str) -> None:
        actor = self.window.actor
        if actor is not None:
            self._sign_in(actor.username, password, self._back)

    def _switch(self, username: str, password: str) -> None:
        self._sign_in(username, password, self._handed_over)

    def _failed(self, exc: BaseException) -> None:
        self.screen.set_busy(False)
        headline, detail = describe(exc)
        self.screen.show_error(headline if isinstance(exc, AuthenticationError) else detail)
        self.screen.password.selectAll()

    def _back(self, actor: Actor) -> None:
        """The same person: everything as they left it."""
        window = self.window
        if window.actor is None or actor.staff_id != window.actor.staff_id:
            self._handed_over(actor)
            return
        self._unlocked()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if window.workspace is not None:
            window.root.setCurrentWidget(window.workspace)
        self.signed_in()

    def _handed_over(self, actor: Actor) -> None:
        """Someone else: the first person's windows closed, signed out; a clean workspace."""
        window = self.window
        if window.actor is not None and actor.staff_id == window.actor.staff_id:
            self._back(actor)
            return
        for widget in self._hidden:
            widget.close()
            widget.deleteLater()
        self._hidden = []
        self._unlocked()
        window.sign_out()
        window.gate.signed_in.emit(actor)  # as a sign-in at the gate: _enter binds afresh

    def _unlocked(self) -> None:
        self.locked = False
        self.screen.set_busy(False)
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled = []
