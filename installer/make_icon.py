"""Draw the application icon: a rounded teal square, a white cross, a desk line below it.

    .venv/bin/python installer/make_icon.py

Writes resources/icons/clinic-desk.svg and the PNG sizes and Windows .ico drawn from the
same geometry with Pillow, so no SVG renderer is needed. The outputs are committed; run
this again only to change the design.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
TEAL = "#0f8b8d"
WHITE = "#ffffff"
UNIT = 256  # the geometry below is in a 256 × 256 box
CORNER = 56
CROSS = [(104, 40, 152, 168), (64, 80, 192, 128)]  # vertical bar, horizontal bar
CROSS_RADIUS = 10
DESK = (48, 192, 208, 216)
DESK_RADIUS = 12
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def svg() -> str:
    bars = "".join(
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{CROSS_RADIUS}"/>'
        for x0, y0, x1, y1 in CROSS
    )
    x0, y0, x1, y1 = DESK
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{UNIT}" height="{UNIT}" '
        f'viewBox="0 0 {UNIT} {UNIT}">\n'
        f'  <rect width="{UNIT}" height="{UNIT}" rx="{CORNER}" fill="{TEAL}"/>\n'
        f'  <g fill="{WHITE}">{bars}'
        f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{DESK_RADIUS}"/>'
        "</g>\n</svg>\n"
    )


def draw(size: int) -> Image.Image:
    """Drawn at 4× and scaled down, which smooths the edges as an SVG renderer would."""
    scale = size * 4 / UNIT
    big = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    pen = ImageDraw.Draw(big)

    def box(rect: tuple[int, int, int, int]) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = rect
        return (x0 * scale, y0 * scale, x1 * scale - 1, y1 * scale - 1)

    pen.rounded_rectangle(box((0, 0, UNIT, UNIT)), radius=CORNER * scale, fill=TEAL)
    for bar in CROSS:
        pen.rounded_rectangle(box(bar), radius=CROSS_RADIUS * scale, fill=WHITE)
    pen.rounded_rectangle(box(DESK), radius=DESK_RADIUS * scale, fill=WHITE)
    return big.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "clinic-desk.svg").write_text(svg(), encoding="utf-8")
    for size in PNG_SIZES:
        draw(size).save(ICONS / f"clinic-desk-{size}.png", optimize=True)
    draw(256).save(ICONS / "clinic-desk.ico", sizes=[(s, s) for s in ICO_SIZES])


if __name__ == "__main__":
    main()
