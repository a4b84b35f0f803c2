"""The face chart editor driven with the mouse and keyboard (issue 6), on a real SQLite file."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from desktop_app.models import ChartView, InjectionDepth, MarkKind, Role
from desktop_app.services import face_charts, queue, treatments
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.timeline import EntryKind
from desktop_app.ui import face_pictures
from desktop_app.ui.face_chart import FaceChartDialog
from desktop_app.ui.face_marks import H, W
from desktop_app.ui.patient_page import PatientPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text

PASSWORD = "correct horse battery"
FAR = dt.date.today() + dt.timedelta(days=400)


@pytest.fixture
def clinic(sqlite_database):
    database = sqlite_database
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", PASSWORD))
    people = {
        role: create_staff(database, manager, NewStaff(name, display, role, PASSWORD))
        for role, name, display in (
            (Role.NURSE, "nurse", "小护士"),
            (Role.CONSULTANT, "lily", "莉莉"),
        )
    }
    patient = register_patient(database, manager, PatientDraft("张三丰", mobile="13800131234"))
    queue.check_in(database, manager, patient.id)
    return database, people, patient


def page_for(qtbot, database, actor, patient) -> PatientPage:
    page = PatientPage(SyncRunner())
    qtbot.addWidget(page)
    page.bind(database, actor)
    page.resize(1100, 700)
    page.show()
    page.show_patient(patient.id)
    return page


def at(dialog: FaceChartDialog, x: float, y: float) -> QPoint:
    """Where a point of the diagram (0..1) is on the view's viewport."""
    return dialog.editor.view.mapFromScene(QPointF(x * W, y * H))


def click(qtbot, dialog: FaceChartDialog, x: float, y: float) -> None:
    qtbot.mouseClick(dialog.editor.view.viewport(), Qt.MouseButton.LeftButton, pos=at(dialog, x, y))


def test_a_nurse_charts_the_treatment_she_records(qtbot, clinic):
    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    qtbot.mouseClick(page.buttons["treatment"], Qt.MouseButton.LeftButton)
    form = page.form
    qtbot.waitUntil(form.isVisible)
    form.item.setCurrentIndex(form.item.findText("玻尿酸填充"))
    form.add_product("乔雅登", "艾尔建", "JVD123A", FAR.isoformat(), "1", "ml")
    form.add_product("保妥适", "艾尔建", "BTX42", FAR.isoformat(), "20", "U")

    qtbot.mouseClick(form.chart_button, Qt.MouseButton.LeftButton)
    chart = form.chart_dialog
    qtbot.waitUntil(chart.isVisible)
    editor = chart.editor
    assert editor.lot.count() == 2
    click(qtbot, chart, 0.37, 0.66)  # a point: the first lot, its quantity still to type
    assert [m.kind for m in editor.marks] == [MarkKind.POINT]
    assert chart.focusWidget() is editor.quantity and editor.unit.text() == "ml"
    type_text(qtbot, editor.quantity, "0.3")
    editor.note.setFocus()
    type_text(qtbot, editor.note, "左鼻唇沟")
    click(qtbot, chart, 0.63, 0.66)  # the next point copies lot, quantity and depth
    assert editor.marks[1].quantity == "0.3" and editor.quantity.text() == "0.3"

    viewport = editor.view.viewport()  # a drag from an empty spot marks an area
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at(chart, 0.5, 0.7))
    qtbot.mouseMove(viewport, at(chart, 0.56, 0.72))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at(chart, 0.56, 0.72))
    area = editor.marks[2]
    assert area.kind is MarkKind.AREA and 0.02 <= area.radius <= 0.1
    editor.lot.setCurrentIndex(1)  # the toxin, in units
    editor.depth.setCurrentIndex(editor.depth.findData(InjectionDepth.INTRAMUSCULAR))
    editor.quantity.selectAll()
    type_text(qtbot, editor.quantity, "4")
    assert editor.unit.text() == "U"

    chart.activateWindow()
    qtbot.waitUntil(chart.isActiveWindow)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert editor.current is ChartView.RIGHT
    click(qtbot, chart, 0.72, 0.6)
    assert editor.marks[-1].view is ChartView.RIGHT and editor.tabs.tabText(2).endswith("(1)")

    editor.select_mark(2)  # Delete removes the chosen mark; the rest are renumbered
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert len(editor.marks) == 3 and editor.mark_list.count() == 3
    assert "左鼻唇沟" in editor.mark_list.item(0).text()

    qtbot.mouseClick(chart.save_button, Qt.MouseButton.LeftButton)
    assert not chart.isVisible() and len(form.marks) == 3
    assert "(3)" in form.chart_button.text()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert not form.isVisible()

    [treated] = [e for e in page.model.entries if e.kind == EntryKind.TREATMENT]
    row = page.model.entries.index(treated)
    picture = page.model.index(row).data(Qt.ItemDataRole.DecorationRole)
    blank = page.model.index(row + 1).data(Qt.ItemDataRole.DecorationRole)
    assert picture.size() == blank.size() and picture.cacheKey() != blank.cacheKey()
    page.list.setCurrentIndex(page.model.index(row))
    detail = page.detail.toHtml()
    assert "Face chart" in detail and "左鼻唇沟" in detail and "data:image/png" in detail
    saved = face_charts.face_chart(database, people[Role.NURSE], treated.id)
    assert [(m.view, m.kind, m.lot_number, m.quantity, m.unit) for m in saved.marks] == [
        (ChartView.FRONT, MarkKind.POINT, "JVD123A", Decimal("0.30"), "ml"),
        (ChartView.FRONT, MarkKind.AREA, "BTX42", Decimal("4.00"), "U"),
        (ChartView.RIGHT, MarkKind.POINT, "BTX42", Decimal("4.00"), "U"),
    ]
    assert saved.marks[0].note == "左鼻唇沟"


