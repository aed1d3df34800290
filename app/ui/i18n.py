"""The app's language: the system locale's, unless the user chose one in the preferences.

Catalogues are ``resources/translations/qrdesk_LANG.qm`` (compiled from the ``.ts`` sources, see that folder's
README); Qt's own (dialog buttons) come from Qt's translations folder. English is the source language and
needs no catalogue. The language applies when the app starts.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import ResourceMissing, resources_dir

log = logging.getLogger("qrdesk.ui")

CATALOGUE = "qrdesk"
SOURCE_LANGUAGE = "en"


def available_languages() -> list[tuple[str, str]]:
    """``(code, name in that language)`` for English and every language with a compiled catalogue."""
    folder = _catalogue_dir()
    codes = sorted({p.stem.removeprefix(f"{CATALOGUE}_") for p in folder.glob(f"{CATALOGUE}_*.qm")})
    languages = [(SOURCE_LANGUAGE, "English")]
    for code in codes:
        if code != SOURCE_LANGUAGE:
            name = QLocale(code).nativeLanguageName() or code
            languages.append((code, name[:1].upper() + name[1:]))
    return languages


def install_translators(app: QCoreApplication, language: str = "") -> tuple[QLocale, list[QTranslator]]:
    """Load the catalogues for ``language`` ("" = the system's) into ``app``; returns the locale used and the
    translators installed (QRDesk's, Qt's). A missing catalogue is no error: the text stays English.
    """
    locale = QLocale(language) if language else QLocale.system()
    if language:
        QLocale.setDefault(locale)  # numbers and dates follow the chosen language too
    translators: list[QTranslator] = []
    # English plural forms ("1 code", "2 codes") under every language: what a catalogue lacks falls back to them.
    english = QTranslator(app)
    if english.load(f"{CATALOGUE}_{SOURCE_LANGUAGE}", str(_catalogue_dir())):
        app.installTranslator(english)
        translators.append(english)
    else:
        english.deleteLater()
    own = [] if locale.language() == QLocale.Language.English else [(CATALOGUE, str(_catalogue_dir()))]
    for name, folder in (*own, ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):  # installed later: asked first
            app.installTranslator(translator)
            translators.append(translator)
        else:
            translator.deleteLater()
    log.info("language %s (%d catalogue(s))", locale.name(), len(translators))
    return locale, translators


def _catalogue_dir() -> Path:
    try:
        return resources_dir() / "translations"
    except ResourceMissing:  # a broken install: the self-test reports it; the app still runs in English
        return Path()
