"""Many rows into one table at the speed of the database, not of the ORM.

Used by the demo data loader and the patient import, whose 100,000-row loads would spend
most of their time building SQLAlchemy's per-row parameters. Rows must all have the same
keys, and every column the table needs: Python-side column defaults are not applied on
PostgreSQL's COPY.
"""

from __future__ import annotations

import operator
import os
import uuid
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: sa.Table, rows: list[dict[str, object]]) -> None:
    """executemany on SQLite; on PostgreSQL COPY, as psycopg's executemany sends a statement
    per row and the server's per-statement work then makes it about 5× slower.

    On SQLite the statement is compiled once and each value goes through its column type's
    own bind processor, without Core's per-row parameter building, which cost more than
    SQLite's own work (two thirds of a large load's time)."""
    if not rows:
        return
    connection = session.connection()
    columns = list(rows[0])
    values = operator.itemgetter(*columns)
    if connection.dialect.name != "postgresql":
        dialect = connection.dialect
        compiled = table.insert().compile(dialect=dialect, column_keys=columns)
        order = compiled.positiontup or []
        values = operator.itemgetter(*order)
        steps = [
            (index, processor)
            for index, name in enumerate(order)
            if (processor := table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
        ]
        connection.exec_driver_sql(str(compiled), [_bound(values(row), steps) for row in rows])
        return
    driver = connection.connection.driver_connection
    assert driver is not None
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(values(row) if len(columns) > 1 else (values(row),))


def _bound(values: tuple[object, ...] | object, steps: list[tuple[int, Callable]]) -> tuple:
    """One row's values, through the bind processors of the columns that have one."""
    row = list(values) if isinstance(values, tuple) else [values]
    for index, processor in steps:
        row[index] = processor(row[index])
    return tuple(row)


def new_ids(count: int) -> list[uuid.UUID]:
    """``count`` random (version 4) UUIDs from one read of the system's randomness: for
    100,000 rows, uuid.uuid4()'s read per id cost more than inserting the rows."""
    data = os.urandom(16 * count)
    return [uuid.UUID(bytes=data[i : i + 16], version=4) for i in range(0, 16 * count, 16)]