def test_marks_beyond_what_was_recorded_are_refused_at_the_mark(qtbot, clinic):
    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    qtbot.mouseClick(page.buttons["treatment"], Qt.MouseButton.LeftButton)
    form = page.form
    qtbot.waitUntil(form.isVisible)
    qtbot.mouseClick(form.chart_button, Qt.MouseButton.LeftButton)  # no products yet
    chart = form.chart_dialog
    qtbot.waitUntil(chart.isVisible)
    click(qtbot, chart, 0.5, 0.5)
    assert chart.editor.marks == [] and "products used first" in chart.editor.hint.text()
    chart.reject()

    form.add_product("乔雅登", "艾尔建", "JVD123A", FAR.isoformat(), "0.5", "ml")
    qtbot.mouseClick(form.chart_button, Qt.MouseButton.LeftButton)
    chart = form.chart_dialog
    qtbot.waitUntil(chart.isVisible)
    editor = chart.editor
    click(qtbot, chart, 0.4, 0.6)
    qtbot.mouseClick(chart.save_button, Qt.MouseButton.LeftButton)  # no quantity yet
    assert chart.isVisible() and "needs its quantity" in chart.error.text()
    type_text(qtbot, editor.quantity, "0.3")
    click(qtbot, chart, 0.6, 0.6)
    click(qtbot, chart, 0.2, 0.05)  # outside the head is still on the diagram: allowed
    editor.select_mark(1)
    qtbot.mouseClick(chart.save_button, Qt.MouseButton.LeftButton)
    assert (
        chart.isVisible() and "0.5" in chart.error.text()
    )  # the second 0.3 ml goes over the 0.5 recorded
    assert editor.selected() == [editor.marks[1]]  # the mark that went over is chosen
    assert "#c92a2a" in editor.legend.text()


