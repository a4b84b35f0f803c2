"""The photo pipeline on bytes alone: orientation, metadata stripped, bad files refused."""

from __future__ import annotations

import io
import struct
import sys
import zlib
from datetime import UTC, datetime

import pytest
from PIL import ExifTags, Image, ImageFile, ImageOps

from desktop_app.services import photo_files
from desktop_app.services.photo_files import (
    DISPLAY_LONG_SIDE,
    THUMB_LONG_SIDE,
    PhotoFileError,
    content_hash,
    process,
)

RED, GREEN, BLUE, WHITE = (220, 20, 20), (20, 200, 40), (20, 40, 220), (250, 250, 250)
# Orientation tag → the transposition that makes the stored pixels upright (as exif_transpose).
UPRIGHT = {
    1: None,
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
INVERSE = {
    Image.Transpose.ROTATE_270: Image.Transpose.ROTATE_90,
    Image.Transpose.ROTATE_90: Image.Transpose.ROTATE_270,
}


def quadrants(width: int, height: int) -> Image.Image:
    """Upright: red top left, green top right, blue bottom left, white bottom right."""
    image = Image.new("RGB", (width, height), WHITE)
    image.paste(RED, (0, 0, width // 2, height // 2))
    image.paste(GREEN, (width // 2, 0, width, height // 2))
    image.paste(BLUE, (0, height // 2, width // 2, height))
    return image


def assert_upright(data: bytes, size: tuple[int, int]) -> None:
    image = Image.open(io.BytesIO(data)).convert("RGB")
    assert image.size == size
    w, h = image.size
    for (x, y), colour in zip(
        ((w // 4, h // 4), (3 * w // 4, h // 4), (w // 4, 3 * h // 4), (3 * w // 4, 3 * h // 4)),
        (RED, GREEN, BLUE, WHITE),
        strict=True,
    ):
        assert all(abs(a - b) < 30 for a, b in zip(image.getpixel((x, y)), colour, strict=True)), (
            (x, y),
            image.getpixel((x, y)),
            colour,
        )


def exif_with(orientation: int | None = None, **extra: object) -> Image.Exif:
    exif = Image.Exif()
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "Canon EOS R5"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = "2026:05:04 09:30:00"
    for name, value in extra.items():
        exif[getattr(ExifTags.Base, name)] = value
    return exif


def jpeg(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=95, **options)
    return out.getvalue()


def pixels(data: bytes) -> bytes:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image.tobytes()


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_shown_upright_and_the_original_keeps_its_pixels(orientation):
    upright = quadrants(4400, 1100)  # long side over 2 × 2048: decoded at half scale (draft)
    method = UPRIGHT[orientation]
    stored = upright if method is None else upright.transpose(INVERSE.get(method, method))
    data = jpeg(stored, exif=exif_with(orientation).tobytes())

    photo = process(data, f"o{orientation}.jpg")

    assert (photo.width, photo.height) == (4400, 1100)
    assert_upright(photo.display.data, (DISPLAY_LONG_SIDE, 512))
    assert_upright(photo.thumb.data, (THUMB_LONG_SIDE, 64))
    assert photo.display.media_type == photo.thumb.media_type == "image/jpeg"
    assert photo.original.media_type == "image/jpeg"
    assert pixels(photo.original.data) == pixels(data)  # not re-encoded
    kept = Image.open(io.BytesIO(photo.original.data)).getexif()
    assert kept[ExifTags.Base.Orientation] == orientation  # still says how to turn it
    assert Image.open(io.BytesIO(photo.display.data)).getexif().get(274) is None


def test_gps_serials_xmp_iptc_comments_and_trailers_are_removed_taken_at_and_camera_kept():
    exif = exif_with(6, Software="Camera FW 1.2", Artist="Dr Li", Copyright="Clinic")
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(
        {1: "N", 2: (31.0, 14.0, 5.5), 3: "E", 4: (121.0, 28.0, 9.1)}
    )
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.BodySerialNumber] = "SN-0042-SECRET"
    details[ExifTags.Base.CameraOwnerName] = "Dr Li Wei"
    details[ExifTags.Base.LensSerialNumber] = "LENS-9999"
    details[ExifTags.Base.OffsetTimeOriginal] = "+08:00"
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        b'exif:GPSLatitude="31,14.09N" aux:SerialNumber="SN-0042-SECRET"/></rdf:RDF></x:xmpmeta>'
    )
    data = jpeg(
        quadrants(600, 400),
        exif=exif.tobytes(),
        xmp=xmp,
        comment=b"patient Zhang San",
        icc_profile=b"\x00" * 8 + b"fake profile",
    )
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00\x00\x00\x00\x0c\x1c\x02\x50\x00\x08Zhang Li"
    app13 = b"\xff\xed" + (len(iptc) + 2).to_bytes(2, "big") + iptc
    data = data[:2] + app13 + data[2:] + b"\xff\xd8appended preview GPS SN-0042-SECRET\xff\xd9"
    assert b"SN-0042-SECRET" in data and b"Photoshop" in data

    photo = process(data, "gps.jpg")

    stored = photo.original.data
    for secret in (b"SN-0042-SECRET", b"LENS-9999", b"Dr Li", b"Photoshop", b"Zhang", b"xmpmeta"):
        assert secret not in stored
    image = Image.open(io.BytesIO(stored))
    kept = image.getexif()
    assert kept.get_ifd(ExifTags.IFD.GPSInfo) == {}
    assert ExifTags.IFD.GPSInfo not in kept
    assert set(kept) <= {
        ExifTags.Base.Orientation,
        ExifTags.Base.Make,
        ExifTags.Base.Model,
        ExifTags.IFD.Exif,
    }
    assert kept.get_ifd(ExifTags.IFD.Exif) == {
        ExifTags.Base.DateTimeOriginal: "2026:05:04 09:30:00"
    }
    assert kept[ExifTags.Base.Model] == "Canon EOS R5" and kept[ExifTags.Base.Orientation] == 6
    assert "xmp" not in image.info and "comment" not in image.info
    assert image.info.get("icc_profile") == b"\x00" * 8 + b"fake profile"  # colours, kept
    assert pixels(stored) == pixels(data)
    # taken-at with the camera's own offset; the camera's name once
    assert photo.taken_at == datetime(2026, 5, 4, 1, 30, tzinfo=UTC)
    assert photo.camera == "Canon EOS R5"
    assert photo.content_hash == content_hash(data)


def test_cmyk_progressive_and_restart_marker_jpegs_keep_their_pixels():
    cmyk = quadrants(320, 240).convert("CMYK")
    for data in (
        jpeg(cmyk),  # Adobe APP14 says how to read the colours: it is kept
        jpeg(quadrants(320, 240), progressive=True),
        jpeg(quadrants(320, 240), restart_marker_blocks=2),
        jpeg(quadrants(320, 240).convert("L")),
    ):
        photo = process(data, "x.jpg")
        assert pixels(photo.original.data) == pixels(data)
        assert Image.open(io.BytesIO(photo.display.data)).mode in ("RGB", "L")


def test_png_tiff_and_webp_are_stored_losslessly_without_metadata():
    upright = quadrants(300, 200)
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # orientation 6 turns it back
    exif = exif_with(6)
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({1: "N", 2: (31.0, 14.0, 5.5)})
    for fmt, media_type, options in (
        ("PNG", "image/png", {}),
        ("TIFF", "image/png", {}),
        ("WEBP", "image/webp", {"lossless": True}),
    ):
        out = io.BytesIO()
        stored.save(out, fmt, exif=exif.tobytes(), **options)
        photo = process(out.getvalue(), f"x.{fmt.lower()}")
        assert photo.original.media_type == media_type, fmt
        original = Image.open(io.BytesIO(photo.original.data))
        kept = original.getexif()
        assert kept.get_ifd(ExifTags.IFD.GPSInfo) == {}, fmt
        assert set(kept) <= {274, 271, 272, ExifTags.IFD.Exif}, fmt
        if fmt == "TIFF":  # Pillow turns TIFF upright as it decodes: stored upright, no tag
            assert original.tobytes() == upright.tobytes() and 274 not in kept
        else:
            assert original.tobytes() == stored.tobytes() and kept[274] == 6, fmt
        assert (photo.width, photo.height) == (300, 200), fmt
        assert_upright(photo.display.data, (300, 200))
        assert photo.camera == "Canon EOS R5" and photo.taken_at is not None


def test_transparent_and_sixteen_bit_pngs_get_jpeg_renditions():
    rgba = quadrants(40, 20).convert("RGBA")
    rgba.putpixel((0, 0), (0, 0, 0, 0))
    grey16 = Image.new("I;16", (40, 20), 60000)
    for image in (rgba, grey16):
        out = io.BytesIO()
        image.save(out, "PNG")
        photo = process(out.getvalue(), "x.png")
        assert pixels(photo.original.data) == image.tobytes()
        display = Image.open(io.BytesIO(photo.display.data))
        assert display.format == "JPEG" and display.size == (40, 20)
    assert Image.open(io.BytesIO(photo.display.data)).getpixel((5, 5)) > 220  # 60000/65535


def test_heic_is_converted_to_a_lossless_original():
    pytest.importorskip("pillow_heif")
    photo_files._register_heif("x.heic")
    out = io.BytesIO()
    quadrants(64, 32).save(out, "HEIF", quality=95, exif=exif_with(1).tobytes())
    photo = process(out.getvalue(), "IMG_0001.HEIC")
    assert photo.original.media_type == "image/png"
    assert (photo.width, photo.height) == (64, 32)
    assert_upright(photo.display.data, (64, 32))
    assert photo.camera == "Canon EOS R5"


def test_heic_without_pillow_heif_is_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setattr(photo_files, "_heif_registered", False)
    monkeypatch.setitem(sys.modules, "pillow_heif", None)  # import fails
    data = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    with pytest.raises(PhotoFileError) as error:
        process(data, "IMG_0002.HEIC")
    assert error.value.code == "heic_unsupported"
    assert "IMG_0002.HEIC" in str(error.value) and "pillow-heif" in str(error.value)


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` × ``height``: never a real bitmap."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.jpg", b"", "empty"),
        ("notes.jpg", "这不是照片 — not a photo at all\n".encode() * 20, "not_image"),
        ("report.jpg", b"%PDF-1.7\n" + b"0" * 200, "not_image"),
        ("half.jpg", None, "truncated"),
        ("no_end.jpg", None, "truncated"),
        ("header_only.jpg", None, "truncated"),
        ("huge.png", png_claiming(20_000, 10_000), "too_large"),  # 200 MP: Pillow's bomb guard
        ("big.png", png_claiming(12_000, 9_000), "too_large"),  # 108 MP: our limit, from the header
    ],
)
def test_bad_files_are_refused_with_a_message_naming_the_file(name, data, code):
    good = jpeg(quadrants(800, 600))
    data = {
        "half.jpg": good[: len(good) // 2],
        "no_end.jpg": good[:-2],
        "header_only.jpg": good[:40],
    }.get(name, data)
    with pytest.raises(PhotoFileError) as error:
        process(data, name)
    assert error.value.code == code
    assert error.value.file_name == name and name in str(error.value)


def test_pillow_still_refuses_truncated_files():
    """Truncation is caught only if nobody in the process told Pillow to load them anyway."""
    import desktop_app.services.photos  # noqa: F401  (everything the import path loads)

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_without_exif_there_is_no_taken_at_and_no_exif_block():
    data = jpeg(quadrants(100, 80))
    photo = process(data, "plain.jpg")
    assert photo.taken_at is None and photo.camera == ""
    assert dict(Image.open(io.BytesIO(photo.original.data)).getexif()) == {}
    assert ImageOps.exif_transpose(Image.open(io.BytesIO(photo.display.data))).size == (100, 80)


def test_a_jpeg_header_gives_everything_but_the_renditions_without_decoding():
    data = jpeg(
        quadrants(300, 200).transpose(Image.Transpose.ROTATE_90), exif=exif_with(6).tobytes()
    )
    digest = content_hash(data)
    header = photo_files.read_header(data, "h.jpg", digest)
    whole = process(data, "h.jpg")
    assert header == photo_files.Header(
        digest, whole.original, whole.width, whole.height, whole.taken_at, whole.camera
    )
    assert photo_files.render(data, "h.jpg", digest, header=header) == whole
    out = io.BytesIO()
    quadrants(30, 20).save(out, "PNG")
    assert photo_files.read_header(out.getvalue(), "x.png", "h") is None
    with pytest.raises(PhotoFileError) as error:  # no end of image: known before decoding
        photo_files.read_header(data[:-2], "cut.jpg", digest)
    assert error.value.code == "truncated"
