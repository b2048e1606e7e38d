"""The English translation is complete and compiled: every UI string in desktop/ is in fugong_en.ts,
translated, and fugong_en.qm is the compiled form of that file."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "fugong_en.ts"
QM = ROOT / "resources" / "translations" / "fugong_en.qm"


def _tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(found).exists():
        pytest.skip(f"{name} is not installed")
    return found


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    messages: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(name, message.findtext("source") or "")] = message
    return messages


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop").rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-no-obsolete", "-source-language", "zh_CN", "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    shipped = _messages(TS)
    missing = [key for key in _messages(fresh) if key not in shipped]
    assert missing == [], f"run pyside6-lupdate and translate: {missing}"
    unfinished = [
        key for key, m in shipped.items() if m.find("translation").get("type") or not m.findtext("translation")
    ]
    assert unfinished == []


def test_compiled_translation_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "fugong_en.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run: pyside6-lrelease resources/translations/fugong_en.ts"
