"""Run slow work (database, hashing, files) off the UI thread and get the result back on it.

``TaskRunner`` uses Qt's thread pool; ``SyncRunner`` runs inline so UI tests are
deterministic. Widgets take either through their constructor. Long work reports how far
it got through a ``Progress`` it is given, and asks it whether the user cancelled.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class Runner(Protocol):
    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None: ...


class SyncRunner:
    """Runs the work at once, on the calling thread. For tests and scripts."""

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        try:
            result = work()
        except Exception as exc:
            on_error(exc)
            return
        on_done(result)


class _Relay(QObject):
    """Lives on the UI thread; its queued signals carry results back there."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as exc:
            log.info("background task failed: %r", exc)
            self.relay.failed.emit(exc)
            return
        self.relay.done.emit(result)


class TaskRunner(QObject):
    """Runs work on Qt's global thread pool; callbacks arrive on the UI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: set[_Relay] = set()

    def run(self, work: Callable[[], Any], on_done: Done, on_error: Failed) -> None:
        relay = _Relay(self)
        self._pending.add(relay)

        def finish(callback: Callable[[Any], None], value: Any) -> None:
            self._pending.discard(relay)
            relay.deleteLater()
            callback(value)

        relay.done.connect(lambda value: finish(on_done, value))
        relay.failed.connect(lambda exc: finish(on_error, exc))
        QThreadPool.globalInstance().start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until running work finishes (used on shutdown and in tests)."""
        return QThreadPool.globalInstance().waitForDone(msecs)


class Progress(QObject):
    """How far long work got, from whichever thread does it, shown on the UI thread.

    The work calls ``report`` (from a worker thread under ``TaskRunner``: the signal is
    queued to the UI thread; inline under ``SyncRunner``) and polls ``cancelled``, which
    the UI sets with ``cancel`` (a thread-safe flag, no signal needed that way round).
    """

    changed = Signal(int, int, str)  # done, total, what is being worked on

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self.changed.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()
