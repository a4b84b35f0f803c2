"""Writing the audit log, always inside the transaction of the change it describes.

Openings of a record or a photo change nothing, and are read outside any transaction
(``context.reading``): ``record_opening`` writes their row as one INSERT on that same
connection, committed by itself (autocommit), so an opening costs one statement more and
never holds a write transaction open while it reads. Rows are never updated or deleted
(the database refuses it: migration 0014).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
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
    event = AuditEvent(**_columns(actor, action, entity_type, entity_id, summary))
    session.add(event)
    return event


def event_base(actor: Actor | None, action: str, entity_type: str) -> dict[str, object]:
    """The columns many events of one bulk write share (the importer's multi-row INSERT
    adds id, occurred_at, entity_id and a summary written as ``record`` writes it)."""
    return _columns(actor, action, entity_type, None, {})


def _columns(
    actor: Actor | None, action: str, entity_type: str, entity_id: object, summary: dict
) -> dict[str, object]:
    return {
        "staff_id": actor.staff_id if actor else None,
        "workstation": actor.workstation if actor else this_workstation(),
        "action": action,
        "entity_type": entity_type,
        "entity_id": None if entity_id is None else str(entity_id),
        "summary": json.dumps(summary, ensure_ascii=False, default=str, sort_keys=True),
    }


def record_opening(
    connection: Connection,
    actor: Actor | None,
    entity_type: str,
    entity_id: object,
    **summary: Any,
) -> None:
    """A "view" row for someone opening a record or a photo, on a ``reading()`` connection:
    one INSERT, committed at once (both backends' readers run in autocommit)."""
    connection.execute(
        sa.insert(AuditEvent),
        {
            "staff_id": actor.staff_id if actor else None,
            "workstation": actor.workstation if actor else this_workstation(),
            "action": "view",
            "entity_type": entity_type,
            "entity_id": None if entity_id is None else str(entity_id),
            "summary": json.dumps(summary, ensure_ascii=False, default=str, sort_keys=True),
        },
    )
