"""The pre-treatment gate: consent signed on the current version, before photos of the day,
warn or block; and the clinic's logo on the letterhead."""

from __future__ import annotations

import datetime as dt
import io
import uuid

import pytest
import sqlalchemy as sa
from PIL import Image
from pypdf import PdfReader

from desktop_app.models import (
    AuditEvent,
    ClinicSetting,
    Course,
    DocumentAction,
    Photo,
    PhotoStage,
    Role,
    Treatment,
    utcnow,
)
from desktop_app.services import (
    catalogue,
    clinic_settings,
    document_archive,
    documents,
    photos,
    plans,
    templates,
    treatment_gate,
    treatments,
)
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.photo_clinic import face

FAR = dt.date.today() + dt.timedelta(days=400)
STROKES = {"patient": (((0.1, 0.5), (0.4, 0.6), (0.9, 0.4)),)}


def draft(item="玻尿酸填充", **changes):
    lot = treatments.ProductUse("乔雅登", "艾尔建", "JVD123A", FAR, "1", "ml")
    return treatments.TreatmentDraft(item, utcnow(), products=(lot,), **changes)


def sign(database, actor, patient_id, key="filler", language="zh_CN"):
    """The patient signs the consent on screen, before the treatment (from the draft)."""
    prepared = documents.prepare_document(
        database, actor, key, patient_id, draft=draft(), language=language, strokes=STROKES
    )
    return documents.keep_document(database, actor, prepared, DocumentAction.SIGN)


def before_photo(database, actor, patient_id, seed=1, **tags):
    return photos.import_file(
        database,
        actor,
        patient_id,
        f"before{seed}.jpg",
        face(seed),
        photos.PhotoTags(stage=PhotoStage.BEFORE, **tags),
        consent_confirmed=True,
    )


def gate(database, actor, patient_id, item="玻尿酸填充", **kw):
    return treatment_gate.check(database, actor, patient_id, item, **kw)


def counts(database):
    with unit_of_work(database, write=False) as session:
        treated = session.scalar(sa.select(sa.func.count()).select_from(Treatment))
        used = session.scalar(sa.select(sa.func.sum(Course.sessions_used)))
    return treated, used or 0


def test_the_shipped_items_require_before_photos_and_existing_ones_are_kept(database, manager):
    shipped = {i.name: i.before_photos_required for i in catalogue.items(database, manager)}
    assert shipped["玻尿酸填充"] and shipped["热玛吉"] and shipped["隆鼻"]
    catalogue.save_item(database, manager, "小气泡", "清洁", "198")
    catalogue.save_item(database, manager, "玻尿酸填充", "注射", "4800", consent_template="filler")
    now = {i.name: i.before_photos_required for i in catalogue.items(database, manager)}
    assert now["小气泡"] is False and now["玻尿酸填充"] is True  # not reset by an edit
    catalogue.save_item(
        database, manager, "玻尿酸填充", "注射", "4800", before_photos_required=False
    )
    assert not gate(database, manager, uuid.uuid4()).before_photos_missing


def test_an_item_without_a_consent_has_no_consent_state(database, manager, nurse, patient):
    catalogue.save_item(database, manager, "小气泡", "清洁", "198")
    check = gate(database, nurse, patient.id, "小气泡")
    assert (check.consent_key, check.consent, check.before_photos_missing) == (None, None, False)
    assert check.missing == () and not check.blocking


def test_consent_unsigned_signed_outdated_and_scanned(database, manager, nurse, patient):
    check = gate(database, nurse, patient.id)
    assert (check.consent_key, check.consent) == ("filler", treatment_gate.UNSIGNED)
    assert check.consent_title == templates.get_template(database, nurse, "filler", "zh_CN").title
    english = gate(database, nurse, patient.id, language="en").consent_title
    assert english == templates.get_template(database, nurse, "filler", "en").title
    printed = documents.keep_document(  # printed but not signed: still unsigned
        database,
        nurse,
        documents.prepare_document(
            database, nurse, "filler", patient.id, draft=draft(), language="en"
        ),
        DocumentAction.PRINT,
    )
    assert gate(database, nurse, patient.id).consent == treatment_gate.UNSIGNED
    sign(database, nurse, patient.id, language="en")  # either language counts
    assert gate(database, nurse, patient.id).consent == treatment_gate.SIGNED
    templates.save_version(database, manager, "filler", "en", "New", "# New\nText", based_on=1)
    assert gate(database, nurse, patient.id).consent == treatment_gate.OUTDATED
    assert gate(database, nurse, patient.id).missing[0] == "consent_outdated"
    document_archive.attach_scan(  # the paper copy printed earlier on v1: still outdated
        database, nurse, printed.document_id, b"%PDF-scan", "application/pdf"
    )
    assert gate(database, nurse, patient.id).consent == treatment_gate.OUTDATED
    again = documents.keep_document(  # the current English version printed, signed on paper
        database,
        nurse,
        documents.prepare_document(
            database, nurse, "filler", patient.id, draft=draft(), language="en"
        ),
        DocumentAction.PRINT,
    )
    assert gate(database, nurse, patient.id).consent == treatment_gate.OUTDATED
    document_archive.attach_scan(database, nurse, again.document_id, b"\x89PNG", "image/png")
    assert gate(database, nurse, patient.id).consent == treatment_gate.SIGNED
    assert not document_archive.needs_signature(database, nurse, patient.id, "filler")
    other = register_patient(database, manager, PatientDraft("李四"))
    assert gate(database, nurse, other.id).consent == treatment_gate.UNSIGNED  # theirs only


