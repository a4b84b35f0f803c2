"""A before/after pair exported as one JPEG, branded only where the patient allows it.

With the patient's marketing-photo consent the picture carries the clinic's name; without
it, it is watermarked "内部资料 INTERNAL" all over and carries no branding, so a copy that
leaks is plainly not for publication. Captions come in already translated (the UI knows the
language), so this module needs no Qt. Chinese renders with the bundled WenQuanYi Micro Hei
font: no font needs to be installed on the PC.
"""

from __future__ import annotations

import functools
import io
import math
import uuid
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from PIL import Image, ImageDraw, ImageFont, ImageOps

from desktop_app.db import Database
from desktop_app.models import Photo
from desktop_app.paths import RESOURCES
from desktop_app.services import audit, clinic_settings, photos
from desktop_app.services.context import Actor, reading, unit_of_work
from desktop_app.services.errors import NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.photo_files import Rendition

FONT_PATH = RESOURCES / "fonts" / "wqy-microhei.ttc"  # TrueType collection; face 0 is Micro Hei
INTERNAL_MARK = "内部资料 INTERNAL"  # both languages on purpose: whoever finds a copy can read it
MAX_HEIGHT = 1600  # the photos' common height in the export (display renditions are <= 2048)
MAX_WIDTH = 3600  # two landscape photos side by side are shrunk to fit this
JPEG_QUALITY = 90

_PAPER = (255, 255, 255)
_INK = (34, 34, 34)
_GREY = (105, 105, 105)
_BRAND_BAND = (38, 50, 56)
_INTERNAL_BAND = (255, 235, 235)
_INTERNAL_INK = (190, 20, 20)


@dataclass(frozen=True)
class PairLabels:
    """The caption under each photo, one string per line (stage, then date and days since)."""

    first: tuple[str, ...]
    second: tuple[str, ...]


@dataclass(frozen=True)
class ExportedPair:
    rendition: Rendition
    internal: bool  # True: no marketing consent, so watermarked and unbranded


def days_since(taken_at: datetime, treated_at: datetime | None) -> int | None:
    """Whole calendar days from the treatment to the photo, in local time (0 on the day of
    treatment, negative before it); None when the photo is linked to no treatment."""
    if treated_at is None:
        return None
    return (taken_at.astimezone().date() - treated_at.astimezone().date()).days


@functools.lru_cache(maxsize=16)
def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), size, index=0)


