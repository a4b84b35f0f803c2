"""The first frame: run start-up work only once the window is painted, and time it.

Opening the database imports a lot of Python; doing that on a worker thread while the
window is still painting its first frame would hold the GIL against the painter. So the
application waits for the first paint, then starts everything else.

When CLINIC_DESK_STARTUP_PROBE names a file, moments are appended to it for
benchmarks/startup.py (the bare-Qt baseline uses the same FirstFrame).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "CLINIC_DESK_STARTUP_PROBE"


def target() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def mark(label: str) -> None:
    """Append a timing mark; a probe that cannot write must never stop the application."""
    path = target()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"{label} {time.time():.6f}\n")
    except OSError:
        pass


class FirstFrame(QObject):
    """Calls ``then`` once the window's first paint is done and the event loop is idle."""

    def __init__(self, window: QWidget, then: list[Callable[[], object]]) -> None:
        super().__init__(window)
        self.then = then
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._shown)
        return False

    def _shown(self) -> None:
        mark("shown")
        for callback in self.then:
            callback()
