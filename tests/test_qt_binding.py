"""The Qt binding keeps Python's reference counts right.

PySide6 6.12.0 on Python 3.11 returned None from void methods without a reference: every
paint call lowered None's count until the interpreter aborted ("deallocating None") in
the middle of a long day. The pin in pyproject.toml keeps it out; this keeps it out for good.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_calls_do_not_drop_references_to_none(qapp):
    image = QImage(16, 16, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    pen, rect = QPen(QColor("red")), QRect(0, 0, 8, 8)
    try:
        before = sys.getrefcount(None)
        for _ in range(500):
            painter.setPen(pen)
            painter.save()
            painter.restore()
            painter.fillRect(rect, QColor("blue"))
        drift = sys.getrefcount(None) - before
    finally:
        painter.end()
    assert abs(drift) < 50  # 0 on a sound binding; -2000 on the broken one
