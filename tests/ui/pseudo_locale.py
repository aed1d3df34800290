"""A pseudo-translation of the app, and what a screen shows that it did not translate (a uniquely named module,
like uihelpers).

The pseudo catalogue is made the way a real one is: ``pyside6-lupdate`` extracts the strings of app/ui (so a
string lupdate cannot see, e.g. ``self.tr(variable)`` or a context that differs from the class at run time, stays
English and is caught), every message becomes "⟦Ŝàvé⟧" (accented, bracketed; placeholders, markup and the
accelerator kept) and ``pyside6-lrelease`` compiles it. Qt's own strings (dialog buttons, key names) are
pseudo-translated by :class:`QtPseudoTranslator`, standing in for the qtbase catalogue a real language loads.

:func:`untranslated` walks the visible widgets and reports every text with a Latin word outside the brackets.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations  # noqa: E402 - scripts/translations.py, the build's own lupdate/lrelease calls

OPEN, CLOSE = "⟦", "⟧"
_ACCENTS = str.maketrans("AaCcEeIiNnOoSsUuYyZz", "ÀàÇçÉéÎîÑñÖöŜŝÛûÝýŽž")
# What a translation must keep as it is: {python} placeholders, %1/%n, <markup>, &entities; and the accelerator.
_KEEP = re.compile(r"\{[^{}]*\}|%L?\d+|%L?n|<[^<>]*>|&[a-z]+;|&.|\(\*[^()]*\)")  # (*.png): a file filter's globs
# Never translated, so allowed outside the brackets: formats, units, product and library names.
ALLOWED_WORDS = frozenset({
    "QRDesk", "QR", "PNG", "SVG", "PDF", "EPS", "JPEG", "JPG", "WebP", "WEBP", "TIFF", "TIF", "TXT", "ZIP", "CMYK",
    "RGB", "CSV", "XLSX", "ODS", "cm", "ft",
    "mm", "px", "dpi", "Qt", "PySide", "Python", "segno", "zbar", "zxing", "cpp", "OpenCV", "Pillow", "SQLite",
})
_NOT_WORDS = re.compile(r"https?://\S+|\S*[/\\]\S*|#[0-9A-Fa-f]{3,8}\b|\S+@\S+\.\S+|\*\.[\w*.]+")


def pseudo(text: str) -> str:
    """``"&Save…"`` → ``"⟦&Sàvé⟧…"``: every letter accented, what code or Qt reads kept (the accelerator's letter
    too), a trailing "…" or ":" left outside (dialog_openers finds dialogs by the ellipsis, as a user does); each
    filter of a file dialog's ``A (*.a);;B (*.b)`` on its own."""
    if ";;" in text:
        return ";;".join(pseudo(part) for part in text.split(";;"))
    tail = re.search(r"[…:]*\s*$", text)
    body, end = text[: tail.start()], text[tail.start():]
    if not body:
        return text
    parts, last = [], 0
    for keep in _KEEP.finditer(body):
        parts += [body[last:keep.start()].translate(_ACCENTS), keep.group()]
        last = keep.end()
    parts.append(body[last:].translate(_ACCENTS))
    return f"{OPEN}{''.join(parts)}{CLOSE}{end}"


def pseudo_catalogue(folder: Path) -> Path:
    """Extract app/ui's strings into ``folder``, fill every message with its pseudo translation and compile it;
    returns the .qm."""
    ts = folder / "qrdesk_pseudo.ts"
    translations.update(("de",), folder)  # German numerus rules: two plural forms, like most languages
    (folder / "qrdesk_de.ts").rename(ts)
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        forms = translation.findall("numerusform")
        if forms:
            for form in forms:
                form.text = pseudo(source)
        else:
            translation.text = pseudo(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = ts.with_suffix(".qm")
    translations.compile_catalogue(ts, qm)
    return qm


def contexts(ts: Path) -> set[str]:
    return {c.findtext("name") or "" for c in ET.parse(ts).getroot().iter("context")}


class QtPseudoTranslator(QTranslator):
    """Pseudo-translates Qt's own contexts (QPlatformTheme, QShortcut, QWizard...), never the app's: a string of
    the app whose context is missing from the catalogue must stay English, so the walk catches it."""

    def __init__(self, app_contexts: set[str]) -> None:
        super().__init__()
        self.app_contexts = app_contexts

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if context in self.app_contexts or not re.match(r"Q[A-Z]", context or ""):
            return ""
        return pseudo(source.replace("%n", str(n)) if n >= 0 else source)

    def isEmpty(self) -> bool:
        return False


# -- the walk -----------------------------------------------------------------------------------------------------
def leftover_words(text: str) -> list[str]:
    """The Latin words of ``text`` that are outside every ⟦…⟧ and not in :data:`ALLOWED_WORDS`."""
    previous = None
    while previous != text:  # innermost first: a translated string may hold another
        previous, text = text, re.sub(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}", " ", text)
    text = _NOT_WORDS.sub(" ", text.replace("&&", "&").replace("&", ""))
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED_WORDS]


