"""The Documents section driven as a manager and a nurse would, on a real SQLite file: the
template list, the editor's live check, preview, save, a colleague's clash, new templates."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMainWindow, QMessageBox

from desktop_app.db import DatabaseUnavailableError
from desktop_app.models import Role, TemplateKind
from desktop_app.services import templates
from desktop_app.services.setup import FirstRun, complete_first_run
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.services.template_text import (
    PLACEHOLDER_ORDER,
    PLACEHOLDERS,
    TemplateError,
    check,
)
from desktop_app.station import StationSettings
from desktop_app.ui.documents_page import DocumentsPage
from desktop_app.ui.tasks import SyncRunner
from desktop_app.ui.template_words import markup_error_text
from tests.support.keyboard import type_text

PASSWORD = "correct horse battery"
SHIPPED = 28  # 14 keys in Chinese and English


@pytest.fixture
def clinic(sqlite_database):
    database = sqlite_database
    manager = complete_first_run(database, FirstRun("美丽诊所", "boss", "王店长", PASSWORD))
    people = {
        "manager": manager,
        "other_manager": create_staff(
            database, manager, NewStaff("li", "李经理", Role.MANAGER, PASSWORD)
        ),
        "nurse": create_staff(database, manager, NewStaff("nurse", "小护士", Role.NURSE, PASSWORD)),
    }
    return database, people


def page_for(qtbot, database, actor) -> DocumentsPage:
    window = QMainWindow()  # a window with its own Ctrl+N, as the app's Patient menu has
    qtbot.addWidget(window)
    new_patient = QAction(window)
    new_patient.setShortcut(QKeySequence("Ctrl+N"))
    window.addAction(new_patient)
    window.new_patient_pressed = []
    new_patient.triggered.connect(lambda: window.new_patient_pressed.append(True))
    page = DocumentsPage(SyncRunner())
    window.setCentralWidget(page)
    page.bind(database, actor)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return page


def choose(page: DocumentsPage, key: str, language: str) -> None:
    page.filter.clear()
    for row in range(page.proxy.rowCount()):
        info = page.model.rows[page.proxy.mapToSource(page.proxy.index(row, 0)).row()]
        if (info.key, info.language) == (key, language):
            page.table.setCurrentIndex(page.proxy.index(row, 0))
            page.table.setFocus()
            return
    raise AssertionError(f"{key} ({language}) not listed")


def open_editor(qtbot, page, key="filler", language="zh_CN"):
    page.window().activateWindow()
    qtbot.waitUntil(page.window().isActiveWindow)
    choose(page, key, language)
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor is not None and editor.isVisible()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def type_lines(qtbot, widget, text: str) -> None:
    """Type text with line breaks: Return between lines, as a keyboard does."""
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        type_text(qtbot, widget, line)


def type_at_end(qtbot, editor, text: str) -> None:
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    type_lines(qtbot, editor.body, text)


def cell(page: DocumentsPage, key: str, language: str, column: int) -> str:
    row = [(t.key, t.language) for t in page.model.rows].index((key, language))
    return page.model.index(row, column).data()


def test_the_page_lists_the_shipped_templates_and_shows_their_text(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    assert page.model.rowCount() == SHIPPED
    assert cell(page, "filler", "zh_CN", 2) == "Consent"
    assert cell(page, "filler_aftercare", "en", 2) == "Aftercare"
    assert cell(page, "pipl_consent", "en", 2) == "General"
    assert cell(page, "filler", "zh_CN", 3) == "中文" and cell(page, "filler", "en", 3) == "English"
    assert cell(page, "filler", "zh_CN", 4) == "1"
    assert "玻尿酸填充" in cell(page, "filler", "zh_CN", 5)
    choose(page, "toxin", "en")
    shipped = templates.get_template(database, people["manager"], "toxin", "en")
    assert page.text.toPlainText() == shipped.body and page.text.isReadOnly()
    assert shipped.title in page.about.text()
    page.filter.setFocus()
    type_text(qtbot, page.filter, "aftercare")
    assert 0 < page.proxy.rowCount() < SHIPPED
    assert page.current() is not None and "aftercare" in page.current().key


def test_a_nurse_reads_templates_but_has_no_edit_button(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["nurse"])
    assert page.model.rowCount() == SHIPPED
    assert not any(button.isVisible() for button in page.buttons.values())
    choose(page, "filler", "zh_CN")
    assert page.text.toPlainText().strip()
    for key in (Qt.Key.Key_E, Qt.Key.Key_N, Qt.Key.Key_H):
        qtbot.keyClick(page.table, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.editor is None and page.history is None


def test_a_manager_edits_and_saves_version_two(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    assert not editor.save_button.isEnabled()  # nothing changed yet
    type_at_end(qtbot, editor, "\n- 新增一条：术后 24 小时内勿饮酒。")
    editor.check_now()
    assert editor.save_button.isEnabled()
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = templates.get_template(database, people["manager"], "filler", "zh_CN")
    assert saved.number == 2 and saved.body.endswith("- 新增一条：术后 24 小时内勿饮酒。")
    assert saved.created_by == "王店长"
    assert "version 2" in editor.status.text() and "sign again" in editor.status.text()
    assert cell(page, "filler", "zh_CN", 4) == "2"
    assert page.current().key == "filler" and page.current().number == 2
    assert not editor.save_button.isEnabled() and not editor.dirty()


def test_a_misspelt_placeholder_disables_save_until_fixed(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page, "toxin_aftercare", "en")
    type_at_end(qtbot, editor, "\nDear {patient.nmae}")
    line = editor.body.blockCount()
    qtbot.waitUntil(lambda: editor.text_panel.error.isVisible())  # the debounced check
    assert not editor.save_button.isEnabled()
    message = editor.text_panel.error.text()
    assert "{patient.nmae}" in message and f"Line {line}" in message
    selections = editor.body.extraSelections()
    assert [s.cursor.blockNumber() for s in selections] == [line - 1]
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # refused
    for _ in "nmae}":
        qtbot.keyClick(editor.body, Qt.Key.Key_Backspace)
    type_text(qtbot, editor.body, "name}")
    qtbot.waitUntil(editor.save_button.isEnabled)
    assert not editor.text_panel.error.isVisible() and editor.body.extraSelections() == []
    assert templates.get_template(database, people["manager"], "toxin_aftercare", "en").number == 1


def test_a_stale_save_keeps_the_text_and_offers_the_newer_version(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    theirs = templates.save_version(
        database, people["other_manager"], "filler", "zh_CN", "李经理的版本", "# 他们的\n正文",
        based_on=1,
    )  # fmt: skip
    type_at_end(qtbot, editor, "\n我的修改")
    mine = editor.body.toPlainText()
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.conflict_panel.isVisible()
    assert "李经理" in editor.conflict.text()
    assert editor.body.toPlainText() == mine and editor.dirty()
    current = templates.get_template(database, people["manager"], "filler", "zh_CN")
    assert (current.number, current.body) == (2, theirs.body)  # nothing of mine saved
    qtbot.mouseClick(editor.load_newer, Qt.MouseButton.LeftButton)
    assert editor.based_on == 2 and editor.body.toPlainText() == mine
    assert editor.side.currentWidget() is editor.side.newer_text
    assert "正文" in editor.side.newer_text.toPlainText()
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    current = templates.get_template(database, people["manager"], "filler", "zh_CN")
    assert (current.number, current.body) == (3, mine)
    assert not editor.conflict_panel.isVisible()


def test_a_lost_database_on_save_says_so_and_keeps_the_text(qtbot, clinic, monkeypatch):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    type_at_end(qtbot, editor, "\n加一行")

    def gone(*_a, **_k):
        raise DatabaseUnavailableError("could not connect to server")

    monkeypatch.setattr(templates, "save_version", gone)
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "database cannot be reached" in editor.status.text()
    assert "still here" in editor.status.text()
    assert editor.body.toPlainText().endswith("加一行") and editor.save_button.isEnabled()


def test_the_preview_renders_the_unsaved_text(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    qtbot.keyClick(editor.body, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    pdf = editor.side.pdf
    assert pdf is not None and pdf.startswith(b"%PDF")
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert pages == 2  # the shipped filler consent on A4
    assert editor.side.document.status() == QPdfDocument.Status.Ready
    assert editor.side.document.pageCount() == pages
    assert editor.side.view.document() is editor.side.document
    assert "2 page" in editor.side.note.text()
    type_at_end(qtbot, editor, "\n" + "\n".join(f"{n}. 新的一条很长的说明" * 6 for n in range(40)))
    qtbot.keyClick(editor.body, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert editor.side.document.pageCount() == len(PdfReader(io.BytesIO(editor.side.pdf)).pages)
    assert editor.side.document.pageCount() > pages
    assert templates.get_template(database, people["manager"], "filler", "zh_CN").number == 1


def test_a_new_template_is_checked_created_and_listed(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = page.editor
    assert editor is not None and editor.focusWidget() is editor.fields.key_edit
    assert page.window().new_patient_pressed == []  # the page's Ctrl+N, not the window's
    fields = editor.fields
    type_text(qtbot, fields.key_edit, "Laser Consent")
    type_text(qtbot, fields.title, "Laser consent")
    type_lines(qtbot, editor.body, "# Laser\nI, {patient.name}, agree.")
    editor.check_now()
    editor.save()
    assert "lowercase" in fields.form.errors["key"].text()
    fields.key_edit.clear()
    type_text(qtbot, fields.key_edit, "filler")  # taken in Chinese
    fields.language_combo.setCurrentIndex(fields.language_combo.findData("zh_CN"))
    editor.save()
    assert "already used" in fields.form.errors["key"].text()
    fields.key_edit.clear()
    type_text(qtbot, fields.key_edit, "laser_consent")
    fields.language_combo.setCurrentIndex(fields.language_combo.findData("en"))
    fields.kind_combo.setCurrentIndex(fields.kind_combo.findData("consent"))
    editor.save()
    created = templates.get_template(database, people["manager"], "laser_consent", "en")
    assert (created.number, created.kind, created.title) == (
        1,
        TemplateKind.CONSENT,
        "Laser consent",
    )
    assert page.model.rowCount() == SHIPPED + 1
    assert (page.current().key, page.current().language) == ("laser_consent", "en")
    assert not fields.key_edit.isEnabled() and "version 1" in editor.status.text()


def test_a_key_taken_on_another_station_meanwhile_shows_at_the_key(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    page.new_template()
    editor = page.editor
    type_text(qtbot, editor.fields.key_edit, "peel")
    type_text(qtbot, editor.fields.title, "Peel")
    editor.fields.language_combo.setCurrentIndex(editor.fields.language_combo.findData("en"))
    templates.save_version(
        database, people["other_manager"], "peel", "en", "Theirs", "# x", based_on=None,
        kind=TemplateKind.GENERAL,
    )  # fmt: skip
    editor.save()
    assert "already used" in editor.fields.form.errors["key"].text()
    assert templates.get_template(database, people["manager"], "peel", "en").title == "Theirs"


def test_closing_with_unsaved_changes_asks(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    type_at_end(qtbot, editor, "\n改了")
    answers = [QMessageBox.StandardButton.Cancel]
    editor.ask_unsaved = lambda: answers.pop(0)
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.body.toPlainText().endswith("改了")
    answers.append(QMessageBox.StandardButton.Save)
    editor.close()
    assert not editor.isVisible()
    assert templates.get_template(database, people["manager"], "filler", "zh_CN").number == 2
    editor = open_editor(qtbot, page)
    type_at_end(qtbot, editor, "\n不要了")
    editor.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.keyClick(editor.body, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert templates.get_template(database, people["manager"], "filler", "zh_CN").number == 2


def test_history_shows_each_version_and_its_text(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    original = templates.get_template(database, people["manager"], "filler", "en")
    templates.save_version(
        database, people["other_manager"], "filler", "en", "Second", "# Two", based_on=1
    )
    page.reload()
    choose(page, "filler", "en")
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = page.history
    assert history is not None and history.list.count() == 2
    assert "李经理" in history.list.item(0).text() and "current" in history.list.item(0).text()
    assert "shipped" in history.list.item(1).text()
    assert history.text.toPlainText() == "# Two"
    history.list.setCurrentRow(1)
    assert history.text.toPlainText() == original.body
    assert history.heading.text() == original.title


def test_the_placeholder_menu_inserts_each_placeholder_with_words(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    assert set(PLACEHOLDER_ORDER) == PLACEHOLDERS and len(PLACEHOLDER_ORDER) == len(PLACEHOLDERS)
    actions = editor.text_panel.insert_menu.actions()
    texts = {a.data(): a.text() for a in actions}
    assert texts["patient.name"] == "{patient.name} — Patient's name"
    assert all(" — " in text and text.split(" — ")[1] for text in texts.values())
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    next(a for a in actions if a.data() == "treatment.products").trigger()
    assert editor.body.toPlainText().endswith("{treatment.products}")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("a\nb\nHello {patient.nmae}", "Unknown placeholder {patient.nmae}"),
        ("a\nab {x", "column 4 is never closed"),
        ("a\nabcd} x", "column 5 has no opening"),
        ("{a b}", "twice"),
        ("1\n2\n3\n4\n5\n6\n**bold", "Bold text"),
    ],
)
def test_markup_errors_are_told_in_the_users_words(body, words):
    with pytest.raises(TemplateError) as info:
        check(body)
    error = info.value
    text = markup_error_text(error)
    assert text.startswith(f"Line {error.line}: ") and words in text


def test_the_workspace_shows_the_documents_page(qtbot, clinic):
    from desktop_app.ui.workspace import Workspace

    database, people = clinic
    workspace = Workspace(StationSettings(), SyncRunner())
    qtbot.addWidget(workspace)
    workspace.bind(database, people["nurse"])
    assert workspace.pages.widget(4) is workspace.documents_page
    assert workspace.documents_page.model.rowCount() == SHIPPED


def test_preview_or_save_of_bad_markup_goes_to_the_line(qtbot, clinic):
    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page, "photo_consent", "en")
    editor.body.setPlainText("# Title\nDear {patient}\n\nMore text\nEnd")
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor.body, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert editor.body.textCursor().blockNumber() == 1 and editor.side.pdf is None
    assert editor.text_panel.error.text().startswith("Line 2: ")


def test_service_errors_on_save_and_preview_are_shown_and_nothing_is_lost(
    qtbot, clinic, monkeypatch
):
    from desktop_app.services import template_preview

    database, people = clinic
    page = page_for(qtbot, database, people["manager"])
    editor = open_editor(qtbot, page)
    type_at_end(qtbot, editor, "\n新的一行")

    def refused(*_a, **_k):
        raise TemplateError(
            3, "unknown placeholder {clinic.logo}", "unknown_placeholder", "{clinic.logo}"
        )

    monkeypatch.setattr(templates, "save_version", refused)
    qtbot.keyClick(editor.body, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.text_panel.error.text().startswith("Line 3: Unknown placeholder {clinic.logo}")
    assert [s.cursor.blockNumber() for s in editor.body.extraSelections()] == [2]
    assert "still here" in editor.status.text() and editor.body.toPlainText().endswith("新的一行")

    def gone(*_a, **_k):
        raise DatabaseUnavailableError("server closed the connection")

    monkeypatch.setattr(template_preview, "sample_pdf", gone)
    editor.check_now()
    qtbot.keyClick(editor.body, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "database cannot be reached" in editor.status.text()
    assert "No preview" in editor.side.note.text()
