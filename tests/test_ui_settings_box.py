"""Settings boxes share SettingsBox: who sees a box follows its permission, binding calls the
box's own refresh, and a language change retranslates it."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from desktop_app.models import Role
from desktop_app.services.context import Actor
from desktop_app.services.permissions import Permission, allowed
from desktop_app.station import StationSettings
from desktop_app.ui.settings_box import SettingsBox
from desktop_app.ui.settings_page import SettingsPage


class IdleRunner:
    """Nothing is loaded: the boxes are bound without a database."""

    def run(self, *_args: object, **_kwargs: object) -> None:
        raise AssertionError("nothing should run without a database")


def actor_for(role: Role) -> Actor:
    return Actor(uuid.uuid4(), role.value, role.value, role)


@pytest.mark.parametrize("role", [None, *Role])
def test_a_box_is_shown_to_whom_its_permission_allows(qtbot, role):
    page = SettingsPage(StationSettings(), IdleRunner())
    qtbot.addWidget(page)
    actor = None if role is None else actor_for(role)
    page.bind(None, actor)
    for box in page.boxes:
        assert isinstance(box, SettingsBox)
        permission = type(box).permission
        seen = actor is not None and (permission is None or allowed(actor, permission))
        assert box.isHidden() is not seen, box.objectName()
    # Everyone signed in sees the lock, queue limits and key; only managers change them.
    manager = actor is not None and allowed(actor, Permission.EDIT_CLINIC_SETTINGS)
    assert page.lock_settings.save.isHidden() is not manager
    assert page.queue_limits.save.isHidden() is not manager
    assert page.security.export_button.isHidden() is not manager


class CountingBox(SettingsBox):
    permission = Permission.BACKUP

    def __init__(self) -> None:
        self.retranslated = 0
        self.seen: list[Actor | None] = []
        super().__init__()

    def retranslate(self) -> None:
        self.retranslated += 1

    def bound(self) -> None:
        self.seen.append(self.actor)


def test_bind_stores_then_refreshes_and_a_language_change_retranslates(qtbot):
    box = CountingBox()
    qtbot.addWidget(box)
    manager, nurse = actor_for(Role.MANAGER), actor_for(Role.NURSE)
    box.bind(None, manager)
    box.bind(None, nurse)
    assert box.seen == [manager, nurse]
    assert box.isHidden() is not allowed(nurse, Permission.BACKUP)
    QCoreApplication.sendEvent(box, QEvent(QEvent.Type.LanguageChange))
    assert box.retranslated == 1
