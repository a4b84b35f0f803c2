"""Indexes for the staff report: a period's calls and ratings read from the index alone.

``ix_reminders_status_due`` gains the assignee and the closing time and
``ix_reminders_assignee`` the closing time (the other queries using them read their
first columns, as before); ``ix_follow_ups_called`` is new.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_reminders_assignee", table_name="reminders")
    op.create_index(
        "ix_reminders_assignee", "reminders", ["assignee_id", "status", "due_on", "closed_at"]
    )
    op.drop_index("ix_reminders_status_due", table_name="reminders")
    op.create_index(
        "ix_reminders_status_due", "reminders", ["status", "due_on", "assignee_id", "closed_at"]
    )
    op.create_index(
        "ix_follow_ups_called", "follow_ups", ["called_at", "author_id", "satisfaction"]
    )


def downgrade() -> None:
    op.drop_index("ix_reminders_assignee", table_name="reminders")
    op.create_index("ix_reminders_assignee", "reminders", ["assignee_id", "status", "due_on"])
    op.drop_index("ix_follow_ups_called", table_name="follow_ups")
    op.drop_index("ix_reminders_status_due", table_name="reminders")
    op.create_index("ix_reminders_status_due", "reminders", ["status", "due_on"])
