"""A hand-built clinic's purchases valued as record_treatment values them."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy.orm import Session

from desktop_app.models import TreatmentItem
from desktop_app.services.treatments import session_value


def price_of(session: Session, item_id: uuid.UUID) -> Decimal:
    """The value of a treatment of the item bought outside a course: its catalogue price."""
    item = session.get(TreatmentItem, item_id)
    assert item is not None
    return session_value(item.default_price)
