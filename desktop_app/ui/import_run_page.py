"""One run of the patient import on a wizard page: a progress bar with Stop while it
runs, then the counts, the rows that were not clean with their reasons in words, and
"Save report…". The check (a dry run) and the import itself each have one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services.patient_import import ImportResult, write_report
from desktop_app.ui import import_words
from desktop_app.ui.forms import ERROR_STYLE
from desktop_app.ui.messages import describe
from desktop_app.ui.tasks import Runner

ChooseReport = Callable[[QWidget, str], str]  # suggested path → chosen path, "" if cancelled
COUNTS = ("rows", "imported", "duplicates", "rejected", "warnings")


def choose_report(parent: QWidget, suggested: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ImportWizard", "Save report"),
        suggested,
        QCoreApplication.translate("ImportWizard", "CSV files (*.csv)"),
    )
    return path


class RunPage(QWidget):
    def __init__(self, runner: Runner, choose: ChooseReport, *, dry_run: bool) -> None:
        super().__init__()
        self.setObjectName("importCheckPage" if dry_run else "importRunPage")
        self.runner, self.choose, self.dry_run = runner, choose, dry_run
        self.result: ImportResult | None = None
        self.source: Path | None = None
        self.merge_empty = False
        self.heading = QLabel()
        self.heading.setObjectName("importHeading")
        self.heading.setWordWrap(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("importProgress")
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopImport")
        self.stop_button.setAutoDefault(False)
        bar = QHBoxLayout()
        bar.addWidget(self.progress_bar, 1)
        bar.addWidget(self.stop_button)
        self.counts = {name: QLabel() for name in COUNTS}
        self.count_labels = {name: QLabel() for name in COUNTS}
        form = QFormLayout()
        for name in COUNTS:
            self.counts[name].setObjectName(f"importCount_{name}")
            form.addRow(self.count_labels[name], self.counts[name])
        self.status = QLabel()
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows = QTableWidget(0, 3)
        self.rows.setObjectName("importProblems")
        self.rows.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rows.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows.setTabKeyNavigation(False)
        self.rows.verticalHeader().setVisible(False)
        self.rows.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.rows.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveImportReport")
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save_report)
        self.saved = QLabel()
        self.saved.setObjectName("importReportSaved")
        self.saved.setWordWrap(True)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(bar)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.rows, 100)
        layout.addLayout(save_row)
        layout.addStretch(1)  # while running there is no table to take the height
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.stop_button.setText(self.tr("&Stop"))
        self.save_button.setText(self.tr("Save &report…"))
        self.rows.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Outcome"), self.tr("Why")])
        labels = {
            "rows": self.tr("Rows read"),
            "imported": self.tr("New patients") if self.dry_run else self.tr("Patients imported"),
            "duplicates": (
                self.tr("Already registered (empty fields filled in)")
                if self.merge_empty
                else self.tr("Already registered (left as they are)")
            ),
            "rejected": self.tr("Not imported"),
            "warnings": self.tr("Of the new patients, to look at"),
        }
        for name, text in labels.items():
            self.count_labels[name].setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.result is not None:
                self.show_result(self.result)
        super().changeEvent(event)

    def clear(self) -> None:
        self.result = None
        self.progress_bar.hide()
        self.stop_button.hide()
        for name in COUNTS:
            self.counts[name].clear()
            self.count_labels[name].hide()
            self.counts[name].hide()
        self.status.clear()
        self.status.setStyleSheet("")
        self.rows.setRowCount(0)
        self.rows.hide()
        self.save_button.hide()
        self.saved.clear()

    def start(self, source: Path, merge_empty: bool) -> None:
        """A run begins: the bar, Stop, and what is going on."""
        self.clear()
        self.source, self.merge_empty = source, merge_empty
        self.retranslate()
        self.heading.setText(self._running_text(source))
        self.progress_bar.setRange(0, 0)  # busy until the first batch says how many
        self.progress_bar.show()
        self.stop_button.setEnabled(True)
        self.stop_button.show()

    def _running_text(self, source: Path) -> str:
        if self.dry_run:
            return self.tr("Checking {file}; nothing is written yet…").format(file=source.name)
        return self.tr("Importing {file}…").format(file=source.name)

    def progressed(self, done: int, total: int, _text: str = "") -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def stopping(self) -> None:
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after the rows being read now…"))

    def show_result(self, result: ImportResult) -> None:
        self.result = result
        self.progress_bar.hide()
        self.stop_button.hide()
        self.status.setStyleSheet("")
        self.status.clear()
        self.heading.setText(self._result_text(result))
        values = result.summary.as_dict()
        for name in COUNTS:
            self.counts[name].setText(str(values[name]))
            self.count_labels[name].show()
            self.counts[name].show()
        first_last = result.record_nos
        if first_last and not result.dry_run:
            self.status.setText(
                self.tr("Record numbers {first} to {last}.").format(
                    first=first_last[0], last=first_last[-1]
                )
            )
        self.rows.setRowCount(len(result.reports))
        for row, report in enumerate(result.reports):
            reason = "\n".join(import_words.describe(p) for p in report.problems)
            for column, text in enumerate(
                (str(report.row), import_words.outcome_name(report.outcome.value), reason)
            ):
                self.rows.setItem(row, column, QTableWidgetItem(text))
        self.rows.resizeColumnToContents(0)
        self.rows.resizeColumnToContents(1)
        self.rows.resizeRowsToContents()
        self.rows.setVisible(bool(result.reports))
        self.save_button.setVisible(bool(result.reports))

    def _result_text(self, result: ImportResult) -> str:
        if result.dry_run and result.cancelled:
            return self.tr("Check stopped: the counts are for the rows read so far.")
        if result.dry_run:
            return self.tr(
                "Checked: nothing has been written yet. Importing would do this. The rows "
                "below are the ones to look at; their row numbers are the file's."
            )
        if result.cancelled:
            return self.tr(
                "Stopped. The patients imported so far are kept. Import again to bring in "
                "the rest: nothing already imported is imported twice."
            )
        return self.tr("Done. The new patients are found by search like any other.")

    def show_error(self, exc: BaseException, written: bool) -> None:
        """A failed run, in words; after a real run that may have written, how to go on."""
        self.progress_bar.hide()
        self.stop_button.hide()
        headline, detail = describe(exc)
        lines = [headline, detail] if detail and detail != headline else [headline]
        if written:
            lines.append(
                self.tr(
                    "The patients imported before this are kept. Import again when the "
                    "problem is solved: nothing already imported is imported twice."
                )
            )
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText("\n".join(lines))

    def save_report(self) -> None:
        result, source = self.result, self.source
        if result is None or source is None:
            return
        kind = "check" if self.dry_run else "import"
        suggested = source.with_name(f"{source.stem}-{kind}-report.csv")
        chosen = self.choose(self, str(suggested))
        if not chosen:
            return
        target = Path(chosen)
        reports = result.reports
        self.runner.run(
            lambda: write_report(reports, target, import_words.describe),
            lambda _none: self._saved(target),
            self._save_failed,
        )

    def _saved(self, target: Path) -> None:
        self.saved.setStyleSheet("")
        self.saved.setText(self.tr("Report saved: {file}").format(file=str(target)))

    def _save_failed(self, exc: BaseException) -> None:
        self.saved.setStyleSheet(ERROR_STYLE)
        self.saved.setText(self.tr("The report could not be saved: {reason}").format(reason=exc))
