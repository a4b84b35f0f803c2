"""With the clinic server gone, the forms that need it (intake, the record's forms) say so
plainly and lose nothing typed: the form stays filled, and the same Save works once the
server is back, saving exactly once (issue 8, networked mode)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from desktop_app.models import Consultation, Patient, Role
from desktop_app.services import queue
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.intake_dialog import IntakeDialog
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text
from tests.test_outages import server_unreachable
from tests.test_ui_record import form_of, page_for

PASSWORD = "correct horse battery"
pytestmark = pytest.mark.parametrize("database", ["postgresql"], indirect=True)


def count(database, model) -> int:
    with unit_of_work(database, write=False) as session:
        return session.scalar(sa.select(sa.func.count()).select_from(model))


def test_intake_keeps_what_was_typed_and_saves_once_the_server_is_back(qtbot, database):
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    dialog = IntakeDialog(SyncRunner(), database, manager, ["抖音"], [], [])
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.inputs["name"], "李断网")
    type_text(qtbot, dialog.inputs["mobile"], "13900001111")
    with server_unreachable(database):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        said = dialog.general_error.text()
        assert "Cannot reach" in said and "Nothing was saved; the form is kept" in said
        assert dialog.inputs["name"].text() == "李断网"
        assert dialog.inputs["mobile"].text() == "13900001111"
        assert dialog.save_button.isEnabled()  # retry is possible
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.saved.name == "李断网"
    assert count(database, Patient) == 1


def test_a_consultation_form_keeps_its_text_and_saves_once_after(qtbot, database):
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    lily = create_staff(database, manager, NewStaff("lily", "莉莉", Role.CONSULTANT, PASSWORD))
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    queue.check_in(database, manager, patient.id)
    page = page_for(qtbot, database, lily, patient)
    dialog = form_of(qtbot, page, "consultation")
    type_text(qtbot, dialog.wishes, "想去掉法令纹")
    with server_unreachable(database):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "Cannot reach" in dialog.error.text()
        assert dialog.wishes.toPlainText() == "想去掉法令纹"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert count(database, Consultation) == 1
