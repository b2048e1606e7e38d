"""Every word ``fugong`` prints is in the user's language: each subcommand's ``--help`` (argparse's own words
too), argparse's refusals, and the typical successes and listings, run in Chinese and in English; a Latin word
in the Chinese output or Chinese in the English output fails, judged by the GUI language guard's rules
(:mod:`tests.language_words`). What the user types (command and option names, choices, the names of people
and places in the data) is allowed in both."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from desktop.cli.language import use_language
from storage import auth, inspections
from storage.db import open_database
from tests.cli import CommandResult, fugong
from tests.keys import create_account
from tests.language_words import chinese_words, latin_words
from tests.storage import helpers

# Names in the test data (people, the company, its site, a typed reason): allowed in either language.
DATA = {
    "王经理",
    "张三",
    "审计员",
    "李四",
    "增加下午测温",
    "A101 调整为 4 人",
    "下午未测温",
    "北京示例制造有限公司",
    "一号厂房",
    "复核发现漏项",
    "北京市大兴区示例路1号",
    "大兴区",
}
PASSWORD = {"王经理": "manager-secret", "张三": "officer-secret"}
ENV_VARIABLE = re.compile(r"\$[A-Z_]+")
FINGERPRINT = re.compile(r"\b[0-9a-f]{4}(?: [0-9a-f]{4})+")  # "c1ac eebc b37d …": a group may have no digit


def _typed_words(parser: argparse.ArgumentParser) -> set[str]:
    """What a user types, anywhere in the parser: subcommands, option strings, choices."""
    words: set[str] = {"fugong"}
    for action in parser._actions:
        for option in action.option_strings:
            words.update(w.lower() for w in re.findall(r"[A-Za-z0-9]+", option))
        for choice in action.choices or ():
            words.update(w.lower() for w in re.findall(r"[A-Za-z0-9]+", str(choice)))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                words |= _typed_words(sub)
    return words


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every subcommand's words, e.g. ("users", "add")."""
    found = [prefix]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*prefix, name))
    return found


def _parser(language: str) -> argparse.ArgumentParser:
    from desktop.cli.language import argparse_words
    from desktop.cli.main import build_parser

    use_language(language)
    with argparse_words():
        return build_parser()


TYPED = _typed_words(_parser("en"))


def _without_json(text: str) -> str:
    """``text`` less the JSON objects and lists in it: the audit trail's stored values, data in no language."""
    kept, depth = [], 0
    for character in text:
        if character in "{[":
            depth += 1
        elif character in "}]" and depth:
            depth -= 1
        elif not depth:
            kept.append(character)
    return "".join(kept)


def wrong_words(text: str, language: str) -> list[str]:
    """The words of ``text`` that are not in ``language`` (stored JSON values left out)."""
    text = FINGERPRINT.sub(" ", ENV_VARIABLE.sub(" ", _without_json(text)))
    if language == "zh":
        return [word for word in latin_words(text) if word.lower() not in TYPED and word not in DATA]
    return chinese_words(text, DATA)


def assert_in_language(result: CommandResult, language: str, what: str) -> None:
    for stream in (result.stdout, result.stderr):
        bad = wrong_words(stream, language)
        assert not bad, f"{what} in {language} says {bad}: {stream[:600]!r}"


