"""The health ledger from the command line (no Qt imported here).

    fugong roster template FILE.xlsx
    fugong roster import FILE.xlsx|.csv --user NAME [--check] [--accept-bad]
    fugong readings import FILE.csv|.xlsx --user NAME [--source NAME] [--map FIELD=HEADER …] [--check] [--accept-bad]
    fugong daily-summary DATE [--pdf F] [--xlsx F] [--json F] [--company NAME] [--sign --user NAME] [--verify]
    fugong ledger retention --user NAME

Every command that changes the ledger (imports, signing, retention) is authenticated: ``--user`` names the
account and its password is read from standard input. ``--check`` lists what an import would do and stores
nothing; a file with bad rows or duplicates is refused whole unless ``--accept-bad`` says to import only the
good rows. Bad rows and duplicates are printed to standard output (never to the log); the one-line refusal goes
to standard error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checklist.messages import ENGLISH
from desktop.cli.errors import CommandError
from desktop.cli.language import Words, cli_language

# What these commands print and their parsers say: code → (English, Chinese).
WORDS = Words(
    {
        "who": (
            "this command changes the ledger: give --user NAME (its password on standard input)",
            "此命令会修改台账：请给出 --user 姓名（其密码从标准输入读取）",
        ),
        "password_of": ("{name}'s password: ", "{name} 的密码："),
        "bad_row": ("bad {row}", "有误 {row}"),
        "duplicate_row": ("duplicate {row}", "重复 {row}"),
        "wrote": ("wrote {file}", "已写出 {file}"),
        "roster_checked": (
            "{good} good row(s), {bad} bad, {duplicates} duplicate(s); nothing stored",
            "{good} 行无误，{bad} 行有误，{duplicates} 行重复；没有保存任何内容",
        ),
        "roster_imported": ("imported {count} people", "已导入 {count} 人"),
        "map": (
            "--map takes FIELD=HEADER with FIELD name, temperature, time or symptoms, not {pair}",
            "--map 的格式为 字段=表头，字段为 “name”（姓名）、“temperature”（体温）、“time”（时间）或 “symptoms”（症状），"
            "而不是 {pair}",
        ),
        "readings_checked": (
            "{good} reading(s), {bad} bad row(s); columns {columns}; nothing stored",
            "{good} 条读数，{bad} 行有误；列对应 {columns}；没有保存任何内容",
        ),
        "readings_imported": (
            "{entered} readings, {flagged} flagged, {late} late",
            "已导入 {entered} 条，其中发热或有症状 {flagged} 条、补录 {late} 条",
        ),
        "bad_date": ("a date is YYYY-MM-DD, not {text}", "日期格式为 YYYY-MM-DD，而不是 {text}"),
        "passed": ("OK   ", "通过   "),
        "failed": ("FAIL ", "不通过 "),
        "sign_who": (
            "--sign needs --user NAME (the person in charge; password on standard input)",
            "--sign 需要 --user 姓名（负责人；密码从标准输入读取）",
        ),
        "day_signed": (
            "signed {date} by {by}; summary SHA-256 {hash}",
            "{date} 已由 {by} 签署；汇总 SHA-256 {hash}",
        ),
        "retention": (
            "retention run {run} ({reason}): {readings} readings and {observations} observations before {cutoff} "
            "removed, {anonymised} people anonymised",
            "保存期限清理 #{run}（{reason}）：已删除 {cutoff} 之前的 {readings} 条体温读数和 {observations} 条观察记录，"
            "{anonymised} 人已匿名化",
        ),
        "reason.epidemic_over": ("the epidemic was declared over", "疫情已宣布结束"),
        "reason.days": ("past the retention period", "已超过保存天数"),
        # help
        "db_help": ("database URL", "数据库地址"),
        "url": ("URL", "地址"),
        "action": ("ACTION", "操作"),
        "file": ("FILE", "文件"),
        "name": ("NAME", "姓名"),
        "roster": ("the health ledger's roster", "健康台账的花名册"),
        "roster.template": ("write the roster import template (.xlsx)", "写出花名册导入模板（.xlsx）"),
        "roster.template.file": ("the template to write (.xlsx)", "要写出的模板（.xlsx）"),
        "roster.import": (
            "import a roster (.xlsx or .csv; password on stdin)",
            "导入花名册（.xlsx 或 .csv；密码从标准输入读取）",
        ),
        "roster.file": ("the roster (.xlsx or .csv)", "花名册（.xlsx 或 .csv）"),
        "importer": ("the account that imports (its password on standard input)", "导入的账户（其密码从标准输入读取）"),
        "roster.check": ("list bad rows and duplicates, store nothing", "列出有误和重复的行，不保存任何内容"),
        "accept_bad": ("import the good rows, leave out the bad", "导入无误的行，略过有误的行"),
        "readings": ("temperature readings", "体温读数"),
        "readings.import": ("import a gate camera's export (.csv or .xlsx)", "导入测温门导出的文件（.csv 或 .xlsx）"),
        "readings.file": ("the camera's export (.csv or .xlsx)", "测温门导出的文件（.csv 或 .xlsx）"),
        "readings.source": (
            "the device, e.g. “东门测温门” (its column mapping is remembered)",
            "设备名称，例如：东门测温门（会记住它的列对应关系）",
        ),
        "readings.map": ("which header holds a field", "哪个表头对应哪个字段"),
        "field_header": ("FIELD=HEADER", "字段=表头"),
        "readings.check": ("list bad rows, store nothing", "列出有误的行，不保存任何内容"),
        "daily-summary": ("the daily summary of a day", "某一天的每天汇总"),
        "summary.date": ("the day (YYYY-MM-DD)", "日期（YYYY-MM-DD）"),
        "summary.pdf": ("write the summary as PDF to FILE", "把汇总以 PDF 格式写到此文件"),
        "summary.xlsx": ("write the summary as Excel to FILE", "把汇总以 Excel 格式写到此文件"),
        "summary.json": ("write the summary as JSON to FILE", "把汇总以 JSON 格式写到此文件"),
        "summary.company": ("the company name printed on the summary", "汇总上打印的企业名称"),
        "summary.sign": (
            "sign the day off (with --user; password on stdin)",
            "签署当天的汇总（与 --user 一起使用；密码从标准输入读取）",
        ),
        "summary.user": ("the person in charge who signs", "签署的负责人"),
        "summary.verify": ("check a signed day", "核验已签署的一天"),
        "summary.trust": ("the authority's trust file for --verify", "--verify 使用的签名机构信任文件"),
        "ledger": ("the health ledger's settings and retention", "健康台账的设置和保存期限"),
        "ledger.retention": (
            "remove personal health data past its retention (a manager)",
            "删除超过保存期限的个人健康数据（单位主要负责人）",
        ),
        "ledger.user": (
            "the manager who does it (password on standard input)",
            "执行操作的单位主要负责人（密码从标准输入读取）",
        ),
    }
)


def _authenticated(args: argparse.Namespace) -> tuple[Any, str]:
    from desktop.cli.commands import _open, _read_secret
    from storage import auth

    if not getattr(args, "user", None):
        raise CommandError(WORDS.both("who"))
    db = _open(args)
    user = auth.authenticate(db, args.user, _read_secret(WORDS("password_of", name=args.user)))
    return db, user.name


def _print_problems(bad: list[Any], duplicates: list[Any]) -> None:
    english = cli_language() == ENGLISH
    for row in bad:
        print(WORDS("bad_row", row=row.describe_en() if english else row.describe_zh()))
    for row in duplicates:
        print(WORDS("duplicate_row", row=row.describe_en() if english else row.describe_zh()))


def _roster_template(args: argparse.Namespace) -> int:
    from export.ledger_reports import write_roster_template

    write_roster_template(Path(args.file))
    print(WORDS("wrote", file=args.file))
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    from storage import ledger_import

    path = Path(args.file)
    if args.check:
        from desktop.cli.commands import _open

        check = ledger_import.check_roster_file(_open(args), path)
        _print_problems(check.bad, check.duplicates)
        print(WORDS("roster_checked", good=len(check.good), bad=len(check.bad), duplicates=len(check.duplicates)))
        return 0 if check.clean else 1
    db, actor = _authenticated(args)
    check = ledger_import.check_roster_file(db, path)
    _print_problems(check.bad, check.duplicates)
    done = ledger_import.commit_roster_file(db, actor, path, accept_bad=args.accept_bad)
    print(WORDS("roster_imported", count=len(done.good)))
    return 0


def _mapping(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in ("name", "temperature", "time", "symptoms") or not header.strip():
            raise CommandError(WORDS.both("map", pair=f"“{pair}”"))
        mapping[field.strip()] = header.strip()
    return mapping


def _readings_import(args: argparse.Namespace) -> int:
    from storage import ledger_import

    path, mapping = Path(args.file), _mapping(args.map)
    if args.check:
        from desktop.cli.commands import _open

        check = ledger_import.check_readings_file(_open(args), path, source=args.source, mapping=mapping)
        _print_problems(check.bad, [])
        columns = ", ".join(f"{field}=“{header}”" for field, header in check.mapping.items())
        print(WORDS("readings_checked", good=len(check.good), bad=len(check.bad), columns=columns))
        return 0 if check.clean else 1
    db, actor = _authenticated(args)
    check = ledger_import.check_readings_file(db, path, source=args.source, mapping=mapping)
    _print_problems(check.bad, [])
    _, results = ledger_import.commit_readings_file(
        db, actor, path, source=args.source, mapping=mapping, accept_bad=args.accept_bad
    )
    entered = sum(len(r.entered) for r in results)
    flagged = sum(len(r.flagged) for r in results)
    late = sum(len(r.entered) for r in results if r.late)
    print(WORDS("readings_imported", entered=entered, flagged=flagged, late=late))
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(WORDS("bad_date", text=f"“{text[:30]}”")) from None


def _daily_summary(args: argparse.Namespace) -> int:
    from desktop.cli.commands import _open
    from export import ledger_reports

    if args.verify:
        checks = ledger_reports.verify_day(_open(args), args.date, Path(args.trust) if args.trust else None)
        for check in checks:
            what = check.what_en if cli_language() == ENGLISH else check.what_zh
            print(WORDS("passed" if check.ok else "failed") + what)
        return 0 if all(c.ok for c in checks) else 2
    if args.sign:
        if not args.user:
            raise CommandError(WORDS.both("sign_who"))
        from desktop.cli.commands import _read_secret

        db = _open(args)
        done = ledger_reports.sign_day(
            db, args.date, args.user, _read_secret(WORDS("password_of", name=args.user)), args.company
        )
        print(WORDS("day_signed", date=args.date.isoformat(), by=done.signer, hash=done.record_hash))
    else:
        db = _open(args)
    record = ledger_reports.write_summary(
        db,
        args.date,
        pdf=Path(args.pdf) if args.pdf else None,
        xlsx=Path(args.xlsx) if args.xlsx else None,
        json_path=Path(args.json) if args.json else None,
        company=args.company,
    )
    if not (args.pdf or args.xlsx or args.json):
        json.dump(record, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(str(record["headline_en" if cli_language() == ENGLISH else "headline_zh"]))
    return 0


def _retention(args: argparse.Namespace) -> int:
    from storage.ledger_retention import run_retention

    db, actor = _authenticated(args)
    report = run_retention(db, actor)
    print(
        WORDS(
            "retention",
            run=report.run_id,
            reason=WORDS(f"reason.{report.reason}") if f"reason.{report.reason}" in WORDS.table else report.reason,
            readings=report.readings,
            observations=report.observations,
            cutoff=report.cutoff.isoformat(),
            anonymised=report.anonymised,
        )
    )
    return 0


def register(
    commands: Any, guard: Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]
) -> None:
    """Add ``roster``, ``readings``, ``daily-summary`` and ``ledger`` to the ``fugong`` parser."""

    from desktop.cli.parsers import Subcommands

    build = Subcommands(WORDS, guard)
    file_argument = build.file_argument

    def sub(
        parent: Any, name: str, handler: Callable[[argparse.Namespace], int], help_code: str, db: bool = True
    ) -> Any:
        return build.command(parent, name, handler, help_code, needs_db=db)

    def group(name: str, help_code: str, dest: str) -> Any:
        return build.group(commands, name, help_code, dest)

    roster_commands = group("roster", "roster", "roster_command")
    file_argument(
        sub(roster_commands, "template", _roster_template, "roster.template", db=False), "roster.template.file"
    )
    roster_import = sub(roster_commands, "import", _roster_import, "roster.import")
    file_argument(roster_import, "roster.file")
    roster_import.add_argument("--user", metavar=WORDS("name"), help=WORDS("importer"))
    roster_import.add_argument("--check", action="store_true", help=WORDS("roster.check"))
    roster_import.add_argument("--accept-bad", action="store_true", help=WORDS("accept_bad"))

    readings_commands = group("readings", "readings", "readings_command")
    readings_import = sub(readings_commands, "import", _readings_import, "readings.import")
    file_argument(readings_import, "readings.file")
    readings_import.add_argument("--user", metavar=WORDS("name"), help=WORDS("importer"))
    readings_import.add_argument("--source", default="", metavar=WORDS("name"), help=WORDS("readings.source"))
    readings_import.add_argument("--map", action="append", metavar=WORDS("field_header"), help=WORDS("readings.map"))
    readings_import.add_argument("--check", action="store_true", help=WORDS("readings.check"))
    readings_import.add_argument("--accept-bad", action="store_true", help=WORDS("accept_bad"))

    summary = sub(commands, "daily-summary", _daily_summary, "daily-summary")
    summary.add_argument("date", type=_day, metavar="YYYY-MM-DD", help=WORDS("summary.date"))
    summary.add_argument("--pdf", metavar=WORDS("file"), help=WORDS("summary.pdf"))
    summary.add_argument("--xlsx", metavar=WORDS("file"), help=WORDS("summary.xlsx"))
    summary.add_argument("--json", metavar=WORDS("file"), help=WORDS("summary.json"))
    summary.add_argument("--company", default="", metavar=WORDS("name"), help=WORDS("summary.company"))
    summary.add_argument("--sign", action="store_true", help=WORDS("summary.sign"))
    summary.add_argument("--user", metavar=WORDS("name"), help=WORDS("summary.user"))
    summary.add_argument("--verify", action="store_true", help=WORDS("summary.verify"))
    summary.add_argument("--trust", metavar="TRUST.pem", help=WORDS("summary.trust"))

    ledger_commands = group("ledger", "ledger", "ledger_command")
    sub(ledger_commands, "retention", _retention, "ledger.retention").add_argument(
        "--user", required=True, metavar=WORDS("name"), help=WORDS("ledger.user")
    )
