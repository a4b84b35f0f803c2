"""Opening an import file: its fingerprint, its header and its data rows in batches, with
whatever can go wrong with the file itself turned into one clear ImportFileError.

Only reading errors are translated: a database or disk failure while a batch is written
propagates as itself, so the caller's transaction handling sees it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from desktop_app.services import import_reading
from desktop_app.services.errors import ServiceError
from desktop_app.services.import_words import FILE_ERRORS

Rows = Iterator[tuple[int, list[str]]]


class ImportFileError(ServiceError):
    """The file cannot be imported; ``reason``: file_type, encoding, header, empty, unreadable."""

    def __init__(self, reason: str, path: Path) -> None:
        self.reason = reason
        self.path = path
        super().__init__(FILE_ERRORS[reason].format(name=path.name))

    def __reduce__(self) -> tuple[type, tuple[str, Path]]:
        return type(self), (self.reason, self.path)  # raised in a worker, re-raised here


def _translated(exc: Exception, path: Path) -> Exception:
    """The ImportFileError a reading failure means, or the exception itself otherwise."""
    if isinstance(exc, ImportFileError):
        return exc
    if isinstance(exc, ValueError) and str(exc) in FILE_ERRORS:
        return ImportFileError(str(exc), path)
    if isinstance(exc, OSError | ValueError | KeyError | EOFError):
        return ImportFileError("unreadable", path)
    if type(exc).__module__.split(".")[0] in ("zipfile", "openpyxl", "xml", "csv"):
        return ImportFileError("unreadable", path)
    return exc


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as file:
            for chunk in iter(lambda: file.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise ImportFileError("unreadable", path) from exc
    return digest.hexdigest()


def rows(path: Path) -> Rows:
    """import_reading.open_rows, its failures raised as ImportFileError at the row they hit."""
    try:
        source = import_reading.open_rows(path)
    except Exception as exc:
        raise _translated(exc, path) from exc
    while True:
        try:
            row = next(source)
        except StopIteration:
            return
        except Exception as exc:
            raise _translated(exc, path) from exc
        yield row


def header(path: Path, header_row: int | None) -> tuple[int, list[str], bool, Rows]:
    """(header row number, its cells, whether it was recognised, the data rows below).

    With ``header_row`` (a mapping the user made) that row is the header; otherwise the
    first row find_header recognises, or, failing that, the first row, unrecognised.
    """
    source = rows(path)
    if header_row is not None:
        for number, cells in source:
            if number == header_row:
                return number, cells, True, source
            if number > header_row:
                break
        raise ImportFileError("header", path)
    scanned: list[tuple[int, list[str]]] = []
    try:
        number, _ = import_reading.find_header(_keeping(source, scanned))
    except ValueError:
        if not scanned:
            raise ImportFileError("empty", path) from None
        first, cells = scanned[0]
        return first, cells, False, _chain(scanned[1:], source)
    cells = next(c for n, c in scanned if n == number)
    return number, cells, True, source


def row_count_hint(path: Path) -> int:
    try:
        return import_reading.row_count_hint(path)
    except Exception as exc:
        raise _translated(exc, path) from exc


def batches(source: Rows, size: int) -> Iterator[list[tuple[int, list[str]]]]:
    batch: list[tuple[int, list[str]]] = []
    for row in source:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _keeping(source: Rows, kept: list[tuple[int, list[str]]]) -> Rows:
    for row in source:
        kept.append(row)
        yield row


def _chain(first: Iterable[tuple[int, list[str]]], rest: Rows) -> Rows:
    yield from first
    yield from rest
