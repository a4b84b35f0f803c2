"""Import patients from Excel or CSV (issue 11), for managers: choose the file, check
which column holds what, check the whole file without writing, then import.

Four pages on one dialog: the file; the preview with a field chosen above each column
(prefilled from the clinic's saved mapping or the column titles, optionally remembered
for files like this one); the check, a dry run with its counts and the rows to look at;
the import itself. Both runs go on the Runner with a progress bar and Stop; a stopped or
failed import keeps what it wrote and is resumed by importing again. Enter goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import import_mappings, patient_import
from desktop_app.services.errors import ValidationError
from desktop_app.services.import_file import ImportFileError
from desktop_app.services.patient_import import ImportResult, Preview
from desktop_app.ui import import_words
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.import_mapping_table import MappingPage
from desktop_app.ui.import_run_page import ChooseReport, RunPage, choose_report
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Progress, Runner

if TYPE_CHECKING:
    from desktop_app.db import Database
    from desktop_app.services.context import Actor

ChooseFile = Callable[[QWidget], str]  # "" when cancelled
FILE, MAPPING, CHECK, IMPORT = range(4)


def choose_file(parent: QWidget) -> str:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("ImportWizard", "Import patients"),
        "",
        QCoreApplication.translate("ImportWizard", "Excel or CSV (*.xlsx *.csv);;All files (*)"),
    )
    return path


class ImportWizard(QDialog):
    imported = Signal(object)  # ImportResult of a real run, stopped or not

    def __init__(
        self,
        runner: Runner,
        database: Database,
        actor: Actor,
        path: Path | None = None,
        *,
        choose: ChooseFile = choose_file,
        choose_report: ChooseReport = choose_report,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.runner, self.database, self.actor, self.choose = runner, database, actor, choose
        self.preview: Preview | None = None
        self.path: Path | None = None
        self.progress: Progress | None = None  # the running check's or import's
        self.busy = False
        # the file
        self.file_intro = QLabel()
        self.file_intro.setWordWrap(True)
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("importFile")
        self.file_label = QLabel()
        self.file_label.setBuddy(self.file_edit)
        self.browse_button = QPushButton()
        self.browse_button.setObjectName("browseImportFile")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.browse)
        self.file_error = self._error_label("importFileError")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        file_page = QWidget()
        column = QVBoxLayout(file_page)
        column.addWidget(self.file_intro)
        column.addLayout(file_row)
        column.addWidget(self.file_error)
        column.addStretch(1)
        # the columns
        self.mapping_page = MappingPage()
        self.table, self.remember = self.mapping_page.table, self.mapping_page.remember
        self.merge_empty = self.mapping_page.merge_empty
        self.table.changed.connect(lambda: self.check_page.clear())  # it was for the old one
        # the runs
        self.check_page = RunPage(runner, choose_report, dry_run=True)
        self.run_page = RunPage(runner, choose_report, dry_run=False)
        for page in (self.check_page, self.run_page):
            page.stop_button.clicked.connect(self.stop)
        self.merge_empty.toggled.connect(lambda _on: self.check_page.clear())
        self.pages = QStackedWidget()
        for page in (file_page, self.mapping_page, self.check_page, self.run_page):
            self.pages.addWidget(page)
        self.back_button = QPushButton()
        self.back_button.setObjectName("importBack")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("importNext")
        self.next_button.setDefault(True)  # Enter goes on
        self.next_button.clicked.connect(self.next)
        self.close_button = QPushButton()
        self.close_button.setObjectName("importClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.resize(900, 620)
        self.retranslate()
        if path is not None:
            self.file_edit.setText(str(path))
            self.next()

    @staticmethod
    def _error_label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    # --- words --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import patients"))
        self.file_intro.setText(
            self.tr(
                "Bring in the patients of another system's export: an Excel (.xlsx) or CSV "
                "file with one patient a row. Nothing is written until you have seen what "
                "the import would do."
            )
        )
        self.file_label.setText(self.tr("&File"))
        self.browse_button.setText(self.tr("&Choose…"))
        self.back_button.setText(self.tr("< &Back"))
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_state(self) -> None:
        """The buttons for the page shown and whether something runs."""
        page = self.pages.currentIndex()
        result = self.run_page.result
        finished = page == IMPORT and result is not None and not result.cancelled
        self.back_button.setEnabled(not self.busy and page in (MAPPING, CHECK))
        self.next_button.setEnabled(not self.busy and not finished)
        self.next_button.setVisible(not finished)
        texts = {
            FILE: self.tr("&Next >"),
            MAPPING: self.tr("&Check the file >"),
            CHECK: self.tr("&Import"),
            IMPORT: self.tr("&Import") if self.busy else self.tr("&Import again"),
        }
        self.next_button.setText(texts[page])
        checked = self.check_page.result
        if page == CHECK and checked is not None and checked.summary.imported:
            new = checked.summary.imported  # a plain name: lupdate drops an attribute count
            self.next_button.setText(self.tr("&Import %n new patient(s)", "", new))
        if page == CHECK and self.check_page.result is None:
            self.next_button.setEnabled(False)
        running = self.progress is not None
        self.close_button.setText(
            self.tr("Stop") if running else self.tr("&Close") if finished else self.tr("Cancel")
        )
        self.close_button.setEnabled(running or not self.busy)
        if finished:
            self.close_button.setDefault(True)

    # --- going through ------------------------------------------------------------------------

    def browse(self) -> None:
        chosen = self.choose(self)
        if chosen:
            self.file_edit.setText(chosen)
            self.next()

    def next(self) -> None:
        if self.busy:
            return
        page = self.pages.currentIndex()
        if page == FILE:
            self.open_file()
        elif page == MAPPING:
            self.check()
        else:
            self.start_run(dry_run=False)

    def back(self) -> None:
        if self.busy:
            return
        page = self.pages.currentIndex()
        self.pages.setCurrentIndex(max(page - 1, FILE))
        self._show_state()

    def _go(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        self._show_state()

    def open_file(self) -> None:
        text = self.file_edit.text().strip()
        self.file_error.hide()
        if not text:
            self.browse()
            return
        path = Path(text)
        database, actor = self.database, self.actor
        self._busy(True)
        self.runner.run(
            lambda: patient_import.preview(database, actor, path),
            lambda preview: self._previewed(path, preview),
            lambda exc: self._file_failed(path, exc),
        )

    def _previewed(self, path: Path, preview: Preview) -> None:
        self._busy(False)
        self.path, self.preview = path, preview
        self.mapping_page.set_preview(preview)
        self.check_page.clear()
        self._go(MAPPING)
        self.table.combos[0].setFocus()

    def _file_failed(self, path: Path, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ImportFileError):
            text = import_words.file_error(exc.reason, path.name)
        else:
            headline, detail = describe(exc)
            text = "\n".join(part for part in (headline, detail) if part)
        self.file_error.setText(text)
        self.file_error.show()
        self.file_edit.setFocus()

    def check(self) -> None:
        """The mapping checked here (in words, at the table), remembered if asked, then
        the dry run."""
        preview, path = self.preview, self.path
        if preview is None or path is None:
            return
        mapping = self.mapping_page.mapping()
        try:
            import_mappings.check_mapping(mapping.columns, len(preview.headers))
        except ValidationError as exc:
            self._mapping_failed(exc)
            return
        if not self.remember.isChecked():
            self.start_run(dry_run=True)
            return
        database, actor = self.database, self.actor
        self._busy(True)
        self.runner.run(
            lambda: patient_import.save_mapping(database, actor, path, mapping),
            lambda _none: self._mapping_saved(),
            self._save_mapping_failed,
        )

    def _mapping_saved(self) -> None:
        self._busy(False)
        self.start_run(dry_run=True)

    def _save_mapping_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if isinstance(exc, ValidationError):
            self._mapping_failed(exc)
            return
        headline, detail = describe(exc)
        self.mapping_page.show_error("\n".join(part for part in (headline, detail) if part))

    def _mapping_failed(self, exc: ValidationError) -> None:
        self._go(MAPPING)
        self.mapping_page.show_error(import_words.mapping_error(exc.code, exc.message))

    def start_run(self, *, dry_run: bool) -> None:
        path = self.path
        if path is None or self.preview is None:
            return
        page = self.check_page if dry_run else self.run_page
        mapping, merge_empty = self.mapping_page.mapping(), self.merge_empty.isChecked()
        database, actor = self.database, self.actor
        progress = Progress(self)
        progress.changed.connect(page.progressed)
        self.progress = progress
        self._go(CHECK if dry_run else IMPORT)
        page.start(path, merge_empty)
        self._busy(True)

        def work() -> ImportResult:
            return patient_import.import_patients(
                database,
                actor,
                path,
                mapping=mapping,
                dry_run=dry_run,
                merge_empty=merge_empty,
                progress=progress.report,
                cancelled=progress.cancelled,
                words=import_words.describe,
            )

        self.runner.run(work, lambda result: self._ran(page, result), self._run_failed(page))

    def _ran(self, page: RunPage, result: ImportResult) -> None:
        self.progress = None
        self._busy(False)
        page.show_result(result)
        self._show_state()
        if not result.dry_run:
            self.imported.emit(result)
        (self.next_button if self.next_button.isVisible() else self.close_button).setFocus()

    def _run_failed(self, page: RunPage) -> Callable[[BaseException], None]:
        def failed(exc: BaseException) -> None:
            self.progress = None
            self._busy(False)
            if isinstance(exc, ValidationError) and exc.field == "mapping":
                self._mapping_failed(exc)
            elif isinstance(exc, ImportFileError) and self.path is not None:
                page.clear()
                page.status.setStyleSheet(ERROR_STYLE)
                page.status.setText(import_words.file_error(exc.reason, self.path.name))
            else:
                page.show_error(exc, written=page is self.run_page)
            self._show_state()

        return failed

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.file_edit, self.browse_button, self.table, self.remember):
            widget.setEnabled(not busy)
        self.merge_empty.setEnabled(not busy)
        self._show_state()

    def stop(self) -> None:
        """Stop the running check or import after the batch it is in."""
        if self.progress is not None:
            self.progress.cancel()
            page = self.check_page if self.pages.currentIndex() == CHECK else self.run_page
            page.stopping()

    def reject(self) -> None:
        """Cancel (or Escape) while a run goes stops it; the dialog stays to say what was done."""
        if self.busy:
            self.stop()
            return
        super().reject()
