"""Headless subcommands that work on a database (no Qt is imported here)."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from checklist.messages import msg
from checklist.workflow import ActionStatus, InspectionStatus, Meaning, Role
from desktop.cli.errors import CommandError, known
from desktop.cli.language import say
from storage.logfile import logger

USER_HELP = "the account that makes the change (its password is read from standard input)"
MAX_ID = 2**63 - 1  # the largest id a database column holds (BIGINT)
MAX_LIMIT = 100_000


def _bounded(name: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, refused in one line otherwise."""

    def parse(text: str) -> int:
        cleaned = text.strip()
        if not (cleaned.lstrip("+-").isascii() and cleaned.lstrip("+-").isdigit()) or len(cleaned) > 25:
            raise argparse.ArgumentTypeError(f"{name} must be a whole number from {low} to {high}, not {text[:30]!r}")
        value = int(cleaned)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{name} must be from {low} to {high}, not {cleaned[:30]}")
        return value

    parse.__name__ = name  # argparse names the type in its message
    return parse


record_id = _bounded("an id", 1, MAX_ID)
limit_count = _bounded("a limit", 1, MAX_LIMIT)


_opened: list[Any] = []  # closed by close_databases() when the command ends (also when run in-process)


def _open(args: argparse.Namespace) -> Any:
    from storage.db import open_database
    from storage.errors import KnownError

    try:
        db = open_database(args.db)
    except KnownError as exc:
        raise known(exc) from None
    _opened.append(db)
    return db


def close_databases() -> None:
    """Release every database the command opened (its engine's connections and file handles)."""
    while _opened:
        _opened.pop().close()


def _login(db: Any, args: argparse.Namespace, roles: tuple[str, ...] | None = None, what: str = "") -> str:
    """The one way every changing command learns who makes the change: ``--user NAME`` and that account's
    password (standard input, or typed at a terminal without echo). No name is ever taken without its
    password, and the audit trail records the account that authenticated. ``roles``: those allowed, checked
    before anything is read or written."""
    from sqlalchemy import func, select

    from checklist.workflow import ROLE_ZH
    from storage import auth
    from storage.errors import PermissionDeniedError
    from storage.models import User

    name = getattr(args, "user", None)
    with db.session() as session:
        accounts = session.scalar(select(func.count(User.id)))
    if not accounts:
        raise CommandError(msg("cli.no_accounts"))
    if not name:
        raise CommandError(msg("cli.who"))
    password = _read_secret(f"{name}'s password: ")
    user = auth.authenticate(db, name, password)
    from export.grants import claim_quietly

    refused = claim_quietly(db, user.name, password)  # a manager promoted since: their copy of the authority key
    if refused is not None:
        print(f"note: {refused}", file=sys.stderr)
    if roles is not None and user.role not in roles:
        raise PermissionDeniedError(
            f"{user.name} is {user.role}: not allowed to {what}; nothing was changed",
            f"{user.name}（{ROLE_ZH.get(user.role, user.role)}）无权进行此操作；没有修改任何数据",
        )
    return user.name


