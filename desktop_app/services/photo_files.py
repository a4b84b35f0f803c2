"""A photo file's bytes in, the renditions Clinic Desk stores out: Pillow only, no database.

The original keeps its pixels exactly: a JPEG is not re-encoded but has its marker
segments rewritten (GPS, serial numbers, XMP, IPTC, maker notes, comments and embedded
previews dropped; a minimal Exif with only orientation, taken-at and camera put back).
Other formats are re-encoded losslessly (PNG, or lossless WebP for WebP) with that same
minimal Exif (``photo_metadata``). The display copy and the thumbnail are upright JPEGs.
Every refusal is a ``PhotoFileError`` whose ``code`` the UI translates and whose text
names the file.

Speed (``benchmarks/photos.py``): the size is checked from the header before decoding; a
JPEG is decoded by libjpeg at the smallest scale still at least the display size (draft
mode) yet fully, so a truncated file is still caught; the thumbnail comes from the
display copy; the bytes are hashed once.
"""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass
from datetime import datetime

from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from desktop_app.services import photo_metadata
from desktop_app.services.errors import ServiceError

MAX_PIXELS = 100_000_000  # larger (e.g. a 200-MP file) is refused from its header
DISPLAY_LONG_SIDE = 2048
THUMB_LONG_SIDE = 256
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".heic", ".heif"})
MAX_FILE_BYTES = 400 * 1024 * 1024  # a file this big is no photo; refused before reading it
DISPLAY_QUALITY = 85
THUMB_QUALITY = 80

_FORMATS = ("JPEG", "PNG", "TIFF", "WEBP")  # what Image.open may try (MPO comes with JPEG)
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*")


