"""Writing the audit log, always inside the transaction of the change it describes."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from desktop_app.models import AuditEvent
from desktop_app.services.context import Actor, this_workstation


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity_type: str,
    entity_id: object = None,
    **summary: Any,
) -> AuditEvent:
    event = AuditEvent(
        staff_id=actor.staff_id if actor else None,
        workstation=actor.workstation if actor else this_workstation(),
        action=action,
        entity_type=entity_type,
        entity_id=None if entity_id is None else str(entity_id),
        summary=json.dumps(summary, ensure_ascii=False, default=str, sort_keys=True),
    )
    session.add(event)
    return event
