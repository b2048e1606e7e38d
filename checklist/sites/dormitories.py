"""The dormitory register's verdicts (GN（七）; BJHQ 三; BJTG 八): each room under the national and the Beijing
rule side by side, with the clause, by how much a failing room fails and what would make it pass.

The verdicts are the rule engine's (``checklist.rules``: ``dormitory.gn`` and ``dormitory.beijing``), never a
copy of its limits; this module adds only the remedy ("移出 1 人", "需再 2.5 m²"), computed from the same
limits and checked against the engine by the tests. Pure Python: no Qt, no database.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checklist.numbers import NumberFormatError, format_number, parse_count, parse_number
from checklist.rules import (
    RULES,
    DormitoryRoom,
    Finding,
    Location,
    MeasurementError,
    Verdict,
    parse_room,
)

MAX_BEDS = 100
NATIONAL, BEIJING = "dormitory.gn", "dormitory.beijing"
# The limits the remedies are computed from: (people per room, m² per person), by rule and location. The tests
# check each remedy against the rule engine itself, so a limit changed there and not here fails a test.
_LIMITS: dict[tuple[str, Location], tuple[int, float]] = {
    (NATIONAL, Location.ABOVE_GROUND): (6, 2.5),
    (NATIONAL, Location.SEMI_BASEMENT): (6, 2.5),
    (NATIONAL, Location.UNDERGROUND): (6, 2.5),
    (BEIJING, Location.ABOVE_GROUND): (6, 4.0),
    (BEIJING, Location.SEMI_BASEMENT): (6, 4.0),
    (BEIJING, Location.UNDERGROUND): (2, 5.0),
}


@dataclass(frozen=True)
class RoomInput:
    """A room of the register as entered: ``name`` is what the roster's 宿舍 field holds."""

    name: str
    area_m2: float
    beds: int
    location: Location = Location.ABOVE_GROUND
    has_window: bool = True
    bunk_beds: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "area_m2": self.area_m2,
            "beds": self.beds,
            "location": self.location.value,
            "has_window": self.has_window,
            "bunk_beds": self.bunk_beds,
        }

    def inspection_row(self, occupants: int) -> dict[str, Any]:
        """The row an inspection's dormitory table copies (``storage.inspections.set_rooms``)."""
        return {
            "name": self.name,
            "area_m2": self.area_m2,
            "occupants": occupants,
            "location": self.location.value,
            "has_window": self.has_window,
            "bunk_beds": self.bunk_beds,
        }


@dataclass(frozen=True)
class RuleVerdict:
    """One rule on one room. ``verdict`` None: no verdict (an empty room, or a value that cannot be judged)."""

    rule: str
    verdict: Verdict | None
    clause_zh: str
    clause_en: str
    summary_zh: str  # 合格 / 不合格：… / 合格，需注意 / 空置
    summary_en: str
    remedy_zh: str  # what would make it pass; "" when it passes
    remedy_en: str
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class RoomVerdicts:
    room: RoomInput
    occupants: int
    national: RuleVerdict
    beijing: RuleVerdict

    @property
    def full(self) -> bool:
        return self.occupants >= self.room.beds


