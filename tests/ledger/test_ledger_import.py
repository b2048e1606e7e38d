"""Roster and gate-camera imports: check then commit, all or nothing, every bad row by number, and hostile files
(truncated, oversized, formulas, wrong encodings, binary, too many rows or columns) refused in one sentence."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from export.ledger_reports import write_roster_template
from storage import ledger, ledger_import, roster
from storage.db import Database, open_database
from storage.errors import InvalidInputError, KnownError
from tests.ledger.helpers import DAY, VALID_ID, accounts, people

EVENING = dt.datetime(2026, 11, 30, 20, 0)


@pytest.fixture
def db(sqlite_url: str) -> Iterator[Database]:
    database = open_database(sqlite_url)
    accounts(database)
    yield database
    database.close()


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


HEADER = ["姓名", "部门", "人员类别", "身份证号", "手机号", "宿舍房间", "状态"]


def test_the_template_has_the_roster_headers_and_imports_nobody(db: Database, tmp_path: Path) -> None:
    template = tmp_path / "花名册模板.xlsx"
    write_roster_template(template)
    workbook = load_workbook(template)
    assert [c.value for c in workbook["花名册"][1]][:3] == ["姓名", "部门", "岗位"]
    assert "填写说明" in workbook.sheetnames
    check = ledger_import.check_roster_file(db, template)
    assert check.good == [] and check.bad == []


def test_bad_rows_are_listed_by_number_and_nothing_is_half_imported(db: Database, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "roster.xlsx",
        [
            HEADER,
            ["张三", "生产部", "保洁", VALID_ID, "13812341234", "A101", "在岗"],
            ["李四", "生产部", "厨师", "", "", "", ""],
            ["王五", "", "", "110105194912310021", "", "", ""],
            ["赵六", "", "", "", "12345", "", ""],
            ["", "财务部", "", "", "", "", ""],
            ["孙七", "", "", "", "13900000000", "", "出差"],
            ["钱八", "", "食堂", "", "13900000001", "B2", "居家观察"],
        ],
    )
    check = ledger_import.check_roster_file(db, path)
    assert [(b.row, b.field) for b in check.bad] == [
        (3, "category"),
        (4, "id_number"),
        (5, "phone"),
        (6, "name"),
        (7, "status"),
    ]
    assert check.bad[1].describe_zh() == "第 4 行：身份证号校验位错误"
    assert VALID_ID not in " ".join(b.describe_en() for b in check.bad)
    with pytest.raises(InvalidInputError, match="5 bad row"):
        ledger_import.commit_roster_file(db, "officer", path)
    assert roster.list_employees(db).total == 0
    done = ledger_import.commit_roster_file(db, "officer", path, accept_bad=True)
    assert [p.name for _, p in done.good] == ["张三", "钱八"]
    assert [r.name for r in roster.list_employees(db).rows] == ["张三", "钱八"]


def test_duplicates_in_the_file_and_against_the_roster_are_shown_not_doubled(db: Database, tmp_path: Path) -> None:
    people(db)
    path = _xlsx(
        tmp_path / "roster.xlsx",
        [
            HEADER,
            ["张三", "", "", VALID_ID, "", "", ""],  # on the roster already
            ["周九", "", "", "", "13700000000", "", ""],
            ["周九", "", "", "", "137 0000 0000", "", ""],  # the same as the row above
            ["周九", "", "", "", "13700000001", "", ""],  # a namesake with another phone
        ],
    )
    check = ledger_import.check_roster_file(db, path)
    assert [(d.row, d.same_as_row, d.same_as_employee is not None) for d in check.duplicates] == [
        (2, None, True),
        (4, 3, False),
    ]
    assert "第 4 行：周九 与第 3 行为同一人" in check.duplicates[1].describe_zh()
    ledger_import.commit_roster_file(db, "officer", path, accept_bad=True)
    assert roster.list_employees(db, search="周九").total == 2
    assert roster.list_employees(db, search="张三").total == 1


def test_gate_camera_csv_in_gb18030_is_read_by_headers_and_the_mapping_remembered(db: Database, tmp_path: Path) -> None:
    ids = people(db)
    csv = tmp_path / "gate.csv"
    csv.write_bytes(
        (
            "序号,人员姓名,识别时间,体温(℃),设备\n"
            "1,张三,2026-11-30 08:01:02,36.5,东门\n"
            "2,张三,2026-11-30 08:30:00,36.7,东门\n"
            "3,李四,2026-11-30 08:02:00,37.6,东门\n"
            "4,陌生人,2026-11-30 08:03:00,36.5,东门\n"
            "5,王五,2026-11-30 14:03:00,98.6,东门\n"
            "6,王五,昨天,36.5,东门\n"
        ).encode("gb18030")
    )
    check = ledger_import.check_readings_file(db, csv, source="东门测温门")
    assert check.mapping == {"name": "人员姓名", "time": "识别时间", "temperature": "体温(℃)"}
    assert [(b.row, b.field) for b in check.bad] == [(5, "name"), (6, "temperature"), (7, "time")]
    assert "陌生人" not in " ".join(b.describe_en() for b in check.bad)
    assert [(r.employee_id, r.temperature_c) for r in check.good] == [(ids["张三"], 36.7), (ids["李四"], 37.6)]
    with pytest.raises(InvalidInputError, match="3 bad row"):
        ledger_import.commit_readings_file(db, "officer", csv, source="东门测温门", now_local=EVENING)
    assert ledger.flagged_readings(db, DAY).total == 0
    ledger_import.commit_readings_file(db, "officer", csv, source="东门测温门", accept_bad=True, now_local=EVENING)
    assert [r.name for r in ledger.flagged_readings(db, DAY).rows] == ["李四"]
    renamed = tmp_path / "gate2.csv"
    renamed.write_text("人,时刻,读数\n赵六,2026-11-30 09:00,36.6\n", encoding="utf-8")
    with pytest.raises(InvalidInputError, match="no column"):
        ledger_import.check_readings_file(db, renamed, source="西门")
    mapping = {"name": "人", "time": "时刻", "temperature": "读数"}
    ledger_import.commit_readings_file(db, "officer", renamed, source="西门", mapping=mapping, now_local=EVENING)
    again = ledger_import.check_readings_file(db, renamed, source="西门")
    assert again.mapping == mapping and len(again.good) == 1


def _truncated(tmp_path: Path) -> Path:
    whole = _xlsx(tmp_path / "whole.xlsx", [HEADER, ["张三"]]).read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _formula(tmp_path: Path) -> Path:
    return _xlsx(tmp_path / "formula.xlsx", [HEADER, ["张三", '=HYPERLINK("http://x","y")']])


def _oversized(tmp_path: Path) -> Path:
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.write(b"name\n")
        handle.seek(ledger_import.MAX_FILE_BYTES + 1)
        handle.write(b"x")
    return path


def _many_rows(tmp_path: Path) -> Path:
    path = tmp_path / "rows.csv"
    path.write_text("姓名\n" + "张三\n" * (ledger_import.MAX_ROWS + 1), encoding="utf-8")
    return path


def _latin1(tmp_path: Path) -> Path:
    path = tmp_path / "latin1.csv"
    path.write_bytes("姓名\n".encode() + b"\xff\xfe\xff\n")
    return path


def _binary(tmp_path: Path) -> Path:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return path


def _xls_renamed(tmp_path: Path) -> Path:
    path = tmp_path / "old.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    return path


def _zip_not_workbook(tmp_path: Path) -> Path:
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return path


def _wide(tmp_path: Path) -> Path:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["姓名"] + [f"c{i}" for i in range(100)]) + "\n", encoding="utf-8")
    return path


def _no_header(tmp_path: Path) -> Path:
    path = tmp_path / "empty.csv"
    path.write_text("\n\n", encoding="utf-8")
    return path


def _wrong_kind(tmp_path: Path) -> Path:
    path = tmp_path / "roster.json"
    path.write_text("{}", encoding="utf-8")
    return path


HOSTILE = {
    "truncated workbook": (_truncated, "damaged"),
    "formula": (_formula, "formula"),
    "oversized": (_oversized, "larger than"),
    "too many rows": (_many_rows, "more than"),
    "not utf-8 or gb18030": (_latin1, "UTF-8"),
    "binary": (_binary, "not a text file"),
    "old .xls renamed": (_xls_renamed, "not a readable Excel"),
    "zip that is no workbook": (_zip_not_workbook, "not a readable Excel"),
    "too many columns": (_wide, "columns"),
    "no header": (_no_header, "header"),
    "wrong kind": (_wrong_kind, "neither"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_are_refused_in_one_sentence_and_nothing_changes(db: Database, tmp_path: Path, case: str) -> None:
    make, said = HOSTILE[case]
    path = make(tmp_path)
    before = roster.list_employees(db).total
    for run in (
        lambda: ledger_import.commit_roster_file(db, "officer", path, accept_bad=True),
        lambda: ledger_import.commit_readings_file(db, "officer", path, accept_bad=True, now_local=EVENING),
    ):
        with pytest.raises(KnownError) as refused:
            run()
        message = str(refused.value)
        assert "\n" not in message and "Traceback" not in message
        if "no column" not in message and "no 姓名" not in message:
            assert said in message
        assert refused.value.message_zh != message
    assert roster.list_employees(db).total == before


def test_formula_text_in_a_csv_cell_is_refused_by_row(db: Database, tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text("姓名,部门\n=cmd|' /C calc'!A0,生产部\n@SUM(1),x\n-2+3,y\n张三,生产部\n", encoding="utf-8")
    check = ledger_import.check_roster_file(db, path)
    assert [(b.row, b.field) for b in check.bad] == [(2, "name"), (3, "name"), (4, "name")]
    assert [p.name for _, p in check.good] == ["张三"]


def test_a_header_with_a_line_break_is_named_on_one_line(db: Database, tmp_path: Path) -> None:
    """Alt+Enter in a header cell is common in hand-made sheets; the refusal still is one sentence."""
    path = tmp_path / "gate.csv"
    path.write_text('姓名,"记录\n时刻",读数\n张三,2026-11-30 09:00,36.6\n', encoding="utf-8")
    with pytest.raises(InvalidInputError) as refused:
        ledger_import.commit_readings_file(db, "officer", path, source="门岗", now_local=EVENING)
    for text in (str(refused.value), refused.value.message_zh):
        assert "\n" not in text and "记录\\n时刻" in text, text
