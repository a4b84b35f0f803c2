"""Consent, aftercare and general document templates: list, read, save a new version, and
install the shipped defaults.

Versions are append-only: a consent signed on version 1 must still show version 1's text
after a manager edits it. The shipped defaults are inserted once per key and language and
never over a clinic's own edits.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_app import paths
from desktop_app.db import Database
from desktop_app.models import DocumentTemplate, Staff, TemplateKind, TemplateVersion, TreatmentItem
from desktop_app.services import audit
from desktop_app.services.context import Actor, unit_of_work
from desktop_app.services.errors import ConflictError, NotFoundError, ValidationError
from desktop_app.services.permissions import Permission, require
from desktop_app.services.template_text import (
    LANGUAGES,
    TemplateError,
    check,
    read_template_file,
)

DEFAULTS_FOLDER = paths.RESOURCES / "templates"
KEY_FORMAT = re.compile(r"[a-z][a-z0-9_]{0,59}")  # the catalogue links items by this key


@dataclass(frozen=True)
class TemplateInfo:
    """One version of a template (the current one unless asked otherwise)."""

    template_id: uuid.UUID
    version_id: uuid.UUID
    key: str
    kind: TemplateKind
    language: str
    number: int  # the version number
    current: int  # the template's newest version number
    title: str
    body: str
    created_at: dt.datetime
    created_by: str | None  # None: the shipped default
    items: tuple[str, ...]  # catalogue items that use this key


def _item_names(session: Session) -> dict[str, list[str]]:
    """Template key → names of the catalogue items linking to it (consent or aftercare)."""
    names: dict[str, list[str]] = {}
    rows = session.execute(
        sa.select(
            TreatmentItem.name, TreatmentItem.consent_template, TreatmentItem.aftercare_template
        )
        .where(TreatmentItem.active)
        .order_by(TreatmentItem.sort_order, TreatmentItem.name)
    )
    for name, consent, aftercare in rows:
        for key in {consent, aftercare} - {None, ""}:
            names.setdefault(key, []).append(name)
    return names


def _newest() -> sa.Subquery:
    return (
        sa.select(
            TemplateVersion.template_id,
            sa.func.max(TemplateVersion.number).label("current"),
        )
        .group_by(TemplateVersion.template_id)
        .subquery()
    )


def _info(
    template: DocumentTemplate,
    version: TemplateVersion,
    current: int,
    author: str | None,
    items: dict[str, list[str]],
) -> TemplateInfo:
    return TemplateInfo(
        template.id,
        version.id,
        template.key,
        template.kind,
        template.language,
        version.number,
        current,
        version.title,
        version.body,
        version.created_at,
        author,
        tuple(items.get(template.key, ())),
    )


def _query(
    session: Session, number: int | None, *conditions: sa.ColumnElement[bool]
) -> list[TemplateInfo]:
    """Templates at version ``number`` (None: each at its newest)."""
    newest = _newest()
    wanted = TemplateVersion.number == (newest.c.current if number is None else number)
    rows = session.execute(
        sa.select(DocumentTemplate, TemplateVersion, newest.c.current, Staff.display_name)
        .join(newest, newest.c.template_id == DocumentTemplate.id)
        .join(TemplateVersion, TemplateVersion.template_id == DocumentTemplate.id)
        .outerjoin(Staff, Staff.id == TemplateVersion.created_by_id)
        .where(wanted, *conditions)
        .order_by(DocumentTemplate.kind, DocumentTemplate.key, DocumentTemplate.language)
    ).all()
    items = _item_names(session)
    return [_info(t, v, current, author, items) for t, v, current, author in rows]


def list_templates(database: Database, actor: Actor) -> list[TemplateInfo]:
    """Every template in every language, at its current version."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        return _query(session, None)


def get_template(
    database: Database, actor: Actor, key: str, language: str, number: int | None = None
) -> TemplateInfo:
    """One template at its current version, or at ``number`` (what an old consent showed)."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        return find(session, key, language, number)


def find(session: Session, key: str, language: str, number: int | None = None) -> TemplateInfo:
    """``get_template`` inside a caller's transaction (the documents service)."""
    found = _query(
        session, number, DocumentTemplate.key == key, DocumentTemplate.language == language
    )
    if not found:
        what = f"{key} ({language})" + ("" if number is None else f" version {number}")
        raise NotFoundError(f"No template {what}.")
    return found[0]


def versions(database: Database, actor: Actor, key: str, language: str) -> list[TemplateInfo]:
    """Every version of one template, newest first, with who saved it and when: the
    history a manager reads before editing, and the text an old consent was signed on."""
    require(actor, Permission.VIEW_PATIENT, database)
    with unit_of_work(database, write=False) as session:
        newest = _newest()
        rows = session.execute(
            sa.select(DocumentTemplate, TemplateVersion, newest.c.current, Staff.display_name)
            .join(newest, newest.c.template_id == DocumentTemplate.id)
            .join(TemplateVersion, TemplateVersion.template_id == DocumentTemplate.id)
            .outerjoin(Staff, Staff.id == TemplateVersion.created_by_id)
            .where(DocumentTemplate.key == key, DocumentTemplate.language == language)
            .order_by(TemplateVersion.number.desc())
        ).all()
        if not rows:
            raise NotFoundError(f"No template {key} ({language}).")
        items = _item_names(session)
        return [_info(t, v, current, author, items) for t, v, current, author in rows]


