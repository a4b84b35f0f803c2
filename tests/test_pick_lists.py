"""The clinic edits its own lists: source channels and tags by group (issue 4)."""

from __future__ import annotations

import pytest

from desktop_app.models import Role
from desktop_app.services import lookups, tags
from desktop_app.services.errors import PermissionDeniedError, ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient
from desktop_app.services.staff import NewStaff, create_staff

SEEDED = ["抖音", "小红书", "大众点评", "美团", "朋友推荐", "老客转介绍", "自然到店", "其他"]


def test_channels_start_seeded_and_the_clinic_adds_and_retires(database, manager):
    assert lookups.source_channels(database, manager) == SEEDED
    assert lookups.add_channel(database, manager, "  视频号 ") == "视频号"
    assert lookups.source_channels(database, manager)[-1] == "视频号"
    with pytest.raises(ValidationError) as error:
        lookups.add_channel(database, manager, "视频号")
    assert (error.value.field, error.value.code) == ("channel", "exists")

    lookups.set_channel_active(database, manager, "美团", False)
    assert "美团" not in lookups.source_channels(database, manager)
    assert lookups.ListEntry("美团", False) in lookups.channel_entries(database, manager)
    with pytest.raises(ValidationError):  # a retired channel is not offered at intake
        register_patient(database, manager, PatientDraft("张三", source_channel="美团"))
    lookups.add_channel(database, manager, "美团")  # and can come back
    assert "美团" in lookups.source_channels(database, manager)


def test_tags_are_added_to_groups_and_retired(database, manager):
    register_patient(database, manager, PatientDraft("李四", tags=("爱喝奶茶",)))
    assert (
        tags.add_group_tag(database, manager, "服务偏好", "爱喝奶茶") == "爱喝奶茶"
    )  # free → group
    assert "爱喝奶茶" in tags.tag_groups(database, manager)[2].tags
    with pytest.raises(ValidationError):
        tags.add_group_tag(database, manager, "个性特点", "爱喝奶茶")  # one group per tag
    tags.set_tag_active(database, manager, "怕疼", False)
    assert "怕疼" not in tags.tag_groups(database, manager)[1].tags
    assert lookups.ListEntry("怕疼", False) in tags.group_entries(database, manager, "个性特点")


def test_only_managers_edit_the_lists(database, manager):
    front = create_staff(
        database, manager, NewStaff("front", "前台小王", Role.RECEPTIONIST, "correct horse battery")
    )
    with pytest.raises(PermissionDeniedError):
        lookups.add_channel(database, front, "视频号")
    with pytest.raises(PermissionDeniedError):
        tags.set_tag_active(database, front, "怕疼", False)
