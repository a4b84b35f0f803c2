"""The audit log is append-only in the database itself: triggers refuse UPDATE and DELETE.

No service changes or removes an audit row; the triggers make that true for anyone else
who reaches the tables (a script, a SQL console, a bug), so "who saw and changed what"
(PIPL) cannot be rewritten afterwards. PostgreSQL: one trigger function raising an error,
called BEFORE UPDATE OR DELETE for each row and BEFORE TRUNCATE for the statement. SQLite:
BEFORE UPDATE and BEFORE DELETE triggers that RAISE(ABORT) (SQLite has no TRUNCATE; its
"DELETE FROM t" optimisation is skipped when the table has triggers). Dropping the whole
table (the baseline's downgrade, a restore) stays possible: that is the owner's act.

A later migration that copies ``audit_events`` on SQLite (batch mode) drops its triggers
with the old table: it must create them again (``create_triggers()``).

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-24
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

MESSAGE = "audit_events is append-only: audit rows cannot be changed or deleted"

_PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'insufficient_privilege';
END
$$
"""


def create_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events "
            "FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()"
        )
        op.execute(
            "CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events "
            "FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()"
        )
        return
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_events_no_{event.lower()} BEFORE {event} ON audit_events "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def upgrade() -> None:
    create_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events")
        op.execute("DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events")
        op.execute("DROP FUNCTION IF EXISTS audit_events_append_only()")
        return
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_delete")
    op.execute("DROP TRIGGER IF EXISTS audit_events_no_update")
