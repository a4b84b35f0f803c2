"""Document templates: the markup parser, placeholders, and versioned templates in the database."""

from __future__ import annotations

import pytest

from desktop_app.services.template_text import (
    PLACEHOLDERS,
    Block,
    Span,
    TemplateError,
    check,
    fill,
    parse,
    read_template_file,
)

SAMPLE = """\
---
key: filler
kind: consent            # consent | aftercare | general
language: zh_CN          # zh_CN | en
title: 玻尿酸注射填充知情同意书
---
# 一、治疗简介
您（{patient.name}，病历号 {patient.record_no}）将于 {treatment.date} \
接受 **{treatment.item}** 治疗。

## 常见风险
- 注射部位红肿、淤青，通常 3–7 天消退；
12. 第一步
"""


def test_read_template_file_splits_front_matter_and_body():
    tf = read_template_file(SAMPLE)
    assert (tf.key, tf.kind, tf.language) == ("filler", "consent", "zh_CN")
    assert tf.title == "玻尿酸注射填充知情同意书"
    assert tf.body.split("\n")[0] == "# 一、治疗简介"


@pytest.mark.parametrize(
    "text",
    [
        "key: x\n",
        "---\nkey: x\nkind: consent\nlanguage: en\ntitle: T\n",
        "---\nkey: x\nkind: letter\nlanguage: en\ntitle: T\n---\n",
        "---\nkey: x\nkind: consent\nlanguage: fr\ntitle: T\n---\n",
        "---\nkey: x\nkind: consent\nlanguage: en\n---\n",
    ],
)
def test_bad_front_matter_is_refused(text):
    with pytest.raises(TemplateError):
        read_template_file(text)


def test_parse_blocks_and_spans():
    blocks = parse(read_template_file(SAMPLE).body)
    assert [b.kind for b in blocks] == ["heading1", "paragraph", "heading2", "bullet", "numbered"]
    assert blocks[0].spans == (Span("一、治疗简介"),)
    assert blocks[1].spans == (
        Span("您（{patient.name}，病历号 {patient.record_no}）将于 {treatment.date} 接受 "),
        Span("{treatment.item}", bold=True),
        Span(" 治疗。"),
    )
    assert blocks[3].spans == (Span("注射部位红肿、淤青，通常 3–7 天消退；"),)
    assert blocks[4].spans == (Span("第一步"),)


def test_bold_at_the_start_and_literal_braces():
    (block,) = parse("**Note:** keep {{dry}} for a day")
    assert block == Block("paragraph", (Span("Note:", bold=True), Span(" keep {{dry}} for a day")))
    (filled,) = fill([block], {})
    assert filled.spans[1].text == " keep {dry} for a day"


def test_fill_replaces_placeholders_once():
    blocks = parse("Dear {patient.name}, see {{patient.name}} on {today}")
    (filled,) = fill(blocks, {"patient.name": "李{x}", "today": "2026-11-24"})
    assert filled.spans == (Span("Dear 李{x}, see {patient.name} on 2026-11-24"),)


def test_fill_without_a_value_is_an_error_not_a_blank():
    with pytest.raises(TemplateError, match=r"patient\.name"):
        fill(parse("{patient.name}"), {})


def test_check_accepts_every_known_placeholder():
    check(" ".join("{" + name + "}" for name in sorted(PLACEHOLDERS)))


def test_unknown_placeholder_names_its_line():
    with pytest.raises(TemplateError) as info:
        check("# Title\n\nHello {patient.nmae}\n")
    assert info.value.line == 3
    assert "patient.nmae" in str(info.value)


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("ok\n**bold never closed", 2),
        ("a {patient.name\n", 1),
        ("fine\n\nstray } here", 3),
        ("{not a placeholder}", 1),
        ("- **x** and **y", 1),
    ],
)
def test_unbalanced_markup_is_refused_with_its_line(body, line):
    with pytest.raises(TemplateError) as info:
        check(body)
    assert info.value.line == line
