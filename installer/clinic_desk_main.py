"""Entry point of the installed build: the same ``clinic-desk`` command as a checkout's.

PyInstaller needs a script rather than a console-script entry point. ``freeze_support``
lets the spawned worker processes (patient import, demo data) start from the frozen
executable instead of starting a second application.
"""

from __future__ import annotations

import multiprocessing
import sys

from desktop_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
