"""A listing with nothing in it says so in one line, in the user's language, and how to make the first —
``fugong list`` on a new database printed nothing at all, which reads like a fault. The listings that can be
empty: ``list`` (with and without ``--status``), ``users list``, ``actions ID`` and ``audit log``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from storage import inspections
from storage.db import open_database
from tests.cli import CommandResult, fugong
from tests.storage import helpers
from tests.test_cli_words import assert_in_language

EXPECTED = {
    "list": ("还没有检查记录：在程序中点“新建检查”开始", "no inspections yet: start one in the application"),
    "list --status signed": ("没有状态为“已签署”的检查记录", "no signed inspections"),
    "users list": ("还没有账户：用 fugong users add", "no accounts yet: create the manager's first"),
    "actions": ("没有整改措施", "has no corrective actions"),
    "audit log": ("审计记录中还没有条目", "the audit trail has no entries yet"),
    "audit log --inspection": ("审计记录中没有检查记录 #", "the audit trail has no entries for inspection"),
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_empty_listing_says_so_in_one_line(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FUGONG_LANG", language)
    url = f"sqlite:///{tmp_path / 'empty.sqlite3'}"
    open_database(url).close()
    runs: dict[str, tuple[str, ...]] = {
        "list": ("list",),
        "users list": ("users", "list"),
        "audit log": ("audit", "log"),
        "audit log --inspection": ("audit", "log", "--inspection", "7"),
    }
    said: dict[str, str] = {}
    for what, argv in runs.items():
        result = fugong("--db", url, *argv)
        assert result.returncode == 0 and result.stderr == "", (argv, result)
        said[what] = result.stdout
    db = open_database(url)
    company, site = helpers.company(db)
    draft = inspections.create_inspection(db, "officer", company, dt.date.today(), "张三", ["GN"], site)
    db.close()
    for what, argv in {
        "actions": ("actions", str(draft)),
        "list --status signed": ("list", "--status", "signed"),
    }.items():
        result = fugong("--db", url, *argv)
        assert result.returncode == 0 and result.stderr == "", (argv, result)
        said[what] = result.stdout
    for what, text in said.items():
        assert text.count("\n") == 1, (what, text)  # one line
        zh, en = EXPECTED[what]
        assert (zh if language == "zh" else en) in text, (what, text)
        assert_in_language(CommandResult(0, text, ""), language, what)
    # with a record, the list shows it and no "none yet" line
    listing = fugong("--db", url, "list").stdout
    assert listing.count("\n") == 1 and EXPECTED["list"][0 if language == "zh" else 1] not in listing
