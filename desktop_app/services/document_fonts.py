"""The printed documents' font: the bundled WenQuanYi Micro Hei, embedded as a subset.

Every PDF carries its own CJK font so it prints the same on a PC with no Chinese fonts.
Two things the font cannot do are handled here rather than in the layout:

- **No bold face.** Micro Hei ships one weight. Bold spans and headings use the same
  outlines registered a second time under ``BOLD`` and drawn "fill then stroke" (PDF text
  render mode 2) with a hairline outline of ``EMBOLDEN`` × the font size, the way word
  processors fake a missing bold. The text stays real, extractable text (copy/paste and
  ``pdftotext`` see the characters); only its ink is heavier. Using the same face without
  emboldening would make ``**bold**`` in a template invisible on paper.
- **Missing characters.** Micro Hei covers the BMP's common CJK and Latin but not, e.g.,
  CJK Extension B (𠮷 U+20BB7, found in real names). ReportLab would draw nothing (or
  .notdef) for those, so ``printable`` replaces each missing character with a visible
  ``□(U+20BB7)``: a clerk sees at once that the name needs writing in by hand, and the
  code point on paper says which character was meant.
"""

from __future__ import annotations

import threading
from typing import Any

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from desktop_app.paths import RESOURCES

FONT = "WQYMicroHei"
BOLD = "WQYMicroHei-Bold"
FONT_FILE = RESOURCES / "fonts" / "wqy-microhei.ttc"
EMBOLDEN = 0.03  # outline width as a fraction of the font size (0.3 pt at 10 pt)
MISSING_BOX = "□"

_lock = threading.Lock()
_coverage: frozenset[int] = frozenset()


def register() -> None:
    """Register the bundled font (regular and the emboldened alias) once per process.

    Parsing the 5 MB collection takes a few hundred milliseconds, so it happens on the
    first render, not at import; the lock makes a render on a worker thread safe.
    """
    global _coverage
    if _coverage:
        return
    with _lock:
        if _coverage:
            return
        regular = TTFont(FONT, str(FONT_FILE), subfontIndex=0)
        pdfmetrics.registerFont(regular)
        pdfmetrics.registerFont(TTFont(BOLD, str(FONT_FILE), subfontIndex=0))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)
        _teach_chinese_punctuation()
        _coverage = frozenset(regular.face.charToGlyph)


# Full-width Chinese punctuation that must not start a line (GB/T 15834). ReportLab's
# CJK wrapping knows the Japanese set, which lacks the Chinese comma, semicolon, colon,
# question and exclamation marks and closing quotes, so "，" could open a line.
CHINESE_CANNOT_START = "，；：！？》〉〗”’…％·"


def _teach_chinese_punctuation() -> None:
    """Add ``CHINESE_CANNOT_START`` to the set ReportLab's CJK line breaking consults (a
    module global in ``lib.textsplit`` for one-run paragraphs and a copy in
    ``platypus.paragraph`` for mixed runs); adding characters only forbids more breaks."""
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    for module in (textsplit, paragraph):
        missing = "".join(c for c in CHINESE_CANNOT_START if c not in module.ALL_CANNOT_START)
        module.ALL_CANNOT_START += missing


def covers(char: str) -> bool:
    """True when the bundled font has a glyph for ``char`` (call ``register`` first)."""
    return ord(char) in _coverage


def printable(text: str) -> str:
    """``text`` with line breaks flattened and each character the font lacks made visible."""
    if _coverage.issuperset(map(ord, text)):  # the usual case, at C speed
        return text
    out = []
    for char in text:
        if ord(char) in _coverage or char == " ":
            out.append(char)
        elif char in "\t\r\n":
            out.append(" ")
        elif ord(char) < 0x20:
            continue
        else:
            out.append(f"{MISSING_BOX}(U+{ord(char):04X})")
    return "".join(out)


class _TextObject(PDFTextObject):
    """A text object that draws ``BOLD`` text filled and stroked (faux bold)."""

    def __init__(self, canvas: Canvas, x: float = 0, y: float = 0, direction: Any = None):
        self._emboldened = True  # the render mode left by an earlier text object is unknown
        super().__init__(canvas, x, y, direction=direction)
        self._embolden(self._fontname, self._fontsize)

    def _embolden(self, name: str, size: float) -> None:
        if name == BOLD:
            self._code.append(f"{fp_str(size * EMBOLDEN)} w 2 Tr")
            self._emboldened = True
        elif self._emboldened:
            self._code.append("0 Tr")
            self._emboldened = False

    def _setFont(self, psfontname: str, size: float) -> None:
        super()._setFont(psfontname, size)
        self._embolden(psfontname, size)

    def setFont(self, psfontname: str, size: float, leading: float | None = None) -> None:
        super().setFont(psfontname, size, leading)
        self._embolden(psfontname, size)


class FontCanvas(Canvas):
    """A canvas whose text objects embolden ``BOLD``; Flowables draw inside saveState, so
    the line width and render mode set inside a text object end with the flowable."""

    def beginText(self, x: float = 0, y: float = 0, direction: Any = None) -> PDFTextObject:
        return _TextObject(self, x, y, direction=direction)
