"""The question before an edit would be dropped: Save, Discard or Cancel.

The window asks it before anything replaces what the editor holds (New, opening another item, opening a
decoded picture, quitting) when the document is modified (:meth:`app.ui.document.Document.is_modified`).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Answer(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


translate = QCoreApplication.translate


def ask_to_save(parent: QWidget, name: str, new: bool = False, can_save: bool = True) -> Answer:
    """Ask whether to save first: the changes to the item ``name``, or (``new``) the new code named so (without
    a library there is only Discard and Cancel)."""
    button = QMessageBox.StandardButton
    question = translate("Unsaved", "Save the new code “{name}” to the library first?") if new else \
        translate("Unsaved", "Save the changes to “{name}” first?")
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Unsaved", "Unsaved changes"), question.format(name=name),
                      parent=parent)
    box.setObjectName("unsavedPrompt")
    box.setInformativeText(translate("Unsaved", "If you don't save them, your changes will be lost."))
    box.setStandardButtons((button.Save if can_save else button.NoButton) | button.Discard | button.Cancel)
    box.setDefaultButton(button.Save if can_save else button.Cancel)
    box.setEscapeButton(button.Cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    chosen = box.exec()
    return {button.Save: Answer.SAVE, button.Discard: Answer.DISCARD}.get(button(chosen), Answer.CANCEL)
