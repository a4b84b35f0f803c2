"""Finding a patient from whatever the desk has: name, pinyin, mobile tail, record or ID number.

Ranking, best first: exact record number / ID number / mobile, then name prefix, then
pinyin (full or initials), then the rest (ID or mobile tail, name contains); within a
rank, the whole name typed before longer names, then patients seen most recently.

One statement does it all, so the search stays instant at 200,000 patients (issue 4,
docs/benchmarks.md): each way the text could match is an index range scan returning at
most ``3 × limit`` candidates, a patient keeps its best rank, and the database orders the
candidates by rank and last visit. Prefixes are ranges (``key >= 'zh' AND key < 'zi'``)
over code-point ordered columns (models.patient.search_key), which both backends serve
from a B-tree; "name contains" is a prefix search of the name's suffixes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
import sys
import uuid
from dataclasses import dataclass

import sqlalchemy as sa

from desktop_app.db import Database
from desktop_app.models import Patient, Visit
from desktop_app.models.patient import PatientNameSuffix
from desktop_app.services import identity
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ValidationError
from desktop_app.services.permissions import Permission, require

EXACT, NAME_PREFIX, PINYIN, OTHER = range(4)
MIN_TAIL = 4
CANDIDATES_PER_LIMIT = 3  # each way of matching contributes at most this × limit patients


@dataclass(frozen=True)
class SearchHit:
    id: uuid.UUID
    record_no: str
    name: str
    mobile_masked: str
    birth_date: dt.date | None
    rank: int


def search_patients(
    database: Database, actor: Actor, query: str, limit: int = 20
) -> list[SearchHit]:
    require(actor, Permission.VIEW_PATIENT)
    text = identity.fold(query)
    if not text:
        return []
    keys = _keys(text)
    params: dict[str, object] = {
        "text": text,
        "limit": limit,
        "per_way": limit * CANDIDATES_PER_LIMIT,
    }
    for way, value in keys.items():
        if _WAYS[way].prefix:
            params[f"{way}_from"], params[f"{way}_to"] = value, _successor(value)
        else:
            params[way] = value
    with unit_of_work(database, write=False) as session:
        if database.kind == "postgresql":
            # One SELECT is consistent by itself; without BEGIN and ROLLBACK it takes one
            # round trip to the server instead of three. (Reverted when pooled again.)
            session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        rows = session.execute(_statement(tuple(keys)), params).all()
    return [
        SearchHit(r.id, r.record_no, r.name, identity.mask_mobile(r.mobile), r.birth_date, r.rank)
        for r in rows
    ]


@dataclass(frozen=True)
class _Way:
    """One way the text can match: a column compared whole or by prefix, with its rank."""

    rank: int
    key: sa.Column
    prefix: bool


_PATIENTS = Patient.__table__
_SUFFIXES = PatientNameSuffix.__table__
_WAYS = {
    "record_no": _Way(EXACT, _PATIENTS.c.record_no, prefix=False),
    "id_number": _Way(EXACT, _PATIENTS.c.id_number, prefix=False),
    "mobile": _Way(EXACT, _PATIENTS.c.mobile, prefix=False),
    "mobile_rev": _Way(OTHER, _PATIENTS.c.mobile_rev, prefix=True),  # mobile tail
    "id_rev": _Way(OTHER, _PATIENTS.c.id_rev, prefix=True),  # ID number tail
    "name": _Way(NAME_PREFIX, _PATIENTS.c.name, prefix=True),
    "name_pinyin": _Way(PINYIN, _PATIENTS.c.name_pinyin, prefix=True),
    "name_initials": _Way(PINYIN, _PATIENTS.c.name_initials, prefix=True),
    # Contains, past the first character (a match at the start ranks higher anyway).
    "suffix": _Way(OTHER, _SUFFIXES.c.suffix, prefix=True),
}


def _keys(text: str) -> dict[str, str]:
    """What to look up for folded ``text``: way → value (a whole value or a prefix)."""
    compact = re.sub(r"[\s\-]", "", text)
    if re.fullmatch(r"\d+[xX]?", compact):  # record, mobile or ID number, whole or tail
        upper = compact.upper()
        keys = {"record_no": compact, "id_number": upper}
        with contextlib.suppress(ValidationError):  # not a whole phone number
            keys["mobile"] = identity.mobile(compact).e164
        if len(compact) >= MIN_TAIL:
            keys["mobile_rev"] = keys["id_rev"] = upper[::-1]
        return keys
    keys = {"name": text}
    if compact.isascii() and compact.isalpha():
        keys["name_pinyin"] = keys["name_initials"] = compact.lower()
    keys["suffix"] = text.lower()
    return keys


@functools.cache
def _statement(ways: tuple[str, ...]) -> sa.Select:
    """The search over ``ways``, with bound parameters: built and compiled once per shape,
    as building it costs more than running it."""
    branches = []
    for way in ways:
        rank, key, prefix = _WAYS[way].rank, _WAYS[way].key, _WAYS[way].prefix
        if prefix:  # a range, which a B-tree on a code-point ordered column serves
            condition = sa.and_(key >= sa.bindparam(f"{way}_from"), key < sa.bindparam(f"{way}_to"))
        else:
            condition = key == sa.bindparam(way)
        if key.table is _SUFFIXES:
            candidates = sa.select(_SUFFIXES.c.patient_id.label("id")).distinct()
        else:
            candidates = sa.select(_PATIENTS.c.id)
        matched = candidates.where(condition).limit(sa.bindparam("per_way")).subquery()
        branches.append(
            sa.select(matched.c.id, sa.literal_column(str(rank), sa.Integer).label("rank"))
        )
    hits = (
        sa.union_all(*branches).subquery("hits")
        if len(branches) > 1
        else branches[0].subquery("hits")
    )
    best = (
        sa.select(hits.c.id, sa.func.min(hits.c.rank).label("rank"))
        .group_by(hits.c.id)
        .subquery("best")
    )
    visits = Visit.__table__
    seen = (
        sa.select(sa.func.max(visits.c.checked_in_at))
        .where(visits.c.patient_id == _PATIENTS.c.id)
        .scalar_subquery()
        .label("seen")
    )
    p = _PATIENTS.c
    return (
        sa.select(p.id, p.record_no, p.name, p.mobile, p.birth_date, best.c.rank, seen)
        .join_from(_PATIENTS, best, best.c.id == p.id)
        .order_by(
            best.c.rank,
            p.name != sa.bindparam("text"),  # the whole name typed beats a longer name
            seen.desc().nulls_last(),
            p.record_no,
        )
        .limit(sa.bindparam("limit"))
    )


def _successor(prefix: str) -> str:
    """The least string after every string that starts with ``prefix`` (code-point order).

    Only a prefix made of U+10FFFF alone, a noncharacter no name holds, has none; it
    then gets an empty range.
    """
    kept = prefix.rstrip(chr(sys.maxunicode))
    if not kept:
        return prefix
    following = ord(kept[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates cannot be stored; none start a name
        following = 0xE000
    return kept[:-1] + chr(following)
