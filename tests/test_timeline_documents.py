"""Printed documents in the patient's timeline, their detail, and the re-sign prompt."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from desktop_app.models import DocumentAction, Role, TemplateKind
from desktop_app.services import document_archive, document_entries, documents, templates
from desktop_app.services.errors import PermissionDeniedError
from desktop_app.services.record_header import record_header
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.timeline import EntryKind, patient_timeline

SIGNED = {"patient": (((0.1, 0.1), (0.9, 0.9)),)}
FILLER_TITLE = "玻尿酸注射填充知情同意书"
AFTERCARE_TITLE = "玻尿酸注射填充术后护理须知"
PIPL_TITLE = "个人信息及敏感个人信息处理知情同意书"


@pytest.fixture
def front(database, manager):
    return create_staff(
        database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, "correct horse battery")
    )


def docs(entries):
    return [e for e in entries if e.kind == EntryKind.DOCUMENT]


def test_documents_are_merged_newest_first_and_page_by_keyset(database, nurse, patient, filler):
    printed = [
        documents.render_document(database, nurse, key, patient.id, treatment_id=treatment)
        for key, treatment in (
            ("filler", filler),
            ("filler_aftercare", filler),
            ("pipl_consent", None),
        )
    ]
    everything = patient_timeline(database, nurse, patient.id)
    assert [e.at for e in everything] == sorted((e.at for e in everything), reverse=True)
    assert {e.kind for e in everything} >= {EntryKind.TREATMENT, EntryKind.DOCUMENT}
    listed = docs(everything)
    assert [e.id for e in listed] == [p.document_id for p in reversed(printed)]
    assert [e.label for e in listed] == [PIPL_TITLE, AFTERCARE_TITLE, FILLER_TITLE]
    assert {(e.state, e.person, e.outdated) for e in listed} == {("printed", "护士小李", False)}

    pages, cursor = [], None
    while page := patient_timeline(database, nurse, patient.id, before=cursor, limit=2):
        pages += page
        cursor = (page[-1].at, page[-1].id)
    assert [e.id for e in pages] == [e.id for e in everything]
    only = patient_timeline(database, nurse, patient.id, kinds={EntryKind.DOCUMENT}, limit=2)
    assert [e.id for e in only] == [e.id for e in listed[:2]]


def test_the_timeline_stays_one_statement_however_many_documents(database, nurse, patient, filler):
    for _ in range(4):
        documents.render_document(database, nurse, "filler_aftercare", patient.id)
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append(statement)

    sa.event.listen(database.engine, "before_cursor_execute", count)
    try:
        entries = patient_timeline(database, nurse, patient.id)
    finally:
        sa.event.remove(database.engine, "before_cursor_execute", count)
    assert len(docs(entries)) == 4
    assert len(statements) == 1, statements


def test_reception_sees_the_general_documents_only(database, nurse, front, patient, filler):
    general = documents.render_document(database, front, "photo_consent", patient.id)
    documents.render_document(database, nurse, "filler", patient.id, treatment_id=filler)
    seen = patient_timeline(database, front, patient.id)
    assert {e.kind for e in seen} <= {EntryKind.VISIT, EntryKind.DOCUMENT}
    assert [e.id for e in docs(seen)] == [general.document_id]
    assert len(docs(patient_timeline(database, nurse, patient.id))) == 2
    assert document_entries.document_entry(database, front, general.document_id).kind == (
        TemplateKind.GENERAL
    )
    clinical = docs(patient_timeline(database, nurse, patient.id))[0]
    with pytest.raises(PermissionDeniedError):
        document_entries.document_entry(database, front, clinical.id)
    with pytest.raises(PermissionDeniedError):
        document_entries.treatment_templates(database, front, filler)


def test_a_consent_signed_on_an_old_version_is_flagged_until_signed_again(
    database, manager, nurse, patient, filler
):
    first = documents.render_document(
        database, nurse, "filler", patient.id, action=DocumentAction.SIGN, strokes=SIGNED
    )
    aftercare = documents.render_document(database, nurse, "filler_aftercare", patient.id)
    assert record_header(database, nurse, patient.id).sign_again == ()
    [signed] = [
        e for e in patient_timeline(database, nurse, patient.id) if e.id == first.document_id
    ]
    assert (signed.state, signed.outdated) == ("signed", False)

    templates.save_version(database, manager, "filler", "zh_CN", "新版同意书", "新文本", based_on=1)
    templates.save_version(
        database, manager, "filler_aftercare", "zh_CN", "新版须知", "新文本", based_on=1
    )
    by_id = {e.id: e for e in patient_timeline(database, nurse, patient.id)}
    assert (by_id[first.document_id].state, by_id[first.document_id].outdated) == ("signed", True)
    assert by_id[aftercare.document_id].outdated is False  # handed over, never signed
    [again] = record_header(database, nurse, patient.id).sign_again
    assert (again.key, again.title, again.signed_version, again.current_version) == (
        "filler",
        FILLER_TITLE,
        1,
        2,
    )
    detail = document_entries.document_entry(database, nurse, first.document_id)
    assert (detail.version, detail.current_version, detail.outdated, detail.sign_again) == (
        1,
        2,
        True,
        True,
    )
    assert detail.treatment and "玻尿酸填充" in detail.treatment and detail.sha256 == first.sha256

    documents.render_document(
        database, nurse, "filler", patient.id, action=DocumentAction.SIGN, strokes=SIGNED
    )
    assert record_header(database, nurse, patient.id).sign_again == ()
    detail = document_entries.document_entry(database, nurse, first.document_id)
    assert detail.outdated and not detail.sign_again  # still v1, but nothing to ask now


def test_a_scanned_paper_copy_counts_as_signed(database, manager, nurse, front, patient, filler):
    printed = documents.render_document(database, nurse, "filler", patient.id)
    general = documents.render_document(database, front, "pipl_consent", patient.id)
    document_archive.attach_scan(database, nurse, printed.document_id, b"\x89PNG-scan", "image/png")
    document_archive.attach_scan(database, front, general.document_id, b"%PDF-1", "application/pdf")
    states = {e.id: e.state for e in patient_timeline(database, nurse, patient.id)}
    assert states[printed.document_id] == states[general.document_id] == "scanned"
    assert document_entries.document_entry(database, nurse, printed.document_id).scanned

    templates.save_version(database, manager, "filler", "zh_CN", "新版", "新文本", based_on=1)
    templates.save_version(database, manager, "pipl_consent", "zh_CN", "新版", "新文本", based_on=1)
    assert {a.key for a in record_header(database, nurse, patient.id).sign_again} == {
        "filler",
        "pipl_consent",
    }  # reception is asked for the general consent only
    assert [a.key for a in record_header(database, front, patient.id).sign_again] == [
        "pipl_consent"
    ]


def test_a_treatment_names_its_items_templates(database, nurse, patient, filler):
    found = document_entries.treatment_templates(database, nurse, filler)
    assert (found.patient_id, found.item, found.consent, found.aftercare) == (
        patient.id,
        "玻尿酸填充",
        "filler",
        "filler_aftercare",
    )
