"""The first frame imports only Qt and our light UI modules: the database layer, Pillow and
the rest load on the worker thread after it (docs/benchmarks.md, start-up)."""

from __future__ import annotations

import os
import subprocess
import sys

HEAVY = ("sqlalchemy", "PIL", "reportlab", "alembic", "psycopg", "openpyxl", "keyring")


def test_starting_the_window_imports_nothing_heavy():
    probe = (
        f"import sys, desktop_app.ui.app; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == []
