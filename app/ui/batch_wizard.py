"""Batch import wizard: file → columns and rows as they will be encoded → look → output → run.

Reading, mapping and running are :mod:`app.core.batch`, the same code as ``qrdesk batch``: the rows page
shows what ``--dry-run`` prints (the mapping, why, and the first rows as encoded) and lets the user pick
the column where the core refuses to guess. The look is an explicit choice (plain, the editor's current
style, or a preset), never the editor's logo and caption by surprise. Label sheets have the CLI's choices
(every template, margins, start position, printer offset, crop marks, calibration page). Closing the
wizard during a run cancels it and waits for the workers, so no file appears after it closed.
"""

from __future__ import annotations

import copy
import re
import threading
import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.core.batch import (
    AmbiguousColumns,
    BatchOptions,
    BatchResult,
    ColumnPlan,
    LabelTemplate,
    PreviewRow,
    RowError,
    Table,
    builtin_templates,
    prepare,
    preview_batch,
    read_source,
    run_batch,
    sheet_names,
    write_calibration_page,
)
from app.core.batch.mapping import plan_columns
from app.core.batch.outputs import output_kind
from app.core.batch.read import column_letter
from app.core.batch.sheets import WORKBOOK_SUFFIXES
from app.core.batch.templates import PAGES
from app.core.errors import QrDeskError
from app.core.formats import FORMATS
from app.core.payloads import PAYLOAD_KINDS
from app.core.spec import Style
from app.ui.editor.model import field_label
from app.ui.errors import describe, show_error
from app.ui.library_store import LibraryStore
from app.ui.themes import Tone, set_tone
from app.ui.words import EYE_WORDS, MODULE_WORDS, number, payload_word, style_label, style_word
from app.ui.workers import Task, submit

PREVIEW_ROWS = 50
STOP_WAIT_S = 120.0  # closing waits this long at most for a cancelled run's workers
PLAIN, CURRENT, PRESET = "plain", "current", "preset"
translate = QCoreApplication.translate


def style_summary(style: Style) -> str:
    """What a style will change on every code, in words (so the choice is an informed one)."""
    parts = [translate("BatchWizard", "{fg} on {bg}").format(fg=style.fg, bg=style.bg),
             translate("BatchWizard", "modules: {shape}").format(shape=style_word(MODULE_WORDS, style.module_shape))]
    if style.eye_shape != "square" or style.eye_color:
        eyes = style_word(EYE_WORDS, style.eye_shape)
        parts.append(translate("BatchWizard", "eyes: {shape} in {colour}").format(shape=eyes, colour=style.eye_color)
                     if style.eye_color else translate("BatchWizard", "eyes: {shape}").format(shape=eyes))
    if style.logo:
        parts.append(translate("BatchWizard", "logo {file}").format(file=Path(style.logo).name))
    if style.frame or style.caption:
        parts.append(translate("BatchWizard", "caption '{caption}'").format(caption=style.caption) if style.caption
                     else translate("BatchWizard", "frame"))
    parts.append(translate("BatchWizard", "error correction {level}").format(level=style.ecc))
    return translate("BatchWizard", ", ").join(parts)


