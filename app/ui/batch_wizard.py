"""Batch import wizard: file → rows and mapping (bad rows shown before running) → run with progress.

Reading, mapping and running are :mod:`app.core.batch`, the same code as ``qrdesk batch``. The wizard
only collects choices; the run happens in a worker with progress and a cancel button.
"""

from __future__ import annotations

import copy
import threading
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core.batch import BatchOptions, BatchResult, RowError, Table, prepare, read_source, run_batch
from app.core.errors import QrDeskError
from app.core.payloads import PAYLOAD_KINDS
from app.core.render import FORMATS
from app.core.spec import Style
from app.ui.errors import describe, show_error
from app.ui.workers import Task, submit

PREVIEW_ROWS = 50
OUTPUT_FILTERS = "Folder of files (*);;ZIP archive (*.zip);;Label sheet PDF (*.pdf)"


class BatchWizard(QWizard):
    """Emits ``items_added`` after results were added to the library."""

    items_added = Signal(int)
    finished_run = Signal(object)  # BatchResult

    def __init__(self, style: Style, library: object | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Batch import")
        self.setObjectName("batchWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(820, 560)
        self.style_, self.library = style, library
        self.table: Table | None = None
        self.source_page = SourcePage(self)
        self.rows_page = RowsPage(self)
        self.run_page = RunPage(self)
        for page in (self.source_page, self.rows_page, self.run_page):
            self.addPage(page)

    def options(self, output: Path | None = None) -> BatchOptions:
        mapping = self.rows_page.mapping()
        return BatchOptions(output=output or Path("unused"), kind=self.source_page.kind(), style=self.style_,
                            mapping=mapping, fmt=self.run_page.fmt.currentText())


class SourcePage(QWizardPage):
    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Choose a file")
        self.setSubTitle("A .csv (one code per row, columns for the fields) or a .txt (one payload per line). "
                         "You can also drop the file here.")
        self.setAcceptDrops(True)
        self.path = QLineEdit()
        self.path.setAccessibleName("Input file")
        self.path.setPlaceholderText("Drop a .csv or .txt file here")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Payload type for every row")
        for name, kind in PAYLOAD_KINDS.items():
            self.kind_combo.addItem(kind.label, name)
        self.info = QLabel()
        self.info.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("File", row)
        form.addRow("Each row is a", self.kind_combo)
        form.addRow(self.info)
        self.path.textChanged.connect(self.completeChanged)

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Choose rows", "", "Rows (*.csv *.txt);;All files (*)")
        if path:
            self.path.setText(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.path.setText(urls[0].toLocalFile())
            event.acceptProposedAction()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        try:
            self.wiz.table = read_source(Path(self.path.text().strip()))
        except (QrDeskError, OSError) as exc:
            self.info.setText(f"⚠ {describe(exc)}")
            show_error(self, "Cannot read the file", exc)
            return False
        return True


class RowsPage(QWizardPage):
    """The parsed rows, the column mapping, and the rows that will fail (with their reasons)."""

    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Check rows and columns")
        self.setSubTitle("Map columns to fields. Rows listed below will be skipped; fix them in the file "
                         "or go on without them.")
        self.preview = QTableWidget()
        self.preview.setAccessibleName("Parsed rows")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.mapping_box = QWidget()
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_form.setContentsMargins(0, 0, 0, 0)
        self.bad_rows = QListWidget()
        self.bad_rows.setAccessibleName("Rows that will be skipped")
        self.summary = QLabel()
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        self.column_combos: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.bad_rows, 1)
        self.errors: list[RowError] = []

    def initializePage(self) -> None:
        self.column_combos.clear()
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        table = copy.deepcopy(self.wiz.table)
        try:
            from app.core.batch.mapping import plan_columns

            plan = plan_columns(table, self.wiz.source_page.kind())
        except QrDeskError as exc:
            plan = None
            self.summary.setText(f"⚠ {describe(exc)}")
        header = (table.header if table is not None else None) or ()
        width = max([len(r.cells) for r in table.rows[:PREVIEW_ROWS]] + [len(header), 1])
        labels = [header[i] if i < len(header) else f"Column {i + 1}" for i in range(width)]
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels(labels)
        rows = table.rows[:PREVIEW_ROWS]
        self.preview.setRowCount(len(rows))
        self.preview.setVerticalHeaderLabels([str(r.number) for r in rows])
        for r, row in enumerate(rows):
            for c, cell in enumerate(row.cells):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.resizeColumnsToContents()
        kind = PAYLOAD_KINDS[self.wiz.source_page.kind()]
        for f in kind.fields:
            combo = QComboBox()
            combo.setAccessibleName(f"Column for {f.label}")
            combo.addItem("(none)", None)
            for i, label in enumerate(labels):
                combo.addItem(label, str(i + 1) if not header else label)
            if plan is not None and f.name in plan.fields:
                combo.setCurrentIndex(plan.fields[f.name] + 1)
            combo.currentIndexChanged.connect(self._recheck)
            self.column_combos[f.name] = combo
            self.mapping_form.addRow(f.label + (" *" if f.required else ""), combo)
        self._recheck()

    def mapping(self) -> dict[str, str]:
        return {combo.currentData(): name for name, combo in self.column_combos.items()
                if combo.currentData() is not None}

    def _recheck(self) -> None:
        """Run the core's row preparation on a copy: the same checks the run makes, before running."""
        self.bad_rows.clear()
        table = copy.deepcopy(self.wiz.table)
        try:
            _plan, items, errors = prepare(table, self.wiz.options())
        except QrDeskError as exc:
            self.errors = []
            self.summary.setText(f"⚠ {describe(exc)}")
            return
        self.errors = errors
        for error in errors:
            where = f"{error.field}: " if error.field else ""
            self.bad_rows.addItem(f"Row {error.row}: {where}{error.reason}")
        self.summary.setText(f"{len(items)} row(s) ready, {len(errors)} will be skipped.")


class RunPage(QWizardPage):
    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle("Make the codes")
        self.result: BatchResult | None = None
        self._task: Task | None = None
        self._cancel = threading.Event()
        self.output = QLineEdit()
        self.output.setAccessibleName("Output folder, ZIP or PDF")
        self.output.setPlaceholderText("A folder, a .zip, or a .pdf label sheet")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.fmt = QComboBox()
        self.fmt.addItems(list(FORMATS))
        self.fmt.setAccessibleName("File format")
        self.add_to_library = QCheckBox("Add the codes to the library")
        self.add_to_library.setEnabled(wizard.library is not None)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Batch progress")
        self.start = QPushButton("Start")
        self.start.clicked.connect(self.run)
        self.cancel = QPushButton("Cancel run")
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel.set)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow("Output", out_row)
        form.addRow("Format", self.fmt)
        form.addRow(self.add_to_library)
        form.addRow(self.progress)
        form.addRow(buttons)
        form.addRow(self.status)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Output", "codes.zip", OUTPUT_FILTERS)
        if path:
            self.output.setText(path)

    def run(self) -> Task | None:
        text = self.output.text().strip()
        if not text:
            show_error(self, "Batch import", "Choose where the codes go: a folder, a .zip or a .pdf.")
            return None
        options = self.wiz.options(Path(text))
        self._cancel.clear()
        task = Task(run_batch, copy.deepcopy(self.wiz.table), options, self._report_progress, self._cancel)
        self._progress_signal = task.signals.progress
        task.signals.progress.connect(self._show_progress)
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.status.setText("Running…")
        self._task = submit(task)
        return task

    def _report_progress(self, done: int, total: int, _errors: int) -> None:
        self._progress_signal.emit(done, total)  # queued to the GUI thread

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def initializePage(self) -> None:
        self.progress.setValue(0)

    def _done(self, result: BatchResult) -> None:
        self.result = result
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.progress.setMaximum(max(1, result.total))
        self.progress.setValue(result.total if not result.cancelled else self.progress.value())
        parts = [f"{result.ok_count} code(s) written to {result.output}"]
        if result.errors:
            parts.append(f"{len(result.errors)} row(s) skipped" +
                         (f" (list in {result.errors_path})" if result.errors_path else ""))
        if result.cancelled:
            parts.insert(0, "Cancelled.")
        self.status.setText("; ".join(parts) + ".")
        if self.add_to_library.isChecked() and self.wiz.library is not None:
            self._add_to_library()
        self.wiz.finished_run.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.status.setText(f"⚠ {describe(exc)}")
        show_error(self, "Batch import failed", exc)

    def _add_to_library(self) -> None:
        """Store one library item per good row (the same payloads the run encoded)."""
        from app.core.spec import QrSpec

        table = copy.deepcopy(self.wiz.table)
        options = self.wiz.options()
        try:
            plan, items, _errors = prepare(table, replace(options, output=Path("unused")))
            added = 0
            rows = {r.number: r for r in table.rows}
            for item in items:
                fields = plan.row_fields(rows[item.row])
                name = item.caption or plan.cell(rows[item.row], plan.name) or f"Row {item.row}"
                self.wiz.library.add_spec(QrSpec(options.kind, fields, options.style), name=name,
                                          tags=("batch",))
                added += 1
        except (QrDeskError, OSError) as exc:
            show_error(self, "Adding to the library failed", exc)
            return
        self.wiz.items_added.emit(added)

