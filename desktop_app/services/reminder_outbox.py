"""The outbox: calls and snoozes made on this station while the server was away, kept in
the station's offline file (``ReminderCache``) until the server has them.

Each change is committed to disk, together with its effect on the cached row, before the
desk returns: a change the user saw made is never lost, even if the app is killed. It
keeps what the server needs to apply it exactly once and honestly: an idempotency key,
the original time and author, and the reminder's version it was made on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import sqlite3
import uuid
from dataclasses import dataclass

from desktop_app.models import Reaction, Role
from desktop_app.services.context import Actor, this_workstation
from desktop_app.services.reminder_cache import (
    ROW_FIELDS,
    ReminderCache,
    drop_row,
    put_rows,
    row_from,
    row_in,
    row_values,
)
from desktop_app.services.reminders import Applied, CallOutcome, ReminderRow

CALL = "call"
SNOOZE = "snooze"
_COLUMNS = (
    "seq, key, action, reminder_id, base_version, change, made_at, author_id, "
    "author_username, author_name, author_role, state, result, server_row"
)


class EntryState(enum.StrEnum):
    PENDING = "pending"  # not yet taken by the server
    SENT = "sent"  # the server has it (applied now or before: see ``result``)
    CONFLICT = "conflict"  # the reminder changed on the server: a person decides
    DISCARDED = "discarded"  # a person chose the server's version; kept as a record


@dataclass(frozen=True)
class Entry:
    seq: int
    key: uuid.UUID
    action: str  # CALL or SNOOZE
    reminder_id: uuid.UUID
    base_version: int  # the reminder's version this change expects on the server
    outcome: CallOutcome | None  # for a call
    until: dt.date | None  # for a snooze
    made_at: dt.datetime  # UTC
    author: Actor  # who made it, on this workstation
    state: EntryState
    result: str = ""  # "applied", "repeated", "kept", or why it is a conflict
    server: ReminderRow | None = None  # the server's row when it became a conflict

    def describe(self) -> str:
        """In short, for the conflict list: "call: reached", "snooze to 2026-11-30"."""
        if self.action == SNOOZE:
            return f"snooze to {self.until}"
        assert self.outcome is not None
        return "call: reached" if self.outcome.reached else "call: not reached"


def apply_locally(row: ReminderRow, entry: Entry) -> ReminderRow | None:
    """The row as the panel shows it after the change (None: off the list), by the rules
    the server applies when the change arrives (``reminders.record_call``/``snooze``)."""
    if entry.action == SNOOZE:
        assert entry.until is not None
        return dataclasses.replace(row, due_on=entry.until)
    assert entry.outcome is not None
    if entry.outcome.reached:
        return None
    attempts = row.attempts + 1
    if attempts >= row.max_attempts:
        return None
    tomorrow = entry.made_at.astimezone().date() + dt.timedelta(days=1)
    return dataclasses.replace(row, attempts=attempts, due_on=max(row.due_on, tomorrow))


class Outbox:
    """The station's outbox, in the same file (and transactions) as its cached rows."""

    def __init__(self, cache: ReminderCache) -> None:
        self.cache = cache

    def add(
        self,
        action: str,
        row: ReminderRow,
        author: Actor,
        *,
        outcome: CallOutcome | None = None,
        until: dt.date | None = None,
        key: uuid.UUID | None = None,
        at: dt.datetime | None = None,
    ) -> Entry:
        """Queue a change made on ``row`` and show it on the cached row, in one commit."""
        assert author.staff_id is not None, "changes are made by people"
        entry = Entry(
            0,
            key or uuid.uuid4(),
            action,
            row.id,
            row.version,
            outcome,
            until,
            at or dt.datetime.now(dt.UTC),
            author,
            EntryState.PENDING,
        )
        change = _outcome_json(outcome) if outcome is not None else {"until": str(until)}
        with self.cache.writing() as connection:
            cursor = connection.execute(
                "INSERT INTO outbox (key, action, reminder_id, base_version, change, made_at, "
                "author_id, author_username, author_name, author_role) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    str(entry.key),
                    action,
                    str(row.id),
                    row.version,
                    json.dumps(change, ensure_ascii=False),
                    entry.made_at.isoformat(),
                    str(author.staff_id),
                    author.username,
                    author.display_name,
                    author.role.value,
                ),
            )
            entry = dataclasses.replace(entry, seq=int(cursor.lastrowid or 0))
            _show(connection, entry)
        return entry

    def entries(self, state: EntryState = EntryState.PENDING) -> list[Entry]:
        with self.cache.reading() as connection:
            found = connection.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE state = ? ORDER BY seq", (state.value,)
            ).fetchall()
        return [_entry(values) for values in found]

    def next_pending(self, after: int) -> Entry | None:
        """The oldest change still to send after ``after`` (read fresh: a replay rebases
        and holds entries as it goes)."""
        with self.cache.reading() as connection:
            found = connection.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE state = 'pending' AND seq > ? "
                "ORDER BY seq LIMIT 1",
                (after,),
            ).fetchone()
        return _entry(found) if found else None

    def find(self, key: uuid.UUID) -> Entry | None:
        with self.cache.reading() as connection:
            found = connection.execute(
                f"SELECT {_COLUMNS} FROM outbox WHERE key = ?", (str(key),)
            ).fetchone()
        return _entry(found) if found else None

    def count(self, state: EntryState = EntryState.PENDING) -> int:
        with self.cache.reading() as connection:
            return int(
                connection.execute(
                    "SELECT count(*) FROM outbox WHERE state = ?", (state.value,)
                ).fetchone()[0]
            )

    def sent(self, entry: Entry, applied: Applied, result: str) -> None:
        """The server has it. Later changes made on the same version of the reminder now
        expect the version the server gave back (the chain a replay follows)."""
        with self.cache.writing() as connection:
            _decide(connection, entry.seq, EntryState.SENT, result)
            connection.execute(
                "UPDATE outbox SET base_version = ? WHERE state = 'pending' AND seq > ? "
                "AND reminder_id = ? AND base_version = ?",
                (applied.version, entry.seq, str(entry.reminder_id), entry.base_version),
            )

    def conflict(self, entry: Entry, server: ReminderRow | None, reason: str) -> int:
        """Hold ``entry`` and the later changes on the same reminder (they were made on top
        of it) for a person; returns how many are held."""
        server_row = (
            json.dumps(dict(zip(ROW_FIELDS, row_values(server), strict=True)))
            if (server is not None)
            else None
        )
        with self.cache.writing() as connection:
            cursor = connection.execute(
                "UPDATE outbox SET state = 'conflict', result = ?, server_row = ?, "
                "decided_at = ? WHERE (seq = ? OR (state = 'pending' AND seq > ? AND "
                "reminder_id = ?))",
                (
                    reason,
                    server_row,
                    _now(),
                    entry.seq,
                    entry.seq,
                    str(entry.reminder_id),
                ),
            )
            return cursor.rowcount

    def decide(self, entry: Entry, state: EntryState, result: str) -> None:
        with self.cache.writing() as connection:
            _decide(connection, entry.seq, state, result)


