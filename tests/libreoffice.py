"""A workbook opened in LibreOffice, headless: what a spreadsheet program other than openpyxl reads of it."""

from __future__ import annotations

import subprocess
from pathlib import Path

CSV_UTF8 = "44,34,76,1"  # the CSV filter's options: comma, double quote, UTF-8, from line 1


def convert_to_csv(soffice: str, workbook: Path, folder: Path, options: str = CSV_UTF8) -> None:
    """Write ``workbook`` as CSV into ``folder`` with LibreOffice's ``soffice`` and the CSV filter's ``options``
    (its first sheet unless the options name another); LibreOffice keeps its profile in ``folder`` too, so no
    user's settings are read or written."""
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            f"csv:Text - txt - csv (StarCalc):{options}",
            "--outdir",
            str(folder),
            str(workbook),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
