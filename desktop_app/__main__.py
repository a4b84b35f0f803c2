"""Allow ``python -m desktop_app``."""

from desktop_app.cli import main

if __name__ == "__main__":  # not in a worker process, which imports this module again
    raise SystemExit(main())
