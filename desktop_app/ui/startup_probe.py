"""Start-up timing for benchmarks/startup.py: when the first frame is on screen, when ready.

Active only when CLINIC_DESK_STARTUP_PROBE names a file; the same probe is used in the
bare-Qt baseline so both are measured at the same moment.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

ENV = "CLINIC_DESK_STARTUP_PROBE"


def target() -> Path | None:
    value = os.environ.get(ENV)
    return Path(value) if value else None


def mark(label: str) -> None:
    path = target()
    if path is not None:
        with path.open("a", encoding="utf-8") as handle:
            handle.write(f"{label} {time.time():.6f}\n")


class FirstFrame(QObject):
    """Marks 'shown' once the window's first paint is done and the event loop is idle."""

    def __init__(self, window: QWidget, *, quit_after: bool) -> None:
        super().__init__(window)
        self.quit_after = quit_after
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, self._shown)
        return False

    def _shown(self) -> None:
        mark("shown")
        if self.quit_after:
            QCoreApplication.quit()
