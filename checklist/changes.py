"""An audit-trail entry in words, in the reader's language.

An entry stores what changed as data — the action, the table, and the columns' old and new values (the
code and parameters of what happened) — never as a sentence, so an entry written years ago reads in
whichever language its reader uses today: ``status: draft → completed`` reads 状态：草稿 → 已完成.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from checklist.company import COMPANY_TYPE_ZH
from checklist.messages import FIELD_NAMES_ZH, is_english
from checklist.rules import LOCATION_ZH
from checklist.workflow import ACTION_STATUS_ZH, MEANING_ZH, ROLE_ZH, STATUS_ZH

# Columns an audit entry may hold beyond the form fields (messages.FIELD_NAMES_ZH).
COLUMN_NAMES_ZH: dict[str, str] = {
    **FIELD_NAMES_ZH,
    "active": "启用",
    "area_m2": "面积（m²）",
    "certificate_pem": "证书",
    "certificate_sha256": "证书指纹",
    "completed_at": "完成时间",
    "company_id": "企业",
    "company_snapshot": "企业与场所（完成时所记）",
    "created_at": "创建时间",
    "derived": "规则判定",
    "failed_logins": "登录失败次数",
    "filename": "文件名",
    "final": "最终结果",
    "logo_png": "公司标志",
    "findings": "规则判定明细",
    "media_type": "文件类型",
    "meaning": "签署身份",
    "original_sha256": "原文件哈希",
    "original_size": "原文件大小",
    "password_hash": "密码（哈希）",
    "pkcs12": "签名密钥",
    "position": "顺序",
    "record_hash": "记录哈希",
    "record_signature": "记录签名",
    "role": "角色",
    "sealed_key": "签名密钥",
    "sha256": "哈希",
    "signed_at": "签署时间",
    "signer_name": "签署人",
    "site_id": "场所",
    "stored_sha256": "存储文件哈希",
    "supersedes_id": "更正的记录",
    "thumbnail": "缩略图",
    "updated_at": "修改时间",
    "user_id": "账户",
    "verified_on": "验证日期",
    "passed": "合格项数",
    "failed": "不合格项数",
    "na": "不适用项数",
    "unchecked": "未查项数",
    "open_actions": "未完成整改数",
}
COLUMN_NAMES_EN: dict[str, str] = {
    "area_m2": "area (m²)",
    "company_type": "company type",
    "credit_code": "credit code",
    "override_reason": "override reason",
    "derived": "rule verdict",
    "final": "final result",
    "has_window": "window",
    "bunk_beds": "bunk beds",
    "item_id": "item",
    "logo_png": "company logo",
    "company_snapshot": "company and site (as recorded at completion)",
    "supersedes_id": "corrects record",
    "record_hash": "record hash",
}

_VALUES_ZH: dict[str, dict[str, str]] = {
    "status": {**STATUS_ZH, **ACTION_STATUS_ZH},
    "result": {"pass": "合格", "fail": "不合格", "na": "不适用"},
    "derived": {"pass": "合格", "fail": "不合格", "na": "不适用"},
    "final": {"pass": "合格", "fail": "不合格", "na": "不适用"},
    "location": {str(k): v for k, v in LOCATION_ZH.items()},
    "role": dict(ROLE_ZH),
    "meaning": dict(MEANING_ZH),
    "company_type": {str(k): v for k, v in COMPANY_TYPE_ZH.items()},
}
_VALUES_EN: dict[str, dict[str, str]] = {
    "result": {"na": "not applicable"},
    "derived": {"na": "not applicable"},
    "final": {"na": "not applicable"},
    "location": {"above_ground": "above ground", "semi_basement": "semi-basement"},
    "meaning": {"approver": "approver (manager)"},
}


def column_words(key: str, language: str) -> str:
    """A column's name for a reader: 状态 / status, 面积（m²） / area (m²)."""
    if is_english(language):
        return COLUMN_NAMES_EN.get(key, key.replace("_", " "))
    return COLUMN_NAMES_ZH.get(key, key)


def value_words(key: str, value: Any, language: str, short: Callable[[Any], str]) -> str:
    """A stored value for a reader: a status, result, place or role in words, yes/no, else ``short(value)``."""
    if isinstance(value, bool):
        if is_english(language):
            return "yes" if value else "no"
        return "是" if value else "否"
    if key == "company_snapshot" and isinstance(value, dict):  # the company and site kept at completion
        company = value.get("company")
        name = company.get("name") if isinstance(company, dict) else company
        return " / ".join(str(part) for part in (name, value.get("site")) if part)
    if isinstance(value, str):
        table = _VALUES_EN if is_english(language) else _VALUES_ZH
        words = table.get(key, {}).get(value)
        if words is not None:
            return words
    return short(value)


ALTERED_EN = "(altered outside the application: the values cannot be read)"
ALTERED_ZH = "（在本程序之外被改动过：无法读取修改的值）"
SKIPPED = frozenset({"id", "inspection_id", "version", "updated_at", "created_at"})


def describe_change(
    action: str,
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    language: str,
    short: Callable[[Any], str] = str,
) -> str:
    """``状态：草稿 → 已完成；…`` for an update, ``名称＝A101；…`` for an insert, delete or event."""
    english = is_english(language)
    if any(values is not None and not isinstance(values, Mapping) for values in (old, new)):
        # every entry keeps objects: anything else was written outside the application (the chain check names it)
        return ALTERED_EN if english else ALTERED_ZH
    separator, colon, equals = ("; ", ": ", "=") if english else ("；", "：", "＝")
    parts: list[str] = []
    if action == "update":
        before = old or {}
        for key, value in (new or {}).items():
            was = value_words(key, before.get(key), language, short) if before.get(key) is not None else short(None)
            parts.append(f"{column_words(key, language)}{colon}{was} → {value_words(key, value, language, short)}")
    else:
        values = old if action == "delete" else new
        for key, value in (values or {}).items():
            if key not in SKIPPED and value not in (None, "", [], {}):
                parts.append(f"{column_words(key, language)}{equals}{value_words(key, value, language, short)}")
    return separator.join(parts)
