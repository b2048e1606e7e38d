"""The ventilation and disinfection log of one day as a signed record and PDF (GN 二（四）（六）（十）).

The person in charge signs off a day with the same signing as the daily summary and inspections (password
again, a CMS signature over the canonical record, a PAdES signature in the PDF); the day is sealed and every
later change of its entries — through the app or raw SQL — is found by :func:`verify_log_day`.

* :func:`log_day_record` → the canonical record of a day (entries, the reference method's verdicts, the gaps
  against the plan, the count and SHA-256 of the stored entries).
* :func:`render_log_pdf`, :func:`write_log_day` (a signed day's PDF byte for byte), :func:`sign_log_day`,
  :func:`verify_log_day` → :class:`export.ledger_reports.DayCheck` lines.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from checklist.numbers import format_number
from checklist.sites.disinfection import KIND_ZH, METHOD_ZH
from export.crypto import SigningError
from export.day_sheet import DaySheet, DaySigner, SignatureBox, sign_day_pdf, sign_off_fields, unlock_day_signer
from export.ledger_reports import (
    DayCheck,
    altered_check,
    hash_check,
    record_bytes,
    record_digest,
    sealed_rows_check,
    signature_checks,
)
from storage.db import Database
from storage.errors import AlteredRecordError

LOG_FORMAT = "fugong.site-log-day/1"
SIGNATURE_FIELD = "SiteLogSignOff"


def log_day_record(db: Database, day: dt.date, company: str = "") -> dict[str, Any]:
    """The canonical record of ``day``: every entry (who did it by name: staff doing their job, not health
    data), the reference method's verdict of each chlorine entry, the gaps against the plan, and the number
    and SHA-256 of the stored entries so a later change is detected."""
    from storage import site_log

    entries = site_log.entries_of_day(db, day)
    day_gaps = site_log.gaps(db, day, day)
    with db.session() as session:
        count, digest = site_log.entries_digest(session, day)
    return {
        "format": LOG_FORMAT,
        "company": company,
        "day": day.isoformat(),
        "entries": [
            {
                "no": e.id,
                "time": e.at.strftime("%H:%M"),
                "place": e.place,
                "kind": KIND_ZH[e.kind],
                "method": METHOD_ZH[e.method],
                "chlorine_mg_per_l": e.chlorine_mg_per_l,
                "contact_minutes": e.contact_minutes,
                "duration_minutes": e.duration_minutes,
                "mask_bins_cleared": e.mask_bins_cleared,
                "waste_cleared": e.waste_cleared,
                "done_by": e.done_by,
                "note": e.note,
                "corrects": e.corrects,
                "reference_ok": e.reference_ok,
            }
            for e in entries
        ],
        "gaps": [{"place": g.place, "kind": KIND_ZH[g.kind], "planned": g.planned, "done": g.done} for g in day_gaps],
        "entries_sealed": {"count": count, "sha256": digest},
    }


def _how(entry: dict[str, Any]) -> str:
    how = str(entry["method"])
    if entry["chlorine_mg_per_l"] is not None:
        how += f" {format_number(entry['chlorine_mg_per_l'])} mg/L，{format_number(entry['contact_minutes'])} 分钟"
        how += "（符合参考方法）" if entry["reference_ok"] else "（不符合参考方法）"
    elif entry["duration_minutes"] is not None:
        how += f" {format_number(entry['duration_minutes'])} 分钟"
    cleared = [w for w, done in (("口罩回收箱", entry["mask_bins_cleared"]), ("垃圾", entry["waste_cleared"])) if done]
    if cleared:
        how += "；已清运" + "、".join(cleared)
    if entry["corrects"] is not None:
        how += f"；更正 #{entry['corrects']}"
    if entry["note"]:
        how += f"；{entry['note']}"
    return how


def render_log_pdf(record: dict[str, Any], signer: DaySigner | None = None) -> tuple[bytes, SignatureBox]:
    """The day's log on A4 and where its signature box is (page index, rectangle)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    sheet = DaySheet()
    p, table = sheet.p, sheet.table
    title, heading, small = sheet.title, sheet.heading, sheet.small

    entries = record["entries"]
    story: list[Any] = [
        p("通风消毒记录（日）", title),
        p(f"单位：{record['company'] or '—'}　　日期：{record['day']}　　依据：GN 二（四）（六）（十）"),
        Spacer(1, 3 * mm),
        p(f"当日记录 {len(entries)} 条", heading),
    ]
    if entries:
        story.append(
            table(
                ["编号", "时间", "地点", "类别", "方式与结果", "执行人"],
                [[str(e["no"]), e["time"], e["place"], e["kind"], _how(e), e["done_by"]] for e in entries],
                [14, 14, 36, 14, 80, 22],
            )
        )
    gaps = record["gaps"]
    story.append(p(f"未按计划完成（{len(gaps)} 处）" if gaps else "各地点均按计划完成", heading))
    if gaps:
        story.append(
            table(
                ["地点", "类别", "计划次数", "实际次数", "缺"],
                [
                    [g["place"], g["kind"], str(g["planned"]), str(g["done"]), str(g["planned"] - g["done"])]
                    for g in gaps
                ],
                [50, 20, 25, 25, 20],
            )
        )
    sealed = record["entries_sealed"]
    story += [
        Spacer(1, 4 * mm),
        p(
            "含氯消毒按参考方法（《市内公共交通防控指引（2.0 版）》：有效氯 500 mg/L，物体表面 30 分钟、交通工具 15 "
            "分钟）评价，仅供参考；GN 未规定浓度和作用时间。",
            small,
        ),
        p(f"当日记录 {sealed['count']} 条，SHA-256：{sealed['sha256']}", small),
        p(f"记录哈希（SHA-256）：{record_digest(record)}", small),
        Spacer(1, 4 * mm),
    ]
    return sheet.render(story, signer, f"通风消毒记录 {record['day']}", f"复工自查 · 通风消毒记录 {record['day']}")