class BatchWizard(QWizard):
    """Emits ``items_added`` after results were added to the library and ``finished_run`` with the result."""

    items_added = Signal(int)
    finished_run = Signal(object)  # BatchResult

    def __init__(self, style: Style, library: LibraryStore | None = None, parent: QWidget | None = None,
                 presets: dict[str, Style] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Batch import"))
        self.setObjectName("batchWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(900, 640)
        self.editor_style, self.library = style, library
        self.presets = presets if presets is not None else _load_presets()
        self.table: Table | None = None
        self.source_page = SourcePage(self)
        self.rows_page = RowsPage(self)
        self.style_page = StylePage(self)
        self.output_page = OutputPage(self)
        self.run_page = RunPage(self)
        for page in (self.source_page, self.rows_page, self.style_page, self.output_page, self.run_page):
            self.addPage(page)

    @property
    def style_(self) -> Style:
        return self.style_page.chosen_style()

    def table_copy(self) -> Table:
        """A copy of the table read on the first page (the later pages exist only after it)."""
        if self.table is None:
            raise QrDeskError(self.tr("No file has been read yet."))
        return copy.deepcopy(self.table)

    def batch_options(self, output: Path | None = None) -> BatchOptions:
        out = self.output_page
        return BatchOptions(
            output=output or Path("unused"), kind=self.source_page.kind(), style=self.style_page.chosen_style(),
            mapping=self.rows_page.mapping(), name_column=self.rows_page.role_column("name"),
            caption_column=self.rows_page.role_column("caption"), fmt=out.fmt.currentData() or "png",
            sheet=self.table.sheet if self.table is not None else None, labels=out.template(),
            label_start=out.start.value(), label_offset=(out.offset_x.value(), out.offset_y.value()),
            crop_marks=out.crop_marks.isChecked(), jobs=0)

    # Closing (window close button, Escape, Cancel) during a run stops it and waits for its workers.
    def reject(self) -> None:
        self.run_page.stop_and_wait()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.run_page.stop_and_wait()
        super().closeEvent(event)


def _load_presets() -> dict[str, Style]:
    try:
        from app.ui.presets import PresetStore

        return PresetStore().load()
    except (QrDeskError, OSError, ImportError):
        return {}


class SourcePage(QWizardPage):
    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(self.tr("A spreadsheet (.xlsx, .ods, .xls), a .csv table, or a .txt file (tab-separated "
                                 "text is a table; other text is one payload a line). You can also drop the file "
                                 "here."))
        self.setAcceptDrops(True)
        self.path = QLineEdit()
        self.path.setAccessibleName(self.tr("Input file"))
        self.path.setPlaceholderText(self.tr("Drop a spreadsheet, .csv or .txt file here"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Sheet"))
        self.sheet.setEnabled(False)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Payload type for every row"))
        for name, kind in PAYLOAD_KINDS.items():
            self.kind_combo.addItem(payload_word(kind.label), name)
        self.info = QLabel()
        self.info.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("File"), row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Each row is a"), self.kind_combo)
        form.addRow(self.info)
        self.path.textChanged.connect(self.completeChanged)
        self.path.textChanged.connect(self._list_sheets)

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose rows"), "", self.tr(
            "Spreadsheets and text (*.xlsx *.xlsm *.ods *.xls *.csv *.tsv *.txt);;All files (*)"))
        if path:
            self.path.setText(path)

    def _list_sheets(self) -> None:
        self.sheet.clear()
        path = Path(self.path.text().strip())
        workbook = path.suffix.lower() in WORKBOOK_SUFFIXES and path.is_file()
        if workbook:
            try:
                self.sheet.addItems(sheet_names(path))
            except QrDeskError as exc:
                self.info.setText(f"⚠ {describe(exc)}")
        self.sheet.setEnabled(self.sheet.count() > 1)

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
        sheet = self.sheet.currentText() or None
        try:
            self.wiz.table = read_source(Path(self.path.text().strip()), sheet=sheet)
        except (QrDeskError, OSError) as exc:
            self.info.setText(f"⚠ {describe(exc)}")
            show_error(self, self.tr("Cannot read the file"), exc)
            return False
        return True


class RowsPage(QWizardPage):
    """The mapping the core chose and why, the first rows as they will be encoded, and the rows that fail."""

    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Check columns and rows"))
        self.setSubTitle(self.tr("These are the codes the first rows will become. Change a column below if the "
                                 "mapping is wrong; rows listed as failing are reported and skipped."))
        self.mapping_text = QLabel()
        self.mapping_text.setObjectName("mappingText")
        self.mapping_text.setWordWrap(True)
        self.mapping_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choice = QLabel()
        self.choice.setObjectName("mappingChoice")
        self.choice.setWordWrap(True)
        self.mapping_box = QWidget()
        self.mapping_form = QFormLayout(self.mapping_box)
        self.mapping_form.setContentsMargins(0, 0, 0, 0)
        self.preview = QTableWidget(0, 4)
        self.preview.setAccessibleName(self.tr("First rows as they will be encoded"))
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Encodes"), self.tr("File or caption"),
                                                self.tr("Status")])
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.bad_rows = QListWidget()
        self.bad_rows.setAccessibleName(self.tr("Rows that will fail"))
        self.summary = QLabel()
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        self.column_combos: dict[str, QComboBox] = {}
        self.plan: ColumnPlan | None = None
        self.errors: list[RowError] = []
        self._labels: list[str] = []
        self._refs: list[str] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.mapping_text)
        layout.addWidget(self.choice)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.bad_rows, 1)

    def initializePage(self) -> None:
        self.column_combos.clear()
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        table = self.wiz.table_copy()
        ambiguous: AmbiguousColumns | None = None
        plan: ColumnPlan | None = None
        try:
            # On the copy: decides the header row (kept even when the mapping is refused below).
            plan = plan_columns(table, self.wiz.source_page.kind())
        except AmbiguousColumns as exc:
            ambiguous = exc
        except QrDeskError as exc:
            self.summary.setText(f"⚠ {describe(exc)}")
        header = table.header or ()
        width = max([len(r.cells) for r in table.rows[:PREVIEW_ROWS]] + [len(header), 1])
        self._labels = [self._column_label(table, i) for i in range(width)]
        self._refs = [header[i].strip() if i < len(header) and header[i].strip() else str(i + 1)
                      for i in range(width)]
        kind = PAYLOAD_KINDS[self.wiz.source_page.kind()]
        targets = [(f.name, payload_word(f.label), f.required) for f in kind.fields]
        targets += [("name", self.tr("File name"), False), ("caption", self.tr("Caption"), False)]
        for target, label, required in targets:
            combo = QComboBox()
            combo.setAccessibleName(self.tr("Column for {field}").format(field=label))
            combo.addItem(self.tr("(none)"), None)
            for i, column in enumerate(self._labels):
                combo.addItem(column, i)
            index = self._planned(plan, target)
            if index is not None:
                combo.setCurrentIndex(index + 1)
            combo.currentIndexChanged.connect(self._recheck)
            self.column_combos[target] = combo
            self.mapping_form.addRow(label + (" *" if required else ""), combo)
        if ambiguous is not None:
            combo = self.column_combos[ambiguous.target]
            set_tone(combo, Tone.FAIL)  # a palette of its own: stylesheets break theme switches (app/ui/themes.py)
            combo.setToolTip(self.tr("Choose one of: {columns}").format(
                columns=", ".join(label for _i, label, _w in ambiguous.choices)))
            field = self.mapping_form.labelForField(combo)
            self.choice.setText(self.tr("⚠ {problem}. Choose it under “{field}”.").format(
                problem=f"{ambiguous.message[0].upper()}{ambiguous.message[1:]}",
                field=field.text().rstrip(" *") if isinstance(field, QLabel) else ambiguous.target))
        else:
            self.choice.clear()
        self._recheck()

    def _column_label(self, table: Table, index: int) -> str:
        """What :meth:`Table.column_name` says (``B "Inhalt"``, ``"Inhalt"``, ``column 2``), in the user's words."""
        head = table.header[index].strip() if table.header is not None and index < len(table.header) else ""
        if table.sheet is not None:
            letter = column_letter(table.first_column + index)
            return f'{letter} "{head}"' if head else self.tr("column {letter}").format(letter=letter)
        return f'"{head}"' if head else self.tr("column {number}").format(number=index + 1)

    def _target_label(self, target: str) -> str:
        kind = self.wiz.source_page.kind()
        if any(f.name == target for f in PAYLOAD_KINDS[kind].fields):
            return field_label(kind, target)
        roles = {"name": self.tr("File name"), "caption": self.tr("Caption"), "copies": self.tr("Copies")}
        return roles.get(target) or style_label(target)

    def _reason(self, why: str) -> str:
        """Why the core chose a column, in the user's words (app.core.batch.mapping words it in English)."""
        fixed = {"chosen": self.tr("chosen"), "chosen with --map": self.tr("chosen"),
                 "column order (no header row)": self.tr("column order (no header row)"),
                 "the only column with data": self.tr("the only column with data")}
        if why in fixed:
            return fixed[why]
        if why.startswith("header "):
            return self.tr("header {name}").format(name=why.removeprefix("header "))
        if why.startswith("holds "):
            return self.tr("holds {what}").format(what=why.removeprefix("holds "))
        return why

    def _mapping_lines(self, plan: ColumnPlan) -> list[str]:
        """One line per mapped column and one for the unused ones (what :meth:`ColumnPlan.describe` says)."""
        targets = [*plan.fields.items(), *plan.style.items()]
        targets += [(role, i) for role, i in (("name", plan.name), ("caption", plan.caption)) if i is not None]
        lines = []
        for target, index in targets:
            why = self._reason(plan.reasons.get(target, ""))
            line = self.tr("{target} ← {column}").format(target=self._target_label(target),
                                                        column=self._labels[index] if index < len(self._labels)
                                                        else plan.label(index))
            lines.append(line + (f"  ({why})" if why else ""))
        if plan.unused:
            lines.append(self.tr("not used: {columns}").format(columns=", ".join(plan.unused)))
        return lines

    @staticmethod
    def _planned(plan: ColumnPlan | None, target: str) -> int | None:
        if plan is None:
            return None
        if target in ("name", "caption"):
            return plan.name if target == "name" else plan.caption
        return plan.fields.get(target)

    def mapping(self) -> dict[str, str]:
        return {self._refs[combo.currentData()]: name for name, combo in self.column_combos.items()
                if name not in ("name", "caption") and combo.currentData() is not None}

    def role_column(self, role: str) -> str | None:
        combo = self.column_combos.get(role)
        if combo is None or combo.currentData() is None:
            return None
        ref: str = self._refs[combo.currentData()]
        return ref

    def isComplete(self) -> bool:
        return self.plan is not None

    def _recheck(self) -> None:
        """Run the core's preparation on a copy: the same mapping and checks the run makes, before running."""
        self.bad_rows.clear()
        self.preview.setRowCount(0)
        table = self.wiz.table_copy()
        try:
            done = prepare(table, self.wiz.batch_options())
            self.plan, rows = preview_batch(self.wiz.table_copy(), self.wiz.batch_options(),
                                            limit=PREVIEW_ROWS)
        except QrDeskError as exc:
            self.plan = None
            self.errors = []
            self.mapping_text.setText(f"⚠ {describe(exc)}")
            self.summary.clear()
            self.completeChanged.emit()
            return
        if self.choice.text().startswith("⚠"):
            self.choice.setText(self.tr("✓ Column chosen: the mapping below is what the run uses."))
        self.mapping_text.setText("<br>".join(
            [f"<b>{self.tr('Columns')}</b>"]
            + [line.replace("<", "&lt;") for line in self._mapping_lines(self.plan)]
            + [f"<i>{n}</i>" for n in self.plan.notes]))
        self._show_rows(rows)
        self.errors = done.errors
        for error in done.errors:
            self.bad_rows.addItem(f"{error.where().capitalize()}: {error.reason}")
        self.summary.setText(self.tr("{ready}, {skipped}, {failing}.").format(
            ready=self.tr("%n row(s) ready", "", len(done.items)),
            skipped=self.tr("%n blank row(s) skipped", "", len(done.skipped)),
            failing=self.tr("%n will fail", "", len(done.errors))))
        self.completeChanged.emit()

    def _show_rows(self, rows: list[PreviewRow]) -> None:
        self.preview.setRowCount(len(rows))
        for r, row in enumerate(rows):
            if row.skipped:
                cells = [str(row.row), "", "", self.tr("blank: skipped")]
            elif row.error is not None:
                cells = [str(row.row), "", "", self.tr("fails: {reason}").format(reason=row.error.reason)]
            else:
                where = row.file_name or row.caption
                copies = f" (x{row.copies})" if row.copies != 1 else ""
                cells = [str(row.row), (row.data or "").replace("\n", "⏎"), where + copies, self.tr("ok")]
            for c, text in enumerate(cells):
                self.preview.setItem(r, c, QTableWidgetItem(text))
        self.preview.resizeColumnsToContents()


