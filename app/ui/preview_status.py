"""What the window says about the code beside the picture: version and capacity in the status bar, the scan
check's verdict, and a one-line summary under the preview.

The verdict is a :class:`ScanState` decided from typed values (:class:`PreviewState`, :class:`ScanReport`), never
from message text; the labels only display it. Each state's value is the scan label's object name; its text
colour is the state's :class:`Tone` (a palette of the label's own, so a theme switch keeps it).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from app.core.payloads import shown_payload
from app.core.verify import ScanReport
from app.ui.preview import PreviewResult, PreviewState
from app.ui.text import elide
from app.ui.themes import Tone, set_tone

translate = QCoreApplication.translate


class ScanState(Enum):
    IDLE = "scanIdle"  # nothing to check: the form is empty
    CHECKING = "scanChecking"  # a code is shown, its decode check is running
    OK = "scanOk"
    WARN = "scanWarn"  # it scans, with advice (contrast, quiet zone, logo)
    FAIL = "scanFail"  # no code (the input is invalid) or the code does not decode


_TONES = {ScanState.IDLE: Tone.NORMAL, ScanState.CHECKING: Tone.NORMAL, ScanState.OK: Tone.OK,
          ScanState.WARN: Tone.WARN, ScanState.FAIL: Tone.FAIL}


class PreviewStatus:
    """Owns the version, capacity and scan labels (placed in ``status_bar``) and the summary label (placed by
    the window under the preview)."""

    def __init__(self, status_bar: QStatusBar) -> None:
        self.version_label = QLabel()
        self.version_label.setAccessibleName(translate("PreviewStatus", "Version and error correction"))
        self.capacity_label = QLabel()
        self.capacity_label.setAccessibleName(translate("PreviewStatus", "Capacity used"))
        self.scan_label = QLabel()
        self.scan_label.setAccessibleName(translate("PreviewStatus", "Scan check"))
        for label in (self.version_label, self.capacity_label, self.scan_label):
            status_bar.addPermanentWidget(label)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scan_state = ScanState.IDLE

    def show_result(self, result: PreviewResult) -> None:
        if result.code is None:
            self.version_label.setText("—")
            self.capacity_label.setText("")
            self.summary.setText(result.message)
            state = ScanState.IDLE if result.state is PreviewState.EMPTY else ScanState.FAIL
            self._set_scan(state, result.message)
            return
        code = result.code
        self.version_label.setText(translate("PreviewStatus", "Version {version} · ECC {level}").format(
            version=code.version, level=code.ecc or "—"))
        self.capacity_label.setText(translate("PreviewStatus", "{percent}% of capacity").format(
            percent=round(code.capacity_used * 100)))
        spec = result.spec  # a password is never on screen (a shared screen, a screenshot)
        self.summary.setText(elide(shown_payload(spec.kind, spec.fields, code.data), 90))
        self._set_scan(ScanState.CHECKING, translate("PreviewStatus", "Checking…"))

    def show_report(self, report: ScanReport) -> None:
        if not report.ok:
            reasons = "; ".join(report.errors) or translate("PreviewStatus", "does not decode")
            self._set_scan(ScanState.FAIL, translate("PreviewStatus", "Fails: {reasons}").format(reasons=reasons))
        elif report.warnings:
            self._set_scan(ScanState.WARN, translate("PreviewStatus", "Scannable, but: {warnings}").format(
                warnings="; ".join(report.warnings)))
        else:
            self._set_scan(ScanState.OK, translate("PreviewStatus", "✓ Scannable"))

    def _set_scan(self, state: ScanState, text: str) -> None:
        self.scan_state = state
        label = self.scan_label
        label.setObjectName(state.value)
        label.setText(elide(text, 110))
        label.setToolTip(text)
        set_tone(label, _TONES[state])
