"""Settings › The clinic: a manager edits the letterhead and the gate; errors at the field."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop_app.models import Role
from desktop_app.services import clinic_settings
from desktop_app.station import StationSettings
from desktop_app.ui.settings_page import SettingsPage
from desktop_app.ui.tasks import SyncRunner
from tests.support.keyboard import type_text
from tests.support.photo_clinic import make_clinic


@pytest.fixture
def clinic(sqlite_database):
    return make_clinic(sqlite_database)


def box_for(qtbot, clinic, who="manager"):
    page = SettingsPage(StationSettings(), SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people[who])
    page.show()
    return page.clinic


def logo_file(tmp_path, fmt="PNG"):
    colour = (30, 90, 160, 255) if fmt == "PNG" else (160, 40, 40)
    image = Image.new("RGBA" if fmt == "PNG" else "RGB", (360, 120), colour)
    path = tmp_path / f"logo.{fmt.lower()}"
    image.save(path, fmt)
    return path


def test_a_manager_saves_address_phone_and_the_gate(qtbot, clinic):
    box = box_for(qtbot, clinic)
    assert box.isVisible() and box.inputs[clinic_settings.CLINIC_NAME].text() == "诊所"
    assert box.warn.isChecked()
    address = box.inputs[clinic_settings.CLINIC_ADDRESS]
    address.setFocus()
    type_text(qtbot, address, "上海市静安路1号")
    box.inputs[clinic_settings.CLINIC_PHONE].setText(" 021-5555 0000 ")
    box.block.setChecked(True)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    get = clinic_settings.get
    assert get(clinic.database, clinic_settings.CLINIC_ADDRESS) == "上海市静安路1号"
    assert get(clinic.database, clinic_settings.CLINIC_PHONE) == "021-5555 0000"
    assert get(clinic.database, clinic_settings.TREATMENT_GATE) == "block"
    assert box.status.text().startswith("Saved.")
    again = box_for(qtbot, clinic)  # another station shows what was saved
    assert again.block.isChecked()
    assert again.inputs[clinic_settings.CLINIC_PHONE].text() == "021-5555 0000"


def test_a_blank_name_is_refused_at_its_field_and_nothing_saved(qtbot, clinic):
    box = box_for(qtbot, clinic)
    box.inputs[clinic_settings.CLINIC_NAME].clear()
    box.inputs[clinic_settings.CLINIC_ADDRESS].setText("新地址")
    qtbot.keyClick(box.inputs[clinic_settings.CLINIC_ADDRESS], Qt.Key.Key_Return)
    error = box.form.errors[clinic_settings.CLINIC_NAME]
    assert error.isVisible() and error.text() == "This field is required."
    assert clinic_settings.get(clinic.database, clinic_settings.CLINIC_ADDRESS) == ""
    assert clinic_settings.get(clinic.database, clinic_settings.CLINIC_NAME) == "诊所"


def test_a_manager_chooses_and_removes_a_logo(qtbot, clinic, tmp_path, monkeypatch):
    box = box_for(qtbot, clinic)
    assert box.preview.pixmap().isNull() and not box.remove_button.isEnabled()
    path = logo_file(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    qtbot.mouseClick(box.choose_button, Qt.MouseButton.LeftButton)
    stored = clinic_settings.logo_png(clinic.database)
    assert stored is not None and Image.open(io.BytesIO(stored)).size == (360, 120)
    assert not box.preview.pixmap().isNull() and box.remove_button.isEnabled()
    assert box.status.text() == "Logo saved."
    box.use_logo_file(str(logo_file(tmp_path, "JPEG")))
    assert clinic_settings.logo_png(clinic.database) != stored
    qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert clinic_settings.logo_png(clinic.database) is None
    assert box.preview.pixmap().isNull() and box.preview.text() == "No logo"


def test_a_bad_logo_file_is_an_error_at_the_logo_and_the_old_one_stays(qtbot, clinic, tmp_path):
    box = box_for(qtbot, clinic)
    box.use_logo_file(str(logo_file(tmp_path)))
    kept = clinic_settings.logo_png(clinic.database)
    text = tmp_path / "notes.png"
    text.write_text("not a picture")
    box.use_logo_file(str(text))
    error = box.form.errors["logo"]
    assert error.isVisible() and "not a PNG or JPEG picture" in error.text()
    gif = tmp_path / "logo.gif"
    Image.new("RGB", (10, 10)).save(gif, "GIF")
    box.use_logo_file(str(gif))
    assert error.text() == "Choose a PNG or JPEG picture."
    box.use_logo_file(str(tmp_path / "gone.png"))
    assert error.text().startswith("This file could not be read:")
    huge = tmp_path / "huge.png"
    huge.write_bytes(bytes(clinic_settings.MAX_LOGO_BYTES + 1))
    box.use_logo_file(str(huge))
    assert "under 5 MB" in error.text()
    assert clinic_settings.logo_png(clinic.database) == kept
    assert box.choose_button.isEnabled() and not box.preview.pixmap().isNull()


def test_other_roles_do_not_see_the_box(qtbot, clinic):
    for role in (Role.NURSE, Role.DOCTOR, Role.RECEPTIONIST):
        assert not box_for(qtbot, clinic, role).isVisible()


def test_the_catalogue_ticks_before_photos_per_item(qtbot, clinic):
    from desktop_app.services import catalogue

    page = SettingsPage(StationSettings(), SyncRunner())
    qtbot.addWidget(page)
    page.bind(clinic.database, clinic.people["manager"])
    box = page.catalogue
    row = [i.name for i in box.model.rows].index("玻尿酸填充")
    box.table.setCurrentIndex(box.model.index(row, 0))
    assert box.photos_required.isChecked()
    box.photos_required.setChecked(False)
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    saved = {i.name: i for i in catalogue.items(clinic.database, clinic.people["manager"])}
    assert saved["玻尿酸填充"].before_photos_required is False
    assert saved["肉毒素"].before_photos_required is True
    column = box.model.columnCount() - 2
    assert box.model.headerData(column, Qt.Orientation.Horizontal) == "Before photos"
    assert box.model.index(row, column).data() == ""
