"""The editor's fields above the text: which template (key, kind, language: asked only for
a new one, fixed afterwards) and its title, each with its error line."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from desktop_app.models import TemplateKind
from desktop_app.services.template_text import KINDS, LANGUAGES
from desktop_app.services.templates import KEY_FORMAT, TemplateInfo
from desktop_app.ui.forms import FieldForm
from desktop_app.ui.i18n import LANGUAGES as LANGUAGE_NAMES
from desktop_app.ui.template_words import kind_name, saved_by


class TemplateFields(QObject):
    def __init__(self, template: TemplateInfo | None, existing: Collection[tuple[str, str]]):
        super().__init__()
        self.template = template
        self.existing = set(existing)
        self.form = FieldForm()
        self.captions: dict[str, QLabel] = {}
        self.about = QLabel()
        self.about.setObjectName("templateAbout")
        self.about.setWordWrap(True)
        self.key_edit = QLineEdit()
        self.key_edit.setMaxLength(60)
        self.kind_combo = QComboBox()
        for kind in KINDS:
            self.kind_combo.addItem("", kind)
        self.language_combo = QComboBox()
        for code in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES.get(code, code), code)
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        if template is None:
            for name, field in (
                ("key", self.key_edit),
                ("kind", self.kind_combo),
                ("language", self.language_combo),
            ):
                self.captions[name] = self.form.add_field(name, field)
        else:
            self.form.addRow(self.about)
            self.title.setText(template.title)
        self.captions["title"] = self.form.add_field("title", self.title)

    def retranslate(self) -> None:
        for index, kind in enumerate(KINDS):
            self.kind_combo.setItemText(index, kind_name(kind))
        texts = {
            "key": self.tr("&Key:"),
            "kind": self.tr("K&ind:"),
            "language": self.tr("&Language:"),
            "title": self.tr("Titl&e:"),
        }
        for name, caption in self.captions.items():
            caption.setText(texts[name])
        self.key_edit.setPlaceholderText(
            self.tr("lowercase letters, digits and _, e.g. laser_consent")
        )
        self._describe()

    def _describe(self) -> None:
        info = self.template
        if info is None:
            return
        self.about.setText(
            self.tr("{key} · {kind} · {language} · editing version {number} ({who})").format(
                key=info.key,
                kind=kind_name(info.kind),
                language=LANGUAGE_NAMES.get(info.language, info.language),
                number=info.number,
                who=saved_by(info.created_by, info.created_at),
            )
        )

    def first_field(self) -> QWidget | None:
        return self.key_edit if self.template is None else None

    def key(self) -> str:
        return self.template.key if self.template else self.key_edit.text().strip()

    def language(self) -> str:
        if self.template:
            return self.template.language
        return str(self.language_combo.currentData())

    def kind(self) -> TemplateKind:
        if self.template:
            return self.template.kind
        return TemplateKind(self.kind_combo.currentData())

    def valid(self) -> bool:
        """A new template's key: the format the catalogue links by, not yet used."""
        if self.template is not None:
            return True
        key = self.key()
        if not KEY_FORMAT.fullmatch(key):
            self.form.show_error(
                "key",
                self.tr(
                    "Use lowercase letters, digits and _ (starting with a letter), at most 60."
                ),
            )
            return False
        if (key, self.language()) in self.existing:
            self.form.show_error("key", self.tr("This key is already used in this language."))
            return False
        return True

    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` at ``field``; False when there is no such field here."""
        if field not in self.form.errors:
            return False
        self.form.show_error(field, message)
        return True

    def clear_errors(self) -> None:
        self.form.clear_errors()

    def lock(self, info: TemplateInfo) -> None:
        """After the first save a new template is an existing one: its key is fixed."""
        self.template = info
        for field in (self.key_edit, self.kind_combo, self.language_combo):
            field.setEnabled(False)
        self._describe()