@dataclass(frozen=True)
class LogSignOffResult:
    day: dt.date
    record_hash: str
    signer: str
    pdf: bytes


def sign_log_day(db: Database, day: dt.date, user_name: str, password: str, company: str = "") -> LogSignOffResult:
    """The person in charge (an officer or manager) signs off the day's log: password again, a CMS signature
    over the canonical record and a PAdES signature in the PDF; the day is sealed (no more entries for it)."""
    from storage import site_log
    from storage.models import utcnow
    from storage.site_log_models import SiteDaySignOff
    from storage.unit_of_work import unit_of_work

    user, identity = unlock_day_signer(db, user_name, password, "the log", "通风消毒记录")
    record = log_day_record(db, day, company)
    digest = record_digest(record)
    signer = DaySigner(user.name, user.role, utcnow())
    pdf, where = render_log_pdf(record, signer)
    signed_pdf = sign_day_pdf(pdf, where, SIGNATURE_FIELD, identity, user, "通风消毒记录", "记录", digest)
    signoff = SiteDaySignOff(
        day=day, record=record, **sign_off_fields(signer, user, identity, digest, record_bytes(record), signed_pdf)
    )
    with unit_of_work(db, user.name, reason="通风消毒记录负责人签署") as session:
        if site_log.entries_digest(session, day) != (
            record["entries_sealed"]["count"],
            record["entries_sealed"]["sha256"],
        ):
            raise SigningError(
                "the day's entries changed while the log was being signed; nothing was signed — sign again",
                "签署过程中当日记录发生了变化；没有签署任何内容，请重新签署",
            )
        site_log.seal_day(session, signoff)
    return LogSignOffResult(day, digest, user.name, signed_pdf)


def write_log_day(db: Database, day: dt.date, pdf: Path, company: str = "") -> dict[str, Any]:
    """Write the day's log as PDF: a signed day's file byte for byte, else an unsigned one made now."""
    from storage import site_log
    from storage.errors import NotFoundError
    from storage.files import atomic_write

    try:
        signoff = site_log.sealed_day(db, day)
    except NotFoundError:
        record = log_day_record(db, day, company)
        atomic_write(pdf, render_log_pdf(record)[0])
        return record
    if signoff.pdf is not None:
        atomic_write(pdf, signoff.pdf)
    return site_log.signed_record(signoff)


def verify_log_day(db: Database, day: dt.date, trust_file: Path | None = None) -> list[DayCheck]:
    """Check a signed day of the log: the stored record against its hash, the entries in the database against
    the count and SHA-256 it sealed, the signature over the record and the PDF's."""
    from storage import site_log

    signoff = site_log.sealed_day(db, day)
    try:
        stored = site_log.signed_record(signoff)
    except AlteredRecordError as error:
        return [altered_check(error)]
    checks = [hash_check(stored, signoff.record_hash, "记录", "record")]
    with db.session() as session:
        count, digest = site_log.entries_digest(session, day)
    checks.append(sealed_rows_check(count, digest, stored.get("entries_sealed", {}), "通风消毒记录", "entries"))
    signature_checks(checks, db, trust_file, stored, signoff, "记录", "record")
    return checks