@pytest.fixture(params=["zh", "en"])
def language(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FUGONG_LANG", request.param)
    return str(request.param)


def test_every_help_in_the_user_s_language(language: str) -> None:
    commands = _commands(_parser(language))
    assert len(commands) > 30  # every subcommand, nested ones too
    for command in commands:
        result = fugong(*command, "--help")
        assert result.returncode == 0, (command, result)
        assert_in_language(result, language, "fugong " + " ".join(command) + " --help")
    chinese = fugong("--help").stdout
    if language == "zh":
        assert chinese.startswith("用法：fugong") and "显示此帮助并退出" in chinese and "选项" in chinese
        assert "官方检查表" in chinese and "show this help" not in chinese
    else:
        assert chinese.startswith("usage: fugong") and "show this help message and exit" in chinese


def test_argparse_s_refusals_in_the_user_s_language(language: str) -> None:
    cases = {
        ("users", "add"): ("缺少必需的参数", "the following arguments are required"),
        ("list", "--status", "bogus"): ("无效的选择", "invalid choice"),
        ("list", "--limit", "x"): ("数量上限应为", "a limit must be a whole number"),
        ("list", "--bogus"): ("无法识别的参数", "unrecognized arguments"),
        ("bogus",): ("无效的选择", "invalid choice"),
        ("daily-summary", "2020-13-01"): ("日期格式为", "a date is YYYY-MM-DD"),
    }
    for argv, (zh, en) in cases.items():
        result = fugong(*argv)
        assert result.returncode == 1 and result.stdout == "", (argv, result)
        assert (zh if language == "zh" else en) in result.stderr, (argv, result.stderr)
        assert result.stderr.count("\n") == 1  # one line
        assert_in_language(result, language, " ".join(argv))


def test_typical_successes_and_listings_in_the_user_s_language(language: str, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'words.sqlite3'}"
    db = open_database(url)
    inspection_id, _ = helpers.answered(db)
    day = inspections.load_inspection(db, inspection_id).date
    draft_id = inspections.create_inspection(db, "officer", 1, day, "张三", ["GN"], 1)
    create_account(db, "setup", "王经理", "manager", PASSWORD["王经理"])
    create_account(db, "王经理", "张三", "officer", PASSWORD["张三"], PASSWORD["王经理"])
    auth.create_user(db, "王经理", "审计员", "auditor", "auditor-secret")
    db.close()
    password = {"stdin": PASSWORD["张三"] + "\n"}
    runs: list[tuple[tuple[str, ...], dict[str, str], str]] = [
        (("catalogs", "list"), {}, "GN"),
        (("catalogs", "show", "GN"), {}, "GN-"),
        (("--db", url, "users", "list"), {}, "王经理"),
        (("--db", url, "list"), {}, "北京示例制造有限公司"),
        (("--db", url, "actions", str(inspection_id)), {}, ""),
        (("--db", url, "complete", str(inspection_id), "--user", "张三"), password, "张三"),
        (("--db", url, "reopen", str(inspection_id), "--reason", "复核发现漏项", "--user", "张三"), password, "复核"),
        (("--db", url, "complete", str(inspection_id), "--user", "张三"), password, "张三"),
        (("--db", url, "sign", str(inspection_id), "--user", "张三", "--meaning", "inspector"), password, "张三"),
        (("--db", url, "verify-record", str(inspection_id)), {}, ""),
        (("--db", url, "export", str(inspection_id), "--json", str(tmp_path / "r.json")), {}, "r.json"),
        (("--db", url, "export", str(draft_id), "--pdf", str(tmp_path / "d.pdf")), {}, "d.pdf"),
        (("--db", url, "export-batch", str(tmp_path / "all.xlsx")), {}, "all.xlsx"),
        (("--db", url, "audit", "verify"), {}, ""),
        (("--db", url, "audit", "log", "--inspection", str(inspection_id)), {}, "张三"),
        (("--db", url, "trust", "show"), {}, ""),
        (("--db", url, "trust", "export", str(tmp_path / "trust.pem")), {}, "trust.pem"),
        (("--db", url, "backup", str(tmp_path / "copy.sqlite3")), {}, "copy.sqlite3"),
        (("--db", url, "users", "passwd", "审计员"), {"stdin": "auditor-secret\nauditor-secret-2\n"}, "审计员"),
        (("roster", "template", str(tmp_path / "roster.xlsx")), {}, "roster.xlsx"),
        (("--db", url, "verify", str(tmp_path / "d.pdf")), {}, ""),
    ]
    for argv, stdin, expected in runs:
        result = fugong(*argv, **stdin)
        assert result.returncode in (0, 2), (argv, result)  # 2: a check that found something (a draft's file)
        assert result.stdout.strip(), (argv, result)
        assert expected in result.stdout, (argv, result.stdout)
        assert_in_language(result, language, " ".join(argv[2:] if argv[0] == "--db" else argv))
    listing = fugong("--db", url, "list").stdout
    users = fugong("--db", url, "users", "list").stdout
    if language == "zh":
        assert "已签署" in listing and "草稿" in listing and "通过" in listing
        assert "安全员" in users and "单位主要负责人" in users and "有密钥" in users
    else:
        assert "signed" in listing and "draft" in listing and "passed" in listing
        assert "officer" in users and "manager" in users and "key" in users


def test_every_word_table_has_both_languages_with_the_same_placeholders() -> None:
    from checklist.messages import placeholders
    from desktop.cli import commands, ledger_commands, main
    from desktop.cli.language import ARGPARSE_ZH

    tables = [commands.WORDS.table, ledger_commands.WORDS.table, main.WORDS.table]
    for table in tables:
        for code, (english, chinese) in table.items():
            assert placeholders(english) == placeholders(chinese), code
            assert not wrong_words(english, "en"), (code, english)
            assert not wrong_words(chinese, "zh") or chinese == english, (code, chinese)
    for english, chinese in ARGPARSE_ZH.items():
        # the same values filled in (argparse's type name, an English word, is left out of the Chinese)
        assert set(re.findall(r"%\((\w+)\)", chinese)) <= set(re.findall(r"%\((\w+)\)", english)), english
        assert english.count("%s") + english.count("%r") >= chinese.count("%s"), english