def _plain(text: str) -> str:
    if "<" in text:
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _action_texts(action: QAction, where: str) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield f"{where} action", action.text()
    if action.toolTip() != re.sub(r"&(.)", r"\1", action.text()).removesuffix("…"):  # Qt's default tooltip
        yield f"{where} action {action.text()!r} tooltip", action.toolTip()
    yield f"{where} action {action.text()!r} status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield f"{where} menu", menu.title()
        for sub in menu.actions():
            yield from _action_texts(sub, f"{where} › {action.text()}")


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """``(where, text)`` for what ``widget`` itself shows or says (a screen reader included)."""
    where = f"{type(widget).__name__} {widget.objectName() or ''}".strip()
    if widget.isWindow():
        yield f"{where} title", widget.windowTitle().replace("[*]", "")
    yield f"{where} tooltip", _plain(widget.toolTip())
    yield f"{where} status tip", widget.statusTip()
    yield f"{where} what's this", _plain(widget.whatsThis())
    yield f"{where} accessible name", widget.accessibleName()
    yield f"{where} accessible description", widget.accessibleDescription()
    if isinstance(widget, QLabel):
        yield f"{where} text", _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield f"{where} text", widget.text()
    elif isinstance(widget, QGroupBox):
        yield f"{where} title", widget.title()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{where} placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{where} item {i}", widget.itemText(i)
            yield f"{where} item {i} tooltip", str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
    elif isinstance(widget, QAbstractSpinBox):
        for name in ("prefix", "suffix", "specialValueText"):
            if hasattr(widget, name):
                yield f"{where} {name}", getattr(widget, name)()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{where} tab {i}", widget.tabText(i)
            yield f"{where} tab {i} tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        model = widget.model()
        count = model.columnCount() if widget.orientation() == Qt.Orientation.Horizontal else 0
        for section in range(count):
            yield f"{where} header {section}", str(model.headerData(section, widget.orientation()) or "")
    elif isinstance(widget, QWizard) and widget.currentPage() is not None:
        page = widget.currentPage()
        yield f"{where} page title", _plain(page.title())
        yield f"{where} page subtitle", _plain(page.subTitle())
    if isinstance(widget, QMainWindow):
        yield f"{where} status", widget.statusBar().currentMessage()
        for action in widget.menuBar().actions():
            yield from _action_texts(action, f"{where} menu bar")
    for action in widget.actions():
        yield from _action_texts(action, where)


def visible_widgets(roots: Iterable[QWidget] | None = None) -> Iterator[QWidget]:
    for root in roots if roots is not None else QApplication.topLevelWidgets():
        if not root.isVisible():
            continue
        yield root
        for child in root.findChildren(QWidget):
            if child.isVisible():
                yield child


def untranslated(roots: Iterable[QWidget] | None = None) -> dict[str, str]:
    """``{text: where it was seen first}`` for every visible text with a word the pseudo-translation missed."""
    found: dict[str, str] = {}
    for widget in visible_widgets(roots):
        for where, text in widget_texts(widget):
            if text and text not in found and leftover_words(text):
                found[text] = where
    return found


def report(found: dict[str, str]) -> str:
    return "\n".join(f"{text!r}  ({where})" for text, where in sorted(found.items()))
