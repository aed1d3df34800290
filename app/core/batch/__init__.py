"""Batch import: a CSV or text file in, one code per row out (folder, ZIP or label-sheet PDF).

Start with :func:`run_batch`; :mod:`.read`, :mod:`.mapping` and :mod:`.names` are usable on their
own (the GUI previews the column mapping and the first rows with them).
"""

from app.core.batch.labels import TEMPLATES, LabelTemplate, get_template
from app.core.batch.read import InputError, Table, read_source
from app.core.batch.run import (
    BatchOptions,
    BatchResult,
    BatchSource,
    PreviewRow,
    RowError,
    preview_batch,
    run_batch,
)

__all__ = ["TEMPLATES", "BatchOptions", "BatchResult", "BatchSource", "InputError", "LabelTemplate",
           "PreviewRow", "RowError", "Table", "get_template", "preview_batch", "read_source", "run_batch"]
