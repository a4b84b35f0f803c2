"""What a stored photo keeps of its metadata: orientation, taken-at and camera, no more.

A JPEG keeps its compressed image exactly: its marker segments are rewritten around it
(``clean_jpeg``), never re-encoded. Pure functions over bytes and Pillow's ``Exif``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from PIL import ExifTags, Image

# Exif tags kept in the stored original; everything else (GPS, serials, owner, lens,
# maker notes, thumbnails …) is left out.
_ORIENTATION = ExifTags.Base.Orientation
_MAKE = ExifTags.Base.Make
_MODEL = ExifTags.Base.Model
_TAKEN = ExifTags.Base.DateTimeOriginal
_DIGITIZED = ExifTags.Base.DateTimeDigitized
_OFFSET = ExifTags.Base.OffsetTimeOriginal


def minimal_exif(exif: Image.Exif, orientation: int) -> bytes:
    """An Exif block with only orientation, taken-at and camera ("" if none of them)."""
    kept = Image.Exif()
    if _ORIENTATION in exif:
        kept[_ORIENTATION] = orientation
    for tag in (_MAKE, _MODEL):
        text = _text(exif.get(tag))
        if text:
            kept[tag] = text[:64]
    taken = _text(exif.get_ifd(ExifTags.IFD.Exif).get(_TAKEN))
    if taken:
        kept.get_ifd(ExifTags.IFD.Exif)[_TAKEN] = taken[:19]
    return kept.tobytes() if len(kept) else b""


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return value.replace("\x00", "").strip() if isinstance(value, str) else ""


def taken_at(exif: Image.Exif) -> datetime | None:
    """DateTimeOriginal (else DateTimeDigitized), with its offset if the camera wrote one,
    else read as this computer's local time; in UTC."""
    details = exif.get_ifd(ExifTags.IFD.Exif)
    for tag in (_TAKEN, _DIGITIZED):
        try:
            taken = datetime.strptime(_text(details.get(tag))[:19], "%Y:%m:%d %H:%M:%S")
        except ValueError:
            continue
        offset = re.fullmatch(r"([+-])(\d\d):(\d\d)", _text(details.get(_OFFSET)))
        if offset:
            sign = -1 if offset[1] == "-" else 1
            delta = timedelta(hours=int(offset[2]), minutes=int(offset[3]))
            return taken.replace(tzinfo=timezone(sign * delta)).astimezone(UTC)
        return taken.astimezone(UTC)  # naive: local time
    return None


def camera(exif: Image.Exif) -> str:
    make, model = _text(exif.get(_MAKE)), _text(exif.get(_MODEL))
    if make and model.lower().startswith(make.split()[0].lower()):
        return model[:120]  # "Canon" + "Canon EOS R5"
    return " ".join(filter(None, (make, model)))[:120]


# --- JPEG: new metadata around the same compressed image --------------------------------

_SOI, _EOI, _SOS = 0xD8, 0xD9, 0xDA
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")  # in entropy data: stuffing and RSTn aren't
_KEEP_APP = {0xE0: b"JFIF\x00", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}


def clean_jpeg(data: bytes, exif: bytes) -> bytes:
    """The same compressed image with only harmless segments kept, and ``exif`` added;
    ValueError if it is not a complete JPEG (no end of image).

    Kept: tables, frame and scans, APP0 JFIF, APP2 ICC profile, APP14 Adobe (it says how
    to read the colours). Dropped: every other APPn (Exif, XMP, IPTC/Photoshop, MPF and its
    appended images, maker blocks), comments, and anything after the end of the image."""
    if not data.startswith(b"\xff\xd8"):
        raise ValueError("not a complete JPEG")
    head: list[bytes] = []
    body: list[bytes] = []
    pos, size = 2, len(data)
    while True:
        if pos >= size or data[pos] != 0xFF:
            raise ValueError("not a complete JPEG")
        start = pos
        while pos < size and data[pos] == 0xFF:  # fill bytes
            pos += 1
        if pos >= size:
            raise ValueError("not a complete JPEG")
        marker = data[pos]
        pos += 1
        if marker == _EOI:
            body.append(b"\xff\xd9")
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # no length
            body.append(data[start:pos])
            continue
        end = pos + int.from_bytes(data[pos : pos + 2], "big")
        if end > size or end < pos + 2:
            raise ValueError("not a complete JPEG")
        if marker == _SOS:  # header, then the entropy-coded data up to the next marker
            found = _MARKER.search(data, end)
            if found is None:
                raise ValueError("not a complete JPEG")
            body.append(data[start : found.start()])
            pos = found.start()
            continue
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            signature = _KEEP_APP.get(marker)
            if signature is not None and data.startswith(signature, pos + 2):
                (head if marker == 0xE0 and not body else body).append(data[start:end])
        else:
            body.append(data[start:end])
        pos = end
    app1 = b""
    if exif:
        app1 = b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif
    return b"".join((b"\xff\xd8", *head[:1], app1, *body))
