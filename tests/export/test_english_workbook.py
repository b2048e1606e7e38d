"""The inspection workbook in English: sheet names, headers, labels, result words, verdicts, statuses, the
signature sheet, drop-down choices and their refusal, the printed header and footer — every cell of every
sheet scanned for Chinese outside quoted user data and official document numbers; the Chinese workbook for
English labels. The record is the same: the same hash in both, and verification finds the record in both."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import load_workbook

from export.content import Signer
from export.reports import export_reports
from export.signing import _record_from_xlsx
from storage.db import open_database
from storage.inspections import load_inspection
from storage.record import record_hash
from tests.export.test_english_report import ENGLISH_LABELS, USER_DATA
from tests.export_fixtures import build_inspection
from tests.language_words import chinese_words, latin_words

SIGNERS = (Signer("张三", "安全员", "检查人", dt.datetime(2026, 11, 30, 2, 0)),)


def _texts(path: Path) -> list[tuple[str, str]]:
    """Every text the workbook shows or prints: (where, text) for sheet names, cells, data-validation messages,
    printed headers and footers, and the document's title and subject."""
    workbook = load_workbook(path)
    found: list[tuple[str, str]] = [("properties", workbook.properties.title or "")]
    found.append(("properties", workbook.properties.subject or ""))
    for ws in workbook.worksheets:
        found.append(("sheet name", ws.title))
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found.append((f"{ws.title}!{cell.coordinate}", cell.value))
        for validation in ws.data_validations.dataValidation:
            found += [(f"{ws.title} validation", str(validation.error)), (ws.title, str(validation.formula1))]
        for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.center):
            found.append((f"{ws.title} page", part.text or ""))
    return found


def _chinese_in(texts: list[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    bad = []
    for where, text in texts:
        # （…中文…） counts as quoted for the GUI guard: not here, where a Chinese aside would be a label
        words = chinese_words(text.replace("（", "(").replace("）", ")"), USER_DATA)
        if words:
            bad.append((where, words))
    return bad


def test_the_workbook_in_english_and_in_chinese(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'workbook.sqlite3'}")
    inspection_id = build_inspection(db, sign=False)
    english, chinese = tmp_path / "english.xlsx", tmp_path / "chinese.xlsx"
    export_reports(db, inspection_id, xlsx=english, language="en")
    export_reports(db, inspection_id, xlsx=chinese)
    signed_en, signed_zh = tmp_path / "signed-en.xlsx", tmp_path / "signed-zh.xlsx"
    export_reports(db, inspection_id, xlsx=signed_en, signers=SIGNERS, language="en")
    export_reports(db, inspection_id, xlsx=signed_zh, signers=SIGNERS)
    digest = record_hash(load_inspection(db, inspection_id))
    db.close()

    for path in (english, signed_en):
        texts = _texts(path)
        assert not _chinese_in(texts), f"{path.name} shows Chinese: {_chinese_in(texts)[:10]}"
        shown = "\n".join(text for _, text in texts)
        for label in ("Overview", "Items", "Corrective actions", "Dormitories", "Signatures", "Record hash"):
            assert label in shown, label
        for word in ("Pass", "Fail", "Inspector", "Page &P of &N", "Pass rate", "Choose one of: Pass"):
            assert word in shown, word
    signatures = load_workbook(signed_en)["Signatures"]
    assert [signatures.cell(row, 1).value for row in (2, 3)] == ["Inspector", "Approval by the person in charge"]
    assert signatures["C2"].value == "officer" and signatures["F2"].value == "no"
    assert str(signatures["B3"].value).startswith("see the digital signatures in the .p7s file")

    for path in (chinese, signed_zh):
        texts = _texts(path)
        shown = "\n".join(text for _, text in texts)
        foreign = [label for label in (*ENGLISH_LABELS, "Overview", "Items", "Pass", "Fail") if label in shown]
        assert not foreign, f"{path.name} shows English labels: {foreign}"
        stray = [(where, words) for where, text in texts if (words := latin_words(text))]
        assert not stray, f"{path.name} shows Latin words: {stray[:10]}"
        assert "概要" in shown and "第 &P 页 / 共 &N 页" in shown and "不合格" in shown

    # one record, whatever the language: the same hash, and the record found by the report number
    for path in (english, chinese, signed_en, signed_zh):
        assert _record_from_xlsx(path.read_bytes()) == (inspection_id, digest)
