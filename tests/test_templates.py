"""Document templates: the markup parser, placeholders, and versioned templates in the database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from desktop_app.models import DocumentTemplate, Role, TemplateKind, TemplateVersion
from desktop_app.services import templates
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ConflictError, PermissionDeniedError, ValidationError
from desktop_app.services.staff import NewStaff, create_staff
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
    assert (info.value.code, info.value.detail) == ("unknown_placeholder", "{patient.nmae}")


@pytest.mark.parametrize(
    ("body", "line", "code", "detail"),
    [
        ("ok\n**bold never closed", 2, "unclosed_bold", ""),
        ("a {patient.name\n", 1, "unclosed_brace", "3"),
        ("fine\n\nstray } here", 3, "unopened_brace", "7"),
        ("{not a placeholder}", 1, "not_placeholder", "{not a placeholder}"),
        ("- **x** and **y", 1, "unclosed_bold", ""),
    ],
)
def test_unbalanced_markup_is_refused_with_its_line(body, line, code, detail):
    with pytest.raises(TemplateError) as info:
        check(body)
    assert (info.value.line, info.value.code, info.value.detail) == (line, code, detail)


# --- versioned templates in the database -------------------------------------------------


EN_FILLER = """\
---
key: filler
kind: consent
language: en
title: Filler consent
---
# About the treatment
You, {patient.name} ({patient.record_no}), will receive **{treatment.item}**.
"""


def shipped(tmp_path, files):
    for (language, key), text in files.items():
        (tmp_path / language).mkdir(parents=True, exist_ok=True)
        (tmp_path / language / f"{key}.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_shipped_folder_installs_and_a_fresh_clinic_has_it(database, manager):
    # complete_first_run (the manager fixture) installed whatever the release ships
    files = templates.shipped_files()
    listed = {(t.key, t.language) for t in templates.list_templates(database, manager)}
    assert set(files) <= listed
    assert templates.install_defaults(database) == 0  # nothing missing: nothing done


def test_install_defaults_is_idempotent_and_never_overwrites(database, manager, tmp_path):
    folder = shipped(tmp_path, {("en", "filler"): EN_FILLER})
    with unit_of_work(database) as session:  # start from an empty table for this folder
        session.execute(sa.delete(TemplateVersion))
        session.execute(sa.delete(DocumentTemplate))
    assert templates.install_defaults(database, folder) == 1
    assert templates.install_defaults(database, folder) == 0
    first = templates.get_template(database, manager, "filler", "en")
    assert (first.number, first.title, first.created_by) == (1, "Filler consent", None)
    templates.save_version(database, manager, "filler", "en", "Ours", "Edited.", based_on=1)
    (folder / "en" / "filler.md").write_text(EN_FILLER.replace("Filler", "Changed"), "utf-8")
    assert templates.install_defaults(database, folder) == 0
    assert templates.get_template(database, manager, "filler", "en").title == "Ours"


def test_a_broken_shipped_file_is_an_error_naming_it(database, tmp_path):
    broken = EN_FILLER.replace("key: filler", "key: oops").replace("{patient.name}", "{x.y}")
    folder = shipped(tmp_path, {("en", "oops"): broken})
    with pytest.raises(TemplateError, match=r"oops\.md.*x\.y") as info:
        templates.install_defaults(database, folder)
    assert info.value.line == 2
    mismatched = shipped(tmp_path / "b", {("en", "other"): EN_FILLER})
    with pytest.raises(TemplateError, match="front matter says filler"):
        templates.install_defaults(database, mismatched)


def new_template(database, actor, key, language, body="ok", kind=TemplateKind.CONSENT):
    return templates.save_version(
        database, actor, key, language, key.title(), body, based_on=None, kind=kind
    )


def test_editing_makes_version_two_and_leaves_version_one(database, manager):
    v1 = new_template(database, manager, "custom", "zh_CN", "# 一\n{patient.name}")
    assert (v1.number, v1.current, v1.created_by) == (1, 1, "王店长")
    body2 = "# 二\n**{clinic.name}**"
    v2 = templates.save_version(database, manager, "custom", "zh_CN", "二", body2, based_on=1)
    assert (v2.number, v2.current) == (2, 2)
    old = templates.get_template(database, manager, "custom", "zh_CN", 1)
    assert (old.title, old.body, old.current) == ("Custom", "# 一\n{patient.name}", 2)
    assert templates.get_template(database, manager, "custom", "zh_CN").body == body2
    listed = [t for t in templates.list_templates(database, manager) if t.key == "custom"]
    assert [(t.number, t.kind) for t in listed] == [(2, TemplateKind.CONSENT)]
    with pytest.raises(ConflictError):  # edited from version 1 after version 2 was saved
        templates.save_version(database, manager, "custom", "zh_CN", "x", "y", based_on=1)


def test_an_unknown_placeholder_is_refused_at_save_time(database, manager):
    new_template(database, manager, "custom", "en")
    with pytest.raises(TemplateError) as info:
        templates.save_version(
            database, manager, "custom", "en", "C", "ok\nDear {patient.fullname}", based_on=1
        )
    assert info.value.line == 2
    assert templates.get_template(database, manager, "custom", "en").number == 1


def test_only_managers_edit_templates_and_everyone_reads_them(database, manager):
    new_template(database, manager, "custom", "en")
    for role in Role:
        if role is Role.MANAGER:
            continue
        other = create_staff(
            database, manager, NewStaff(f"u{role.value}", role.value, role, "correct horse battery")
        )
        assert templates.get_template(database, other, "custom", "en").number == 1
        with pytest.raises(PermissionDeniedError):
            templates.save_version(database, other, "custom", "en", "Mine", "x", based_on=1)


@pytest.mark.parametrize("key", ["Filler2", "2filler", "has space", "", "x" * 61])
def test_a_new_templates_key_must_be_a_plain_lowercase_name(database, manager, key):
    with pytest.raises(ValidationError) as info:
        templates.save_version(
            database, manager, key, "en", "T", "# T", based_on=None,
            kind=TemplateKind.GENERAL,
        )  # fmt: skip
    assert info.value.field == "key"


def test_the_catalogue_links_items_to_templates_by_key(database, manager):
    with unit_of_work(database) as session:
        session.execute(sa.delete(TemplateVersion))
        session.execute(sa.delete(DocumentTemplate))
    new_template(database, manager, "filler", "en")
    filler = templates.get_template(database, manager, "filler", "en")
    assert filler.items == ("玻尿酸填充",)
