"""Document templates (versioned), printed documents and their PDF bytes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _enum(name: str, length: int, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=length)


def upgrade() -> None:
    op.create_table(
        "document_templates",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column(
            "kind", _enum("template_kind", 10, "consent", "aftercare", "general"), nullable=False
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_templates")),
        sa.UniqueConstraint("key", "language", name=op.f("uq_document_templates_key")),
    )
    op.create_table(
        "template_versions",
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.CheckConstraint("number >= 1", name=op.f("ck_template_versions_number")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_template_versions_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["document_templates.id"],
            name=op.f("fk_template_versions_template_id_document_templates"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_template_versions")),
        sa.UniqueConstraint("template_id", "number", name=op.f("uq_template_versions_template_id")),
    )
    op.create_table(
        "printed_documents",
        sa.Column("template_version_id", sa.Uuid(), nullable=False),
        sa.Column("patient_id", sa.Uuid(), nullable=False),
        sa.Column("treatment_id", sa.Uuid(), nullable=True),
        sa.Column("language", sa.String(length=10), nullable=False),
        sa.Column("action", _enum("document_action", 10, "print", "save", "sign"), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("signature_strokes", sa.Text(), nullable=True),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["staff.id"], name=op.f("fk_printed_documents_created_by_id_staff")
        ),
        sa.ForeignKeyConstraint(
            ["patient_id"], ["patients.id"], name=op.f("fk_printed_documents_patient_id_patients")
        ),
        sa.ForeignKeyConstraint(
            ["template_version_id"],
            ["template_versions.id"],
            name=op.f("fk_printed_documents_template_version_id_template_versions"),
        ),
        sa.ForeignKeyConstraint(
            ["treatment_id"],
            ["treatments.id"],
            name=op.f("fk_printed_documents_treatment_id_treatments"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_printed_documents")),
    )
    with op.batch_alter_table("printed_documents", schema=None) as batch_op:
        batch_op.create_index(
            "ix_printed_documents_patient_created", ["patient_id", "created_at"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_printed_documents_template_version_id"),
            ["template_version_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_printed_documents_treatment_id"), ["treatment_id"], unique=False
        )
    op.create_table(
        "printed_document_blobs",
        sa.Column("document_id", sa.Uuid(), nullable=False),
        sa.Column("kind", _enum("document_blob_kind", 10, "pdf", "scan"), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["printed_documents.id"],
            name=op.f("fk_printed_document_blobs_document_id_printed_documents"),
        ),
        sa.PrimaryKeyConstraint("document_id", "kind", name=op.f("pk_printed_document_blobs")),
    )


def downgrade() -> None:
    op.drop_table("printed_document_blobs")
    with op.batch_alter_table("printed_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_printed_documents_treatment_id"))
        batch_op.drop_index(batch_op.f("ix_printed_documents_template_version_id"))
        batch_op.drop_index("ix_printed_documents_patient_created")
    op.drop_table("printed_documents")
    op.drop_table("template_versions")
    op.drop_table("document_templates")
