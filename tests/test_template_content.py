"""The shipped default templates: every key in both languages, headers that match their
paths, and bodies the markup parser accepts with only known placeholders — a broken
shipped template would otherwise surface as an error at a nurse's print button."""

from __future__ import annotations

import re

import pytest

from desktop_app.paths import RESOURCES
from desktop_app.services import template_text

TEMPLATES = RESOURCES / "templates"
LANGUAGES = ("zh_CN", "en")
KINDS = {
    "injection": "consent",
    "energy_device": "consent",
    "filler": "consent",
    "toxin": "consent",
    "thread_lift": "consent",
    "surgery": "consent",
    "injection_aftercare": "aftercare",
    "energy_aftercare": "aftercare",
    "filler_aftercare": "aftercare",
    "toxin_aftercare": "aftercare",
    "thread_aftercare": "aftercare",
    "surgery_aftercare": "aftercare",
    "pipl_consent": "general",
    "photo_consent": "general",
}
RISK_HEADINGS = {"zh_CN": "风险", "en": "Risks"}
CASES = [(key, language) for key in KINDS for language in LANGUAGES]
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z_]+(?:\.[a-z_]+)?)\}(?!\})")


def _load(key: str, language: str) -> template_text.TemplateFile:
    path = TEMPLATES / language / f"{key}.md"
    assert path.is_file(), f"missing {path}"
    return template_text.read_template_file(path.read_text(encoding="utf-8"))


def test_no_stray_files() -> None:
    """Only the expected keys ship, so a misspelt file name cannot hide a missing one."""
    for language in LANGUAGES:
        names = {p.stem for p in (TEMPLATES / language).glob("*.md")}
        assert names == set(KINDS), language
    assert {p.name for p in TEMPLATES.iterdir() if p.is_dir()} == set(LANGUAGES)


@pytest.mark.parametrize(("key", "language"), CASES)
def test_front_matter_matches_path(key: str, language: str) -> None:
    template = _load(key, language)
    assert (template.key, template.kind, template.language) == (key, KINDS[key], language)
    assert template.title.strip()
    if language == "zh_CN":
        assert re.search(r"[\u4e00-\u9fff]", template.title)


@pytest.mark.parametrize(("key", "language"), CASES)
def test_body_is_valid_markup(key: str, language: str) -> None:
    template = _load(key, language)
    template_text.check(template.body)
    blocks = template_text.parse(template.body)
    kinds = {block.kind for block in blocks}
    assert "heading1" in kinds
    assert kinds & {"bullet", "numbered"}
    used = set(PLACEHOLDER.findall(template.body))
    assert used <= template_text.PLACEHOLDERS, used - template_text.PLACEHOLDERS
    assert any(span.bold for block in blocks for span in block.spans)


@pytest.mark.parametrize(("key", "language"), CASES)
def test_kind_specific_content(key: str, language: str) -> None:
    template = _load(key, language)
    headings = [
        "".join(span.text for span in block.spans)
        for block in template_text.parse(template.body)
        if block.kind.startswith("heading")
    ]
    if KINDS[key] == "consent":
        assert any(RISK_HEADINGS[language] in heading for heading in headings), headings
        assert "{treatment.item}" in template.body
    elif KINDS[key] == "aftercare":
        assert "{clinic.phone}" in template.body
        assert "{treatment.next_review}" in template.body
    else:
        assert "{clinic.name}" in template.body


def test_filled_body_has_no_braces_left() -> None:
    """Filling every placeholder leaves no "{x.y}" on paper in any shipped template."""
    values = {name: f"<{name}>" for name in template_text.PLACEHOLDERS}
    for key, language in CASES:
        blocks = template_text.fill(template_text.parse(_load(key, language).body), values)
        text = "".join(span.text for block in blocks for span in block.spans)
        assert not PLACEHOLDER.search(text), (key, language)


def test_languages_have_the_same_shape() -> None:
    """The English sheet is the Chinese one's equivalent: same number of headings."""
    for key in KINDS:
        counts = []
        for language in LANGUAGES:
            blocks = template_text.parse(_load(key, language).body)
            counts.append(sum(block.kind.startswith("heading") for block in blocks))
        assert counts[0] == counts[1], (key, counts)


def test_every_character_is_in_the_bundled_font() -> None:
    """Shipped wording never needs the renderer's missing-glyph fallback (a box on paper)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    glyphs = TTFontFile(str(RESOURCES / "fonts" / "wqy-microhei.ttc"), subfontIndex=0)
    for key, language in CASES:
        template = _load(key, language)
        text = template.title + template.body
        missing = {ch for ch in text if ord(ch) > 32 and ord(ch) not in glyphs.charToGlyph}
        assert not missing, (key, language, sorted(missing))
