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

from checklist.changes import describe_change
from checklist.messages import CATALOGUE, ENGLISH, Both, msg
from checklist.workflow import (
    ACTION_STATUS_ZH,
    ROLE_ZH,
    STATUS_ZH,
    ActionStatus,
    InspectionStatus,
    Meaning,
    Role,
    role_signs,
)
from desktop.cli.errors import CommandError, known
from desktop.cli.language import Words, cli_language, say
from storage.logfile import logger

# What these commands print and their parsers say: code → (English, Chinese).
WORDS = Words(
    {
        # argparse types
        "an_id": ("an id", "编号"),
        "a_limit": ("a limit", "数量上限"),
        "whole_number": (
            "{name} must be a whole number from {low} to {high}, not {text}",
            "{name}应为 {low} 到 {high} 之间的整数，而不是 {text}",
        ),
        "out_of_range": (
            "{name} must be from {low} to {high}, not {text}",
            "{name}应在 {low} 到 {high} 之间，而不是 {text}",
        ),
        # prompts
        "password_of": ("{name}'s password: ", "{name} 的密码："),
        "current_password_of": ("{name}'s current password: ", "{name} 的当前密码："),
        "new_account_password": ("new account's password: ", "新账户的密码："),
        "new_password": ("new password: ", "新密码："),
        "new_password_again": ("new password again: ", "再次输入新密码："),
        "password": ("password: ", "密码："),
        "note": ("note: {text}", "注意：{text}"),
        # what the commands print
        "chain_ok": ("OK: {reason}", "通过：{reason}"),
        "chain_broken": ("BROKEN at entry {seq}: {reason}", "已损坏，第 {seq} 条起：{reason}"),
        "passed": ("OK   ", "通过   "),
        "failed": ("FAIL ", "不通过 "),
        "record_unreadable": (
            "FAIL stored record {id} cannot be read: a row of it was damaged or changed outside 复工自查 ({error})",
            "不通过 保存的检查记录 #{id} 无法读取：其中一行已损坏，或在复工自查之外被改动（{error}）",
        ),
        "backup_written": (
            "backup written to {target} (checked: the database is complete, the audit chain intact, {inspections} "
            "inspections)",
            "备份已写入 {target}（已校验：数据库完整，审计链完好，共 {inspections} 条检查记录）",
        ),
        "restored_by": (
            "restored from {file} by {by}; the previous database is kept at {kept}",
            "已从 {file} 恢复（由 {by} 操作）；原数据库保留在 {kept}",
        ),
        "restored_no_accounts": (
            "restored from {file} (the previous database had no accounts); the previous database is kept at {kept}",
            "已从 {file} 恢复（原数据库没有账户）；原数据库保留在 {kept}",
        ),
        "manager_first": (
            "say which manager creates the account: --user NAME (their password after the new one)",
            "请说明由哪位单位主要负责人创建账户：--user 姓名（其密码在新账户密码之后输入）",
        ),
        "no_account_created": ("{reason}; no account was created", "{reason}；没有创建账户"),
        "cannot_read_key": (
            "cannot read {file}: {reason}; no account was created",
            "无法读取 {file}：{reason}；没有创建账户",
        ),
        "account_created": (
            "account {id}: {name}, {role}{note}, with a signing key",
            "账户 {id}：{name}，{role}{note}，已生成签名密钥",
        ),
        "account_created_no_key": (
            "account {id}: {name}, {role}{note}, without a signing key (an auditor signs nothing)",
            "账户 {id}：{name}，{role}{note}，审计员不签署，未生成签名密钥",
        ),
        "password_changed_no_key": ("password of {name} changed", "{name} 的密码已修改"),
        "enabled_no_key": ("account {name} enabled by {by}", "账户 {name} 已由 {by} 启用"),
        "first_is_manager": (" (the first account is always a manager)", "（第一个账户总是单位主要负责人）"),
        "password_changed": (
            "password of {name} changed; its signing key is now locked by the new password",
            "{name} 的密码已修改；其签名密钥现由新密码保护",
        ),
        "key": ("key", "有密钥"),
        "no_key": ("no key", "无密钥"),
        "disabled": ("  disabled", "  已停用"),
        "enabled_by": (
            "account {name} enabled by {by}; a new certificate was issued",
            "账户 {name} 已由 {by} 启用；已签发新证书",
        ),
        "disabled_by": (
            "account {name} disabled by {by}; its certificates were revoked",
            "账户 {name} 已由 {by} 停用；其证书已吊销",
        ),
        "role_changed": (
            "account {name}: {before} → {after} by {by}; its certificate was re-issued",
            "账户 {name}：{before} → {after}（由 {by} 修改）；已重新签发其证书",
        ),
        "signed": (
            "inspection {id} signed as {meaning} by {by}; record hash {hash}",
            "检查记录 #{id} 已由 {by} 以{meaning}身份签署；记录哈希 {hash}",
        ),
        "no_such_file": ("{path} does not exist", "{path} 不存在"),
        "trust_written": (
            "wrote {file}: the signing authority, SHA-256 {digest}",
            "已写出 {file}：签名机构证书，SHA-256 {digest}",
        ),
        "database_authority": ("database authority: {value}", "数据库的签名机构：{value}"),
        "pinned_here": ("pinned on this computer: {value}", "本机信任的签名机构：{value}"),
        "none": ("(none)", "（无）"),
        "pinned": (
            "this computer now trusts the signing authority {digest} for this database",
            "本机现在信任此数据库的签名机构 {digest}",
        ),
        "authority_created": (
            "signing authority {digest} created and pinned; certificates issued to {accounts} account(s)",
            "已创建并信任签名机构 {digest}；已为 {accounts} 个账户签发证书",
        ),
        "dates": ("dates are YYYY-MM-DD, given {given}", "日期格式为 YYYY-MM-DD，而给出的是 {given}"),
        "batch_written": ("wrote {file} ({count} inspections)", "已写出 {file}（{count} 条检查记录）"),
        "action_line": (
            "{id:>5} {item:<9} {status:<9} {owner} (due {due}): {action}",
            "{id:>5} {item:<9} {status:<9} {owner}（期限 {due}）：{action}",
        ),
        "follow_up_line": ("      {on} {status:<9} {by}: {note}", "      {on} {status:<9} {by}：{note}"),
        "on_date": ("--on takes a date YYYY-MM-DD, not {text}", "--on 应为日期 YYYY-MM-DD，而不是 {text}"),
        "on_future": (
            "--on {on} is in the future; a follow-up is recorded when it happened — nothing was saved",
            "--on {on} 是将来的日期；整改跟进应在发生后记录，没有保存任何内容",
        ),
        "followed_up": (
            "corrective action {action} of inspection {id}: {status} on {on}",
            "检查记录 #{id} 的整改措施 {action}：{on} {status}",
        ),
        "completed": (
            "inspection {id} completed by {by}; record hash {hash}",
            "检查记录 #{id} 已由 {by} 完成；记录哈希 {hash}",
        ),
        "reopened": (
            "inspection {id} reopened by {by} as a draft: {reason}",
            "检查记录 #{id} 已由 {by} 重新打开为草稿：{reason}",
        ),
        "list_line": (
            "{id:>6} {date} {status:<9} {company} / {site}  passed {passed} failed {failed} n/a {na} "
            "unchecked {unchecked}  open actions {open}",
            "{id:>6} {date} {status:<6} {company} / {site}  通过 {passed} 不合格 {failed} 不适用 {na} 未查 {unchecked}  "
            "整改未完 {open}",
        ),
        "audit_line": (
            "{seq:>6} {at} {actor:<12} {action:<8} {table}#{row} {changes}",
            "{seq:>6} {at} {actor:<12} {action:<4} {table}#{row} {changes}",
        ),
        # an empty listing: one line saying so, and how to make the first
        "list_empty": (
            "no inspections yet: start one in the application with New inspection, or import one with "
            "fugong import FILE --user NAME",
            "还没有检查记录：在程序中点“新建检查”开始，或用 fugong import 文件 --user 姓名 导入一条",
        ),
        "list_empty_status": (
            "no {status} inspections (fugong list without --status shows them all)",
            "没有状态为“{status}”的检查记录（不加 --status 的 fugong list 列出全部）",
        ),
        "users_empty": (
            "no accounts yet: create the manager's first with fugong users add NAME --role manager "
            "(the password on standard input), or in the application's first-run set-up",
            "还没有账户：用 fugong users add 姓名 --role manager 创建单位主要负责人的账户（密码从标准输入读取），"
            "或在程序首次运行的设置中创建",
        ),
        "actions_empty": (
            "inspection {id} has no corrective actions (an item answered as failed gets one in the application)",
            "检查记录 #{id} 没有整改措施（在程序中把检查项判为不合格时添加）",
        ),
        "audit_empty": ("the audit trail has no entries yet", "审计记录中还没有条目"),
        "audit_empty_inspection": (
            "the audit trail has no entries for inspection {id}",
            "审计记录中没有检查记录 #{id} 的条目",
        ),
        "audit.insert": ("insert", "新增"),
        "audit.update": ("update", "修改"),
        "audit.delete": ("delete", "删除"),
        "audit.complete": ("complete", "完成"),
        "audit.sign": ("sign", "签署"),
        "audit.login-fail": ("login-fail", "登录失败"),
        "audit.restore": ("restore", "恢复"),
        "table.inspections": ("inspections", "检查记录"),
        "table.item_responses": ("item_responses", "检查项"),
        "table.dormitory_rooms": ("dormitory_rooms", "宿舍"),
        "table.evidence": ("evidence", "照片"),
        "table.corrective_actions": ("corrective_actions", "整改措施"),
        "table.signatures": ("signatures", "签名"),
        "table.report_files": ("report_files", "报告文件"),
        "table.companies": ("companies", "企业"),
        "table.sites": ("sites", "场所"),
        "table.users": ("users", "账户"),
        # help
        "user_help": (
            "the account that makes the change (its password is read from standard input)",
            "进行修改的账户（其密码从标准输入读取）",
        ),
        "db_help": ("database URL", "数据库地址"),
        "url": ("URL", "地址"),
        "action": ("ACTION", "操作"),
        "file": ("FILE", "文件"),
        "name": ("NAME", "姓名"),
        "id": ("ID", "ID"),
        "date": ("YYYY-MM-DD", "YYYY-MM-DD"),
        "audit": ("the audit trail", "审计记录"),
        "audit.verify": ("check the hash chain; names the first broken entry", "检查哈希链；指出第一条损坏的记录"),
        "audit.log": ("print the audit trail", "输出审计记录"),
        "audit.log.inspection": ("only the entries of this inspection", "只输出这条检查记录的条目"),
        "verify-record": (
            "check a completed or signed inspection: content, signatures, files",
            "核验已完成或已签署的检查记录：内容、签名和文件",
        ),
        "inspection_id": ("the inspection's id (see `fugong list`)", "检查记录的编号（见 fugong list）"),
        "trust_file": (
            "the trust file (PEM) of the company signing authority (default: the pinned one)",
            "企业签名机构的信任文件（PEM；默认：本机信任的那个）",
        ),
        "backup": ("write a consistent copy of the SQLite database", "写出 SQLite 数据库的一致副本"),
        "backup.file": ("the backup file to write", "要写出的备份文件"),
        "restore": (
            "replace the SQLite database with a backup (the old one is kept; a manager's password)",
            "用备份替换 SQLite 数据库（原数据库会保留；需要单位主要负责人的密码）",
        ),
        "restore.file": ("the backup file", "备份文件"),
        "restore.user": (
            "a manager of the live database (password on standard input)",
            "当前数据库的单位主要负责人（密码从标准输入读取）",
        ),
        "import": (
            "store an inspection from a fugong.inspection/1 JSON file; prints its id",
            "从 fugong.inspection/1 格式的 JSON 文件导入一条检查记录；输出其编号",
        ),
        "import.file": ("the JSON file", "JSON 文件"),
        "export": ("write an inspection as JSON, PDF and/or Excel", "把一条检查记录写出为 JSON、PDF 和/或 Excel"),
        "export.json": ("write the record as JSON to FILE", "把记录以 JSON 格式写到此文件"),
        "export.pdf": ("write the PDF report to FILE", "把 PDF 报告写到此文件"),
        "export.xlsx": ("write the Excel workbook to FILE", "把 Excel 工作簿写到此文件"),
        "export.language": (
            "the report's language: zh (Chinese, the default) or en (English; for a signed record an English "
            "copy without signatures, the signed report being the Chinese one)",
            "报告的语言：“zh”（中文，默认）或 “en”（英文；已签署的记录输出不带签名的英文副本，签署的正本是中文报告）",
        ),
        "users": ("accounts and their signing keys", "账户及其签名密钥"),
        "users.add": ("create an account (password on standard input)", "创建账户（密码从标准输入读取）"),
        "users.add.name": ("the new account's name", "新账户的姓名"),
        "users.role": ("the account's role", "账户的角色"),
        "users.add.by": (
            "the manager who creates it (their password on the next input line)",
            "创建账户的单位主要负责人（其密码在下一行输入）",
        ),
        "users.add.pkcs12": (
            "import this PKCS#12 key file (same password) instead of a new key",
            "导入这个 PKCS#12 密钥文件（密码相同），而不生成新密钥",
        ),
        "users.list": ("list the accounts", "列出账户"),
        "users.passwd": (
            "change an account's password (current, then new, on standard input)",
            "修改账户密码（先当前密码，再新密码，从标准输入读取）",
        ),
        "users.account": ("the account", "账户"),
        "users.disable": (
            "disable an account (someone left): no login, no changes in its name; its certificates are revoked "
            "(what it signed before stays valid) (the manager's password on standard input)",
            "停用账户（人员离职）：不能再登录或以其名义修改，其证书被吊销（之前签署的内容仍然有效）"
            "（单位主要负责人的密码从标准输入读取）",
        ),
        "users.enable": (
            "enable a disabled account again (with a new certificate) (the manager's password on standard input)",
            "重新启用已停用的账户（签发新证书）（单位主要负责人的密码从标准输入读取）",
        ),
        "manager_who": ("the manager who does it", "执行操作的单位主要负责人"),
        "users.role_cmd": (
            "a manager changes another account's role (re-issues its certificate; password on stdin)",
            "单位主要负责人修改另一个账户的角色（重新签发其证书；密码从标准输入读取）",
        ),
        "sign": ("sign an inspection (password on standard input)", "签署检查记录（密码从标准输入读取）"),
        "sign.user": ("the account that signs", "签署的账户"),
        "sign.meaning": (
            "what the signature says: inspector or approver",
            "签署身份：“inspector”（检查人）或 “approver”（审核人）",
        ),
        "verify": ("check a report file's signatures and its stored record", "核验报告文件的签名及其保存的记录"),
        "verify.file": ("the report (PDF or Excel)", "报告文件（PDF 或 Excel）"),
        "verify.trust": ("the trust file (PEM) of the company signing authority", "企业签名机构的信任文件（PEM）"),
        "trust": (
            "the company signing authority that reports are verified against",
            "用于核验报告的企业签名机构",
        ),
        "trust.export": (
            "write the trust file (the authority's certificate) for auditors and inspectors",
            "为审计员和检查人员写出信任文件（签名机构的证书）",
        ),
        "trust.pin": (
            "trust this database's authority on this computer, as given in a trust file",
            "按信任文件在本机信任此数据库的签名机构",
        ),
        "trust.file": ("the trust file (PEM)", "信任文件（PEM）"),
        "trust.show": ("the database's authority and the one pinned here", "显示数据库的签名机构和本机信任的签名机构"),
        "trust.init": (
            "a database made before the signing authority: create it (manager's password on stdin)",
            "为签名机构出现之前建立的数据库创建签名机构（单位主要负责人的密码从标准输入读取）",
        ),
        "trust.init.user": (
            "the manager whose password seals the authority key",
            "用其密码保护签名机构密钥的单位主要负责人",
        ),
        "export-batch": (
            "every inspection of a period or site in one workbook, for auditors",
            "把一段时间或一个场所的全部检查记录写入一个工作簿，供审计使用",
        ),
        "batch.file": ("the workbook to write (.xlsx)", "要写出的工作簿（.xlsx）"),
        "batch.site": ("site id", "场所编号"),
        "batch.status": ("only inspections in this state", "只包括此状态的检查记录"),
        "batch.from": ("from this date", "从此日期起"),
        "batch.to": ("up to this date", "到此日期止"),
        "actions": ("an inspection's corrective actions with their follow-ups", "列出检查记录的整改措施及其跟进"),
        "follow-up": (
            "record that a corrective action was done or verified (after completion)",
            "记录整改措施已整改或已验证（检查完成之后）",
        ),
        "follow.action": ("corrective action id (see `fugong actions ID`)", "整改措施编号（见 fugong actions ID）"),
        "follow.status": ("done or verified", "“done”（已整改）或 “verified”（已验证）"),
        "follow.note": ("what was done or how it was verified", "做了什么，或如何验证"),
        "follow.on": ("date it was done or verified (default: today)", "整改或验证的日期（默认：今天）"),
        "complete": (
            "mark a draft inspection completed (locks it for signing)",
            "把草稿检查记录标记为已完成（锁定以便签署）",
        ),
        "reopen": ("turn a completed (unsigned) inspection back into a draft", "把已完成（未签署）的检查记录改回草稿"),
        "reopen.reason": ("why it is reopened (kept in the audit trail)", "重新打开的理由（记入审计记录）"),
        "list": ("list inspections", "列出检查记录"),
        "list.status": ("only inspections in this state", "只列出此状态的检查记录"),
        "list.limit": ("at most this many (default 50)", "最多列出多少条（默认 50）"),
        "text": ("TEXT", "文字"),
        "action_id": ("ACTION_ID", "整改措施编号"),
    }
)
MAX_ID = 2**63 - 1  # the largest id a database column holds (BIGINT)
MAX_LIMIT = 100_000


