"""Starting the application window. Imports only what the first frame needs."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop_app import paths, station
from desktop_app.ui import crash, startup_probe
from desktop_app.ui.i18n import Translations, effective_language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import TaskRunner


def run(
    url_override: str | None = None, after_first_frame: Callable[[], None] | None = None
) -> int:
    """Show the window at once; everything else starts after its first frame."""
    QCoreApplication.setOrganizationName("ClinicDesk")
    QCoreApplication.setApplicationName("Clinic Desk")
    app = QApplication.instance() or QApplication(sys.argv)
    crash.install()
    app.setWindowIcon(QIcon(str(paths.ICONS / "clinic-desk-256.png")))
    settings = station.load()
    translations = Translations(app)
    translations.apply(effective_language(settings.language))
    window = MainWindow(TaskRunner(app), settings, translations, url_override)
    then: list[Callable[[], object]] = [window.start]
    if after_first_frame is not None:
        then.append(after_first_frame)
    if startup_probe.target() is not None:
        window.gate.ready.connect(lambda: (startup_probe.mark("ready"), window.close()))
    # Once signed in, everything alive (Qt, SQLAlchemy, the pages) lives as long as the app:
    # frozen out of the collector's sight, a full collection no longer walks it; it kept
    # landing inside reads such as a week of the appointment book (p95 twice the median).
    window.gate.signed_in.connect(lambda _actor: gc.freeze())
    startup_probe.FirstFrame(window, then)
    window.show()
    window.activateWindow()  # so the first keystroke, shortcuts included, reaches it
    return app.exec()
