"""Accounts: more than one role per person, and failed sign-ins that lock an account.

(Filled in by the accounts work of issue 10.)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-24
"""

from __future__ import annotations

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
