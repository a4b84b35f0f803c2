"""A rotating log file in the data folder, so support can see what happened on a station."""

from __future__ import annotations

from desktop_app import paths


def configure() -> None:
    """Log to <data>/logs/clinic-desk.log. The GUI calls this after its first frame."""
    import logging
    import logging.handlers

    folder = paths.data_dir() / "logs"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / "clinic-desk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only profile must not stop the app
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
