"""The ``fugong`` command speaks the user's language: Chinese when the locale or the window's language
setting is Chinese, English otherwise; its refusals and the core's come from the one catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli.language import detect_language
from storage.db import open_database
from tests.cli import fugong


@pytest.fixture
def plain_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No language variable set, and an empty settings folder (returned)."""
    for name in ("FUGONG_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def _gui_setting(config: Path, language: str) -> None:
    """What QSettings writes when 视图 → 语言 is chosen in the window (Linux: an INI file)."""
    (config / "fugong").mkdir(parents=True, exist_ok=True)
    (config / "fugong" / "fugong.conf").write_text(f"[ui]\nlanguage={language}\n", encoding="utf-8")


def test_the_language_comes_from_the_locale_the_setting_or_fugong_lang(plain_environment: Path) -> None:
    config = str(plain_environment)
    assert detect_language({"LANG": "zh_CN.UTF-8", "XDG_CONFIG_HOME": config}) == "zh"
    assert detect_language({"LANG": "en_US.UTF-8", "XDG_CONFIG_HOME": config}) == "en"
    assert detect_language({"LANG": "C", "XDG_CONFIG_HOME": config}) == "en"
    assert detect_language({"XDG_CONFIG_HOME": config}) == "en"  # nothing said: English
    # LC_ALL wins over LANG, as in every POSIX program.
    assert detect_language({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8", "XDG_CONFIG_HOME": config}) == "zh"
    _gui_setting(plain_environment, "en")  # chosen in the window: it wins over the locale
    assert detect_language({"LANG": "zh_CN.UTF-8", "XDG_CONFIG_HOME": config}) == "en"
    _gui_setting(plain_environment, "zh_CN")
    assert detect_language({"LANG": "C", "XDG_CONFIG_HOME": config}) == "zh"
    # FUGONG_LANG wins over both.
    assert detect_language({"FUGONG_LANG": "en", "LANG": "zh_CN.UTF-8", "XDG_CONFIG_HOME": config}) == "en"
    (plain_environment / "fugong" / "fugong.conf").write_bytes(b"\xff\xfe not a settings file [")
    assert detect_language({"LANG": "zh_CN.UTF-8", "XDG_CONFIG_HOME": config}) == "zh"  # unreadable: ignored


def test_a_refusal_of_the_command_in_chinese_and_in_english(
    plain_environment: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = fugong("catalogs", "show", "XX")
    assert result.returncode == 1
    assert result.stderr.startswith("fugong: 没有检查表“XX”；可选：GN")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = fugong("catalogs", "show", "XX")
    assert result.returncode == 1 and result.stderr.startswith("fugong: no catalog 'XX'; known: GN")


def test_a_refusal_of_the_core_and_a_success_in_both_languages(
    plain_environment: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'fugong.sqlite3'}"
    open_database(url).close()
    out = tmp_path / "out.json"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = fugong("--db", url, "export", "99", "--json", str(out))
    assert result.returncode == 1 and result.stderr == "fugong: 没有检查记录 #99\n"
    monkeypatch.setenv("LANG", "C.UTF-8")
    result = fugong("--db", url, "export", "99", "--json", str(out))
    assert result.returncode == 1 and result.stderr == "fugong: no inspection 99\n"
    _gui_setting(plain_environment, "zh_CN")  # the window's setting, the locale still English
    result = fugong("--db", url, "export", "99")
    assert result.returncode == 1 and result.stderr.startswith("fugong: 请说明要写出什么：--json 文件")
