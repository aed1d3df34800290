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
from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMenu
from uihelpers import installed_language, wait_preview

ROOT = Path(__file__).resolve().parents[2]
GERMAN = ROOT / "resources" / "translations" / "qrdesk_de.ts"
# Names with no Latin letter: user data shown on screen can never pass for an untranslated string.
OWN_TEXTS = ("Export failed", "The disk is full.")
ITEMS = (("Визитка Ωμέγα", "Данные 1"), ("Меню кафе", "Данные 2"))
CSV = "Текст\nДанные один\nДанные два\n"


_TRANSLATORS: dict[Path, tuple[QTranslator, QtPseudoTranslator]] = {}


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory) -> Path:
    """The app's pseudo catalogue, made once for this module."""
    return pseudo_catalogue(tmp_path_factory.mktemp("pseudo"))


@pytest.fixture
def pseudo_app(qapp, pseudo_qm):
    """The pseudo catalogue and Qt's pseudo strings installed for one test. The translators live as long as the
    process: workers (previews, decoding) translate on their own threads, and one still running after its test
    must never meet a translator that was freed (Qt's lock covers the list of translators, not their lives)."""
    if pseudo_qm not in _TRANSLATORS:
        app_translator = QTranslator()
        assert app_translator.load(str(pseudo_qm)), pseudo_qm
        _TRANSLATORS[pseudo_qm] = (app_translator, QtPseudoTranslator(contexts(pseudo_qm.with_suffix(".ts"))))
    app_translator, qt_translator = _TRANSLATORS[pseudo_qm]
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


def _walk_kinds(window) -> dict[str, str]:
    found: dict[str, str] = {}
    combo = window.form.kind_combo
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        QApplication.processEvents()
        for text, where in untranslated([window]).items():
            found.setdefault(text, f"{combo.itemData(i)} form: {where}")
    return found


def test_main_window_every_form_menu_and_tooltip_is_translated(window):
    window.statusBar().clearMessage()
    found = untranslated([window]) | _walk_kinds(window)
    assert not found, report(found)


def test_the_status_bar_and_preview_after_a_save_are_translated(window, qtbot):
    window.form.kind_combo.setCurrentIndex(window.form.kind_combo.findData("text"))
    window.form.editor("text").setPlainText("Данные три")
    wait_preview(qtbot, window, "Данные три")
    assert window.save_to_library()
    QApplication.processEvents()
    assert window.statusBar().currentMessage(), "a save says so in the status bar"
    found = untranslated([window])
    assert not found, report(found)


def _walk_dialogs_while_open(opener, found: dict[str, str]) -> list[str]:
    """Open a dialog, walk every window that came up (also one run with exec()) into ``found``, close it;
    returns the names of the windows walked."""
    seen: list[str] = []

    def walk_and_close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog | QMenu) and widget.isVisible():
                seen.append(widget.objectName() or type(widget).__name__)
                for text, where in untranslated([widget]).items():
                    found.setdefault(text, f"{seen[-1]}: {where}")
                widget.reject() if isinstance(widget, QDialog) else widget.close()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(walk_and_close)
    timer.start()
    try:
        opener()
        QApplication.processEvents()
    finally:
        timer.stop()
        walk_and_close()
    return seen


def test_every_dialog_is_translated(window):
    from dialogs import dialog_openers
    from uihelpers import _ANSWERING

    openers = dialog_openers(window)
    assert len(openers) >= 5, sorted(openers)
    found: dict[str, str] = {}
    opened: list[str] = []
    _ANSWERING.extend(("unsavedPrompt", "releaseGate"))  # walked and closed here, not by the test guard
    try:
        for opener in openers.values():
            opened += _walk_dialogs_while_open(opener, found)
    finally:
        del _ANSWERING[-2:]
    assert len(opened) >= len(openers) - 1, (sorted(openers), opened)
    from app.ui.i18n import available_languages

    for own in OWN_TEXTS:  # what dialog_openers itself asks the error box to say
        found.pop(own, None)
    for _code, name in available_languages():  # each language in its own words, as language lists show them
        found.pop(name, None)
    # About: the versions table is data (component names, versions, the platform string); its labels are checked
    versions = [text for text, where in found.items() if where.startswith("aboutBox: QLabel qt_msgbox_informative")]
    assert versions and all("Operating system" not in text for text in versions), versions
    for text in versions:
        found.pop(text)
    assert not found, report(found)


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
            wizard.output_page.output.setText(str(tmp_path / "labels.pdf"))  # the label sheet's choices
            walk("output page, label sheet")
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
    return sorted(re.findall(r"\{[^{}]*\}|%L?\d+|%L?n|\(\*[^()]*\)", text))


