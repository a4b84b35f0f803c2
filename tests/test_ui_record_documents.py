"""Printing from the patient's record (issue 7): the Documents menu, shortcuts, signed scans,
the re-sign prompt, and a document's detail, on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import Qt

from desktop_app.db import DatabaseUnavailableError
from desktop_app.models import DocumentAction, Role, utcnow
from desktop_app.services import catalogue, documents, templates, treatments
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.timeline import EntryKind
from desktop_app.ui import record_documents
from desktop_app.ui.document_preview import DocumentPreview, DocumentRequest
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import SyncRunner

PASSWORD = "correct horse battery"
SIGNED = {"patient": (((0.1, 0.1), (0.9, 0.9)),)}
FAR = dt.date.today() + dt.timedelta(days=400)
CONSENT_TITLE = "玻尿酸注射填充知情同意书"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def clinic(sqlite_database):
    database = sqlite_database
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    people = {
        role: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.NURSE, "nurse", "小护士"),
            (Role.RECEPTIONIST, "front", "前台"),
        )
    }
    people["manager"] = manager
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    treatment = treatments.record_treatment(
        database,
        people[Role.NURSE],
        patient.id,
        treatments.TreatmentDraft(
            "玻尿酸填充",
            utcnow() - dt.timedelta(hours=1),
            areas=("lips",),
            products=(treatments.ProductUse("乔雅登", "艾尔建", "JVD123A", FAR, "1", "ml"),),
        ),
    ).treatment_id
    return database, people, patient, treatment


class FakePreview:
    """Stands in for the preview: what was asked, and a kept signal to fire by hand."""

    opened: ClassVar[list[FakePreview]] = []

    def __init__(self, runner, database, actor, station, request=None, *, stored=None, parent=None):
        from PySide6.QtCore import QObject, Signal

        class Relay(QObject):
            kept = Signal(object)

        self.relay = Relay()
        self.kept = self.relay.kept
        self.request, self.stored_id = request, stored
        FakePreview.opened.append(self)

    def open(self) -> None:
        pass

    def isVisible(self) -> bool:
        return False

    def deleteLater(self) -> None:
        self.deleted = True


@pytest.fixture
def fake_preview(monkeypatch):
    FakePreview.opened = []
    monkeypatch.setattr(record_documents, "DocumentPreview", FakePreview)
    return FakePreview.opened


def page_for(qtbot, database, actor, patient) -> PatientPage:
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(database, actor)
    page.show()
    page.show_patient(patient.id)
    return page


def select(page, kind: EntryKind, index: int = 0):
    rows = [i for i, e in enumerate(page.model.entries) if e.kind == kind]
    page.list.setCurrentIndex(page.model.index(rows[index]))
    page.list.setFocus()
    return page.model.entries[rows[index]]


def menu(page) -> list[tuple[str, bool]]:
    page.documents.fill()
    return [
        (a.text().split("\t")[0], a.isEnabled())
        for a in page.documents.menu.actions()
        if not a.isSeparator()
    ]


def trigger(page, text: str) -> None:
    page.documents.fill()
    [action] = [a for a in page.documents.menu.actions() if a.text().split("\t")[0] == text]
    action.trigger()


def press(qtbot, page, shift: bool = False) -> None:
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    modifiers = Qt.KeyboardModifier.ControlModifier
    if shift:
        modifiers |= Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(page.list, Qt.Key.Key_P, modifiers)


def test_the_menu_follows_the_selected_treatment_and_document(qtbot, clinic, fake_preview):
    database, people, patient, _treatment = clinic
    nurse = people[Role.NURSE]
    documents.render_document(database, nurse, "filler", patient.id)
    page = page_for(qtbot, database, nurse, patient)
    assert page.documents.button.isVisible() and page.documents.button.isEnabled()
    select(page, EntryKind.TREATMENT)
    items = menu(page)
    assert items[:2] == [("&Aftercare sheet…", True), ("&Consent…", True)]
    general = {text for text, _ in items[2:]}
    assert len(general) == 2 and all(text.endswith("…") for text in general)  # PIPL, photos

    select(page, EntryKind.DOCUMENT)
    assert [text for text, _ in menu(page)][:2] == ["&Open / reprint…", "Attach signed &scan…"]
    trigger(page, "&Open / reprint…")
    assert fake_preview[-1].stored_id == page.list.currentIndex().data(Qt.ItemDataRole.UserRole).id


def test_reception_is_offered_the_general_documents_only(qtbot, clinic, fake_preview):
    database, people, patient, _treatment = clinic
    front = people[Role.RECEPTIONIST]
    documents.render_document(database, people[Role.NURSE], "filler", patient.id)
    general = documents.render_document(database, front, "pipl_consent", patient.id)
    page = page_for(qtbot, database, front, patient)
    assert [e.id for e in page.model.entries if e.kind == EntryKind.DOCUMENT] == [
        general.document_id
    ]
    entry = select(page, EntryKind.DOCUMENT)
    texts = [text for text, _ in menu(page)]
    assert "&Aftercare sheet…" not in texts and "&Consent…" not in texts
    assert texts[:2] == ["&Open / reprint…", "Attach signed &scan…"]
    assert len(texts) == 4  # and the two general consents
    page.documents.menu.actions()[-1].trigger()
    assert fake_preview[-1].request.key in ("pipl_consent", "photo_consent")
    assert fake_preview[-1].request.treatment_id is None
    press(qtbot, page)
    assert fake_preview[-1].stored_id == entry.id


def test_ctrl_p_on_a_treatment_previews_its_aftercare_sheet_and_a_kept_copy_shows(qtbot, clinic):
    database, people, patient, treatment = clinic
    nurse = people[Role.NURSE]
    page = page_for(qtbot, database, nurse, patient)
    select(page, EntryKind.TREATMENT)
    press(qtbot, page)
    preview = page.documents.preview
    assert isinstance(preview, DocumentPreview)
    assert (preview.request.key, preview.request.treatment_id) == ("filler_aftercare", treatment)
    assert preview.request.patient_id == patient.id
    preview.close()
    press(qtbot, page, shift=True)
    assert page.documents.preview.request.key == "filler"
    page.documents.preview.close()

    kept = documents.render_document(database, nurse, "filler_aftercare", patient.id)
    page.documents.preview.kept.emit(kept)  # as the preview does when it prints
    assert page.model.entries[0].id == kept.document_id
    select(page, EntryKind.DOCUMENT)
    press(qtbot, page)  # on a document: its stored copy
    assert isinstance(page.documents.preview, DocumentPreview)
    assert page.documents.preview.stored_id == kept.document_id


def test_attaching_a_scan_marks_the_document_and_refuses_bad_files(
    qtbot, clinic, fake_preview, monkeypatch, tmp_path
):
    database, people, patient, _treatment = clinic
    nurse = people[Role.NURSE]
    printed = documents.render_document(database, nurse, "filler", patient.id)
    page = page_for(qtbot, database, nurse, patient)
    chosen: list[Path] = []
    monkeypatch.setattr(
        record_documents.QFileDialog,
        "getOpenFileName",
        lambda *_args: (str(chosen[-1]), ""),
    )

    def attach(name: str, data: bytes | None, size: int = 0) -> str:
        path = tmp_path / name
        if data == b"":
            pass  # no such file
        elif data is None:
            with path.open("wb") as f:
                f.truncate(size)
        else:
            path.write_bytes(data)
        chosen.append(path)
        page.documents.message = None
        select(page, EntryKind.DOCUMENT)
        page.documents.attach_scan()
        return page.documents.message.text() if page.documents.message else ""

    assert "could not be read" in attach("gone.png", b"")  # removed before it was read
    assert "not a PDF, PNG or JPEG" in attach("scan.png", b"just text, not an image")
    assert "larger than 20 MB" in attach("huge.pdf", None, 20 * 1024 * 1024 + 1)
    assert attach("scan.png", PNG) == ""
    [entry] = [e for e in page.model.entries if e.kind == EntryKind.DOCUMENT]
    assert (entry.id, entry.state) == (printed.document_id, "scanned")
    assert "scan is attached" in page.notice.text()
    assert "already attached" in attach("again.png", PNG)
    assert "Attach signed &scan…" not in [text for text, _ in menu(page)]


def test_an_outdated_consent_is_flagged_detailed_and_signed_again(qtbot, clinic, fake_preview):
    database, people, patient, treatment = clinic
    nurse = people[Role.NURSE]
    signed = documents.render_document(
        database, nurse, "filler", patient.id, action=DocumentAction.SIGN, strokes=SIGNED
    )
    templates.save_version(
        database, people["manager"], "filler", "zh_CN", "新版同意书", "新文本", based_on=1
    )
    page = page_for(qtbot, database, nurse, patient)
    assert f"Consent to sign again: {CONSENT_TITLE}" in page.flags.text()
    entry = select(page, EntryKind.DOCUMENT)
    assert entry.outdated and "older version" in page.model.data(page.list.currentIndex())
    detail = page.detail.toPlainText()
    for expected in (
        CONSENT_TITLE,
        "signed on version 1; version 2 is current — ask the patient to sign again",
        signed.sha256,
        "玻尿酸填充",
        "小护士",
        "Signed on screen",
    ):
        assert expected in detail, expected

    texts = [text for text, _ in menu(page)]
    assert f"Sign again: {CONSENT_TITLE}…" in texts  # from the header, whatever is selected
    trigger(page, "Sign &again on the current version…")
    request = fake_preview[-1].request
    assert (request.key, request.patient_id, request.treatment_id) == (
        "filler",
        patient.id,
        treatment,
    )
    again = documents.render_document(
        database, nurse, "filler", patient.id, action=DocumentAction.SIGN, strokes=SIGNED
    )
    fake_preview[-1].kept.emit(again)
    assert "Consent to sign again" not in page.flags.text()
    assert page.model.entries[0].id == again.document_id
    assert not any(text.startswith("Sign again") for text, _ in menu(page))


def test_the_treatment_form_can_open_a_preview_through_the_page(qtbot, clinic):
    database, people, patient, treatment = clinic
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    preview = page.open_document(DocumentRequest("filler", patient.id, treatment))
    assert isinstance(preview, DocumentPreview) and preview.request.key == "filler"
    preview.close()


def test_an_item_without_templates_says_so(qtbot, clinic, fake_preview):
    database, people, patient, _treatment = clinic
    catalogue.save_item(database, people["manager"], "皮肤检测", "检测", "0")
    treatments.record_treatment(
        database, people[Role.NURSE], patient.id, treatments.TreatmentDraft("皮肤检测", utcnow())
    )
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    select(page, EntryKind.TREATMENT)  # the newest: 皮肤检测
    assert menu(page)[:2] == [("&Aftercare sheet…", False), ("&Consent…", False)]
    press(qtbot, page)
    assert fake_preview == []
    assert "No template is linked to 皮肤检测" in page.documents.message.text()


def test_a_failed_read_is_told_and_opens_nothing(qtbot, clinic, fake_preview, monkeypatch):
    database, people, patient, _treatment = clinic
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    select(page, EntryKind.TREATMENT)

    def gone(*_args):
        raise DatabaseUnavailableError("server closed the connection")

    monkeypatch.setattr(record_documents.document_entries, "treatment_templates", gone)
    page.documents.templates = None  # not read yet: Ctrl+P reads it
    press(qtbot, page)
    assert fake_preview == [] and page.documents.message.isVisible()
    assert "cannot be reached" in page.documents.message.text()


def test_the_treatment_form_gets_the_pages_preview(qtbot, clinic):
    database, people, patient, _treatment = clinic
    from desktop_app.services import queue

    queue.check_in(database, people["manager"], patient.id)
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    qtbot.mouseClick(page.buttons["treatment"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "form", None) is not None and page.form.isVisible())
    assert page.form.documents == page.open_document
