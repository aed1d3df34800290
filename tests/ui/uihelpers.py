"""Helpers shared by the GUI tests (a uniquely named module: tests/core has its own conftest helpers)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import zxingcpp
from PIL import Image


def decode(image) -> list[str]:
    """Decode a PIL image or QImage with zxing-cpp; returns the texts found."""
    from PySide6.QtGui import QImage

    from app.ui.imaging import qimage_to_pil

    if isinstance(image, QImage):
        image = qimage_to_pil(image)
    rgb = image.convert("RGB")
    return [r.text for r in zxingcpp.read_barcodes(np.asarray(rgb))]


def wait_preview(qtbot, window, expected_text: str | None = None, timeout: int = 5000) -> None:
    """Wait until the preview shows the newest spec (and, if given, a code for that text)."""

    def ready() -> None:
        last = window.preview_ctl.last
        assert last is not None and last.generation == window.preview_ctl.generation
        if expected_text is not None:
            assert last.code is not None and last.code.data == expected_text

    qtbot.waitUntil(ready, timeout=timeout)


def save_png(image, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(image, Image.Image):
        image.save(path)
    else:
        image.save(str(path))


# -- questions the window asks with a blocking exec() ------------------------------------------------------
_ANSWERING: list[str] = []  # the object names of the questions a test is answering right now


def visible_box(name: str):
    """The visible message box called ``name`` (e.g. "unsavedPrompt", "releaseGate"), or None."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()), None)


class answering:  # lower case: used like a function, as a context manager
    """While inside, the question called ``name`` is answered by clicking ``answer`` (a
    standard button or a button text); ``asked`` lists the texts of the questions that were answered."""

    def __init__(self, answer, name: str = "unsavedPrompt") -> None:
        from PySide6.QtCore import QTimer

        self.answer, self.name, self.asked = answer, name, []
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._answer)

    def _answer(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = visible_box(self.name)
        if box is None:
            return
        self.asked.append(box.text())
        if isinstance(self.answer, str):
            button = next(b for b in box.buttons() if b.text().replace("&", "") == self.answer)
        else:
            button = box.button(QMessageBox.StandardButton(self.answer))
        button.click()

    def __enter__(self) -> answering:
        _ANSWERING.append(self.name)
        self.timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.timer.stop()
        _ANSWERING.remove(self.name)


def unanswered_questions_closer(found: list[str]):
    """A timer that cancels any question no test is answering (so a test never hangs on one) and records it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible() and widget.objectName() in (
                    "unsavedPrompt", "releaseGate") and widget.objectName() not in _ANSWERING:
                found.append(f"{widget.objectName()}: {widget.text()}")
                widget.reject()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(close)
    return timer


def type_text(qtbot, widget, text: str) -> None:
    """Type ``text`` key by key as a keyboard would (QTest's keyClicks only knows ASCII; other characters come
    as key events carrying their text, like an input method's)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


@contextmanager
def installed_language(qapp, language: str) -> Iterator[tuple[object, list[object]]]:
    """The app's catalogues for ``language`` installed as the app installs them, and removed afterwards with the
    default locale restored: (locale, translators)."""
    from PySide6.QtCore import QLocale

    from app.ui.i18n import install_translators

    default = QLocale()
    locale, translators = install_translators(qapp, language)
    try:
        yield locale, translators
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(default)
