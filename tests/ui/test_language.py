"""The language plumbing: a catalogue for the chosen language is loaded and offered in the preferences."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from uihelpers import installed_language

from app.ui import i18n
from app.ui.preferences import Preferences, PreferencesDialog

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context><name>MainWindow</name>
<message><source>&amp;File</source><translation>&amp;Datei</translation></message>
</context>
</TS>
"""


@pytest.fixture
def german(tmp_path, monkeypatch) -> Path:
    """A German catalogue compiled by Qt's own lrelease, in a translations folder of its own."""
    (tmp_path / "qrdesk_de.ts").write_text(TS, encoding="utf-8")
    lrelease = Path(__import__("sys").executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), str(tmp_path / "qrdesk_de.ts"), "-qm", str(tmp_path / "qrdesk_de.qm")],
                   check=True, capture_output=True)
    monkeypatch.setattr(i18n, "_catalogue_dir", lambda: tmp_path)
    return tmp_path


def test_the_chosen_language_is_loaded(qapp, german):
    with installed_language(qapp, "de") as (locale, _translators):
        assert locale.language() == QLocale.Language.German
        assert QCoreApplication.translate("MainWindow", "&File") == "&Datei"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_language_without_a_catalogue_stays_english(qapp, german):
    with installed_language(qapp, "fi") as (_locale, translators):
        assert not [t for t in translators if t.filePath().startswith(str(german))]


def test_the_preferences_offer_the_languages_there_are(qtbot, german, tmp_path, monkeypatch):
    monkeypatch.setenv("QRDESK_HOME", str(tmp_path / "home"))
    from app.core.profile import Profile

    dialog = PreferencesDialog(Preferences(language="de"), Profile.current())
    qtbot.addWidget(dialog)
    offered = [dialog.language.itemData(i) for i in range(dialog.language.count())]
    assert offered == ["", "en", "de"] and dialog.language.currentData() == "de"
    assert dialog.language.itemText(2) == "Deutsch"
