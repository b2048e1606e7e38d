"""An audit entry of completion names the company and site it kept (schema 0015's company_snapshot) in words,
not as the column's English name and a JSON fragment (seen in the audit window in usab5's pass)."""

from __future__ import annotations

from checklist.changes import describe_change
from tests.language_words import latin_words

SNAPSHOT = {
    "company": {
        "name": "北京示例制造有限公司",
        "credit_code": "91110000600037341L",
        "address": "北京市大兴区示例路1号",
        "district": "大兴区",
        "type": "industrial",
        "headcount": 120,
    },
    "site": "一号厂区",
}


def _short(value: object) -> str:
    return "—" if value is None else str(value)


def test_the_kept_company_is_said_in_the_readers_language() -> None:
    old, new = {"company_snapshot": None}, {"company_snapshot": SNAPSHOT}
    chinese = describe_change("update", old, new, "zh", _short)
    assert chinese == "企业与场所（完成时所记）：— → 北京示例制造有限公司 / 一号厂区", chinese
    assert latin_words(chinese) == []
    english = describe_change("update", old, new, "en", _short)
    assert english == "company and site (as recorded at completion): — → 北京示例制造有限公司 / 一号厂区", english