def validate_room(values: Mapping[str, Any]) -> RoomInput:
    """Check one room as typed or raise :class:`MeasurementError` naming the field, in both languages."""
    name = values.get("name")
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > 30:
        raise MeasurementError("name", "a room needs a name of 1–30 characters", "房间需要名称（1–30 个字）")
    name = name.strip()
    area_raw, beds_raw = values.get("area_m2"), values.get("beds")
    try:
        area = parse_number(area_raw) if isinstance(area_raw, str) else float(area_raw)  # type: ignore[arg-type]
        beds = parse_count(beds_raw) if isinstance(beds_raw, str) else int(beds_raw)  # type: ignore[arg-type]
    except NumberFormatError as error:
        raise MeasurementError(f"room {name}", error.message_en, error.message_zh) from None
    except (TypeError, ValueError):
        raise MeasurementError(
            f"room {name}", "floor area and beds must be numbers", "面积和床位数必须是数字"
        ) from None
    if not math.isfinite(area) or not 1 <= area <= 1000:
        raise MeasurementError(
            f"room {name}: area_m2",
            f"{format_number(area)} m² is outside 1–1,000 m²; nothing was saved",
            f"面积 {format_number(area)} m² 超出 1–1000 m² 的范围；没有保存",
        )
    if (
        isinstance(beds_raw, bool)
        or (isinstance(beds_raw, float) and beds_raw != int(beds_raw))
        or not 1 <= beds <= MAX_BEDS
    ):
        raise MeasurementError(
            f"room {name}: beds",
            f"{beds_raw} beds is not a whole number in 1–{MAX_BEDS}; nothing was saved",
            f"床位数 {beds_raw} 不是 1–{MAX_BEDS} 的整数；没有保存",
        )
    try:
        location = Location(values.get("location", Location.ABOVE_GROUND.value))
    except ValueError:
        raise MeasurementError(
            f"room {name}: location",
            "the location is above_ground, semi_basement or underground",
            "位置应为地上、半地下室或地下",
        ) from None
    flags = {}
    for flag, default in (("has_window", True), ("bunk_beds", False)):
        value = values.get(flag, default)
        if not isinstance(value, bool):
            raise MeasurementError(f"room {name}: {flag}", f"{value!r} is not yes/no", "应为“是”或“否”")
        flags[flag] = value
    return RoomInput(name, area, beds, location, flags["has_window"], flags["bunk_beds"])


