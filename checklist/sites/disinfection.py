"""The ventilation and disinfection log (通风消毒记录, GN 二（四）（六）（十）): its pure rules.

What the sources ask (``resources/texts/``):

* GN 二（四）: natural ventilation first; air conditioning with exhaust straight outdoors.
* GN 二（六）: workplaces, canteens, lifts, toilets, washbasins and commuter vehicles disinfected regularly by
  designated staff; lift buttons and door handles more often. GN gives no strength or contact time: a
  disinfectant entry is checked against the rule engine's reference method (``disinfectant.chlorine``:
  500 mg/L, 30 min on surfaces, 15 min in vehicles) — its findings inform, never decide.
* GN 二（十）: mask bins in public areas, waste bins cleaned and disinfected, waste removed promptly.

A plan per place and kind (e.g. 电梯按钮 disinfected 4 × a day) is the company's own; :func:`day_gaps` compares
a day's entries with it. Nothing here touches a database or Qt (:mod:`storage.site_log` stores and queries).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from checklist.ledger import LedgerError, clean_text, parse_date
from checklist.numbers import NumberFormatError, format_number, parse_number
from checklist.rules import Finding, MeasurementError, Verdict, evaluate_rule

PLACE_MAX = 100
PEOPLE_MAX = 100
NOTE_MAX = 500
MAX_TIMES_PER_DAY = 48  # every half-hour: beyond it a plan is a typing error


class SiteError(LedgerError):
    """A value the site registers refuse: ``field`` names it, ``message_en``/``message_zh`` say why."""


class Kind(StrEnum):
    """What a plan counts: ventilation (GN（四）) or cleaning and disinfection (GN（六）（十））."""

    VENTILATION = "ventilation"
    DISINFECTION = "disinfection"


KIND_ZH: dict[str, str] = {Kind.VENTILATION: "通风", Kind.DISINFECTION: "消毒"}
KIND_EN: dict[str, str] = {Kind.VENTILATION: "ventilation", Kind.DISINFECTION: "disinfection"}


class Method(StrEnum):
    NATURAL_VENTILATION = "natural_ventilation"  # 开窗自然通风
    MECHANICAL_VENTILATION = "mechanical_ventilation"  # 机械通风（排风直排室外）
    CHLORINE = "chlorine"  # 含氯消毒液擦拭或喷洒
    ALCOHOL = "alcohol"  # 75% 酒精擦拭
    UV = "uv"  # 紫外线灯照射
    CLEANING = "cleaning"  # 清水清洁


METHOD_ZH: dict[str, str] = {
    Method.NATURAL_VENTILATION: "开窗自然通风",
    Method.MECHANICAL_VENTILATION: "机械通风",
    Method.CHLORINE: "含氯消毒液",
    Method.ALCOHOL: "75% 酒精擦拭",
    Method.UV: "紫外线灯照射",
    Method.CLEANING: "清洁",
}
METHOD_EN: dict[str, str] = {
    Method.NATURAL_VENTILATION: "natural ventilation",
    Method.MECHANICAL_VENTILATION: "mechanical ventilation",
    Method.CHLORINE: "chlorine disinfectant",
    Method.ALCOHOL: "75 % alcohol wipe",
    Method.UV: "UV lamp",
    Method.CLEANING: "cleaning",
}
_METHOD_BY_WORD: dict[str, Method] = {
    **{m.value: m for m in Method},
    **{v: Method(k) for k, v in METHOD_ZH.items()},
    **{v: Method(k) for k, v in METHOD_EN.items()},
    "通风": Method.NATURAL_VENTILATION,
    "开窗通风": Method.NATURAL_VENTILATION,
    "含氯": Method.CHLORINE,
    "84消毒液": Method.CHLORINE,
    "酒精": Method.ALCOHOL,
    "紫外线": Method.UV,
}


def kind_of(method: Method) -> Kind:
    ventilation = (Method.NATURAL_VENTILATION, Method.MECHANICAL_VENTILATION)
    return Kind.VENTILATION if method in ventilation else Kind.DISINFECTION


def parse_method(value: object) -> Method:
    text = str(value or "").strip()
    method = _METHOD_BY_WORD.get(text) or _METHOD_BY_WORD.get(text.lower())
    if method is None:
        choices = "、".join(METHOD_ZH.values())
        raise SiteError(
            "method",
            f"“{text}” is not a method of the log (one of: {', '.join(METHOD_EN.values())})",
            f"“{text}”不是可记录的方式（可选：{choices}）",
        )
    return method


def parse_kind(value: object) -> Kind:
    text = str(value or "").strip()
    for kind in Kind:
        if text in (kind.value, KIND_ZH[kind], KIND_EN[kind]):
            return kind
    raise SiteError("kind", f"“{text}” is neither ventilation nor disinfection", f"“{text}”不是通风或消毒")


def _optional_number(field: str, value: object, low: float, high: float, unit_en: str, unit_zh: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = parse_number(value) if isinstance(value, str) else float(value)  # type: ignore[arg-type]
    except (NumberFormatError, TypeError, ValueError):
        raise SiteError(field, f"“{value}” is not a number", f"“{value}”不是数字") from None
    if not low <= number <= high:
        raise SiteError(
            field,
            f"{format_number(number)} {unit_en} is outside {format_number(low)}–{format_number(high)} {unit_en}",
            f"{format_number(number)} {unit_zh} 不在 {format_number(low)}–{format_number(high)} {unit_zh} 之内",
        )
    return number


@dataclass(frozen=True)
class EntryInput:
    """One line of the log: where, when, how, by whom; mask bins and waste cleared (GN（十））."""

    place: str
    at: dt.datetime  # local time, no time zone
    method: Method
    done_by: str
    chlorine_mg_per_l: float | None = None
    contact_minutes: float | None = None
    duration_minutes: float | None = None  # ventilation or UV
    vehicle_surfaces: bool = False
    mask_bins_cleared: bool = False
    waste_cleared: bool = False
    note: str = ""

    @property
    def kind(self) -> Kind:
        return kind_of(self.method)

    @property
    def day(self) -> dt.date:
        return self.at.date()


def parse_time(field: str, value: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, second=0, microsecond=0)
    text = str(value or "").strip().replace("T", " ")
    try:
        return dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    except ValueError:
        raise SiteError(
            field, f"“{text}” is not a time (2020-03-02 09:30)", f"“{text}”不是时间（如 2020-03-02 09:30）"
        ) from None


def parse_whole(field: str, value: object, top: int, outside_en: str, outside_zh: str) -> int:
    """A whole number from 1 to ``top``; out of that range the refusal is ``outside_en`` / ``outside_zh`` with
    ``{n}`` (the number) and ``{top}`` filled in."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise SiteError(field, f"“{value}” is not a whole number", f"“{value}”不是整数") from None
    if not 1 <= number <= top:
        raise SiteError(field, outside_en.format(n=number, top=top), outside_zh.format(n=number, top=top))
    return number


def validate_entry(values: Mapping[str, object]) -> EntryInput:
    """One entry from what a user typed; a chlorine entry needs its strength and contact time (the reference
    method checks them), ventilation and UV their duration in minutes."""
    method = parse_method(values.get("method"))
    entry = EntryInput(
        place=clean_text("place", values.get("place"), PLACE_MAX, required=True),
        at=parse_time("at", values.get("at")),
        method=method,
        done_by=clean_text("done_by", values.get("done_by"), PEOPLE_MAX, required=True),
        chlorine_mg_per_l=_optional_number(
            "chlorine_mg_per_l", values.get("chlorine_mg_per_l"), 1, 100_000, "mg/L", "mg/L"
        ),
        contact_minutes=_optional_number("contact_minutes", values.get("contact_minutes"), 1, 1440, "min", "分钟"),
        duration_minutes=_optional_number("duration_minutes", values.get("duration_minutes"), 1, 1440, "min", "分钟"),
        vehicle_surfaces=bool(values.get("vehicle_surfaces")),
        mask_bins_cleared=bool(values.get("mask_bins_cleared")),
        waste_cleared=bool(values.get("waste_cleared")),
        note=clean_text("note", values.get("note"), NOTE_MAX),
    )
    if method is Method.CHLORINE and (entry.chlorine_mg_per_l is None or entry.contact_minutes is None):
        raise SiteError(
            "chlorine_mg_per_l",
            "a chlorine disinfectant entry needs its available chlorine (mg/L) and contact time (minutes)",
            "含氯消毒记录须填写有效氯浓度（mg/L）和作用时间（分钟）",
        )
    if method is not Method.CHLORINE and (entry.chlorine_mg_per_l is not None or entry.contact_minutes is not None):
        raise SiteError(
            "chlorine_mg_per_l",
            "a strength and contact time belong to a chlorine disinfectant entry only",
            "只有含氯消毒记录填写有效氯浓度和作用时间",
        )
    return entry


def reference_findings(entry: EntryInput) -> list[Finding]:
    """The rule engine's reference method applied to a chlorine entry (empty for other methods)."""
    if entry.method is not Method.CHLORINE:
        return []
    values: dict[str, object] = {
        "chlorine_mg_per_l": entry.chlorine_mg_per_l,
        "contact_minutes": entry.contact_minutes,
        "vehicle_surfaces": entry.vehicle_surfaces,
    }
    try:
        return evaluate_rule("disinfectant.chlorine", values)
    except MeasurementError as error:  # pragma: no cover - validated above
        raise SiteError(error.field, error.reason, error.reason_zh) from None


def meets_reference(findings: Sequence[Finding]) -> bool | None:
    """None: no reference applies; else whether every finding passed."""
    if not findings:
        return None
    return all(f.verdict is Verdict.PASS for f in findings)


# ---------------------------------------------------------------------------------------------------
# Plans and gaps


@dataclass(frozen=True)
class PlanInput:
    """``starts_on``: the day the plan was adopted — no day before it is short of it (None: a plan kept from
    before plans had a start, counted on every day)."""

    place: str
    kind: Kind
    times_per_day: int
    starts_on: dt.date | None = None

    def applies_on(self, day: dt.date) -> bool:
        return self.starts_on is None or day >= self.starts_on


def validate_plan(values: Mapping[str, object]) -> PlanInput:
    place = clean_text("place", values.get("place"), PLACE_MAX, required=True)
    kind = parse_kind(values.get("kind"))
    times = parse_whole(
        "times_per_day",
        values.get("times_per_day"),
        MAX_TIMES_PER_DAY,
        "{n} times a day is outside 1–{top}",
        "每日 {n} 次不在 1–{top} 次之内",
    )
    return PlanInput(place, kind, times, parse_date("starts_on", values.get("starts_on")))


@dataclass(frozen=True)
class Gap:
    """One place on one day done fewer times than planned."""

    day: dt.date
    place: str
    kind: Kind
    planned: int
    done: int

    @property
    def short(self) -> int:
        return self.planned - self.done

    def text(self) -> tuple[str, str]:
        return (
            f"{self.day.isoformat()} {self.place} {KIND_ZH[self.kind]} {self.done}/{self.planned} 次（缺 {self.short} 次）",
            f"{self.day.isoformat()} {self.place} {KIND_EN[self.kind]} {self.done}/{self.planned} (short by {self.short})",
        )


def day_gaps(
    plans: Iterable[PlanInput], done: Mapping[tuple[dt.date, str, str], int], days: Iterable[dt.date]
) -> list[Gap]:
    """Every (day, place, kind) of ``days`` done fewer times than its plan, in day, place order.

    ``done`` counts the entries by (day, place, kind) — the kind as a :class:`Kind` or its text, which are
    equal; a place done more often than planned is no gap, nor a day before the plan's start."""
    plans = sorted(plans, key=lambda p: (p.place, p.kind))
    gaps: list[Gap] = []
    for day in sorted(days):
        for plan in plans:
            if not plan.applies_on(day):
                continue
            count = done.get((day, plan.place, plan.kind), 0)
            if count < plan.times_per_day:
                gaps.append(Gap(day, plan.place, plan.kind, plan.times_per_day, count))
    return gaps


# ---------------------------------------------------------------------------------------------------
# Evidence for checklist items (GN-04, GN-06, GN-10)

EVIDENCE_ITEMS: frozenset[str] = frozenset({"GN-04", "GN-06", "GN-10"})
EVIDENCE_DAYS = 7
LAST_SHOWN = 3
GAPS_SHOWN = 5


@dataclass(frozen=True)
class LoggedEntry:
    """An entry as the evidence and the reports read it."""

    id: int
    place: str
    at: dt.datetime
    method: Method
    chlorine_mg_per_l: float | None
    contact_minutes: float | None
    vehicle_surfaces: bool
    mask_bins_cleared: bool
    waste_cleared: bool
    corrects: int | None = None

    def text(self) -> tuple[str, str]:
        zh = f"{self.at:%m-%d %H:%M} {self.place} {METHOD_ZH[self.method]}"
        en = f"{self.at:%m-%d %H:%M} {self.place} {METHOD_EN[self.method]}"
        if self.method is Method.CHLORINE:
            zh += f" {format_number(self.chlorine_mg_per_l or 0)} mg/L {format_number(self.contact_minutes or 0)} 分钟"
            en += f" {format_number(self.chlorine_mg_per_l or 0)} mg/L {format_number(self.contact_minutes or 0)} min"
        return zh, en


@dataclass(frozen=True)
class SiteEvidence:
    """What the log says for one checklist item over the :data:`EVIDENCE_DAYS` days to ``day``: text in both
    languages, and the measurements the item's rules read (GN-06: the last chlorine entry)."""

    item_id: str
    day: dt.date
    text_zh: str
    text_en: str
    measurements: Mapping[str, object]
    gaps: int
    entries: int = 0  # the entries the text counts (checklist.register_evidence.site_log_verdict reads it)


def evidence_for(item_id: str, day: dt.date, entries: Sequence[LoggedEntry], gaps: Sequence[Gap]) -> SiteEvidence:
    """GN-04 (ventilation), GN-06 (disinfection, with the last chlorine entry's strength and contact time for the
    reference method) or GN-10 (mask bins and waste cleared): the last entries and the gaps of the past
    :data:`EVIDENCE_DAYS` days, newest first. ``entries`` are newest first, already limited to those days."""
    first = day - dt.timedelta(days=EVIDENCE_DAYS - 1)
    period_zh = f"{first.isoformat()} 至 {day.isoformat()}"
    period_en = f"{first.isoformat()} to {day.isoformat()}"
    measurements: dict[str, object] = {}
    if item_id == "GN-04":
        chosen = [e for e in entries if kind_of(e.method) is Kind.VENTILATION]
        kind: Kind | None = Kind.VENTILATION
        what_zh, what_en = "通风记录", "ventilation entries"
    elif item_id == "GN-06":
        chosen = [e for e in entries if kind_of(e.method) is Kind.DISINFECTION]
        kind = Kind.DISINFECTION
        what_zh, what_en = "消毒记录", "disinfection entries"
        chlorine = next((e for e in chosen if e.method is Method.CHLORINE), None)
        if chlorine is not None:
            measurements = {
                "chlorine_mg_per_l": chlorine.chlorine_mg_per_l,
                "contact_minutes": chlorine.contact_minutes,
                "vehicle_surfaces": chlorine.vehicle_surfaces,
            }
    elif item_id == "GN-10":
        chosen = [e for e in entries if e.mask_bins_cleared or e.waste_cleared]
        kind = None
        what_zh, what_en = "口罩回收箱及垃圾清运记录", "mask-bin and waste clearing entries"
    else:
        raise SiteError("item", f"the site log gives no evidence for {item_id}", f"通风消毒记录不为 {item_id} 提供依据")
    relevant = sorted((g for g in gaps if kind is None or g.kind is kind), key=lambda g: g.day, reverse=True)
    zh = f"{period_zh} {what_zh} {len(chosen)} 条"
    en = f"{period_en}: {len(chosen)} {what_en}"
    if chosen:
        last = [e.text() for e in chosen[:LAST_SHOWN]]
        zh += "；最近：" + "；".join(t[0] for t in last)
        en += "; latest: " + "; ".join(t[1] for t in last)
    if kind is not None:
        if relevant:
            shown = [g.text() for g in relevant[:GAPS_SHOWN]]
            more = len(relevant) - len(shown)
            zh += f"；未按计划 {len(relevant)} 处：" + "；".join(t[0] for t in shown) + (" 等" if more else "")
            en += f"; {len(relevant)} short of the plan: " + "; ".join(t[1] for t in shown) + (" …" if more else "")
        else:
            zh += "；均按计划完成"
            en += "; every plan met"
    return SiteEvidence(item_id, day, zh, en, measurements, len(relevant), len(chosen))
