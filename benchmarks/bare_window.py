"""Baseline for startup.py: a bare PySide6 process that shows one empty window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.ui.startup_probe import FirstFrame

app = QApplication(sys.argv)
window = QWidget()
window.resize(1200, 780)
FirstFrame(window, [app.quit])
window.show()
sys.exit(app.exec())
