"""Unexpected errors in the window: logged in full, told to the user plainly, app kept alive.

Qt calls our slots from C++, where an uncaught Python exception would only be printed to
a console nobody at the front desk sees.
"""

from __future__ import annotations

import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)
shown: list[QMessageBox] = []  # keeps open, possibly parentless, boxes from being collected


def report(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    log.error("unexpected error", exc_info=(kind, exc, tb))
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.ui.messages import describe

    headline, detail = describe(exc)
    box = QMessageBox(
        QMessageBox.Icon.Critical, "Clinic Desk", headline, parent=QApplication.activeWindow()
    )
    box.setObjectName("unexpectedErrorDialog")
    box.setInformativeText(
        QApplication.translate("Messages", "Details are in the log file.") + f"\n\n{detail}"
    )
    shown.append(box)
    box.finished.connect(lambda _result: shown.remove(box))
    box.open()


def install() -> None:
    sys.excepthook = report
