"""The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE.

(Filled in by the audit work of issue 10.)

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