def reapply(connection: sqlite3.Connection, outbox: Outbox) -> None:
    """After a refresh replaced the cached rows: the changes not yet sent, on top again."""
    found = connection.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE state = 'pending' ORDER BY seq"
    ).fetchall()
    for values in found:
        _show(connection, _entry(values))


def _show(connection: sqlite3.Connection, entry: Entry) -> None:
    row = row_in(connection, entry.reminder_id)
    if row is None:
        return  # not in this station's cache (someone else's, seen online): nothing to show
    changed = apply_locally(row, entry)
    if changed is None:
        drop_row(connection, row.id)
    else:
        put_rows(connection, [changed])


def _decide(connection: sqlite3.Connection, seq: int, state: EntryState, result: str) -> None:
    connection.execute(
        "UPDATE outbox SET state = ?, result = ?, decided_at = ? WHERE seq = ?",
        (state.value, result, _now(), seq),
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def _outcome_json(outcome: CallOutcome) -> dict[str, object]:
    return {
        "reached": outcome.reached,
        "notes": outcome.notes,
        "reaction": outcome.reaction.value,
        "satisfaction": outcome.satisfaction,
        "next_step": outcome.next_step,
        "asked": list(outcome.asked),
    }


def _entry(values: tuple[object, ...]) -> Entry:
    (
        seq,
        key,
        action,
        reminder_id,
        base_version,
        change_text,
        made_at,
        author_id,
        username,
        author_name,
        role,
        state,
        result,
        server_row,
    ) = values
    change = json.loads(str(change_text))
    outcome = until = None
    if action == CALL:
        outcome = CallOutcome(
            reached=change["reached"],
            notes=change["notes"],
            reaction=Reaction(change["reaction"]),
            satisfaction=change["satisfaction"],
            next_step=change["next_step"],
            asked=tuple(change["asked"]),
        )
    else:
        until = dt.date.fromisoformat(change["until"])
    server = None
    if server_row:
        stored = json.loads(str(server_row))
        server = row_from(stored[field] for field in ROW_FIELDS)
    author = Actor(
        uuid.UUID(str(author_id)),
        str(username),
        str(author_name),
        Role(str(role)),
        this_workstation(),
    )
    return Entry(
        int(seq),  # type: ignore[call-overload]
        uuid.UUID(str(key)),
        str(action),
        uuid.UUID(str(reminder_id)),
        int(base_version),  # type: ignore[call-overload]
        outcome,
        until,
        dt.datetime.fromisoformat(str(made_at)),
        author,
        EntryState(state),
        str(result),
        server,
    )
