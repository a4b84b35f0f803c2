"""The queue board driven by keyboard and mouse; two stations see each other (issue 4)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.db import Database
from desktop_app.models import Role, VisitStatus, utcnow
from desktop_app.services import queue
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.ui.queue_board import QueueBoard
from desktop_app.ui.tasks import SyncRunner
from tests.conftest import MANAGER_PASSWORD
from tests.support.keyboard import type_text
from tests.test_ui_intake import desk  # noqa: F401  (fixture)

CTRL = Qt.KeyboardModifier.ControlModifier


def column(board: QueueBoard, status: VisitStatus) -> list[str]:
    model = board.models[list(VisitStatus).index(status)]
    return [card.name for card in model.cards]


def test_find_check_in_and_move_a_patient_by_keyboard(qtbot, desk):  # noqa: F811
    register_patient(desk.database, desk.actor, PatientDraft("张三丰", mobile="13800131234"))
    front = desk.workspace.front_desk
    board = front.board
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, CTRL)
    type_text(qtbot, front.search.box, "zsf")
    qtbot.waitUntil(lambda: front.summary.record is not None)
    qtbot.keyClick(front.search.box, Qt.Key.Key_Return, CTRL)  # check in
    qtbot.waitUntil(lambda: column(board, VisitStatus.WAITING) == ["张三丰"])
    assert "First visit" in front.notice.text()
    card_text = board.models[0].data(board.models[0].index(0))
    assert card_text.startswith("张三丰  First visit") and "0 min" in card_text

    board.select(board.models[0].cards[0].visit_id)
    view = board.views[0]
    assert view.hasFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL)
    qtbot.waitUntil(lambda: column(board, VisitStatus.WITH_CONSULTANT) == ["张三丰"])
    assert column(board, VisitStatus.WAITING) == []
    moved_to = board.views[1]
    board.select(board.models[1].cards[0].visit_id)
    qtbot.keyClick(moved_to, Qt.Key.Key_Left, CTRL)
    qtbot.waitUntil(lambda: column(board, VisitStatus.WAITING) == ["张三丰"])

    qtbot.keyClick(front.search.box, Qt.Key.Key_Return, CTRL)  # a second check-in is refused
    assert "already in today's queue" in front.notice.text()


def test_mouse_moves_cards_by_drag_and_drop_and_by_the_buttons(qtbot, desk):  # noqa: F811
    p = register_patient(desk.database, desk.actor, PatientDraft("李四", mobile="13800131235"))
    queue.check_in(desk.database, desk.actor, p.id)
    board = desk.workspace.front_desk.board
    board.reload()
    qtbot.waitUntil(lambda: column(board, VisitStatus.WAITING) == ["李四"])

    source = board.models[0]
    dragged = source.mimeData([source.index(0)])  # what Qt carries while dragging
    target = board.models[list(VisitStatus).index(VisitStatus.WITH_DOCTOR)]
    target.dropMimeData(dragged, Qt.DropAction.MoveAction, -1, 0, target.index(-1))
    qtbot.waitUntil(lambda: column(board, VisitStatus.WITH_DOCTOR) == ["李四"])

    board.select(target.cards[0].visit_id)
    qtbot.mouseClick(board.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: column(board, VisitStatus.IN_TREATMENT) == ["李四"])


def test_assign_consultant_doctor_and_room_from_the_bar(qtbot, desk):  # noqa: F811
    create_staff(
        desk.database, desk.actor, NewStaff("lily", "莉莉", Role.CONSULTANT, MANAGER_PASSWORD)
    )
    create_staff(
        desk.database, desk.actor, NewStaff("drwang", "王医生", Role.DOCTOR, MANAGER_PASSWORD)
    )
    p = register_patient(desk.database, desk.actor, PatientDraft("王五", mobile="13800131236"))
    queue.check_in(desk.database, desk.actor, p.id)
    front = desk.workspace.front_desk
    front.bind(desk.database, desk.actor)  # re-reads the staff lists
    board = front.board
    qtbot.waitUntil(lambda: column(board, VisitStatus.WAITING) == ["王五"])
    board.select(board.models[0].cards[0].visit_id)
    board.consultant.setCurrentIndex(board.consultant.findText("莉莉"))
    board.doctor.setCurrentIndex(board.doctor.findText("王医生"))
    board.room.setFocus()
    type_text(qtbot, board.room, "3号室")
    qtbot.keyClick(board.room, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: board.models[0].cards and board.models[0].cards[0].room == "3号室")
    text = board.models[0].data(board.models[0].index(0))
    assert "莉莉 · 王医生 · 3号室" in text


def test_a_card_over_its_time_limit_is_flagged(qtbot, desk, local_midday):  # noqa: F811
    p = register_patient(desk.database, desk.actor, PatientDraft("赵六", mobile="13800131237"))
    queue.set_time_limits(desk.database, desk.actor, {VisitStatus.WAITING: 5})
    queue.check_in(desk.database, desk.actor, p.id, now=utcnow() - dt.timedelta(minutes=7))
    board = desk.workspace.front_desk.board
    board.reload()
    qtbot.waitUntil(lambda: column(board, VisitStatus.WAITING) == ["赵六"])
    model = board.models[0]
    assert "over time" in model.data(model.index(0))
    assert model.data(model.index(0), Qt.ItemDataRole.BackgroundRole) is not None


def test_settings_page_edits_the_time_limits(qtbot, desk):  # noqa: F811
    box = desk.workspace.settings_page.queue_limits
    qtbot.waitUntil(lambda: box.spins[VisitStatus.WAITING].value() == 15)
    box.spins[VisitStatus.WAITING].setValue(25)
    qtbot.mouseClick(box.save, Qt.MouseButton.LeftButton)
    assert queue.time_limits(desk.database)[VisitStatus.WAITING] == 25
    assert "Saved" in box.status.text()


def two_stations(qtbot, database: Database):
    manager = complete_first_run(database, FirstRun("诊所", "boss", "王店长", MANAGER_PASSWORD))
    stations = []
    for _ in range(2):
        station = Database(database.url)  # each station its own engine and pool
        board = QueueBoard(SyncRunner())
        qtbot.addWidget(board)
        board.bind(station, manager)
        stations.append((station, board))
    return manager, stations


def test_two_stations_on_postgresql_see_each_others_moves_within_two_seconds(
    qtbot, postgres_database
):
    manager, [(a_db, a), (b_db, b)] = two_stations(qtbot, postgres_database)
    p = register_patient(a_db, manager, PatientDraft("钱七", mobile="13800131238"))
    try:
        queue.check_in(a_db, manager, p.id)  # another station's check-in …
        qtbot.waitUntil(lambda: column(a, VisitStatus.WAITING) == ["钱七"], timeout=2000)
        qtbot.waitUntil(lambda: column(b, VisitStatus.WAITING) == ["钱七"], timeout=2000)

        a.select(a.models[0].cards[0].visit_id)
        a.step(1)  # … and a move on station A
        assert column(a, VisitStatus.WITH_CONSULTANT) == ["钱七"]
        qtbot.waitUntil(lambda: column(b, VisitStatus.WITH_CONSULTANT) == ["钱七"], timeout=2000)
    finally:
        for board in (a, b):
            board.bind(None, None)
        a_db.dispose()
        b_db.dispose()


def test_a_move_on_a_stale_card_is_a_conflict_the_user_sees(qtbot, postgres_database):
    manager, [(a_db, a), (b_db, b)] = two_stations(qtbot, postgres_database)
    p = register_patient(a_db, manager, PatientDraft("孙八", mobile="13800131239"))
    try:
        queue.check_in(a_db, manager, p.id)
        for board in (a, b):
            board.poll_timer.stop()  # freeze both boards: B will act on what it last saw
            board.reload()
        a.select(a.models[0].cards[0].visit_id)
        a.step(1)
        b.select(b.models[0].cards[0].visit_id)
        b.step(len(VisitStatus) - 1)  # B moves the card it saw waiting to "left"
        assert "Someone else saved this record first" in b.message.text()
        assert "王店长" in b.message.text()
        assert column(b, VisitStatus.WITH_CONSULTANT) == ["孙八"]  # reloaded: A's move stands
        assert column(b, VisitStatus.LEFT) == []
    finally:
        for board in (a, b):
            board.bind(None, None)
        a_db.dispose()
        b_db.dispose()


def test_settings_page_edits_the_clinics_lists(qtbot, desk):  # noqa: F811
    from desktop_app.services import lookups, tags

    box = desk.workspace.settings_page.pick_lists
    assert box.isVisibleTo(desk.workspace.settings_page)  # a manager is signed in
    qtbot.waitUntil(lambda: box.channels.count() == 8)
    box.new_channel.setFocus()
    type_text(qtbot, box.new_channel, "视频号")
    qtbot.keyClick(box.new_channel, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.channels.count() == 9)
    assert lookups.source_channels(desk.database, desk.actor)[-1] == "视频号"

    type_text(qtbot, box.new_channel, "视频号")  # twice: said at once, nothing added
    qtbot.keyClick(box.new_channel, Qt.Key.Key_Return)
    assert box.status.text() == "This name is already on the list."

    box.channels.item(3).setCheckState(Qt.CheckState.Unchecked)  # retire 美团
    assert "美团" not in lookups.source_channels(desk.database, desk.actor)

    box.groups.setCurrentIndex(box.groups.findText("个性特点"))
    qtbot.waitUntil(lambda: any(box.tags.item(i).text() == "怕疼" for i in range(box.tags.count())))
    type_text(qtbot, box.new_tag, "爱聊天")
    qtbot.mouseClick(box.add_tag_button, Qt.MouseButton.LeftButton)
    assert "爱聊天" in tags.tag_groups(desk.database, desk.actor)[1].tags


def test_the_lists_are_not_offered_to_other_roles(qtbot, desk):  # noqa: F811
    front = create_staff(
        desk.database,
        desk.actor,
        NewStaff("front", "前台小王", Role.RECEPTIONIST, MANAGER_PASSWORD),
    )
    page = desk.workspace.settings_page
    page.bind(desk.database, front)
    assert not page.pick_lists.isVisibleTo(page)
    assert not page.queue_limits.save.isVisibleTo(page)
    assert not page.queue_limits.spins[VisitStatus.WAITING].isEnabled()


def test_server_gone_while_moving_says_so_and_changes_nothing(qtbot, desk, monkeypatch):  # noqa: F811
    from desktop_app.db import DatabaseUnavailableError

    p = register_patient(desk.database, desk.actor, PatientDraft("郑十", mobile="13800131240"))
    queue.check_in(desk.database, desk.actor, p.id)
    board = desk.workspace.front_desk.board
    board.reload()
    qtbot.waitUntil(lambda: column(board, VisitStatus.WAITING) == ["郑十"])

    def unreachable(*_args, **_kwargs):
        raise DatabaseUnavailableError("The clinic server at 10.0.0.5 does not answer.")

    monkeypatch.setattr(queue, "move", unreachable)
    board.select(board.models[0].cards[0].visit_id)
    qtbot.keyClick(board.views[0], Qt.Key.Key_Right, CTRL)
    assert "cannot be reached" in board.message.text()
    assert column(board, VisitStatus.WAITING) == ["郑十"]
    [card] = queue.todays_board(desk.database, desk.actor).cards
    assert card.status == VisitStatus.WAITING


def test_settings_page_edits_the_catalogue_and_diagnoses(qtbot, desk):  # noqa: F811
    from desktop_app.services import assessments, catalogue

    page = desk.workspace.settings_page
    box = page.catalogue
    assert box.isVisibleTo(page)
    qtbot.waitUntil(lambda: box.model.rowCount() == 10)
    box.table.setCurrentIndex(box.model.index(0, 0))  # 水光针 fills the form
    assert box.inputs["name"].text() == "水光针" and box.inputs["default_price"].text() == "1280.00"
    box.inputs["default_price"].setText("1380")
    qtbot.keyClick(box.inputs["default_price"], Qt.Key.Key_Return)
    prices = {i.name: i.default_price for i in catalogue.items(desk.database, desk.actor)}
    assert str(prices["水光针"]) == "1380.00"
    box.inputs["default_price"].setText("12.345")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.form.errors["item_default_price"].isVisibleTo(box)

    lists = page.pick_lists
    qtbot.waitUntil(lambda: lists.diagnoses.count() == 10)
    type_text(qtbot, lists.new_diagnosis, "黄褐斑")
    qtbot.keyClick(lists.new_diagnosis, Qt.Key.Key_Return)
    assert "黄褐斑" in assessments.diagnosis_options(desk.database, desk.actor)
