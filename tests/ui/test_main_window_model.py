"""A model-based test of the real main window (Hypothesis RuleBasedStateMachine, pytest-qt, offscreen).

Rules do what a person does, through the widgets and the keys: switch the kind, type into fields, change the
style, save (Ctrl+S), open another library item, New (Ctrl+N), undo and redo, open and close every dialog
(preferences, help, print preview, the library's and the presets' too: see tests/ui/dialogs.py), rename, tag,
annotate, duplicate, trash or delete library items, switch the theme, quit and start again, answering the
unsaved-changes question every way. After every step:
- nothing crashed, and a valid input shows a preview that an independent reader (zbar; the app's own check
  uses zxing) decodes to exactly the payload, with no internal error text ("ssid: ", "style.logo: ") on screen;
- every item in the library encodes;
- the title names the item the editor holds as the library has it now (renamed, trashed or deleted meanwhile);
- an edit is never dropped without the question (checked by the rules that replace what the editor holds).

The rules touch only what a user touches (widgets by their place in the form, keys, the library grid), so the
same test runs against older windows: on main a6a2ea8 it found the crash, the locked type switch, the invalid
save and the silently dropped edits (see docs/editor.md).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
)
from uihelpers import answering, type_text

from app.core.encode import encode
from app.core.errors import QrDeskError
from app.core.payloads import PAYLOAD_KINDS
from app.core.spec import QrSpec, Style

pyzbar = pytest.importorskip("pyzbar.pyzbar", reason="libzbar0 is installed by scripts/setup.sh")

Button = QMessageBox.StandardButton
ANSWERS = {"save": Button.Save, "discard": Button.Discard, "cancel": Button.Cancel}
# "ssid: ", "first_name: ", "style.logo: ": a field's internal name where its label belongs (at the start of a
# message or of a reason inside one; "Phone number: " is a label).
INTERNAL = re.compile(r"(?:^|: |; |\()(?:style\.[a-z_]+|" + "|".join(sorted(
    {f.name for kind in PAYLOAD_KINDS.values() for f in kind.fields}, key=len, reverse=True)) + r"): ")
SEED_ITEMS = (
    ("Menu", QrSpec("url", {"url": "https://cafe.example/menu"}, Style(module_shape="rounded"))),
    ("Guest network", QrSpec("wifi", {"ssid": "Guest", "password": "welcome-2026", "security": "WPA"})),
    ("Ada", QrSpec("vcard", {"first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.org"})),
)
# What a person types: values that fit some field, values that fit none, and clearing a field.
TYPED = st.sampled_from([
    "https://shop.example/sale", "shop.example", "not a url", "+49 30 1234567", "12345", "Guest", "welcome-2026",
    "short", "jane@example.com", "Ada", "Lovelace", "2025-06-01 12:30", "48.8584", "2.2945", "Grüße aus Köln",
    "x", "",
])
STYLE_STEPS = st.sampled_from([
    ("module_shape", "square"), ("module_shape", "rounded"), ("module_shape", "dots"), ("eye_shape", "circle"),
    ("eye_shape", "square"), ("ecc", "L"), ("ecc", "Q"), ("ecc", "H"), ("quiet", 2), ("quiet", 6), ("frame", None),
    ("caption", "Scan me"),
])
# The library grid's commands: a key where it has one (Delete, F2, Ctrl+T, Shift+Del), else its action.
LIBRARY_COMMANDS = {
    "rename": (Qt.Key.Key_F2,), "tags": (Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier),
    "trash": (Qt.Key.Key_Delete,), "delete for good": (Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier),
    "notes": "act_notes", "duplicate": "act_duplicate",
}
WAIT_MS = 20000  # upper bound for a render or a check on a loaded machine; never an assertion about speed


def _wait(qtbot, condition, what: str) -> None:
    try:
        qtbot.waitUntil(condition, timeout=WAIT_MS)
    except Exception:
        raise AssertionError(f"gave up waiting for {what}") from None


def _choose(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(index if index >= 0 else combo.findText(str(value)))


def _zbar(image) -> list[str]:
    from app.ui.imaging import qimage_to_pil

    grey = np.asarray(qimage_to_pil(image).convert("L"))
    return [s.data.decode("utf-8") for s in pyzbar.decode(grey, symbols=[pyzbar.ZBarSymbol.QRCODE])]


def _encodes(spec: QrSpec) -> bool:
    try:
        encode(spec.data(), spec.style)
    except QrDeskError:
        return False
    return True


class MainWindowMachine(RuleBasedStateMachine):
    qtbot = None  # set by the test: pytest-qt's bot for the QApplication the windows live in

    def __init__(self) -> None:
        super().__init__()
        from app.ui.library_store import open_store
        from app.ui.presets import PresetStore
        from app.ui.settings import Settings

        self.home = Path(tempfile.mkdtemp(prefix="qrdesk-model-"))
        self.library = open_store(str(self.home / "library"))
        for name, spec in SEED_ITEMS:
            self.library.add_spec(spec, name=name)
        self.settings = Settings(QSettings(str(self.home / "settings.ini"), QSettings.Format.IniFormat))
        self.presets = PresetStore(self.home / "presets.json")
        self.window = None
        self._start()

    # -- the app ----------------------------------------------------------------------------------------
    def _start(self) -> None:
        from app.ui.main_window import MainWindow

        self.window = MainWindow(settings=self.settings, presets=self.presets, library=self.library)
        self.window.show()
        self._activate()
        self.baseline = self.window.model.spec  # what the editor held when opened, saved or made new

    def _activate(self) -> None:
        self.window.activateWindow()
        _wait(self.qtbot, lambda: QApplication.activeWindow() is self.window, "the window to become active")

    def teardown(self) -> None:
        from dialogs import close_dialogs

        close_dialogs()
        if self.window is not None and self.window.isVisible():
            with answering(Button.Discard):
                self.window.close()
        self.window.deleteLater()
        QApplication.processEvents()
        self.library.close()
        shutil.rmtree(self.home, ignore_errors=True)

    @property
    def spec(self) -> QrSpec:
        return self.window.model.spec

    def _keys(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
        """A key chord to whatever has the focus, as a person presses it."""
        self._activate()
        target = QApplication.focusWidget() or self.window
        self.qtbot.keyClick(target, key, modifiers)

    def _library_specs(self) -> list[QrSpec]:
        return [item.spec for item in self.library.items()]

    def _replacing(self, action, answer: str) -> bool:
        """Run an action that replaces what the editor holds (an unsaved edit must be asked about first);
        returns whether it went ahead (not cancelled)."""
        before, dirty = self.spec, self.spec != self.baseline
        with answering(ANSWERS[answer]) as question:
            action()
        QApplication.processEvents()
        if dirty and self.spec != before and before not in self._library_specs():
            assert question.asked, f"an unsaved edit was dropped without a question: {before}"
        if question.asked and answer == "cancel":
            assert self.spec == before, "Cancel still replaced the edit"
            return False
        if question.asked and answer == "save" and _encodes(before):
            assert before in self._library_specs(), "Save did not keep the edit"
        return not question.asked or self.spec != before or answer == "discard"

    # -- rules ------------------------------------------------------------------------------------------
    @rule(kind=st.sampled_from(list(PAYLOAD_KINDS)))
    def switch_kind(self, kind: str) -> None:
        _choose(self.window.form.kind_combo, kind)

    @rule(index=st.integers(0, 16), text=TYPED)
    def type_into_a_field(self, index: int, text: str) -> None:
        editors = list(self.window.form.editors.values())
        editor = editors[index % len(editors)]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(index % editor.count())
            return
        self._activate()
        editor.setFocus()
        _wait(self.qtbot, editor.hasFocus, "the field's focus")
        editor.selectAll()
        if text:
            type_text(self.qtbot, editor, text)
        else:
            self.qtbot.keyClick(editor, Qt.Key.Key_Delete)

    @rule(step=STYLE_STEPS)
    def change_style(self, step: tuple[str, object]) -> None:
        what, value = step
        panel = self.window.style_panel
        widget = getattr(panel, what)
        if isinstance(widget, QComboBox):
            _choose(widget, value)
        elif isinstance(widget, QCheckBox):
            widget.click()
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
            widget.textEdited.emit(str(value))
        else:
            widget.setValue(value)

    @rule()
    def save(self) -> None:
        from dialogs import close_dialogs

        self._keys(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        close_dialogs()  # a refusal says why in a message box
        if self.spec in self._library_specs():
            self.baseline = self.spec

    @rule(row=st.integers(0, 50), answer=st.sampled_from(list(ANSWERS)))
    def open_another_item(self, row: int, answer: str) -> None:
        panel = self.window.library_panel
        count = panel.model.rowCount()
        if not count:
            return
        index = panel.model.index(row % count)
        opened = panel.model.items[row % count]
        spec = getattr(opened, "spec", opened)  # an Item (older windows listed specs)
        panel.view.setCurrentIndex(index)
        if self._replacing(lambda: panel.view.activated.emit(index), answer) and self.spec == spec:
            self.baseline = spec

    @rule(answer=st.sampled_from(list(ANSWERS)))
    def new(self, answer: str) -> None:
        if self._replacing(lambda: self._keys(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier), answer):
            self.baseline = self.spec

    @rule()
    def undo(self) -> None:
        self._keys(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    @rule()
    def redo(self) -> None:
        self._keys(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    @rule(row=st.integers(0, 50), command=st.sampled_from(sorted(LIBRARY_COMMANDS)), accept=st.booleans(),
          on_the_open_item=st.booleans())
    def use_a_library_command(self, row: int, command: str, accept: bool, on_the_open_item: bool) -> None:
        """Select an item in the grid and rename, tag, annotate, duplicate, trash or delete it for good (keys
        where it has them), then fill in and accept or cancel what it asks; the item may be the one the editor
        holds."""
        from dialogs import close_dialogs

        panel = self.window.library_panel
        count = panel.model.rowCount()
        if not count:
            return
        held, before = self.window.current_item_id, self.spec
        ids = [item.id for item in panel.model.items]
        if on_the_open_item and held in ids:
            row = ids.index(held)
        panel.view.setCurrentIndex(panel.model.index(row % count))
        self._activate()
        panel.view.setFocus()
        how = LIBRARY_COMMANDS[command]
        if isinstance(how, str):
            getattr(panel, how).trigger()  # from the context menu
        else:
            self.qtbot.keyClick(panel.view, *how)
        QApplication.processEvents()
        asked = QApplication.activeModalWidget()
        if isinstance(asked, QInputDialog):
            asked.setTextValue(f"{command} {row}")
        if isinstance(asked, QMessageBox) and accept:
            next(b for b in asked.buttons() if b.text() == "Delete").click()
        elif isinstance(asked, QDialog):
            asked.accept() if accept else asked.reject()
        QApplication.processEvents()
        close_dialogs()
        if held is not None and self.window.current_item_id is None and self.spec != before:
            self.baseline = self.spec  # the item left the library with no edit: the editor starts afresh

    @rule(data=st.data())
    def open_and_close_a_dialog(self, data) -> None:
        from dialogs import dialog_openers, open_and_close

        openers = dialog_openers(self.window)
        name = data.draw(st.sampled_from(sorted(openers)), label="dialog")
        open_and_close(openers[name])

    @rule(theme=st.sampled_from(["light", "dark", "system"]))
    def switch_theme(self, theme: str) -> None:
        _choose(self.window.theme_combo, theme)
        QApplication.processEvents()

    @rule(answer=st.sampled_from(list(ANSWERS)))
    def quit_and_start_again(self, answer: str) -> None:
        before, dirty = self.spec, self.spec != self.baseline
        with answering(ANSWERS[answer]) as question:
            self.window.close()
        QApplication.processEvents()
        if self.window.isVisible():  # Cancel
            assert question.asked and self.spec == before
            return
        self.window.deleteLater()
        self._start()
        if dirty and not question.asked:
            # Without the question the edit must at least come back on the next start.
            assert self.spec == before, f"quitting dropped an unsaved edit without a question: {before}"

    # -- invariants -------------------------------------------------------------------------------------
    @invariant()
    def the_preview_shows_the_input(self) -> None:
        ctl = self.window.preview_ctl
        _wait(self.qtbot, lambda: ctl.last is not None and ctl.last.generation == ctl.generation, "the preview")
        spec, result = self.spec, ctl.last
        assert result.spec == spec
        if _encodes(spec):
            assert result.code is not None, f"valid input, but the preview says: {result.message}"
            assert _zbar(self.window.preview.image()) == [spec.data()], "the preview does not scan as the payload"

    @invariant()
    def no_internal_names_on_screen(self) -> None:
        shown = [label.text() for label in self.window.findChildren(QLabel) if label.isVisible()]
        shown.append(self.window.statusBar().currentMessage())
        for text in shown:
            assert not INTERNAL.search(text), f"an internal name on screen: {text!r}"

    @invariant()
    def the_title_names_the_item_as_the_library_has_it(self) -> None:
        item_id = self.window.current_item_id
        if item_id is None:
            return
        shown = [item for item in self.library.items() if item.id == item_id]  # not in the trash, not deleted
        assert shown, "the editor holds an item that is no longer in the library: Save would fail or go nowhere"
        assert self.window.windowTitle().startswith(f"{shown[0].name}[*]"), self.window.windowTitle()

    @invariant()
    def the_library_holds_only_codes(self) -> None:
        for item in self.library.items():
            assert _encodes(item.spec), f"the library holds {item.name!r}, which does not encode: {item.spec}"


def test_the_main_window_keeps_its_promises_whatever_a_person_does(qtbot):
    MainWindowMachine.qtbot = qtbot
    run_state_machine_as_test(MainWindowMachine, settings=settings(
        max_examples=10, stateful_step_count=15, deadline=None, derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
