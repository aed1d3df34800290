"""The main window's commands as QActions, and the toolbar that shows some of them.

Each command is one QAction added to the window, so its shortcut works from any child widget; toolbars and
menus only *place* actions, they never create their own. :class:`MainActions` names every command the window
has, so menus, tests and the shortcut list all reach the same objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSizePolicy, QToolBar, QToolButton, QWidget

from app.ui.icons import icon

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def standard_keys(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's keys for ``key``, or ``fallback`` where the platform has none (e.g. Preferences and
    Quit have no standard key on Windows)."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]


def make_action(parent: QWidget, text: str, slot: Callable[[], object], *,
                shortcut: Shortcut | list[QKeySequence] | None = None, icon_name: str = "blank",
                role: QAction.MenuRole | None = None) -> QAction:
    """A command of ``parent``: triggered by its shortcut from any field of any window of the app (fields do not
    keep the key, see :mod:`app.ui.editor.shortcuts`), then by menus and toolbars.

    ``role`` puts Quit, Preferences and About where macOS expects them (the application menu).
    """
    action = QAction(icon(icon_name), text, parent)
    if role is not None:
        action.setMenuRole(role)
    add_command(parent, action, shortcut)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def make_toggle(parent: QWidget, text: str, slot: Callable[[bool], object], checked: bool, *,
                shortcut: Shortcut | None = None) -> QAction:
    """A checkable command (View → Library panel): ``slot(checked)`` on every change."""
    action = QAction(text, parent)
    action.setCheckable(True)
    action.setChecked(checked)
    add_command(parent, action, shortcut)
    action.toggled.connect(slot)
    return action


def add_command(parent: QWidget, action: QAction, shortcut: Shortcut | list[QKeySequence] | None = None) -> None:
    """Make ``action`` a command of ``parent`` with an application-wide ``shortcut`` (a standard key or a list:
    every binding the platform has for it)."""
    if isinstance(shortcut, list | QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    parent.addAction(action)


def free_keys(actions: Iterable[QAction], taken: Iterable[QAction]) -> None:
    """Take from ``actions`` every key one of the ``taken`` actions already has, so no key does two things: on
    X11 the platform's Delete is Del *and* Ctrl+D, and Ctrl+D in the library grid then meant both "move to the
    trash" and "duplicate" (Qt runs neither when two shortcuts match)."""
    used = {key.toString() for action in taken for key in action.shortcuts()}
    for action in actions:
        keys = action.shortcuts()
        kept = [key for key in keys if key.toString() not in used]
        if len(kept) != len(keys):
            action.setShortcuts(kept)


def tool_button(text: str, accessible_name: str, slot: Callable[[], object] | None = None) -> QToolButton:
    """A small button inside a form (not a window command): its text, a name for screen readers, its slot."""
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(accessible_name)
    if slot is not None:
        button.clicked.connect(lambda _checked=False: slot())
    return button


@dataclass(frozen=True)
class MainActions:
    # File
    new: QAction
    save: QAction
    duplicate: QAction
    export: QAction
    batch: QAction
    import_archive: QAction
    export_archive: QAction
    print: QAction
    print_preview: QAction
    quit: QAction
    # Edit
    undo: QAction
    redo: QAction
    copy_image: QAction
    preferences: QAction
    find: QAction
    # View
    theme_system: QAction
    light_theme: QAction
    dark_theme: QAction
    show_library: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    # Help
    shortcuts: QAction
    log_folder: QAction
    about: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]

    def themes(self) -> dict[str, QAction]:
        return {"system": self.theme_system, "light": self.light_theme, "dark": self.dark_theme}

    def toolbar_groups(self) -> tuple[tuple[QAction, ...], ...]:
        """What the main toolbar shows, in groups separated by a line."""
        return (self.new, self.save), (self.export, self.copy_image, self.print, self.batch), (self.undo, self.redo)


def build_toolbar(window: QMainWindow, groups: Iterable[Iterable[QAction]], trailing: QWidget) -> QToolBar:
    """The main toolbar: the action groups on the left, ``trailing`` (the theme chooser) on the right."""
    bar = QToolBar("Main")
    bar.setObjectName("mainToolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for index, group in enumerate(groups):
        if index:
            bar.addSeparator()
        for action in group:
            bar.addAction(action)
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addWidget(trailing)
    window.addToolBar(bar)
    return bar
