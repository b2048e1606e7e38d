"""The daily summary: PDF and workbook with IDs and phones masked, signed off by the person in charge like an
inspection; the day is sealed and a later change of its readings (even by raw SQL) is reported by verify_day."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from checklist.ledger import HalfDay
from export.ledger_reports import record_digest, sign_day, summary_record, verify_day, write_summary
from storage import ledger, roster
from storage.db import Database, open_database
from storage.errors import AuthenticationError, PermissionDeniedError, RecordLockedError
from tests.keys import create_account
from tests.ledger.helpers import DAY, EVENING_TIME, MORNING_TIME, VALID_ID, keepers
from tests.libreoffice import convert_to_csv

PASSWORD = "day-signing-secret"


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Path]]:
    folder = tmp_path_factory.mktemp("summary")
    db = open_database(f"sqlite:///{folder / 'ledger.sqlite3'}")
    create_account(db, "setup", "王经理", "manager", PASSWORD)
    create_account(db, "王经理", "张安全", "officer", PASSWORD, actor_password=PASSWORD)
    from storage import auth

    auth.create_user(db, "王经理", "审计", "auditor", PASSWORD)
    db.principal = None  # the set-up logged 王经理 in; the officer enters the ledger below
    ids = {
        name: roster.add_employee(db, "张安全", values)
        for name, values in {
            "张三": {"name": "张三", "id_number": VALID_ID, "phone": "13812341234", "dormitory_room": "A101"},
            "李四": {"name": "李四", "phone": "13900001111", "department": "食堂", "category": "食堂"},
            "王五": {"name": "王五", "dormitory_room": "A102"},
        }.items()
    }
    enter = ledger.enter_readings
    enter(
        db,
        "张安全",
        DAY,
        HalfDay.MORNING,
        [ledger.ReadingEntry(i, "36.5") for i in ids.values()],
        now_local=MORNING_TIME,
    )
    enter(
        db,
        "张安全",
        DAY,
        HalfDay.AFTERNOON,
        [ledger.ReadingEntry(ids["张三"], "36.6"), ledger.ReadingEntry(ids["李四"], "37.9", "干咳")],
        now_local=EVENING_TIME,
    )
    ledger.start_observation(db, "张安全", ids["王五"], "home", DAY - dt.timedelta(days=2), "自外地返京")
    yield db, folder
    db.close()


def test_the_summary_names_the_abnormal_and_masks_ids_and_phones(signed: tuple[Database, Path]) -> None:
    db, folder = signed
    record = summary_record(db, DAY, "北京示例制造有限公司")
    assert (record["headcount"], record["checked_morning"], record["checked_afternoon"]) == (3, 3, 2)
    assert [m["name"] for m in record["missing"]] == ["王五"] and not record["zero_report"]
    flagged = record["flagged"][0]
    assert (flagged["name"], flagged["temperature_c"], flagged["symptoms"], flagged["phone"]) == (
        "李四",
        37.9,
        "干咳",
        "139****1111",
    )
    assert [o["name"] for o in record["under_observation"]] == ["王五"]
    assert any("疾控" in step for step in record["next_steps"])
    pdf, xlsx, json_path = folder / "u.pdf", folder / "u.xlsx", folder / "u.json"
    write_summary(db, DAY, pdf=pdf, xlsx=xlsx, json_path=json_path, company="北京示例制造有限公司")
    for path in (pdf, json_path):
        raw = path.read_bytes()
        assert VALID_ID.encode() not in raw and b"13812341234" not in raw and b"13900001111" not in raw
    cells = [
        str(c) for sheet in load_workbook(xlsx).worksheets for row in sheet.iter_rows(values_only=True) for c in row
    ]
    assert "139****1111" in cells and not any("13900001111" in c or VALID_ID in c for c in cells)
    assert "13900001111" not in json_path.read_text(encoding="utf-8")


def test_only_the_person_in_charge_signs_with_the_password(signed: tuple[Database, Path]) -> None:
    db, _ = signed
    with pytest.raises(AuthenticationError):
        sign_day(db, DAY, "张安全", "wrong password!")
    with pytest.raises(PermissionDeniedError):
        sign_day(db, DAY, "审计", PASSWORD)


def test_a_signed_day_is_sealed_verifies_and_a_later_change_is_found(signed: tuple[Database, Path]) -> None:
    db, folder = signed
    done = sign_day(db, DAY, "张安全", PASSWORD, "北京示例制造有限公司")
    assert done.record_hash == record_digest(summary_record(db, DAY, "北京示例制造有限公司"))
    checks = verify_day(db, DAY)
    assert [c.ok for c in checks] == [True] * 6, [c.what_en for c in checks]
    with pytest.raises(RecordLockedError):
        ledger.enter_readings(
            db, "张安全", DAY, HalfDay.AFTERNOON, [ledger.ReadingEntry(3, "36.5")], now_local=EVENING_TIME
        )
    pdf = folder / "signed.pdf"
    xlsx = folder / "signed.xlsx"
    write_summary(db, DAY, pdf=pdf, xlsx=xlsx)
    assert pdf.read_bytes() == done.files["pdf"] and (folder / "signed.xlsx.p7s").read_bytes() == done.files["xlsx.p7s"]
    if shutil.which("pdfsig"):
        said = subprocess.run(["pdfsig", str(pdf)], capture_output=True, text=True, check=False).stdout
        assert "Signature #1" in said and "Signature is Valid." in said
    with db.engine.begin() as connection:  # someone with the database file lowers a temperature afterwards
        connection.execute(text("UPDATE health_readings SET temperature = 365 WHERE temperature = 379"))
    changed = verify_day(db, DAY)
    assert not changed[1].ok and "changed after signing" in changed[1].what_en
    assert changed[0].ok  # the stored summary itself is intact: it is the data that moved


def test_the_pdf_renders_and_libreoffice_opens_the_workbook(signed: tuple[Database, Path], tmp_path: Path) -> None:
    db, _ = signed
    pdf, xlsx = tmp_path / "day.pdf", tmp_path / "day.xlsx"
    write_summary(db, DAY - dt.timedelta(days=1), pdf=pdf, xlsx=xlsx, company="北京示例制造有限公司")
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page.png").stat().st_size > 5000
    soffice = shutil.which("soffice")
    assert soffice is not None, "LibreOffice is part of the test machine (bash .ci/setup --dev)"
    convert_to_csv(soffice, xlsx, tmp_path)
    first_sheet = (tmp_path / "day.csv").read_text(encoding="utf-8")
    assert "员工健康状况每日汇总" in first_sheet and '"在册人数",3' in first_sheet


def _images_in(pdf: Path) -> list[str]:
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line for line in listed.splitlines()[2:] if line.split()[2:3] == ["image"]]  # not soft masks


def test_the_company_logo_is_printed_on_the_summary_and_its_workbook(tmp_path: Path) -> None:
    """Issue 17: the logo on reports — the daily summary too, by the inspection report's own functions; signed,
    the PDF still verifies; a named company that is not in the database gets no logo (never another's)."""
    import io

    from PIL import Image

    from export.ledger_reports import summary_logo
    from storage.logo import prepare_logo
    from storage.models import Company

    db = open_database(f"sqlite:///{tmp_path / 'logo.sqlite3'}")
    keepers(db, PASSWORD)
    person = roster.add_employee(db, "张安全", {"name": "张三"})
    ledger.enter_readings(
        db, "张安全", DAY, HalfDay.MORNING, [ledger.ReadingEntry(person, "36.5")], now_local=MORNING_TIME
    )
    picture = io.BytesIO()
    Image.new("RGB", (400, 120), (200, 30, 30)).save(picture, "PNG")
    with db.session() as session:
        session.add(Company(name="北京示例制造有限公司", credit_code="91110000000000000X", company_type="industrial"))
        session.add(
            Company(
                name="别家公司",
                credit_code="91110000000000001X",
                company_type="industrial",
                logo_png=prepare_logo("b.png", picture.getvalue()),
            )
        )
        session.commit()
    without = tmp_path / "without.pdf"
    write_summary(db, DAY, pdf=without, xlsx=tmp_path / "without.xlsx", company="北京示例制造有限公司")
    assert _images_in(without) == [] and load_workbook(tmp_path / "without.xlsx")["汇总"]._images == []
    assert summary_logo(db, "不存在的公司") is None and summary_logo(db, "别家公司") is not None
    with db.session() as session:
        company = session.scalars(select(Company).where(Company.name == "北京示例制造有限公司")).one()
        company.logo_png = prepare_logo("logo.png", picture.getvalue())
        session.commit()
    assert summary_logo(db) == summary_logo(db, "北京示例制造有限公司")  # no name: the first company's

    pdf, xlsx = tmp_path / "with.pdf", tmp_path / "with.xlsx"
    write_summary(db, DAY, pdf=pdf, xlsx=xlsx, company="北京示例制造有限公司")
    images = _images_in(pdf)
    assert len(images) == 1 and images[0].split()[0] == "1"  # on the first page, above the title
    assert " 400 " in f" {images[0]} " and " 120 " in f" {images[0]} "
    sheet = load_workbook(xlsx)["汇总"]
    assert len(sheet._images) == 1 and sheet["A1"].value == "员工健康状况每日汇总（每天汇总）"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "50", "-f", "1", "-singlefile", str(pdf), str(tmp_path / "p")], check=True
    )
    assert (tmp_path / "p.png").stat().st_size > 5000

    done = sign_day(db, DAY, "张安全", PASSWORD, "北京示例制造有限公司")
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(done.files["pdf"])
    assert len(_images_in(signed)) == 1
    assert len(load_workbook(io.BytesIO(done.files["xlsx"]))["汇总"]._images) == 1
    checks = verify_day(db, DAY)
    assert all(c.ok for c in checks), [c.what_en for c in checks]
    db.close()


