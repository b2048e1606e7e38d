"""Write ``verify/base/``: a genuine signed report (PDF, workbook and its ``.p7s``) and the trust file it
verifies against, made with the current code. The verify cases of the corpus and the byte-flip run
(``tests/badinput/test_fuzz.py``) damage copies of these files, so they must verify by themselves:
``tests/badinput/test_corpus.py::test_the_verify_base_verifies`` checks that they still do.

Run ``python tests/data/bad/make_verify_base.py`` from the repository root when the signed files change shape
(a new signed attribute, a new check in ``fugong verify``), then ``python tests/data/bad/make_corpus.py`` to
rebuild the cases derived from them. Keys and signing times are new on every run, so the bytes differ each
time; everything is made in a temporary folder (database, local trust settings), nothing in the user's.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
NAMES = ("report.pdf", "report.xlsx", "report.xlsx.p7s", "trust.pem")
PASSWORDS = {"王经理": "base-manager-密码", "张三": "base-officer-密码"}


def make_base(target: Path) -> None:
    """Sign a completed inspection as inspector (张三, officer) and approver (王经理, manager) and write the
    report files and the authority's trust file into ``target``."""
    with tempfile.TemporaryDirectory(prefix="fugong-verify-base-") as folder:
        work = Path(folder)
        os.environ["FUGONG_CONFIG_DIR"] = str(work / "config")  # the pin goes here, not in the user's settings
        os.environ["FUGONG_TMP"] = str(work / "private")
        os.environ["FUGONG_LOG_FILE"] = str(work / "fugong.log")
        sys.path.insert(0, str(REPO))
        from export import signing
        from export.trust import export_trust_file
        from storage.db import open_database
        from tests.keys import signature_png
        from tests.storage import helpers

        db = open_database(f"sqlite:///{work / 'base.sqlite3'}")
        try:
            inspection_id = helpers.completed(db)
            signing.create_account(db, "setup", "王经理", "manager", PASSWORDS["王经理"])
            signing.create_account(
                db, "王经理", "张三", "officer", PASSWORDS["张三"], actor_password=PASSWORDS["王经理"]
            )
            signing.sign(db, inspection_id, "张三", PASSWORDS["张三"], "inspector", image_png=signature_png())
            signing.sign(db, inspection_id, "王经理", PASSWORDS["王经理"], "approver")
            signing.write_signed_reports(db, inspection_id, work / "report.pdf", work / "report.xlsx")
            export_trust_file(db, work / "trust.pem")
        finally:
            db.close()
        target.mkdir(parents=True, exist_ok=True)
        for name in NAMES:
            shutil.copyfile(work / name, target / name)


def main() -> None:
    make_base(HERE / "verify" / "base")
    print(f"wrote {', '.join(NAMES)} in {HERE / 'verify' / 'base'}")


if __name__ == "__main__":
    main()
