"""The backup file: a plaintext header, then the payload sealed in chunks.

Layout::

    CLINICDESK-BACKUP 1\\n
    {"format": 1, "key_id": ..., "key_check": ..., "created_at": ...}\\n
    then per chunk: 4-byte big-endian length + crypto.seal(key, piece, aad)

The header says which clinic key opens the file (a restore on another workstation can
name the key it needs) and is part of every chunk's ``aad``, so a changed header opens
nothing. The payload is streamed in 4 MiB chunks rather than sealed whole: a clinic's
database with years of photos runs to gigabytes, and one ``seal`` would hold it twice in
memory. Each chunk's aad carries its index and whether it is the last, so a chunk dropped,
repeated, reordered or cut off — a truncated file — is refused like a changed byte.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from desktop_app.services import crypto
from desktop_app.services.errors import ServiceError

MAGIC = b"CLINICDESK-BACKUP"
FORMAT_VERSION = 1
SUFFIX = ".cdbackup"
CHUNK_BYTES = 4 * 1024 * 1024
_LENGTH = struct.Struct(">I")
_SEALED_OVERHEAD = len(crypto.MAGIC) + crypto.NONCE_BYTES + 16
_MAX_HEADER = 4096
WHAT = "The backup file"


class BackupError(ServiceError):
    """A backup could not be written, checked or restored; the message says why."""


class BackupKeyError(BackupError):
    """This computer does not hold the key the backup was sealed under."""


class NotABackupError(ServiceError):
    """The file is not a Clinic Desk backup at all (or one of a format this version does
    not read)."""


@dataclass(frozen=True)
class Header:
    key_id: str
    key_check: str
    created_at: str
    raw: bytes  # the bytes as written: the aad every chunk is bound to


def make_header(key_id: str, key_check: str, created_at: str) -> Header:
    fields = {
        "format": FORMAT_VERSION,
        "key_id": key_id,
        "key_check": key_check,
        "created_at": created_at,
    }
    line = json.dumps(fields, sort_keys=True).encode()
    raw = MAGIC + b" " + str(FORMAT_VERSION).encode() + b"\n" + line + b"\n"
    return Header(key_id, key_check, created_at, raw)


def read_header(handle: BinaryIO, name: str) -> Header:
    """The header at the start of ``handle``, which is left at the first chunk."""
    first = handle.readline(len(MAGIC) + 16)
    if not first.startswith(MAGIC + b" "):
        raise NotABackupError(f"{name} is not a Clinic Desk backup file.")
    if first != MAGIC + b" " + str(FORMAT_VERSION).encode() + b"\n":
        raise NotABackupError(
            f"{name} is a Clinic Desk backup of a format this version does not read "
            f"({first.decode(errors='replace').strip()}): it was made by a newer version."
        )
    line = handle.readline(_MAX_HEADER)
    try:
        fields = json.loads(line)
        header = Header(
            str(fields["key_id"]), str(fields["key_check"]), str(fields["created_at"]),
            first + line,
        )  # fmt: skip
    except (ValueError, KeyError, TypeError):
        raise crypto.TamperedError(WHAT) from None
    if not line.endswith(b"\n") or fields.get("format") != FORMAT_VERSION:
        raise crypto.TamperedError(WHAT)
    return header


def _aad(header: Header, index: int, last: bool) -> bytes:
    return header.raw + struct.pack(">QB", index, last)


def write_sealed(
    out: BinaryIO,
    source: BinaryIO,
    key: bytes,
    header: Header,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Header, then ``source`` sealed chunk by chunk (an empty source: one empty chunk)."""
    out.write(header.raw)
    index, done = 0, 0
    piece = source.read(CHUNK_BYTES)
    while True:
        following = source.read(CHUNK_BYTES) if piece else b""
        last = not following
        sealed = crypto.seal(key, piece, _aad(header, index, last))
        out.write(_LENGTH.pack(len(sealed)) + sealed)
        done += len(piece)
        if progress is not None:
            progress(done)
        if last:
            return
        index, piece = index + 1, following


def read_sealed(handle: BinaryIO, key: bytes, header: Header) -> Iterator[bytes]:
    """The plaintext chunks after the header; TamperedError for any change, a missing or
    extra chunk, or a file cut short."""
    index = 0
    while True:
        length_bytes = handle.read(_LENGTH.size)
        if len(length_bytes) < _LENGTH.size:
            raise crypto.TamperedError(WHAT)  # ended before the chunk marked last
        (length,) = _LENGTH.unpack(length_bytes)
        if not _SEALED_OVERHEAD <= length <= CHUNK_BYTES + _SEALED_OVERHEAD:
            raise crypto.TamperedError(WHAT)
        sealed = handle.read(length)
        if len(sealed) < length:
            raise crypto.TamperedError(WHAT)
        try:
            yield crypto.open_sealed(key, sealed, _aad(header, index, False), WHAT)
        except crypto.TamperedError:
            yield crypto.open_sealed(key, sealed, _aad(header, index, True), WHAT)
            if handle.read(1):
                raise crypto.TamperedError(WHAT) from None  # bytes after the last chunk
            return
        index += 1


def header_of(path: Path) -> Header:
    """Only the header: which key a backup needs, without opening it."""
    try:
        with path.open("rb") as handle:
            return read_header(handle, path.name)
    except OSError as exc:
        raise NotABackupError(f"Cannot read {path}: {exc.strerror or exc}") from exc