def test_a_recorded_treatments_chart_is_saved_from_the_record_and_read_only_for_others(
    qtbot, clinic
):
    database, people, patient = clinic
    nurse = people[Role.NURSE]
    recorded = treatments.record_treatment(
        database,
        nurse,
        patient.id,
        treatments.TreatmentDraft(
            "肉毒素",
            dt.datetime.now(dt.UTC),
            products=(treatments.ProductUse("保妥适", "艾尔建", "BTX42", FAR, "50", "U"),),
        ),
    )
    page = page_for(qtbot, database, nurse, patient)
    row = [e.id for e in page.model.entries].index(recorded.treatment_id)
    assert not page.chart_button.isEnabled()
    page.list.setCurrentIndex(page.model.index(row))
    assert page.chart_button.isEnabled()
    qtbot.mouseClick(page.chart_button, Qt.MouseButton.LeftButton)
    chart = page.form
    qtbot.waitUntil(chart.isVisible)
    for x in (0.4, 0.5, 0.6):
        click(qtbot, chart, x, 0.23)
    chart.editor.select_mark(1)
    type_text(qtbot, chart.editor.quantity, "4")  # the others copied nothing: set each
    for number in (2, 3):
        chart.editor.select_mark(number)
        chart.editor.quantity.setText("")
        type_text(qtbot, chart.editor.quantity, "4")
    viewport = chart.editor.view.viewport()  # a mark is moved by dragging it
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at(chart, 0.6, 0.23))
    qtbot.mouseMove(viewport, at(chart, 0.63, 0.27))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at(chart, 0.63, 0.27))
    assert len(chart.editor.marks) == 3
    qtbot.mouseClick(chart.save_button, Qt.MouseButton.LeftButton)
    assert not chart.isVisible() and page.notice.text() == "Saved."
    saved = face_charts.face_chart(database, nurse, recorded.treatment_id)
    assert [m.quantity for m in saved.marks] == [Decimal("4.00")] * 3
    assert all(m.depth is InjectionDepth.INTRAMUSCULAR for m in saved.marks)  # units: muscle
    assert saved.marks[2].x == pytest.approx(0.63, abs=0.01)
    assert saved.marks[2].y == pytest.approx(0.27, abs=0.01)

    other = page_for(qtbot, database, people[Role.CONSULTANT], patient)
    other.list.setCurrentIndex(other.model.index(row))
    qtbot.mouseClick(other.chart_button, Qt.MouseButton.LeftButton)
    view_only = other.form
    qtbot.waitUntil(view_only.isVisible)
    assert len(view_only.editor.marks) == 3
    click(qtbot, view_only, 0.5, 0.5)
    qtbot.keyClick(view_only.editor.view, Qt.Key.Key_Delete)
    assert len(view_only.editor.marks) == 3 and not view_only.editor.quantity.isEnabled()


def test_the_thumbnail_shows_the_marks_in_their_lots_colour(qtbot):
    mark = face_charts.MarkDraft(
        ChartView.LEFT, 0.3, 0.6, "乔雅登", "", "A1", FAR, "1", "ml", InjectionDepth.SUBDERMAL
    )
    image = face_pictures.thumbnail([mark, mark], 40)
    assert image.width() == 32 and image.height() == 40  # the view with most marks, 4:5
    near = [image.pixelColor(x, y) for x in range(8, 12) for y in range(22, 26)]
    mark_blue = QColor("#2563eb")
    assert min(abs(c.red() - mark_blue.red()) + abs(c.blue() - mark_blue.blue()) for c in near) < 40


def test_a_chart_refused_when_the_treatment_saves_is_said_in_the_users_language(
    qtbot, qapp, clinic
):
    from desktop_app.services.errors import ValidationError
    from desktop_app.ui.i18n import Translations

    database, people, patient = clinic
    page = page_for(qtbot, database, people[Role.NURSE], patient)
    qtbot.mouseClick(page.buttons["treatment"], Qt.MouseButton.LeftButton)
    form = page.form
    translations = Translations(qapp)
    try:
        translations.apply("zh_CN")
        form.show_error(
            ValidationError("marks", "lot_not_recorded", "Mark 2 …", mark=2, lot="JVD123A")
        )
        assert "标记 2 使用的批号 JVD123A 不在所用产品中" in form.error.text()
    finally:
        translations.apply("en")
