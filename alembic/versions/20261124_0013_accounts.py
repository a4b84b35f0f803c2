"""Accounts: more than one role per person, and failed sign-ins that lock an account.

``staff_roles`` holds every role a person has; ``staff.role`` stays their main one, and
the upgrade copies it into ``staff_roles`` so everyone keeps exactly what they had.
``staff.failed_sign_ins`` counts wrong passwords in a row and ``staff.locked_until``
says until when the account is locked. The downgrade drops all three: an older Clinic
Desk knows only the main role.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

ROLES = ("receptionist", "consultant", "doctor", "nurse", "manager")


def upgrade() -> None:
    op.create_table(
        "staff_roles",
        sa.Column("staff_id", sa.Uuid(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                *ROLES,
                name="staff_roles_role",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff.id"], name=op.f("fk_staff_roles_staff_id_staff")
        ),
        sa.PrimaryKeyConstraint("staff_id", "role", name=op.f("pk_staff_roles")),
    )
    op.execute("INSERT INTO staff_roles (staff_id, role) SELECT id, role FROM staff")
    with op.batch_alter_table("staff") as batch:
        batch.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("staff") as batch:
        batch.drop_column("locked_until")
        batch.drop_column("failed_sign_ins")
    op.drop_table("staff_roles")
