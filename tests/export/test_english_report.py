"""English reports: the same record printed with every label, heading, result word, verdict, the cover and the
page header and footer in English, the items from the catalogs' ``*_en`` texts. Read back with pdftotext: the
English PDF holds no Chinese outside quoted user data and official document numbers, the Chinese one no
English label. The record, its hash and the attached JSON are the same in both languages, and the record
verifies whichever language the command speaks."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from export.reports import export_reports
from storage.db import open_database
from storage.inspections import load_inspection
from storage.record import record_hash
from tests.cli import fugong
from tests.export_fixtures import ACTIONS, ANSWERS, ROOMS, build_inspection
from tests.language_words import chinese_words, latin_words

# What the test typed into the record: printed as it was typed, in either language.
USER_DATA = {
    "北京示例制造有限公司",
    "北京市大兴区经济技术开发区示例路 1 号",
    "大兴区",
    "一号厂房",
    "张三",
    "李四",
    "王五",
    "洗手台.jpg",
    *(room["name"] for room in ROOMS),
    *(answer.note for answer in ANSWERS.values() if answer.note),
    *(answer.override_reason for answer in ANSWERS.values() if answer.override_reason),
    *(action for action, _ in ACTIONS.values()),
}
# English labels that must not reach a Chinese report.
ENGLISH_LABELS = ("Inspector", "Pass rate", "Corrective action", "Page ", "Summary of results", "Basis", "Owner")


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is needed (apt-get install poppler-utils)")
    return path


def _text(pdf: Path) -> str:
    return subprocess.run([_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _attached_record(pdf: Path, folder: Path) -> dict[str, object]:
    target = folder / f"{pdf.stem}.json"
    subprocess.run([_tool("pdfdetach"), "-save", "1", "-o", str(target), str(pdf)], check=True, capture_output=True)
    document = json.loads(target.read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def _joined(text: str) -> str:
    """pdftotext breaks long lines: join them, so that quoted data and document numbers stay in one piece."""
    return " ".join(text.split())


@pytest.mark.parametrize("signed", [False, True], ids=["completed", "signed"])
def test_a_record_in_english_and_in_chinese(tmp_path: Path, signed: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'reports.sqlite3'}"
    db = open_database(url)
    inspection_id = build_inspection(db, sign=signed)
    english, chinese = tmp_path / "english.pdf", tmp_path / "chinese.pdf"
    export_reports(db, inspection_id, pdf=english, language="en")
    export_reports(db, inspection_id, pdf=chinese)
    digest = record_hash(load_inspection(db, inspection_id))
    db.close()

    english_text, chinese_text = _text(english), _text(chinese)
    # （…中文…） counts as quoted for the GUI guard: not here, where a Chinese aside in brackets would be a label
    bad = chinese_words(_joined(english_text).replace("（", "(").replace("）", ")"), USER_DATA)
    assert not bad, f"the English report shows Chinese: {bad[:20]}"
    for label in (
        "Epidemic-control self-check report",
        "Page 1 of",
        "Summary of results",
        "Results item by item",
        "Corrective actions",
        "Dormitories",
        "Signatures",
        "Record hash",
        "Pass",
        "Fail",
        "N/A",
    ):
        assert label in english_text, label
    foreign = [label for label in ENGLISH_LABELS if label in chinese_text]
    assert not foreign, f"the Chinese report shows English labels: {foreign}"
    stray = [
        w
        for w in latin_words(_joined(chinese_text))
        if w not in {"DRAFT", "full", "text", "in", "the", "attached", "record"}
    ]
    assert not stray, f"the Chinese report shows Latin words: {stray[:20]}"
    assert "复工复产疫情防控自查报告" in chinese_text and "第1页" in chinese_text.replace(" ", "")

    # One record, whatever the language: the same hash printed and the same JSON attached.
    assert digest in _joined(english_text).replace(" ", "") and digest in _joined(chinese_text).replace(" ", "")
    assert _attached_record(english, tmp_path) == _attached_record(chinese, tmp_path)
    by_command = tmp_path / "by-command.pdf"  # fugong export --language en: the same English report
    done = fugong("--db", url, "export", str(inspection_id), "--pdf", str(by_command), "--language", "en")
    assert done.returncode == 0, done
    assert "Epidemic-control self-check report" in _text(by_command)
    assert _attached_record(by_command, tmp_path) == _attached_record(chinese, tmp_path)
    said = {
        "zh": f"通过   记录哈希 {digest} 与保存的哈希一致",
        "en": f"OK   record hash {digest} matches the stored hash",
    }
    for language, line in said.items():
        monkeypatch.setenv("FUGONG_LANG", language)
        done = fugong("--db", url, "verify-record", str(inspection_id))
        assert line in done.stdout.splitlines(), done.stdout
        if not signed:  # completed: everything verifies (the signed one here was locked without signatures)
            assert done.returncode == 0, done.stdout