class PhotoFileError(ServiceError):
    """A file that cannot be stored as a photo; nothing was written.

    ``code``: "empty", "not_image", "truncated", "too_large", "heic_unsupported" or
    "unreadable"; ``params`` for the UI's translated text; ``str()`` names the file.
    """

    def __init__(self, code: str, file_name: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.file_name = file_name
        self.message = message
        self.params = params


@dataclass(frozen=True)
class Rendition:
    media_type: str  # "image/jpeg", "image/png", "image/webp"
    data: bytes


@dataclass(frozen=True)
class ProcessedPhoto:
    content_hash: str  # SHA-256 hex of the file's bytes exactly as given
    original: Rendition  # same pixels, identifying metadata removed
    display: Rendition  # upright, long side <= DISPLAY_LONG_SIDE, JPEG
    thumb: Rendition  # upright, long side <= THUMB_LONG_SIDE, JPEG
    width: int  # upright size of the original
    height: int
    taken_at: datetime | None  # aware UTC, from Exif DateTimeOriginal
    camera: str  # "Make Model", "" when unknown


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def process(data: bytes, file_name: str) -> ProcessedPhoto:
    """Check, decode and render one file. Raises PhotoFileError."""
    return render(data, file_name, content_hash(data))


@dataclass(frozen=True)
class Header:
    """What a JPEG's header alone gives: all of ``ProcessedPhoto`` but the display copy and
    thumbnail (the stored original is the same compressed image with new metadata)."""

    content_hash: str
    original: Rendition
    width: int
    height: int
    taken_at: datetime | None
    camera: str


def read_header(data: bytes, file_name: str, digest: str) -> Header | None:
    """A JPEG's ``Header`` without decoding its pixels, so that a caller can store the
    original while ``render(..., header=)`` decodes the rest; None for other formats.
    Raises PhotoFileError for what the header already shows (empty, not an image, too
    large, no end of image)."""
    image = _opened(data, file_name)
    try:
        if image.format not in ("JPEG", "MPO"):
            return None
        exif = image.getexif()
        orientation = _orientation(exif)
        width, height = image.size
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        original = _clean_jpeg(data, photo_metadata.minimal_exif(exif, orientation), file_name)
        return Header(
            digest,
            Rendition("image/jpeg", original),
            width,
            height,
            photo_metadata.taken_at(exif),
            photo_metadata.camera(exif),
        )
    finally:
        image.close()


def render(
    data: bytes, file_name: str, digest: str, *, header: Header | None = None
) -> ProcessedPhoto:
    """``process`` for a caller that already hashed ``data`` (to look for a duplicate first),
    and perhaps read its ``header`` (whose original is then not made again)."""
    image = _opened(data, file_name)
    try:
        width, height = image.size
        if image.format in ("JPEG", "MPO"):
            # libjpeg decodes at 1/2, 1/4 or 1/8 scale while still reading every byte.
            scale = DISPLAY_LONG_SIDE / max(width, height)
            image.draft("RGB", (max(1, round(width * scale)), max(1, round(height * scale))))
        _decode(image, file_name)
        # Read after decoding: Pillow turns TIFF (and libheif HEIC) upright as it decodes,
        # and then drops their orientation tag.
        exif = image.getexif()
        orientation = _orientation(exif)
        kept = photo_metadata.minimal_exif(exif, orientation)
        display = _fitted(image, DISPLAY_LONG_SIDE)
        if display is image:
            display = image.copy()
        display.info["exif"] = kept  # whatever the format kept it in (TIFF: not in info)
        ImageOps.exif_transpose(display, in_place=True)
        thumb = _fitted(display, THUMB_LONG_SIDE)
        icc = image.info.get("icc_profile")
        if header is not None:
            original = header.original
        elif image.format in ("JPEG", "MPO"):
            original = Rendition("image/jpeg", _clean_jpeg(data, kept, file_name))
        else:
            original = _lossless(image, kept, icc)
        upright = (height, width) if orientation in (5, 6, 7, 8) else (width, height)
        return ProcessedPhoto(
            digest,
            original,
            Rendition("image/jpeg", _jpeg(display, DISPLAY_QUALITY, icc)),
            Rendition("image/jpeg", _jpeg(thumb, THUMB_QUALITY, icc)),
            upright[0],
            upright[1],
            photo_metadata.taken_at(exif),
            photo_metadata.camera(exif),
        )
    finally:
        image.close()


def _opened(data: bytes, file_name: str) -> Image.Image:
    """Opened (header only) and within the size limit."""
    if not data:
        raise PhotoFileError("empty", file_name, f"{file_name} is empty (0 bytes).")
    image = _open(data, file_name)
    width, height = image.size
    if width * height > MAX_PIXELS:
        image.close()
        raise _too_large(file_name, width, height)
    return image


def _orientation(exif: Image.Exif) -> int:
    orientation = exif.get(ExifTags.Base.Orientation, 1)
    return orientation if orientation in range(1, 9) else 1


def _open(data: bytes, file_name: str) -> Image.Image:
    """The image with only its header read."""
    formats: tuple[str, ...] = _FORMATS
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        _register_heif(file_name)
        formats = ("HEIF",)
    try:
        return Image.open(io.BytesIO(data), formats=formats)
    except Image.DecompressionBombError as exc:
        raise PhotoFileError(
            "too_large",
            file_name,
            f"{file_name} is far larger than {MAX_PIXELS // 1_000_000} megapixels; "
            "it was not opened.",
            megapixels=None,
            limit=MAX_PIXELS // 1_000_000,
        ) from exc
    except UnidentifiedImageError as exc:
        if data.startswith(_SIGNATURES) or data[8:12] == b"WEBP" or formats == ("HEIF",):
            raise _damaged(file_name) from exc  # a photo's start, then nothing readable
        raise PhotoFileError(
            "not_image",
            file_name,
            f"{file_name} is not a photo Clinic Desk can read (JPEG, PNG, TIFF, WebP or HEIC).",
        ) from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _damaged(file_name) from exc


_heif_lock = threading.Lock()
_heif_registered = False


def _register_heif(file_name: str) -> None:
    """Teach Pillow HEIC the first time one is met (pillow-heif is slow to import)."""
    global _heif_registered
    with _heif_lock:
        if _heif_registered:
            return
        try:
            import pillow_heif
        except ImportError as exc:
            raise PhotoFileError(
                "heic_unsupported",
                file_name,
                f"{file_name} is a HEIC photo (iPhone), and this installation cannot read "
                "HEIC: pillow-heif is not installed. Install it, or set the phone to save "
                "photos as JPEG (Settings › Camera › Formats › Most Compatible).",
            ) from exc
        pillow_heif.register_heif_opener()
        _heif_registered = True


def _decode(image: Image.Image, file_name: str) -> None:
    """Decode every byte: a truncated or corrupt file fails here, not later in the gallery.
    (Pillow's LOAD_TRUNCATED_IMAGES must stay False, its default, for that.)"""
    try:
        image.load()
    except Image.DecompressionBombError as exc:
        raise _too_large(file_name, *image.size) from exc
    except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
        raise _damaged(file_name) from exc


def _too_large(file_name: str, width: int, height: int) -> PhotoFileError:
    megapixels = round(width * height / 1_000_000)
    return PhotoFileError(
        "too_large",
        file_name,
        f"{file_name} is {width} × {height} pixels ({megapixels} megapixels); photos of "
        f"more than {MAX_PIXELS // 1_000_000} megapixels are not taken.",
        megapixels=megapixels,
        limit=MAX_PIXELS // 1_000_000,
    )


def _damaged(file_name: str) -> PhotoFileError:
    return PhotoFileError(
        "truncated",
        file_name,
        f"{file_name} is damaged or incomplete (was it still being copied?); "
        "it cannot be read to the end.",
    )


def _fitted(image: Image.Image, long_side: int) -> Image.Image:
    """``image`` itself if it already fits, else a copy with that long side (Lanczos)."""
    width, height = image.size
    if max(width, height) <= long_side:
        return image
    scale = long_side / max(width, height)
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    # Bicubic for the display copy (a third faster than Lanczos at 1.5× and as sharp to
    # the eye); Lanczos for thumbnails, which come from the display copy.
    resample = Image.Resampling.BICUBIC if long_side > THUMB_LONG_SIDE else Image.Resampling.LANCZOS
    return _displayable(image).resize(size, resample, reducing_gap=2.0)


def _displayable(image: Image.Image) -> Image.Image:
    """A mode JPEG can hold, and that resizes well: transparency onto white, 16 bits to 8."""
    mode = image.mode
    if mode in ("RGB", "L"):
        return image
    if mode.startswith("I") or mode == "F":
        return image.convert("I").point(lambda v: v * (1 / 257)).convert("L")
    if mode == "1":
        return image.convert("L")
    if "A" in mode or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int, icc: bytes | None) -> bytes:
    out = io.BytesIO()
    _displayable(image).save(out, "JPEG", quality=quality, icc_profile=icc)
    return out.getvalue()


def _lossless(image: Image.Image, exif: bytes, icc: bytes | None) -> Rendition:
    """The decoded pixels, losslessly, with only the kept Exif and the colour profile."""
    out = io.BytesIO()
    extra: dict[str, object] = {"exif": exif} if exif else {}
    if icc:
        extra["icc_profile"] = icc
    if image.format == "WEBP":
        pixels = image if image.mode in ("RGB", "RGBA") else image.convert("RGBA")
        pixels.save(out, "WEBP", lossless=True, quality=60, method=3, **extra)
        return Rendition("image/webp", out.getvalue())
    pixels = image
    if image.mode not in ("1", "L", "LA", "I", "I;16", "P", "RGB", "RGBA"):
        pixels = image.convert("RGBA" if "A" in image.mode else "RGB")  # CMYK TIFF, …
    pixels.save(out, "PNG", compress_level=6, **extra)
    return Rendition("image/png", out.getvalue())


def _clean_jpeg(data: bytes, exif: bytes, file_name: str) -> bytes:
    try:
        return photo_metadata.clean_jpeg(data, exif)
    except ValueError as exc:
        raise _damaged(file_name) from exc
