"""The PDF report, read back the way an outsider would: poppler's pdffonts / pdftotext / pdfdetach / pdfimages
and zbarimg on a rendered page — not through reportlab."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from export import fonts
from export.reports import ExportCancelled, ExportWriteError, ReportFontError, Signer, export_reports
from storage import inspections
from storage.db import Database, open_database
from storage.exchange import export_document
from storage.record import record_hash
from tests.export_fixtures import build_inspection, signed_in_a_new_database


def run(tool: str, *args: str | Path) -> str:
    if shutil.which(tool) is None:
        pytest.fail(f"{tool} is not installed: apt-get install poppler-utils zbar-tools")
    done = subprocess.run([tool, *map(str, args)], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def text_of(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return run("pdftotext", *pages, "-layout", pdf, "-")


def squeezed(text: str) -> str:
    """Text without spaces: pdftotext puts or drops spaces where Chinese and Latin runs meet."""
    return re.sub(r"\s+", "", text)


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf), re.MULTILINE)
    assert match
    return int(match[1])


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    yield from signed_in_a_new_database(tmp_path_factory.mktemp("signed"), photos=2)


@pytest.fixture(scope="module")
def signed_pdf(signed: tuple[Database, int], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db, inspection_id = signed
    pdf = tmp_path_factory.mktemp("pdf") / "报告.pdf"
    assert export_reports(db, inspection_id, pdf=pdf) == [pdf]
    return pdf


def signature_png() -> bytes:
    image = Image.new("RGB", (400, 120), "white")
    ImageDraw.Draw(image).line([(10, 100), (80, 20), (150, 90), (220, 30), (390, 40)], fill="black", width=5)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_every_font_is_embedded(signed_pdf: Path) -> None:
    lines = run("pdffonts", signed_pdf).splitlines()[2:]
    assert lines, "the report uses no font at all"
    for line in lines:
        assert line.split()[-5] == "yes", f"not embedded: {line}"
    assert not any("Helvetica" in line for line in lines)


def test_text_has_titles_full_hash_and_page_numbers(signed: tuple[Database, int], signed_pdf: Path) -> None:
    db, inspection_id = signed
    text = text_of(signed_pdf)
    stored_hash = inspections.load_inspection(db, inspection_id).record_hash
    assert stored_hash and stored_hash in text
    for expected in ("做好员工健康管理", "加强员工集体宿舍管理：居住密度与地下空间", "洗手台.jpg"):
        assert expected in text
    pages = page_count(signed_pdf)
    assert pages >= 3
    first = squeezed(text_of(signed_pdf, 1))
    assert f"第1页/共{pages}页" in first
    assert f"FG-{inspection_id}-v" in first and "北京示例制造有限公司" in first
    assert f"第{pages}页/共{pages}页" in squeezed(text_of(signed_pdf, pages))


def test_cover_and_items_say_what_was_found(signed_pdf: Path) -> None:
    text = squeezed(text_of(signed_pdf))
    for expected in (
        "91110000600037341L",
        "应急管理部门",  # the authority that inspects an industrial company
        "GN1.1.0《国务院应对新型冠状病毒感染肺炎疫情联防联控机制关于印发企事业单位复工复产疫情防控措施指南的通知》",
        "（国发明电〔2020〕4号）一、（一）",  # citation: document, 文号, clause
        "（人工改判）",
        "台账误记",  # the override's reason
        "每日体温检测次数：1次/日，不符合",  # a rule finding (message_zh)
        "宿舍员工下午未测温",  # a note
        "增加下午测温并在台账登记",  # a corrective action
        "严重不合格项（2）",
        "单位主要负责人审核",
        "姓名（正楷）",  # no signers given: lines to sign by hand
        # the basis documents by their official titles, as the 依据文件 window names them (not a paraphrase)
        "《关于加强对各单位保洁、保安、物业、食堂、维修维护等后勤物业工作人员防控新冠肺炎疫情工作的通知》",
        "＝检查记录#",  # the report number explained: the list's number
        "审计”窗口",  # how to check the record hash, in words
    ):
        assert expected in text, expected
    assert "工作（北京）》" not in text  # the catalog's short title
    assert "verify-record" not in text
    info = run("pdfinfo", signed_pdf)
    assert "{" not in info and "slots" not in info  # no internal JSON in the document properties


def test_good_practice_and_reference_methods_are_labelled_apart_from_the_rules(signed_pdf: Path) -> None:
    text = squeezed(text_of(signed_pdf))
    # GN-14 asks for more than its clause on site: labelled as good practice, not as the requirement.
    assert "建议做法（超出条文要求，不作判定依据）：隔离观察区域相对独立" in text
    # GN-06's figures are the public-transport guideline's reference method, cited as such.
    assert "符合参考方法“≥500mg/L”（公共交通防控指引（2.0版）一（一）2）" in text
    # A GN + BJHQ inspection: the dormitory rules cite only the chosen documents.
    assert "BJHQ三" in text and "BJTG八" not in text


def test_qr_code_decodes_to_the_record_hash(signed: tuple[Database, int], signed_pdf: Path, tmp_path: Path) -> None:
    db, inspection_id = signed
    run("pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", signed_pdf, tmp_path / "page")
    if shutil.which("zbarimg") is None:
        pytest.fail("zbarimg is not installed: apt-get install zbar-tools")
    decoded = subprocess.run(["zbarimg", "--raw", "-q", tmp_path / "page.png"], capture_output=True, check=True)
    assert decoded.stdout.decode().strip() == inspections.load_inspection(db, inspection_id).record_hash


def test_embedded_json_is_the_exchange_document(signed: tuple[Database, int], signed_pdf: Path, tmp_path: Path) -> None:
    db, inspection_id = signed
    listing = run("pdfdetach", "-list", signed_pdf)
    assert "1 embedded files" in listing and ".json" in listing
    target = tmp_path / "record.json"
    run("pdfdetach", "-save", "1", "-o", target, signed_pdf)
    embedded = json.loads(target.read_text(encoding="utf-8"))
    assert embedded == export_document(db, inspection_id)
    assert embedded["record_hash"] == inspections.load_inspection(db, inspection_id).record_hash


def test_photos_are_embedded_as_small_thumbnails(signed_pdf: Path) -> None:
    images = [line.split() for line in run("pdfimages", "-list", signed_pdf).splitlines()[2:]]
    photos = [fields for fields in images if fields[5] == "rgb"]
    assert len(photos) == 2
    assert all(max(int(fields[3]), int(fields[4])) <= 360 for fields in photos)  # width, height in pixels


def test_signers_are_printed_with_meaning_times_and_drawn_signature(
    signed: tuple[Database, int], tmp_path: Path
) -> None:
    db, inspection_id = signed
    signers = [
        Signer("张三", "安全员", "检查人", dt.datetime(2026, 11, 20, 8, 30), signature_png()),
        Signer("王经理", "总经理", "单位主要负责人审核", dt.datetime(2026, 11, 20, 9, 5, tzinfo=dt.UTC)),
    ]
    pdf = tmp_path / "signed.pdf"
    export_reports(db, inspection_id, pdf=pdf, signers=signers)
    text = squeezed(text_of(pdf))
    for expected in (
        "张三",
        "安全员",
        "王经理",
        "总经理",
        "2026-11-2008:30:00UTC",
        "2026-11-2009:05:00UTC",
        "当地时间",
    ):
        assert expected in text
    assert "姓名（正楷）" not in squeezed(text)
    images = run("pdfimages", "-list", pdf).splitlines()[2:]
    assert len(images) == 3  # two photos and one drawn signature


def test_draft_says_draft_and_prints_the_hash_of_its_current_content(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    inspection_id = build_inspection(db, photos=0, complete=False)
    pdf = tmp_path / "draft.pdf"
    export_reports(db, inspection_id, pdf=pdf)
    text = text_of(pdf)
    current = record_hash(inspections.load_inspection(db, inspection_id))
    assert "草稿" in text and "DRAFT" in text
    assert current in text
    assert export_document(db, inspection_id)["record_hash"] == current
    db.close()


def test_cancelled_export_leaves_no_file_under_the_final_name(signed: tuple[Database, int], tmp_path: Path) -> None:
    db, inspection_id = signed
    calls = 0

    def cancel_after_a_while() -> bool:
        nonlocal calls
        calls += 1
        return calls > 5

    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    with pytest.raises(ExportCancelled):
        export_reports(db, inspection_id, pdf=pdf, xlsx=xlsx, cancelled=cancel_after_a_while)
    assert list(tmp_path.iterdir()) == []  # neither file, nor a temporary one


def test_cancel_while_writing_the_workbook_also_drops_the_finished_pdf(
    signed: tuple[Database, int], tmp_path: Path
) -> None:
    db, inspection_id = signed
    seen: list[str] = []
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    with pytest.raises(ExportCancelled):
        export_reports(
            db,
            inspection_id,
            pdf=pdf,
            xlsx=xlsx,
            progress=lambda _, message: seen.append(message),
            cancelled=lambda: "PDF 已完成" in seen,
        )
    assert list(tmp_path.iterdir()) == []


def test_progress_rises_to_one(signed: tuple[Database, int], tmp_path: Path) -> None:
    db, inspection_id = signed
    fractions: list[float] = []
    export_reports(
        db, inspection_id, pdf=tmp_path / "r.pdf", xlsx=tmp_path / "r.xlsx", progress=lambda f, _: fractions.append(f)
    )
    assert fractions == sorted(fractions)
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert len(fractions) > 10


def test_missing_font_fails_loudly_and_writes_nothing(
    signed: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, inspection_id = signed
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    monkeypatch.setattr(fonts, "font_folder", lambda: empty)
    pdf = tmp_path / "r.pdf"
    with pytest.raises(ReportFontError, match=r"DroidSansFallbackFull\.ttf.*reinstall"):
        export_reports(db, inspection_id, pdf=pdf)
    assert not pdf.exists()


def test_damaged_font_fails_loudly(
    signed: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, inspection_id = signed
    broken = tmp_path / "broken-fonts"
    broken.mkdir()
    (broken / "DroidSansFallbackFull.ttf").write_bytes(b"not a font" * 100)
    monkeypatch.setattr(fonts, "font_folder", lambda: broken)
    with pytest.raises(ReportFontError, match="damaged"):
        export_reports(db, inspection_id, pdf=tmp_path / "r.pdf")


def test_unwritable_target_is_reported_in_words(signed: tuple[Database, int], tmp_path: Path) -> None:
    db, inspection_id = signed
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(ExportWriteError, match="no report was written"):
        export_reports(db, inspection_id, pdf=blocker / "r.pdf")


def test_cli_export_writes_both_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``fugong export`` writes a completed inspection's reports through this exporter (a signed one's stored,
    signed files are written by the signing module instead)."""
    from desktop.cli.main import main

    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    inspection_id = build_inspection(db, photos=0, sign=False)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    assert main(["export", str(inspection_id), "--db", db.url, "--pdf", str(pdf), "--xlsx", str(xlsx)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert f"wrote {pdf}" in capsys.readouterr().out
    db.close()


def test_a_correction_says_which_record_it_corrects_and_replaces(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    original = build_inspection(db, photos=0)
    signed_hash = inspections.load_inspection(db, original).record_hash
    assert signed_hash
    correction = inspections.new_version(db, "tester", original, "A101 面积测量有误")
    pdf, xlsx = tmp_path / "更正.pdf", tmp_path / "更正.xlsx"
    export_reports(db, correction, pdf=pdf, xlsx=xlsx)
    text = squeezed(text_of(pdf, 1))
    assert f"本报告更正并取代检查记录#{original}（2026-11-20检查" in text
    assert signed_hash[:16] in text and "原记录作废，以本报告为准" in text and "更正原因：A101面积测量有误" in text
    sheet = load_workbook(xlsx)["概要"]
    facts = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert f"检查记录 #{original}" in str(facts["更正"])
    original_pdf = tmp_path / "原.pdf"
    export_reports(db, original, pdf=original_pdf)
    assert "更正并取代" not in squeezed(text_of(original_pdf, 1))  # only a correction says it
    db.close()


def test_a_long_room_table_prints_every_room_under_its_header(tmp_path: Path) -> None:
    """The room table is laid out in chunks (linear time): every room is printed once, in order, each page of
    the table starts with its header, and an item lists the failing rooms and counts the rest."""
    db = open_database(f"sqlite:///{tmp_path}/t.sqlite3")
    inspection_id = build_inspection(db, photos=0, complete=False)
    version = inspections.load_inspection(db, inspection_id).version
    rooms = [
        {"name": f"R{number:03d}", "area_m2": 18 if number % 3 == 0 else 30, "occupants": 6 if number % 3 == 0 else 4}
        for number in range(130)
    ]
    inspections.set_rooms(db, "tester", inspection_id, version, rooms)
    pdf = tmp_path / "rooms.pdf"
    export_reports(db, inspection_id, pdf=pdf)
    db.close()
    text = squeezed(text_of(pdf))
    table = text[text.index("集体宿舍房间") :]
    printed = re.findall(r"R(\d{3})\d", table)  # the room name, then its area
    assert printed == [f"{number:03d}" for number in range(130)]
    pages = [squeezed(text_of(pdf, page)) for page in range(1, page_count(pdf) + 1)]
    table_pages = [page for page in pages if re.search(r"R\d{3}\d", page)]
    assert len(table_pages) >= 3 and all("面积m²" in page for page in table_pages)
    assert "宿舍逐间判定" in text and "不符合44" in text  # 44 of 130 rooms fail the Beijing rule