def _bounded(name: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``, refused in one line otherwise (``name``: the
    code of its name in :data:`WORDS`, said in the run's language when it is refused)."""

    def parse(text: str) -> int:
        cleaned = text.strip()
        if not (cleaned.lstrip("+-").isascii() and cleaned.lstrip("+-").isdigit()) or len(cleaned) > 25:
            raise argparse.ArgumentTypeError(
                WORDS("whole_number", name=WORDS(name), low=low, high=high, text=f"“{text[:30]}”")
            )
        value = int(cleaned)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                WORDS("out_of_range", name=WORDS(name), low=low, high=high, text=cleaned[:30])
            )
        return value

    parse.__name__ = name  # argparse names the type in its message
    return parse


record_id = _bounded("an_id", 1, MAX_ID)
limit_count = _bounded("a_limit", 1, MAX_LIMIT)


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
    password = _read_secret(WORDS("password_of", name=name))
    user = auth.authenticate(db, name, password)
    from export.grants import claim_quietly

    refused = claim_quietly(db, user.name, password)  # a manager promoted since: their copy of the authority key
    if refused is not None:
        print(WORDS("note", text=say(Both(str(refused), refused.message_zh or str(refused)))), file=sys.stderr)
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
    reason = say(Both(report.reason, report.reason_zh or report.reason))
    if report.ok:
        print(WORDS("chain_ok", reason=reason))
        return 0
    print(WORDS("chain_broken", seq=report.first_broken, reason=reason), file=sys.stderr)
    return 2


def _audit_log(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from storage.models import AuditEntry

    db = _open(args)
    query = select(AuditEntry).order_by(AuditEntry.seq)
    if args.inspection is not None:
        query = query.where(AuditEntry.inspection_id == args.inspection)
    language = cli_language()
    shown = 0
    with db.session() as session:
        for entry in session.scalars(query):
            shown += 1
            changes = describe_change(entry.action, entry.old, entry.new, language, _stored_value)
            action = WORDS(f"audit.{entry.action}") if f"audit.{entry.action}" in WORDS.table else entry.action
            table = (
                WORDS(f"table.{entry.table_name}") if f"table.{entry.table_name}" in WORDS.table else entry.table_name
            )
            print(
                WORDS(
                    "audit_line",
                    seq=entry.seq,
                    at=entry.at.isoformat(timespec="seconds") + "Z",
                    actor=entry.actor,
                    action=action,
                    table=table,
                    row=entry.row_id,
                    changes=changes[:200],
                )
            )
    if not shown:
        print(WORDS("audit_empty") if args.inspection is None else WORDS("audit_empty_inspection", id=args.inspection))
    return 0


def _stored_value(value: Any) -> str:
    """A value in the audit trail, as the audit window shows it: a hash shortened, structured data as compact
    JSON (data as stored, in no language)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, str) and len(value) == 64 and all(c in "0123456789abcdef" for c in value):
        return value[:12] + "…"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


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
        print(WORDS("record_unreadable", id=args.id, error=type(error).__name__))
        return 2
    _print_checks(check.results)
    return 0 if check.ok else 2


def _print_checks(results: list[tuple[bool, str, str]]) -> None:
    """A verification's checks, one line each, in the run's language."""
    for passed, english, chinese in results:
        print(WORDS("passed" if passed else "failed") + say(Both(english, chinese)))


def _backup(args: argparse.Namespace) -> int:
    from storage.backup import backup, check_backup

    db = _open(args)
    target = Path(args.file)
    backup(db, target)
    inspections = check_backup(target).split(" ", 1)[0]  # "N inspections, …": it raises unless all is well
    print(WORDS("backup_written", target=target, inspections=inspections))
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
    if by:
        print(WORDS("restored_by", file=args.file, by=by, kept=kept))
    else:
        print(WORDS("restored_no_accounts", file=args.file, kept=kept))
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
        from export.reports import export_reports
        from storage.inspections import load_inspection

        pdf, xlsx = (Path(args.pdf) if args.pdf else None), (Path(args.xlsx) if args.xlsx else None)
        if load_inspection(db, args.id).status == InspectionStatus.SIGNED:
            from export.signing import write_signed_reports, write_translation

            if args.language == ENGLISH:  # a translation of the signed record, not signed itself
                written = write_translation(db, args.id, pdf, xlsx, ENGLISH)
            else:
                written = write_signed_reports(db, args.id, pdf, xlsx)  # the signed files, byte for byte
        else:
            written = export_reports(db, args.id, pdf=pdf, xlsx=xlsx, language=args.language)
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
        reason = Both(str(error), str(getattr(error, "message_zh", "") or error))
        raise CommandError(WORDS.both("no_account_created", reason=reason)) from None
    from storage.unit_of_work import users_exist

    db = _open(args)
    with db.session() as session:
        if users_exist(session) and not args.user:
            raise CommandError(WORDS.both("manager_first"))
    password = _read_secret(WORDS("new_account_password"))
    if not password.strip():
        raise CommandError(msg("cli.password_empty"))
    actor, actor_password = args.name, None
    if args.user:
        actor_password = _read_secret(WORDS("password_of", name=args.user))
        actor = auth.authenticate(db, args.user, actor_password).name
    try:
        pkcs12 = Path(args.pkcs12).read_bytes() if args.pkcs12 else None
    except OSError as error:
        raise CommandError(WORDS.both("cannot_read_key", file=args.pkcs12, reason=str(error.strerror))) from None
    user_id, role = create_account(db, actor, args.name, args.role, password, pkcs12, actor_password=actor_password)
    note = WORDS("first_is_manager") if role != args.role else ""
    said = "account_created" if role_signs(role) else "account_created_no_key"
    print(WORDS(said, id=user_id, name=args.name, role=_role(role), note=note))
    return 0


def _users_passwd(args: argparse.Namespace) -> int:
    from export.signing import change_password
    from storage import auth

    db = _open(args)
    current = _read_secret(WORDS("current_password_of", name=args.name))
    new = _read_secret(WORDS("new_password"))
    if sys.stdin.isatty() and _read_secret(WORDS("new_password_again")) != new:
        raise CommandError(msg("cli.passwords_differ"))
    change_password(db, args.name, current, new)
    keyed = bool(auth.get_user(db, args.name).pkcs12)
    print(WORDS("password_changed" if keyed else "password_changed_no_key", name=args.name))
    return 0


def _users_list(args: argparse.Namespace) -> int:
    from storage.companies import list_users

    users = list_users(_open(args))
    if not users:
        print(WORDS("users_empty"))
    for user in users:
        state = "" if user.active else WORDS("disabled")
        key = WORDS("key" if user.pkcs12 else "no_key")
        print(f"{user.id:>4} {user.name:<16} {_role(user.role):<8} {key}{state}")
    return 0


def _users_set_active(args: argparse.Namespace) -> int:
    from export.signing import set_account_active
    from storage import auth

    db = _open(args)
    active = args.users_command == "enable"
    set_account_active(db, args.user, _read_secret(WORDS("password_of", name=args.user)), args.name, active)
    keyed = bool(auth.get_user(db, args.name).pkcs12)  # an auditor's account: no certificate to issue
    said = ("enabled_by" if keyed else "enabled_no_key") if active else "disabled_by"
    print(WORDS(said, name=args.name, by=args.user))
    return 0


def _users_role(args: argparse.Namespace) -> int:
    from export.signing import change_role

    db = _open(args)
    before = change_role(db, args.user, _read_secret(WORDS("password_of", name=args.user)), args.name, args.role)
    print(WORDS("role_changed", name=args.name, before=_role(before), after=_role(args.role), by=args.user))
    return 0


def _sign(args: argparse.Namespace) -> int:
    from export.signing import sign

    done = sign(_open(args), args.id, args.user, _read_secret(WORDS("password")), args.meaning)
    meaning = msg(f"meaning.{done.meaning}") if f"meaning.{done.meaning}" in CATALOGUE else done.meaning
    print(WORDS("signed", id=done.inspection_id, meaning=meaning, by=args.user, hash=done.record_hash))
    return 0


def _verify(args: argparse.Namespace) -> int:
    from export.signing import verify_file

    path = Path(args.file)
    if not path.is_file():
        raise CommandError(WORDS.both("no_such_file", path=path))
    args.db = getattr(args, "db", None) or os.environ.get("FUGONG_DB_URL")
    db = _open(args) if args.db else None
    result = verify_file(path, db, Path(args.trust) if args.trust else None)
    _print_checks(result.results)
    return 0 if result.ok else 2


def _trust_export(args: argparse.Namespace) -> int:
    from export.trust import export_trust_file

    digest = export_trust_file(_open(args), Path(args.file))
    print(WORDS("trust_written", file=args.file, digest=digest))
    return 0


def _trust_show(args: argparse.Namespace) -> int:
    from export.authority import authority_certificate, fingerprint
    from export.trust import pinned

    db = _open(args)
    certificate = authority_certificate(db)
    pin = pinned(db)
    print(WORDS("database_authority", value=fingerprint(certificate) if certificate else WORDS("none")))
    print(WORDS("pinned_here", value=pin or WORDS("none")))
    if certificate is None or pin != fingerprint(certificate):
        return 2
    return 0


def _trust_pin(args: argparse.Namespace) -> int:
    from export.trust import pin_trust_file

    digest = pin_trust_file(_open(args), Path(args.file))
    print(WORDS("pinned", digest=digest))
    return 0


def _trust_init(args: argparse.Namespace) -> int:
    from export.migration import create_authority_for_existing

    db = _open(args)
    password = _read_secret(WORDS("password_of", name=args.user))
    digest, accounts = create_authority_for_existing(db, args.user, password)
    print(WORDS("authority_created", digest=digest, accounts=accounts))
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
    except ValueError:
        given = " ".join(f"“{text[:30]}”" for text in (args.date_from, args.date_to) if text)
        raise CommandError(WORDS.both("dates", given=given)) from None
    db = _open(args)
    written = export_batch(db, Path(args.file), where)
    print(WORDS("batch_written", file=written, count=count_inspections(db, where)))
    return 0


def _actions(args: argparse.Namespace) -> int:
    from storage.actions import action_follow_ups, action_status
    from storage.inspections import load_inspection

    db = _open(args)
    inspection = load_inspection(db, args.id)
    history = action_follow_ups(db, args.id)
    if not inspection.actions:
        print(WORDS("actions_empty", id=args.id))
    for action in inspection.actions:
        due = action.due.isoformat() if action.due else "-"
        status = _action_status(action_status(action, history))
        print(
            WORDS(
                "action_line",
                id=action.id,
                item=action.item_id,
                status=status,
                owner=action.owner,
                due=due,
                action=action.action,
            )
        )
        for follow_up in (f for f in history if f.action_id == action.id):
            print(
                WORDS(
                    "follow_up_line",
                    on=follow_up.on,
                    status=_action_status(follow_up.status),
                    by=follow_up.by,
                    note=follow_up.note,
                )
            )
    return 0


def _follow_up(args: argparse.Namespace) -> int:
    import datetime as dt

    from checklist.company import company_today
    from storage.actions import follow_up_action

    try:
        on = dt.date.fromisoformat(args.on) if args.on else company_today()
    except ValueError:
        raise CommandError(WORDS.both("on_date", text=f"“{args.on[:40]}”")) from None
    if on > company_today():
        raise CommandError(WORDS.both("on_future", on=on))
    db = _open(args)
    follow_up_action(db, _login(db, args), args.id, args.action, args.status, args.note, on)
    print(WORDS("followed_up", action=args.action, id=args.id, status=_action_status(args.status), on=on))
    return 0


def _complete(args: argparse.Namespace) -> int:
    from storage.inspections import complete, load_inspection

    db = _open(args)
    actor = _login(db, args)
    digest = complete(db, actor, args.id, load_inspection(db, args.id).version)
    print(WORDS("completed", id=args.id, by=actor, hash=digest))
    return 0


def _reopen(args: argparse.Namespace) -> int:
    from storage.inspections import reopen

    db = _open(args)
    actor = _login(db, args)
    reopen(db, actor, args.id, args.reason)
    print(WORDS("reopened", id=args.id, by=actor, reason=args.reason))
    return 0


def _list(args: argparse.Namespace) -> int:
    from storage.listing import InspectionFilter, list_inspections

    rows = list_inspections(_open(args), InspectionFilter(status=args.status), limit=args.limit)
    if not rows:
        print(WORDS("list_empty_status", status=_status(args.status)) if args.status else WORDS("list_empty"))
    for row in rows:
        print(
            WORDS(
                "list_line",
                id=row.id,
                date=row.date,
                status=_status(row.status),
                company=row.company,
                site=row.site or "-",
                passed=row.passed,
                failed=row.failed,
                na=row.na,
                unchecked=row.unchecked,
                open=row.open_actions,
            )
        )
    return 0


def _role(role: str) -> str:
    """A role as the run's language names it (the value itself in English: it is what ``--role`` takes)."""
    return role if cli_language() == ENGLISH else ROLE_ZH.get(role, role)


def _status(status: str) -> str:
    return status if cli_language() == ENGLISH else STATUS_ZH.get(status, status)


def _action_status(status: str) -> str:
    return status if cli_language() == ENGLISH else ACTION_STATUS_ZH.get(status, status)


def register(commands: Any) -> None:
    """Add the storage subcommands to the ``fugong`` parser (every word in the run's language)."""

    from desktop.cli.parsers import Subcommands

    build = Subcommands(WORDS, _guard)
    parser_for, actions_of, with_db, file_argument = build.parser, build.group, build.runs, build.file_argument

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_code: str) -> argparse.ArgumentParser:
        return build.command(commands, name, handler, help_code)

    def user_option(parser: argparse.ArgumentParser, help_code: str = "user_help", required: bool = False) -> None:
        parser.add_argument(
            "--user", "--by", dest="user", metavar=WORDS("name"), required=required, help=WORDS(help_code)
        )

    def inspection_id(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("id", type=record_id, metavar="ID", help=WORDS("inspection_id"))

    audit_commands = actions_of(commands, "audit", "audit", "audit_command")
    with_db(parser_for(audit_commands, "verify", "audit.verify"), _audit_verify)
    log = parser_for(audit_commands, "log", "audit.log")
    log.add_argument("--inspection", type=record_id, default=None, metavar="ID", help=WORDS("audit.log.inspection"))
    with_db(log, _audit_log)

    check = add("verify-record", _verify_record, "verify-record")
    inspection_id(check)
    check.add_argument("--trust", metavar="TRUST.pem", help=WORDS("trust_file"))
    file_argument(add("backup", _backup, "backup"), "backup.file")
    restore = add("restore", _restore, "restore")
    file_argument(restore, "restore.file")
    user_option(restore, "restore.user")
    imp = add("import", _import, "import")
    file_argument(imp, "import.file")
    user_option(imp)
    exp = add("export", _export, "export")
    inspection_id(exp)
    exp.add_argument("--json", metavar=WORDS("file"), help=WORDS("export.json"))
    exp.add_argument("--pdf", metavar=WORDS("file"), help=WORDS("export.pdf"))
    exp.add_argument("--xlsx", metavar=WORDS("file"), help=WORDS("export.xlsx"))
    exp.add_argument("--language", choices=["zh", "en"], default="zh", help=WORDS("export.language"))

    user_commands = actions_of(commands, "users", "users", "users_command")
    user_add = parser_for(user_commands, "add", "users.add")
    user_add.add_argument("name", metavar=WORDS("name"), help=WORDS("users.add.name"))
    user_add.add_argument("--role", choices=[choice.value for choice in Role], required=True, help=WORDS("users.role"))
    user_option(user_add, "users.add.by")
    user_add.add_argument("--pkcs12", metavar=WORDS("file"), help=WORDS("users.add.pkcs12"))
    with_db(user_add, _users_add)
    with_db(parser_for(user_commands, "list", "users.list"), _users_list)
    user_passwd = parser_for(user_commands, "passwd", "users.passwd")
    user_passwd.add_argument("name", metavar=WORDS("name"), help=WORDS("users.account"))
    with_db(user_passwd, _users_passwd)
    for action in ("disable", "enable"):
        toggle = parser_for(user_commands, action, f"users.{action}")
        toggle.add_argument("name", metavar=WORDS("name"), help=WORDS("users.account"))
        user_option(toggle, "manager_who", required=True)
        with_db(toggle, _users_set_active)
    role = parser_for(user_commands, "role", "users.role_cmd")
    role.add_argument("name", metavar=WORDS("name"), help=WORDS("users.account"))
    role.add_argument("--role", choices=[choice.value for choice in Role], required=True, help=WORDS("users.role"))
    user_option(role, "manager_who", required=True)
    with_db(role, _users_role)

    sign = add("sign", _sign, "sign")
    inspection_id(sign)
    sign.add_argument("--user", required=True, metavar=WORDS("name"), help=WORDS("sign.user"))
    sign.add_argument(
        "--meaning", choices=[choice.value for choice in Meaning], required=True, help=WORDS("sign.meaning")
    )
    verify_cmd = parser_for(commands, "verify", "verify")
    file_argument(verify_cmd, "verify.file")
    verify_cmd.add_argument("--trust", metavar="TRUST.pem", help=WORDS("verify.trust"))
    with_db(verify_cmd, _verify, needs_db=False, db_option=True)  # a report verifies without the database too

    trust_commands = actions_of(commands, "trust", "trust", "trust_command")
    for action, handler in (("export", _trust_export), ("pin", _trust_pin)):
        command = parser_for(trust_commands, action, f"trust.{action}")
        file_argument(command, "trust.file")
        with_db(command, handler)
    with_db(parser_for(trust_commands, "show", "trust.show"), _trust_show)
    init = parser_for(trust_commands, "init", "trust.init")
    user_option(init, "trust.init.user", required=True)
    with_db(init, _trust_init)

    batch = add("export-batch", _export_batch, "export-batch")
    file_argument(batch, "batch.file")
    batch.add_argument("--site", type=record_id, metavar="ID", help=WORDS("batch.site"))
    batch.add_argument("--status", choices=[choice.value for choice in InspectionStatus], help=WORDS("batch.status"))
    batch.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help=WORDS("batch.from"))
    batch.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help=WORDS("batch.to"))
    inspection_id(add("actions", _actions, "actions"))
    follow = add("follow-up", _follow_up, "follow-up")
    inspection_id(follow)
    follow.add_argument("action", type=record_id, metavar=WORDS("action_id"), help=WORDS("follow.action"))
    follow.add_argument(
        "--status",
        choices=[ActionStatus.DONE.value, ActionStatus.VERIFIED.value],
        required=True,
        help=WORDS("follow.status"),
    )
    follow.add_argument("--note", default="", metavar=WORDS("text"), help=WORDS("follow.note"))
    follow.add_argument("--on", metavar="YYYY-MM-DD", help=WORDS("follow.on"))
    user_option(follow)
    done = add("complete", _complete, "complete")
    inspection_id(done)
    user_option(done)
    again = add("reopen", _reopen, "reopen")
    inspection_id(again)
    again.add_argument("--reason", required=True, metavar=WORDS("text"), help=WORDS("reopen.reason"))
    user_option(again)
    lst = add("list", _list, "list")
    lst.add_argument("--status", choices=[choice.value for choice in InspectionStatus], help=WORDS("list.status"))
    lst.add_argument("--limit", type=limit_count, default=50, metavar="N", help=WORDS("list.limit"))
