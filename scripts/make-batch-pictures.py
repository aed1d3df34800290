"""Makes the batch pictures in docs/: a printed label sheet and the batch wizard's style and label pages.

    xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" .venv/bin/python scripts/make-batch-pictures.py

The label sheet is a real `qrdesk batch` run on Avery L7160 from the LibreOffice-made fixture table, rendered
by Poppler (pdftoppm); the wizard pages are screenshots of the real wizard on an X screen, in the light and
the dark theme. Not part of the test suite (tests never write tracked files).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DOCS = ROOT / "docs"
FIXTURE = ROOT / "tests" / "core" / "batch" / "fixtures" / "codes.xlsx"


def label_sheet(tmp: Path) -> None:
    from app.core.batch import BatchOptions, run_batch
    from app.core.spec import Style

    pdf = tmp / "sheet.pdf"
    # The Windows-1252 export of the same table: captions the bundled PDF fonts can all draw.
    options = BatchOptions(output=pdf, labels="avery-l7160", caption_column="Bezeichnung",
                           style=Style(fg="#1a237e"), crop_marks=True, jobs=1)
    result = run_batch(FIXTURE.with_name("codes-1252.csv"), options)
    assert result.ok_count and not result.errors, result.errors
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(tmp / "sheet")], check=True)
    (tmp / "sheet.png").replace(DOCS / "batch-label-sheet.png")


def wizard_pages(tmp: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app.core.spec import Style
    from app.ui.batch_wizard import BatchWizard
    from app.ui.themes import apply_theme

    app = QApplication.instance() or QApplication(sys.argv)
    editor = Style(fg="#1a237e", module_shape="rounded", frame=True, caption="Scan me")
    for theme in ("light", "dark"):
        apply_theme(app, theme)
        wizard = BatchWizard(editor, presets={"Navy rounded": Style(fg="#1a237e", module_shape="rounded")})
        wizard.resize(900, 640)
        wizard.show()
        wizard.source_page.path.setText(str(FIXTURE))
        wizard.next()  # rows page
        wizard.next()  # style page
        wizard.style_page.current.setChecked(True)
        app.processEvents()
        wizard.grab().save(str(DOCS / f"batch-wizard-style-{theme}.png"))
        wizard.next()  # output page
        page = wizard.output_page
        page.output.setText(str(tmp / "labels.pdf"))
        page.sheet.setCurrentIndex(page.sheet.findData("avery-l7160"))
        page.start.setValue(4)
        page.offset_x.setValue(0.5)
        page.crop_marks.setChecked(True)
        app.processEvents()
        wizard.grab().save(str(DOCS / f"batch-wizard-labels-{theme}.png"))
        wizard.close()
        wizard.deleteLater()
        app.processEvents()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="qrdesk-pictures-") as tmp:
        label_sheet(Path(tmp))
        wizard_pages(Path(tmp))
    print("wrote docs/batch-label-sheet.png and docs/batch-wizard-{style,labels}-{light,dark}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
