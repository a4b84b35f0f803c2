"""Consent and aftercare documents as PDF: A4, letterhead, patient line, body, signatures.

ReportLab platypus lays out the body; the page furniture (letterhead, the patient
identification line, "第 1 页 / 共 2 页") is drawn once the page count is known, by a
canvas that holds the finished pages back until ``save`` (one layout pass, not two).
The bundled CJK font is embedded as a subset (``document_fonts``), and the document is
written in ReportLab's invariant mode (fixed dates and file ID), so the same input gives
the same bytes: a reprint hashes the same as the original.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
)

from desktop_app.services import document_fonts as fonts
from desktop_app.services.document_fonts import BOLD, FONT, FontCanvas, printable
from desktop_app.services.template_text import Block

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 20 * mm
HEADER_TOP = 12 * mm  # top edge of the letterhead from the page top
LOGO_HEIGHT = 15 * mm
RULE_Y = PAGE_HEIGHT - HEADER_TOP - LOGO_HEIGHT - 3 * mm
BODY_TOP = RULE_Y - 12 * mm  # below the patient line
BODY_BOTTOM = 20 * mm
FOOTER_Y = 10 * mm
GREY = Color(0.35, 0.35, 0.35)
RULE = Color(0.6, 0.6, 0.6)
INK = Color(0.05, 0.1, 0.4)  # signature strokes: blue-black, like a pen
PAD_ASPECT = 3.0  # the signature pad's width : height; strokes keep it on paper
SIGNATURE_HEIGHT = 40 * mm
SIGNATURE_GAP = 6 * mm

LABELS: dict[str, dict[str, str]] = {
    "zh_CN": {
        "patient_line": "患者：{name}　　病历号：{record_no}　　出生日期：{birth_date}",
        "page": "第 {page} 页 / 共 {pages} 页",
        "signatures": "签署",
        "patient": "患者签名",
        "guardian": "监护人签名",
        "doctor": "医生签名",
        "name": "姓名：",
        "relation": "与患者关系：",
        "date": "日期：",
        "phone": "电话：",
    },
    "en": {
        "patient_line": "Patient: {name}    Record no.: {record_no}    Date of birth: {birth_date}",
        "page": "Page {page} of {pages}",
        "signatures": "Signatures",
        "patient": "Patient's signature",
        "guardian": "Guardian's signature",
        "doctor": "Doctor's signature",
        "name": "Name: ",
        "relation": "Relation to patient: ",
        "date": "Date: ",
        "phone": "Tel. ",
    },
}


@dataclass(frozen=True)
class Letterhead:
    clinic_name: str
    address: str = ""
    phone: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class PatientLine:
    """Printed on every page, so a loose page still says whose it is."""

    name: str
    record_no: str
    birth_date: str


@dataclass(frozen=True)
class Signer:
    """One signature box. ``strokes`` are polylines of (x, y) in 0..1 of a PAD_ASPECT pad,
    x to the right and y downward (as the signature pad captures them); () leaves the
    box blank for signing on paper."""

    role: str  # "patient" | "guardian" | "doctor"
    name: str = ""
    relation: str = ""
    strokes: tuple[tuple[tuple[float, float], ...], ...] = ()


@dataclass(frozen=True)
class Signatures:
    signers: tuple[Signer, ...]
    date: str = ""


def render_pdf(
    title: str,
    blocks: Sequence[Block],
    letterhead: Letterhead,
    patient: PatientLine,
    signatures: Signatures | None,
    language: str,
) -> bytes:
    """The document as PDF bytes; identical bytes for identical arguments."""
    if language not in LABELS:
        raise ValueError(f"unknown document language {language!r}")
    fonts.register()
    labels = LABELS[language]
    styles = _styles(language)
    story: list[Flowable] = [Paragraph(_markup(title), styles["title"])]
    story += body_flowables(blocks, styles)
    if signatures and signatures.signers:
        # The body's last block (usually the patient's declaration) moves with the boxes,
        # so signatures never stand alone on a page, detached from what was signed.
        last = [story.pop()] if len(story) > 1 else []
        heading = Paragraph(_markup(labels["signatures"]), styles["heading2"])
        story.append(KeepTogether([*last, heading, SignatureRow(signatures, labels)]))
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=PAGE_HEIGHT - BODY_TOP,
        bottomMargin=BODY_BOTTOM,
        title=title,
        author=letterhead.clinic_name,
        creator="Clinic Desk",
        producer="Clinic Desk (ReportLab)",
        subject="",
        keywords="",
        lang="zh-CN" if language == "zh_CN" else "en",
        invariant=1,
        initialFontName=FONT,
    )
    frame = Frame(
        MARGIN,
        BODY_BOTTOM,
        PAGE_WIDTH - 2 * MARGIN,
        BODY_TOP - BODY_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    document.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    chrome = _PageChrome(letterhead, patient, labels)
    document.build(story, canvasmaker=lambda *a, **k: _DocumentCanvas(chrome, *a, **k))
    return buffer.getvalue()


def _styles(language: str) -> dict[str, ParagraphStyle]:
    chinese = language == "zh_CN"
    body = ParagraphStyle(
        "body",
        fontName=FONT,
        fontSize=10.5,
        leading=16,
        spaceAfter=4,
        alignment=TA_JUSTIFY if chinese else TA_LEFT,
        wordWrap="CJK" if chinese else None,
        bulletFontName=FONT,
        textColor=black,
    )
    return {
        "body": body,
        "title": ParagraphStyle(
            "title", parent=body, fontName=BOLD, fontSize=17, leading=24,
            alignment=TA_CENTER, spaceBefore=2, spaceAfter=10,
        ),
        "heading1": ParagraphStyle(
            "heading1", parent=body, fontName=BOLD, fontSize=13, leading=19,
            spaceBefore=8, spaceAfter=4, keepWithNext=1, alignment=TA_LEFT,
        ),
        "heading2": ParagraphStyle(
            "heading2", parent=body, fontName=BOLD, fontSize=11.5, leading=17,
            spaceBefore=6, spaceAfter=3, keepWithNext=1, alignment=TA_LEFT,
        ),
        "bullet": ParagraphStyle(
            "bullet", parent=body, leftIndent=16, bulletIndent=5, spaceAfter=2
        ),
        "numbered": ParagraphStyle(
            "numbered", parent=body, leftIndent=20, bulletIndent=2, spaceAfter=2
        ),
    }  # fmt: skip


def _markup(text: str) -> str:
    """Plain text as Paragraph markup: missing glyphs made visible, then XML-escaped."""
    return escape(printable(text))


def body_flowables(blocks: Sequence[Block], styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """One Paragraph per block; consecutive numbered items count 1, 2, 3 …"""
    flowables: list[Flowable] = []
    number = 0
    for block in blocks:
        number = number + 1 if block.kind == "numbered" else 0
        text = "".join(
            f"<b>{_markup(span.text)}</b>" if span.bold else _markup(span.text)
            for span in block.spans
        )
        if block.kind == "bullet":
            flowables.append(Paragraph(text, styles["bullet"], bulletText="•"))
        elif block.kind == "numbered":
            flowables.append(Paragraph(text, styles["numbered"], bulletText=f"{number}."))
        else:
            flowables.append(Paragraph(text, styles.get(block.kind, styles["body"])))
    return flowables


class SignatureRow(Flowable):
    """The signers' boxes side by side (a new row after three): role, strokes, name,
    guardian's relation and the date."""

    def __init__(self, signatures: Signatures, labels: dict[str, str]) -> None:
        super().__init__()
        self.signatures = signatures
        self.labels = labels
        self.rows = (len(signatures.signers) + 2) // 3

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:  # noqa: N803 (ReportLab's names)
        self.width = aW
        self.height = self.rows * SIGNATURE_HEIGHT + (self.rows - 1) * SIGNATURE_GAP
        return aW, self.height

    def draw(self) -> None:
        signers = self.signatures.signers
        per_row = min(3, len(signers))
        box_width = (self.width - (per_row - 1) * SIGNATURE_GAP) / per_row
        for n, signer in enumerate(signers):
            row, column = divmod(n, 3)
            x = column * (box_width + SIGNATURE_GAP)
            y = self.height - (row + 1) * SIGNATURE_HEIGHT - row * SIGNATURE_GAP
            self._box(signer, x, y, box_width)

    def _box(self, signer: Signer, x: float, y: float, width: float) -> None:
        canvas, labels, pad = self.canv, self.labels, 3 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.rect(x, y, width, SIGNATURE_HEIGHT)
        _fitted(canvas, BOLD, 9.5, x + pad, y + SIGNATURE_HEIGHT - pad - 8, width - 2 * pad,
                labels.get(signer.role, signer.role))  # fmt: skip
        lines = [labels["name"] + signer.name]
        if signer.role == "guardian":
            lines.append(labels["relation"] + signer.relation)
        lines.append(labels["date"] + self.signatures.date)
        for n, line in enumerate(reversed(lines)):
            _fitted(canvas, FONT, 9, x + pad, y + pad + n * 12, width - 2 * pad, line)
        area_bottom = y + pad + 3 * 12 + 2  # the same height in every box
        area_top = y + SIGNATURE_HEIGHT - pad - 12
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(x + pad, area_bottom, x + width - pad, area_bottom)
        if signer.strokes:
            _draw_strokes(canvas, signer.strokes, x + pad, area_bottom, width - 2 * pad,
                          area_top - area_bottom)  # fmt: skip


