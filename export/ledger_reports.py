"""The health ledger's files: the roster import template, and the daily summary (每天汇总) as PDF and workbook,
signed off by the person in charge like an inspection.

The API (stable; the desktop and the command line use it):

* :func:`write_roster_template` — an ``.xlsx`` with the roster's headers (姓名 … 返回自), drop-down lists for
  人员类别 and 状态, and a sheet explaining each column; importing it unchanged adds nobody.
* :func:`summary_record` → the canonical daily summary (a dict; IDs and phones masked), :func:`write_summary`
  (PDF / workbook / JSON: a signed day's files byte for byte), :func:`sign_day` (the person in charge signs; the
  day is sealed), :func:`verify_day` → :class:`DayCheck` lines (a later change of the day's readings fails).
* The company's logo (issue 17; :mod:`storage.logo`) is printed above the summary's title and at the top right of
  its 汇总 sheet, by the functions the inspection report uses (:func:`export.pdf.logo_flowables`,
  :func:`export.xlsx.place_logo`); :func:`summary_logo` finds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist.ledger import (
    FEVER_THRESHOLD_NOTE,
    HALF_ZH,
    NEXT_STEPS,
    OBSERVATION_KIND_ZH,
    ROSTER_FIELDS,
    STATUS_ZH,
    Category,
    describe_symptoms,
)
from checklist.workflow import ROLE_ZH
from export.crypto import SigningError, cms_sign_detached
from export.day_sheet import DaySheet, DaySigner, SignatureBox, sign_day_pdf, sign_off_fields, unlock_day_signer
from storage import stored_json
from storage.db import Database
from storage.errors import AlteredRecordError
from storage.files import atomic_produce
from storage.models import SignedDayColumns

TEMPLATE_NOTES: dict[str, str] = {
    "name": "必填；同名员工请填写身份证号或手机号以便区分",
    "category": "保洁 / 保安 / 物业 / 食堂 / 维修维护 / 其他（北京后勤物业人员类别，BJHQ）",
    "outsourcing_company": "通过外包单位用工时填写外包单位名称（BJHQ 一：用工单位负主体责任）",
    "id_number": "可不填；18 位，校验位按 GB 11643 检查；界面与报表中脱敏显示",
    "phone": "可不填；手机号 11 位或带区号的固定电话；界面与报表中脱敏显示",
    "status": "在岗 / 居家观察 / 集中观察 / 离岗；空白为在岗",
    "return_date": "YYYY-MM-DD",
}


def write_roster_template(path: Path) -> None:
    """Write the roster template (written to a temporary name, renamed when complete)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append([zh for _, zh, _ in ROSTER_FIELDS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (key, zh, _) in enumerate(ROSTER_FIELDS):
        letter = chr(ord("A") + index)
        sheet.column_dimensions[letter].width = max(10, len(zh) * 2 + 4) if key != "id_number" else 22
        if key in ("id_number", "phone"):
            for row in range(2, 2002):
                sheet[f"{letter}{row}"].number_format = "@"  # text: Excel keeps the 18 digits and the X
        if key == "category":
            choices = ",".join(c.value for c in Category)
        elif key == "status":
            choices = ",".join(STATUS_ZH.values())
        else:
            continue
        validation = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
        validation.add(f"{letter}2:{letter}20000")
        sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    notes = workbook.create_sheet("填写说明")
    notes.append(["列", "Column", "说明"])
    for key, zh, en in ROSTER_FIELDS:
        notes.append([zh, en, TEMPLATE_NOTES.get(key, "")])
    notes.append([])
    notes.append(
        [
            "个人信息保护",
            "Personal data",
            "仅用于疫情防控；身份证号与手机号仅单位主要负责人可查看完整内容，每次查看均记入审计日志",
        ]
    )
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 22
    notes.column_dimensions["C"].width = 80
    atomic_produce(path, lambda tmp: workbook.save(tmp))


# ---------------------------------------------------------------------------------------------------
# The daily summary (每天汇总, GN 一（二）)

SUMMARY_FORMAT = "fugong.daily-summary/1"
SIGNATURE_FIELD = "DaySignOff"


def summary_record(db: Database, day: dt.date, company: str = "") -> dict[str, Any]:
    """The canonical daily summary of ``day`` (what is signed, exported as JSON and printed): counts, and the
    people missing a reading, flagged or under observation by name, with ID number and phone masked; the
    number and SHA-256 of the day's readings, so a later change of any of them is detected."""
    from storage import ledger, roster

    with db.session() as session:  # counted from the readings it seals, not from the counts the triggers keep
        readings = ledger.day_readings(session, day)
        summary = ledger.summary_in(session, day, names_limit=100_000, counted=readings.counted)
    listed = [m.employee_id for m in summary.missing] + [r.employee_id for r in summary.flagged]
    listed += [o.employee_id for o in summary.under_observation]
    contacts = roster.masked_contacts(db, listed)

    def person(employee_id: int, name: str) -> dict[str, Any]:
        department, id_number, phone = contacts.get(employee_id, ("", "", ""))
        return {"no": employee_id, "name": name, "department": department, "id_number": id_number, "phone": phone}

    headline_zh, headline_en = summary.headline()
    return {
        "format": SUMMARY_FORMAT,
        "company": company,
        "day": day.isoformat(),
        "fever_threshold_c": summary.threshold_c,
        "fever_threshold_note": FEVER_THRESHOLD_NOTE[0],
        "headcount": summary.headcount,
        "on_site": summary.on_site,
        "checked_morning": summary.checked_morning,
        "checked_afternoon": summary.checked_afternoon,
        "missing_count": summary.missing_count,
        "missing": [
            {**person(m.employee_id, m.name), "morning_missing": m.morning, "afternoon_missing": m.afternoon}
            for m in summary.missing
        ],
        "flagged": [
            {
                **person(r.employee_id, r.name),
                "half": HALF_ZH[r.half],
                "temperature_c": r.temperature_c,
                "symptoms": describe_symptoms(r.symptoms)[0],
            }
            for r in summary.flagged
        ],
        "under_observation_count": summary.under_observation_count,
        "under_observation": [
            {
                **person(o.employee_id, o.name),
                "kind": OBSERVATION_KIND_ZH[o.kind],
                "start": o.start.isoformat(),
                "end": o.end.isoformat(),
            }
            for o in summary.under_observation
        ],
        "returned_today": list(summary.returned_today),
        "early_returns": [
            {"no": f.employee_id, "name": f.name, "observation_end": f.observation_end.isoformat()}
            for f in summary.early_returns
        ],
        "zero_report": summary.zero_report,
        "headline_zh": headline_zh,
        "headline_en": headline_en,
        "next_steps": [f"{s.zh}（{s.cite}）" for s in NEXT_STEPS] if summary.flagged else [],
        "readings": {"count": readings.count, "sha256": readings.sha256},
    }


def record_bytes(record: Mapping[str, Any]) -> bytes:
    from storage.audit import canonical_json

    return canonical_json(record).encode("utf-8")


def record_digest(record: Mapping[str, Any]) -> str:
    return hashlib.sha256(record_bytes(record)).hexdigest()


def summary_logo(db: Database, company: str = "") -> bytes | None:
    """The logo to print on a daily summary for ``company``: that company's, found by name; with no name, the
    first company's (the one whose name the desktop prints, ``desktop.registers.summary.company_name``); None
    when a named company is not in the database or has no logo — never another company's."""
    from sqlalchemy import select

    from storage.models import Company

    with db.session() as session:
        query = select(Company.logo_png).order_by(Company.id).limit(1)
        if company:
            query = query.where(Company.name == company)
        return session.scalar(query)


def render_summary_pdf(
    record: Mapping[str, Any], signer: DaySigner | None = None, logo_png: bytes | None = None
) -> tuple[bytes, SignatureBox]:
    """The printable summary for the CDC (A4), with the company's logo above the title when there is one, and
    where its signature box is (page index, rectangle)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    from export.pdf import logo_flowables

    sheet = DaySheet()
    p, table = sheet.p, sheet.table
    title, heading, small, body = sheet.title, sheet.heading, sheet.small, sheet.body

    story: list[Any] = [
        *logo_flowables(logo_png),
        p("员工健康状况每日汇总（每天汇总）", title),
        p(f"单位：{record['company'] or '—'}　　日期：{record['day']}　　依据：GN 一（二）；BJHQ 二"),
        Spacer(1, 3 * mm),
        p(("【零报告】" if record["zero_report"] else "") + str(record["headline_zh"]), heading),
        table(
            ["在册人数", "在岗", "上午已测", "下午已测", "缺测", "发热/有症状", "观察中"],
            [
                [
                    str(record["headcount"]),
                    str(record["on_site"]),
                    str(record["checked_morning"]),
                    str(record["checked_afternoon"]),
                    str(record["missing_count"]),
                    str(len({f["no"] for f in record["flagged"]})),
                    str(record["under_observation_count"]),
                ]
            ],
            [25] * 7,
        ),
    ]
    if record["flagged"]:
        story += [
            p("发热及可疑症状", heading),
            table(
                ["编号", "姓名", "部门", "时段", "体温 °C", "症状", "手机（脱敏）"],
                [
                    [
                        str(f["no"]),
                        f["name"],
                        f["department"],
                        f["half"],
                        "" if f["temperature_c"] is None else f"{f['temperature_c']:.1f}",
                        f["symptoms"],
                        f["phone"],
                    ]
                    for f in record["flagged"]
                ],
                [14, 22, 28, 14, 18, 42, 32],
            ),
            p("处置：" + "；".join(record["next_steps"])),
        ]
    if record["missing"]:
        story += [
            p(f"缺测名单（{record['missing_count']} 人）", heading),
            table(
                ["编号", "姓名", "部门", "缺上午", "缺下午"],
                [
                    [
                        str(m["no"]),
                        m["name"],
                        m["department"],
                        "是" if m["morning_missing"] else "",
                        "是" if m["afternoon_missing"] else "",
                    ]
                    for m in record["missing"]
                ],
                [16, 30, 50, 25, 25],
            ),
        ]
    if record["under_observation"]:
        story += [
            p(f"居家或集中隔离医学观察（{record['under_observation_count']} 人）", heading),
            table(
                ["编号", "姓名", "方式", "开始", "结束（含）"],
                [[str(o["no"]), o["name"], o["kind"], o["start"], o["end"]] for o in record["under_observation"]],
                [16, 30, 20, 30, 30],
            ),
        ]
    if record["early_returns"]:
        story += [
            p("未完成 14 天观察即在岗（BJTG 三）", heading),
            table(
                ["编号", "姓名", "观察期至"],
                [[str(e["no"]), e["name"], e["observation_end"]] for e in record["early_returns"]],
                [16, 30, 30],
            ),
        ]
    if record["returned_today"]:
        story += [p("今日返岗：" + "、".join(record["returned_today"]), body)]
    readings = record["readings"]
    story += [
        Spacer(1, 4 * mm),
        p(
            f"{record['fever_threshold_note']}（当前 {record['fever_threshold_c']:g} °C）。身份证号、手机号均已脱敏。",
            small,
        ),
        p(f"当日体温记录 {readings['count']} 条，SHA-256：{readings['sha256']}", small),
        p(f"汇总哈希（SHA-256）：{record_digest(record)}", small),
        Spacer(1, 4 * mm),
    ]
    return sheet.render(story, signer, f"每日汇总 {record['day']}", f"复工自查 · 每日汇总 {record['day']}")


def render_summary_xlsx(
    record: Mapping[str, Any], signer: DaySigner | None = None, logo_png: bytes | None = None
) -> bytes:
    """The summary as a workbook: 汇总 (with the company's logo at its top right), 发热及症状, 缺测, 观察中, 签名
    (IDs and phones masked)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from export.xlsx import Column, finish_table_sheet, fit_row, place_logo, print_setup, put, write_table

    LEFT = Alignment(wrap_text=True, vertical="top", horizontal="left")  # a count reads beside its label

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "汇总"
    rows: list[list[Any]] = [
        ["员工健康状况每日汇总（每天汇总）"],
        ["单位", record["company"]],
        ["日期", record["day"]],
        ["结论", ("零报告：" if record["zero_report"] else "") + str(record["headline_zh"])],
        ["在册人数", record["headcount"]],
        ["在岗", record["on_site"]],
        ["上午已测", record["checked_morning"]],
        ["下午已测", record["checked_afternoon"]],
        ["缺测", record["missing_count"]],
        ["发热/有症状（人次）", len(record["flagged"])],
        ["观察中", record["under_observation_count"]],
        ["今日返岗", "、".join(record["returned_today"])],
        ["发热阈值 °C", record["fever_threshold_c"]],
        ["说明", record["fever_threshold_note"]],
        ["当日体温记录条数", record["readings"]["count"]],
        ["当日体温记录 SHA-256", record["readings"]["sha256"]],
        ["汇总哈希 SHA-256", record_digest(record)],
    ]
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            put(sheet, number, column, value).alignment = LEFT  # text stays text, even a name changed by hand
    sheet["A1"].alignment = Alignment(vertical="top")  # the title overflows into B rather than wrapping
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 70
    for number in range(2, len(rows) + 1):
        fit_row(sheet, number, [21, 69])
    if logo_png:
        sheet.column_dimensions["C"].width = 45  # room beside the title's overflow for the picture
        place_logo(sheet, logo_png, last_column=3)
    print_setup(sheet, landscape=False)

    def listing(title: str, header: list[str], data: list[list[Any]]) -> None:
        """One list on its own sheet: sized and wrapped to print across an A4 page, the header on every page."""
        page = workbook.create_sheet(title)
        landscape = len(header) > 5
        last = write_table(page, [Column(h) for h in header], data, landscape=landscape)
        finish_table_sheet(page, 1, last, len(header), landscape)

    listing(
        "发热及症状",
        ["编号", "姓名", "部门", "时段", "体温 °C", "症状", "身份证号（脱敏）", "手机（脱敏）"],
        [
            [
                f["no"],
                f["name"],
                f["department"],
                f["half"],
                f["temperature_c"],
                f["symptoms"],
                f["id_number"],
                f["phone"],
            ]
            for f in record["flagged"]
        ],
    )
    listing(
        "缺测",
        ["编号", "姓名", "部门", "缺上午", "缺下午"],
        [
            [
                m["no"],
                m["name"],
                m["department"],
                "是" if m["morning_missing"] else "",
                "是" if m["afternoon_missing"] else "",
            ]
            for m in record["missing"]
        ],
    )
    listing(
        "观察中",
        ["编号", "姓名", "方式", "开始", "结束（含）"],
        [[o["no"], o["name"], o["kind"], o["start"], o["end"]] for o in record["under_observation"]],
    )
    signing = workbook.create_sheet("签名")
    print_setup(signing, landscape=False)
    signing.column_dimensions["A"].width = 18
    signing.column_dimensions["B"].width = 30
    signing.append(["负责人", signer.name if signer else "（待签署）"])
    signing.append(["职务", ROLE_ZH.get(signer.role, signer.role) if signer else ""])
    signing.append(["签署时间（UTC）", signer.signed_at.isoformat(timespec="seconds") if signer else ""])
    signing.append(["数字签名", "见随附 .p7s 文件" if signer else ""])
    if signer:
        for page in workbook.worksheets:
            page.protection.sheet = True
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def write_summary(
    db: Database,
    day: dt.date,
    *,
    pdf: Path | None = None,
    xlsx: Path | None = None,
    json_path: Path | None = None,
    company: str = "",
) -> dict[str, Any]:
    """Write the day's summary: the signed files byte for byte if the day was signed off, else unsigned ones
    made now. Returns the record written (the signed one for a signed day)."""
    import json

    from storage import ledger
    from storage.errors import NotFoundError
    from storage.files import atomic_write

    try:
        signoff = ledger.sealed_day(db, day)
    except NotFoundError:
        signoff = None
    if signoff is not None:
        record = ledger.signed_summary(signoff)
        pdf_bytes, xlsx_bytes, p7s = signoff.pdf, signoff.xlsx, signoff.xlsx_p7s
    else:
        record = summary_record(db, day, company)
        logo = summary_logo(db, company) if pdf is not None or xlsx is not None else None
        pdf_bytes = render_summary_pdf(record, logo_png=logo)[0] if pdf is not None else None
        xlsx_bytes = render_summary_xlsx(record, logo_png=logo) if xlsx is not None else None
        p7s = None
    if pdf is not None and pdf_bytes is not None:
        atomic_write(pdf, pdf_bytes)
    if xlsx is not None and xlsx_bytes is not None:
        atomic_write(xlsx, xlsx_bytes)
        if p7s is not None:
            atomic_write(xlsx.with_name(xlsx.name + ".p7s"), p7s)
    if json_path is not None:
        atomic_write(json_path, (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return record


@dataclass(frozen=True)
class DaySignOffResult:
    day: dt.date
    record_hash: str
    signer: str
    files: dict[str, bytes]


def sign_day(db: Database, day: dt.date, user_name: str, password: str, company: str = "") -> DaySignOffResult:
    """The person in charge (an officer or manager) signs the day's summary: password again, a CMS signature
    over the canonical summary, a PAdES signature in the PDF and a detached one over the workbook; the day is
    sealed (no more readings for it) and every later change of its readings is found by :func:`verify_day`."""
    from storage import ledger
    from storage.ledger_models import DaySignOff
    from storage.models import utcnow
    from storage.unit_of_work import unit_of_work

    user, identity = unlock_day_signer(db, user_name, password, "a daily summary", "每日汇总")
    record = summary_record(db, day, company)
    digest = record_digest(record)
    signer = DaySigner(user.name, user.role, utcnow())
    logo = summary_logo(db, company)
    pdf, where = render_summary_pdf(record, signer, logo)
    signed_pdf = sign_day_pdf(pdf, where, SIGNATURE_FIELD, identity, user, "每日汇总", "汇总", digest)
    xlsx = render_summary_xlsx(record, signer, logo)
    p7s = cms_sign_detached(xlsx, identity, "inspector")
    signoff = DaySignOff(
        day=day,
        summary=record,
        xlsx=xlsx,
        xlsx_p7s=p7s,
        **sign_off_fields(signer, user, identity, digest, record_bytes(record), signed_pdf),
    )
    with unit_of_work(db, user.name, reason="每日汇总负责人签署") as session:
        count, readings = ledger.readings_digest(session, day)
        if (count, readings) != (record["readings"]["count"], record["readings"]["sha256"]):
            raise SigningError(
                "the day's readings changed while the summary was being signed; nothing was signed — sign again",
                "签署过程中当日记录发生了变化；没有签署任何内容，请重新签署",
            )
        ledger.seal_day(session, signoff)
    return DaySignOffResult(day, digest, user.name, {"pdf": signed_pdf, "xlsx": xlsx, "xlsx.p7s": p7s})


@dataclass(frozen=True)
class DayCheck:
    ok: bool
    what_zh: str
    what_en: str


def file_signature_check(ok: bool, what_zh: str, what: str) -> DayCheck:
    """Whether a signed file's signature (``what_zh`` / ``what``: "PDF " / "PDF", "工作簿" / "workbook") holds."""
    return DayCheck(
        ok,
        f"{what_zh}签名有效" if ok else f"{what_zh}签名无效",
        f"the {what} signature is valid" if ok else f"the {what} signature does not verify",
    )


def altered_check(error: AlteredRecordError) -> DayCheck:
    """The one check of a signed day whose stored record is not what the signing wrote (nothing else of it can
    be compared): the table and column named, as the other verification lines name them."""
    english, chinese = stored_json.described(error.columns)
    return DayCheck(False, f"记录在本程序之外被改动过：{chinese}", f"altered outside 复工自查: {english}")


def hash_check(record: Mapping[str, Any], record_hash: str, what_zh: str, what: str) -> DayCheck:
    """Whether a signed day's stored record (``what_zh`` / ``what``) is still the one its hash names."""
    same = record_digest(record) == record_hash
    return DayCheck(
        same,
        f"{what_zh}内容与其哈希一致" if same else f"{what_zh}内容在签署后被改动",
        f"the {what} matches its hash" if same else f"the {what} was changed after signing",
    )


def sealed_rows_check(count: int, digest: str, sealed: Mapping[str, Any], what_zh: str, what: str) -> DayCheck:
    """Whether the day's rows in the database (``count`` of them, SHA-256 ``digest``) are those the signed
    record sealed (``sealed``: its ``count`` and ``sha256``); ``what_zh`` / ``what`` names them."""
    unchanged = (count, digest) == (sealed.get("count"), sealed.get("sha256"))
    then = sealed.get("count")
    return DayCheck(
        unchanged,
        f"当日{what_zh}未改动（{count} 条）"
        if unchanged
        else f"当日{what_zh}在签署后被改动（签署时 {then} 条，现为 {count} 条）",
        f"the day's {what} are unchanged ({count})"
        if unchanged
        else f"the day's {what} changed after signing ({then} then, {count} now)",
    )


def signature_checks(
    checks: list[DayCheck],
    db: Database,
    trust_file: Path | None,
    record: Mapping[str, Any],
    signoff: SignedDayColumns,
    what_zh: str,
    what: str,
) -> list[Any] | None:
    """Append the checks a signed day record shares (the trust anchor, the signature over the record, the
    PDF's); return the anchor's certificates for more checks, or None when there is no anchor to check with."""
    from export.crypto import cms_validate_detached
    from export.pades import check_pdf_signatures
    from export.trust import anchors_for

    anchors = anchors_for(db, trust_file)
    if not anchors.ok:
        checks.append(DayCheck(False, anchors.problem_zh, anchors.problem))
        return None
    signers = cms_validate_detached(signoff.record_signature, record_bytes(record), anchors.certificates)
    good = (
        bool(signers)
        and all(s.intact and s.trusted for s in signers)
        and signers[0].certificate_sha256 == signoff.certificate_sha256
    )
    checks.append(
        DayCheck(
            good,
            f"{what_zh}的数字签名有效" if good else f"{what_zh}的数字签名无效",
            f"the signature over the {what} is valid" if good else f"the signature over the {what} does not verify",
        )
    )
    if signoff.pdf is not None:
        pdf_checks = check_pdf_signatures(signoff.pdf, anchors.certificates)
        ok = bool(pdf_checks) and all(c.ok and c.covers_whole_file for c in pdf_checks)
        checks.append(file_signature_check(ok, "PDF ", "PDF"))
    return list(anchors.certificates)


def counts_check(stored: Mapping[str, Any], readings: Any, kept: tuple[int, int, int]) -> DayCheck:
    """Whether the signed summary's counts are those of the sealed readings (``readings``, a
    :class:`storage.ledger.DayReadings`): the 上午 / 下午 readings, the missing named one by one (each lacking the
    reading it is listed for) and as many as counted, no more people complete than the readings hold; and whether
    the per-day counts the database keeps (``kept``) still agree with the readings — a count changed by hand to hide
    a missing reading shows here, whether before the signing (a summary signed by an earlier version, which read
    them) or after."""
    wrong_zh: list[str] = []
    wrong_en: list[str] = []
    if (stored.get("checked_morning"), stored.get("checked_afternoon")) != (readings.morning, readings.afternoon):
        wrong_zh.append(
            f"汇总写上午 {stored.get('checked_morning')} 条、下午 {stored.get('checked_afternoon')} 条，"
            f"记录为 {readings.morning} 条、{readings.afternoon} 条"
        )
        wrong_en.append(
            f"the summary says {stored.get('checked_morning')} morning and {stored.get('checked_afternoon')} "
            f"afternoon readings, the readings are {readings.morning} and {readings.afternoon}"
        )
    missing = list(stored.get("missing") or [])
    halves = readings.halves
    named_wrongly = [
        m
        for m in missing
        if bool(m.get("morning_missing")) != (not halves.get(m.get("no"), 0) & 1)
        or bool(m.get("afternoon_missing")) != (not halves.get(m.get("no"), 0) & 2)
    ]
    headcount, missing_count = int(stored.get("headcount") or 0), int(stored.get("missing_count") or 0)
    if missing_count != len(missing) or named_wrongly or headcount - missing_count > readings.complete:
        wrong_zh.append(f"汇总写缺测 {missing_count} 人，与当日记录不符")
        wrong_en.append(f"the summary's {missing_count} missing do not match the day's readings")
    if kept != readings.counted:
        wrong_zh.append("数据库中当日的计数与体温记录不一致（被直接改动）")
        wrong_en.append("the database's kept counts of the day differ from its readings (changed by hand)")
    if not wrong_en:
        return DayCheck(True, "汇总的计数与当日体温记录一致", "the summary's counts match the day's readings")
    return DayCheck(
        False,
        "汇总的计数与当日体温记录不符：" + "；".join(wrong_zh),
        "the summary's counts do not match the day's readings: " + "; ".join(wrong_en),
    )


def verify_day(db: Database, day: dt.date, trust_file: Path | None = None) -> list[DayCheck]:
    """Check a signed day: the stored summary against its hash, the day's readings in the database against the
    count and SHA-256 the summary sealed, the signature over the summary, the PDF's and the workbook's."""
    from export.crypto import cms_validate_detached
    from storage import ledger
    from storage.ledger_retention import removed_by_retention

    signoff = ledger.sealed_day(db, day)
    try:
        stored = ledger.signed_summary(signoff)
    except AlteredRecordError as error:
        return [altered_check(error)]
    checks = [hash_check(stored, signoff.record_hash, "汇总", "summary")]
    with db.session() as session:
        day_readings = ledger.day_readings(session, day)
        kept_counts = ledger.kept_day_counts(session, day)
    run = removed_by_retention(db, day) if day_readings.count == 0 else None
    if run is not None:
        checks.append(
            DayCheck(
                True,
                f"当日体温记录已按保存期限删除（第 {run} 次清理）；签署的汇总保留",
                f"the day's readings were removed by retention run {run}; the signed summary stays",
            )
        )
    else:
        sealed = sealed_rows_check(
            day_readings.count, day_readings.sha256, stored.get("readings", {}), "体温记录", "readings"
        )
        checks.append(sealed)
        if sealed.ok:
            checks.append(counts_check(stored, day_readings, kept_counts))
    certificates = signature_checks(checks, db, trust_file, stored, signoff, "汇总", "summary")
    if certificates is None:
        return checks
    if signoff.xlsx is not None and signoff.xlsx_p7s is not None:
        book = cms_validate_detached(signoff.xlsx_p7s, signoff.xlsx, certificates)
        ok = bool(book) and all(s.intact and s.trusted for s in book)
        checks.append(file_signature_check(ok, "工作簿", "workbook"))
    return checks
