"""Every string a user meets is translated, and the German catalogue is complete.

The app runs under a pseudo-translation made from its own sources (see pseudo_locale): every visible text of
the main window (menus, toolbar, every payload form, the style panel, the status bar, tooltips, what a screen
reader says), of every dialog it opens and of each page of the batch wizard must come out bracketed. A text
left in English names its widget: it bypasses Qt's translation functions, lupdate cannot extract it, or its
context at run time differs from the one lupdate saw.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pseudo_locale import (
    QtPseudoTranslator,
    contexts,
    leftover_words,
    pseudo,
    pseudo_catalogue,
    report,
    untranslated,
)
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
GERMAN = ROOT / "resources" / "translations" / "qrdesk_de.ts"
# Names with no Latin letter: user data shown on screen can never pass for an untranslated string.
OWN_TEXTS = ("Export failed", "The disk is full.")
ITEMS = (("Визитка Ωμέγα", "Данные 1"), ("Меню кафе", "Данные 2"))
CSV = "Текст\nДанные один\nДанные два\n"


@pytest.fixture(scope="module")
def pseudo_app(qapp, tmp_path_factory):
    """The app's pseudo catalogue and Qt's pseudo strings installed for this module's tests."""
    folder = tmp_path_factory.mktemp("pseudo")
    qm = pseudo_catalogue(folder)
    app_translator = QTranslator()
    assert app_translator.load(str(qm)), qm
    qt_translator = QtPseudoTranslator(contexts(folder / "qrdesk_pseudo.ts"))
    qapp.installTranslator(qt_translator)
    qapp.installTranslator(app_translator)
    yield qapp
    qapp.removeTranslator(app_translator)
    qapp.removeTranslator(qt_translator)


@pytest.fixture
def pseudo_library(tmp_path):
    from app.core.spec import QrSpec
    from app.ui.library_store import open_store

    store = open_store(str(tmp_path / "library"))
    for name, text in ITEMS:
        store.add_spec(QrSpec.text(text), name=name, tags=("тег",))
    yield store
    store.close()


@pytest.fixture
def window(pseudo_app, make_window, pseudo_library):
    return make_window(library=pseudo_library)


def test_the_pseudo_translation_marks_every_word():
    assert pseudo("&Save…") == "⟦&Sàvé⟧…"
    assert pseudo("Saved {name} at %1: <b>%n</b> codes") == "⟦Ŝàvéd {name} àt %1: <b>%n</b> çödéŝ⟧"
    assert leftover_words(pseudo("Export failed") + " 12 mm, #1a237e") == []
    assert leftover_words("⟦Ûndö ⟦týpîng⟧⟧ in URL") == ["in", "URL"]


def test_every_page_of_the_batch_wizard_is_translated(pseudo_app, qtbot, tmp_path, pseudo_library):
    from app.core.spec import Style
    from app.ui.batch_wizard import BatchWizard

    wizard = BatchWizard(Style(), library=pseudo_library, presets={"Синий": Style(fg="#1a237e")})
    qtbot.addWidget(wizard)
    wizard.show()
    source = tmp_path / "rows.csv"
    source.write_text(CSV, encoding="utf-8")
    found: dict[str, str] = {}

    def walk(where: str) -> None:
        QApplication.processEvents()
        for text, widget in untranslated([wizard]).items():
            found.setdefault(text, f"{where}: {widget}")

    walk("source page, empty")
    wizard.source_page.path.setText(str(source))
    wizard.source_page.kind_combo.setCurrentIndex(wizard.source_page.kind_combo.findData("text"))
    pages = []
    while True:
        page = wizard.currentPage()
        pages.append(type(page).__name__)
        walk(pages[-1])
        if page is wizard.output_page:
            wizard.output_page.output.setText(str(tmp_path / "out"))
        if page is wizard.run_page:
            break
        wizard.next()
        assert wizard.currentPage() is not page, f"stuck on {page.title()}"
    with qtbot.waitSignal(wizard.finished_run, timeout=60000):
        wizard.run_page.start.click()
    walk("after the run")
    assert pages == ["SourcePage", "RowsPage", "StylePage", "OutputPage", "RunPage"]
    assert not found, report(found)


# -- the German catalogue ------------------------------------------------------------------------------------
def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    return {(context.findtext("name") or "", message.findtext("source") or ""): message
            for context in ET.parse(ts).getroot().iter("context") for message in context.iter("message")}


def _placeholders(text: str) -> list[str]:
    """What code fills in or reads: {name}, %1, %n, and a file filter's globs (*.png *.jpg)."""
    return sorted(re.findall(r"\{[^{}]*\}|%\d+|%n|\(\*[^()]*\)", text))


def test_the_german_catalogue_holds_every_string_of_the_app(tmp_path):
    import translations

    translations.update(("de",), tmp_path)
    extracted = set(_messages(tmp_path / "qrdesk_de.ts"))
    committed = set(_messages(GERMAN))
    assert extracted - committed == set(), "strings not in qrdesk_de.ts: run python scripts/translations.py update"
    assert committed - extracted == set(), "qrdesk_de.ts holds strings the app no longer has: run ... update"


def test_the_german_catalogue_is_complete_and_keeps_every_placeholder():
    problems = []
    for (context, source), message in _messages(GERMAN).items():
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        for form in forms:
            if _placeholders(form) != _placeholders(source):
                problems.append(f"{context}: {source!r} → {form!r} changes the placeholders")
            if source.count("&") != form.count("&") and "&&" not in source:
                problems.append(f"{context}: {source!r} → {form!r} loses or adds the keyboard accelerator")
    assert not problems, "\n".join(problems)
