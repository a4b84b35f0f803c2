"""Settings › the clinic's lists: source channels, tags by group, diagnoses (managers only).

A tick means "offered at intake"; untick to retire an entry (patients who have it keep
it). Names are added at the end; the intake form reads the lists each time it opens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from desktop_app.services import assessments, lookups, tags
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe, validation_text
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner


class PickListsBox(SettingsBox):
    permission = Permission.EDIT_CLINIC_SETTINGS

    def __init__(self, runner: Runner) -> None:
        super().__init__()
        self.setObjectName("pickListsBox")
        self.runner = runner
        self.channel_label, self.tag_label = QLabel(), QLabel()
        self.channels = QListWidget()
        self.channels.setObjectName("channelList")
        self.new_channel = QLineEdit()
        self.new_channel.setObjectName("newChannel")
        self.add_channel_button = QPushButton()
        self.add_channel_button.setObjectName("addChannelButton")
        self.groups = QComboBox()
        self.groups.setObjectName("tagGroupCombo")
        self.tags = QListWidget()
        self.tags.setObjectName("tagList")
        self.new_tag = QLineEdit()
        self.new_tag.setObjectName("newTag")
        self.add_tag_button = QPushButton()
        self.add_tag_button.setObjectName("addTagButton")
        self.diagnosis_label = QLabel()
        self.diagnoses = QListWidget()
        self.diagnoses.setObjectName("diagnosisList")
        self.new_diagnosis = QLineEdit()
        self.new_diagnosis.setObjectName("newDiagnosis")
        self.add_diagnosis_button = QPushButton()
        self.add_diagnosis_button.setObjectName("addDiagnosisButton")
        self.status = QLabel()
        self.status.setObjectName("pickListsStatus")
        self.status.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.channel_label, 0, 0, 1, 2)
        grid.addWidget(self.channels, 1, 0, 1, 2)
        grid.addWidget(self.new_channel, 2, 0)
        grid.addWidget(self.add_channel_button, 2, 1)
        grid.addWidget(self.tag_label, 0, 2)
        grid.addWidget(self.groups, 0, 3)
        grid.addWidget(self.tags, 1, 2, 1, 2)
        grid.addWidget(self.new_tag, 2, 2)
        grid.addWidget(self.add_tag_button, 2, 3)
        grid.addWidget(self.diagnosis_label, 0, 4, 1, 2)
        grid.addWidget(self.diagnoses, 1, 4, 1, 2)
        grid.addWidget(self.new_diagnosis, 2, 4)
        grid.addWidget(self.add_diagnosis_button, 2, 5)
        grid.addWidget(self.status, 3, 0, 1, 6)
        self.setMaximumWidth(1080)
        self.add_diagnosis_button.clicked.connect(self.add_diagnosis)
        self.new_diagnosis.returnPressed.connect(self.add_diagnosis)
        self.diagnoses.itemChanged.connect(
            lambda item: self._toggle(assessments.set_diagnosis_active, item)
        )
        self.add_channel_button.clicked.connect(self.add_channel)
        self.new_channel.returnPressed.connect(self.add_channel)
        self.add_tag_button.clicked.connect(self.add_tag)
        self.new_tag.returnPressed.connect(self.add_tag)
        self.groups.currentIndexChanged.connect(lambda _i: self._load_tags())
        self.channels.itemChanged.connect(
            lambda item: self._toggle(lookups.set_channel_active, item)
        )
        self.tags.itemChanged.connect(lambda item: self._toggle(tags.set_tag_active, item))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The clinic's lists (ticked ones are offered at intake)"))
        self.channel_label.setText(self.tr("Source channels"))
        self.tag_label.setText(self.tr("Tags in group"))
        self.add_channel_button.setText(self.tr("Add channel"))
        self.add_tag_button.setText(self.tr("Add tag"))
        self.diagnosis_label.setText(self.tr("Diagnoses offered to doctors"))
        self.add_diagnosis_button.setText(self.tr("Add diagnosis"))

    def bound(self) -> None:
        self.status.clear()
        database, actor = self.database, self.actor
        if self.shown and database is not None and actor is not None:
            self.runner.run(
                lambda: [g.name for g in tags.tag_groups(database, actor)],
                self._fill_groups,
                self._failed,
            )
            self._load_channels()
            self._load_diagnoses()

    # --- loading -------------------------------------------------------------------------

    def _load_channels(self) -> None:
        database, actor = self.database, self.actor
        if database is not None and actor is not None:
            self.runner.run(
                lambda: lookups.channel_entries(database, actor),
                lambda entries: self._fill(self.channels, entries),
                self._failed,
            )

    def _load_diagnoses(self) -> None:
        database, actor = self.database, self.actor
        if database is not None and actor is not None:
            self.runner.run(
                lambda: assessments.diagnosis_entries(database, actor),
                lambda entries: self._fill(self.diagnoses, entries),
                self._failed,
            )

    def _fill_groups(self, names: list[str]) -> None:
        self.groups.blockSignals(True)
        self.groups.clear()
        self.groups.addItems(names)
        self.groups.blockSignals(False)
        self._load_tags()

    def _load_tags(self) -> None:
        database, actor, group = self.database, self.actor, self.groups.currentText()
        if database is not None and actor is not None and group:
            self.runner.run(
                lambda: tags.group_entries(database, actor, group),
                lambda entries: self._fill(self.tags, entries),
                self._failed,
            )

    def _fill(self, widget: QListWidget, entries: list[lookups.ListEntry]) -> None:
        widget.blockSignals(True)
        widget.clear()
        for entry in entries:
            item = QListWidgetItem(entry.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.active else Qt.CheckState.Unchecked)
            widget.addItem(item)
        widget.blockSignals(False)

    # --- changes -------------------------------------------------------------------------

    def add_channel(self) -> None:
        database, actor, text = self.database, self.actor, self.new_channel.text()
        if database is None or actor is None:
            return
        self.runner.run(
            lambda: lookups.add_channel(database, actor, text),
            lambda _name: self._added(self.new_channel, self._load_channels),
            self._failed,
        )

    def add_tag(self) -> None:
        database, actor = self.database, self.actor
        group, text = self.groups.currentText(), self.new_tag.text()
        if database is None or actor is None or not group:
            return
        self.runner.run(
            lambda: tags.add_group_tag(database, actor, group, text),
            lambda _name: self._added(self.new_tag, self._load_tags),
            self._failed,
        )

    def add_diagnosis(self) -> None:
        database, actor, text = self.database, self.actor, self.new_diagnosis.text()
        if database is None or actor is None:
            return
        self.runner.run(
            lambda: assessments.add_diagnosis(database, actor, text),
            lambda _name: self._added(self.new_diagnosis, self._load_diagnoses),
            self._failed,
        )

    def _toggle(self, change: Callable[..., None], item: QListWidgetItem) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        name, active = item.text(), item.checkState() == Qt.CheckState.Checked
        self.runner.run(
            lambda: change(database, actor, name, active),
            lambda _r: self.status.clear(),
            self._failed,
        )

    def _added(self, edit: QLineEdit, reload: Callable[[], None]) -> None:
        edit.clear()
        self.status.clear()
        reload()

    def _failed(self, exc: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):
            self.status.setText(validation_text(exc.code, exc.params, exc.message))
        else:
            self.status.setText(" ".join(describe(exc)))
        self._load_channels()  # show what is really saved
        self._load_tags()
        self._load_diagnoses()
