"""The menu bar: File, Edit, View, (Sync), Help. Menus only place the window's actions; none is made here.

Sync adds its own menu (:mod:`app.ui.sync.wiring`) between View and Help, so Help is added last by
:func:`add_help_menu`. Other parts add to these menus through :class:`MainMenus`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from app.ui.actions import MainActions

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from app.ui.decode_wiring import DecodeUi


@dataclass(frozen=True)
class LibraryCommands:
    """The library panel's commands the Edit menu shows (they act on the grid's selection)."""

    delete: QAction
    rename: QAction


@dataclass(frozen=True)
class MainMenus:
    file: QMenu
    edit: QMenu
    view: QMenu


def _add(menu: QMenu, groups: Iterable[Sequence[QAction]]) -> None:
    """``groups`` of actions separated by lines (empty groups are left out)."""
    for index, group in enumerate(g for g in groups if g):
        if index:
            menu.addSeparator()
        menu.addActions(list(group))


def build_menus(window: QMainWindow, actions: MainActions, library: LibraryCommands | None,
                decode: DecodeUi) -> MainMenus:
    """``library``: the panel's commands (None without a library); ``decode``: reading codes in (File → Open
    image…, Edit → Paste image and Copy as SVG, View → Scan details…, see :mod:`app.ui.decode_wiring`)."""
    bar = window.menuBar()
    file = bar.addMenu(translate("Menus", "&File"))
    file.setObjectName("fileMenu")
    _add(file, [(actions.new, decode.open_image), (actions.save, actions.duplicate), (actions.export, actions.batch),
                (actions.import_archive, actions.export_archive), (actions.print, actions.print_preview),
                (actions.quit,)])
    edit = bar.addMenu(translate("Menus", "&Edit"))
    edit.setObjectName("editMenu")
    library_group = (library.delete, library.rename) if library is not None else ()
    _add(edit, [(actions.undo, actions.redo), (actions.copy_image, decode.copy_svg, decode.paste_image),
                library_group, (actions.find,), (actions.preferences,)])
    view = bar.addMenu(translate("Menus", "&View"))
    view.setObjectName("viewMenu")
    themes = view.addMenu(translate("Menus", "&Theme"))
    group = QActionGroup(window)
    group.setExclusive(True)
    for action in actions.themes().values():
        action.setCheckable(True)
        group.addAction(action)
        themes.addAction(action)
    view.addSeparator()
    _add(view, [(actions.show_library, decode.details), (actions.zoom_in, actions.zoom_out, actions.zoom_reset)])
    return MainMenus(file, edit, view)


def add_help_menu(window: QMainWindow, actions: MainActions) -> QMenu:
    """The Help menu, last in the bar (after Sync when there is one)."""
    menu = window.menuBar().addMenu(translate("Menus", "&Help"))
    menu.setObjectName("helpMenu")
    _add(menu, [(actions.shortcuts, actions.log_folder), (actions.about,)])
    return menu
