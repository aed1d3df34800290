"""The thorough scan check beside the scan badge: three readers, the robustness score and payload lint.

The fast check (zxing-cpp) answers within milliseconds of every keystroke; the thorough one (zbar and OpenCV
too, seven simulated conditions, about a second of CPU) starts only once the code has been still for
:data:`SETTLE_MS`, in a worker, and a result is shown only if it is for the code on screen. The badge reads
e.g. "Robust 6/7 · 3 readers"; clicking it (or Scan details…) opens :class:`ScanDetailsDialog` with the
per-reader, per-condition table and what phones will make of the payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.encode import QrCode
from app.core.errors import QrDeskError
from app.core.lint import Finding, lint
from app.core.spec import QrSpec
from app.core.verify import ScanReport
from app.ui.words import condition_word
from app.ui.workers import CancelToken, Task, submit

if TYPE_CHECKING:
    from app.core.robustness import RobustnessReport


class RobustnessText(QObject):
    """What :meth:`RobustnessReport.summary` says (``survives 6 of 7 conditions on 3 readers; weakest: smudge
    (read by 1 of 3)``), in the user's language (a QObject for ``self.tr``'s plural forms)."""

    def summary(self, report: RobustnessReport) -> str:
        from app.core.decoders import DECODERS  # NumPy: loaded by the thorough check, not before the first paint
        from app.core.robustness import CONDITIONS

        readers = len(report.readers)
        text = self.tr("survives {survived} of {conditions} conditions on %n reader(s)", "", readers).format(
            survived=len(report.survived), conditions=len(report.results))
        unread = [DECODERS[r].label for r in report.readers if not report.clean.get(r)]
        if unread:
            text += self.tr("; {readers} cannot read it even undisturbed").format(readers=", ".join(unread))
        weakest = report.weakest
        if weakest is not None:
            label = next((c.label for c in CONDITIONS if c.name == weakest), weakest)
            text += self.tr("; weakest: {condition} (read by {count} of {readers})").format(
                condition=condition_word(weakest, label), count=report.read_by(weakest), readers=readers)
        return text


def robustness_summary(report: RobustnessReport) -> str:
    return RobustnessText().summary(report)

SETTLE_MS = 700
OK_COLOUR, FAIL_COLOUR = "#2e7d32", "#c62828"  # readable on the light and the dark theme


@dataclass(frozen=True)
class Thorough:
    """A thorough check of one code: the scan report (with readers and robustness) and the lint findings."""

    generation: int
    data: str
    report: ScanReport
    findings: list[Finding]


def run_thorough(generation: int, code: QrCode, spec: QrSpec, token: CancelToken) -> Thorough | None:
    """The thorough check (runs in a worker); ``None`` when it was cancelled because the code changed."""
    # The three readers and the distortions (NumPy, OpenCV) load here, in the worker: not before the first paint.
    from app.core.robustness import Cancelled
    from app.core.verify import check_code_thorough

    try:
        report = check_code_thorough(code, spec.style, cancelled=lambda: token.cancelled)
    except Cancelled:
        return None
    except QrDeskError as exc:
        report = ScanReport(ok=False, decoded=None, errors=[str(exc)])
    return Thorough(generation, code.data, report, lint(code.data))


class ThoroughCheck(QObject):
    """Starts a thorough check once the code on screen has settled; emits only the newest result.

    It runs in a pool of its own with one thread, so it never holds up the preview's renders in the shared
    pool, and a newer code (or :meth:`shutdown`) cancels the running check between conditions."""

    started = Signal()
    finished = Signal(object)  # Thorough

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._start)
        self._generation = 0
        self._pending: tuple[QrCode, QrSpec] | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.last: Thorough | None = None
        self.running: Task | None = None
        self._closed = False

    def request(self, code: QrCode | None, spec: QrSpec) -> None:
        """The code on screen changed (``None``: there is none); earlier results no longer count."""
        if self._closed:
            return
        self._generation += 1
        self._pending = (code, spec) if code is not None else None
        self._timer.stop()
        if self.running is not None:
            self.running.token.cancel()
        if code is not None:
            self._timer.start()

    def _start(self) -> None:
        if self._pending is None:
            return
        code, spec = self._pending
        task = Task(run_thorough, self._generation, code, spec, wants_token=True)
        task.signals.finished.connect(self._done)
        self.running = submit(task, self._pool)
        self.started.emit()

    def shutdown(self) -> None:
        """Stop a running check and wait for it (it stops at the next condition). No check starts after this:
        one started by a late preview would make the pool's destructor wait for it, and a C++ destructor waits
        holding the GIL the check needs to finish (a deadlock seen in the GUI suite)."""
        self._closed = True
        self._timer.stop()
        if self.running is not None:
            self.running.token.cancel()
        self._pool.waitForDone()

    def _done(self, result: Thorough | None) -> None:
        if result is None or result.generation != self._generation:
            return  # the code changed while this ran
        self.last = result
        self.finished.emit(result)


class RobustnessBadge(QLabel):
    """A status-bar label next to the scan badge; clicking it opens the details."""

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("robustnessBadge")
        self.setAccessibleName(self.tr("Robustness score"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setText("")

    def show_checking(self) -> None:
        self.setText(self.tr("Robustness…"))
        self.setToolTip(self.tr("Reading the code with three readers under seven conditions"))

    def show_result(self, result: Thorough) -> None:
        self.setText(self.badge_text(result))
        summary = robustness_summary(result.report.robustness) if result.report.robustness else ""
        lint_note = "\n" + self.tr("%n note(s) on the payload", "", len(result.findings)) if result.findings else ""
        self.setToolTip(self.tr("{summary}{lint}\nClick for details").format(summary=summary, lint=lint_note))

    def badge_text(self, result: Thorough) -> str:
        """``Robust 6/7 · 3 readers``: conditions survived, of all, and by how many readers."""
        robustness = result.report.robustness
        if robustness is None:
            return self.tr("Robustness —")
        readers = len(robustness.readers)
        return self.tr("Robust {survived}/{conditions} · %n reader(s)", "", readers).format(
            survived=len(robustness.survived), conditions=len(robustness.results))

    def clear(self) -> None:
        self.setText("")
        self.setToolTip("")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class ClickFilter(QObject):
    """Makes an existing label (the scan badge) clickable without subclassing it."""

    clicked = Signal()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease:
            self.clicked.emit()
        return super().eventFilter(watched, event)


class ScanDetailsDialog(QDialog):
    """Readers, conditions and payload notes for the code on screen."""

    def __init__(self, result: Thorough | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scan details"))
        self.setObjectName("scanDetails")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Conditions and readers"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setObjectName("lintNotes")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 460)
        self.show_result(result)

    def show_result(self, result: Thorough | None) -> None:
        if result is None or result.report.robustness is None:
            self.summary.setText(self.tr("The thorough check runs once the code has been still for a moment."))
            self.table.setRowCount(0)
            self.notes.setText("")
            return
        from app.core.decoders import DECODERS
        from app.core.robustness import CONDITIONS

        robustness = result.report.robustness
        summary = robustness_summary(robustness)
        lines = [summary[:1].upper() + summary[1:] + "."]
        lines += [f"✗ {e}" for e in result.report.errors] + [f"! {w}" for w in result.report.warnings]
        self.summary.setText("\n".join(lines))
        readers = list(robustness.readers)
        self.table.setColumnCount(len(readers))
        self.table.setHorizontalHeaderLabels([DECODERS[r].label for r in readers])
        rows = [(self.tr("undisturbed"), robustness.clean)]
        rows += [(condition_word(c.name, c.label), robustness.results.get(c.name, {})) for c in CONDITIONS]
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([label for label, _ in rows])
        for row, (_, by_reader) in enumerate(rows):
            for column, reader in enumerate(readers):
                ok = bool(by_reader.get(reader))
                item = QTableWidgetItem(self.tr("✓ reads it") if ok else self.tr("✗ fails"))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setForeground(QBrush(QColor(OK_COLOUR if ok else FAIL_COLOUR)))
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        notes = [f"{f.severity}: {f.message}" for f in result.findings]
        self.notes.setText("\n".join(notes) if notes else self.tr("No notes on the payload."))
