"""Settings › treatment catalogue (managers): items, categories, prices, the consent,
aftercare and reminder keys each item carries for the documents and reminders features, and
whether the pre-treatment gate asks for before photos."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop_app.services import catalogue
from desktop_app.services.catalogue import CatalogueItem
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE, FieldForm
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.rows_model import RowsModel
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner

_Index = QModelIndex | QPersistentModelIndex
FIELDS = (
    "name",
    "category",
    "default_price",
    "consent_template",
    "aftercare_template",
    "reminder_rule",
)


class CatalogueModel(RowsModel):
    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Price"),
            self.tr("Consent form"),
            self.tr("Aftercare sheet"),
            self.tr("Review date on the aftercare sheet"),
            self.tr("Before photos"),
            self.tr("Offered"),
        )

    def cell(self, item: CatalogueItem, column: int) -> str:
        if column == len(FIELDS):
            return self.tr("required") if item.before_photos_required else ""
        if column == len(FIELDS) + 1:
            return self.tr("yes") if item.active else self.tr("retired")
        value = getattr(item, FIELDS[column])
        return "" if value is None else str(value)


class CatalogueBox(SettingsBox):
    permission = Permission.EDIT_CATALOGUE

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("catalogueBox")
        self.runner = runner
        self.model = CatalogueModel(self)
        self.table = QTableView()
        self.table.setObjectName("catalogueTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(220)
        self.form = FieldForm()
        self.inputs: dict[str, QLineEdit] = {}
        self.captions: dict[str, QLabel] = {}
        for name in FIELDS:
            edit = QLineEdit()
            edit.returnPressed.connect(self.save)
            self.captions[name] = self.form.add_field(f"item_{name}", edit)
            self.inputs[name] = edit
        self.photos_required = QCheckBox()
        self.photos_required.setObjectName("itemBeforePhotos")
        self.form.addRow("", self.photos_required)
        self.active = QCheckBox()
        self.active.setObjectName("itemActive")
        self.active.setChecked(True)
        self.form.addRow("", self.active)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveItemButton")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        self.status.setObjectName("catalogueStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.form)
        layout.addWidget(self.save_button)
        layout.addWidget(self.status)
        self.setMaximumWidth(1080)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _p: self._pick(current)
        )
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Treatment catalogue"))
        captions = (
            self.tr("Item"),
            self.tr("Category"),
            self.tr("Default price"),
            self.tr("Consent form"),
            self.tr("Aftercare sheet"),
            self.tr("Review date on the aftercare sheet"),
        )
        for name, caption in zip(FIELDS, captions, strict=True):
            self.captions[name].setText(caption)
        self.photos_required.setText(self.tr("Before photos required"))
        self.active.setText(self.tr("Offered (untick to retire)"))
        self.save_button.setText(self.tr("Save item"))

    def bound(self) -> None:
        self.status.clear()
        if self.shown:
            self.reload()

    def reload(self) -> None:
        database, actor = self.database, self.actor
        if database is not None and actor is not None:
            self.runner.run(
                lambda: catalogue.items(database, actor, include_retired=True),
                self.model.set_rows,
                self._failed,
            )

    def _pick(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        item = self.model.rows[index.row()]
        for name, edit in self.inputs.items():
            value = getattr(item, name)
            edit.setText("" if value is None else str(value))
        self.active.setChecked(item.active)
        self.photos_required.setChecked(item.before_photos_required)

    def save(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        self.form.clear_errors()
        values = {name: edit.text() for name, edit in self.inputs.items()}
        active = self.active.isChecked()
        photos_required = self.photos_required.isChecked()
        self.runner.run(
            lambda: catalogue.save_item(
                database,
                actor,
                values["name"],
                values["category"],
                values["default_price"],
                consent_template=values["consent_template"],
                aftercare_template=values["aftercare_template"],
                reminder_rule=values["reminder_rule"],
                active=active,
                before_photos_required=photos_required,
            ),
            self._saved,
            self._failed,
        )

    def _saved(self, _item_id: object) -> None:
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Saved."))
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            message = validation_text(exc.code, exc.params, exc.message)
            if f"item_{exc.field}" in self.form.errors:
                self.form.show_error(f"item_{exc.field}", message)
                self.status.clear()
                return
            self.status.setText(message)
        else:
            self.status.setText(" ".join(describe(exc)))