def _fitted(
    canvas: Any, font: str, size: float, x: float, y: float, width: float, text: str,
    color: Color = black,
) -> None:  # fmt: skip
    """Draw one line, shrinking the type (not below 6 pt) so a long name stays in its box.
    The stroke colour is the fill colour: emboldened text is outlined in it."""
    text = printable(text)
    natural = canvas.stringWidth(text, font, size)
    if natural > width:
        size = max(6.0, size * width / natural)
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


def _draw_strokes(
    canvas: Any,
    strokes: Sequence[Sequence[tuple[float, float]]],
    x: float,
    y: float,
    width: float,
    height: float,
) -> None:
    """The strokes in the largest PAD_ASPECT rectangle of the area, left-aligned and centred
    vertically: the boxes' proportions vary with the number of signers, the pad's do not."""
    width = min(width, height * PAD_ASPECT)
    y, height = y + (height - width / PAD_ASPECT) / 2, width / PAD_ASPECT
    canvas.saveState()
    canvas.setStrokeColor(INK)
    canvas.setFillColor(INK)
    canvas.setLineWidth(1.1)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    for stroke in strokes:
        points = [(x + px * width, y + (1 - py) * height) for px, py in stroke]
        if len(points) == 1:
            canvas.circle(points[0][0], points[0][1], 0.6, stroke=0, fill=1)
            continue
        path = canvas.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        canvas.drawPath(path, stroke=1, fill=0)
    canvas.restoreState()


