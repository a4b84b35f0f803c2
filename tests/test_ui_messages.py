"""Validation sentences in the user's language, whatever parameters a service gave."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import reminder_making, segments
from desktop_app.services.errors import ValidationError
from desktop_app.ui.messages import validation_text


def test_a_too_long_field_names_its_limit():
    assert validation_text("too_long", {"max": 60}, "At most 60 characters.") == (
        "At most 60 characters."
    )


def test_a_sentence_missing_its_parameter_falls_back_to_the_services_own():
    assert validation_text("too_long", {}, "At most 7 characters.") == "At most 7 characters."


def test_a_long_reminder_reason_gives_its_limit():
    with pytest.raises(ValidationError) as raised:
        reminder_making.checked_manual("x" * 201, dt.date.today())
    assert raised.value.code == "too_long" and raised.value.params == {"max": 200}


def test_a_long_segment_name_gives_its_limit(database, manager):
    name = "x" * (segments.MAX_NAME + 1)
    with pytest.raises(ValidationError) as raised:
        segments.save_segment(database, manager, name, segments.Conditions(sex="F"))
    assert raised.value.params == {"max": segments.MAX_NAME}
    assert validation_text(raised.value.code, raised.value.params, "") == "At most 60 characters."