class StylePage(QWizardPage):
    """The look of every code: an explicit choice, shown in words."""

    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the look"))
        self.setSubTitle(self.tr("Every code of the batch gets this style. Per-row colour, logo and error "
                                 "correction columns in the file override it for their rows."))
        self.plain = QRadioButton(self.tr("Plain: black on white, square modules, no logo, no caption"))
        self.current = QRadioButton(self.tr("The editor's current style"))
        self.preset = QRadioButton(self.tr("A preset:"))
        self.group = QButtonGroup(self)
        for button, key in ((self.plain, PLAIN), (self.current, CURRENT), (self.preset, PRESET)):
            button.setObjectName(f"style_{key}")
            self.group.addButton(button)
        self.plain.setChecked(True)
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName(self.tr("Preset"))
        self.preset_combo.addItems(sorted(wizard.presets))
        self.preset.setEnabled(bool(wizard.presets))
        self.preset_combo.setEnabled(False)
        self.current_text = QLabel(style_summary(wizard.editor_style))
        self.current_text.setWordWrap(True)
        self.current_text.setIndent(24)
        self.chosen = QLabel()
        self.chosen.setObjectName("chosenStyle")
        self.chosen.setWordWrap(True)
        preset_row = QHBoxLayout()
        preset_row.addWidget(self.preset)
        preset_row.addWidget(self.preset_combo, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plain)
        layout.addWidget(self.current)
        layout.addWidget(self.current_text)
        layout.addLayout(preset_row)
        layout.addSpacing(12)
        layout.addWidget(self.chosen)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._changed)
        self.preset_combo.currentIndexChanged.connect(self._changed)
        self._changed()

    def choice(self) -> str:
        return CURRENT if self.current.isChecked() else PRESET if self.preset.isChecked() else PLAIN

    def chosen_style(self) -> Style:
        if self.choice() == CURRENT:
            return self.wiz.editor_style
        if self.choice() == PRESET and self.preset_combo.currentText() in self.wiz.presets:
            return self.wiz.presets[self.preset_combo.currentText()]
        return Style()

    def _changed(self, *_args: object) -> None:
        self.preset_combo.setEnabled(self.preset.isChecked())
        self.chosen.setText(self.tr("<b>Every code:</b> {style}").format(style=style_summary(self.chosen_style())))