@functools.lru_cache(maxsize=4)
def _logo(png: bytes) -> ImageReader:
    """The decoded logo, kept for the next document: every print carries the same one."""
    reader = ImageReader(io.BytesIO(png))
    reader.getRGBData()  # decode now, once, not on a render that shares the reader
    if reader._dataA is not None:  # the alpha channel, drawn as the image's soft mask
        reader._dataA.getRGBData()
    return reader


class _PageChrome:
    """The letterhead, patient line and footer, drawn on each page once the count is known."""

    def __init__(self, letterhead: Letterhead, patient: PatientLine, labels: dict[str, str]):
        self.letterhead = letterhead
        self.labels = labels
        self.patient_line = labels["patient_line"].format(
            name=patient.name, record_no=patient.record_no, birth_date=patient.birth_date
        )
        self.logo = _logo(letterhead.logo_png) if letterhead.logo_png else None

    def draw(self, canvas: Any, page: int, pages: int) -> None:
        canvas.saveState()
        left, right = MARGIN, PAGE_WIDTH - MARGIN
        top = PAGE_HEIGHT - HEADER_TOP
        text_x = left
        if self.logo is not None:
            logo_w, logo_h = self.logo.getSize()
            width = min(LOGO_HEIGHT * logo_w / logo_h, 45 * mm)
            canvas.drawImage(self.logo, left, top - LOGO_HEIGHT, width, LOGO_HEIGHT,
                             mask="auto", preserveAspectRatio=True, anchor="w")  # fmt: skip
            text_x = left + width + 4 * mm
        head = self.letterhead
        _fitted(canvas, BOLD, 14, text_x, top - 14, right - text_x, head.clinic_name)
        contact = "　".join(
            part
            for part in (head.address, self.labels["phone"] + head.phone if head.phone else "")
            if part
        )
        if contact:
            _fitted(canvas, FONT, 8.5, text_x, top - 29, right - text_x, contact, GREY)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.8)
        canvas.line(left, RULE_Y, right, RULE_Y)
        _fitted(canvas, FONT, 9, left, RULE_Y - 13, right - left, self.patient_line)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(left, RULE_Y - 18, right, RULE_Y - 18)
        canvas.setFillColor(GREY)
        canvas.setFont(FONT, 8.5)
        canvas.drawCentredString(
            PAGE_WIDTH / 2, FOOTER_Y, self.labels["page"].format(page=page, pages=pages)
        )
        canvas.restoreState()


class _DocumentCanvas(FontCanvas):
    """Keeps each finished page until ``save`` so its furniture can say "of N pages"."""

    def __init__(self, chrome: _PageChrome, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._chrome = chrome
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._chrome.draw(self, number, len(self._pages))
            super().showPage()
        super().save()
