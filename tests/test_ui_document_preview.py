"""The document preview: every page shown, copies kept before paper or disk, clear failures.

Printed and saved PDFs are read back (pypdf, pdftotext); the database is asked what was
kept. Runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import json
import re
import subprocess
import uuid

import pypdf
import pytest
import sqlalchemy as sa
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog

from desktop_app import station as station_file
from desktop_app.db import DatabaseUnavailableError
from desktop_app.models import DocumentAction, PrintedDocument, PrintedDocumentBlob, Role, utcnow
from desktop_app.services import documents, templates, treatments
from desktop_app.services.context import unit_of_work
from desktop_app.services.staff import NewStaff, create_staff
from desktop_app.station import StationSettings
from desktop_app.ui import document_preview, printing, signature_pad
from desktop_app.ui.document_preview import DocumentPreview, DocumentRequest
from desktop_app.ui.tasks import SyncRunner, TaskRunner
from tests.support.document_clinic import lot

STROKES = (((0.1, 0.5), (0.5, 0.2), (0.9, 0.6)),)


def open_preview(qtbot, database, actor, station=None, request=None, stored=None):
    dialog = DocumentPreview(
        SyncRunner(), database, actor, station or StationSettings(), request, stored=stored
    )
    qtbot.addWidget(dialog)
    kept: list = []
    dialog.kept.connect(kept.append)
    return dialog, kept


def consent(qtbot, database, nurse, patient, filler, station=None, language="zh_CN"):
    request = DocumentRequest("filler", patient.id, treatment_id=filler, language=language)
    return open_preview(qtbot, database, nurse, station, request)


def kept_rows(database) -> list[tuple[PrintedDocument, bytes]]:
    with unit_of_work(database, write=False) as session:
        rows = session.execute(
            sa.select(PrintedDocument, PrintedDocumentBlob.data).join(
                PrintedDocumentBlob, PrintedDocumentBlob.document_id == PrintedDocument.id
            )
        ).all()
        return [(document, data) for document, data in rows]


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", "", out.stdout.decode("utf-8"))


def page_count(data: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(data)).pages)


def save_to(monkeypatch, path, offered: list | None = None):
    def fake(parent, caption, default, filters):
        if offered is not None:
            offered.append(default)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))


def pdf_printer(monkeypatch, out, name="Desk printer", asked: list | None = None):
    """Replace the system print dialog: the user picks printer ``name``, which here
    writes a PDF to ``out`` so the printed pages can be read back."""

    def fake(parent, printer: QPrinter, preferred):
        if asked is not None:
            asked.append(preferred)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.printerName = lambda: name  # no CUPS server here to own a real queue
        return True

    monkeypatch.setattr(printing, "choose_printer", fake)


def test_the_preview_shows_every_page_and_keeps_nothing(qtbot, database, nurse, patient, filler):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    assert dialog.pdf is not None and dialog.prepared is not None
    pages = dialog.pages.pdf.pageCount()
    assert pages >= 2 and pages == page_count(dialog.pdf)
    assert dialog.pages.pageMode() is QPdfView.PageMode.MultiPage
    assert dialog.pages.zoomMode() is QPdfView.ZoomMode.FitToWidth
    title = templates.get_template(database, nurse, "filler", "zh_CN").title
    heading = dialog.heading.text()
    assert title in heading and "version 1" in heading
    assert patient.name in heading and patient.record_no in heading
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.sign_button.isEnabled() and not dialog.sign_button.isHidden()
    assert kept == [] and kept_rows(database) == []


def test_zoom_keys_leave_fit_to_width_and_ctrl_0_returns(qtbot, database, nurse, patient, filler):
    dialog, _ = consent(qtbot, database, nurse, patient, filler)
    dialog.pages.zoom_in()
    assert dialog.pages.zoomMode() is QPdfView.ZoomMode.Custom
    bigger = dialog.pages.zoomFactor()
    dialog.pages.zoom_out()
    assert dialog.pages.zoomFactor() < bigger
    dialog.pages.fit_width()
    assert dialog.pages.zoomMode() is QPdfView.ZoomMode.FitToWidth


def test_switching_to_english_prepares_it_again(qtbot, database, nurse, patient, filler, tmp_path):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.prepared.language == "en"
    english = templates.get_template(database, nurse, "filler", "en").title
    assert english in dialog.heading.text()
    path = tmp_path / "en.pdf"
    path.write_bytes(dialog.pdf)
    assert re.sub(r"\s+", "", english) in pdf_text(path)
    assert kept == [] and kept_rows(database) == []


def test_save_as_pdf_writes_the_kept_bytes(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    offered: list[str] = []
    save_to(monkeypatch, tmp_path / "consent", offered)  # no suffix: .pdf is added
    dialog.save_pdf()
    target = tmp_path / "consent.pdf"
    [(row, blob)] = kept_rows(database)
    assert row.action is DocumentAction.SAVE and row.treatment_id == filler
    assert target.read_bytes() == blob == dialog.pdf
    assert [k.document_id for k in kept] == [row.id]
    text = pdf_text(target)
    assert patient.name in text and patient.record_no in text
    assert patient.record_no in offered[0] and offered[0].endswith(f"{dt.date.today()}.pdf")
    assert str(target) in dialog.status.text()
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".part")) == [
        "consent.pdf"
    ]


def test_saving_into_a_missing_folder_says_so_and_records_nothing(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    target = tmp_path / "gone" / "consent.pdf"
    save_to(monkeypatch, target)
    dialog.save_pdf()
    assert str(target) in dialog.status.text() and "Nothing was saved" in dialog.status.text()
    assert not target.parent.exists() and kept == [] and kept_rows(database) == []
    assert dialog.save_button.isEnabled()


def test_a_full_disk_leaves_no_partial_file_and_says_the_copy_was_recorded(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    folder = tmp_path / "out"
    folder.mkdir()
    save_to(monkeypatch, folder / "consent.pdf")

    def disk_full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(printing.os, "replace", disk_full)
    dialog.save_pdf()
    status = dialog.status.text()
    assert "consent.pdf" in status and "No space left on device" in status
    assert "recorded" in status
    assert list(folder.iterdir()) == []  # neither the PDF nor the temporary file
    [(row, _blob)] = kept_rows(database)
    assert row.action is DocumentAction.SAVE and len(kept) == 1


def test_print_paints_every_page_records_and_remembers_the_printer(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: []))
    station = StationSettings()
    dialog, kept = consent(qtbot, database, nurse, patient, filler, station)
    asked: list = []
    out = tmp_path / "printed.pdf"
    pdf_printer(monkeypatch, out, asked=asked)
    dialog.print_document()
    assert page_count(out.read_bytes()) == dialog.pages.pdf.pageCount() >= 2
    first = pypdf.PdfReader(out).pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (595, 842)  # A4, 1:1
    [(row, blob)] = kept_rows(database)
    assert row.action is DocumentAction.PRINT and blob == dialog.pdf
    assert [k.sha256 for k in kept] == [row.sha256]
    assert "Desk printer" in dialog.status.text()
    assert station.printers == {"consent": "Desk printer"}
    assert station_file.load().printers == {"consent": "Desk printer"}  # saved to disk
    assert asked == [None]

    # Next time the same kind preselects it, while this PC still has that printer.
    monkeypatch.setattr(
        QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Desk printer"])
    )
    again, _ = consent(qtbot, database, nurse, patient, filler, station)
    again.print_document()
    assert asked == [None, "Desk printer"]
    assert printing.last_printer(station, "aftercare") is None
    monkeypatch.setattr(QPrinterInfo, "availablePrinterNames", staticmethod(lambda: ["Other"]))
    assert printing.last_printer(station, "consent") is None  # gone: the system default


def test_a_printer_that_cannot_start_says_so_and_the_copy_stays_recorded(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    station = StationSettings()
    dialog, kept = consent(qtbot, database, nurse, patient, filler, station)
    pdf_printer(monkeypatch, tmp_path / "no such folder" / "printed.pdf")
    dialog.print_document()
    status = dialog.status.text()
    assert "could not start" in status and "recorded as printed" in status
    assert "print again" in status
    [(row, _blob)] = kept_rows(database)
    assert row.action is DocumentAction.PRINT and len(kept) == 1
    assert station.printers == {}  # not remembered: it did not print
    assert dialog.print_button.isEnabled()


def test_when_the_copy_cannot_be_kept_nothing_is_printed(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    out = tmp_path / "printed.pdf"
    pdf_printer(monkeypatch, out)

    def unreachable(*args, **kwargs):
        raise DatabaseUnavailableError("Cannot reach the clinic database at 10.0.0.5.")

    monkeypatch.setattr(documents, "keep_document", unreachable)
    dialog.print_document()
    status = dialog.status.text()
    assert "The database cannot be reached." in status and "Nothing was printed." in status
    assert not out.exists() and kept == [] and kept_rows(database) == []
    assert dialog.print_button.isEnabled()  # try again once the network is back


@pytest.mark.parametrize("database", ["postgresql"], indirect=True)  # cuts a server's links
def test_a_server_gone_mid_preview_prints_nothing(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    from tests.test_outages import server_unreachable

    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    out = tmp_path / "printed.pdf"
    pdf_printer(monkeypatch, out)
    with server_unreachable(database):
        dialog.print_document()
    assert "The database cannot be reached." in dialog.status.text()
    assert not out.exists() and kept == [] and kept_rows(database) == []


def test_signing_on_screen_keeps_the_signed_copy_at_once(
    qtbot, monkeypatch, database, nurse, patient, filler
):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    asked: list = []

    def pad(parent, role, name):
        asked.append((role, name))
        return STROKES

    monkeypatch.setattr(signature_pad, "ask_signature", pad)
    unsigned = dialog.pdf
    dialog.sign()
    assert asked == list(dialog.prepared.signers) and asked[0] == ("patient", patient.name)
    [(row, blob)] = kept_rows(database)
    assert row.action is DocumentAction.SIGN and blob == dialog.pdf != unsigned
    strokes = json.loads(row.signature_strokes)
    assert set(strokes) == {role for role, _name in asked}
    assert strokes["patient"] == [[list(point) for point in line] for line in STROKES]
    assert [k.document_id for k in kept] == [row.id]
    assert f"Signed copy kept (SHA-256 {row.sha256[:12]}" in dialog.status.text()
    assert not dialog.sign_button.isEnabled()  # already signed
    assert dialog.print_button.isEnabled()


def test_cancelling_the_pad_keeps_nothing(qtbot, monkeypatch, database, nurse, patient, filler):
    dialog, kept = consent(qtbot, database, nurse, patient, filler)
    answers = iter([STROKES, None])  # the patient signs, the doctor cancels
    monkeypatch.setattr(signature_pad, "ask_signature", lambda *args: next(answers))
    before = dialog.pdf
    dialog.sign()
    assert "cancelled" in dialog.status.text()
    assert kept == [] and kept_rows(database) == [] and dialog.pdf == before
    assert dialog.sign_button.isEnabled()


def test_a_stored_copy_shows_its_own_bytes_and_cannot_be_signed_again(
    qtbot, monkeypatch, database, nurse, patient, filler, tmp_path
):
    original = documents.render_document(database, nurse, "filler", patient.id)
    dialog, kept = open_preview(qtbot, database, nurse, stored=original.document_id)
    assert dialog.pdf == original.pdf and dialog.stored.sha256 == original.sha256
    assert dialog.kind == "consent" and "stored copy" in dialog.heading.text()
    assert dialog.sign_button.isHidden() and dialog.language.isHidden()
    save_to(monkeypatch, tmp_path / "again.pdf")
    dialog.save_pdf()
    assert (tmp_path / "again.pdf").read_bytes() == original.pdf
    out = tmp_path / "printed.pdf"
    pdf_printer(monkeypatch, out)
    dialog.print_document()
    assert page_count(out.read_bytes()) == page_count(original.pdf)
    assert kept == [] and len(kept_rows(database)) == 1  # reprint() audits; no new copies


def test_a_draft_consent_shows_the_drafts_lot(qtbot, database, nurse, patient, tmp_path):
    draft = treatments.TreatmentDraft(
        "玻尿酸填充", utcnow(), areas=("lips",), products=(lot("DRAFT42X"),)
    )
    request = DocumentRequest("filler", patient.id, draft=draft)
    dialog, _ = open_preview(qtbot, database, nurse, request=request)
    path = tmp_path / "draft.pdf"
    path.write_bytes(dialog.pdf)
    assert "DRAFT42X" in pdf_text(path) and kept_rows(database) == []


def test_a_consent_without_a_treatment_is_explained_not_shown(qtbot, database, nurse, patient):
    dialog, _ = open_preview(qtbot, database, nurse, request=DocumentRequest("toxin", patient.id))
    status = dialog.status.text()
    assert "record the treatment first" in status and patient.record_no in status
    assert dialog.pdf is None
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()
    assert not dialog.sign_button.isEnabled()


def test_reception_may_not_print_a_consent(qtbot, database, manager, patient, filler):
    desk = create_staff(
        database, manager, NewStaff("desk", "前台", Role.RECEPTIONIST, "correct horse battery")
    )
    request = DocumentRequest("filler", patient.id, treatment_id=filler)
    dialog, _ = open_preview(qtbot, database, desk, request=request)
    assert "Your role does not allow this." in dialog.status.text()
    assert dialog.pdf is None and not dialog.print_button.isEnabled()


def test_an_unknown_stored_document_is_explained(qtbot, database, nurse):
    dialog, _ = open_preview(qtbot, database, nurse, stored=uuid.uuid4())
    assert "Not found" in dialog.status.text() and dialog.pdf is None
    assert not dialog.save_button.isEnabled()


def test_one_of_request_or_stored(database, nurse, patient):
    with pytest.raises(ValueError):
        DocumentPreview(SyncRunner(), database, nurse, StationSettings())
    assert document_preview.DocumentRequest("k", patient.id).language == "zh_CN"


def test_preparing_runs_off_the_ui_thread(qtbot, database, nurse, patient, filler):
    runner = TaskRunner()
    request = DocumentRequest("filler", patient.id, treatment_id=filler)
    dialog = DocumentPreview(runner, database, nurse, StationSettings(), request)
    qtbot.addWidget(dialog)
    try:
        if dialog.pdf is None:  # the worker may already be done, but not delivered yet
            assert dialog.status.text() == "Preparing the document…"
            assert not dialog.print_button.isEnabled() and not dialog.language.isEnabled()
        qtbot.waitUntil(lambda: dialog.pdf is not None)
        assert dialog.print_button.isEnabled() and dialog.pages.pdf.pageCount() >= 2
    finally:
        runner.wait()
