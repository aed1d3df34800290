"""Reading codes into the editor: pictures or PDFs dropped on the window, pasted (Ctrl+V), or opened with
File → Open image….

Decoding runs in a worker (:func:`app.core.decode.decode_file`: every code on every page, zbar and OpenCV as a
fallback). One code opens at once as a new, unsaved item with its payload kind, fields and the colours that
could be read back; several codes (a label sheet, a photo of a poster wall) are offered in a list to choose
from. A file that cannot be read or holds no code gets one sentence, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from app.core.errors import QrDeskError
from app.core.payloads import PAYLOAD_KINDS, shown_payload
from app.core.spec import QrSpec
from app.ui.imaging import qimage_to_pil
from app.ui.words import payload_word
from app.ui.workers import Task, submit

if TYPE_CHECKING:  # the decoders (NumPy, zbar, OpenCV) load with the first picture, not with the app
    from app.core.decode import DecodedCode

PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff", ".gif", ".bmp", ".svg", ".svgz", ".pdf")
translate = QCoreApplication.translate


@dataclass(frozen=True)
class Found:
    """A decoded code and where it came from."""

    code: DecodedCode
    source: str  # file name or "pasted picture"

    def describe(self) -> str:
        kind = payload_word(PAYLOAD_KINDS[self.code.kind].label) if self.code.kind in PAYLOAD_KINDS else self.code.kind
        text = " ".join(shown_payload(self.code.kind, self.code.fields, self.code.text).split())  # no password
        text = text if len(text) <= 60 else text[:59] + "…"
        if self.code.page:
            return translate("CodeImporter", "{kind}: {text}  ({source}, page {page})").format(
                kind=kind, text=text, source=self.source, page=self.code.page)
        return translate("CodeImporter", "{kind}: {text}  ({source})").format(kind=kind, text=text, source=self.source)


@dataclass(frozen=True)
class ImportResult:
    found: list[Found]
    problems: list[str]  # one sentence per file that could not be read or held no code


def decode_sources(paths: Sequence[str]) -> ImportResult:
    """Every code in ``paths`` (runs in a worker)."""
    from app.core.decode import decode_file

    found: list[Found] = []
    problems: list[str] = []
    for path in paths:
        name = Path(path).name
        try:
            result = decode_file(path)
        except QrDeskError as exc:
            problems.append(str(exc).replace(path, name))
            continue
        if not result.codes:
            problems.append(translate("CodeImporter", "No QR code found in {file}.").format(file=name))
        found += [Found(code, name) for code in result.codes]
    return ImportResult(found, problems)


def decode_picture(image: Image.Image, source: str) -> ImportResult:
    from app.core.decode import decode_image

    codes = decode_image(image)
    problems = [] if codes else [translate("CodeImporter", "No QR code found in the {source}.").format(source=source)]
    return ImportResult([Found(code, source) for code in codes], problems)


def local_pictures(mime: QMimeData) -> list[str]:
    """Local files among dropped or pasted URLs (any suffix: the content decides what they are)."""
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile() and not Path(url.toLocalFile()).is_dir()]


class CodeImporter(QObject):
    """Turns files, dropped data and clipboard pictures into an editor item.

    ``opened(spec, message)`` carries the chosen code as a :class:`QrSpec`; ``failed(message)`` a sentence
    for the user (shown in the status bar; nothing is changed in the editor)."""

    opened = Signal(object, str)
    failed = Signal(str)
    busy = Signal(str)

    def __init__(self, window: QWidget, choose: Callable[[list[Found]], Found | None] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.choose = choose or self._ask
        self.last_task: Task | None = None

    # -- entry points ---------------------------------------------------------------------------------
    def open_dialog(self, start_dir: str = "") -> Task | None:
        paths, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Open a picture of a QR code"), start_dir,
                                                self.tr("Pictures and PDFs (*.png *.jpg *.jpeg *.webp *.tif *.tiff "
                                                        "*.gif *.bmp *.svg *.pdf);;All files (*)"))
        return self.open_files(paths) if paths else None

    def open_files(self, paths: Sequence[str]) -> Task | None:
        if not paths:
            return None
        names = ", ".join(Path(p).name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.busy.emit(self.tr("Reading {names}…").format(names=names))
        return self._start(Task(decode_sources, list(paths)))

    def open_image(self, image: QImage, source: str = "") -> Task | None:
        source = source or self.tr("pasted picture")
        if image.isNull():
            self.failed.emit(self.tr("The clipboard holds no picture."))
            return None
        self.busy.emit(self.tr("Reading the {source}…").format(source=source))
        return self._start(Task(decode_picture, qimage_to_pil(image), source))

    def open_mime(self, mime: QMimeData | None, source: str) -> Task | None:
        """Dropped or pasted data: local picture files first, else the picture itself."""
        if mime is None:
            self.failed.emit(self.tr("There is nothing to read."))
            return None
        paths = local_pictures(mime)
        if paths:
            return self.open_files(paths)
        if mime.hasImage():
            image = mime.imageData()
            return self.open_image(image if isinstance(image, QImage) else QImage(image), source)
        self.failed.emit(self.tr("The {source} is not a picture or a file.").format(source=source))
        return None

    def paste(self) -> Task | None:
        return self.open_mime(QGuiApplication.clipboard().mimeData(), self.tr("clipboard"))

    # -- results --------------------------------------------------------------------------------------
    def _start(self, task: Task) -> Task:
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(lambda exc: self.failed.emit(str(exc)))
        self.last_task = task
        return submit(task)

    def _done(self, result: ImportResult) -> None:
        if not result.found:
            self.failed.emit(" ".join(result.problems) or self.tr("No QR code found."))
            return
        chosen = result.found[0] if len(result.found) == 1 else self.choose(result.found)
        if chosen is None:
            return
        spec: QrSpec = chosen.code.spec()
        others = len(result.found) - 1
        note = " " + self.tr("(%n more code(s) found)", "", others) if others and chosen is result.found[0] else ""
        skipped = (" " + " ".join(result.problems)) if result.problems else ""
        kind = payload_word(PAYLOAD_KINDS[spec.kind].label) if spec.kind in PAYLOAD_KINDS else spec.kind
        message = self.tr("Opened the {kind} code from {source}").format(kind=kind, source=chosen.source)
        self.opened.emit(spec, message + note + "." + skipped)

    def _ask(self, found: list[Found]) -> Found | None:
        labels = [f"{index}. {item.describe()}" for index, item in enumerate(found, 1)]
        choice, ok = QInputDialog.getItem(self.window, self.tr("Several codes found"),
                                          self.tr("Open which code in the editor?"), labels, 0, False)
        return found[labels.index(choice)] if ok and choice in labels else None


class DropTarget(QObject):
    """Accepts pictures and PDFs dragged onto ``widget`` (an event filter, so the widget's own class is
    untouched) and hands them to an importer."""

    def __init__(self, widget: QWidget, importer: CodeImporter) -> None:
        super().__init__(widget)
        self.importer = importer
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            mime = event.mimeData()
            if local_pictures(mime) or mime.hasImage():
                event.acceptProposedAction()
                return True
        elif event.type() == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self.importer.open_mime(event.mimeData(), self.tr("dropped picture"))
            event.acceptProposedAction()
            return True
        return super().eventFilter(watched, event)