def test_before_photos_of_the_day_not_hidden(database, manager, nurse, patient, local_midday):
    assert gate(database, nurse, patient.id).before_photos_missing
    after = photos.import_file(
        database, nurse, patient.id, "after.jpg", face(7),
        photos.PhotoTags(stage=PhotoStage.AFTER), consent_confirmed=True,
    )  # fmt: skip
    assert after and gate(database, nurse, patient.id).before_photos_missing  # wrong stage
    photo_id = before_photo(database, nurse, patient.id)
    assert not gate(database, nurse, patient.id).before_photos_missing
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert gate(database, nurse, patient.id, today=tomorrow).before_photos_missing
    other = register_patient(database, manager, PatientDraft("李四"))
    assert gate(database, nurse, other.id).before_photos_missing  # theirs only
    with unit_of_work(database, write=False) as session:
        version = session.get(Photo, photo_id).version
    photos.hide(database, nurse, photo_id, version, "wrong patient")
    assert gate(database, nurse, patient.id).before_photos_missing


def test_a_before_photo_linked_to_the_visit_counts_on_another_day(
    database, manager, nurse, patient, local_midday
):
    from desktop_app.services.queue import check_in

    visit = check_in(database, manager, patient.id)
    visit_id = visit.visit_id
    photo_id = before_photo(database, nurse, patient.id, visit_id=visit_id)
    long_ago = dt.datetime(2025, 1, 2, 9, tzinfo=dt.UTC)
    with unit_of_work(database) as session:  # as if taken and imported months ago
        session.execute(
            sa.update(Photo)
            .where(Photo.id == photo_id)
            .values(taken_at=long_ago, created_at=long_ago)
        )
    assert gate(database, nurse, patient.id).before_photos_missing
    assert not gate(database, nurse, patient.id, visit_id=visit_id).before_photos_missing


def test_block_mode_refuses_and_writes_nothing(database, manager, nurse, patient, local_midday):
    doctor = create_staff(
        database, manager, NewStaff("drwang", "王医生", Role.DOCTOR, "correct horse battery")
    )
    plans.create_plan(database, doctor, patient.id, [plans.PlanLine("玻尿酸填充", "4800", 3)])
    [course] = plans.courses_of(database, nurse, patient.id)
    clinic_settings.put(database, manager, clinic_settings.TREATMENT_GATE, "block")
    assert gate(database, nurse, patient.id).blocking
    with pytest.raises(ValidationError) as error:
        treatments.record_treatment(database, nurse, patient.id, draft(course_id=course.id))
    assert (error.value.field, error.value.code) == ("item", "consent_unsigned")
    assert "before photos" in str(error.value)
    assert counts(database) == (0, 0)
    sign(database, nurse, patient.id)
    with pytest.raises(ValidationError) as error:
        treatments.record_treatment(database, nurse, patient.id, draft(course_id=course.id))
    assert error.value.code == "before_photos_missing" and counts(database) == (0, 0)
    before_photo(database, nurse, patient.id)
    recorded = treatments.record_treatment(database, nurse, patient.id, draft(course_id=course.id))
    assert recorded.gate is None and counts(database) == (1, 1)


def test_warn_mode_records_with_the_warning(database, manager, nurse, patient):
    assert clinic_settings.get(database, clinic_settings.TREATMENT_GATE) == ""  # warn: default
    soon = treatments.ProductUse(
        "乔雅登", "艾尔建", "SOON1", dt.date.today() + dt.timedelta(days=5), "1", "ml"
    )
    recorded = treatments.record_treatment(
        database,
        nurse,
        patient.id,
        treatments.TreatmentDraft("玻尿酸填充", utcnow(), products=(soon,)),
    )
    assert recorded.gate is not None and not recorded.gate.blocking
    assert recorded.gate.missing == ("consent_unsigned", "before_photos_missing")
    assert len(recorded.warnings) == 1 and "SOON1" in recorded.warnings[0]  # lots, as before
    with unit_of_work(database, write=False) as session:
        assert session.get(Treatment, recorded.treatment_id) is not None
        summary = session.scalars(
            sa.select(AuditEvent.summary).where(AuditEvent.entity_type == "treatment")
        ).one()
    assert "consent_unsigned" in summary  # the record shows it was done despite the warning


