"""Batch import: a spreadsheet, CSV or text file in, one code per row out (folder, ZIP or label-sheet PDF).

Start with :func:`run_batch`. The modules follow the batch's steps: :mod:`.read` (a file → a table;
workbooks via :mod:`.sheets` and :mod:`.cellformat`), :mod:`.mapping` (columns → payload fields, using
:mod:`.headers` and :mod:`.content`), :mod:`.prepare` (rows → work items or row errors),
:mod:`.worker` (items → codes → files), :mod:`.pool` (workers in parallel processes), :mod:`.outputs`
(folder, ZIP, label sheet; :mod:`.templates`, :mod:`.labels`, :mod:`.calibration`), :mod:`.report`
(the errors CSV) and :mod:`.run` (the whole batch);
:mod:`.model` holds the options and results they share. :mod:`.read`, :mod:`.mapping` and
:func:`prepare` are usable on their own (the GUI previews the column mapping and the first rows with them).
"""

from app.core.batch.calibration import write_calibration_page
from app.core.batch.mapping import AmbiguousColumns, ColumnPlan
from app.core.batch.model import BatchOptions, BatchProgress, BatchResult, BatchSource, RowError
from app.core.batch.prepare import PreviewRow, prepare, preview_batch
from app.core.batch.read import InputError, Table, read_source
from app.core.batch.run import run_batch
from app.core.batch.sheets import sheet_names
from app.core.batch.templates import LabelTemplate, builtin_templates, get_template

__all__ = ["AmbiguousColumns", "BatchOptions", "BatchProgress", "BatchResult", "BatchSource", "ColumnPlan",
           "InputError", "LabelTemplate", "PreviewRow", "RowError", "Table", "builtin_templates", "get_template",
           "prepare", "preview_batch", "read_source", "run_batch", "sheet_names", "write_calibration_page"]
