"""Starting the application window. Imports only what the first frame needs."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from desktop_app import station
from desktop_app.ui import startup_probe
from desktop_app.ui.i18n import Translations, effective_language
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.tasks import TaskRunner


def run(url_override: str | None = None) -> int:
    QCoreApplication.setOrganizationName("ClinicDesk")
    QCoreApplication.setApplicationName("Clinic Desk")
    app = QApplication.instance() or QApplication(sys.argv)
    settings = station.load()
    translations = Translations(app)
    translations.apply(effective_language(settings.language))
    window = MainWindow(TaskRunner(app), settings, translations, url_override)
    if startup_probe.target() is not None:
        startup_probe.FirstFrame(window, quit_after=False)
        window.gate.ready.connect(lambda: (startup_probe.mark("ready"), window.close()))
    window.show()
    QTimer.singleShot(0, window.start)
    return app.exec()
