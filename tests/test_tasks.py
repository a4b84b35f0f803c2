"""Background work runs off the UI thread and reports back on it."""

from __future__ import annotations

import threading

from desktop_app.ui.tasks import SyncRunner, TaskRunner


def test_task_runner_works_off_the_ui_thread_and_answers_on_it(qtbot, qapp):
    runner = TaskRunner(qapp)
    ui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work() -> int:
        seen["worker"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["value"] = value
        seen["callback"] = threading.get_ident()

    runner.run(work, done, lambda exc: seen.setdefault("error", exc))
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["worker"] != ui_thread
    assert seen["callback"] == ui_thread


def test_task_runner_delivers_errors_on_the_ui_thread(qtbot, qapp):
    runner = TaskRunner(qapp)
    errors: list[tuple[BaseException, int]] = []

    def work() -> None:
        raise ValueError("disk full")

    runner.run(work, lambda _v: None, lambda exc: errors.append((exc, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors))
    assert str(errors[0][0]) == "disk full"
    assert errors[0][1] == threading.get_ident()


def test_sync_runner_reports_errors_instead_of_raising():
    errors: list[BaseException] = []
    SyncRunner().run(lambda: 1 / 0, lambda _v: None, errors.append)
    assert isinstance(errors[0], ZeroDivisionError)