def compose(
    first: Image.Image,
    second: Image.Image,
    labels: PairLabels,
    *,
    clinic_name: str,
    internal: bool,
) -> Image.Image:
    """The pair side by side at one height, captions under each, then the footer band: the
    clinic's name (``internal`` False and a name given) or the internal notice."""
    ratio = first.width / first.height + second.width / second.height
    height = min(first.height, second.height, MAX_HEIGHT, int((MAX_WIDTH * 0.97) / ratio))
    left, right = (_to_height(image, height) for image in (first, second))
    gap = max(8, height // 80)
    text_size = max(14, height // 32)
    line_height = round(text_size * 1.45)
    lines = max(len(labels.first), len(labels.second), 1)
    caption_height = gap + lines * line_height + gap
    branded = not internal and bool(clinic_name.strip())
    footer_height = round(text_size * 1.3) + 2 * gap if (branded or internal) else 0
    width = gap + left.width + gap + right.width + gap
    total = gap + height + caption_height + footer_height
    canvas = Image.new("RGB", (width, total), _PAPER)
    canvas.paste(left, (gap, gap))
    canvas.paste(right, (2 * gap + left.width, gap))
    draw = ImageDraw.Draw(canvas)
    top = gap + height + gap
    for x, image_width, caption in (
        (gap, left.width, labels.first),
        (2 * gap + left.width, right.width, labels.second),
    ):
        for row, text in enumerate(caption):
            colour = _INK if row == 0 else _GREY
            _centred(draw, text, font(text_size), x, image_width, top + row * line_height, colour)
    if internal:
        canvas = _watermark(canvas)
        draw = ImageDraw.Draw(canvas)
    if footer_height:
        band_top = total - footer_height
        band, ink, text = (
            (_INTERNAL_BAND, _INTERNAL_INK, INTERNAL_MARK)
            if internal
            else (_BRAND_BAND, _PAPER, clinic_name.strip())
        )
        draw.rectangle((0, band_top, width, total), fill=band)
        size = round(text_size * 1.1)
        _centred(draw, text, font(size), gap, width - 2 * gap, band_top + gap, ink)
    return canvas


def encode(image: Image.Image) -> bytes:
    """JPEG with no metadata at all (nothing identifying leaves with the file); 4:4:4 so the
    captions stay crisp."""
    out = io.BytesIO()
    image.save(out, "JPEG", quality=JPEG_QUALITY, subsampling=0, optimize=True)
    return out.getvalue()


def export_pair(
    database: Database,
    actor: Actor,
    first_id: uuid.UUID,
    second_id: uuid.UUID,
    labels: PairLabels,
) -> ExportedPair:
    """Compose two photos of one patient as one JPEG; audited "export_photos" with whether
    it was marked internal (no marketing consent)."""
    require(actor, Permission.VIEW_PHOTOS, database)
    patient_id = _patient_of(database, (first_id, second_id))
    internal = not photos.photo_consent(database, actor, patient_id).marketing
    images = [
        _decode(photos.image(database, actor, photo_id)) for photo_id in (first_id, second_id)
    ]
    clinic_name = "" if internal else clinic_settings.get(database, clinic_settings.CLINIC_NAME)
    data = encode(compose(*images, labels, clinic_name=clinic_name, internal=internal))
    with unit_of_work(database) as session:
        audit.record(
            session,
            actor,
            "export_photos",
            "patient",
            patient_id,
            photos=[str(first_id), str(second_id)],
            internal=internal,
        )
    return ExportedPair(Rendition("image/jpeg", data), internal)


def _patient_of(database: Database, photo_ids: tuple[uuid.UUID, uuid.UUID]) -> uuid.UUID:
    """The one patient both photos belong to; a hidden photo (taken in error) is not exported."""
    query = sa.select(Photo.id, Photo.patient_id, Photo.hidden_at).where(Photo.id.in_(photo_ids))
    with reading(database) as connection:
        rows = {row.id: row for row in connection.execute(query)}
    for photo_id in photo_ids:
        if photo_id not in rows:
            raise NotFoundError(f"No photo with id {photo_id}.")
        if rows[photo_id].hidden_at is not None:
            raise ValidationError("photos", "photo_hidden", "A hidden photo cannot be exported.")
    patients = {row.patient_id for row in rows.values()}
    if len(patients) != 1:
        raise ValidationError(
            "photos", "different_patients", "Both photos must be of the same patient."
        )
    return patients.pop()


def _decode(rendition: Rendition) -> Image.Image:
    image = Image.open(io.BytesIO(rendition.data))
    return ImageOps.exif_transpose(image).convert("RGB")


def _to_height(image: Image.Image, height: int) -> Image.Image:
    image = image.convert("RGB")
    if image.height == height:
        return image
    width = max(1, round(image.width * height / image.height))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def _centred(
    draw: ImageDraw.ImageDraw,
    text: str,
    face: ImageFont.FreeTypeFont,
    x: int,
    width: int,
    y: int,
    fill: tuple[int, int, int],
) -> None:
    """One line centred in [x, x + width), cut with an ellipsis rather than overflowing."""
    text = _fit(draw, text, face, width)
    text_width = draw.textlength(text, font=face)
    draw.text((x + (width - text_width) / 2, y), text, font=face, fill=fill)


def _fit(draw: ImageDraw.ImageDraw, text: str, face: ImageFont.FreeTypeFont, width: int) -> str:
    if draw.textlength(text, font=face) <= width:
        return text
    while text and draw.textlength(text + "…", font=face) > width:
        text = text[:-1]
    return text + "…"


def _watermark(canvas: Image.Image) -> Image.Image:
    """ "内部资料 INTERNAL" tiled diagonally over everything, semi-transparent: the photos stay
    readable for the clinic, but no crop removes the mark."""
    width, height = canvas.size
    size = max(18, min(width, height) // 15)
    face = font(size)
    side = math.ceil(math.hypot(width, height))
    layer = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    step_x = round(draw.textlength(INTERNAL_MARK, font=face) + size * 2)
    step_y = round(size * 3.2)
    for row, y in enumerate(range(0, side, step_y)):
        offset = (step_x // 2) * (row % 2)
        for x in range(-step_x + offset, side, step_x):
            draw.text(
                (x, y),
                INTERNAL_MARK,
                font=face,
                fill=(*_INTERNAL_INK, 96),
                stroke_width=max(1, size // 24),
                stroke_fill=(255, 255, 255, 72),
            )
    layer = layer.rotate(30, resample=Image.Resampling.BICUBIC)
    left, top = (side - width) // 2, (side - height) // 2
    layer = layer.crop((left, top, left + width, top + height))
    return Image.alpha_composite(canvas.convert("RGBA"), layer).convert("RGB")
