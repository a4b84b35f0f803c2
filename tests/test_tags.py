"""Patient tags at intake: the clinic's grouped tags and free ones (issue 4)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from desktop_app.models import Patient, Tag, TagKind
from desktop_app.services import tags
from desktop_app.services.context import unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.intake import PatientDraft
from desktop_app.services.patients import register_patient


def test_the_clinic_starts_with_three_kinds_of_tag_group(database, manager):
    groups = tags.tag_groups(database, manager)
    assert [g.kind for g in groups] == [TagKind.BASIC, TagKind.PERSONAL, TagKind.PREFERENCE]
    assert "怕疼" in groups[1].tags


def test_registration_tags_the_patient_with_group_and_free_tags(database, manager):
    record = register_patient(
        database,
        manager,
        PatientDraft("张三", tags=("怕疼", " 喜欢 抹茶 ", "怕疼", "")),
    )
    assert sorted(tags.patient_tags(database, manager, record.id)) == ["喜欢 抹茶", "怕疼"]
    with unit_of_work(database, write=False) as session:
        free = session.scalar(sa.select(Tag).where(Tag.name == "喜欢 抹茶"))
        assert free is not None and free.group_id is None
    # A second patient with the same free tag reuses it.
    other = register_patient(database, manager, PatientDraft("李四", tags=("喜欢 抹茶",)))
    assert tags.patient_tags(database, manager, other.id) == ["喜欢 抹茶"]
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).where(Tag.name == "喜欢 抹茶")) == 1


def test_a_too_long_tag_is_a_field_error_and_nothing_is_saved(database, manager):
    with pytest.raises(ValidationError) as error:
        register_patient(database, manager, PatientDraft("王五", tags=("长" * 41,)))
    assert error.value.field == "tags"
    with unit_of_work(database, write=False) as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Patient)) == 0
