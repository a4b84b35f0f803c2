"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 returned None from void methods without a reference: every
paint call lowered None's count until the interpreter aborted ("deallocating None") in
the middle of a long day. The pin in pyproject.toml keeps it out; this keeps it out for good.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_calls_do_not_drop_references_to_none(qapp):
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    pen, rect = QPen(QColor("red")), QRect(0, 0, 8, 8)
    blue = QColor("blue")

    def paint(times: int) -> None:
        for _ in range(times):
            painter.setPen(pen)
            painter.save()
            painter.restore()
            painter.fillRect(rect, blue)

    gc.disable()  # a collection in between would move None's count for other reasons
    try:
        paint(10)  # first calls may cache things that hold None
        before = sys.getrefcount(None)
        paint(500)
        drift = sys.getrefcount(None) - before
    finally:
        gc.enable()
        painter.end()
    assert abs(drift) < 50  # 0 on a sound binding; -2000 on the broken one
