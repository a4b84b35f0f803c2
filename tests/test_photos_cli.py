"""clinic-desk photos import: files into a record from the command line, on both backends."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from PIL import Image

from desktop_app import cli_files as cli
from desktop_app.models import ConsentKind, PhotoAngle, PhotoStage, Role
from desktop_app.services import photos
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff
from tests.support.file_keyring import shared_with_child
from tests.test_cli import clinic_desk as run_cli


def clinic_desk(*args: str) -> object:
    """The command in a child process holding this clinic's data key, as the station would."""
    folder = Path(os.environ["CLINIC_DESK_DATA_DIR"]).parent  # the test's own tmp_path
    return run_cli(*args, env=shared_with_child(folder / "keyring.json"))


def test_the_command_line_knows_every_stage_and_angle():
    assert tuple(s.value for s in PhotoStage) == cli.PHOTO_STAGES
    assert tuple(a.value for a in PhotoAngle) == cli.PHOTO_ANGLES


@pytest.fixture
def staff(database, manager):
    for username, role in (("nurse", Role.NURSE), ("front", Role.RECEPTIONIST)):
        create_staff(database, manager, NewStaff(username, "李护士", role, "correct horse battery"))


def test_photos_import_reports_each_file_and_refuses_bad_ones(database, manager, staff, tmp_path):
    consented = register_patient(
        database,
        manager,
        PatientDraft("张三", mobile="13800131234", consents={ConsentKind.PHOTOS_RECORD: True}),
    )
    good = tmp_path / "IMG_0001.JPG"
    Image.new("RGB", (60, 40), (200, 30, 30)).save(good, "JPEG")
    (tmp_path / "empty.jpg").write_bytes(b"")
    url = database.url.render_as_string(hide_password=False)
    base = ("--database-url", url, "photos", "import", "--patient", consented.record_no)

    result = clinic_desk(
        *base,
        "--by",
        "nurse",
        "--stage",
        "follow_up",
        "--follow-up-day",
        "7",
        "--angle",
        "left_45",
        "--area",
        "lips",
        str(good),
        str(tmp_path / "empty.jpg"),
        str(good),
        "--json",
    )
    assert result.returncode == 1, result.stderr  # one file was refused
    summary = json.loads(result.stdout)
    [imported] = summary["imported"]
    assert summary["duplicates"] == [{"file": str(good), "existing_id": imported["id"]}]
    assert [r["code"] for r in summary["refused"]] == ["empty"]
    assert "empty.jpg is empty" in result.stderr and "Traceback" not in result.stderr
    [photo] = photos.gallery(database, manager, consented.id)
    assert (photo.stage, photo.follow_up_day, photo.angle, photo.area) == (
        PhotoStage.FOLLOW_UP,
        7,
        PhotoAngle.LEFT_45,
        "lips",
    )
    assert str(photo.id) == imported["id"] and photo.source_name == "IMG_0001.JPG"

    again = clinic_desk(*base, "--by", "nurse", str(good))  # text: one line per file
    assert again.returncode == 0 and again.stdout == f"duplicate\t{good}\t{photo.id}\n"

    refused = clinic_desk(*base, "--by", "front", str(good))
    assert refused.returncode == 1 and "receptionist may not add photos" in refused.stderr
    unknown = clinic_desk(*base, "--by", "nobody", str(good))
    assert unknown.returncode == 1 and "'nobody'" in unknown.stderr
    no_patient = clinic_desk(*base[:-1], "999999", "--by", "nurse", str(good))
    assert no_patient.returncode == 1 and "record number '999999'" in no_patient.stderr


def test_photos_import_without_consent_needs_it_confirmed(database, manager, staff, tmp_path):
    patient = register_patient(database, manager, PatientDraft("王五", mobile="13700137000"))
    out = io.BytesIO()
    Image.new("RGB", (60, 40), (30, 30, 200)).save(out, "JPEG")
    path = tmp_path / "a.jpg"
    path.write_bytes(out.getvalue())
    url = database.url.render_as_string(hide_password=False)
    base = ("--database-url", url, "photos", "import", "--patient", patient.record_no)

    asked = clinic_desk(*base, "--by", "nurse", str(path))
    assert asked.returncode == 1 and "--consent-confirmed" in asked.stderr
    assert photos.gallery(database, manager, patient.id) == []
    confirmed = clinic_desk(*base, "--by", "nurse", "--consent-confirmed", str(path))
    assert confirmed.returncode == 0, confirmed.stderr
    assert confirmed.stdout.startswith(f"imported\t{path}\t")
