"""The Documents section: every consent, aftercare and general template, its text, and for
managers the editor, new templates and each template's history.

Everyone who sees patients may read the wording they hand out; only a manager changes
it, and a change is always a new version (the history keeps the old ones).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QKeyCombination,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import templates
from desktop_app.services.permissions import Permission, allowed
from desktop_app.services.templates import TemplateInfo
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.i18n import LANGUAGES
from desktop_app.ui.messages import describe
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.tasks import Runner
from desktop_app.ui.template_words import kind_name, saved_by

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor
    from desktop_app.ui.template_editor import TemplateEditor
    from desktop_app.ui.template_history import TemplateHistory

_Index = QModelIndex | QPersistentModelIndex
# Ctrl+N is Patient › New patient everywhere else; on this page it means a new template.
NEW_TEMPLATE_KEYS = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_N)


class TemplatesModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Title"),
            self.tr("Key"),
            self.tr("Kind"),
            self.tr("Language"),
            self.tr("Version"),
            self.tr("Used by"),
        )

    def cell(self, info: TemplateInfo, column: int) -> str:
        return (
            info.title,
            info.key,
            kind_name(info.kind),
            LANGUAGES.get(info.language, info.language),
            str(info.number),
            "、".join(info.items) if info.language == "zh_CN" else ", ".join(info.items),
        )[column]


class DocumentsPage(QWidget):
    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("documentsPage")
        self.runner = runner
        self.database: Database | None = None
        self.actor: Actor | None = None
        self.editor: TemplateEditor | None = None
        self.history: TemplateHistory | None = None
        self._generation = 0
        self._select: tuple[str, str] | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.filter = QLineEdit()
        self.filter.setObjectName("templateFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter_label = QLabel()
        self.filter_label.setBuddy(self.filter)
        self.model = TemplatesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self._filter)
        self.table = QTableView()
        self.table.setObjectName("templateTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show())
        self.table.activated.connect(lambda _i: self.edit())
        self.filter.returnPressed.connect(self.table.setFocus)
        self.about = QLabel()
        self.about.setObjectName("templateAbout")
        self.about.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("templateText")
        self.text.setReadOnly(True)
        self.status = QLabel()
        self.status.setObjectName("documentsStatus")
        self.status.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        for name, keys, slot in (
            ("edit", "Ctrl+E", self.edit),
            ("new", "", self.new_template),
            ("history", "Ctrl+H", self.show_history),
        ):
            button = QPushButton()
            button.setObjectName(f"{name}TemplateButton")
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[name] = button
            if keys:
                shortcut = QShortcut(QKeySequence(keys), self, slot)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.about)
        column.addWidget(self.text, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(reading)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        self.retranslate()
        self._update_buttons()

    # --- words -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Documents"))
        self.filter_label.setText(self.tr("&Filter:"))
        self.filter.setPlaceholderText(self.tr("Title, key, kind or treatment item"))
        self.buttons["edit"].setText(self.tr("&Edit… (Ctrl+E)"))
        self.buttons["new"].setText(self.tr("&New template… (Ctrl+N)"))
        self.buttons["history"].setText(self.tr("&History (Ctrl+H)"))
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- keys --------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Claim Ctrl+N while focus is on this page, before the window's New patient."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination() == NEW_TEMPLATE_KEYS
            and self._may_edit()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.keyCombination() == NEW_TEMPLATE_KEYS and self._may_edit():
            self.new_template()
            return
        super().keyPressEvent(event)

    # --- data --------------------------------------------------------------------------

    def bind(self, database: Database | None, actor: Actor | None) -> None:
        self.database, self.actor = database, actor
        self.model.set_rows([])
        self.status.clear()
        self._update_buttons()
        self._show()
        if database is not None and actor is not None:
            self.reload()

    def _may_edit(self) -> bool:
        return self.actor is not None and allowed(self.actor, Permission.EDIT_TEMPLATES)

    def reload(self, select: tuple[str, str] | None = None) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        current = self.current()
        self._select = select or ((current.key, current.language) if current else None)
        self._generation += 1
        generation = self._generation
        self.runner.run(
            lambda: templates.list_templates(database, actor),
            lambda found: self._loaded(generation, found),
            lambda exc: self._failed(generation, exc),
        )

    def _loaded(self, generation: int, found: list[TemplateInfo]) -> None:
        if generation != self._generation:
            return  # signed out or reloaded meanwhile
        self.model.set_rows(found)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("%n template(s).", "", len(found)))
        rows = [(t.key, t.language) for t in found]
        row = rows.index(self._select) if self._select in rows else 0
        if found:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.setCurrentIndex(index if index.isValid() else self.proxy.index(0, 0))
        self._show()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(" ".join(describe(exc)))

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._show()

    def current(self) -> TemplateInfo | None:
        index = self.proxy.mapToSource(self.table.currentIndex())
        return self.model.rows[index.row()] if index.isValid() else None

    def _show(self) -> None:
        info = self.current()
        self._update_buttons()
        if info is None:
            self.about.setText(self.tr("Choose a template to read its text."))
            self.text.clear()
            return
        self.about.setText(
            self.tr("<b>{title}</b><br>Version {number}, {who}").format(
                title=html.escape(info.title),
                number=info.number,
                who=saved_by(info.created_by, info.created_at),
            )
        )
        self.text.setPlainText(info.body)

    def _update_buttons(self) -> None:
        may_edit = self._may_edit()
        chosen = self.current() is not None
        for name, button in self.buttons.items():
            button.setVisible(may_edit)
            button.setEnabled(may_edit and (chosen or name == "new"))

    # --- actions -----------------------------------------------------------------------

    def edit(self) -> None:
        info = self.current()
        if info is not None and self._may_edit():
            self._open_editor(info)

    def new_template(self) -> None:
        if self._may_edit():
            self._open_editor(None)

    def _open_editor(self, info: TemplateInfo | None) -> None:
        from desktop_app.ui.template_editor import TemplateEditor

        database, actor = self.database, self.actor
        assert database is not None and actor is not None
        if self.editor is not None:
            self.editor.deleteLater()
        existing = [(t.key, t.language) for t in self.model.rows]
        self.editor = TemplateEditor(
            self.runner, database, actor, info, existing=existing, parent=self
        )
        self.editor.saved.connect(lambda saved: self.reload((saved.key, saved.language)))
        self.editor.open()

    def show_history(self) -> None:
        from desktop_app.ui.template_history import TemplateHistory

        info = self.current()
        database, actor = self.database, self.actor
        if info is None or database is None or actor is None or not self._may_edit():
            return
        if self.history is not None:
            self.history.deleteLater()
        self.history = TemplateHistory(
            self.runner, database, actor, info.key, info.language, parent=self
        )
        self.history.open()
