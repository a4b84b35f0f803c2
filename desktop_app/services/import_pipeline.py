"""Reading and checking an import file's rows, in a worker process for a big file.

Reading a row of an .xlsx and checking it each cost about as much as writing it, so for
a big file a worker process reads and checks while this one writes the batches before:
the import then takes about as long as the slower half instead of the sum. At most a
few batches wait in between, so memory stays flat. Small files are done here: starting
a process costs about a second.
"""

from __future__ import annotations

import queue as queues
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.services import import_file
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_rows import ParsedRow, RowContext, parse_batch

AHEAD = 3  # batches read and checked ahead of the writing
POLL_SECONDS = 1.0

Batch = tuple[list[int], list[ParsedRow]]  # rows imported before (skipped), rows checked


@dataclass(frozen=True)
class Job:
    path: Path
    header_row: int
    context: RowContext
    batch_rows: int
    skip: frozenset[int]  # rows an earlier run of this file imported


class WorkerStoppedError(ServiceError):
    """The worker process ended without finishing (killed, out of memory)."""


def checked_batches(job: Job, in_worker: bool) -> Generator[Batch]:
    """Each batch of the file's data rows, checked, in file order. Closing the generator
    (the caller stopped early) stops the worker."""
    if not in_worker:
        yield from _batches(job)
        return
    import multiprocessing

    # "spawn" everywhere: a forked child would inherit this process's open database.
    context = multiprocessing.get_context("spawn")
    channel = context.Queue(maxsize=AHEAD)
    worker = context.Process(target=_work, args=(job, channel), daemon=True)
    worker.start()
    try:
        while True:
            try:
                kind, payload = channel.get(timeout=POLL_SECONDS)
            except queues.Empty:
                if not worker.is_alive():
                    raise WorkerStoppedError(
                        "Checking the file's rows stopped unexpectedly; nothing more was "
                        "imported. Import the file again to go on."
                    ) from None
                continue
            if kind == "end":
                return
            if kind == "error":
                raise payload
            yield payload
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()
        channel.close()


def _batches(job: Job) -> Iterator[Batch]:
    _, _, _, data = import_file.header(job.path, job.header_row)
    for batch in import_file.batches(data, job.batch_rows):
        skipped = [number for number, _ in batch if number in job.skip]
        todo = [row for row in batch if row[0] not in job.skip] if skipped else batch
        yield skipped, parse_batch(job.context, todo)


def _work(job: Job, channel: object) -> None:
    """The worker process: every batch, then "end", or the error that stopped it."""
    import pickle

    try:
        for batch in _batches(job):
            channel.put(("batch", batch))  # type: ignore[attr-defined]
        channel.put(("end", None))  # type: ignore[attr-defined]
    except Exception as exc:
        try:
            pickle.dumps(exc)
        except Exception:
            exc = ServiceError(str(exc))
        channel.put(("error", exc))  # type: ignore[attr-defined]
