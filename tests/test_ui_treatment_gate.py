"""The treatment form's gate strip: what is missing, Save off in block mode, Print consent
with the form's draft, and Re-check after a signature."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.db import DatabaseUnavailableError
from desktop_app.models import DocumentAction, PhotoStage, Role
from desktop_app.services import catalogue, clinic_settings, documents, photos, treatments
from desktop_app.services import treatment_gate as gate_service
from desktop_app.ui.i18n import document_language
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import SyncRunner
from desktop_app.ui.treatment_form import TreatmentDialog
from tests.support.photo_clinic import face, make_clinic

FAR = (dt.date.today() + dt.timedelta(days=400)).isoformat()
STROKES = {"patient": (((0.1, 0.5), (0.4, 0.6), (0.9, 0.4)),)}
ITEMS = ["玻尿酸填充", "小气泡"]


class Preview(QObject):
    """What the patient page's document opener returns: a preview with a ``kept`` signal."""

    kept = Signal(object)


@pytest.fixture
def clinic(sqlite_database, local_midday):
    clinic = make_clinic(sqlite_database)
    catalogue.save_item(sqlite_database, clinic.people["manager"], "小气泡", "清洁", "198")
    return clinic


def dialog_for(qtbot, clinic, *, documents=None, item="玻尿酸填充") -> TreatmentDialog:
    dialog = TreatmentDialog(
        SyncRunner(),
        clinic.database,
        clinic.people[Role.NURSE],
        clinic.patient_id,
        None,
        [item, *(i for i in ITEMS if i != item)],
        [],
        documents=documents,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def sign_consent(clinic) -> None:
    nurse = clinic.people[Role.NURSE]
    draft = treatments.TreatmentDraft("玻尿酸填充", dt.datetime.now(dt.UTC))
    prepared = documents.prepare_document(
        clinic.database, nurse, "filler", clinic.patient_id, draft=draft, strokes=STROKES
    )
    documents.keep_document(clinic.database, nurse, prepared, DocumentAction.SIGN)


def take_before_photo(clinic) -> None:
    photos.import_file(
        clinic.database,
        clinic.people[Role.NURSE],
        clinic.patient_id,
        "before.jpg",
        face(3),
        photos.PhotoTags(stage=PhotoStage.BEFORE),
        consent_confirmed=True,
    )


def title(clinic) -> str:
    check = gate_service.check(
        clinic.database, clinic.people[Role.NURSE], clinic.patient_id, "玻尿酸填充",
        language=document_language(),
    )  # fmt: skip
    return check.consent_title


def test_warn_mode_shows_the_strip_saves_and_repeats_the_warning(qtbot, clinic):
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people[Role.NURSE])
    page.show()
    page.show_patient(clinic.patient_id)
    qtbot.mouseClick(page.buttons["treatment"], Qt.MouseButton.LeftButton)
    dialog = page.form
    assert isinstance(dialog, TreatmentDialog)
    dialog.item.setCurrentIndex(dialog.item.findText("玻尿酸填充"))
    strip = dialog.gate_strip
    assert strip.isVisible()
    text = strip.text.text()
    assert f"“{title(clinic)}” is not signed." in text
    assert "Before photos are missing." in text and "You can still save" in text
    assert strip.print_button.isVisible()  # the page gives the form its document preview
    assert dialog.save_button.isEnabled()
    dialog.add_product("乔雅登", "艾尔建", "JVD123A", FAR, "1", "ml")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result_value.gate.missing == ("consent_unsigned", "before_photos_missing")
    notice = page.notice.text()
    assert notice.startswith("Saved.") and "is not signed" in notice
    assert "Before photos are missing." in notice and "Lots expiring" not in notice


def test_block_mode_turns_save_off_until_consent_and_photos_are_there(qtbot, clinic):
    clinic_settings.put(
        clinic.database, clinic.people["manager"], clinic_settings.TREATMENT_GATE, "block"
    )
    dialog = dialog_for(qtbot, clinic)
    assert "Save is off" in dialog.gate_strip.text.text()
    assert not dialog.save_button.isEnabled() and dialog.save_button.toolTip()
    dialog.submit()  # Enter in a field goes here too: nothing is saved
    assert dialog.isVisible() and dialog.result_value is None
    sign_consent(clinic)
    qtbot.mouseClick(dialog.gate_strip.recheck_button, Qt.MouseButton.LeftButton)
    assert "is not signed" not in dialog.gate_strip.text.text()
    assert "Before photos are missing." in dialog.gate_strip.text.text()
    assert not dialog.save_button.isEnabled()
    take_before_photo(clinic)
    dialog.recheck()
    assert dialog.gate_strip.isHidden() and dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result_value.gate is None