def most_people(area_m2: float, per_person: float, per_room: int) -> int:
    """The most people a room of ``area_m2`` holds under both limits (area ÷ people ≥ per_person, as the rule
    engine divides)."""
    people = min(per_room, int(area_m2 // per_person))
    while people > 0 and area_m2 / people < per_person:
        people -= 1
    while people < per_room and area_m2 / (people + 1) >= per_person:
        people += 1
    return people


def area_needed(area_m2: float, occupants: int, per_person: float) -> float:
    """The floor area to add, rounded up to 0.1 m², for ``occupants`` to have ``per_person`` each."""
    missing = occupants * per_person - area_m2
    if missing <= 0:
        return 0.0
    step = math.ceil(round(missing * 10, 6)) / 10
    while (area_m2 + step) / occupants < per_person:
        step = round(step + 0.1, 1)
    return step


def _remedy(rule: str, room: RoomInput, occupants: int, findings: list[Finding]) -> tuple[str, str]:
    """What would make the room pass ``rule``: the fewest people to move out, and (where the head count itself
    is allowed) the area to add; a semi-basement without windows, or bunk beds underground, say so."""
    zh: list[str] = []
    en: list[str] = []
    per_room, per_person = _LIMITS[(rule, room.location)]
    failed = [f for f in findings if f.verdict is Verdict.FAIL]
    if not failed:
        return "", ""
    if rule == BEIJING and room.location is Location.SEMI_BASEMENT and not room.has_window:
        zh.append(f"半地下室无窗不得作宿舍：加装窗户，或迁出全部 {occupants} 人")
        en.append(f"a semi-basement room without windows is no dormitory: fit a window, or move all {occupants} out")
    if rule == BEIJING and room.location is Location.UNDERGROUND and room.bunk_beds:
        zh.append("拆除上下床")
        en.append("remove the bunk beds")
    fits = most_people(room.area_m2, per_person, per_room)
    if occupants > fits:
        move = occupants - fits
        option_zh, option_en = f"移出 {move} 人", f"move {move} {'person' if move == 1 else 'people'} out"
        if occupants <= per_room:
            add = format_number(area_needed(room.area_m2, occupants, per_person))
            option_zh += f"，或需再 {add} m²"
            option_en += f", or add {add} m²"
        zh.append(option_zh)
        en.append(option_en)
    return "；".join(zh), "; ".join(en)


_CITES = {rule: RULES[rule].cite_for(None) for rule in (NATIONAL, BEIJING)}


def _judge(rule: str, room: RoomInput, occupants: int, parsed: DormitoryRoom | MeasurementError | None) -> RuleVerdict:
    cite = _CITES[rule]
    if parsed is None:
        return RuleVerdict(rule, None, cite.zh, cite.en, "空置", "empty", "", "")
    if isinstance(parsed, MeasurementError):
        return RuleVerdict(
            rule, None, cite.zh, cite.en, f"数据有误：{parsed.reason_zh}", f"cannot judge: {parsed.reason}", "", ""
        )
    findings = RULES[rule].evaluate({}, (parsed,), cite)
    failed = [f for f in findings if f.verdict is Verdict.FAIL]
    if failed:
        remedy_zh, remedy_en = _remedy(rule, room, occupants, findings)
        reasons_zh = "；".join(f"{f.measured}（{f.limit}）" for f in failed)
        reasons_en = "; ".join(f"{f.measured_en} ({f.limit_en})" for f in failed)
        return RuleVerdict(
            rule,
            Verdict.FAIL,
            cite.zh,
            cite.en,
            f"不合格：{reasons_zh}",
            f"fails: {reasons_en}",
            remedy_zh,
            remedy_en,
            tuple(findings),
        )
    warned = next((f for f in findings if f.verdict is Verdict.WARNING), None)
    if warned is not None:
        return RuleVerdict(
            rule,
            Verdict.WARNING,
            cite.zh,
            cite.en,
            f"合格，需注意：{warned.limit}",
            f"passes, note: {warned.limit_en}",
            "",
            "",
            tuple(findings),
        )
    return RuleVerdict(rule, Verdict.PASS, cite.zh, cite.en, "合格", "passes", "", "", tuple(findings))


ANY_ROOM = "—"
"""The name the rule engine is given: a verdict depends on a room's facts, not its name, so rooms alike share
one evaluation (a register is built of a few room types); findings' messages start with "—：" / "Room —: "."""


@functools.lru_cache(maxsize=65536)
def _judged(
    area_m2: float, occupants: int, location: Location, has_window: bool, bunk_beds: bool
) -> tuple[RuleVerdict, RuleVerdict]:
    room = RoomInput(ANY_ROOM, area_m2, 1, location, has_window, bunk_beds)
    parsed: DormitoryRoom | MeasurementError | None = None
    if occupants:
        try:
            parsed = parse_room(0, room.inspection_row(occupants))
        except MeasurementError as error:
            parsed = error
    return _judge(NATIONAL, room, occupants, parsed), _judge(BEIJING, room, occupants, parsed)


def judge_room(room: RoomInput, occupants: int) -> RoomVerdicts:
    """The room under the national and the Beijing rule (the rule engine's own evaluators, as
    :func:`checklist.rules.evaluate_rule` calls them), with ``occupants`` living in it."""
    national, beijing = _judged(room.area_m2, occupants, room.location, room.has_window, room.bunk_beds)
    return RoomVerdicts(room, occupants, national, beijing)


def finding_text(finding: Finding, english: bool) -> str:
    """A finding's message without the room name it was evaluated under (see :data:`ANY_ROOM`)."""
    if english:
        return finding.message_en.removeprefix(f"Room {ANY_ROOM}: ")
    return finding.message_zh.removeprefix(f"{ANY_ROOM}：")


@dataclass(frozen=True)
class Warning_:
    zh: str
    en: str


def assignment_warnings(room: RoomInput, occupants_now: int) -> list[Warning_]:
    """What to say before one more person is assigned to ``room``: full, or failing (or made to fail) a rule."""
    warnings: list[Warning_] = []
    if occupants_now >= room.beds:
        warnings.append(
            Warning_(
                f"{room.name} 已住满：{room.beds} 张床位已住 {occupants_now} 人。",
                f"{room.name} is full: {occupants_now} people in {room.beds} beds.",
            )
        )
    after = judge_room(room, occupants_now + 1)
    for verdict in (after.national, after.beijing):
        if verdict.verdict is Verdict.FAIL:
            warnings.append(
                Warning_(
                    f"再住 1 人后（共 {occupants_now + 1} 人）不符合 {verdict.clause_zh}：{verdict.summary_zh}",
                    f"With one more ({occupants_now + 1} people) it fails {verdict.clause_en}: {verdict.summary_en}",
                )
            )
    return warnings
