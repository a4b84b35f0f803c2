"""The document renderer, checked by reading its PDFs back (pypdf, pdftotext, pdffonts)."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop_app.services.document_pdf import (
    Letterhead,
    PatientLine,
    Signatures,
    Signer,
    render_pdf,
)
from desktop_app.services.template_text import Block, Span

ZH_CLINIC = Letterhead("上海丽颜医疗美容门诊部", "上海市徐汇区漕溪北路 88 号", "021-5555 0101")
EN_CLINIC = Letterhead(
    "Lakeside Aesthetics Clinic", "88 North Caoxi Road, Shanghai", "021-5555 0101"
)
ZH_PATIENT = PatientLine("张晓梅", "000123", "1990-05-06")
EN_PATIENT = PatientLine("Emily Chen", "000456", "1988-02-29")
DOCTOR = Signer("doctor", "王医生")


def zh_blocks(repeat: int = 1) -> list[Block]:
    one = [
        Block("heading1", (Span("一、治疗简介"),)),
        Block(
            "paragraph",
            (
                Span("您（张晓梅，病历号 000123）将于 2026-11-24 接受 "),
                Span("玻尿酸填充（鼻唇沟）", bold=True),
                Span(" 治疗，产品：乔雅登 Voluma 1 ml，批号 VB20A123。"),
            ),
        ),
        Block("heading2", (Span("常见风险"),)),
        Block("bullet", (Span("注射部位红肿、淤青，通常 3–7 天消退；"),)),
        Block("numbered", (Span("24 小时内不要化妆；"),)),
        Block("numbered", (Span("一周内避免桑拿、剧烈运动和饮酒。"),)),
    ]
    return one * repeat


def en_blocks() -> list[Block]:
    return [
        Block("heading1", (Span("1. About the treatment"),)),
        Block(
            "paragraph",
            (
                Span("Emily Chen (record no. 000456) receives "),
                Span("dermal filler (nasolabial folds)", bold=True),
                Span(" with Juvederm Voluma 1 ml, lot VB20A123."),
            ),
        ),
        Block("bullet", (Span("Redness & bruising <usually> settle in 3-7 days."),)),
    ]


def text_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def pdftotext(pdf: bytes) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return done.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    signatures = Signatures((Signer("patient", "张晓梅"), DOCTOR), "2026-11-24")
    return render_pdf(
        "玻尿酸注射填充知情同意书", zh_blocks(), ZH_CLINIC, ZH_PATIENT, signatures, "zh_CN"
    )


@pytest.fixture(scope="module")
def en_pdf() -> bytes:
    signatures = Signatures((Signer("patient", "Emily Chen"), Signer("doctor", "Dr Wang")), "")
    return render_pdf("Dermal filler consent", en_blocks(), EN_CLINIC, EN_PATIENT, signatures, "en")


@pytest.mark.parametrize("extract", [lambda pdf: "".join(text_of(pdf)), pdftotext])
def test_chinese_document_is_real_text(zh_pdf: bytes, extract) -> None:
    text = extract(zh_pdf)
    for expected in (
        "上海丽颜医疗美容门诊部",
        "张晓梅",
        "000123",
        "1990-05-06",
        "玻尿酸填充（鼻唇沟）",
        "VB20A123",
        "玻尿酸注射填充知情同意书",
        "患者签名",
        "医生签名",
        "王医生",
        "日期：2026-11-24",
    ):
        assert expected in text, expected


@pytest.mark.parametrize("extract", [lambda pdf: "".join(text_of(pdf)), pdftotext])
def test_english_document_is_real_text(en_pdf: bytes, extract) -> None:
    text = extract(en_pdf)
    for expected in (
        "Lakeside Aesthetics Clinic",
        "Emily Chen",
        "000456",
        "dermal filler (nasolabial folds)",
        "VB20A123",
        "Page 1 of 1",
        "Patient's signature",
        "Doctor's signature",
        "Redness & bruising <usually> settle",  # markup characters escaped, not eaten
    ):
        assert expected in text, expected


def test_font_is_embedded_as_a_subset_and_nothing_else_is_used(zh_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(zh_pdf))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert re.fullmatch(r"/[A-Z]{6}\+WenQuanYiMicroHei.*", name), name
        assert "/FontFile2" in font["/FontDescriptor"], name
        assert len(font["/FontDescriptor"]["/FontFile2"].get_data()) < 200_000  # a subset
        assert "/ToUnicode" in font
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", "-"], input=zh_pdf, capture_output=True, check=True
        ).stdout.decode()
        rows = listing.splitlines()[2:]
        assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), listing


def test_three_pages_are_numbered_and_each_names_the_patient() -> None:
    pdf = render_pdf("知情同意书", zh_blocks(repeat=13), ZH_CLINIC, ZH_PATIENT, None, "zh_CN")
    pages = text_of(pdf)
    assert len(pages) == 3
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 3 页" in page
        assert "张晓梅" in page and "病历号：000123" in page and "出生日期：1990-05-06" in page
        assert "上海丽颜医疗美容门诊部" in page


def test_a_minor_has_a_guardian_block_with_name_and_relation() -> None:
    signatures = Signatures(
        (Signer("patient", "李小雨"), Signer("guardian", "李建国", "父亲"), DOCTOR), "2026-11-24"
    )
    patient = PatientLine("李小雨", "000789", "2011-03-08")
    text = "".join(
        text_of(render_pdf("知情同意书", zh_blocks(), ZH_CLINIC, patient, signatures, "zh_CN"))
    )
    assert "监护人签名" in text and "姓名：李建国" in text and "与患者关系：父亲" in text
    en = Signatures((Signer("patient", "Lily Li"), Signer("guardian", "Jian Li", "Father")))
    text = "".join(text_of(render_pdf("Consent", en_blocks(), EN_CLINIC, EN_PATIENT, en, "en")))
    assert "Guardian's signature" in text and "Jian Li" in text
    assert "Relation to patient: Father" in text


def test_a_character_the_font_lacks_is_shown_not_dropped() -> None:
    patient = PatientLine("吉𠮷祥", "000321", "1975-01-01")
    blocks = [Block("paragraph", (Span("患者 吉𠮷祥 已阅读"),))]
    signatures = Signatures((Signer("patient", "吉𠮷祥"),))
    text = pdftotext(render_pdf("同意书", blocks, ZH_CLINIC, patient, signatures, "zh_CN"))
    assert text.count("吉□(U+20BB7)祥") >= 3  # patient line, body, signature box
    assert "𠮷" not in text  # not silently drawn as an empty glyph either


def test_signature_strokes_are_drawn_in_the_box() -> None:
    strokes = (((0.1, 0.8), (0.4, 0.2), (0.9, 0.6)), ((0.5, 0.5),))
    signatures = Signatures((Signer("patient", "张晓梅", strokes=strokes), DOCTOR))
    pdf = render_pdf("同意书", zh_blocks(), ZH_CLINIC, ZH_PATIENT, signatures, "zh_CN")
    content = PdfReader(io.BytesIO(pdf)).pages[-1].get_contents().get_data().decode("latin-1")
    assert re.search(r"(^|\s)0?\.05 0?\.1 0?\.4 RG", content)  # the ink colour …
    assert re.search(r"m [\d. ]+ l [\d. ]+ l\s+S", content)  # … and a three-point polyline


def test_logo_is_placed_on_every_page() -> None:
    png = io.BytesIO()
    Image.new("RGB", (120, 60), (200, 40, 120)).save(png, "PNG")
    letterhead = Letterhead("上海丽颜医疗美容门诊部", logo_png=png.getvalue())
    pdf = render_pdf("知情同意书", zh_blocks(repeat=13), letterhead, ZH_PATIENT, None, "zh_CN")
    for page in PdfReader(io.BytesIO(pdf)).pages:
        assert len(page.images) == 1


def test_same_input_gives_identical_bytes(zh_pdf: bytes) -> None:
    signatures = Signatures((Signer("patient", "张晓梅"), DOCTOR), "2026-11-24")
    again = render_pdf(
        "玻尿酸注射填充知情同意书", zh_blocks(), ZH_CLINIC, ZH_PATIENT, signatures, "zh_CN"
    )
    assert again == zh_pdf
    other = render_pdf(
        "玻尿酸注射填充知情同意书", zh_blocks(), ZH_CLINIC, EN_PATIENT, signatures, "zh_CN"
    )
    assert other != zh_pdf


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="language"):
        render_pdf("x", [], EN_CLINIC, EN_PATIENT, None, "fr")


def test_chinese_punctuation_never_starts_a_line() -> None:
    # Runs of growing length put a full-width comma or semicolon at every line position.
    text = "".join(f"{'注' * n}{'，' if n % 2 else '；'}" for n in range(1, 40))
    blocks = [Block("paragraph", (Span(text),)), Block("bullet", (Span("风险"), Span(text)))]
    lines = pdftotext(render_pdf("同意书", blocks, ZH_CLINIC, ZH_PATIENT, None, "zh_CN"))
    starts = [line.lstrip("• ")[:1] for line in lines.splitlines() if line.strip()]
    assert len(starts) > 20
    assert not set(starts) & set("，；：！？。、）》”")


def test_another_process_renders_the_same_bytes(zh_pdf: bytes) -> None:
    """A reprint happens in another session, another day: no hash seed, clock or cache
    may leak into the bytes."""
    script = (
        "import hashlib, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from test_document_pdf import *\n"
        "signatures = Signatures((Signer('patient', '张晓梅'), DOCTOR), '2026-11-24')\n"
        "pdf = render_pdf('玻尿酸注射填充知情同意书', zh_blocks(), ZH_CLINIC, ZH_PATIENT,"
        " signatures, 'zh_CN')\n"
        "print(hashlib.sha256(pdf).hexdigest())\n"
    )
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Asia/Shanghai"}
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, env=env, capture_output=True, check=True
    )
    assert done.stdout.decode().strip() == hashlib.sha256(zh_pdf).hexdigest()


def test_bold_is_emboldened_once_not_drawn_twice(zh_pdf: bytes) -> None:
    content = PdfReader(io.BytesIO(zh_pdf)).pages[0].get_contents().get_data().decode("latin-1")
    assert re.search(r"[\d.]+ w 2 Tr", content)  # fill and stroke: the faux bold
    assert pdftotext(zh_pdf).count("玻尿酸填充（鼻唇沟）") == 1
