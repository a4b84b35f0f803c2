"""Alembic environment: runs on the connection the application hands over, or on the URL."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from desktop_app.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: sa.Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = sa.create_engine(config.get_main_option("sqlalchemy.url") or "")
    with engine.connect() as fresh:
        run_migrations(fresh)
