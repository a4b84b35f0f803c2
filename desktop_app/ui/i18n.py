"""Chinese and English through Qt's translation system; the system locale picks by default.

``.ts`` sources live in resources/i18n; the ``.qm`` files are compiled from them by the
start command (dev.py) or the installer build.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app import paths

LANGUAGES = {"zh_CN": "中文", "en": "English"}
I18N_DIR = paths.RESOURCES / "i18n"


def system_language() -> str:
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def document_language() -> str:
    """The language a new consent or aftercare sheet is printed in: Chinese unless the app
    is shown in English (``Translator.apply`` sets the default QLocale)."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh_CN"


def effective_language(setting: str) -> str:
    return setting if setting in LANGUAGES else system_language()


class Translations:
    """Installs one language's translators on the application and swaps them on request."""

    def __init__(self, app: QCoreApplication) -> None:
        self.app = app
        self.language = "en"
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Switch language; widgets retranslate on the LanguageChange event Qt sends."""
        for translator in self._installed:
            self.app.removeTranslator(translator)
        self._installed.clear()
        self.language = language if language in LANGUAGES else "en"
        QLocale.setDefault(QLocale(self.language))
        if self.language == "en":
            return True
        ours = self._load(f"clinic_desk_{self.language}", str(I18N_DIR))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._load(f"qtbase_{self.language}", qt_dir)
        return ours

    def _load(self, name: str, folder: str) -> bool:
        translator = QTranslator(self.app)
        if not translator.load(name, folder):
            return False
        self.app.installTranslator(translator)
        self._installed.append(translator)
        return True
