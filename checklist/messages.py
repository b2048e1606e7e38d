"""The words the core says to a user, in Chinese and English, keyed by code (the way Anki's ftl files are).

The core raises and stores a :class:`Message` — a code and its parameters — and whoever shows it renders it in
the reader's language: the desktop in the interface's language, the command line and the reports in theirs.
Pure Python: no Qt, no database. A parameter may itself be a :class:`Message` (a field's name, a status),
rendered in the same language.

Raisers that still pass two literal strings (``KnownError(message, message_zh)``) keep working; the catalogue
is where new words go.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import Any

ENGLISH = "en"
CHINESE = "zh"


def is_english(language: str) -> bool:
    """``en``, ``en_US`` … are English; anything else (``zh``, ``zh_CN``, "") is Chinese, the first language."""
    return language.lower().startswith("en")


class Message:
    """One thing to say: a catalogue code and its parameters (plain values or other messages).

    A plain class, not a dataclass: :mod:`storage.errors` imports it before the login form, and start-up stays
    light (see ``tests/core/test_workflow.py``)."""

    __slots__ = ("code", "params")

    def __init__(self, code: str, params: tuple[tuple[str, Any], ...] = ()) -> None:
        if code not in CATALOGUE:
            raise KeyError(f"no message {code!r} in checklist.messages.CATALOGUE")
        self.code = code
        self.params = params

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash((self.code, repr(self.params)))

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.params!r})"

    def render(self, language: str) -> str:
        english, chinese = CATALOGUE[self.code]
        template = english if is_english(language) else chinese
        values = {key: _render_value(value, language) for key, value in self.params}
        return template.format(**values)

    @property
    def en(self) -> str:
        return self.render(ENGLISH)

    @property
    def zh(self) -> str:
        return self.render(CHINESE)

    def as_dict(self) -> dict[str, Any]:
        """For storing (an audit entry, a finding): the code and plain parameters."""
        params = {k: v.as_dict() if isinstance(v, (Message, Both)) else v for k, v in self.params}
        return {"code": self.code, "params": params}

    def __str__(self) -> str:
        return self.en


class Both:
    """A parameter already said in both languages (a rule finding, a blocker, a name with its translation)."""

    __slots__ = ("en", "zh")

    def __init__(self, en: str, zh: str) -> None:
        self.en = en
        self.zh = zh

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Both) and (self.en, self.zh) == (other.en, other.zh)

    def __hash__(self) -> int:
        return hash((self.en, self.zh))

    def __repr__(self) -> str:
        return f"Both({self.en!r}, {self.zh!r})"

    def render(self, language: str) -> str:
        return self.en if is_english(language) else self.zh

    def as_dict(self) -> dict[str, str]:
        return {"en": self.en, "zh": self.zh}


def _render_value(value: Any, language: str) -> Any:
    if isinstance(value, (Message, Both)):
        return value.render(language)
    if isinstance(value, Mapping) and set(value) == {"en", "zh"}:
        return Both(str(value["en"]), str(value["zh"])).render(language)
    if isinstance(value, Mapping) and set(value) == {"code", "params"} and value["code"] in CATALOGUE:
        return from_dict(value).render(language)
    return value


class BilingualValueError(ValueError):
    """A ``ValueError`` (for a pydantic validator, say) that says why in both languages."""

    def __init__(self, message: str, message_zh: str) -> None:
        super().__init__(message)
        self.message_zh = message_zh


# pydantic's error types, in Chinese (its own messages are English only)
PYDANTIC_ZH: dict[str, str] = {
    "missing": "缺少此项",
    "extra_forbidden": "不允许有此项",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_from_float": "应为整数",
    "int_parsing": "应为整数",
    "float_type": "应为数字",
    "float_parsing": "应为数字",
    "bool_type": "应为 true 或 false",
    "list_type": "应为列表",
    "dict_type": "应为对象",
    "model_type": "应为对象",
    "model_attributes_type": "应为对象",
    "enum": "不是允许的取值",
    "literal_error": "不是允许的取值",
    "greater_than": "数值过小",
    "greater_than_equal": "数值过小",
    "less_than": "数值过大",
    "less_than_equal": "数值过大",
    "too_long": "过长",
    "too_short": "过短",
    "string_too_long": "文本过长",
    "string_too_short": "不能为空",
    "union_tag_invalid": "类型不正确",
    "date_type": "应为日期（YYYY-MM-DD）",
    "finite_number": "应为有限的数值",
}


def pydantic_reason_zh(error: Mapping[str, Any]) -> str:
    """One pydantic error (``ValidationError.errors()[i]``) in Chinese: our own validators' words where they
    gave them, else the error type's."""
    cause = (error.get("ctx") or {}).get("error")
    said = getattr(cause, "message_zh", None)
    if isinstance(said, str) and said:
        return said
    zh = PYDANTIC_ZH.get(str(error.get("type", "")))
    limit = next((v for k, v in (error.get("ctx") or {}).items() if k in ("gt", "ge", "lt", "le", "max_length")), None)
    if zh is not None:
        return f"{zh}（限值 {limit}）" if limit is not None else zh
    return "数值不符合要求"


