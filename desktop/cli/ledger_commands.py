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

from desktop.cli.errors import CommandError


def _authenticated(args: argparse.Namespace) -> tuple[Any, str]:
    from desktop.cli.commands import _open, _read_secret
    from storage import auth

    if not getattr(args, "user", None):
        raise CommandError("this command changes the ledger: give --user NAME (its password on standard input)")
    db = _open(args)
    user = auth.authenticate(db, args.user, _read_secret(f"{args.user}'s password: "))
    return db, user.name


def _print_problems(bad: list[Any], duplicates: list[Any]) -> None:
    for row in bad:
        print(f"有误 {row.describe_zh()}  ({row.describe_en()})")
    for row in duplicates:
        print(f"重复 {row.describe_zh()}  ({row.describe_en()})")


def _roster_template(args: argparse.Namespace) -> int:
    from export.ledger_reports import write_roster_template

    write_roster_template(Path(args.file))
    print(f"wrote {args.file}")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    from storage import ledger_import

    path = Path(args.file)
    if args.check:
        from desktop.cli.commands import _open

        check = ledger_import.check_roster_file(_open(args), path)
        _print_problems(check.bad, check.duplicates)
        print(
            f"{len(check.good)} good row(s), {len(check.bad)} bad, {len(check.duplicates)} duplicate(s); nothing stored"
        )
        return 0 if check.clean else 1
    db, actor = _authenticated(args)
    check = ledger_import.check_roster_file(db, path)
    _print_problems(check.bad, check.duplicates)
    done = ledger_import.commit_roster_file(db, actor, path, accept_bad=args.accept_bad)
    print(f"已导入 {len(done.good)} 人 / imported {len(done.good)} people")
    return 0


def _mapping(pairs: list[str] | None) -> dict[str, str] | None:
    if not pairs:
        return None
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in ("name", "temperature", "time", "symptoms") or not header.strip():
            raise CommandError(f"--map takes FIELD=HEADER with FIELD name, temperature, time or symptoms, not {pair!r}")
        mapping[field.strip()] = header.strip()
    return mapping


def _readings_import(args: argparse.Namespace) -> int:
    from storage import ledger_import

    path, mapping = Path(args.file), _mapping(args.map)
    if args.check:
        from desktop.cli.commands import _open

        check = ledger_import.check_readings_file(_open(args), path, source=args.source, mapping=mapping)
        _print_problems(check.bad, [])
        print(f"{len(check.good)} reading(s), {len(check.bad)} bad row(s); columns {check.mapping}; nothing stored")
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
    print(
        f"已导入 {entered} 条，其中发热或有症状 {flagged} 条、补录 {late} 条 / {entered} readings, {flagged} flagged, {late} late"
    )
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"a date is YYYY-MM-DD, not {text[:30]!r}") from None


def _daily_summary(args: argparse.Namespace) -> int:
    from desktop.cli.commands import _open
    from export import ledger_reports

    if args.verify:
        checks = ledger_reports.verify_day(_open(args), args.date, Path(args.trust) if args.trust else None)
        for check in checks:
            print(f"{'OK  ' if check.ok else 'FAIL'} {check.what_zh} / {check.what_en}")
        return 0 if all(c.ok for c in checks) else 2
    if args.sign:
        if not args.user:
            raise CommandError("--sign needs --user NAME (the person in charge; password on standard input)")
        from desktop.cli.commands import _read_secret

        db = _open(args)
        done = ledger_reports.sign_day(
            db, args.date, args.user, _read_secret(f"{args.user}'s password: "), args.company
        )
        print(f"signed {args.date.isoformat()} by {done.signer}; summary SHA-256 {done.record_hash}")
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
        print(str(record["headline_zh"]))
    return 0


def _retention(args: argparse.Namespace) -> int:
    from storage.ledger_retention import run_retention

    db, actor = _authenticated(args)
    report = run_retention(db, actor)
    print(
        f"retention run {report.run_id} ({report.reason}): {report.readings} readings and {report.observations} "
        f"observations before {report.cutoff.isoformat()} removed, {report.anonymised} people anonymised"
    )
    return 0


def register(
    commands: Any, guard: Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]
) -> None:
    """Add ``roster``, ``readings``, ``daily-summary`` and ``ledger`` to the ``fugong`` parser."""

    def sub(
        parent: Any, name: str, handler: Callable[[argparse.Namespace], int], help_text: str, db: bool = True
    ) -> Any:
        parser = parent.add_parser(name, help=help_text)
        parser.set_defaults(handler=guard(handler), needs_db=db)
        if db:
            parser.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
        return parser

    roster = commands.add_parser("roster", help="the health ledger's roster (花名册)")
    roster_commands = roster.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    sub(
        roster_commands, "template", _roster_template, "write the roster import template (.xlsx)", db=False
    ).add_argument("file")
    roster_import = sub(roster_commands, "import", _roster_import, "import a roster (.xlsx or .csv; password on stdin)")
    roster_import.add_argument("file")
    roster_import.add_argument("--user", help="the account that imports (its password on standard input)")
    roster_import.add_argument("--check", action="store_true", help="list bad rows and duplicates, store nothing")
    roster_import.add_argument("--accept-bad", action="store_true", help="import the good rows, leave out the bad")

    readings = commands.add_parser("readings", help="temperature readings (体温)")
    readings_commands = readings.add_subparsers(dest="readings_command", metavar="ACTION", required=True)
    readings_import = sub(
        readings_commands, "import", _readings_import, "import a gate camera's export (.csv or .xlsx)"
    )
    readings_import.add_argument("file")
    readings_import.add_argument("--user", help="the account that imports (its password on standard input)")
    readings_import.add_argument(
        "--source", default="", help="the device, e.g. 东门测温门 (its column mapping is remembered)"
    )
    readings_import.add_argument("--map", action="append", metavar="FIELD=HEADER", help="which header holds a field")
    readings_import.add_argument("--check", action="store_true", help="list bad rows, store nothing")
    readings_import.add_argument("--accept-bad", action="store_true", help="import the good rows, leave out the bad")

    summary = sub(commands, "daily-summary", _daily_summary, "the daily summary (每天汇总) of a day")
    summary.add_argument("date", type=_day)
    summary.add_argument("--pdf", metavar="FILE")
    summary.add_argument("--xlsx", metavar="FILE")
    summary.add_argument("--json", metavar="FILE")
    summary.add_argument("--company", default="", help="the company name printed on the summary")
    summary.add_argument("--sign", action="store_true", help="sign the day off (with --user; password on stdin)")
    summary.add_argument("--user", help="the person in charge who signs")
    summary.add_argument("--verify", action="store_true", help="check a signed day")
    summary.add_argument("--trust", metavar="TRUST.pem", help="the authority's trust file for --verify")

    ledger = commands.add_parser("ledger", help="the health ledger's settings and retention")
    ledger_commands = ledger.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    sub(
        ledger_commands, "retention", _retention, "remove personal health data past its retention (a manager)"
    ).add_argument("--user", required=True)
