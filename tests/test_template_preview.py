"""The template editor's services: a template's versions, and its unsaved text rendered for a
sample patient (read back from the PDF, on SQLite and PostgreSQL)."""

from __future__ import annotations

import io
import re
import subprocess

import pytest
from pypdf import PdfReader

from desktop_app.models import Role, TemplateKind
from desktop_app.services import clinic_settings, template_preview, templates
from desktop_app.services.clinic_settings import CLINIC_ADDRESS, CLINIC_PHONE
from desktop_app.services.errors import NotFoundError, PermissionDeniedError
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.template_text import PLACEHOLDERS, TemplateError
from tests.support.document_clinic import CLINIC, pdf_text, squash

EVERY_PLACEHOLDER = "\n".join(f"- {name}: {{{name}}}" for name in sorted(PLACEHOLDERS))


@pytest.fixture
def letterhead(database, manager):
    clinic_settings.put_many(
        database, manager, {CLINIC_ADDRESS: "北京市朝阳区示例路 1 号", CLINIC_PHONE: "010-12345678"}
    )


def staff(database, manager, role: Role):
    return create_staff(
        database,
        manager,
        NewStaff(f"u_{role.value}", role.value, role, "correct horse battery"),
    )


def test_versions_lists_every_version_newest_first_with_who_saved_it(database, manager):
    shipped = templates.get_template(database, manager, "filler", "en")
    templates.save_version(database, manager, "filler", "en", "Two", "# 2", based_on=1)
    templates.save_version(database, manager, "filler", "en", "Three", "# 3", based_on=2)
    found = templates.versions(database, manager, "filler", "en")
    assert [(v.number, v.current, v.title) for v in found] == [
        (3, 3, "Three"),
        (2, 3, "Two"),
        (1, 3, shipped.title),
    ]
    assert [v.created_by for v in found] == ["王店长", "王店长", None]  # 1: shipped
    assert found[-1].body == shipped.body and found[0].items == shipped.items
    assert {v.key for v in found} == {"filler"} and {v.language for v in found} == {"en"}
    assert [v.number for v in templates.versions(database, manager, "filler", "zh_CN")] == [1]


def test_versions_of_an_unknown_template_is_not_found(database, manager):
    with pytest.raises(NotFoundError):
        templates.versions(database, manager, "no_such_key", "en")


def test_a_nurse_may_read_the_history(database, manager):
    nurse = staff(database, manager, Role.NURSE)
    assert [v.number for v in templates.versions(database, nurse, "filler", "zh_CN")] == [1]


@pytest.mark.parametrize(("language", "patient"), [("zh_CN", "示例患者"), ("en", "Sample Patient")])
def test_the_sample_shows_the_made_up_patient_and_the_real_clinic(
    database, manager, letterhead, language, patient, tmp_path
):
    template = templates.get_template(database, manager, "filler", language)
    pdf = template_preview.sample_pdf(
        database, manager, "Unsaved 未保存", template.body, template.kind, language
    )
    text = pdf_text(pdf, tmp_path)
    for expected in (patient, "000000", CLINIC, "北京市朝阳区示例路1号", "010-12345678"):
        assert squash(expected) in text, expected
    assert squash("Unsaved 未保存") in text  # the editor's title, not the saved one
    assert "{" not in text  # every placeholder was filled


def test_every_placeholder_gets_a_sample_value(database, manager, letterhead):
    pdf = template_preview.sample_pdf(
        database, manager, "All", EVERY_PLACEHOLDER, TemplateKind.GENERAL, "en"
    )
    lines = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode("utf-8")
    for name in PLACEHOLDERS:
        match = re.search(rf"{re.escape(name)}: *(\S.*)", lines)
        assert match, f"{name} printed blank"
    assert "LOT0001A" in lines and "Sample treatment" in lines


@pytest.mark.parametrize(
    ("kind", "boxes"),
    [
        (TemplateKind.CONSENT, ["Patient's signature", "Doctor's signature"]),
        (TemplateKind.GENERAL, ["Patient's signature"]),
        (TemplateKind.AFTERCARE, []),
    ],
)
def test_the_sample_has_the_signature_boxes_of_its_kind(database, manager, kind, boxes, tmp_path):
    pdf = template_preview.sample_pdf(database, manager, "T", "# Heading\nText.", kind, "en")
    text = pdf_text(pdf, tmp_path)
    for label in ("Patient's signature", "Doctor's signature", "Guardian's signature"):
        assert (squash(label) in text) == (label in boxes), label


def test_a_long_sample_has_its_pages(database, manager):
    body = "\n".join(f"Paragraph {n}: {{patient.name}} " + "words " * 40 for n in range(60))
    pdf = template_preview.sample_pdf(database, manager, "Long", body, "aftercare", "en")
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3


def test_bad_markup_is_a_template_error_naming_its_line(database, manager):
    with pytest.raises(TemplateError) as info:
        template_preview.sample_pdf(
            database, manager, "T", "# One\nfine\nDear {patient.nmae}", "consent", "zh_CN"
        )
    assert info.value.line == 3 and "patient.nmae" in info.value.message
    with pytest.raises(TemplateError) as info:
        template_preview.sample_pdf(database, manager, "T", "ok\n**open", "consent", "en")
    assert info.value.line == 2


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.NURSE, Role.DOCTOR])
def test_only_managers_preview_templates(database, manager, role):
    other = staff(database, manager, role)
    with pytest.raises(PermissionDeniedError):
        template_preview.sample_pdf(database, other, "T", "# x", "consent", "en")
