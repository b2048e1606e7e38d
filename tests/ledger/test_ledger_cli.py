"""The ledger from the command line: template, roster and readings imports, the daily summary with its JSON,
signing and verifying a day, retention — authenticated like every changing command; and afterwards the log
file holds no name, ID number, phone or temperature of anyone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from storage import ledger, roster
from storage.db import open_database
from storage.logfile import log_path
from tests.cli import fugong
from tests.ledger.helpers import VALID_ID, keepers

PASSWORD = "ledger-cli-secret"
DAY = dt.date(2026, 11, 20)
SECRET_WORDS = ("张三", "李四", "王五", VALID_ID, "13812341234", "13900001111", "38.2", "36.7")


def _roster_file(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["姓名", "部门", "人员类别", "身份证号", "手机号", "宿舍房间"])
    sheet.append(["张三", "生产部", "保洁", VALID_ID, "13812341234", "A101"])
    sheet.append(["李四", "食堂", "食堂", "", "13900001111", "A101"])
    sheet.append(["王五", "生产部", "", "", "", "A102"])
    sheet.append(["坏行", "", "厨师", "", "", ""])
    workbook.save(path)
    return path


def test_the_ledger_headless_and_no_personal_data_in_the_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite3'}"
    db = open_database(url)
    keepers(db, PASSWORD)
    db.close()
    log = log_path()

    template = tmp_path / "模板.xlsx"
    assert fugong("roster", "template", str(template)).returncode == 0 and template.exists()

    people = _roster_file(tmp_path / "roster.xlsx")
    monkeypatch.setenv("FUGONG_LANG", "zh")  # the rows said in the user's language: Chinese here, then English
    checked = fugong("--db", url, "roster", "import", str(people), "--check")
    assert checked.returncode == 1 and "有误 第 5 行：人员类别“厨师”不是" in checked.stdout
    assert "3 行无误，1 行有误，0 行重复；没有保存任何内容" in checked.stdout and "bad" not in checked.stdout
    monkeypatch.setenv("FUGONG_LANG", "en")
    checked = fugong("--db", url, "roster", "import", str(people), "--check")
    assert checked.returncode == 1 and "bad row 5: Category '厨师' is not one of" in checked.stdout
    refused = fugong("--db", url, "roster", "import", str(people))
    assert refused.returncode == 1 and "--user" in refused.stderr
    wrong = fugong("--db", url, "roster", "import", str(people), "--user", "张安全", stdin="not the password\n")
    assert wrong.returncode == 1 and "wrong password" in wrong.stderr
    whole = fugong("--db", url, "roster", "import", str(people), "--user", "张安全", stdin=PASSWORD + "\n")
    assert whole.returncode == 1 and "nothing was imported" in whole.stderr
    done = fugong(
        "--db", url, "roster", "import", str(people), "--user", "张安全", "--accept-bad", stdin=PASSWORD + "\n"
    )
    assert done.returncode == 0 and "imported 3 people" in done.stdout

    gate = tmp_path / "gate.csv"
    gate.write_text(
        "姓名,测温时间,体温\n"
        f"张三,{DAY} 08:00,36.7\n李四,{DAY} 08:01,38.2\n王五,{DAY} 08:02,36.7\n"
        f"张三,{DAY} 15:00,36.7\n李四,{DAY} 15:01,36.7\n无名氏,{DAY} 15:03,36.7\n",
        encoding="utf-8",
    )
    imported = fugong(
        "--db",
        url,
        "readings",
        "import",
        str(gate),
        "--user",
        "张安全",
        "--source",
        "东门",
        "--accept-bad",
        stdin=PASSWORD + "\n",
    )
    assert imported.returncode == 0 and "5 readings, 1 flagged, 5 late" in imported.stdout, imported.stderr
    assert "bad row 7" in imported.stdout

    out = tmp_path / "day.json"
    summary = fugong(
        "--db", url, "daily-summary", DAY.isoformat(), "--json", str(out), "--pdf", str(tmp_path / "d.pdf")
    )
    assert summary.returncode == 0, summary.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert [m["name"] for m in record["missing"]] == ["王五"]
    assert [(f["name"], f["temperature_c"], f["phone"]) for f in record["flagged"]] == [("李四", 38.2, "139****1111")]
    assert VALID_ID not in out.read_text(encoding="utf-8") and "13900001111" not in out.read_text(encoding="utf-8")

    signed = fugong("--db", url, "daily-summary", DAY.isoformat(), "--sign", "--user", "张安全", stdin=PASSWORD + "\n")
    assert signed.returncode == 0 and "signed 2026-11-20 by 张安全" in signed.stdout, signed.stderr
    verified = fugong("--db", url, "daily-summary", DAY.isoformat(), "--verify")
    assert verified.returncode == 0 and verified.stdout.count("OK") == 6, verified.stdout

    officer = fugong("--db", url, "ledger", "retention", "--user", "张安全", stdin=PASSWORD + "\n")
    assert officer.returncode == 1 and "not allowed" in officer.stderr
    db = open_database(url)
    ledger.set_retention(db, "王经理", None, DAY + dt.timedelta(days=1))
    db.close()
    removed = fugong("--db", url, "ledger", "retention", "--user", "王经理", stdin=PASSWORD + "\n")
    assert removed.returncode == 0 and "5 readings" in removed.stdout and "3 people anonymised" in removed.stdout
    after = fugong("--db", url, "daily-summary", DAY.isoformat(), "--verify")
    assert after.returncode == 0 and "retention run" in after.stdout
    db = open_database(url)
    names = [r.name for r in roster.list_employees(db).rows]
    assert names and all(name.startswith("已匿名 #") for name in names)
    with db.session() as session:
        assert ledger.readings_digest(session, DAY)[0] == 0
    assert ledger.day_grid(db, DAY).total == 0 and ledger.flagged_readings(db, DAY).total == 0
    db.close()

    written = log.read_text(encoding="utf-8")
    assert "refused" in written  # the refusals above were logged …
    for word in SECRET_WORDS:  # … without anyone's name, ID number, phone or temperature
        assert word not in written, word


@pytest.mark.parametrize("date", ["2026-13-01", "yesterday"])
def test_a_bad_date_is_one_line(tmp_path: Path, date: str) -> None:
    result = fugong("--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "daily-summary", date)
    assert result.returncode == 1 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