def test_an_item_without_consent_or_photos_hides_the_strip(qtbot, clinic):
    clinic_settings.put(
        clinic.database, clinic.people["manager"], clinic_settings.TREATMENT_GATE, "block"
    )
    dialog = dialog_for(qtbot, clinic)
    assert dialog.gate_strip.isVisible()
    dialog.item.setCurrentIndex(dialog.item.findText("小气泡"))
    assert dialog.gate_strip.isHidden() and dialog.save_button.isEnabled()
    dialog.item.setCurrentIndex(dialog.item.findText("玻尿酸填充"))
    assert dialog.gate_strip.isVisible() and not dialog.save_button.isEnabled()


def test_a_consent_on_an_older_version_asks_to_sign_again(qtbot, clinic):
    from desktop_app.services import templates

    sign_consent(clinic)
    take_before_photo(clinic)
    templates.save_version(
        clinic.database, clinic.people["manager"], "filler", "zh_CN", "新版", "新的文本", based_on=1
    )
    dialog = dialog_for(qtbot, clinic, documents=lambda request: None)
    assert dialog.gate_strip.text.text().splitlines()[0] == (
        f"“{title(clinic)}” was signed on an older version — ask the patient to sign again."
    )
    assert dialog.gate_strip.print_button.isVisible()


def test_print_consent_opens_the_draft_and_rechecks_when_a_copy_is_kept(qtbot, clinic):
    asked = []
    preview = Preview()

    def open_document(request):
        asked.append(request)
        return preview

    take_before_photo(clinic)
    dialog = dialog_for(qtbot, clinic, documents=open_document)
    assert dialog.gate_strip.print_button.isVisible()
    dialog.areas["lips"].setChecked(True)
    dialog.add_product("乔雅登", "艾尔建", "JVD123A", FAR, "1", "ml")
    qtbot.mouseClick(dialog.gate_strip.print_button, Qt.MouseButton.LeftButton)
    [request] = asked
    assert (request.key, request.patient_id, request.treatment_id) == (
        "filler",
        clinic.patient_id,
        None,
    )
    assert request.draft.item == "玻尿酸填充" and request.draft.areas == ("lips",)
    assert [use.lot_number for use in request.draft.products] == ["JVD123A"]
    assert dialog.gate_strip.isVisible()
    sign_consent(clinic)  # what the preview does when the patient signs
    preview.kept.emit(object())
    assert dialog.gate_strip.isHidden()


def test_print_consent_with_a_bad_product_row_shows_the_error_there(qtbot, clinic):
    asked = []
    dialog = dialog_for(qtbot, clinic, documents=asked.append)
    dialog.add_product("乔雅登", "艾尔建", "", FAR, "1", "ml")  # no lot
    qtbot.mouseClick(dialog.gate_strip.print_button, Qt.MouseButton.LeftButton)
    assert asked == [] and dialog.form.errors["products"].isVisible()


def test_a_gate_that_cannot_be_checked_says_so_and_leaves_save_on(qtbot, clinic, monkeypatch):
    def unreachable(*args, **kwargs):
        raise DatabaseUnavailableError("connection refused")

    monkeypatch.setattr(gate_service, "check", unreachable)
    dialog = dialog_for(qtbot, clinic)
    assert "Could not check the consent and before photos" in dialog.gate_strip.text.text()
    assert "cannot be reached" in dialog.gate_strip.text.text()
    assert dialog.save_button.isEnabled()  # record_treatment checks again when saving


def test_block_set_while_the_form_was_open_is_shown_at_the_item(qtbot, clinic):
    dialog = dialog_for(qtbot, clinic)
    assert dialog.save_button.isEnabled()
    clinic_settings.put(
        clinic.database, clinic.people["manager"], clinic_settings.TREATMENT_GATE, "block"
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "is not signed" in dialog.form.errors["item"].text()
    assert not dialog.save_button.isEnabled()  # re-checked: now blocked
