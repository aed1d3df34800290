"""Live preview: spec in, picture and scan status out, without ever blocking typing.

Requests are *coalesced* rather than delayed: when no render is running the newest spec renders at once,
and while one runs later requests only replace a single pending slot, rendered as soon as the worker is
free. Typing therefore never queues work and the preview lags by at most one render. Every result carries
the generation it was made for and is dropped unless it is still the newest (stale results never flash).
The scan check (a real decode) runs as a second step so the picture shows up first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, QRectF, QSize, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPainterPath, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.core.encode import QrCode, encode
from app.core.errors import QrDeskError, SpecError
from app.core.render import render_image
from app.core.spec import QrSpec
from app.core.verify import ScanReport, check_code
from app.ui.editor.model import readable_error
from app.ui.imaging import pil_to_qimage
from app.ui.workers import Task, submit

translate = QCoreApplication.translate

PREVIEW_TARGET_PX = 480  # the rendered preview's approximate edge; the widget scales it by whole pixels


class PreviewState(Enum):
    """What a preview result is; views decide what to show from this, never from the message text."""

    EMPTY = "empty"  # nothing to encode yet (a fresh form): no code and nothing wrong
    CODE = "code"  # a code and its picture
    INVALID = "invalid"  # the input cannot be encoded; ``message`` says why


@dataclass(frozen=True)
class PreviewResult:
    generation: int
    spec: QrSpec
    state: PreviewState
    code: QrCode | None = None
    image: QImage | None = None
    message: str = ""  # for EMPTY and INVALID: what to tell the user instead of a picture, in the form's words
    field: str = ""  # for INVALID: the payload field the message is about ("" when it is about no one field)


def nothing_yet() -> str:
    return translate("PreviewController", "Nothing to encode yet")


def make_preview(generation: int, spec: QrSpec) -> PreviewResult:
    """Encode and render ``spec`` for the screen (runs in a worker thread)."""
    if not any(str(value).strip() for value in spec.fields.values()):  # a fresh form: nothing typed yet
        return PreviewResult(generation, spec, PreviewState.EMPTY, message=nothing_yet())
    try:
        data = spec.data()
        if not data:
            return PreviewResult(generation, spec, PreviewState.EMPTY, message=nothing_yet())
        code = encode(data, spec.style)
        module_px = max(2, PREVIEW_TARGET_PX // (code.size + 2 * spec.style.quiet_zone))
        image = pil_to_qimage(render_image(code, spec.style, module_px=module_px))
    except SpecError as exc:  # named by its label ("Network name (SSID): ..."), never by "ssid:"
        return PreviewResult(generation, spec, PreviewState.INVALID, message=readable_error(exc, spec.kind),
                             field=exc.field)
    except QrDeskError as exc:
        return PreviewResult(generation, spec, PreviewState.INVALID, message=str(exc))
    return PreviewResult(generation, spec, PreviewState.CODE, code=code, image=image)


def run_check(generation: int, code: QrCode, spec: QrSpec) -> tuple[int, ScanReport]:
    try:
        return generation, check_code(code, spec.style)
    except QrDeskError as exc:
        return generation, ScanReport(ok=False, decoded=None, errors=[str(exc)])


class PreviewController(QObject):
    """Turns spec changes into :class:`PreviewResult` and :class:`ScanReport` signals."""

    rendered = Signal(object)  # PreviewResult (newest only)
    checked = Signal(object)  # ScanReport for the newest rendered code

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._generation = 0
        self._pending: QrSpec | None = None
        self._busy = False
        self._checking = False
        self._check_pending: tuple[int, QrCode, QrSpec] | None = None
        self.last: PreviewResult | None = None
        self.last_report: ScanReport | None = None
        # Zero-delay hop: several edits made in one event-loop turn (e.g. undo of a macro) render once.
        self._kick = QTimer(self, singleShot=True, interval=0)
        self._kick.timeout.connect(self._start_pending)

    @property
    def generation(self) -> int:
        return self._generation

    def request(self, spec: QrSpec) -> None:
        self._generation += 1
        self._pending = spec
        if not self._busy:
            self._kick.start()

    def _start_pending(self) -> None:
        if self._busy or self._pending is None:
            return
        spec, self._pending = self._pending, None
        self._busy = True
        task = Task(make_preview, self._generation, spec)
        task.signals.finished.connect(self._on_rendered)
        task.signals.failed.connect(lambda exc: self._on_rendered(
            PreviewResult(self._generation, spec, PreviewState.INVALID,
                          message=translate("PreviewController", "Preview failed: {error}").format(error=exc))))
        submit(task, self._pool)

    def _on_rendered(self, result: PreviewResult) -> None:
        self._busy = False
        if self._pending is not None:
            self._start_pending()
        if result.generation != self._generation:
            return  # stale: a newer spec is already on its way
        self.last = result
        self.last_report = None  # the check of this result is still to come
        self.rendered.emit(result)
        if result.code is not None:
            self._queue_check(result.generation, result.code, result.spec)

    def _queue_check(self, generation: int, code: QrCode, spec: QrSpec) -> None:
        self._check_pending = (generation, code, spec)
        if self._checking:
            return
        self._start_check()

    def _start_check(self) -> None:
        if self._check_pending is None:
            return
        args, self._check_pending = self._check_pending, None
        self._checking = True
        task = Task(run_check, *args)
        task.signals.finished.connect(self._on_checked)
        task.signals.failed.connect(lambda _exc: self._on_checked(None))
        submit(task, self._pool)

    def _on_checked(self, outcome: tuple[int, ScanReport] | None) -> None:
        self._checking = False
        if self._check_pending is not None:
            self._start_check()
        if outcome is None:
            return
        generation, report = outcome
        if generation == self._generation:
            self.last_report = report
            self.checked.emit(report)

    def report_for(self, spec: QrSpec) -> ScanReport | None:
        """The scan check of ``spec`` when it is the code on screen and its check has finished, else None."""
        last, report = self.last, self.last_report
        if last is None or report is None or last.spec != spec or last.generation != self._generation:
            return None
        return report


class PreviewWidget(QWidget):
    """Shows the code on its own background: themes never change what the code looks like.

    A transparent code background is shown over a checkerboard, the way image editors do.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image: QImage | None = None
        self._message = nothing_yet()
        self._zoom = 100  # percent of the size that fits the card (View → Zoom)
        self.setMinimumSize(QSize(280, 280))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("QR code preview"))
        self.setObjectName("preview")

    def image(self) -> QImage | None:
        return self._image

    def set_zoom(self, percent: int) -> None:
        """Show the code at ``percent`` of the size that fits (above 100 the card shows its middle, magnified)."""
        self._zoom = max(10, int(percent))
        self.update()

    def show_result(self, result: PreviewResult) -> None:
        self._image = result.image
        self._message = result.message
        code = result.code
        described = result.message
        if code is not None:
            described = self.tr("QR code, version {version}, mask {mask}, {percent}% full").format(
                version=f"{code.version}-{code.ecc}" if code.ecc else code.version, mask=code.mask,
                percent=round(code.capacity_used * 100))
        self.setAccessibleDescription(described)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(card, 14, 14)
        if self._image is None or self._image.isNull():
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(card, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message)
            return
        side = min(card.width(), card.height()) - 48
        rounded = QPainterPath()
        rounded.addRoundedRect(card, 14, 14)
        painter.setClipPath(rounded)  # a magnified code stays inside the card
        img_w, img_h = self._image.width(), self._image.height()
        scale = side / max(img_w, img_h)
        if scale >= 1:
            scale = max(1, int(scale))  # whole-pixel scaling keeps module edges crisp
        scale *= self._zoom / 100  # View → Zoom: relative to the fitted size
        w, h = img_w * scale, img_h * scale
        target = QRectF(card.center().x() - w / 2, card.center().y() - h / 2, w, h)
        self._paint_checkerboard(painter, target)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, scale < 1)
        painter.drawImage(target, self._image)

    @staticmethod
    def _paint_checkerboard(painter: QPainter, target: QRectF) -> None:
        # drawRect with a tiled brush: one call, and it avoids QPainter.fillRect(QRectF, QColor), which
        # corrupts None's refcount in PySide6 6.12 when called many times.
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(_checker_tile()))
        painter.setBrushOrigin(target.topLeft())
        painter.drawRect(target)
        painter.restore()


_TILE: QPixmap | None = None


def _checker_tile() -> QPixmap:
    global _TILE
    if _TILE is None:
        step = 12
        tile = QImage(2 * step, 2 * step, QImage.Format.Format_RGB32)
        tile.fill(QColor("#ffffff"))
        for x in range(2 * step):
            for y in range(2 * step):
                if (x < step) != (y < step):
                    tile.setPixelColor(x, y, QColor("#e3e3e3"))
        _TILE = QPixmap.fromImage(tile)
    return _TILE