def test_the_gate_setting_is_checked_and_only_for_managers(database, manager, nurse):
    with pytest.raises(ValidationError) as error:
        clinic_settings.put(database, manager, clinic_settings.TREATMENT_GATE, "maybe")
    assert error.value.field == clinic_settings.TREATMENT_GATE
    with pytest.raises(PermissionDeniedError):
        clinic_settings.put(database, nurse, clinic_settings.TREATMENT_GATE, "block")
    with pytest.raises(PermissionDeniedError):
        treatment_gate.check(database, create_staff(
            database, manager, NewStaff("front", "前台", Role.RECEPTIONIST, "correct horse battery")
        ), uuid.uuid4(), "玻尿酸填充")  # fmt: skip
    with pytest.raises(ValidationError) as error:  # an unknown item: the form's item field
        gate(database, nurse, uuid.uuid4(), "不存在")
    assert error.value.field == "item"


def png(size=(400, 200), mode="RGBA", fmt="PNG") -> bytes:
    image = Image.new(mode, size, (0, 0, 0, 0) if mode == "RGBA" else (20, 60, 120))
    if mode == "RGBA":
        image.paste((200, 30, 30, 255), (50, 50, 150, 150))
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def test_a_logo_is_flattened_scaled_and_printed_on_the_letterhead(
    database, manager, nurse, patient
):
    stored = clinic_settings.set_logo(database, manager, png((2000, 1200)))
    assert clinic_settings.logo_png(database) == stored
    image = Image.open(io.BytesIO(stored))
    assert image.format == "PNG" and image.mode == "RGB" and image.size == (1000, 600)
    assert image.getpixel((0, 0)) == (255, 255, 255)  # transparency laid on white paper
    clinic_settings.set_logo(database, manager, png((300, 100), "RGB", "JPEG"))
    assert Image.open(io.BytesIO(clinic_settings.logo_png(database))).size == (300, 100)
    with unit_of_work(database, write=False) as session:
        value = session.get(ClinicSetting, clinic_settings.CLINIC_LOGO).value
        logged = session.scalars(
            sa.select(AuditEvent.summary).where(AuditEvent.entity_id == clinic_settings.CLINIC_LOGO)
        ).all()
    assert len(logged) == 2 and all(value[:40] not in s for s in logged)  # hashes, no bytes
    prepared = documents.prepare_document(database, nurse, "filler", patient.id, draft=draft())
    first = PdfReader(io.BytesIO(prepared.pdf)).pages[0]
    xobjects = first["/Resources"]["/XObject"]
    assert any(xobjects[name]["/Subtype"] == "/Image" for name in xobjects)
    clinic_settings.clear_logo(database, manager)
    assert clinic_settings.logo_png(database) is None
    bare = documents.prepare_document(database, nurse, "filler", patient.id, draft=draft())
    resources = PdfReader(io.BytesIO(bare.pdf)).pages[0]["/Resources"]
    assert "/XObject" not in resources or not any(
        resources["/XObject"][n]["/Subtype"] == "/Image" for n in resources["/XObject"]
    )


def test_a_bad_logo_is_refused_and_the_old_one_kept(database, manager, nurse):
    clinic_settings.set_logo(database, manager, png())
    kept = clinic_settings.logo_png(database)
    out = io.BytesIO()
    Image.new("RGB", (20, 20)).save(out, "GIF")
    for data, code in (
        (b"not a picture", "logo_unreadable"),
        (png()[:60], "logo_unreadable"),  # truncated
        (out.getvalue(), "logo_type"),
        (b"\x89PNG" + bytes(clinic_settings.MAX_LOGO_BYTES), "logo_too_large"),
    ):
        with pytest.raises(ValidationError) as error:
            clinic_settings.set_logo(database, manager, data)
        assert (error.value.field, error.value.code) == ("logo", code)
    assert clinic_settings.logo_png(database) == kept
    with pytest.raises(PermissionDeniedError):
        clinic_settings.set_logo(database, nurse, png())
    with pytest.raises(ValidationError):  # never through put_many (it would audit the bytes)
        clinic_settings.put(database, manager, clinic_settings.CLINIC_LOGO, "AAAA")
    with pytest.raises(ValidationError) as error:
        clinic_settings.put_many(
            database,
            manager,
            {clinic_settings.CLINIC_PHONE: "1" * 41, clinic_settings.CLINIC_ADDRESS: "路"},
        )
    assert error.value.field == clinic_settings.CLINIC_PHONE
    assert clinic_settings.get(database, clinic_settings.CLINIC_ADDRESS) == ""  # nothing saved