def test_the_german_catalogue_holds_every_string_of_the_app(tmp_path):
    import translations

    translations.update(("de",), tmp_path)
    extracted = set(_messages(tmp_path / "qrdesk_de.ts"))
    committed = set(_messages(GERMAN))
    assert extracted - committed == set(), "strings not in qrdesk_de.ts: run python scripts/translations.py update"
    assert committed - extracted == set(), "qrdesk_de.ts holds strings the app no longer has: run ... update"


def test_the_catalogues_compile_inside_an_isolated_build(tmp_path, monkeypatch):
    """setup.py compiles the catalogues inside pip's isolated build, whose PYTHONPATH overlay hides the venv's
    site-packages: re-installing into a venv that already had PySide6 failed (lrelease could not import it)."""
    import translations

    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "sitecustomize.py").write_text(
        "import sys\nsys.path[:] = [p for p in sys.path if 'site-packages' not in p]\n")
    monkeypatch.setenv("PYTHONPATH", str(overlay))
    built = translations.build(tmp_path / "out")
    assert sorted(qm.name for qm in built) == ["qrdesk_de.qm", "qrdesk_en.qm"]
    assert all(qm.stat().st_size > 0 for qm in built)


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


def test_every_word_of_the_core_is_marked_for_translation():
    """app.core names kinds, fields and presets in English; app/ui/words.py must list each one for lupdate."""
    import json

    from app.core.payloads import PAYLOAD_KINDS
    from app.ui import words

    shown = {kind.label for kind in PAYLOAD_KINDS.values()}
    for kind in PAYLOAD_KINDS.values():
        shown |= {f.label for f in kind.fields} | {f.placeholder for f in kind.fields if leftover_words(f.placeholder)}
    missing = sorted(shown - set(words.PAYLOAD_WORDS))
    choices = {c for kind in PAYLOAD_KINDS.values() for f in kind.fields for c in f.choices}
    missing += sorted(choices - set(words.CHOICE_WORDS))
    presets = json.loads((ROOT / "resources" / "presets" / "built-in.json").read_text(encoding="utf-8"))["presets"]
    missing += sorted(set(presets) - set(words.BUILT_IN_PRESETS))
    from app.core.robustness import CONDITIONS

    missing += sorted(c.name for c in CONDITIONS if words.CONDITION_WORDS.get(c.name) != c.label)
    assert not missing, f"add these to app/ui/words.py: {missing}"


def _accelerators(texts: list[str]) -> list[str]:
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&\s])", t.replace("&&", "")))]


@pytest.mark.parametrize("language", ["en", "de"])
def test_menus_in_the_real_catalogue_have_one_key_per_letter(qapp, make_window, language):
    """The compiled catalogue the app ships: its menus are in the language, and no two entries of a menu (nor two
    menus of the bar) share an Alt key."""
    with installed_language(qapp, language):
        window = make_window()
        bar = [a.text() for a in window.menuBar().actions()]
        expected = {"en": ["&File", "&Edit", "&View"], "de": ["&Datei", "&Bearbeiten", "&Ansicht"]}[language]
        assert bar[:3] == expected
        clashes = []
        for title, texts in [("menu bar", bar)] + [(a.text(), [s.text() for s in a.menu().actions()])
                                                   for a in window.menuBar().actions() if a.menu()]:
            keys = _accelerators(texts)
            clashes += [f"{title}: {k!r}" for k in sorted(set(keys)) if keys.count(k) > 1]
        assert not clashes, clashes


@pytest.mark.parametrize(("language", "expected"), [("en", "Undo typing in URL"),
                                                    ("de", "Eingabe in URL rückgängig machen")])
def test_the_undo_command_reads_as_a_sentence_of_the_language(qapp, qtbot, make_window, language, expected):
    """The command's name goes where the language puts it (German read "Rückgängig Eingabe in URL": a prefix)."""
    with installed_language(qapp, language):
        window = make_window()
        qtbot.keyClicks(window.form.editor("url"), "https://a.example")
        assert window.main_actions.undo.text() == expected


def test_building_the_catalogues_keeps_stdout_for_the_app(tmp_path, capsys):
    """setup.sh builds them before every `scripts/run-app.sh ARGS`: a status line on stdout went into the
    command's output (`scripts/run-app.sh decode x.png | head -1` printed it instead of the code)."""
    import translations

    assert translations.main(["build", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "catalogue" in err
