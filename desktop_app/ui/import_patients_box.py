"""Settings › Import patients (managers): what the import does, and the button that opens
the wizard. Imported patients are found by search, so nothing else needs refreshing."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from desktop_app.services.permissions import Permission
from desktop_app.ui.import_run_page import ChooseReport, choose_report
from desktop_app.ui.import_wizard import ChooseFile, ImportWizard, choose_file
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.tasks import Runner


class ImportPatientsBox(SettingsBox):
    permission = Permission.IMPORT_PATIENTS

    def __init__(
        self,
        runner: Runner,
        choose: ChooseFile = choose_file,
        choose_report: ChooseReport = choose_report,
    ) -> None:
        super().__init__()
        self.setObjectName("importPatientsBox")
        self.runner, self.choose, self.choose_report = runner, choose, choose_report
        self.wizard: ImportWizard | None = None
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color: #5f6368;")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openImportWizard")
        self.open_button.clicked.connect(self.open_wizard)
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(row)
        self.setMaximumWidth(720)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import patients"))
        self.explanation.setText(
            self.tr(
                "Bring in the patients of another system from its Excel or CSV export. You "
                "check which column holds what and see what the import would do before "
                "anything is written. A patient already registered (same mobile or ID "
                "number) is left as they are, and every row that is not imported is "
                "listed with the reason."
            )
        )
        self.open_button.setText(self.tr("Import patients from &Excel or CSV…"))

    def open_wizard(self) -> None:
        database, actor = self.database, self.actor
        if database is None or actor is None:
            return
        wizard = ImportWizard(
            self.runner,
            database,
            actor,
            choose=self.choose,
            choose_report=self.choose_report,
            parent=self,
        )
        self.wizard = wizard
        wizard.open()
        wizard.browse()  # the button promised a file dialog; cancelled, the wizard waits