def test_an_empty_day_signed_as_a_zero_report_before_row_41_still_verifies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The zero-report rule changed (row #41: none on an empty roster); a day signed under the old rule keeps its
    signed record and still verifies, because verify_day checks what was stored, not a recomputation."""
    from checklist.ledger import DailySummary

    db = open_database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
    create_account(db, "setup", "王经理", "manager", PASSWORD)
    db.principal = None
    old_rule = property(lambda s: not s.flagged and not s.missing_count and not s.early_returns)
    with monkeypatch.context() as old:
        old.setattr(DailySummary, "zero_report", old_rule)
        sign_day(db, DAY, "王经理", PASSWORD, "北京示例制造有限公司")
    assert ledger.sealed_day(db, DAY).summary["zero_report"] is True  # what the old rule signed
    assert not summary_record(db, DAY)["zero_report"]  # what the rule says today
    checks = verify_day(db, DAY)
    assert checks and all(check.ok for check in checks), [check.what_en for check in checks]
    db.close()


def test_the_summary_workbook_prints_each_sheet_across_an_a4_page_and_keeps_text_as_text(
    signed: tuple[Database, Path],
) -> None:
    """Each sheet fits the width of an A4 page (before, LibreOffice printed 11 pages for 60 people, lists cut
    between columns), a list's header repeats on every page, and a name changed by hand on the file to look
    like a formula is written as the text it is."""
    import io

    from export.ledger_reports import render_summary_xlsx

    db, _ = signed
    record = summary_record(db, DAY, "北京示例制造有限公司")
    record["flagged"][0]["name"] = '=HYPERLINK("http://example.invalid","张三")'
    book = load_workbook(io.BytesIO(render_summary_xlsx(record)))
    assert book.sheetnames == ["汇总", "发热及症状", "缺测", "观察中", "签名"]
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert (setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (9, 1, 0), sheet.title  # 9: A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
    for title in ("发热及症状", "缺测", "观察中"):
        assert book[title].print_title_rows == "$1:$1", title
    assert book["发热及症状"].page_setup.orientation == "landscape"
    cells = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    assert '=HYPERLINK("http://example.invalid","张三")' in [cell.value for cell in cells]