def save_version(
    database: Database,
    actor: Actor,
    key: str,
    language: str,
    title: str,
    body: str,
    *,
    based_on: int | None,
    kind: TemplateKind | None = None,
) -> TemplateInfo:
    """Save an edit as the next version; version ``based_on`` must still be the current one.

    ``based_on=None`` creates a new template (``kind`` required). A body with bad markup or
    an unknown placeholder raises ``TemplateError`` naming its line; nothing is saved.
    """
    require(actor, Permission.EDIT_TEMPLATES, database)
    title = title.strip()
    if not title:
        raise ValidationError("title", "required", "Give the document a title.")
    if len(title) > 200:
        raise ValidationError("title", "too_long", "At most 200 characters.", max=200)
    if language not in LANGUAGES:
        raise ValidationError("language", "invalid", f"Language must be one of {LANGUAGES}.")
    if based_on is None and not KEY_FORMAT.fullmatch(key):
        raise ValidationError(
            "key", "invalid", "A key is a lowercase letter, then letters, digits or _ (max 60)."
        )
    check(body)
    try:
        with unit_of_work(database) as session:
            template = session.scalar(
                sa.select(DocumentTemplate).where(
                    DocumentTemplate.key == key, DocumentTemplate.language == language
                )
            )
            current = 0
            if template is None:
                if kind is None or based_on is not None:
                    raise NotFoundError(f"No template {key} ({language}).")
                template = DocumentTemplate(key=key, language=language, kind=kind)
                session.add(template)
                session.flush()
            else:
                current = (
                    session.scalar(
                        sa.select(sa.func.max(TemplateVersion.number)).where(
                            TemplateVersion.template_id == template.id
                        )
                    )
                    or 0
                )
            if based_on != (current or None):
                raise _changed(session, template.id, current)
            version = TemplateVersion(
                template_id=template.id,
                number=current + 1,
                title=title,
                body=body,
                created_by_id=actor.staff_id,
            )
            session.add(version)
            session.flush()
            audit.record(
                session,
                actor,
                "new_version",
                "document_template",
                template.id,
                key=key,
                language=language,
                number=version.number,
            )
            return find(session, key, language, version.number)
    except IntegrityError as exc:  # another station saved the same number first
        raise ConflictError("template", f"{key} ({language})", None, None) from exc


def _changed(session: Session, template_id: uuid.UUID, current: int) -> ConflictError:
    row = session.execute(
        sa.select(TemplateVersion.created_at, Staff.display_name)
        .outerjoin(Staff, Staff.id == TemplateVersion.created_by_id)
        .where(TemplateVersion.template_id == template_id, TemplateVersion.number == current)
    ).first()
    return ConflictError(
        "template", str(template_id), row[1] if row else None, row[0] if row else None
    )


def shipped_files(folder: Path = DEFAULTS_FOLDER) -> dict[tuple[str, str], Path]:
    """(key, language) → file, for ``<folder>/<language>/<key>.md``."""
    return {
        (path.stem, language): path
        for language in LANGUAGES
        for path in sorted((folder / language).glob("*.md"))
    }


def read_shipped(path: Path, key: str, language: str) -> tuple[str, str, str]:
    """(kind, title, body) of a shipped file, checked; a broken one is a TemplateError
    naming the file, since a default that cannot print is a release bug, not a skip."""
    try:
        parsed = read_template_file(path.read_text(encoding="utf-8"))
        if (parsed.key, parsed.language) != (key, language):
            raise TemplateError(0, f"front matter says {parsed.key} ({parsed.language})")
        check(parsed.body)
    except TemplateError as exc:
        raise TemplateError(exc.line, f"{path}: {exc.message}") from exc
    return parsed.kind, parsed.title, parsed.body


def install_defaults(database: Database, folder: Path = DEFAULTS_FOLDER) -> int:
    """Insert every shipped template not yet in the database as its version 1.

    One query when nothing is missing (every start-up). Returns how many were inserted.
    """
    files = shipped_files(folder)
    with unit_of_work(database, write=False) as session:
        present = set(session.execute(sa.select(DocumentTemplate.key, DocumentTemplate.language)))
    missing = [(kl, path) for kl, path in files.items() if kl not in present]
    if not missing:
        return 0
    contents = [(kl, read_shipped(path, *kl)) for kl, path in missing]
    try:
        with unit_of_work(database) as session:
            for (key, language), (kind, title, body) in contents:
                template = DocumentTemplate(key=key, language=language, kind=TemplateKind(kind))
                session.add(template)
                session.flush()
                session.add(
                    TemplateVersion(template_id=template.id, number=1, title=title, body=body)
                )
            audit.record(
                session, None, "install_defaults", "document_template", None, count=len(contents)
            )
    except IntegrityError:
        return 0  # another station installed them at the same moment
    return len(contents)
