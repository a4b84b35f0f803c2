"""Signature strokes keep the pad's proportions on paper whatever the box's shape: read back
from the PDF's content stream, not trusted from the renderer."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from desktop_app.services.document_pdf import (
    INK,
    PAD_ASPECT,
    RULE,
    Signatures,
    Signer,
    render_pdf,
)
from tests.test_document_pdf import DOCTOR, ZH_CLINIC, ZH_PATIENT, zh_blocks

DIAGONAL = (((0.0, 0.0), (1.0, 1.0)),)  # top left to bottom right of the pad
GUARDIAN = Signer("guardian", "张建国", relation="父亲")


@dataclass(frozen=True)
class Ink:
    """The first signature's strokes and the box (``re``) and baseline they were drawn in."""

    left: float
    right: float
    bottom: float
    top: float
    box_left: float
    box_right: float
    box_top: float
    baseline: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def _colour(operands: list) -> tuple[float, ...]:
    return tuple(round(float(value), 3) for value in operands)


def ink_of(pdf: bytes) -> Ink:
    """Walk the last page's operators: the latest box rectangle, the grey rule drawn in it
    (the baseline), then the ink-coloured ``m``/``l`` points until the state is restored."""
    page = PdfReader(io.BytesIO(pdf)).pages[-1]
    ink_rgb, rule_rgb = _colour(INK.rgb()), _colour(RULE.rgb())
    box: list[float] = []
    baseline = None
    colour: tuple[float, ...] = ()
    points: list[tuple[float, float]] = []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"RG":
            colour = _colour(operands)
        elif operator == b"re" and not points:
            box, baseline = [float(value) for value in operands], None
        elif operator == b"m" and colour == rule_rgb and box and baseline is None:
            baseline = float(operands[1])
        elif operator in (b"m", b"l") and colour == ink_rgb:
            points.append((float(operands[0]), float(operands[1])))
        elif operator == b"Q" and points:
            break
    assert points and box and baseline is not None
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return Ink(min(xs), max(xs), min(ys), max(ys), box[0], box[0] + box[2], box[1] + box[3],
               baseline)  # fmt: skip


def render(*signers: Signer) -> bytes:
    return render_pdf(
        "同意书", zh_blocks(), ZH_CLINIC, ZH_PATIENT, Signatures(signers, "2026-11-24"), "zh_CN"
    )


@pytest.fixture(scope="module")
def two() -> Ink:
    return ink_of(render(Signer("patient", "张晓梅", strokes=DIAGONAL), DOCTOR))


@pytest.fixture(scope="module")
def three() -> Ink:
    return ink_of(render(Signer("patient", "张小雨", strokes=DIAGONAL), GUARDIAN, DOCTOR))


@pytest.mark.parametrize("row", ["two", "three"])
def test_a_diagonal_keeps_the_pads_aspect_ratio(row: str, request: pytest.FixtureRequest) -> None:
    ink: Ink = request.getfixturevalue(row)
    assert ink.width / ink.height == pytest.approx(PAD_ASPECT, rel=0.002)
    assert ink.box_left < ink.left and ink.right < ink.box_right
    assert ink.baseline <= ink.bottom and ink.top < ink.box_top


def test_the_signature_is_as_large_as_fits_left_aligned_and_centred(two: Ink, three: Ink) -> None:
    # Two boxes a row are wider than the pad: the ink is as tall as the signing area, sits
    # on the baseline and leaves the slack on the right, starting where it does in a
    # narrower box.
    assert two.bottom == pytest.approx(two.baseline, abs=0.01)
    assert two.box_right - two.right > 2 * (two.left - two.box_left)
    assert two.left - two.box_left == pytest.approx(three.left - three.box_left, abs=0.01)
    # Three a row are narrower: the ink fills the width (the same margin both sides) and is
    # centred in the area's height, which is the two-box ink's height.
    assert three.box_right - three.right == pytest.approx(three.left - three.box_left, abs=0.01)
    assert three.height < two.height
    assert three.bottom - three.baseline == pytest.approx((two.height - three.height) / 2, abs=0.01)


def test_signed_documents_render_the_same_bytes_twice() -> None:
    strokes = (((0.1, 0.8), (0.3, 0.2), (0.55, 0.9), (0.9, 0.4)), ((0.95, 0.95),))
    signers = (Signer("patient", "张小雨", strokes=strokes), GUARDIAN, DOCTOR)
    assert render(*signers) == render(*signers)
