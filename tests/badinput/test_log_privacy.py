"""The log holds no personal data: the command-line flows are run with names, ID-card and phone numbers, notes
and passwords a person would type, and the bad-input corpus's import files are thrown at ``fugong import``;
then the log is searched for every one of those values, and for any Chinese text or long number at all."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from storage import logfile
from tests.cli import fugong
from tests.storage.test_exchange_cli import MINIMAL

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad"
PASSWORD = "Zhang-密码-2026!"
MANAGER, OFFICER, INSPECTOR = "张伟明", "李秀英", "王小红"
ID_NUMBER, PHONE, CARD = "11010119900307123X", "13812345678", "6222 0200 1234 5678"
NOTE = f"联系人{INSPECTOR}，电话 {PHONE}，身份证 {ID_NUMBER}，工资卡 {CARD}"
PERSONAL = [MANAGER, OFFICER, INSPECTOR, ID_NUMBER, PHONE, CARD, PASSWORD, "联系人", "工资卡"]


@pytest.fixture
def log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "logs" / "fugong.log"
    monkeypatch.setenv("FUGONG_LOG_FILE", str(path))
    logfile.close_logging()
    return path


def _file(tmp_path: Path, name: str, **inspection: object) -> Path:
    data = copy.deepcopy(MINIMAL)
    data["inspection"].update(inspection)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.hostile
def test_the_log_holds_no_personal_data(log: Path, tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'fugong.sqlite3'}"]
    statuses = []

    def run(*args: str, stdin: str = "") -> None:
        result = fugong(*db, *args, stdin=stdin)
        assert "Traceback" not in result.stderr
        statuses.append(result.returncode)

    good = _file(tmp_path, "good.json", inspector=INSPECTOR)
    run("import", str(good))  # before any account: the first import needs none
    run("users", "add", MANAGER, "--role", "manager", stdin=f"{PASSWORD}\n{PASSWORD}\n")
    run("users", "add", MANAGER, "--role", "officer", "--by", MANAGER, stdin=f"{PASSWORD}\n{PASSWORD}\n{PASSWORD}\n")
    run("users", "add", OFFICER, "--role", "officer", "--by", MANAGER, stdin=f"wrong-{PASSWORD}\n{PASSWORD}\n")
    run("users", "add", OFFICER, "--role", "officer", "--by", OFFICER, stdin=f"{PASSWORD}\n{PASSWORD}\n")
    run("users", "disable", OFFICER, "--by", MANAGER, stdin=f"{PASSWORD}\n")
    noted = _file(
        tmp_path, f"{INSPECTOR}-{PHONE}.json", inspector=INSPECTOR, responses=[{"item": "GN-02", "note": NOTE}]
    )
    run("import", str(noted))
    run("import", str(_file(tmp_path, "bell.json", inspector=f"{INSPECTOR}\a{ID_NUMBER}")))
    run("import", str(_file(tmp_path, "long.json", responses=[{"item": "GN-02", "note": NOTE * 200}])))
    run("import", str(tmp_path / f"{MANAGER}的检查{ID_NUMBER}.json"))  # missing
    (tmp_path / f"{MANAGER}.pdf").write_bytes(f"%PDF-1.7 {NOTE}".encode())
    run("verify", str(tmp_path / f"{MANAGER}.pdf"))
    run("sign", "1", "--as", "inspector", "--user", OFFICER, stdin=f"{PASSWORD}\n")
    run("list")
    for path in sorted((CORPUS / "import").glob("*.json")):
        run("import", str(path))
    logfile.close_logging()
    logged = log.read_text(encoding="utf-8")
    assert statuses.count(1) >= 200 and logged.count(" refused: ") >= 200, "the refusals were not logged"
    for value in PERSONAL:
        assert value not in logged, f"{value!r} is in the log"
    assert not re.search(r"[\u3400-\u9fff]", logged), "Chinese text (a name, a note) is in the log"
    assert not re.search(r"\d{6,}", logged), "a long number (phone, ID card) is in the log"
