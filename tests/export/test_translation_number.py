"""A signed record's English translation carries the signed Chinese original's report number (docs/usability.md
#34): the countersignature moves the record's version on (FG-1-v21) while the signed files keep the number they
were made with (FG-1-v20); the translation printed its own, so its cover named two numbers for one report."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from openpyxl import load_workbook

from export import signing
from storage import inspections
from storage.db import open_database
from tests import keys
from tests.storage import helpers

PASSWORDS = {"王经理": "manager-secret", "张三": "officer-secret"}


def test_the_translation_carries_the_originals_number_and_says_so(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        inspection_id, version = helpers.answered(db)
        inspections.complete(db, "officer", inspection_id, version)
        keys.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
        keys.create_account(db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"])
        signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector")
        signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
        signing.write_signed_reports(db, inspection_id, tmp_path / "原件.pdf", tmp_path / "原件.xlsx")
        signing.write_translation(db, inspection_id, tmp_path / "en.pdf", tmp_path / "en.xlsx", "en")
        now = inspections.load_inspection(db, inspection_id).version
    finally:
        db.close()
    title = load_workbook(tmp_path / "原件.xlsx").properties.title or ""
    original = re.search(r"FG-\d+-v(\d+)", title)
    assert original is not None, title
    assert int(original[1]) != now  # the record moved on after the signed files were made: the confusion
    number = original[0]

    cover = " ".join(
        subprocess.run(
            ["pdftotext", str(tmp_path / "en.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert f"Translation of the signed Chinese report {number} " in cover
    assert f"{number} (Signed) = inspection record #{inspection_id}, version {original[1]}" in cover
    assert "the number of the signed Chinese original, kept by this translation" in cover
    assert f"FG-{inspection_id}-v{now}" not in cover  # one number on the translation, the original's

    workbook = load_workbook(tmp_path / "en.xlsx")
    assert number in (workbook.properties.title or "")
    overview = workbook["Overview"]
    facts = {overview.cell(row, 1).value: overview.cell(row, 2).value for row in range(1, 30)}
    assert facts["Report number"] == number