def msg(code: str, /, **params: Any) -> Message:
    """``msg("account.exists", name="王五")``."""
    return Message(code, tuple(params.items()))


def from_dict(data: Mapping[str, Any]) -> Message:
    """The inverse of :meth:`Message.as_dict`."""
    params = data.get("params") or {}
    return Message(str(data["code"]), tuple(params.items()))


def placeholders(template: str) -> set[str]:
    """The names a template fills in (for the catalogue's own test)."""
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


# --- the names of fields, for "<field>: <reason>" in Chinese ---------------------------------------------------

FIELD_NAMES_ZH: dict[str, str] = {
    "action": "整改措施",
    "actions": "整改措施",
    "address": "地址",
    "area_m2": "面积",
    "bunk_beds": "上下床",
    "catalogs": "检查表",
    "company": "企业",
    "company name": "企业名称",
    "company_type": "企业类型",
    "contact": "联系人",
    "credit_code": "统一社会信用代码",
    "date": "日期",
    "district": "所在区",
    "dormitory_rooms": "宿舍",
    "due": "完成期限",
    "file name": "文件名",
    "has_window": "窗户",
    "headcount": "员工人数",
    "id": "编号",
    "inspection": "检查记录",
    "inspector": "检查人",
    "item_id": "检查项",
    "items": "检查项",
    "location": "位置",
    "measurements": "测量值",
    "name": "名称",
    "note": "备注",
    "occupants": "人数",
    "override reason": "改判理由",
    "override_reason": "改判理由",
    "owner": "责任人",
    "reason": "理由",
    "result": "结果",
    "rule": "规则",
    "schema": "文件格式",
    "site": "场所",
    "site kind": "场所类型",
    "status": "状态",
    "verification note": "验证说明",
    "verification_note": "验证说明",
    "version": "版本",
}

_INDEXED = re.compile(r"^(?P<name>[A-Za-z_ ]+)\[(?P<index>\d+)\]$")
_ROOM = re.compile(r"^room (?P<name>.+)$")


def field_name_zh(field: str) -> str:
    """A field's name in Chinese: ``area_m2`` → 面积, ``dormitory_rooms[0].name`` → 宿舍第 1 行的名称,
    ``room A101: area_m2`` → 房间 A101 的面积; a part it does not know is kept as written."""
    room, sep, rest = field.partition(": ")
    if sep and _ROOM.match(room):
        return f"房间 {room[5:]} 的{field_name_zh(rest)}"
    parts: list[str] = []
    for part in field.split("."):
        indexed = _INDEXED.match(part)
        if indexed is not None:
            name = FIELD_NAMES_ZH.get(indexed["name"], indexed["name"])
            parts.append(f"{name}第 {int(indexed['index']) + 1} 行")
        else:
            parts.append(FIELD_NAMES_ZH.get(part, part))
    return "的".join(parts)


# --- the catalogue: code → (English, Chinese) ----------------------------------------------------------------

