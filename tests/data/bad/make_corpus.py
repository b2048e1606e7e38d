"""Write the bad-input corpus: every file beside this script, and ``manifest.json`` naming, for each, the
command it is fed to and the words its refusal must contain.

Run ``python tests/data/bad/make_corpus.py`` from the repository root after changing a case; the files are
committed so that a reviewer can open any of them. Kinds: ``import`` (exchange JSON), ``catalog`` (TOML),
``verify`` (report files and trust files), ``restore`` (database files), ``photo`` (attachments).
"""

from __future__ import annotations

import copy
import io
import json
import random
import re
import sqlite3
import struct
import sys
import zipfile
import zlib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))

from tests.samples import MINIMAL_EXCHANGE  # noqa: E402

CREDIT_CODE = MINIMAL_EXCHANGE["company"]["credit_code"]
BASE: dict[str, Any] = MINIMAL_EXCHANGE
MISSING = object()
cases: list[dict[str, Any]] = []


def _set(document: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    node: Any = changed
    steps = [int(s) if s.isdigit() else s for s in path.split(".")]
    for step in steps[:-1]:
        node = node[step]
    if value is MISSING:
        del node[steps[-1]]
    else:
        node[steps[-1]] = value
    return changed


def add(kind: str, name: str, data: bytes, expect: str, **extra: Any) -> None:
    folder = HERE / kind
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(data)
    cases.append({"kind": kind, "file": f"{kind}/{name}", "expect": expect, **extra})


def add_recipe(kind: str, name: str, head: str, times: int, middle: str, tail: str, expect: str) -> None:
    """A large input kept as a recipe (``head * times + middle + tail * times``), built by the test."""
    cases.append(
        {
            "kind": kind,
            "file": f"{kind}/{name}",
            "expect": expect,
            "recipe": {"head": head, "times": times, "middle": middle, "tail": tail},
        }
    )


def add_json(name: str, path: str, value: Any, expect: str) -> None:
    text = json.dumps(_set(BASE, path, value), ensure_ascii=False, allow_nan=True)
    add("import", f"{name}.json", text.encode("utf-8"), expect)


def add_raw(name: str, text: str | bytes, expect: str) -> None:
    add("import", f"{name}.json", text if isinstance(text, bytes) else text.encode("utf-8"), expect)


def base_text() -> str:
    return json.dumps(BASE, ensure_ascii=False)


def exchange_cases() -> None:
    # --- the file as a whole
    add_raw("empty", "", "not valid JSON")
    add_raw("whitespace", "   \n\t ", "not valid JSON")
    add_raw("array", "[]", "expected a JSON object")
    add_raw("null", "null", "expected a JSON object")
    add_raw("number", "42", "expected a JSON object")
    add_raw("string", '"fugong"', "expected a JSON object")
    add_raw("truncated", base_text()[:200], "not valid JSON")
    add_raw("trailing-garbage", base_text() + "}", "not valid JSON")
    add_raw("two-documents", base_text() + base_text(), "not valid JSON")
    add_raw("single-quotes", base_text().replace('"', "'"), "not valid JSON")
    add_raw("trailing-comma", base_text()[:-1] + ",}", "not valid JSON")
    add_raw("comment", "// exported\n" + base_text(), "not valid JSON")
    add_raw("latin1", base_text().encode("gb18030"), "not UTF-8")
    add_raw("utf16", base_text().encode("utf-16"), "not UTF-8")
    add_raw("binary", bytes(random.Random(7).randrange(256) for _ in range(4096)), "not UTF-8")
    add_raw("nul-bytes", b"\x00" * 512, "not valid JSON")
    add_recipe("import", "nested-arrays-100000.json", "[", 100_000, "", "]", "nested too deeply")
    add_recipe("import", "nested-objects-100000.json", '{"a":', 100_000, "1", "}", "nested too deeply")
    nested = base_text().replace(
        '"measurements": {"checks_per_day": 2}', '"measurements": ' + "[" * 3_000 + "]" * 3_000
    )
    add_raw("nested-in-measurements", nested, "nested too deeply")
    # --- duplicate keys: which one is meant is unclear
    add_raw("dup-format", '{"format": "fugong.inspection/1", "format": "fugong.inspection/1"}', "appears twice")
    add_raw(
        "dup-company-name",
        base_text().replace('"name": "北京示例制造有限公司"', '"name": "甲公司", "name": "乙公司"'),
        "appears twice",
    )
    add_raw(
        "dup-date",
        base_text().replace('"date": "2026-11-20"', '"date": "2026-11-20", "date": "2026-11-21"'),
        "appears twice",
    )
    add_raw(
        "dup-result", base_text().replace('"result": "fail"', '"result": "fail", "result": "pass"'), "appears twice"
    )
    add_raw("dup-area", base_text().replace('"area_m2": 18', '"area_m2": 18, "area_m2": 40'), "appears twice")
    # --- numbers JSON readers do not agree on
    for name, literal in (("nan", "NaN"), ("infinity", "Infinity"), ("minus-infinity", "-Infinity")):
        add_raw(
            f"headcount-{name}",
            base_text().replace('"headcount": 80', f'"headcount": {literal}'),
            "not a number JSON allows",
        )
        add_raw(
            f"area-{name}", base_text().replace('"area_m2": 18', f'"area_m2": {literal}'), "not a number JSON allows"
        )
    add_raw("area-1e400", base_text().replace('"area_m2": 18', '"area_m2": 1e400'), "out of range")
    for name, number in (
        ("2p63", 2**63),
        ("2p64", 2**64),
        ("1e30", 10**30),
        ("minus-2p70", -(2**70)),
        ("2p53plus1", 2**53 + 1),
    ):
        add_raw(f"headcount-{name}", base_text().replace('"headcount": 80', f'"headcount": {number}'), "too large")
        add_raw(f"occupants-{name}", base_text().replace('"occupants": 6', f'"occupants": {number}'), "too large")
    add_raw("headcount-5000-digits", base_text().replace('"headcount": 80', '"headcount": ' + "9" * 5000), "too large")
    add_raw(
        "measurement-5000-digits",
        base_text().replace('"checks_per_day": 2', '"checks_per_day": ' + "7" * 5000),
        "too large",
    )
    add_raw("measurement-2p64", base_text().replace('"checks_per_day": 2', f'"checks_per_day": {2**64}'), "too large")
    add_raw("area-4000-digit-fraction", base_text().replace('"area_m2": 18', '"area_m2": 18.' + "1" * 4000), "")
    cases[-1]["expect"] = None  # a long fraction is a valid number: this one must import (see "valid")
    cases[-1]["valid"] = True
    # --- format
    add_json("format-missing", "format", MISSING, "format")
    add_json("format-2", "format", "fugong.inspection/2", "format")
    add_json("format-number", "format", 1, "format")
    add_json("format-null", "format", None, "format")
    # --- company
    add_json("company-missing", "company", MISSING, "company")
    add_json("company-null", "company", None, "company")
    add_json("company-list", "company", [], "company")
    add_json("company-extra-field", "company.ceo", "王总", "company.ceo")
    for name, value, expect in (
        ("blank", "", "company.name: company name is blank"),
        ("spaces", "   ", "company name is blank"),
        ("fullwidth-space", "\u3000", "company name is blank"),
        ("bel", "示例\x07公司", "U+0007"),
        ("nul", "示例\x00公司", "U+0000"),
        ("esc", "\x1b[31m示例公司", "U+001B"),
        ("newline", "示例\n公司", "U+000A"),
        ("tab", "示例\t公司", "U+0009"),
        ("line-separator", "示例\u2028公司", "U+2028"),
        ("del", "示例\x7f公司", "U+007F"),
        ("c1-control", "示例\x85公司", "U+0085"),
        ("201-chars", "公" * 201, "at most 200"),
        ("2000-chars", "公" * 2_000, "at most 200"),
        ("number", 12345, "must be text"),
        ("null", None, "must be text"),
        ("list", ["示例"], "must be text"),
    ):
        add_json(f"company-name-{name}", "company.name", value, expect)
    for name, value, expect in (
        ("check-char", CREDIT_CODE[:-1] + "X", "credit_code"),
        ("empty", "", "credit_code"),
        ("short", "9111000060003734", "credit_code"),
        ("number", 911100006000373, "must be text"),
        ("control", CREDIT_CODE[:-1] + "\x07", "U+0007"),
    ):
        add_json(f"credit-code-{name}", "company.credit_code", value, expect)
    add_json("address-bel", "company.address", "北京\x07大兴", "U+0007")
    add_json("address-501-chars", "company.address", "路" * 501, "at most 500")
    add_json("district-nul", "company.district", "大兴\x00区", "U+0000")
    add_json("district-number", "company.district", 5, "must be text")
    for name, value, expect in (
        ("unknown", "alien", "company.type"),
        ("number", 1, "company.type"),
        ("null", None, "company.type"),
        ("uppercase", "INDUSTRIAL", "company.type"),
    ):
        add_json(f"company-type-{name}", "company.type", value, expect)
    for name, value, expect in (
        ("true", True, "company.headcount"),
        ("false", False, "company.headcount"),
        ("string", "80", "company.headcount"),
        ("negative", -1, "company.headcount"),
        ("fraction", 1.5, "company.headcount"),
        ("over-limit", 10_000_001, "company.headcount"),
        ("null", None, "company.headcount"),
        ("list", [80], "company.headcount"),
    ):
        add_json(f"headcount-{name}", "company.headcount", value, expect)
    # --- inspection
    add_json("inspection-missing", "inspection", MISSING, "inspection")
    add_json("inspection-null", "inspection", None, "inspection")
    add_json("inspection-extra-field", "inspection.weather", "晴", "inspection.weather")
    for name, value, expect in (
        ("zero", 0, "written YYYY-MM-DD"),
        ("epoch-seconds", 1_763_596_800, "written YYYY-MM-DD"),
        ("int-yyyymmdd", 20261120, "written YYYY-MM-DD"),
        ("true", True, "written YYYY-MM-DD"),
        ("null", None, "written YYYY-MM-DD"),
        ("empty", "", "written YYYY-MM-DD"),
        ("slashes", "2026/11/20", "written YYYY-MM-DD"),
        ("compact", "20261120", "written YYYY-MM-DD"),
        ("with-time", "2026-11-20T10:00:00", "written YYYY-MM-DD"),
        ("feb-30", "2026-02-30", "written YYYY-MM-DD"),
        ("month-13", "2026-13-01", "written YYYY-MM-DD"),
        ("year-1900", "1900-01-01", "outside the plausible range"),
        ("year-1970", "1970-01-01", "outside the plausible range"),
        ("before-the-rules", "2019-11-30", "outside the plausible range"),
        ("year-2099", "2099-01-01", "outside the plausible range"),
        ("year-9999", "9999-12-31", "outside the plausible range"),
        ("chinese", "2026年11月20日", "written YYYY-MM-DD"),
        ("words", "yesterday", "written YYYY-MM-DD"),
    ):
        add_json(f"date-{name}", "inspection.date", value, expect)
    for name, value, expect in (
        ("blank", "", "inspector is blank"),
        ("spaces", "  ", "inspector is blank"),
        ("tab-only", "\t", "U+0009"),
        ("nul", "张\x00三", "U+0000"),
        ("esc", "张三\x1b[2J", "U+001B"),
        ("newline", "张三\n李四", "U+000A"),
        ("201-chars", "张" * 201, "at most 200"),
        ("10000-chars", "张" * 10_000, "at most 200"),
        ("number", 3, "must be text"),
        ("null", None, "must be text"),
        ("missing", MISSING, "inspection.inspector"),
    ):
        add_json(f"inspector-{name}", "inspection.inspector", value, expect)
    add_json("site-bel", "inspection.site", "宿舍\x07楼", "U+0007")
    add_json("site-201-chars", "inspection.site", "楼" * 201, "at most 200")
    add_json("site-spaces", "inspection.site", "   ", "site is blank")
    add_json("site-number", "inspection.site", 5, "must be text")
    for name, value, expect in (
        ("empty", [], "inspection.catalogs"),
        ("missing", MISSING, "inspection.catalogs"),
        ("string", "GN", "inspection.catalogs"),
        ("unknown", ["XX"], "unknown catalog"),
        ("lowercase", ["gn"], "unknown catalog"),
        ("twice", ["GN", "GN"], "listed twice"),
        ("number", [1], "inspection.catalogs"),
        ("version-missing", [{"id": "GN"}], "version"),
        ("version-number", [{"id": "GN", "version": 1}], "must be text"),
        ("version-does-not-exist", [{"id": "GN", "version": "9.9.9"}], "does not exist"),
        ("version-1.0", [{"id": "GN", "version": "1.0"}], "does not exist"),
        ("version-control", [{"id": "GN", "version": "1.0.0\x07"}], "U+0007"),
        ("ref-extra-field", [{"id": "GN", "version": "1.0.0", "x": 1}], "x"),
        ("21-catalogs", ["GN"] * 21, "inspection.catalogs"),
    ):
        add_json(f"catalogs-{name}", "inspection.catalogs", value, expect)
    responses = "inspection.responses"
    add_json("responses-object", responses, {"item": "GN-01"}, "inspection.responses")
    add_json("responses-null", responses, None, "inspection.responses")
    add_json("response-unknown-item", f"{responses}.0.item", "GN-99", "is not an item of")
    add_json("response-item-of-other-catalog", f"{responses}.0.item", "BJTG-01", "is not an item of")
    add_json("response-item-number", f"{responses}.0.item", 1, "must be text")
    add_json("response-twice", f"{responses}.1.item", "GN-01", "answered twice")
    add_json("response-result-maybe", f"{responses}.1.result", "maybe", "result")
    add_json("response-result-true", f"{responses}.1.result", True, "result")
    add_json("response-result-chinese", f"{responses}.1.result", "不合格", "result")
    add_json("response-note-bel", f"{responses}.0.note", "响铃\x07", "U+0007")
    add_json("response-note-esc", f"{responses}.0.note", "\x1b]0;pwned\x07", "U+001B")
    add_json("response-note-nul", f"{responses}.0.note", "a\x00b", "U+0000")
    add_json("response-note-backspace", f"{responses}.0.note", "ok\x08\x08no", "U+0008")
    add_json("response-note-5001-chars", f"{responses}.0.note", "备" * 5001, "at most 5,000")
    add_json("response-note-number", f"{responses}.0.note", 5, "must be text")
    add_json("response-reason-esc", f"{responses}.1.override_reason", "原因\x1b", "U+001B")
    add_json("response-measurements-list", f"{responses}.0.measurements", [2], "measurements")
    add_json("response-measurement-unknown", f"{responses}.0.measurements", {"speed": 2}, "not a measurement of")
    add_json("response-measurement-bool", f"{responses}.0.measurements", {"checks_per_day": True}, "checks_per_day")
    add_json("response-measurement-text", f"{responses}.0.measurements", {"checks_per_day": "twice"}, "checks_per_day")
    add_json("response-extra-field", f"{responses}.0.photo", "a.jpg", "photo")
    rooms = "inspection.dormitory_rooms.0"
    for name, key, value, expect in (
        ("name-blank", "name", "", "room name is blank"),
        ("name-bel", "name", "A\x07101", "U+0007"),
        ("name-newline", "name", "A\n101", "U+000A"),
        ("name-201-chars", "name", "A" * 201, "at most 200"),
        ("name-number", "name", 101, "must be text"),
        ("area-zero", "area_m2", 0, "area_m2"),
        ("area-negative", "area_m2", -18, "area_m2"),
        ("area-decimal-comma", "area_m2", "37,5", "area_m2"),
        ("area-true", "area_m2", True, "area_m2"),
        ("area-null", "area_m2", None, "area_m2"),
        ("area-over-limit", "area_m2", 1_000_000, "area_m2"),
        ("occupants-zero", "occupants", 0, "occupants"),
        ("occupants-fraction", "occupants", 1.5, "occupants"),
        ("occupants-true", "occupants", True, "occupants"),
        ("occupants-fraction-string", "occupants", "6.5", "occupants"),
        ("occupants-over-limit", "occupants", 10_001, "occupants"),
        ("location-moon", "location", "moon", "location"),
        ("location-number", "location", 1, "location"),
        ("window-yes", "has_window", "yes", "has_window"),
        ("window-one", "has_window", 1, "has_window"),
        ("bunks-no", "bunk_beds", "no", "bunk_beds"),
        ("bunks-zero", "bunk_beds", 0, "bunk_beds"),
        ("extra-field", "floor", 3, "floor"),
    ):
        add_json(f"room-{name}", f"{rooms}.{key}", value, expect)
    add_json("rooms-object", "inspection.dormitory_rooms", {"name": "A101"}, "dormitory_rooms")
    actions = "inspection.corrective_actions.0"
    for name, key, value, expect in (
        ("unknown-item", "item", "GN-99", "is not an item"),
        ("action-blank", "action", "", "action"),
        ("action-spaces", "action", "   ", "action is blank"),
        ("action-esc", "action", "整改\x1b", "U+001B"),
        ("action-5001-chars", "action", "改" * 5001, "at most 5,000"),
        ("owner-blank", "owner", "", "owner is blank"),
        ("owner-bel", "owner", "李\x07四", "U+0007"),
        ("owner-missing", "owner", MISSING, "owner"),
        ("due-zero", "due", 0, "written YYYY-MM-DD"),
        ("due-words", "due", "next week", "written YYYY-MM-DD"),
        ("due-2099", "due", "2099-01-01", "outside the plausible range"),
        ("due-1999", "due", "1999-01-01", "outside the plausible range"),
        ("status-closed", "status", "closed", "status"),
        ("status-verified-without-note", "status", "verified", "no verification note"),
        ("status-true", "status", True, "status"),
        ("note-on-open-action", "verification_note", "已核实", "not verified"),
        ("verified-on-future", "verified_on", "2099-01-01", "outside the plausible range"),
        ("verified-on-open-action", "verified_on", "2026-11-21", "not verified"),
        ("extra-field", "cost", 100, "cost"),
    ):
        add_json(f"action-{name}", f"{actions}.{key}", value, expect)
    # --- against what is stored: the corpus database holds this credit code as 北京示例制造有限公司, industrial
    add_json("company-other-name-same-code", "company.name", "北京另一家有限公司", "belongs to")
    add_json("company-other-type-same-code", "company.type", "restaurant", "belongs to")
    verified = _set(
        BASE,
        "inspection.corrective_actions.0",
        {
            "item": "GN-02",
            "action": "设立报告电话",
            "owner": "李四",
            "due": "2026-11-25",
            "status": "verified",
            "verification_note": "电话已接通",
            "verified_on": "2026-11-21",
        },
    )
    add_raw("action-verified-by-an-officer", json.dumps(verified, ensure_ascii=False), "not allowed")


def catalog_cases() -> None:
    shipped = (REPO / "resources" / "catalogs" / "gn.toml").read_text(encoding="utf-8")

    def add_toml(name: str, text: str | bytes, expect: str) -> None:
        add("catalog", f"{name}.toml", text if isinstance(text, bytes) else text.encode("utf-8"), expect)

    def first(pattern: str, replacement: str) -> str:
        """The shipped catalog with the first line matching ``pattern`` replaced (whatever its version and
        date are now): a case that changed nothing would be a valid catalog, so that stops the script."""
        changed, count = re.subn(pattern, replacement, shipped, count=1, flags=re.MULTILINE)
        if count != 1:
            sys.exit(f"catalog case: no line of gn.toml matches {pattern!r}")
        return changed

    version, date = r'^version = "[^"\n]*"$', r"^date = \d{4}-\d{2}-\d{2}$"

    add_toml("empty", "", "Field required")
    add_toml("garbage", "this is not toml ][", "not valid TOML")
    add_toml("binary", bytes(random.Random(3).randrange(256) for _ in range(2048)), "")
    cases[-1]["expect"] = None
    add_toml("json-instead", json.dumps({"id": "GN"}), "not valid TOML")
    add_toml("truncated", shipped[: len(shipped) // 2], "")
    cases[-1]["expect"] = None  # cut anywhere: refused, whatever the reason
    add_toml(
        "int-5000-digits",
        shipped.replace('schema = "fugong.catalog/1"', 'schema = "fugong.catalog/1"\nx = ' + "9" * 5000),
        "",
    )
    cases[-1]["expect"] = None
    add_toml(
        "int-2p64",
        shipped.replace('schema = "fugong.catalog/1"', f'schema = "fugong.catalog/1"\nx = {2**64}'),
        "too large",
    )
    add_toml("int-2p63-in-item", shipped.replace("[[items]]", f"[[items]]\nweight = {2**63}", 1), "too large")
    add_recipe("catalog", "nested-arrays-100000.toml", "[", 100_000, "", "]", "nested too deeply")
    cases[-1]["prefix"] = "x = "
    add_recipe("catalog", "nested-tables-100000.toml", "{a = ", 100_000, "1", "}", "nested too deeply")
    cases[-1]["recipe"]["head"] = "{a = "
    cases[-1]["prefix"] = "x = "
    add_toml("nested-arrays-1000", "x = " + "[" * 1000 + "]" * 1000, "")
    cases[-1]["expect"] = None
    add_toml("duplicate-key", shipped.replace('id = "GN"', 'id = "GN"\nid = "GN2"', 1), "not valid TOML")
    add_toml("inf-version", first(version, "version = inf"), "version")
    add_toml("nan-date", first(date, "date = nan"), "date")
    add_toml("version-words", first(version, 'version = "one"'), "version")
    add_toml("schema-2", shipped.replace("fugong.catalog/1", "fugong.catalog/2", 1), "schema")
    add_toml("id-missing", shipped.replace('id = "GN"\n', "", 1), "id")
    add_toml("date-1900", first(date, "date = 1900-01-01"), "")
    cases[-1]["expect"] = None
    add_toml("no-items", shipped.split("[[items]]")[0], "items")
    add_recipe("catalog", "title-3m-chars.toml", "长", 3_000_000, "", "", "too large")
    cases[-1]["prefix"] = 'title_zh = "'
    cases[-1]["suffix"] = '"\n'
    add_recipe("import", "name-20m-chars.json", "名", 20_000_001, "", "", "at most 20,000,000")
    cases[-1]["prefix"] = '{"format": "fugong.inspection/1", "company": {"name": "'
    cases[-1]["suffix"] = '"}}'
    add_recipe("import", "nested-arrays-500.json", "[", 500, "", "]", "expected a JSON object")
    add_toml("utf16", shipped.encode("utf-16"), "cannot read")
    add_toml("nul-bytes", b"\x00" * 100, "")
    cases[-1]["expect"] = None
    add_toml("control-char-in-title", shipped.replace("企事业单位复工复产疫情防控措施指南", "企事业\x07单位", 1), "")
    cases[-1]["expect"] = None
    add_toml("item-twice", shipped + "\n" + "[[items]]" + shipped.split("[[items]]")[1], "")
    cases[-1]["expect"] = None
    add_toml("section-missing", shipped.replace('[[sections]]\nid = "1"', '[[sections]]\nid = "99"', 1), "")
    cases[-1]["expect"] = None
    add_toml("severity-unknown", shipped.replace('severity = "', 'severity = "x', 1), "severity")
    add_toml("rule-unknown", shipped.replace('rules = ["', 'rules = ["no.such.rule", "', 1), "")
    cases[-1]["expect"] = None
    add_toml("document-missing", shipped.replace("[document]", "[documentx]", 1), "document")
    add_toml("date-string", first(date, 'date = "yesterday"'), "date")
    add_toml("array-for-id", shipped.replace('id = "GN"', 'id = ["GN"]', 1), "id")
    add_toml("huge-float", shipped.replace('schema = "fugong.catalog/1"', 'schema = "fugong.catalog/1"\nx = 1e400'), "")
    cases[-1]["expect"] = None
    for index in range(12):  # a byte flipped somewhere in a shipped catalog: refused or still a valid catalog
        rng = random.Random(100 + index)
        data = bytearray(shipped.encode("utf-8"))
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        add("catalog", f"flipped-{index:02d}.toml", bytes(data), "")
        cases[-1]["expect"] = None
        cases[-1]["may_be_valid"] = True


def verify_cases() -> None:
    base = HERE / "verify" / "base"
    if not (base / "report.pdf").exists():
        sys.exit("tests/data/bad/verify/base/ needs report.pdf, report.xlsx, report.xlsx.p7s and trust.pem")
    pdf = (base / "report.pdf").read_bytes()
    xlsx = (base / "report.xlsx").read_bytes()
    p7s = (base / "report.xlsx.p7s").read_bytes()
    rng = random.Random(11)
    add("verify", "empty.pdf", b"", "is not a PDF")
    add("verify", "header-only.pdf", b"%PDF-1.7\n", "is damaged or is not a 复工自查 report")
    add("verify", "header-garbage.pdf", b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(3000)), "is damaged")
    add("verify", "text.pdf", "这不是 PDF".encode(), "is not a PDF")
    add("verify", "text.docx", "这不是报告".encode(), "(the detached signature) is missing", exit=2)
    for size in (100, 1000, 10_000, len(pdf) // 2, len(pdf) - 10):
        add("verify", f"truncated-{size}.pdf", pdf[:size], "is damaged or is not a 复工自查 report")
    add("verify", "eof-removed.pdf", pdf.replace(b"%%EOF", b"%%EOX"), "")
    cases[-1]["expect"] = None
    from reportlab.pdfgen import canvas  # an honest PDF with no signature and no record

    out = io.BytesIO()
    page = canvas.Canvas(out, invariant=1)  # the same bytes on every run
    page.drawString(100, 700, "not a report")
    page.save()
    add("verify", "unsigned.pdf", out.getvalue(), "0 signature(s)", exit=2)

    def pair(name: str, book: bytes, signature: bytes | None, expect: str, code: int = 1) -> None:
        add("verify", f"{name}.xlsx", book, expect, exit=code)
        if signature is not None:
            (HERE / "verify" / f"{name}.xlsx.p7s").write_bytes(signature)

    pair("not-zip", b"not a zip file", p7s, "is damaged or is not a 复工自查 report")
    pair("truncated-book", xlsx[: len(xlsx) // 2], p7s, "is damaged or is not a 复工自查 report")
    pair("empty-book", b"", p7s, "is damaged or is not a 复工自查 report")
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr(zipfile.ZipInfo("hello.txt", date_time=(2026, 11, 20, 0, 0, 0)), "not a workbook")
    pair("zip-not-workbook", zipped.getvalue(), p7s, "is damaged or is not a 复工自查 report")
    pair("no-signature-file", xlsx, None, "(the detached signature) is missing", 2)
    pair("truncated-signature", xlsx, p7s[:1000], "not a CMS signature file", 2)
    pair("empty-signature", xlsx, b"", "not a CMS signature file", 2)
    pair("garbage-signature", xlsx, bytes(rng.randrange(256) for _ in range(4000)), "", 2)
    cases[-1]["expect"] = None
    cases[-1]["exit"] = None
    pair("pdf-as-signature", xlsx, pdf[:5000], "", 2)
    cases[-1]["expect"] = None
    cases[-1]["exit"] = None
    pair("pem-as-signature", xlsx, (base / "trust.pem").read_bytes(), "", 2)
    cases[-1]["expect"] = None
    cases[-1]["exit"] = None
    for name, data, expect in (
        ("trust-empty.pem", b"", "holds no certificate"),
        ("trust-garbage.pem", b"garbage\n", "holds no certificate"),
        ("trust-binary.pem", b"\xff\xfe\x00\x01" * 50, "not a PEM file"),
        ("trust-fake-block.pem", b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "is damaged"),
        ("trust-truncated.pem", (base / "trust.pem").read_bytes()[:500], "is damaged"),
        ("trust-half-second.pem", (base / "trust.pem").read_bytes()[:-300], "is damaged"),
    ):
        add("verify", name, data, expect, trust=True)


def restore_cases() -> None:
    def database(name: str, statements: list[str], expect: str) -> None:
        path = HERE / "restore" / name
        path.parent.mkdir(exist_ok=True)
        path.unlink(missing_ok=True)
        connection = sqlite3.connect(path)
        for statement in statements:
            connection.execute(statement)
        connection.commit()
        connection.close()
        cases.append({"kind": "restore", "file": f"restore/{name}", "expect": expect})

    add("restore", "text.sqlite3", "这不是数据库".encode(), "not an SQLite database")
    add("restore", "empty.sqlite3", b"", "not an SQLite database")
    add("restore", "header-only.sqlite3", b"SQLite format 3\x00", "")
    cases[-1]["expect"] = None
    add(
        "restore",
        "header-garbage.sqlite3",
        b"SQLite format 3\x00" + bytes(random.Random(5).randrange(256) for _ in range(8192)),
        "",
    )
    cases[-1]["expect"] = None
    add("restore", "pdf.sqlite3", b"%PDF-1.7\n", "not an SQLite database")
    database(
        "recipes.sqlite3",
        ["CREATE TABLE recipes (id INTEGER, name TEXT)", "INSERT INTO recipes VALUES (1, '饺子')"],
        "not a 复工自查 database",
    )
    database("empty-database.sqlite3", ["CREATE TABLE t (x)", "DROP TABLE t"], "not a 复工自查 database")
    look_alike = [
        "CREATE TABLE alembic_version (version_num TEXT)",
        "CREATE TABLE inspections (id INTEGER, status TEXT)",
        "CREATE TABLE audit_log (seq INTEGER)",
    ]
    database("look-alike.sqlite3", [*look_alike, "INSERT INTO alembic_version VALUES ('0005')"], "incomplete")
    database("look-alike-future.sqlite3", [*look_alike, "INSERT INTO alembic_version VALUES ('9999')"], "incomplete")
    database(
        "only-alembic.sqlite3",
        ["CREATE TABLE alembic_version (version_num TEXT)", "INSERT INTO alembic_version VALUES ('0005')"],
        "not a 复工自查 database",
    )
    # Variants of a real, good backup made by the test (derived: "sql" is applied to a copy of it).
    for name, statements, expect in (
        ("future-schema", ["UPDATE alembic_version SET version_num = '9999'"], "schema revision 9999"),
        ("old-schema", ["UPDATE alembic_version SET version_num = '0004'"], "schema revision 0004"),
        ("no-schema-version", ["DELETE FROM alembic_version"], "schema revision none"),
        ("two-schema-versions", ["INSERT INTO alembic_version VALUES ('0004')"], "schema revision"),
        ("users-dropped", ["DROP TABLE users"], "tables users are missing"),
        ("rooms-dropped", ["DROP TABLE dormitory_rooms"], "are missing"),
        ("record-altered", ["UPDATE item_responses SET note = '改过' WHERE item_id = 'GN-01'"], "was changed after"),
        ("room-altered", ["UPDATE dormitory_rooms SET occupants = 4"], "was changed after"),
        ("hash-altered", ["UPDATE inspections SET record_hash = 'x'"], "was changed after"),
        (
            "audit-entry-altered",
            ["UPDATE audit_log SET actor = 'mallory' WHERE seq = 2"],
            "audit trail of the backup is broken",
        ),
        ("audit-entry-deleted", ["DELETE FROM audit_log WHERE seq = 3"], "audit trail of the backup is broken"),
        ("audit-emptied", ["DELETE FROM audit_log"], ""),
        ("date-garbage", ["UPDATE inspections SET date = 'not a date'"], "cannot be read"),
        (
            "measurements-garbage",
            ["UPDATE item_responses SET measurements = '{bad' WHERE item_id = 'GN-01'"],
            "cannot be read",
        ),
    ):
        cases.append({"kind": "restore", "derive": name, "sql": statements, "expect": expect or None})


def photo_cases() -> None:
    def png(width: int, height: int) -> bytes:
        def chunk(kind: bytes, body: bytes) -> bytes:
            return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

        header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\0" * (width + 1)))
            + chunk(b"IEND", b"")
        )

    from PIL import Image

    real = io.BytesIO()
    Image.new("RGB", (64, 48), (0, 90, 0)).save(real, "JPEG")
    jpeg = real.getvalue()
    for name, data, expect in (
        ("text.jpg", "这是文字，不是照片\n".encode() * 20, "not an image"),
        ("html.png", b"<html><body>hi</body></html>", "not an image"),
        ("svg.png", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "not an image"),
        ("empty.jpg", b"", "empty"),
        ("jpeg-magic-only.jpg", b"\xff\xd8\xff", "not an image"),
        ("png-magic-only.png", b"\x89PNG\r\n\x1a\n", "not an image"),
        ("truncated-header.jpg", jpeg[:20], "not an image"),
        ("bomb-2.5-gigapixels.png", png(50_000, 50_000), "decompression bomb"),
        ("bomb-70-megapixels.png", png(10_000, 7_000), "megapixels"),
        ("wide-1x100000000.png", png(100_000_000, 1), "decompression bomb"),
        ("pdf-named-jpg.jpg", b"%PDF-1.4\n", "is a PDF"),
        ("text-named-pdf.pdf", b"just text", "not a PDF"),
        ("zip-named-jpeg.jpeg", b"PK\x03\x04" + b"\0" * 30, "not an image"),
        ("random.webp", bytes(random.Random(9).randrange(256) for _ in range(2000)), "not an image"),
        ("random.heic", bytes(random.Random(10).randrange(256) for _ in range(2000)), "not an image"),
        ("nul.gif", b"\x00" * 100, "not an image"),
        ("gif-header-only.gif", b"GIF89a", "not an image"),
        ("bmp-header-only.bmp", b"BM" + b"\0" * 10, "not an image"),
        ("exe-named-jpg.jpg", b"MZ\x90\x00" + b"\0" * 60, "not an image"),
        ("shell-named-png.png", b"#!/bin/sh\nrm -rf /\n", "not an image"),
        ("ico.jpg", b"\x00\x00\x01\x00\x01\x00\x10\x10" + b"\0" * 40, "not an image"),
        ("tiff-header-only.tiff", b"II*\x00\x08\x00\x00\x00", "not an image"),
    ):
        add("photo", name, data, expect)


def main() -> None:
    exchange_cases()
    catalog_cases()
    verify_cases()
    restore_cases()
    photo_cases()
    (HERE / "manifest.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases")


if __name__ == "__main__":
    main()
