"""The one gate every way a code leaves the app passes: Export, Copy image, Copy as SVG, Print, dragging it out.

One check decides for all of them, the scan check the preview's badge shows (:func:`app.core.verify.check_code`,
reused from the preview when it already ran for this very spec). A code that scans leaves at once; one that does
not leaves only after the user chose "… anyway" in a question that says why it fails; a drag cannot ask, so
dragging out a code that does not scan is refused with the reason. (Export also decodes the written file.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.errors import QrDeskError
from app.core.spec import QrSpec
from app.core.verify import ScanReport, check_code
from app.ui.errors import show_error
from app.ui.export import encode_for_export

translate = QCoreApplication.translate


def verdict(spec: QrSpec, known: ScanReport | None = None) -> ScanReport:
    """The scan check of ``spec`` (``known``: its result from the preview); raises when there is no code."""
    return known if known is not None else check_code(encode_for_export(spec), spec.style)


def reasons(report: ScanReport) -> str:
    return "; ".join(report.errors) or translate("Release", "it does not decode")


def may_release(parent: QWidget, spec: QrSpec, action: str, known: ScanReport | None = None) -> bool:
    """Whether ``action`` (e.g. "Copy image") may take the code out of the app; asks when it does not scan.

    Returns False after telling the user why (no code at all, or they chose Cancel)."""
    try:
        report = verdict(spec, known)
    except QrDeskError as exc:
        show_error(parent, translate("Release", "{action} failed").format(action=action), exc)
        return False
    if report.ok:
        return True
    question = translate("Release", "A phone may not read this code: {reasons}.").format(reasons=reasons(report))
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Release", "This code does not scan"), question,
                      parent=parent)
    box.setObjectName("releaseGate")
    box.setInformativeText(translate("Release", "Change the style until the badge says “Scannable”, or go ahead "
                                                "anyway."))
    anyway = box.addButton(translate("Release", "{action} anyway").format(action=action),
                           QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.exec()
    return box.clickedButton() is anyway


def drag_refusal(spec: QrSpec, known: ScanReport | None = None) -> str:
    """Why ``spec`` may not be dragged out ("" when it may): a drag cannot stop to ask "anyway"."""
    try:
        report = verdict(spec, known)
    except QrDeskError as exc:
        return str(exc)
    if report.ok:
        return ""
    return translate("Release", "This code does not scan: {reasons}.").format(reasons=reasons(report))