CATALOGUE: dict[str, tuple[str, str]] = {
    # words used inside other messages
    "word.none": ("none", "无"),
    "status.draft": ("draft", "草稿"),
    "status.completed": ("completed", "已完成"),
    "status.signed": ("signed", "已签署"),
    # accounts
    "account.name_missing": ("the account needs a name", "账户需要名称"),
    "account.role_unknown": ("role {role!r} is not one of {roles}", "角色“{role}”不是以下之一：{roles}"),
    "account.password_short": (
        "the password needs at least {minimum} characters",
        "密码至少需要 {minimum} 个字符",
    ),
    "account.exists": ("an account named {name!r} already exists", "已有名为“{name}”的账户"),
    "account.unknown": ("no account {name!r}", "没有账户“{name}”"),
    # companies
    "ledger.notice_version_format": (
        "“{version}” is not a version number: write numbers separated by dots or hyphens, such as 1, 1.2 or 2020-02",
        "“{version}”不是版本号：请写以点或连字符分隔的数字，如 1、1.2 或 2020-02",
    ),
    "company.name_missing": ("the company needs a name", "企业需要名称"),
    "company.type_unknown": ("company type {type!r} is not one of {known}", "企业类型“{type}”不是以下之一：{known}"),
    "company.headcount_negative": ("the headcount cannot be negative", "员工人数不能为负数"),
    "company.exists": (
        "a company with credit code {code} is already registered",
        "统一社会信用代码为 {code} 的企业已登记",
    ),
    "company.site_name_missing": ("the site needs a name", "场所需要名称"),
    "company.logo_not_image": (
        "{name}: the logo must be a PNG or JPEG picture; the logo was left as it was",
        "{name}：公司标志须为 PNG 或 JPEG 图片；标志未改动",
    ),
    "company.logo_too_large": (
        "{name}: the file has {size} MB, a logo at most {limit} MB; the logo was left as it was",
        "{name}：文件大小 {size} MB，公司标志最大 {limit} MB；标志未改动",
    ),
    "company.logo_bomb": (
        "{name}: the picture is too large to open safely (far over {limit} megapixels); the logo was left as it was",
        "{name}：图片尺寸过大（远超 {limit} 百万像素），无法安全打开；标志未改动",
    ),
    "company.logo_too_many_pixels": (
        "{name}: the picture has {width} × {height} pixels, a logo at most {limit} megapixels; "
        "the logo was left as it was",
        "{name}：图片 {width} × {height} 像素，公司标志最多 {limit} 百万像素；标志未改动",
    ),
    "report.company_copy_damaged": (
        "record {id}'s copy of the company is damaged (changed outside 复工自查); run verify-record — no report was made",
        "检查记录 #{id} 保存的企业信息已损坏（在复工自查之外被改动）；请运行记录核验，未生成报告",
    ),
    "company.site_unknown": ("no site {id}", "没有编号为 {id} 的场所"),
    "company.site_exists": (
        "{company} already has a site called {name}; nothing was changed",
        "{company} 已有名为“{name}”的场所；未修改",
    ),
    "company.site_named": (
        "the site {name} is named in {count} record(s) ({ids}), so it is kept; nothing was removed",
        "场所“{name}”已被 {count} 条记录引用（{ids}），因此保留；没有删除任何内容",
    ),
    "company.site_rename_not_manager": (
        "only a manager renames a site; nothing was changed",
        "只有单位主要负责人可以给场所改名；未修改",
    ),
    "company.site_remove_not_manager": (
        "only a manager removes a site; nothing was removed",
        "只有单位主要负责人可以删除场所；没有删除任何内容",
    ),
    # the fugong command
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.nested": (
        "the input is nested too deeply to be read; nothing was changed",
        "输入的嵌套层次太深，无法读取；没有修改任何数据",
    ),
    "cli.unexpected": (
        "unexpected error ({error}); nothing was saved by the step that failed; the details are in {log}",
        "意外错误（{error}）；出错的这一步没有保存任何内容；详细信息在 {log}",
    ),
    "cli.nothing_changed": ("{reason}; nothing was changed", "{reason}；没有修改任何数据"),
    "cli.no_accounts": (
        "this database has no accounts yet: create the manager's first (fugong users add NAME --role manager, "
        "the password on standard input); nothing was changed",
        "这个数据库还没有账户：请先创建单位负责人的账户（fugong users add 姓名 --role manager，"
        "密码从标准输入读取）；没有修改任何数据",
    ),
    "cli.who": (
        "say who makes the change: --user NAME (the account that makes the change; its password is read from "
        "standard input); nothing was changed",
        "请说明由谁修改：--user 姓名（进行修改的账户，其密码从标准输入读取）；没有修改任何数据",
    ),
    "cli.export_what": (
        "say what to write: --json FILE, --pdf FILE and/or --xlsx FILE",
        "请说明要写出什么：--json 文件、--pdf 文件和/或 --xlsx 文件",
    ),
    "cli.wrote": ("wrote {path}", "已写出 {path}"),
    "cli.stdin": ("{what} expected on standard input", "标准输入中没有提供所需的密码（{what}）"),
    "cli.password_empty": (
        "the new account's password is empty; no account was created",
        "新账户的密码为空；没有创建账户",
    ),
    "cli.passwords_differ": (
        "the two new passwords differ; nothing was changed",
        "两次输入的新密码不同；没有修改任何数据",
    ),
    "cli.no_catalog": ("no catalog {id!r}; known: {known}", "没有检查表“{id}”；可选：{known}"),
    # the database
    "database.no_wal": (
        "the database could not be switched to WAL mode (it is in {mode!r} mode)",
        "数据库无法切换到 WAL 模式（当前为 {mode} 模式）",
    ),
    # backup and restore
    "backup.sqlite_only": (
        "backup and restore work on SQLite databases; for PostgreSQL use pg_dump / pg_restore",
        "备份与恢复只适用于 SQLite 数据库；PostgreSQL 请使用 pg_dump / pg_restore",
    ),
    "backup.failed": (
        "backup failed, nothing was written to {target}: {reason}",
        "备份失败，没有写入 {target}：{reason}",
    ),
    "restore.failed": (
        "restore failed ({reason}); the previous database is kept at {kept}",
        "恢复失败（{reason}）；原数据库保留在 {kept}",
    ),
    # inspections
    "inspection.catalog_reading": ("inspection {id}: {reason}", "检查记录 #{id}：{reason}"),
    "inspection.no_catalog": ("choose at least one catalog", "请至少选择一个检查表"),
    "inspection.catalog_unknown": (
        "unknown catalog(s) {unknown}; known: {known}",
        "未知的检查表 {unknown}；可选：{known}",
    ),
    "inspection.no_company": ("no company {id}", "没有编号为 {id} 的企业"),
    "inspection.no_site": ("no site {site} of company {company}", "企业 {company} 没有编号为 {site} 的场所"),
    "inspection.unknown": ("no inspection {id}", "没有检查记录 #{id}"),
    "inspection.altered": (
        "the stored record of inspection {id} was altered outside the application and cannot be opened; nothing "
        "was changed",
        "检查记录 #{id} 的存储内容在本程序之外被改动过，无法打开；没有修改任何内容",
    ),
    "ledger.day_altered": (
        "the signed daily summary of {day} was altered outside the application and cannot be read; nothing was changed",
        "{day} 签署的每日汇总在本程序之外被改动过，无法读取；没有修改任何内容",
    ),
    "site_log.day_altered": (
        "the signed ventilation and disinfection log of {day} was altered outside the application and cannot be "
        "read; nothing was changed",
        "{day} 签署的通风消毒记录在本程序之外被改动过，无法读取；没有修改任何内容",
    ),
    "inspection.no_item": ("inspection {id} has no item {item}", "检查记录 #{id} 没有检查项 {item}"),
    "evidence.no_register": (
        "no register gives evidence for {item}",
        "没有台账或登记为 {item} 提供依据",
    ),
    "inspection.no_attachment": (
        "inspection {id} has no attachment {attachment}",
        "检查记录 #{id} 没有附件 {attachment}",
    ),
    "inspection.no_action": (
        "inspection {id} has no corrective action {action}",
        "检查记录 #{id} 没有整改措施 {action}",
    ),
    "inspection.room_numbers": (
        "dormitory room {number}: area and occupants must be numbers",
        "第 {number} 间宿舍：面积和人数必须是数字",
    ),
    "inspection.cannot_complete": ("cannot complete yet: {problems}{more}", "还不能完成：{problems}{more}"),
    "inspection.more_problems": (" (and {count} more)", "（另有 {count} 项）"),
    "inspection.reopen_reason": ("say why the completed inspection is reopened", "请说明重新打开已完成检查的理由"),
    "inspection.reopen_not_completed": (
        "only a completed inspection can be reopened (this one is {status})",
        "只有已完成的检查才能重新打开（此检查为{status}）",
    ),
    "inspection.sign_not_completed": (
        "inspection {id} must be completed before it is signed",
        "检查记录 #{id} 须先完成才能签署",
    ),
    "inspection.changed_after_completion": (
        "inspection {id} changed after it was completed; reopen and complete it",
        "检查记录 #{id} 在完成后被改动过；请重新打开并再次完成",
    ),
    "inspection.correction_reason": (
        "say why the signed inspection needs a correction",
        "请说明已签署的检查为何需要更正",
    ),
    "inspection.correction_not_signed": (
        "inspection {id} is not signed; edit it directly",
        "检查记录 #{id} 尚未签署，请直接修改",
    ),
    # corrective actions
    "action.status_unknown": ("status {status!r} is not one of {known}", "状态“{status}”不是以下之一：{known}"),
    "action.verification_note": ("say how the corrective action was verified", "请说明如何验证了整改措施"),
    "action.verified_before_done": (
        "a corrective action is verified after it was done; record it as done first",
        "整改措施须先记录为已整改，才能验证",
    ),
    "action.text_missing": ("describe the corrective action", "请填写整改措施"),
    "action.owner_missing": ("the corrective action needs an owner", "整改措施需要责任人"),
    "action.follow_up_status": (
        "a follow-up says done or verified, not {status!r}",
        "整改跟进只能是“已整改”或“已验证”，不能是“{status}”",
    ),
    "action.draft_follow_up": (
        "inspection {id} is a draft: change its corrective actions directly",
        "检查记录 #{id} 是草稿：请直接修改其整改措施",
    ),
    # reports
    "meaning.inspector": ("inspector", "检查人"),
    "meaning.approver": ("approver", "审核人（单位主要负责人）"),
    "report.record_changed": (
        "inspection {id} changed while the report was made, or no longer matches the record hash stored when it "
        "was {status}; no report was written — export again, and if this repeats check the record "
        "(audit window, or `fugong verify-record {id}`)",
        "检查记录 #{id} 在生成报告时被改动，或与{status}时保存的记录哈希不再一致；没有写出报告。请重新导出；"
        "如仍出现，请在审计窗口核验该记录（或运行 fugong verify-record {id}）",
    ),
    "report.no_signature_places": (
        "the report has no places reserved for digital signatures",
        "报告中没有预留数字签名的位置",
    ),
    "report.no_signature_place": (
        "the report has no place reserved for the {meaning} signature",
        "报告中没有预留{meaning}签名的位置",
    ),
    "report.translation": (
        "Translation of the signed Chinese report {report} (record hash {hash}…); it carries no signature: "
        "verify the Chinese original. Signatures on record: {signatures}.",
        "已签署的中文报告 {report}（记录哈希 {hash}…）的译本；译本不带签名，请核验中文正本。记录上的签名：{signatures}。",
    ),
    "report.translation_signer": ("{name} ({role}) as {meaning}, {at}", "{name}（{role}）作为{meaning}，{at}"),
    "report.cannot_write": (
        "cannot write {where}: {reason}; no report was written — choose another folder, or free some space, "
        "and export again",
        "无法写入 {where}：{reason}；没有写出报告。请换一个文件夹或腾出磁盘空间后重新导出",
    ),
    # signing and verifying
    "sign.meaning_unknown": (
        "meaning must be inspector or approver, not {meaning!r}",
        "签署身份应为检查人或审核人，而不是“{meaning}”",
    ),
    "account.key_for_non_signer": (
        "a {role} signs nothing, so their account takes no signing key: leave the key file out; nothing was changed",
        "{role}不签署任何内容，账户不带签名密钥：请不要选择密钥文件；没有修改任何数据",
    ),
    "account.no_key_for_role": (
        "{name} has no signing key (a {before}'s account gets none), so cannot become a {role}, who signs: add a new "
        "{role} account for this person and disable this one; nothing was changed",
        "{name} 没有签名密钥（{before}账户不生成密钥），不能改为需要签署的{role}：请为此人新建一个{role}账户，"
        "并停用这个账户；没有修改任何数据",
    ),
    "sign.no_key": ("{name} has no signing key; create or import one first", "{name} 没有签名密钥，请先创建或导入"),
    "sign.changed_since_inspector": (
        "inspection {id} changed since the inspector signed it",
        "检查记录 #{id} 在检查人签署后被改动过",
    ),
    "sign.changed_while_signing": (
        "inspection {id} was changed by someone else while it was being signed; nothing was signed — check it "
        "and sign again",
        "检查记录 #{id} 在签署过程中被他人改动；没有签署任何内容，请核对后重新签署",
    ),
    "sign.no_report_files": ("inspection {id} has no signed report files", "检查记录 #{id} 没有已签署的报告文件"),
    # the sign-off's words, for sentences in either language (checklist.workflow.MEANING_ZH, ROLE_ZH)
    "signoff.inspector": ("inspector", "检查人"),
    "signoff.approver": ("manager's approval", "单位主要负责人审核"),
    "role.officer": ("officer", "安全员"),
    "role.manager": ("manager", "单位主要负责人"),
    "role.auditor": ("auditor", "审计员"),
    "word.or": (" or ", "或"),
    "sign.role_may_not": (
        "{name} is {role}: only {roles} may sign as {meaning}; nothing was signed",
        "{name}（{role}）不能以“{meaning}”身份签署，只有{roles}可以；没有签署任何内容",
    ),
    "sign.already": ("inspection {id} already has its {meaning} signature", "检查记录 #{id} 已有“{meaning}”签名"),
    "sign.approver_is_inspector": (
        "{name} signed inspection {id} as inspector and cannot also approve it (the manager's approval must be "
        "someone else's); nothing was signed",
        "{name} 已作为检查人签署检查记录 #{id}，不能再审核（审核须由另一人进行）；没有签署任何内容",
    ),
    "verify.signature_good": (
        "{name}'s signature: intact, chains to the anchor ({coverage})",
        "{name} 的签名：完好，可追溯到信任锚（{coverage}）",
    ),
    "verify.signature_bad": (
        "{name}'s signature: {reason} ({coverage})",
        "{name} 的签名：无效：{reason}（{coverage}）",
    ),
    "verify.order": (
        "signature {index} should be the {expected} signature, but it is {found}",
        "第 {index} 个签名应为“{expected}”签名，实际为“{found}”",
    ),
    "verify.too_many": ("none (too many signatures)", "无（签名过多）"),
    "verify.unnamed": ("unnamed", "未写明"),
    "verify.role_allowed": (
        "{meaning}: {name} holds the role {role}, allowed for this signature",
        "{meaning}：{name} 的角色为{role}，可以作此签署",
    ),
    "verify.role_not_allowed": (
        "{meaning}: {name} holds the role {role}, not allowed for this signature (only {roles})",
        "{meaning}：{name} 的角色为{role}，不可以作此签署（只有{roles}可以）",
    ),
    "verify.approval_missing_file": (
        "approval missing: only the inspector has signed; the manager's approval is not in this file",
        "待审核签署：只有检查人签署，本文件中没有单位主要负责人审核签名",
    ),
    "verify.two_people": (
        "the inspector and the approving manager are two different people",
        "检查人与审核人是两个不同的人",
    ),
    "verify.same_person": (
        "the same person signed as inspector and as approving manager",
        "检查人与审核人是同一个人",
    ),
    "verify.row_missing": (
        "record {id} has no {meaning} signature, but the file has one",
        "记录 #{id} 没有“{meaning}”签名，文件中却有",
    ),
    "verify.row_signer": (
        "the file's {meaning} signature is by the account the record names ({name})",
        "文件中的“{meaning}”签名是记录所写的签名人 {name} 所签",
    ),
    "verify.row_not_signer": (
        "the file's {meaning} signature is not by {name}, whom the record names for it",
        "文件中的“{meaning}”签名不是记录所写的签名人 {name} 所签",
    ),
    "verify.enabled": ("{name} was an enabled {role} when signing", "{name} 签署时是有效的{role}账户"),
    "verify.disabled": (
        "{name}'s account was disabled when the signature was made",
        "{name} 签署时账户已停用",
    ),
    "verify.over_record": (
        "{meaning}: {name}'s signature over record {id} verifies",
        "{meaning} {name} 对记录 #{id} 的签名验证通过",
    ),
    "verify.not_over_record": (
        "{meaning}: {name}'s signature over record {id} does not verify",
        "{meaning} {name} 对记录 #{id} 的签名验证不通过",
    ),
    "verify.approval_missing_record": (
        "approval missing: record {id} has no manager's approval signature yet",
        "待审核签署：记录 #{id} 尚无单位主要负责人审核签名",
    ),
    "verify.record_signature": (
        "{meaning} signature by {name} ({at} UTC) verifies against the trust anchor",
        "{name} 的“{meaning}”签名验证通过（{at} UTC）",
    ),
    "verify.record_signature_bad": (
        "{meaning} signature by {name} ({at} UTC) does not verify: {problems}",
        "{name} 的“{meaning}”签名验证不通过（{at} UTC）：{problems}",
    ),
    "verify.too_large": (
        "{name} is too large to be a report; nothing was verified",
        "{name} 太大，不是报告文件；没有进行验证",
    ),
    "verify.cannot_read": (
        "cannot read {path}: {reason}; nothing was verified",
        "无法读取 {path}：{reason}；没有进行验证",
    ),
    # exchange files (import)
    "exchange.not_object": ("(file): expected a JSON object", "（文件）：应为 JSON 对象"),
    "exchange.at": ("{path}: {reason}", "{path}：{reason}"),
    "exchange.catalog_unknown": ("unknown catalog “{id}”", "未知的检查表“{id}”"),
    "exchange.catalog_twice": ("catalog {id} is listed twice", "检查表 {id} 列出了两次"),
    "exchange.catalog_old": (
        "{id} {version} is an earlier version; only records of the current version can be imported "
        "(this application has {id} {current})",
        "{id} {version} 是较早的版本，只能导入当前版本的记录（本程序为 {id} {current}）",
    ),
    "exchange.catalog_no_version": (
        "{id} {version} is a version that does not exist (this application has {id} {current})",
        "{id} 没有 {version} 这个版本（本程序为 {id} {current}）",
    ),
    "exchange.not_an_item": ("“{item}” is not an item of {catalogs}", "“{item}”不是 {catalogs} 的检查项"),
    "exchange.not_an_item_at_all": ("“{item}” is not an item", "“{item}”不是检查项"),
    "exchange.answered_twice": ("{item} is answered twice", "{item} 回答了两次"),
    "exchange.not_a_measurement": ("not a measurement of {item}", "不是 {item} 的测量项"),
    "exchange.verified_without_note": (
        "a corrective action is verified by a manager with a note saying how; this one has no verification note",
        "整改措施须由负责人验证并说明如何验证；此项没有验证说明",
    ),
    "exchange.note_without_verification": (
        "a verification note or date on an action that is not verified",
        "未验证的整改措施带有验证说明或验证日期",
    ),
    "exchange.cannot_read": (
        "cannot read {path}: {reason}; nothing was imported",
        "无法读取 {path}：{reason}；没有导入任何内容",
    ),
    "exchange.nothing_imported": ("{reason}; nothing was imported", "{reason}；没有导入任何内容"),
}


def check_catalogue() -> list[str]:
    """What is wrong with the catalogue: a code whose two languages fill in different parameters, or a
    Chinese text without any Chinese in it."""
    problems: list[str] = []
    for code, (english, chinese) in CATALOGUE.items():
        if placeholders(english) != placeholders(chinese):
            problems.append(f"{code}: {sorted(placeholders(english))} ≠ {sorted(placeholders(chinese))}")
        if not any(
            "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" for c in chinese
        ):
            problems.append(f"{code}: the Chinese text has no Chinese")
    return problems