def _guard(handler: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn storage errors the user can act on into the one-line message of :class:`CommandError`."""

    def run(args: argparse.Namespace) -> int:
        from sqlalchemy import exc as sql_errors

        from storage.db import known_error
        from storage.errors import KnownError

        try:
            return handler(args)
        except KnownError as exc:
            raise known(exc) from None
        except sql_errors.DBAPIError as exc:  # the driver's own words, e.g. a damaged or read-only file
            logger("cli").info("database error", exc_info=True)
            raise known(known_error(exc), "cli.nothing_changed") from None

    return run


def _audit_verify(args: argparse.Namespace) -> int:
    from storage.audit import verify_chain

    db = _open(args)
    with db.session() as session:
        report = verify_chain(session)
    if report.ok:
        print(f"OK: {report.reason}")
        return 0
    print(f"BROKEN at entry {report.first_broken}: {report.reason}", file=sys.stderr)
    return 2


def _audit_log(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from storage.models import AuditEntry

    db = _open(args)
    query = select(AuditEntry).order_by(AuditEntry.seq)
    if args.inspection is not None:
        query = query.where(AuditEntry.inspection_id == args.inspection)
    with db.session() as session:
        for entry in session.scalars(query):
            changes = json.dumps(entry.new if entry.action != "delete" else entry.old, ensure_ascii=False)
            print(
                f"{entry.seq:>6} {entry.at.isoformat(timespec='seconds')}Z {entry.actor:<12} {entry.action:<8} "
                f"{entry.table_name}#{entry.row_id} {changes[:160]}"
            )
    return 0


def _verify_record(args: argparse.Namespace) -> int:
    from export.record_check import verify_signed_record
    from storage.errors import KnownError

    db = _open(args)
    try:
        check = verify_signed_record(db, args.id, Path(args.trust) if args.trust else None)
    except KnownError:
        raise
    except Exception as error:  # rows changed behind the application's back: that is the finding
        logger("cli").warning("verify-record %s: the stored rows cannot be read", args.id, exc_info=True)
        print(
            f"FAIL stored record {args.id} cannot be read: a row of it was damaged or changed outside 复工自查 "
            f"({type(error).__name__})"
        )
        return 2
    for line in check.lines:
        print(line)
    return 0 if check.ok else 2


def _backup(args: argparse.Namespace) -> int:
    from storage.backup import backup, check_backup

    db = _open(args)
    target = Path(args.file)
    backup(db, target)
    print(f"backup written to {target} ({check_backup(target)})")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from sqlalchemy import func, select

    from storage.backup import restore
    from storage.models import User

    db = _open(args)
    with db.session() as session:
        accounts = session.scalar(select(func.count(User.id)))
    # A manager of the live database, with their password: restoring replaces everything in it. A live
    # database without accounts (a new computer) has no one to ask.
    by = _login(db, args, (Role.MANAGER,), "restore the database") if accounts else None
    kept = restore(db, Path(args.file), by)
    who = f" by {by}" if by else " (the previous database had no accounts)"
    print(f"restored from {args.file}{who}; the previous database is kept at {kept}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from storage.exchange import import_file

    db = _open(args)
    inspection_id = import_file(db, _login(db, args), Path(args.file))
    print(inspection_id)
    return 0


def _export(args: argparse.Namespace) -> int:
    if not (args.json or args.pdf or args.xlsx):
        raise CommandError(msg("cli.export_what"))
    db = _open(args)
    if args.json:
        from storage.exchange import export_document, write_json

        write_json(Path(args.json), export_document(db, args.id))
        print(say(msg("cli.wrote", path=str(args.json))))
    if args.pdf or args.xlsx:
        from storage.inspections import load_inspection

        pdf, xlsx = (Path(args.pdf) if args.pdf else None), (Path(args.xlsx) if args.xlsx else None)
        if load_inspection(db, args.id).status == InspectionStatus.SIGNED:
            from export.signing import write_signed_reports

            written = write_signed_reports(db, args.id, pdf, xlsx)  # the signed files, byte for byte
        else:
            from export.reports import export_reports

            written = export_reports(db, args.id, pdf=pdf, xlsx=xlsx)
        for path in written:
            print(say(msg("cli.wrote", path=str(path))))
    return 0


def _read_secret(prompt: str) -> str:
    """A password from standard input (one line), or typed at a terminal without echo."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise CommandError(msg("cli.stdin", what=prompt.strip(": ")))
    return line.rstrip("\n")


def _users_add(args: argparse.Namespace) -> int:
    from checklist.text import TextPolicyError, check_name
    from export.signing import create_account
    from storage import auth

    try:
        check_name(args.name, "account name")
    except TextPolicyError as error:
        raise CommandError(f"{error}; no account was created") from None
    from storage.unit_of_work import users_exist

    db = _open(args)
    with db.session() as session:
        if users_exist(session) and not args.user:
            raise CommandError("say which manager creates the account: --user NAME (their password after the new one)")
    password = _read_secret("new account's password: ")
    if not password.strip():
        raise CommandError(msg("cli.password_empty"))
    actor, actor_password = args.name, None
    if args.user:
        actor_password = _read_secret(f"{args.user}'s password: ")
        actor = auth.authenticate(db, args.user, actor_password).name
    try:
        pkcs12 = Path(args.pkcs12).read_bytes() if args.pkcs12 else None
    except OSError as error:
        raise CommandError(f"cannot read {args.pkcs12}: {error.strerror}; no account was created") from None
    user_id, role = create_account(db, actor, args.name, args.role, password, pkcs12, actor_password=actor_password)
    note = " (the first account is always a manager)" if role != args.role else ""
    print(f"account {user_id}: {args.name}, {role}{note}, with a signing key")
    return 0


def _users_passwd(args: argparse.Namespace) -> int:
    from export.signing import change_password

    db = _open(args)
    current = _read_secret(f"{args.name}'s current password: ")
    new = _read_secret("new password: ")
    if sys.stdin.isatty() and _read_secret("new password again: ") != new:
        raise CommandError(msg("cli.passwords_differ"))
    change_password(db, args.name, current, new)
    print(f"password of {args.name} changed; its signing key is now locked by the new password")
    return 0


def _users_list(args: argparse.Namespace) -> int:
    from storage.companies import list_users

    for user in list_users(_open(args)):
        state = "" if user.active else "  disabled"
        print(f"{user.id:>4} {user.name:<16} {user.role:<8} {'key' if user.pkcs12 else 'no key'}{state}")
    return 0


def _users_set_active(args: argparse.Namespace) -> int:
    from export.signing import set_account_active

    db = _open(args)
    active = args.users_command == "enable"
    set_account_active(db, args.user, _read_secret(f"{args.user}'s password: "), args.name, active)
    done = "enabled" if active else "disabled"
    what = "a new certificate was issued" if active else "its certificates were revoked"
    print(f"account {args.name} {done} by {args.user}; {what}")
    return 0


def _users_role(args: argparse.Namespace) -> int:
    from export.signing import change_role

    db = _open(args)
    before = change_role(db, args.user, _read_secret(f"{args.user}'s password: "), args.name, args.role)
    print(f"account {args.name}: {before} → {args.role} by {args.user}; its certificate was re-issued")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from export.signing import sign

    done = sign(_open(args), args.id, args.user, _read_secret("password: "), args.meaning)
    print(f"inspection {done.inspection_id} signed as {done.meaning} by {args.user}; record hash {done.record_hash}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from export.signing import verify_file

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(f"{path} does not exist")
    args.db = getattr(args, "db", None) or os.environ.get("FUGONG_DB_URL")
    db = _open(args) if args.db else None
    result = verify_file(path, db, Path(args.trust) if args.trust else None)
    for line in result.lines:
        print(line)
    return 0 if result.ok else 2


def _trust_export(args: argparse.Namespace) -> int:
    from export.trust import export_trust_file

    digest = export_trust_file(_open(args), Path(args.file))
    print(f"wrote {args.file}: the signing authority, SHA-256 {digest}")
    return 0


def _trust_show(args: argparse.Namespace) -> int:
    from export.authority import authority_certificate, fingerprint
    from export.trust import pinned

    db = _open(args)
    certificate = authority_certificate(db)
    pin = pinned(db)
    print(f"database authority: {fingerprint(certificate) if certificate else '(none)'}")
    print(f"pinned on this computer: {pin or '(none)'}")
    if certificate is None or pin != fingerprint(certificate):
        return 2
    return 0


def _trust_pin(args: argparse.Namespace) -> int:
    from export.trust import pin_trust_file

    digest = pin_trust_file(_open(args), Path(args.file))
    print(f"this computer now trusts the signing authority {digest} for this database")
    return 0


def _trust_init(args: argparse.Namespace) -> int:
    from export.migration import create_authority_for_existing

    db = _open(args)
    password = _read_secret(f"{args.user}'s password: ")
    digest, accounts = create_authority_for_existing(db, args.user, password)
    print(f"signing authority {digest} created and pinned; certificates issued to {accounts} account(s)")
    return 0


def _export_batch(args: argparse.Namespace) -> int:
    import datetime as dt

    from export.reports import export_batch
    from storage.listing import InspectionFilter, count_inspections

    try:
        where = InspectionFilter(
            site_id=args.site,
            status=args.status,
            date_from=dt.date.fromisoformat(args.date_from) if args.date_from else None,
            date_to=dt.date.fromisoformat(args.date_to) if args.date_to else None,
        )
    except ValueError as error:
        raise CommandError(f"dates are YYYY-MM-DD: {error}") from None
    db = _open(args)
    written = export_batch(db, Path(args.file), where)
    print(f"wrote {written} ({count_inspections(db, where)} inspections)")
    return 0


def _actions(args: argparse.Namespace) -> int:
    from storage.actions import action_follow_ups, action_status
    from storage.inspections import load_inspection

    db = _open(args)
    inspection = load_inspection(db, args.id)
    history = action_follow_ups(db, args.id)
    for action in inspection.actions:
        due = action.due.isoformat() if action.due else "-"
        print(
            f"{action.id:>5} {action.item_id:<9} {action_status(action, history):<9} {action.owner} (due {due}): "
            f"{action.action}"
        )
        for follow_up in (f for f in history if f.action_id == action.id):
            print(f"      {follow_up.on} {follow_up.status:<9} {follow_up.by}: {follow_up.note}")
    return 0


def _follow_up(args: argparse.Namespace) -> int:
    import datetime as dt

    from storage.actions import follow_up_action

    try:
        on = dt.date.fromisoformat(args.on) if args.on else dt.date.today()
    except ValueError:
        raise CommandError(f"--on takes a date YYYY-MM-DD, not {args.on[:40]!r}") from None
    if on > dt.date.today():
        raise CommandError(f"--on {on} is in the future; a follow-up is recorded when it happened — nothing was saved")
    db = _open(args)
    follow_up_action(db, _login(db, args), args.id, args.action, args.status, args.note, on)
    print(f"corrective action {args.action} of inspection {args.id}: {args.status} on {on}")
    return 0


def _complete(args: argparse.Namespace) -> int:
    from storage.inspections import complete, load_inspection

    db = _open(args)
    actor = _login(db, args)
    digest = complete(db, actor, args.id, load_inspection(db, args.id).version)
    print(f"inspection {args.id} completed by {actor}; record hash {digest}")
    return 0


def _reopen(args: argparse.Namespace) -> int:
    from storage.inspections import reopen

    db = _open(args)
    actor = _login(db, args)
    reopen(db, actor, args.id, args.reason)
    print(f"inspection {args.id} reopened by {actor} as a draft: {args.reason}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from storage.listing import InspectionFilter, list_inspections

    rows = list_inspections(_open(args), InspectionFilter(status=args.status), limit=args.limit)
    for row in rows:
        print(
            f"{row.id:>6} {row.date} {row.status:<9} {row.company} / {row.site or '-'}  "
            f"通过 {row.passed} 不合格 {row.failed} 不适用 {row.na} 未查 {row.unchecked}  整改未完 {row.open_actions}"
        )
    return 0


def register(commands: Any) -> None:
    """Add the storage subcommands to the ``fugong`` parser."""

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = commands.add_parser(name, help=help_text)
        parser.set_defaults(handler=_guard(handler), needs_db=True)
        parser.add_argument("--db", default=argparse.SUPPRESS, help="database URL")
        return parser

    audit = commands.add_parser("audit", help="the audit trail")
    audit_commands = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = audit_commands.add_parser("verify", help="check the hash chain; names the first broken entry")
    verify.set_defaults(handler=_guard(_audit_verify), needs_db=True)
    verify.add_argument("--db", default=argparse.SUPPRESS)
    log = audit_commands.add_parser("log", help="print the audit trail")
    log.add_argument("--inspection", type=record_id, default=None)
    log.add_argument("--db", default=argparse.SUPPRESS)
    log.set_defaults(handler=_guard(_audit_log), needs_db=True)

    check = add("verify-record", _verify_record, "check a completed or signed inspection: content, signatures, files")
    check.add_argument("id", type=record_id)
    check.add_argument(
        "--trust", help="the trust file (PEM) of the company signing authority (default: the pinned one)"
    )
    add("backup", _backup, "write a consistent copy of the SQLite database").add_argument("file")
    restore = add(
        "restore", _restore, "replace the SQLite database with a backup (the old one is kept; a manager's password)"
    )
    restore.add_argument("file")
    restore.add_argument("--user", help="a manager of the live database (password on standard input)")
    imp = add("import", _import, "store an inspection from a fugong.inspection/1 JSON file; prints its id")
    imp.add_argument("file")
    imp.add_argument("--user", help=USER_HELP)
    exp = add("export", _export, "write an inspection as JSON, PDF and/or Excel")
    exp.add_argument("id", type=record_id)
    exp.add_argument("--json", metavar="FILE")
    exp.add_argument("--pdf", metavar="FILE")
    exp.add_argument("--xlsx", metavar="FILE")
    users = commands.add_parser("users", help="accounts and their signing keys")
    user_commands = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    user_add = user_commands.add_parser("add", help="create an account (password on standard input)")
    user_add.add_argument("name")
    user_add.add_argument("--role", choices=tuple(Role), required=True)
    user_add.add_argument(
        "--user", "--by", dest="user", help="the manager who creates it (their password on the next input line)"
    )
    user_add.add_argument("--pkcs12", help="import this PKCS#12 key file (same password) instead of a new key")
    user_add.add_argument("--db", default=argparse.SUPPRESS)
    user_add.set_defaults(handler=_guard(_users_add), needs_db=True)
    user_list = user_commands.add_parser("list", help="list the accounts")
    user_list.add_argument("--db", default=argparse.SUPPRESS)
    user_list.set_defaults(handler=_guard(_users_list), needs_db=True)
    user_passwd = user_commands.add_parser(
        "passwd", help="change an account's password (current, then new, on standard input)"
    )
    user_passwd.add_argument("name")
    user_passwd.set_defaults(handler=_guard(_users_passwd), needs_db=True)
    for action, text in (
        (
            "disable",
            "disable an account (someone left): no login, no changes in its name; its certificates are revoked "
            "(what it signed before stays valid)",
        ),
        ("enable", "enable a disabled account again (with a new certificate)"),
    ):
        toggle = user_commands.add_parser(action, help=f"{text} (the manager's password on standard input)")
        toggle.add_argument("name")
        toggle.add_argument("--user", "--by", dest="user", required=True, help="the manager who does it")
        toggle.set_defaults(handler=_guard(_users_set_active), needs_db=True)
    role = user_commands.add_parser(
        "role", help="a manager changes another account's role (re-issues its certificate; password on stdin)"
    )
    role.add_argument("name")
    role.add_argument("--role", choices=tuple(Role), required=True)
    role.add_argument("--user", "--by", dest="user", required=True, help="the manager who does it")
    role.set_defaults(handler=_guard(_users_role), needs_db=True)
    sign = add("sign", _sign, "sign an inspection (password on standard input)")
    sign.add_argument("id", type=record_id)
    sign.add_argument("--user", required=True)
    sign.add_argument("--meaning", choices=tuple(Meaning), required=True)
    verify_cmd = commands.add_parser("verify", help="check a report file's signatures and its stored record")
    verify_cmd.add_argument("file")
    verify_cmd.add_argument("--trust", help="the trust file (PEM) of the company signing authority")
    verify_cmd.add_argument("--db", default=argparse.SUPPRESS)
    verify_cmd.set_defaults(handler=_guard(_verify), needs_db=False)
    trust = commands.add_parser("trust", help="the company signing authority that reports are verified against")
    trust_commands = trust.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    for action, handler, text in (
        ("export", _trust_export, "write the trust file (the authority's certificate) for auditors and inspectors"),
        ("pin", _trust_pin, "trust this database's authority on this computer, as given in a trust file"),
    ):
        command = trust_commands.add_parser(action, help=text)
        command.add_argument("file")
        command.add_argument("--db", default=argparse.SUPPRESS)
        command.set_defaults(handler=_guard(handler), needs_db=True)
    show_trust = trust_commands.add_parser("show", help="the database's authority and the one pinned here")
    show_trust.add_argument("--db", default=argparse.SUPPRESS)
    show_trust.set_defaults(handler=_guard(_trust_show), needs_db=True)
    init = trust_commands.add_parser(
        "init", help="a database made before the signing authority: create it (manager's password on stdin)"
    )
    init.add_argument(
        "--user", "--by", dest="user", required=True, help="the manager whose password seals the authority key"
    )
    init.add_argument("--db", default=argparse.SUPPRESS)
    init.set_defaults(handler=_guard(_trust_init), needs_db=True)
    batch = add("export-batch", _export_batch, "every inspection of a period or site in one workbook, for auditors")
    batch.add_argument("file")
    batch.add_argument("--site", type=record_id, help="site id")
    batch.add_argument("--status", choices=tuple(InspectionStatus))
    batch.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD")
    batch.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD")
    actions = add("actions", _actions, "an inspection's corrective actions with their follow-ups")
    actions.add_argument("id", type=record_id)
    follow = add("follow-up", _follow_up, "record that a corrective action was done or verified (after completion)")
    follow.add_argument("id", type=record_id, help="inspection id")
    follow.add_argument("action", type=record_id, help="corrective action id (see `fugong actions ID`)")
    follow.add_argument("--status", choices=(ActionStatus.DONE, ActionStatus.VERIFIED), required=True)
    follow.add_argument("--note", default="")
    follow.add_argument("--on", help="date it was done or verified (default: today)")
    follow.add_argument("--user", help=USER_HELP)
    done = add("complete", _complete, "mark a draft inspection completed (locks it for signing)")
    done.add_argument("id", type=record_id)
    done.add_argument("--user", help=USER_HELP)
    again = add("reopen", _reopen, "turn a completed (unsigned) inspection back into a draft")
    again.add_argument("id", type=record_id)
    again.add_argument("--reason", required=True, help="why it is reopened (kept in the audit trail)")
    again.add_argument("--user", help=USER_HELP)
    lst = add("list", _list, "list inspections")
    lst.add_argument("--status", choices=tuple(InspectionStatus))
    lst.add_argument("--limit", type=limit_count, default=50)
