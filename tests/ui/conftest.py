"""GUI tests: real widgets on Qt's offscreen platform, isolated settings and presets.

Every test under tests/ui gets the ``gui`` marker (qutebrowser style), so ``-m "not gui"`` skips them.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

_HERE = Path(__file__).parent


@pytest.fixture(scope="session", autouse=True)
def _none_refcount_guard():
    from app.ui.compat import guard_none_refcount

    guard_none_refcount()  # the same guard the app applies at start (see app/ui/compat.py)


@pytest.fixture(scope="session", autouse=True)
def _garbage_collected_on_gui_thread(qapp):
    from app.ui.compat import collect_garbage_on_gui_thread

    collect_garbage_on_gui_thread(qapp)  # as create_app does: no test's window may be freed by a worker


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp):
    """The app's English plural forms ("1 code", "2 codes": resources/translations/qrdesk_en.ts), installed as
    the app installs them at start."""
    from PySide6.QtCore import QTranslator

    from app.resources import resources_dir

    translator = QTranslator()
    catalogue = resources_dir() / "translations" / "qrdesk_en.qm"
    assert translator.load(str(catalogue)), f"{catalogue} is missing: run python scripts/translations.py build"
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _no_unexpected_questions(request):
    """A question the test does not answer (uihelpers.answering) is cancelled, so no test hangs on a blocking
    dialog, and the test fails naming it."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from uihelpers import unanswered_questions_closer

    found: list[str] = []
    timer = unanswered_questions_closer(found)
    timer.start()
    yield
    timer.stop()
    assert not found, f"the window asked a question the test did not expect: {found}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    from app.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def presets(tmp_path):
    from app.ui.presets import PresetStore

    return PresetStore(tmp_path / "config" / "presets.json")


@pytest.fixture
def make_window(qtbot, settings, presets):
    """Build a MainWindow (optionally with a library) that is closed after the test (unsaved edits discarded)."""
    from app.ui.document import Document
    from app.ui.main_window import MainWindow

    def forget_edits(window: MainWindow) -> None:
        """A test may end with unsaved edits: pytest-qt's closing the window must not ask about them."""
        window.document = Document(window.model.spec, window.document.item_id, window.document.name)

    def build(library=None, **kwargs):
        window = MainWindow(settings=settings, presets=presets, library=library, **kwargs)
        qtbot.addWidget(window, before_close_func=forget_edits)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):  # a context manager: without ``with`` it waits for nothing
            window.activateWindow()
        return window

    return build


@pytest.fixture
def library(tmp_path):
    """A real library folder (SQLite file) with a few items, closed after the test."""
    from app.core.spec import QrSpec, Style
    from app.ui.library_store import open_store

    store = open_store(str(tmp_path / "library"))
    samples = [
        ("Guest Wi-Fi card", QrSpec.text("WIFI:T:WPA;S:Guest;P:welcome-2026;;"), ("office", "wifi")),
        ("Menu — Café Nord", QrSpec("url", {"url": "https://cafe-nord.example/menu"},
                                    Style(fg="#1a3d8f", module_shape="rounded", eye_shape="rounded")), ("print",)),
        ("Conference badge", QrSpec.text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada Lovelace\nEND:VCARD"), ("events",)),
        ("Product sheet", QrSpec("url", {"url": "https://qrdesk.app/p/4711"},
                                 Style(fg="#3b2a1a", bg="#fbf4e4", module_shape="dots", eye_shape="circle")), ()),
        ("Support line", QrSpec.text("tel:+4930123456"), ("office",)),
    ]
    for name, spec, tags in samples:
        store.add_spec(spec, name=name, tags=tags)
    yield store
    store.close()
