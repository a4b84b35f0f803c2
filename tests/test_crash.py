"""An unexpected error in a slot is logged and shown, and the application carries on."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.ui import crash, startup_probe


def test_unexpected_error_is_logged_and_shown(qtbot, caplog):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    try:
        raise RuntimeError("disk on fire")
    except RuntimeError:
        with caplog.at_level(logging.ERROR):
            crash.report(*sys.exc_info())
    [box] = crash.shown
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Something went wrong."
    assert "disk on fire" in box.informativeText()
    assert "Traceback" in caplog.text and "disk on fire" in caplog.text
    box.done(0)
    assert crash.shown == []


def test_probe_that_cannot_write_does_not_stop_start_up(qtbot, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(startup_probe.ENV, str(blocker / "probe.txt"))  # parent is a file
    window = QWidget()
    qtbot.addWidget(window)
    started: list[bool] = []
    startup_probe.FirstFrame(window, [lambda: started.append(True)])
    window.show()
    qtbot.waitUntil(lambda: started == [True])
