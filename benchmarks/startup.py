"""Cold start of clinic-desk to a shown, usable main window, against a bare PySide6 window.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--platform offscreen|xcb]

Both processes are started the same way, interleaved, and timed from just before the
process is spawned to the probe mark written after the window's first paint, once the
event loop is idle again (desktop_app/ui/startup_probe.py). For clinic-desk this is the
main window with the sign-in form, on an SQLite database already set up (a manager and
the clinic's name), as a receptionist starts it each morning. The database opens on a
worker thread after that frame; the time until signing in is possible ("ready") is
reported too. Budget: shown ≤ 1.5 × bare.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 1.5


def prepare(folder: Path) -> dict[str, str]:
    """An isolated station whose database is set up, so start-up shows the sign-in form."""
    env = {
        **os.environ,
        "CLINIC_DESK_DATA_DIR": str(folder / "data"),
        "CLINIC_DESK_CONFIG_DIR": str(folder / "config"),
    }
    env.pop("CLINIC_DESK_DATABASE_URL", None)
    setup = (
        "from desktop_app.startup import open_database; from desktop_app.db import resolve_url;"
        "from desktop_app.station import StationSettings;"
        "from desktop_app.services.setup import complete_first_run, FirstRun;"
        "o = open_database(resolve_url(None, StationSettings()));"
        "complete_first_run(o.database, FirstRun('美丽诊所', 'boss', 'Boss', 'benchmark pw 1'))"
    )
    subprocess.run([sys.executable, "-c", setup], env=env, check=True, cwd=ROOT)
    return env


def timed(command: list[str], env: dict[str, str], probe: Path) -> dict[str, float]:
    probe.unlink(missing_ok=True)
    env = {**env, "CLINIC_DESK_STARTUP_PROBE": str(probe)}
    start = time.time()
    subprocess.run(
        command,
        env=env,
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=60,
    )
    marks = dict(line.split() for line in probe.read_text().splitlines())
    return {label: float(at) - start for label, at in marks.items()}


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p90 = ordered[min(len(ordered) - 1, round(0.9 * (len(ordered) - 1)))]
    return f"median {statistics.median(values) * 1000:.0f} ms, p90 {p90 * 1000:.0f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()

    app_command = [sys.executable, "-m", "desktop_app"]
    entry_point = Path(sys.executable).with_name("clinic-desk")
    if entry_point.exists():
        app_command = [str(entry_point)]
    bare_command = [sys.executable, str(ROOT / "benchmarks" / "bare_window.py")]

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = {**prepare(folder), "QT_QPA_PLATFORM": args.platform, "PYTHONPATH": str(ROOT)}
        probe = folder / "probe.txt"
        for _ in range(2):  # warm the OS file cache for both, so neither pays for it alone
            timed(bare_command, env, probe)
            timed(app_command, env, probe)
        bare, shown, ready = [], [], []
        for _ in range(args.runs):
            bare.append(timed(bare_command, env, probe)["shown"])
            marks = timed(app_command, env, probe)
            shown.append(marks["shown"])
            ready.append(marks["ready"])

    ratio = statistics.median(shown) / statistics.median(bare)
    print(f"platform {args.platform}, {args.runs} runs each, interleaved")
    print(f"bare PySide6 window        : {summary(bare)}")
    print(f"clinic-desk window shown   : {summary(shown)}")
    print(f"clinic-desk sign-in ready  : {summary(ready)}")
    print(f"ratio shown / bare (median): {ratio:.2f}  (budget ≤ {BUDGET})")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
