"""The isolation area (隔离观察区域, GN 四（十四）（十五）): its pure rules.

* GN 四（十四）: an area for temporary isolation when an employee shows suspicious symptoms; report to the
  local CDC; arrange medical care nearby.
* GN 四（十五）: isolate the person's post and dormitory at once, close off the work unit and living areas as
  needed, and disinfect the places and articles they used under professional guidance.

Here: the area (place, capacity, what is kept), a use of it (who — a roster number —, when, temperature and
symptoms, where referred, when reported to the CDC), and the places closed afterwards, each linked to its
disinfection in the log. :func:`open_steps` says what a use still lacks; :func:`evidence_for` gives GN-14 and
GN-15 their evidence. No database, no Qt; names are the storage's and the screen's, never a log line's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from checklist.ledger import LedgerError, clean_text, parse_symptoms, validate_temperature
from checklist.sites.disinfection import PLACE_MAX, SiteError, parse_time, parse_whole

MAX_CAPACITY = 200
SUPPLIES_MAX = 500
REFERRED_MAX = 200
NOTE_MAX = 500
# A good practice from the GN-14 catalog item: a thermometer, masks and disinfectant kept in the area.
SUGGESTED_SUPPLIES = "体温计、口罩、消毒用品"


@dataclass(frozen=True)
class AreaInput:
    place: str
    capacity: int
    supplies: str


def validate_area(values: Mapping[str, object]) -> AreaInput:
    place = clean_text("place", values.get("place"), PLACE_MAX, required=True)
    capacity = parse_whole(
        "capacity",
        values.get("capacity"),
        MAX_CAPACITY,
        "a capacity of {n} is outside 1–{top} people",
        "容量 {n} 人不在 1–{top} 人之内",
    )
    return AreaInput(place, capacity, clean_text("supplies", values.get("supplies"), SUPPLIES_MAX))


def _optional_time(field: str, value: object) -> dt.datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_time(field, value)


@dataclass(frozen=True)
class UseInput:
    """One person isolated: ``temperature_c`` and ``symptoms`` (a :class:`checklist.ledger.Symptom` mask) as
    found; ``referred_to`` where they were sent; ``cdc_reported_at`` when the CDC was told."""

    employee_id: int
    started_at: dt.datetime
    temperature_c: float | None
    symptoms: int
    referred_to: str
    cdc_reported_at: dt.datetime | None
    ended_at: dt.datetime | None
    note: str


def validate_use(values: Mapping[str, object]) -> UseInput:
    raw_id = values.get("employee_id")
    if not isinstance(raw_id, int) or isinstance(raw_id, bool) or raw_id < 1:
        raise SiteError("employee_id", "choose the person from the roster", "请从花名册中选择人员")
    started = parse_time("started_at", values.get("started_at"))
    raw_temperature = values.get("temperature_c")
    temperature = None
    if raw_temperature is not None and str(raw_temperature).strip():
        try:
            temperature = validate_temperature(raw_temperature)
        except LedgerError as error:
            raise SiteError("temperature_c", error.message_en, error.message_zh) from None
    symptoms_value = values.get("symptoms")
    symptoms = symptoms_value if isinstance(symptoms_value, int) else parse_symptoms(symptoms_value)
    use = UseInput(
        employee_id=raw_id,
        started_at=started,
        temperature_c=temperature,
        symptoms=symptoms,
        referred_to=clean_text("referred_to", values.get("referred_to"), REFERRED_MAX),
        cdc_reported_at=_optional_time("cdc_reported_at", values.get("cdc_reported_at")),
        ended_at=_optional_time("ended_at", values.get("ended_at")),
        note=clean_text("note", values.get("note"), NOTE_MAX),
    )
    check_times(use.started_at, use.cdc_reported_at, use.ended_at)
    return use


def check_times(started: dt.datetime, reported: dt.datetime | None, ended: dt.datetime | None) -> None:
    if reported is not None and reported < started:
        raise SiteError(
            "cdc_reported_at",
            "the CDC cannot have been told before the person was isolated",
            "报告疾控的时间不能早于开始隔离的时间",
        )
    if ended is not None and ended < started:
        raise SiteError("ended_at", "an isolation cannot end before it starts", "结束隔离的时间不能早于开始隔离的时间")


def over_capacity(capacity: int, present: int) -> bool:
    """Whether one more person would be more than the area holds (said as a warning: nobody is turned away)."""
    return present + 1 > capacity


# ---------------------------------------------------------------------------------------------------
# What a use still lacks (GN（十四）（十五）)


@dataclass(frozen=True)
class ClosureState:
    place: str
    disinfected: bool


def open_steps(
    cdc_reported_at: dt.datetime | None, referred_to: str, closures: Sequence[ClosureState]
) -> list[tuple[str, str]]:
    """The steps of GN（十四）（十五） not yet recorded for one use, (Chinese, English) each."""
    steps: list[tuple[str, str]] = []
    if cdc_reported_at is None:
        steps.append(("尚未记录报告疾控部门（GN 四（十四））", "not yet reported to the CDC (GN 4 (14))"))
    if not referred_to:
        steps.append(("尚未记录就医去向（GN 四（十四））", "no record of where the person was sent (GN 4 (14))"))
    if not closures:
        steps.append(
            ("尚未记录封闭其工作岗位和宿舍（GN 四（十五））", "the post and dormitory not yet closed off (GN 4 (15))")
        )
    for closure in closures:
        if not closure.disinfected:
            steps.append(
                (
                    f"{closure.place} 已封闭，尚未记录消毒（GN 四（十五））",
                    f"{closure.place} closed, not yet disinfected (GN 4 (15))",
                )
            )
    return steps


# ---------------------------------------------------------------------------------------------------
# Evidence for GN-14 and GN-15

EVIDENCE_ITEMS: frozenset[str] = frozenset({"GN-14", "GN-15"})
USES_SHOWN = 3  # the last uses GN-14's evidence details; the earlier ones are summed up
PLACES_SHOWN = 10  # the places not yet disinfected GN-15's evidence names


@dataclass(frozen=True)
class AreaFact:
    place: str
    capacity: int
    supplies: str


@dataclass(frozen=True)
class UseFact:
    """A use as evidence reads it: no name (the checklist's note is printed and exported), a roster number."""

    employee_id: int
    started_at: dt.datetime
    cdc_reported_at: dt.datetime | None
    referred_to: str
    closures: Sequence[ClosureState]


@dataclass(frozen=True)
class IsolationEvidence:
    item_id: str
    text_zh: str
    text_en: str
    open_steps: int


def _use_gaps(use: UseFact) -> int:
    """GN 四（十四）'s steps a use lacks: the report to the CDC and the referral."""
    return (use.cdc_reported_at is None) + (not use.referred_to)


def evidence_for(item_id: str, areas: Sequence[AreaFact], uses: Sequence[UseFact]) -> IsolationEvidence:
    """GN-14: the area(s), how often it was used, and the last uses (CDC reported, referred); GN-15: the places
    closed off after the uses and whether each was disinfected. ``uses``: every use up to the day, newest first.
    Every use counts toward the open steps (a use not reported to the CDC stays a gap however many came
    after it); the text details the last :data:`USES_SHOWN` and sums up the earlier ones."""
    if item_id not in EVIDENCE_ITEMS:
        raise SiteError(
            "item", f"the isolation register gives no evidence for {item_id}", f"隔离观察区登记不为 {item_id} 提供依据"
        )
    last, earlier = list(uses[:USES_SHOWN]), list(uses[USES_SHOWN:])
    if item_id == "GN-14":
        if areas:
            zh = "隔离观察区域：" + "；".join(
                f"{a.place}（{a.capacity} 人{('，配备' + a.supplies) if a.supplies else ''}）" for a in areas
            )
            en = "Isolation area: " + "; ".join(
                f"{a.place} ({a.capacity} people{(', kept: ' + a.supplies) if a.supplies else ''})" for a in areas
            )
        else:
            zh, en = "尚未登记隔离观察区域", "no isolation area registered"
        zh += f"；使用 {len(uses)} 次"
        en += f"; used {len(uses)} times"
        for use in last:
            zh += (
                f"；{use.started_at:%Y-%m-%d %H:%M} 员工 #{use.employee_id}："
                + (f"{use.cdc_reported_at:%H:%M} 报告疾控" if use.cdc_reported_at else "未记录报告疾控")
                + (f"，送 {use.referred_to}" if use.referred_to else "，未记录就医去向")
            )
            en += (
                f"; {use.started_at:%Y-%m-%d %H:%M} employee #{use.employee_id}: "
                + (f"CDC told {use.cdc_reported_at:%H:%M}" if use.cdc_reported_at else "CDC report not recorded")
                + (f", sent to {use.referred_to}" if use.referred_to else ", referral not recorded")
            )
        lacking = sum(1 for use in earlier if _use_gaps(use))
        if lacking:
            zh += f"；更早的 {len(earlier)} 次中有 {lacking} 次未记录报告疾控或就医去向"
            en += f"; of the {len(earlier)} earlier uses, {lacking} lack the CDC report or the referral"
        return IsolationEvidence(item_id, zh, en, sum(_use_gaps(use) for use in uses))
    if not uses:
        return IsolationEvidence(
            item_id, "隔离观察区未曾使用，无需封闭消毒", "the isolation area was never used: nothing to close off", 0
        )
    closures = [c for use in uses for c in use.closures]
    done = sum(c.disinfected for c in closures)
    zh = f"{len(uses)} 次隔离后封闭 {len(closures)} 处，已消毒 {done} 处"
    en = f"after {len(uses)} isolations {len(closures)} places closed off, {done} disinfected"
    pending = [c.place for c in closures if not c.disinfected]
    without = sum(1 for use in uses if not use.closures)
    if pending:
        shown = pending[:PLACES_SHOWN]
        more_zh = f"等 {len(pending)} 处" if len(pending) > len(shown) else ""
        more_en = f" and {len(pending) - len(shown)} more" if len(pending) > len(shown) else ""
        zh += "；未消毒：" + "、".join(shown) + more_zh
        en += "; not disinfected: " + ", ".join(shown) + more_en
    if without:
        zh += f"；{without} 次未记录封闭"
        en += f"; {without} with no place closed off"
    return IsolationEvidence(item_id, zh, en, len(pending) + without)