class OutputPage(QWizardPage):
    """Where the codes go: a folder or ZIP of files in a format, or a label sheet with its layout."""

    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Choose the output"))
        self.setSubTitle(self.tr("A folder or a .zip gets one file per row; a .pdf is a sheet of labels."))
        self.output = QLineEdit()
        self.output.setAccessibleName(self.tr("Output folder, ZIP or PDF"))
        self.output.setPlaceholderText(self.tr("A folder, a .zip, or a .pdf label sheet"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        self.fmt = QComboBox()
        self.fmt.setAccessibleName(self.tr("File format"))
        for name in FORMATS:
            self.fmt.addItem(name.upper(), name)
        self.labels_box = QGroupBox(self.tr("Label sheet"))
        self.sheet = QComboBox()
        self.sheet.setAccessibleName(self.tr("Label sheet template"))
        for name, template in builtin_templates().items():
            self.sheet.addItem(self._sheet_title(template), name)
        self.sheet_info = QLabel()
        self.sheet_info.setWordWrap(True)
        self.margin_left = _mm_spin(self.tr("Left margin"), 0, 100)
        self.margin_top = _mm_spin(self.tr("Top margin"), 0, 100)
        self.start = QSpinBox()
        self.start.setAccessibleName(self.tr("First free label"))
        self.start.setMinimum(1)
        self.offset_x = _mm_spin(self.tr("Printer offset right"), -20, 20)
        self.offset_y = _mm_spin(self.tr("Printer offset down"), -20, 20)
        self.crop_marks = QCheckBox(self.tr("Crop marks in the margins"))
        calibrate = QPushButton(self.tr("Calibration page…"))
        calibrate.setToolTip(self.tr("A page to print on this sheet to measure the printer's offset"))
        calibrate.clicked.connect(self._calibration_page)
        margins = QHBoxLayout()
        margins.addWidget(self.margin_left)
        margins.addWidget(QLabel(self.tr("from the left,")))
        margins.addWidget(self.margin_top)
        margins.addWidget(QLabel(self.tr("from the top")))
        margins.addStretch(1)
        offsets = QHBoxLayout()
        offsets.addWidget(self.offset_x)
        offsets.addWidget(QLabel(self.tr("right,")))
        offsets.addWidget(self.offset_y)
        offsets.addWidget(QLabel(self.tr("down")))
        offsets.addWidget(calibrate)
        offsets.addStretch(1)
        sheet_form = QFormLayout(self.labels_box)
        sheet_form.addRow(self.tr("Sheet"), self.sheet)
        sheet_form.addRow(self.sheet_info)
        sheet_form.addRow(self.tr("First label at"), margins)
        sheet_form.addRow(self.tr("Start at label"), self.start)
        sheet_form.addRow(self.tr("Printer offset"), offsets)
        sheet_form.addRow(self.crop_marks)
        self.what = QLabel()
        self.what.setObjectName("outputKind")
        form = QFormLayout(self)
        form.addRow(self.tr("Output"), out_row)
        form.addRow(self.tr("Makes"), self.what)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.labels_box)
        self.output.textChanged.connect(self._output_changed)
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.sheet.setCurrentIndex(max(0, self.sheet.findData("a4-3x8")))
        self._sheet_changed()
        self._output_changed()

    def base_template(self) -> LabelTemplate:
        return builtin_templates()[self.sheet.currentData()]

    def template(self) -> LabelTemplate:
        return self.base_template().with_changes(margin_left=self.margin_left.value(),
                                                 margin_top=self.margin_top.value())

    def is_labels(self) -> bool:
        return output_kind(Path(self.output.text().strip() or "x")) == "labels"

    def describe_output(self) -> str:
        """What the run makes, in words: a label sheet is a PDF whatever the file format says."""
        target = Path(self.output.text().strip() or "x")
        kind = output_kind(target)
        if kind == "labels":
            return self.tr("a PDF label sheet on {sheet}").format(
                sheet=self._sheet_title(self.base_template()))
        if kind == "zip":
            return self.tr("a ZIP archive of {format} files").format(format=self.fmt.currentText())
        return self.tr("a folder of {format} files").format(format=self.fmt.currentText())

    def _output_changed(self) -> None:
        labels = self.is_labels()
        self.fmt.setEnabled(not labels)
        self.labels_box.setVisible(labels)
        self.what.setText(describe_first_upper(self.describe_output()))
        self.completeChanged.emit()

    def _sheet_changed(self) -> None:
        template = self.base_template()
        self.margin_left.setValue(template.margin_left)
        self.margin_top.setValue(template.margin_top)
        self.start.setMaximum(template.per_page)
        self.sheet_info.setText(self._sheet_text(template))
        self.what.setText(describe_first_upper(self.describe_output()))

    def _sheet_title(self, template: LabelTemplate) -> str:
        """A sheet as the list names it: ``Avery Zweckform 3474: 24 labels of 70 × 37.1 mm`` (the templates'
        titles are English data; the product and its example parts are kept, the rest is said here)."""
        product, _, _rest = template.title.partition(":") if ":" in template.title else ("", "", "")
        example = re.search(r"\(e\.g\. ([^)]*)\)", template.title)
        page = next((k.upper() if k != "letter" else self.tr("Letter") for k, v in PAGES.items()
                     if v == template.page), f"{_mm(template.page[0])} × {_mm(template.page[1])} mm")
        text = self.tr("%n label(s) of {width} × {height} mm on {page}", "", template.per_page).format(
            width=_mm(template.label_w), height=_mm(template.label_h), page=page)
        if product:
            return self.tr("{product}: {sheet}").format(product=product, sheet=text)
        if example:
            return self.tr("{sheet} (e.g. {parts})").format(sheet=text, parts=example.group(1))
        return text or template.name

    def _sheet_text(self, template: LabelTemplate) -> str:
        """What :meth:`LabelTemplate.describe` says, in the user's language."""
        page = next((k.upper() if k != "letter" else self.tr("Letter") for k, v in PAGES.items()
                     if v == template.page), f"{number(template.page[0], 0)} × {number(template.page[1], 0)} mm")
        text = self.tr("%n label(s)", "", template.per_page) + " " + self.tr(
            "({columns} × {rows}) of {width} × {height} mm on {page}, first at {left}, {top} mm, pitch {across} × "
            "{down} mm").format(
            columns=template.columns, rows=template.rows, width=_mm(template.label_w), height=_mm(template.label_h),
            page=page, left=_mm(template.margin_left), top=_mm(template.margin_top), across=_mm(template.pitch[0]),
            down=_mm(template.pitch[1]))
        return text + ("\n" + self.tr("Source: {source}").format(source=template.source) if template.source else "")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Output"), "codes.zip", self.tr(
            "Folder of files (*);;ZIP archive (*.zip);;Label sheet PDF (*.pdf)"))
        if path:
            self.output.setText(path)

    def _calibration_page(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Calibration page"), "calibration.pdf", "PDF (*.pdf)")
        if path:
            self.write_calibration(Path(path))

    def write_calibration(self, path: Path) -> None:
        try:
            with open(path, "wb") as fh:
                write_calibration_page(fh, self.template(), (self.offset_x.value(), self.offset_y.value()))
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Calibration page"), exc)

    def isComplete(self) -> bool:
        return bool(self.output.text().strip())

    def validatePage(self) -> bool:
        try:
            self.template()
        except QrDeskError as exc:
            show_error(self, self.tr("Label sheet"), exc)
            return False
        return True


def describe_first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _mm(value: float) -> str:
    """A millimetre figure as the core's ``:g`` writes it, in the user's number format."""
    return QLocale().toString(float(value), "g", 6)


def _mm_spin(name: str, low: float, high: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setSingleStep(0.1)
    spin.setSuffix(" mm")
    return spin


class RunPage(QWizardPage):
    def __init__(self, wizard: BatchWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Make the codes"))
        self.result: BatchResult | None = None
        self._task: Task | None = None
        self._cancel = threading.Event()
        self._idle = threading.Event()
        self._idle.set()
        self.plan_text = QLabel()
        self.plan_text.setObjectName("runPlan")
        self.plan_text.setWordWrap(True)
        self.add_to_library = QCheckBox(self.tr("Add the codes to the library"))
        self.add_to_library.setEnabled(wizard.library is not None)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Batch progress"))
        self.start = QPushButton(self.tr("Start"))
        self.start.clicked.connect(self.run)
        self.cancel = QPushButton(self.tr("Cancel run"))
        self.cancel.setEnabled(False)
        self.cancel.clicked.connect(self._cancel.set)
        self.status = QLabel()
        self.status.setObjectName("runSummary")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.plan_text)
        form.addRow(self.add_to_library)
        form.addRow(self.progress)
        form.addRow(buttons)
        form.addRow(self.status)

    @property
    def output(self) -> QLineEdit:
        return self.wiz.output_page.output

    @property
    def fmt(self) -> QComboBox:
        return self.wiz.output_page.fmt

    def initializePage(self) -> None:
        self.progress.setValue(0)
        self.status.clear()
        self.plan_text.setText(self.tr("Makes {output} in {folder}; style: {style}.").format(
            output=self.wiz.output_page.describe_output(), folder=self.output.text().strip(),
            style=style_summary(self.wiz.style_page.chosen_style())))

    def running(self) -> bool:
        return not self._idle.is_set()

    def run(self) -> Task | None:
        text = self.output.text().strip()
        if not text:
            show_error(self, self.tr("Batch import"), self.tr("Choose where the codes go: a folder, a .zip or a .pdf."))
            return None
        try:
            options = self.wiz.batch_options(Path(text))
        except QrDeskError as exc:
            show_error(self, self.tr("Batch import"), exc)
            return None
        self._cancel.clear()
        self._idle.clear()
        self._format = self.wiz.output_page.describe_output()
        task = Task(self._run, self.wiz.table_copy(), options)
        self._progress_signal = task.signals.progress
        task.signals.progress.connect(self._show_progress)
        task.signals.finished.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.status.setText(self.tr("Running…"))
        self._task = submit(task)
        return task

    def _run(self, table: Table, options: BatchOptions) -> BatchResult:
        try:
            return run_batch(table, options, self._report_progress, self._cancel)
        finally:
            self._idle.set()  # after the pool shut down: every worker has stopped writing

    def stop_and_wait(self, timeout: float = STOP_WAIT_S) -> bool:
        """Cancel a running batch and wait until its workers stopped; True when nothing runs any more."""
        if not self.running():
            return True
        self._cancel.set()
        self.status.setText(self.tr("Cancelling: waiting for the running codes to finish…"))
        deadline = time.monotonic() + timeout
        while self.running() and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            self._idle.wait(0.02)
        return not self.running()

    def _report_progress(self, done: int, total: int, _errors: int) -> None:
        self._progress_signal.emit(done, total)  # queued to the GUI thread

    def _show_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _done(self, result: BatchResult) -> None:
        self.result = result
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.progress.setMaximum(max(1, result.total))
        self.progress.setValue(result.total if not result.cancelled else self.progress.value())
        made = self.tr("%n label(s)", "", result.labels) if result.labels else \
            self.tr("%n code(s)", "", result.ok_count)
        parts = [self.tr("{made} written as {format} to {output}").format(made=made, format=self._format,
                                                                         output=result.output),
                 self.tr("{done}, {skipped}, {failed}").format(
                     done=self.tr("%n done", "", result.done), skipped=self.tr("%n skipped", "", len(result.skipped)),
                     failed=self.tr("%n failed", "", result.failed))]
        if result.errors and result.errors_path:
            parts.append(self.tr("failed rows listed in {file}").format(file=result.errors_path))
        if result.cancelled:
            parts.insert(0, self.tr("Cancelled"))
        self.status.setText(self.tr("; ").join(parts) + ".")
        if self.add_to_library.isChecked() and self.wiz.library is not None and not result.cancelled:
            self._add_to_library()
        self.wiz.finished_run.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self.status.setText(f"⚠ {describe(exc)}")
        show_error(self, self.tr("Batch import failed"), exc)

    def _add_to_library(self) -> None:
        """Store one library item per good row (the same payloads the run encoded)."""
        from app.core.spec import QrSpec

        library = self.wiz.library
        if library is None:
            return
        table = self.wiz.table_copy()
        options = self.wiz.batch_options()
        try:
            done = prepare(table, replace(options, output=Path("unused")))
            added = 0
            rows = {r.number: r for r in table.rows}
            for item in done.items:
                fields = done.plan.row_fields(rows[item.row])
                # Without a caption or a name column the library names the item from its payload.
                name = item.caption or done.plan.cell(rows[item.row], done.plan.name)
                library.add_spec(QrSpec(options.kind, fields, options.style), name=name, tags=("batch",))
                added += 1
        except (QrDeskError, OSError) as exc:
            show_error(self, self.tr("Adding to the library failed"), exc)
            return
        self.wiz.items_added.emit(added)
