"""Printing templates for a patient: real text in the PDF, recorded copies, identical reprints."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from dataclasses import replace

import pytest
import sqlalchemy as sa

from desktop_app.cli import main
from desktop_app.models import (
    DocumentAction,
    PrintedDocument,
    PrintedDocumentBlob,
    Role,
    utcnow,
)
from desktop_app.services import (
    clinic_settings,
    document_archive,
    documents,
    queue,
    templates,
    treatments,
)
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.template_text import PLACEHOLDERS
from tests.support.databases import sqlite_url
from tests.support.document_clinic import CLINIC, lot, pdf_text, squash


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_consent_shows_patient_item_lots_and_clinic_as_real_text(
    database, nurse, patient, filler, language, tmp_path
):
    done = documents.render_document(
        database, nurse, "filler", patient.id, treatment_id=filler, language=language
    )
    assert done.pdf.startswith(b"%PDF") and done.version == 1
    text = pdf_text(done.pdf, tmp_path)
    for expected in ("张三丰", patient.record_no, "玻尿酸填充", "JVD123A", "JVD777B", CLINIC):
        assert squash(expected) in text, expected
    title = templates.get_template(database, nurse, "filler", language).title
    assert squash(title) in text
    with unit_of_work(database, write=False) as session:
        row = session.get(PrintedDocument, done.document_id)
        assert (row.action, row.language, row.treatment_id) == (
            DocumentAction.PRINT,
            language,
            filler,
        )
        assert row.created_by_id == nurse.staff_id and row.sha256 == done.sha256


def test_a_reprint_is_the_same_bytes_even_after_the_template_changed(
    database, manager, nurse, patient, filler
):
    original = documents.render_document(database, nurse, "filler", patient.id)
    current = templates.get_template(database, manager, "filler", "zh_CN")
    templates.save_version(
        database, manager, "filler", "zh_CN", "新版", "# 新版\n{patient.name}", based_on=1
    )
    again = documents.reprint(database, nurse, original.document_id)
    assert again.pdf == original.pdf and again.sha256 == original.sha256
    assert (again.version, again.title) == (1, current.title)
    newer = documents.render_document(database, nurse, "filler", patient.id)
    assert newer.version == 2 and newer.sha256 != original.sha256


def test_without_a_treatment_the_latest_of_that_item_is_used(database, nurse, patient, filler):
    done = documents.render_document(database, nurse, "filler_aftercare", patient.id)
    with unit_of_work(database, write=False) as session:
        assert session.get(PrintedDocument, done.document_id).treatment_id == filler
    with pytest.raises(ValidationError) as error:  # no toxin treatment for this patient
        documents.render_document(database, nurse, "toxin", patient.id)
    assert error.value.field == "treatment"
    assert patient.record_no in str(error.value)


def test_a_minors_consent_has_a_guardian_block(database, manager, nurse, tmp_path):
    minor = register_patient(
        database,
        manager,
        PatientDraft(
            "李小𠮷",
            birth_date=dt.date.today().replace(year=dt.date.today().year - 15),
            guardian_name="李大明",
            guardian_relation="父亲",
            guardian_mobile="13900139000",
        ),
    )
    done = documents.render_document(database, nurse, "pipl_consent", minor.id)
    text = pdf_text(done.pdf, tmp_path)
    assert "李大明" in text and "父亲" in text and "监护人" in text
    adult = register_patient(database, manager, PatientDraft("王成年", sex="M"))
    adult_text = pdf_text(
        documents.render_document(database, nurse, "pipl_consent", adult.id).pdf, tmp_path
    )
    assert "监护人签名" not in adult_text


def test_every_value_a_template_can_name_is_filled(
    database, manager, nurse, patient, filler, tmp_path
):
    clinic_settings.put_many(
        database,
        manager,
        {
            clinic_settings.CLINIC_ADDRESS: "上海市静安路1号",
            clinic_settings.CLINIC_PHONE: "021-5555 0000",
        },
    )
    body = "\n".join(f"- {name}=[{{{name}}}]" for name in sorted(PLACEHOLDERS))
    templates.save_version(database, manager, "filler", "en", "All", body, based_on=1)
    text = pdf_text(
        documents.render_document(database, nurse, "filler", patient.id, language="en").pdf,
        tmp_path,
    )
    today = dt.date.today()
    for name, value in {
        "patient.birth_date": "1990-05-17",
        "patient.sex": "Female",
        "patient.mobile_masked": "138****1234",
        "treatment.areas": "Lips",
        "treatment.operator": "护士小李",
        "treatment.products": "乔雅登(艾尔建),lotJVD123A,1ml;乔雅登(艾尔建),lotJVD777B,0.5ml",
        "treatment.date": today.isoformat(),
        "treatment.next_review": (today + dt.timedelta(days=3)).isoformat(),
        "clinic.address": "上海市静安路1号",
        "clinic.phone": "021-55550000",
    }.items():
        assert f"{name}=[{squash(value)}]" in text, name


def test_who_may_print_what(database, manager, patient, filler):
    front = create_staff(
        database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        documents.render_document(database, front, "filler", patient.id)
    general = documents.render_document(database, front, "photo_consent", patient.id)
    with pytest.raises(PermissionDeniedError):  # reprinting a clinical one is no different
        documents.reprint(
            database,
            front,
            documents.render_document(database, manager, "filler", patient.id).document_id,
        )
    assert documents.reprint(database, front, general.document_id).pdf == general.pdf


def test_patient_queries_never_load_the_pdf_bytes():
    columns = {c.name for c in PrintedDocument.__table__.columns}
    assert "data" not in columns and "data" in PrintedDocumentBlob.__table__.columns


def test_cli_lists_templates_and_renders_one(tmp_path, capsys):
    url = str(sqlite_url(tmp_path))
    assert main(["--database-url", url, "templates", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(set(r) == {"key", "kind", "item", "language", "version"} for r in rows)
    assert {r["kind"] for r in rows} == {"consent", "aftercare"}
    filler = next(r for r in rows if (r["key"], r["language"]) == ("filler", "zh_CN"))
    assert (filler["item"], filler["version"]) == ("玻尿酸填充", 1)
    assert next(r for r in rows if r["key"] == "pipl_consent")["item"] is None


@pytest.mark.parametrize("database", ["sqlite"], indirect=True)  # the command line, once
def test_cli_render_document_and_its_errors(database, manager, nurse, patient, filler, tmp_path):
    url = str(database.engine.url)
    out = tmp_path / "consent.pdf"
    args = ["--database-url", url, "render-document", "filler", "--patient", patient.record_no]
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", *args, "--language", "en", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(out.read_bytes(), tmp_path)
    assert patient.record_no in text and "JVD123A" in text
    with unit_of_work(database, write=False) as session:
        saved = session.scalars(sa.select(PrintedDocument)).one()
        assert saved.action is DocumentAction.SAVE and saved.created_by_id is None
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_app",
            *args[:3],
            "toxin",
            "--patient",
            patient.record_no,
            "--out",
            str(tmp_path / "x.pdf"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "no treatment" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_timeline_lists_documents_and_asks_to_sign_again_on_a_newer_version(
    database, manager, nurse, patient, filler
):
    assert document_archive.needs_signature(database, nurse, patient.id, "filler")
    printed = documents.render_document(database, nurse, "filler", patient.id)
    assert document_archive.needs_signature(database, nurse, patient.id, "filler")  # unsigned
    document_archive.attach_scan(
        database, nurse, printed.document_id, b"%PDF-scan", "application/pdf"
    )
    assert not document_archive.needs_signature(database, nurse, patient.id, "filler")
    with pytest.raises(ValidationError):  # a scan is kept once, never replaced
        document_archive.attach_scan(database, nurse, printed.document_id, b"x", "image/png")
    templates.save_version(database, manager, "filler", "zh_CN", "新版", "新的文本", based_on=1)
    [listed] = document_archive.documents_of(database, nurse, patient.id)
    assert (listed.version, listed.current_version, listed.signed) == (1, 2, True)
    assert listed.outdated and listed.created_by == "护士小李"
    assert document_archive.needs_signature(database, nurse, patient.id, "filler")
    strokes = {"patient": (((0.1, 0.5), (0.4, 0.6), (0.9, 0.4)),)}
    signed = documents.render_document(
        database, nurse, "filler", patient.id, action=DocumentAction.SIGN, strokes=strokes
    )
    assert signed.version == 2
    assert not document_archive.needs_signature(database, nurse, patient.id, "filler")
    newest = document_archive.documents_of(database, nurse, patient.id)[0]
    assert (newest.action, newest.signed, newest.outdated) == (DocumentAction.SIGN, True, False)


def test_reception_sees_only_general_documents_in_the_timeline(database, manager, patient, filler):
    front = create_staff(
        database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, "correct horse battery")
    )
    documents.render_document(database, manager, "filler", patient.id)
    documents.render_document(database, front, "pipl_consent", patient.id)
    assert [d.key for d in document_archive.documents_of(database, manager, patient.id)] == [
        "pipl_consent",
        "filler",
    ]
    assert [d.key for d in document_archive.documents_of(database, front, patient.id)] == [
        "pipl_consent"
    ]


def test_a_preview_writes_nothing_and_keeping_it_stores_those_very_bytes(
    database, nurse, patient, filler
):
    prepared = documents.prepare_document(database, nurse, "filler", patient.id)
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(PrintedDocument)) == 0
    assert prepared.treatment_id == filler
    assert [role for role, _name in prepared.signers] == ["patient", "doctor"]
    kept = documents.keep_document(database, nurse, prepared, DocumentAction.SAVE)
    assert kept.pdf == prepared.pdf and kept.sha256 == prepared.sha256
    assert documents.reprint(database, nurse, kept.document_id).pdf == prepared.pdf
    with unit_of_work(database, write=False) as session:
        assert session.get(PrintedDocument, kept.document_id).action == DocumentAction.SAVE


def test_a_consent_before_the_treatment_is_saved_prints_the_forms_draft(
    database, nurse, patient, tmp_path
):
    draft = treatments.TreatmentDraft(
        "玻尿酸填充", utcnow(), areas=("chin", "lips"), products=(lot("DRAFT42"),)
    )
    prepared = documents.prepare_document(database, nurse, "filler", patient.id, draft=draft)
    assert prepared.treatment_id is None
    text = pdf_text(prepared.pdf, tmp_path)
    for expected in ("玻尿酸填充", "DRAFT42", "唇部、下巴", "护士小李"):  # areas as saved
        assert expected in text, expected


def test_the_doctor_box_names_the_visits_doctor_never_a_nurse(database, manager, nurse, patient):
    doctor = create_staff(
        database, manager, NewStaff("drwang", "王医生", Role.DOCTOR, "correct horse battery")
    )
    draft = treatments.TreatmentDraft("玻尿酸填充", utcnow(), products=(lot("L1"),))
    alone = documents.prepare_document(database, nurse, "filler", patient.id, draft=draft)
    assert dict(alone.signers)["doctor"] == ""  # the doctor writes their name on paper
    card = queue.check_in(database, manager, patient.id)
    queue.assign(
        database, manager, card.visit_id, card.version,
        consultant_id=None, doctor_id=doctor.staff_id, room=None,
    )  # fmt: skip
    in_visit = replace(draft, visit_id=card.visit_id)
    seen = documents.prepare_document(database, nurse, "filler", patient.id, draft=in_visit)
    assert dict(seen.signers)["doctor"] == "王医生"
    own = documents.prepare_document(database, doctor, "filler", patient.id, draft=draft)
    assert dict(own.signers)["doctor"] == "王医生"
