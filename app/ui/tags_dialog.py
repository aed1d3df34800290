"""Tags of one or many library items: add and remove, never replace what the dialog did not touch.

Each tag of the selection is a check box: checked when every selected item has it, partly checked when some
do. Unchanged boxes leave the items alone, so tagging ten items "print" keeps each item's other tags. New
tags are typed (comma separated) with the library's tags offered as completions. :func:`tag_states` and
:func:`TagChange` are plain values; the dialog only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.library import Item


@dataclass(frozen=True)
class TagChange:
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.add or self.remove)


def tag_states(items: Sequence[Item]) -> dict[str, Qt.CheckState]:
    """Every tag of ``items``: Checked if all carry it, PartiallyChecked if only some do (case-insensitive)."""
    counts: dict[str, int] = {}
    spelling: dict[str, str] = {}
    for item in items:
        for tag in {t.casefold(): t for t in item.tags}.values():
            spelling.setdefault(tag.casefold(), tag)
            counts[tag.casefold()] = counts.get(tag.casefold(), 0) + 1
    return {spelling[key]: (Qt.CheckState.Checked if n == len(items) else Qt.CheckState.PartiallyChecked)
            for key, n in sorted(counts.items())}


def change_between(before: dict[str, Qt.CheckState], after: dict[str, Qt.CheckState],
                   typed: Iterable[str] = ()) -> TagChange:
    """What to do to every item: tags checked now (or typed) are added, tags unchecked now are removed."""
    add = [tag for tag, state in after.items() if state == Qt.CheckState.Checked and before.get(tag) != state]
    remove = [tag for tag, state in after.items() if state == Qt.CheckState.Unchecked and tag in before]
    add += [t for t in (" ".join(t.split()) for t in typed) if t and t.casefold() not in
            {a.casefold() for a in add}]
    return TagChange(tuple(add), tuple(remove))


class TagsDialog(QDialog):
    def __init__(self, items: Sequence[Item], known_tags: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagsDialog")
        count = len(items)
        self.setWindowTitle(self.tr("Tags of %n item(s)", "", count))
        self.before = tag_states(items)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Tags of the selected items"))
        for tag, state in self.before.items():
            entry = QListWidgetItem(f"#{tag}")
            entry.setData(Qt.ItemDataRole.UserRole, tag)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
            if state == Qt.CheckState.PartiallyChecked:
                flags |= Qt.ItemFlag.ItemIsUserTristate  # partly: leave as is, or all, or none
            entry.setFlags(flags)
            entry.setCheckState(state)
            self.list.addItem(entry)
        self.new_tags = QLineEdit()
        self.new_tags.setAccessibleName(self.tr("Tags to add"))
        self.new_tags.setPlaceholderText(self.tr("Add tags, separated by commas"))
        completer = QCompleter(sorted(set(known_tags), key=str.casefold), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.new_tags.setCompleter(completer)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        hint = QLabel(self.tr("Uncheck a tag to remove it from every selected item; a partly checked tag is left "
                              "as it is.") if count > 1 else self.tr("Uncheck a tag to remove it."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.new_tags)
        layout.addWidget(buttons)
        self.list.setVisible(bool(self.before))
        self.resize(360, 320)

    def states(self) -> dict[str, Qt.CheckState]:
        entries = (self.list.item(row) for row in range(self.list.count()))
        return {entry.data(Qt.ItemDataRole.UserRole): entry.checkState() for entry in entries}

    def change(self) -> TagChange:
        return change_between(self.before, self.states(), self.new_tags.text().split(","))
