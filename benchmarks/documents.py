"""Documents: a 2-page Chinese consent through ``render_pdf`` against bare ReportLab.

    .venv/bin/python benchmarks/documents.py [--repeat 40] [--key filler] [--language zh_CN]

The shipped template (``resources/templates/<language>/<key>.md``, the hyaluronic filler
consent by default: two A4 pages in Chinese) is parsed and filled once for a minor with a
guardian (English values for ``--language en``). Then, alternating after three warm-ups each:

- ours: ``document_pdf.render_pdf`` — letterhead with a PNG logo, the patient line and
  "第 1 页 / 共 2 页" on every page, emboldened bold, the missing-glyph check, three
  signature boxes (one with strokes), the font embedded as a subset, invariant mode;
- bare: the same paragraphs (same font, sizes, CJK wrapping, bullets and numbers) in a
  plain platypus ``SimpleDocTemplate`` with ReportLab's own canvas: no page furniture, no
  signatures, no emboldening — what anyone would write first.

Both write to memory, with the font already registered (registering it once per process
is outside the loop for both). Budget (issue 7): ours ≤ 1.3 × bare, at p50 and p95.
Exit status 1 if missed.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image, ImageDraw  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate  # noqa: E402

from benchmarks.search import percentile  # noqa: E402
from desktop_app.paths import RESOURCES  # noqa: E402
from desktop_app.services import document_fonts  # noqa: E402
from desktop_app.services.document_pdf import (  # noqa: E402
    MARGIN,
    Letterhead,
    PatientLine,
    Signatures,
    Signer,
    _markup,
    _styles,
    render_pdf,
)
from desktop_app.services.template_text import Block, fill, parse, read_template_file  # noqa: E402

BUDGET_RATIO = 1.3

VALUES = {
    "patient.name": "李小雨",
    "patient.record_no": "000789",
    "patient.birth_date": "2009-03-08",
    "patient.age": "17",
    "patient.sex": "女",
    "patient.mobile_masked": "139****0101",
    "guardian.name": "李建国",
    "guardian.relation": "父亲",
    "treatment.item": "玻尿酸填充",
    "treatment.areas": "鼻唇沟、下巴",
    "treatment.products": "乔雅登 Voluma（Allergan）批号 VB20A123，1 支",
    "treatment.operator": "王医生",
    "treatment.date": "2026-11-24",
    "treatment.next_review": "2026-12-08",
    "clinic.name": "上海丽颜医疗美容门诊部",
    "clinic.address": "上海市徐汇区漕溪北路 88 号 3 楼",
    "clinic.phone": "021-5555 0101",
    "today": "2026-11-24",
}
ENGLISH = VALUES | {
    "patient.name": "Lily Li",
    "patient.sex": "female",
    "guardian.name": "Jian Li",
    "guardian.relation": "father",
    "treatment.item": "Hyaluronic acid filler",
    "treatment.areas": "nasolabial folds, chin",
    "treatment.products": "Juvederm Voluma (Allergan) lot VB20A123, 1 syringe",
    "treatment.operator": "Dr Wang",
    "clinic.name": "Lakeside Aesthetics Clinic",
    "clinic.address": "3F, 88 North Caoxi Road, Xuhui, Shanghai",
}
SIGNATURE = (
    ((0.05, 0.6), (0.12, 0.3), (0.2, 0.7), (0.28, 0.35), (0.36, 0.65), (0.5, 0.4)),
    ((0.7, 0.3), (0.75, 0.75)),
    ((0.8, 0.5), (0.95, 0.45)),
)


def logo_png() -> bytes:
    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, 112, 112), fill=(176, 70, 120, 255))
    draw.ellipse((38, 38, 82, 82), fill=(255, 255, 255, 255))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def bare(title: str, blocks: list[Block], language: str) -> bytes:
    """The same text and styles in a plain SimpleDocTemplate."""
    styles = _styles(language)
    story = [Paragraph(_markup(title), styles["title"])]
    number = 0
    for block in blocks:
        number = number + 1 if block.kind == "numbered" else 0
        text = "".join(
            f"<b>{_markup(s.text)}</b>" if s.bold else _markup(s.text) for s in block.spans
        )
        bullet = {"bullet": "•", "numbered": f"{number}."}.get(block.kind)
        story.append(Paragraph(text, styles.get(block.kind, styles["body"]), bulletText=bullet))
    out = io.BytesIO()
    margins = {f"{side}Margin": MARGIN for side in ("left", "right", "top", "bottom")}
    SimpleDocTemplate(out, pagesize=A4, invariant=1, **margins).build(story)
    return out.getvalue()


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--key", default="filler")
    parser.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    args = parser.parse_args()

    source = RESOURCES / "templates" / args.language / f"{args.key}.md"
    template = read_template_file(source.read_text("utf-8"))
    values = VALUES if args.language == "zh_CN" else ENGLISH
    blocks = fill(parse(template.body), values)
    letterhead = Letterhead(
        values["clinic.name"], values["clinic.address"], values["clinic.phone"], logo_png()
    )
    patient = PatientLine(values["patient.name"], "000789", "2009-03-08")
    signatures = Signatures(
        (
            Signer("patient", values["patient.name"], strokes=SIGNATURE),
            Signer("guardian", values["guardian.name"], values["guardian.relation"]),
            Signer("doctor", values["treatment.operator"]),
        ),
        "2026-11-24",
    )
    document_fonts.register()

    def ours() -> bytes:
        return render_pdf(template.title, blocks, letterhead, patient, signatures, args.language)

    pages = len(PdfReader(io.BytesIO(ours())).pages)
    bare_pages = len(PdfReader(io.BytesIO(bare(template.title, blocks, args.language))).pages)
    print(f"{source.relative_to(ROOT)}: {len(blocks)} blocks, {pages} pages "
          f"(bare: {bare_pages}), {len(ours()) / 1024:.0f} KiB", file=sys.stderr)  # fmt: skip

    timings: dict[str, list[float]] = {"ours": [], "bare": []}
    for n in range(args.repeat + 3):
        took = {
            "ours": _timed(ours),
            "bare": _timed(lambda: bare(template.title, blocks, args.language)),
        }
        if n >= 3:
            for name, ms in took.items():
                timings[name].append(ms)

    o50, o95 = percentile(timings["ours"], 0.5), percentile(timings["ours"], 0.95)
    b50, b95 = percentile(timings["bare"], 0.5), percentile(timings["bare"], 0.95)
    ok = o50 <= BUDGET_RATIO * b50 and o95 <= BUDGET_RATIO * b95
    print(f"\n{args.key} ({args.language}), {pages} pages, {args.repeat} times each; ms")
    print("| | p50 | p95 |")
    print("|---|---|---|")
    print(f"| render_pdf (page furniture, signatures) | {o50:.1f} | {o95:.1f} |")
    print(f"| bare ReportLab SimpleDocTemplate, same paragraphs | {b50:.1f} | {b95:.1f} |")
    print(f"| ratio | {o50 / b50:.2f} | {o95 / b95:.2f} |")
    print(
        f"render_pdf {o50 / b50:.2f} × bare at p50, {o95 / b95:.2f} × at p95 "
        f"(budget ≤ {BUDGET_RATIO:.1f}): {'within' if ok else 'MISSED'}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
