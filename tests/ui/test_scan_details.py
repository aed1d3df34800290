"""The thorough check beside the scan badge: it waits for the code to settle, shows only the newest result, and
the details list every reader under every condition plus the payload notes."""

from __future__ import annotations

from app.core.encode import encode
from app.core.robustness import CONDITIONS
from app.core.spec import QrSpec, Style
from app.ui.scan_details import RobustnessBadge, ScanDetailsDialog, ThoroughCheck

URL = "https://qrdesk.app/r/2025?campaign=spring"


def test_only_the_newest_code_is_reported(qtbot) -> None:
    check = ThoroughCheck(settle_ms=50)
    seen: list[str] = []
    check.finished.connect(lambda result: seen.append(result.data))
    for text in ("first", "second", URL):
        spec = QrSpec.text(text)
        check.request(encode(text), spec)
    with qtbot.waitSignal(check.finished, timeout=20000):
        pass
    qtbot.wait(200)
    assert seen == [URL]  # the earlier requests never ran: the timer restarted on each


def test_a_result_for_a_code_no_longer_shown_is_dropped(qtbot) -> None:
    check = ThoroughCheck(settle_ms=0)
    with qtbot.waitSignal(check.started, timeout=5000):
        check.request(encode(URL), QrSpec.text(URL))
    running = check.running
    assert running is not None
    with qtbot.waitSignal(running.signals.finished, timeout=20000) as blocker, \
            qtbot.assertNotEmitted(check.finished, wait=100):
        check.request(None, QrSpec.text(""))  # the form was cleared while the check ran
    assert blocker.args == [None]  # it stopped at the next condition instead of finishing
    assert check.last is None


def test_shutdown_stops_a_running_check(qtbot) -> None:
    check = ThoroughCheck(settle_ms=0)
    with qtbot.waitSignal(check.started, timeout=5000):
        check.request(encode(URL), QrSpec.text(URL))
    check.shutdown()  # returns once the worker has stopped
    assert check.running is not None and check.running.token.cancelled and check.last is None


def test_badge_and_details_show_readers_conditions_and_notes(qtbot) -> None:
    style = Style(module_shape="dots", eye_shape="circle")  # OpenCV cannot find round eyes
    check = ThoroughCheck(settle_ms=0)
    text = "http://example.com/menu"
    with qtbot.waitSignal(check.finished, timeout=20000) as blocker:
        check.request(encode(text, style), QrSpec("url", {"url": text}, style))
    result = blocker.args[0]
    badge = RobustnessBadge()
    qtbot.addWidget(badge)
    badge.show_result(result)
    assert badge.text() == "Robust 0/7 · 3 readers"
    assert "OpenCV cannot read it even undisturbed" in badge.toolTip()
    dialog = ScanDetailsDialog(result)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.horizontalHeaderItem(i).text() for i in range(table.columnCount())] == ["zxing-cpp", "zbar",
                                                                                          "OpenCV"]
    assert table.rowCount() == 1 + len(CONDITIONS)
    assert table.item(0, 0).text() == "✓ reads it" and table.item(0, 2).text() == "✗ fails"
    assert "OpenCV cannot read the code" in dialog.summary.text()
    assert "warning: http:// is not encrypted" in dialog.notes.text()


def test_details_before_a_result_say_so(qtbot) -> None:
    dialog = ScanDetailsDialog(None)
    qtbot.addWidget(dialog)
    assert "runs once the code has been still" in dialog.summary.text() and dialog.table.rowCount() == 0
