"""Saved segments on screen (issue 12), on a hand-built clinic in an SQLite file: a manager
makes a segment in the editor and sees its size, lists its patients and opens one, makes a
reminder for each, deletes it after being asked; a refusal shows at its field and nothing
is saved; a receptionist sees none of it. Each count is read off the patients below."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.models import AuditEvent, Reminder, Role, Segment, Treatment, TreatmentItem
from desktop_app.services.context import unit_of_work
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.segments import Conditions, save_segment
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.segment_editor import SegmentDialog, SegmentRemindersDialog
from desktop_app.ui.segments_view import SegmentsView
from desktop_app.ui.tasks import SyncRunner
from tests.support.purchases import price_of

pytestmark = pytest.mark.parametrize("database", ["sqlite"], indirect=True)


def days_ago(days: int) -> dt.datetime:
    return dt.datetime.now(dt.UTC) - dt.timedelta(days=days)


@pytest.fixture
def clinic(database, manager):
    """Five patients; purchases counted back from now, so the conditions hold any day."""
    items = {}
    with unit_of_work(database) as session:
        for name, price in (("段甲", "800"), ("段乙", "3000")):
            item = TreatmentItem(name=name, category="测试", default_price=Decimal(price))
            session.add(item)
            session.flush()
            items[name] = item.id

    def patient(name, mobile, sex=None, channel=None, tags=()):
        draft = PatientDraft(name, sex=sex, mobile=mobile, source_channel=channel, tags=tags)
        return register_patient(database, manager, draft).id

    def bought(patient_id, item, days):
        with unit_of_work(database) as session:
            session.add(
                Treatment(
                    patient_id=patient_id,
                    item_id=items[item],
                    value=price_of(session, items[item]),
                    operator_id=manager.staff_id,
                    started_at=days_ago(days),
                )
            )

    # a woman afraid of pain who likes milk tea; 3,800 in all, last 5 days ago
    a = patient("甲一", "13700000011", "F", "抖音", ("怕疼", "爱喝奶茶"))
    bought(a, "段乙", 5)
    bought(a, "段甲", 40)
    # a woman afraid of pain; 6,000 in all, last 100 days ago
    b = patient("甲二", "13700000012", "F", "小红书", ("怕疼",))
    bought(b, "段乙", 100)
    bought(b, "段乙", 100)
    # a man who likes milk tea; never bought
    c = patient("甲三", "13700000013", "M", "抖音", ("爱喝奶茶",))
    # nothing known but one purchase 60 days ago
    d = patient("甲四", "13700000014")
    bought(d, "段甲", 60)
    # a woman from 抖音 without tags, never bought
    e = patient("甲五", "13700000015", "F", "抖音")
    return {"甲一": a, "甲二": b, "甲三": c, "甲四": d, "甲五": e}


class Answers:
    """The stubbed confirmation: records each question, answers ``yes``."""

    def __init__(self, yes: bool = True) -> None:
        self.yes = yes
        self.questions: list[str] = []

    def confirm(self, _parent, _title, text) -> bool:
        self.questions.append(text)
        return self.yes


def view_for(qtbot, database, actor, answers=None) -> SegmentsView:
    view = SegmentsView(SyncRunner(), confirm=(answers or Answers()).confirm)
    qtbot.addWidget(view)
    view.resize(900, 500)
    view.bind(database, actor)
    view.show()  # computed when shown
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)  # the view's keys (Del, F2) are shortcuts
    return view


def table(view) -> list[list[str]]:
    model = view.model
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def saved_names(database) -> list[str]:
    with unit_of_work(database, write=False) as session:
        return list(session.scalars(sa.select(Segment.name).order_by(Segment.name)))


def editor(qtbot, view) -> SegmentDialog:
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, SegmentDialog)
    return dialog


def tick(picker, name: str) -> None:
    item = picker.item(name)
    assert item is not None, f"{name} is not offered"
    item.setCheckState(Qt.CheckState.Checked)


def test_a_manager_makes_a_segment_and_sees_its_size(qtbot, database, manager, clinic):
    view = view_for(qtbot, database, manager)
    assert table(view) == []
    assert view.status.text() == "No saved segments yet. New segment (Ins) makes one."
    dialog = editor(qtbot, view)
    # every tag the clinic has is offered: its groups' (价格敏感) and those typed at the desk
    offered = [dialog.any_tags.list.item(r).text() for r in range(dialog.any_tags.list.count())]
    assert {"价格敏感", "怕疼", "爱喝奶茶"} <= set(offered) and offered == sorted(offered)
    assert dialog.preview.text().startswith("No count yet: Choose at least one condition.")
    dialog.name.insert("怕疼的女士")  # typed (keyClicks takes ASCII only)
    tick(dialog.any_tags, "怕疼")
    dialog.sex.setCurrentIndex(dialog.sex.findData("F"))
    qtbot.waitUntil(lambda: dialog.preview.text() == "2 patient(s) today")  # 甲一, 甲二
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted and view.dialog is None
    assert saved_names(database) == ["怕疼的女士"]
    assert table(view) == [["怕疼的女士", "any of 怕疼; women", "2"]]
    assert view.status.text() == "Saved 怕疼的女士."


def test_the_preview_counts_purchase_conditions(qtbot, database, manager, clinic):
    view = view_for(qtbot, database, manager)
    dialog = editor(qtbot, view)
    dialog.bought_item.setCurrentText("段乙")
    dialog.preview_now()
    assert dialog.preview.text() == "2 patient(s) today"  # 甲一, 甲二
    dialog.last_purchase.setValue(30)  # bought, but not in the last 30 days
    dialog.preview_now()
    assert dialog.preview.text() == "1 patient(s) today"  # 甲二
    dialog.bought_item.setCurrentText("")
    dialog.min_value.setText("3800")
    dialog.preview_now()
    assert dialog.preview.text() == "1 patient(s) today"  # 甲二 (甲一 bought 5 days ago)
    dialog.last_purchase.setValue(-1)  # "any"
    dialog.preview_now()
    assert dialog.preview.text() == "2 patient(s) today"  # 甲一 3,800, 甲二 6,000
    dialog.name.insert("大客户")  # typed (keyClicks takes ASCII only)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert table(view) == [["大客户", "spent at least ¥3,800", "2"]]


def test_a_segment_lists_exactly_its_patients_and_opens_one(qtbot, database, manager, clinic):
    save_segment(database, manager, "怕疼", Conditions(any_tags=("怕疼",)))
    save_segment(database, manager, "抖音女士", Conditions(sex="F", channel="抖音"))
    view = view_for(qtbot, database, manager)
    assert table(view) == [
        ["怕疼", "any of 怕疼", "2"],
        ["抖音女士", "women; from 抖音", "2"],
    ]
    view.table.selectRow(1)
    opened = []
    view.open_record.connect(opened.append)
    qtbot.mouseClick(view.patients_button, Qt.MouseButton.LeftButton)
    drill = view.drill_dialog
    assert drill is not None and drill.isVisible()
    assert [p.name for p in drill.model.rows] == ["甲一", "甲五"]
    assert drill.label.text() == "抖音女士: 2 patient(s)"
    assert drill.windowTitle() == "Patients in the segment"
    QApplication.sendEvent(drill, QEvent(QEvent.Type.LanguageChange))
    assert drill.windowTitle() == "Patients in the segment"  # not the reports' own title
    drill.table.selectRow(1)
    qtbot.mouseClick(drill.open_button, Qt.MouseButton.LeftButton)
    assert opened == [clinic["甲五"]]


def test_a_segment_becomes_one_reminder_per_patient(qtbot, database, manager, clinic):
    save_segment(database, manager, "奶茶", Conditions(any_tags=("爱喝奶茶",)))
    view = view_for(qtbot, database, manager)
    qtbot.mouseClick(view.reminders_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, SegmentRemindersDialog)
    assert dialog.intro.text() == "One reminder for each of the 2 patient(s) in this segment today."
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no words yet
    assert dialog.form.errors["reason"].text() == "Say what is to be done."
    dialog.reason.insert("新品奶茶活动邀约")  # typed (keyClicks takes ASCII only)
    dialog.to.setCurrentIndex(dialog.to.findData(Role.CONSULTANT))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert view.status.text() == "2 reminder(s) made for 奶茶."
    with unit_of_work(database, write=False) as session:
        made = session.execute(sa.select(Reminder.patient_id, Reminder.reason, Reminder.due_on))
        rows = sorted((str(p), r, d) for p, r, d in made)
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert rows == sorted(
        (str(clinic[name]), "新品奶茶活动邀约", tomorrow) for name in ("甲一", "甲三")
    )
    # again: both already hold that reminder open, so none is made twice
    qtbot.mouseClick(view.reminders_button, Qt.MouseButton.LeftButton)
    view.dialog.reason.insert("新品奶茶活动邀约")  # typed (keyClicks takes ASCII only)
    qtbot.mouseClick(view.dialog.save_button, Qt.MouseButton.LeftButton)
    assert view.status.text().startswith("0 reminder(s) made for 奶茶. Patients who already")


def test_delete_asks_first(qtbot, database, manager, clinic):
    save_segment(database, manager, "男士", Conditions(sex="M"))
    save_segment(database, manager, "女士", Conditions(sex="F"))
    answers = Answers(yes=False)
    view = view_for(qtbot, database, manager, answers)
    view.table.selectRow(1)  # 男士 (by name: 女 before 男)
    assert view.chosen().name == "男士"
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    assert len(answers.questions) == 1 and "男士" in answers.questions[0]
    assert saved_names(database) == ["女士", "男士"]  # said no
    answers.yes = True
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert len(answers.questions) == 2
    assert saved_names(database) == ["女士"]
    assert table(view) == [["女士", "women", "3"]]
    assert view.status.text() == "Deleted 男士."


def test_refusals_show_at_their_field_and_nothing_is_saved(qtbot, database, manager, clinic):
    view = view_for(qtbot, database, manager)
    dialog = editor(qtbot, view)
    errors = dialog.form.errors
    tick(dialog.all_tags, "怕疼")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no name
    assert errors["segment_name"].text() == "Give the segment a name."
    assert not errors["segment_name"].isHidden()
    dialog.name.insert("年龄")  # typed (keyClicks takes ASCII only)
    dialog.age_min.setValue(40)
    dialog.age_max.setValue(30)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors["segment_name"].isHidden()  # cleared on the next try
    assert errors["segment_age_max"].text() == "The oldest age is below the youngest."
    dialog.age_max.setValue(-1)
    dialog.min_value.setText("很多")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors["segment_min_value"].text() == "Type an amount such as 5000 or 5000.50."
    dialog.min_value.clear()
    dialog.bought_item.setCurrentText("没有这个")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert errors["segment_bought_item"].text() == "This item is not in the catalogue."
    assert dialog.isVisible() and view.dialog is dialog
    assert saved_names(database) == []
    dialog.reject()
    assert table(view) == []


def test_editing_a_segment_changes_its_conditions_and_size(qtbot, database, manager, clinic):
    save_segment(database, manager, "客户", Conditions(sex="F"))
    view = view_for(qtbot, database, manager)
    assert table(view) == [["客户", "women", "3"]]
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_F2)
    dialog = view.dialog
    assert isinstance(dialog, SegmentDialog) and dialog.name.text() == "客户"
    assert dialog.sex.currentData() == "F"
    tick(dialog.all_tags, "爱喝奶茶")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert table(view) == [["客户", "tags 爱喝奶茶; women", "1"]]  # 甲一
    assert saved_names(database) == ["客户"]


def test_a_receptionist_sees_no_segments(qtbot, database, manager, clinic):
    save_segment(database, manager, "女士", Conditions(sex="F"))
    front = create_staff(
        database, manager, NewStaff("front", "Front", Role.RECEPTIONIST, "correct horse battery")
    )
    view = view_for(qtbot, database, front)
    assert view.denied.isVisible()
    assert view.denied.text() == "Saved segments are for managers."
    assert not view.content.isVisible() and table(view) == []
    view.reload()
    view.new_segment()
    assert table(view) == [] and view.dialog is None
    with unit_of_work(database, write=False) as session:
        opened = session.scalars(
            sa.select(AuditEvent.summary).where(AuditEvent.entity_type == "report")
        ).all()
    assert not [s for s in opened if json.loads(s).get("report") == "segments"]
    view.bind(database, manager)  # the manager signs in on the same station
    assert view.content.isVisible() and not view.denied.isVisible()
    assert table(view) == [["女士", "women", "3"]]


def test_the_editor_shows_a_segments_tags_ticked_at_the_top(qtbot, database, manager, clinic):
    save_segment(database, manager, "奶茶", Conditions(all_tags=("爱喝奶茶",), any_tags=("怕疼",)))
    view = view_for(qtbot, database, manager)
    view.edit_segment()
    dialog = view.dialog
    for picker, name in ((dialog.all_tags, "爱喝奶茶"), (dialog.any_tags, "怕疼")):
        first = picker.list.item(0)
        assert (first.text(), first.checkState()) == (name, Qt.CheckState.Checked)
        assert picker.chosen() == (name,)
