"""The patient record screen driven as its users would (issue 5), on a real SQLite file."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.models import NoDealReason, Outcome, Role
from desktop_app.services import queue
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.timeline import EntryKind
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text

PASSWORD = "correct horse battery"


@pytest.fixture
def clinic(sqlite_database):
    database = sqlite_database
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    people = {
        role: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.CONSULTANT, "lily", "莉莉"),
            (Role.DOCTOR, "drwang", "王医生"),
            (Role.NURSE, "nurse", "小护士"),
            (Role.RECEPTIONIST, "front", "前台"),
        )
    }
    patient = register_patient(
        database,
        manager,
        PatientDraft(
            "张三丰", mobile="13800131234", allergies="利多卡因", history_flags=("keloid",)
        ),
    )
    queue.check_in(database, manager, patient.id)
    people["manager"] = manager
    return database, people, patient


def page_for(qtbot, database, actor, patient) -> PatientPage:
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(database, actor)
    page.show()
    page.show_patient(patient.id)
    return page


def form_of(qtbot, page, name):
    qtbot.mouseClick(page.buttons[name], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "form", None) is not None and page.form.isVisible())
    return page.form


def kinds(page) -> list[EntryKind]:
    return [entry.kind for entry in page.model.entries]


def test_consultant_records_a_consultation_that_was_not_a_deal(qtbot, clinic):
    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.CONSULTANT], patient)
    assert "利多卡因" in page.flags.text()
    assert not page.buttons["assessment"].isVisible()  # consultants write no assessments
    dialog = form_of(qtbot, page, "consultation")
    dialog.wishes.setFocus()
    type_text(qtbot, dialog.wishes, "想去掉法令纹")
    dialog.areas["cheeks"].setChecked(True)
    dialog.items.item(0).setCheckState(Qt.CheckState.Checked)
    type_text(qtbot, dialog.quote, "3840")
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(Outcome.THINKING))
    qtbot.keyClick(dialog.quote, Qt.Key.Key_Return)  # no reason yet: said at the field
    assert dialog.isVisible() and dialog.form.errors["no_deal_reason"].isVisibleTo(dialog)
    dialog.reason.setCurrentIndex(dialog.reason.findData(NoDealReason.PRICE))
    qtbot.keyClick(dialog.quote, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert kinds(page)[0] == EntryKind.CONSULTATION
    page.list.setCurrentIndex(page.model.index(0))
    assert "想去掉法令纹" in page.detail.toPlainText() and "Price" in page.detail.toPlainText()


def test_doctor_signs_an_assessment_and_adds_an_addendum(qtbot, clinic):
    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.DOCTOR], patient)
    dialog = form_of(qtbot, page, "assessment")
    assert "利多卡因" in dialog.findChild(type(dialog.error), "contraindications").text()
    type_text(qtbot, dialog.complaint, "面部松弛")
    dialog.diagnosis.setCurrentIndex(dialog.diagnosis.findText("皮肤松弛"))
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)  # not confirmed yet
    assert dialog.isVisible() and "Confirm" in dialog.error.text() + "".join(
        e.text() for e in dialog.form.errors.values()
    )
    dialog.confirmed.setChecked(True)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result_value.signed_at is not None
    assessments = [e for e in page.model.entries if e.kind == EntryKind.ASSESSMENT]
    assert [e.state for e in assessments] == ["signed"]  # the refused try left no extra draft

    signed_row = next(
        i
        for i, e in enumerate(page.model.entries)
        if e.kind == EntryKind.ASSESSMENT and e.state == "signed"
    )
    page.list.setCurrentIndex(page.model.index(signed_row))
    assert page.addendum_button.isEnabled()
    qtbot.mouseClick(page.addendum_button, Qt.MouseButton.LeftButton)
    addendum = page.form
    qtbot.waitUntil(addendum.isVisible)
    type_text(qtbot, addendum.text, "一周后复诊：恢复良好")
    qtbot.mouseClick(addendum.save_button, Qt.MouseButton.LeftButton)
    assert not addendum.isVisible()
    signed_row = next(
        i
        for i, e in enumerate(page.model.entries)
        if e.kind == EntryKind.ASSESSMENT and e.state == "signed"
    )
    page.list.setCurrentIndex(page.model.index(signed_row))
    assert "一周后复诊：恢复良好" in page.detail.toPlainText()
    assert "王医生" in page.detail.toPlainText()


def test_nurse_records_a_treatment_with_two_lots_and_the_timeline_orders_it(qtbot, clinic):
    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    dialog = form_of(qtbot, page, "treatment")
    dialog.item.setCurrentIndex(dialog.item.findText("玻尿酸填充"))
    dialog.areas["lips"].setChecked(True)
    soon = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    far = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    dialog.add_product("乔雅登", "艾尔建", "JVD123A", far, "1", "ml")
    dialog.add_product("乔雅登", "艾尔建", "JVD777B", soon, "0.5", "ml")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "JVD777B" in page.notice.text()  # expiring within 30 days: warned
    assert kinds(page) == [EntryKind.TREATMENT, EntryKind.VISIT]  # newest first
    page.list.setCurrentIndex(page.model.index(0))
    text = page.detail.toPlainText()
    assert "JVD123A" in text and "JVD777B" in text and "小护士" in text

    dialog = form_of(qtbot, page, "treatment")  # an expired lot is refused, form kept
    dialog.add_product("乔雅登", "艾尔建", "OLD1", "2020-01-01", "1", "ml")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "expired" in dialog.form.errors["products"].text()


def test_a_receptionist_sees_visits_only(qtbot, clinic):
    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.RECEPTIONIST], patient)
    assert "利多卡因" not in page.flags.text()
    assert not any(button.isVisible() for button in page.buttons.values())
    assert set(kinds(page)) == {EntryKind.VISIT}
    assert QApplication.instance() is not None


def test_lot_recall_dialog_finds_the_patients(qtbot, clinic):
    from desktop_app.services import treatments
    from desktop_app.ui.lot_recall import LotRecallDialog

    database, people, patient = clinic
    far = dt.date.today() + dt.timedelta(days=400)
    treatments.record_treatment(
        database,
        people[Role.NURSE],
        patient.id,
        treatments.TreatmentDraft(
            "肉毒素",
            dt.datetime.now(dt.UTC),
            products=(treatments.ProductUse("保妥适", "艾尔建", "BTX42", far, "50", "U"),),
        ),
    )
    dialog = LotRecallDialog(SyncRunner(), database, people[Role.DOCTOR])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.lot.setFocus()
    type_text(qtbot, dialog.lot, "btx42")
    qtbot.keyClick(dialog.lot, Qt.Key.Key_Return)
    assert [hit.name for hit in dialog.model.rows] == ["张三丰"]
    assert dialog.model.data(dialog.model.index(0, 7)) == "50.00 U"
    assert dialog.status.text() == "1 patient(s) received it."

    dialog.lot.clear()
    type_text(qtbot, dialog.date_from, "2026-13-01")
    qtbot.keyClick(dialog.date_from, Qt.Key.Key_Return)
    assert "YYYY-MM-DD" in dialog.status.text()


def test_consultant_edits_her_consultation_and_another_one_is_refused(qtbot, clinic):
    from desktop_app.services.consultations import ConsultationDraft, record_consultation

    database, people, patient = clinic
    lily = people[Role.CONSULTANT]
    visit = queue.latest_visit(database, lily, patient.id)
    record_consultation(database, lily, visit.visit_id, ConsultationDraft(wishes="原话"))
    page = page_for(qtbot, database, lily, patient)
    page.list.setCurrentIndex(page.model.index(0))
    assert page.edit_button.isEnabled()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.form
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.wishes.toPlainText() == "原话"
    dialog.wishes.setPlainText("原话，补充：想要自然一点")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    page.list.setCurrentIndex(page.model.index(0))
    assert "想要自然一点" in page.detail.toPlainText()

    other = create_staff(
        database, people["manager"], NewStaff("anna", "安娜", Role.CONSULTANT, PASSWORD)
    )
    page2 = page_for(qtbot, database, other, patient)
    page2.list.setCurrentIndex(page2.model.index(0))
    qtbot.mouseClick(page2.edit_button, Qt.MouseButton.LeftButton)
    dialog2 = page2.form
    qtbot.waitUntil(dialog2.isVisible)
    qtbot.mouseClick(dialog2.save_button, Qt.MouseButton.LeftButton)
    assert dialog2.isVisible() and "does not allow" in dialog2.error.text()


def test_a_long_history_loads_a_page_at_a_time_as_it_scrolls(qtbot, clinic):
    from desktop_app.services import treatments

    database, people, patient = clinic
    start = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    for day in range(230):
        treatments.record_treatment(
            database,
            people[Role.NURSE],
            patient.id,
            treatments.TreatmentDraft("光子嫩肤", start + dt.timedelta(days=day)),
        )
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    page.resize(900, 600)
    assert page.model.rowCount() == 100  # the first page only
    for _ in range(20):  # the view asks for more when it reaches the end
        page.list.scrollToBottom()
        qtbot.wait(10)
    assert page.model.rowCount() == 231  # 230 treatments and today's visit
    times = [entry.at for entry in page.model.entries]
    assert (
        times == sorted(times, reverse=True) and len(set(e.id for e in page.model.entries)) == 231
    )


def test_a_nurse_cancels_a_treatment_recorded_in_error(qtbot, clinic):
    from desktop_app.models import Reminder, ReminderStatus
    from desktop_app.models.base import utcnow
    from desktop_app.services import treatments
    from desktop_app.services.context import unit_of_work

    database, people, patient = clinic
    nurse = people[Role.NURSE]
    draft = treatments.TreatmentDraft("玻尿酸填充", utcnow())
    treatments.record_treatment(database, nurse, patient.id, draft)
    page = page_for(qtbot, database, nurse, patient)
    assert page.cancel_button.isVisible() and not page.cancel_button.isEnabled()
    row = next(i for i, e in enumerate(page.model.entries) if e.kind == EntryKind.TREATMENT)
    page.list.setCurrentIndex(page.model.index(row))
    assert page.cancel_button.isEnabled()
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    dialog = page.form
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason: at the field
    assert dialog.isVisible() and dialog.form.errors["reason"].isVisibleTo(dialog)
    type_text(qtbot, dialog.reason, "录错了病人")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = next(i for i, e in enumerate(page.model.entries) if e.kind == EntryKind.TREATMENT)
    assert page.model.entries[row].state == "cancelled"
    page.list.setCurrentIndex(page.model.index(row))
    assert "cancelled" in page.model.index(row).data() and "录错了病人" in page.detail.toPlainText()
    assert not page.cancel_button.isEnabled()
    with unit_of_work(database, write=False) as session:
        states = set(session.scalars(sa.select(Reminder.status)))
    assert states == {ReminderStatus.CANCELLED}


def test_a_consultant_adds_a_reminder_by_hand_from_the_record(qtbot, clinic):
    from desktop_app.models import Reminder, Trigger
    from desktop_app.services.context import unit_of_work

    database, people, patient = clinic
    lily = people[Role.CONSULTANT]
    page = page_for(qtbot, database, lily, patient)
    assert page.remind_button.isVisible() and page.remind_button.isEnabled()
    qtbot.mouseClick(page.remind_button, Qt.MouseButton.LeftButton)
    dialog = page.form
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # nothing said: at the field
    assert dialog.isVisible() and dialog.form.errors["reason"].isVisibleTo(dialog)
    type_text(qtbot, dialog.reason, "下周回访报价")
    dialog.to.setCurrentIndex(dialog.to.findText("王医生"))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    with unit_of_work(database, write=False) as session:
        (made,) = session.scalars(sa.select(Reminder).where(Reminder.trigger == Trigger.MANUAL))
        assert made.reason == "下周回访报价" and made.assignee_id == people[Role.DOCTOR].staff_id
        assert made.due_on == dt.date.today() + dt.timedelta(days=7)
