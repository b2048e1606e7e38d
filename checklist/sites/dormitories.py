"""The dormitory register's verdicts (GN（七）; BJHQ 三; BJTG 八): each room under the national and the Beijing
rule side by side, with the clause, by how much a failing room fails and what would make it pass.

The verdicts are the rule engine's (``checklist.rules``: ``dormitory.gn`` and ``dormitory.beijing``), never a
copy of its limits; this module adds only the remedy ("移出 1 人", "需再 2.5 m²"), computed from the same
limits and checked against the engine by the tests. Pure Python: no Qt, no database.

The room list judges thousands of rooms at once, so a verdict is computed in two parts: the verdict itself from
the rule's compiled form (:func:`checklist.rules.room_verdict`: a few comparisons with the rule's own limits),
at once for every room; the words (the summary, the findings, the remedy) by the rule engine's evaluator when
they are first read — a table asks only for the rows it shows — and shared by rooms alike.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from checklist.numbers import NumberFormatError, format_number, parse_count, parse_number
from checklist.rules import (
    DORMITORY_LIMITS,
    ROOM_AREA_M2,
    ROOM_OCCUPANTS,
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


class RoomInput(NamedTuple):
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
class Words:
    """What a verdict says: the summary (合格 / 不合格：… / 合格，需注意 / 空置), what would make the room pass
    ("" when it passes), and the rule engine's findings."""

    verdict: Verdict | None
    summary_zh: str
    summary_en: str
    remedy_zh: str
    remedy_en: str
    findings: tuple[Finding, ...] = ()


Facts = tuple[float, int, Location, bool, bool]  # area m², occupants, location, window, bunk beds


class RuleVerdict(NamedTuple):
    """One rule on one room. ``verdict`` None: no verdict (an empty room, or a value that cannot be judged).
    The words are the rule engine's, computed on first use from the room's facts. (A named tuple, as are
    :class:`RoomVerdicts` and the storage's room row: a list holds thousands, and a frozen dataclass takes three
    to five times as long to build.)"""

    rule: str
    verdict: Verdict | None
    clause_zh: str
    clause_en: str
    facts: Facts

    @property
    def words(self) -> Words:
        return _words(self.rule, *self.facts)

    @property
    def summary_zh(self) -> str:
        return self.words.summary_zh

    @property
    def summary_en(self) -> str:
        return self.words.summary_en

    @property
    def remedy_zh(self) -> str:
        return self.words.remedy_zh

    @property
    def remedy_en(self) -> str:
        return self.words.remedy_en

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.words.findings


class RoomVerdicts(NamedTuple):
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
    limits = DORMITORY_LIMITS[rule][room.location]
    per_room, per_person = limits.per_room, limits.per_person_m2
    failed = [f for f in findings if f.verdict is Verdict.FAIL]
    if not failed:
        return "", ""
    if limits.window_needed and not room.has_window:
        zh.append(f"半地下室无窗不得作宿舍：加装窗户，或迁出全部 {occupants} 人")
        en.append(f"a semi-basement room without windows is no dormitory: fit a window, or move all {occupants} out")
    if limits.no_bunk_beds and room.bunk_beds:
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
_CITE_ZH = {rule: cite.zh for rule, cite in _CITES.items()}
_CITE_EN = {rule: cite.en for rule, cite in _CITES.items()}


def _judge(rule: str, room: RoomInput, occupants: int, parsed: DormitoryRoom | MeasurementError | None) -> Words:
    cite = _CITES[rule]
    if parsed is None:
        return Words(None, "空置", "empty", "", "")
    if isinstance(parsed, MeasurementError):
        return Words(None, f"数据有误：{parsed.reason_zh}", f"cannot judge: {parsed.reason}", "", "")
    findings = RULES[rule].evaluate({}, (parsed,), cite)
    failed = [f for f in findings if f.verdict is Verdict.FAIL]
    if failed:
        remedy_zh, remedy_en = _remedy(rule, room, occupants, findings)
        reasons_zh = "；".join(f"{f.measured}（{f.limit}）" for f in failed)
        reasons_en = "; ".join(f"{f.measured_en} ({f.limit_en})" for f in failed)
        return Words(
            Verdict.FAIL,
            f"不合格：{reasons_zh}",
            f"fails: {reasons_en}",
            remedy_zh,
            remedy_en,
            tuple(findings),
        )
    warned = next((f for f in findings if f.verdict is Verdict.WARNING), None)
    if warned is not None:
        return Words(
            Verdict.WARNING,
            f"合格，需注意：{warned.limit}",
            f"passes, note: {warned.limit_en}",
            "",
            "",
            tuple(findings),
        )
    return Words(Verdict.PASS, "合格", "passes", "", "", tuple(findings))


ANY_ROOM = "—"
"""The name the rule engine is given: a verdict depends on a room's facts, not its name, so rooms alike share
one evaluation (a register is built of a few room types); findings' messages start with "—：" / "Room —: "."""


@functools.lru_cache(maxsize=65536)
def _words(rule: str, area_m2: float, occupants: int, location: Location, has_window: bool, bunk_beds: bool) -> Words:
    """The rule engine's findings and what they say, for a room of these facts (rooms alike share them)."""
    room = RoomInput(ANY_ROOM, area_m2, 1, location, has_window, bunk_beds)
    parsed: DormitoryRoom | MeasurementError | None = None
    if occupants:
        try:
            parsed = parse_room(0, room.inspection_row(occupants))
        except MeasurementError as error:
            parsed = error
    return _judge(rule, room, occupants, parsed)


_BOTH = {location: (DORMITORY_LIMITS[NATIONAL][location], DORMITORY_LIMITS[BEIJING][location]) for location in Location}
_NUMBERS = (float, int)


def judge_room(room: RoomInput, occupants: int) -> RoomVerdicts:
    """The room under the national and the Beijing rule, with ``occupants`` living in it: the verdicts from the
    rules' compiled form (:meth:`checklist.rules.RoomLimits.verdict`) when the rule engine accepts the values,
    the words from the engine's evaluators when first read. Values the engine refuses (``parse_room``) go
    through the engine at once, which says what is wrong."""
    area, location, window, bunk = room.area_m2, room.location, room.has_window, room.bunk_beds
    facts: Facts = (area, occupants, location, window, bunk)
    national: Verdict | None = None
    beijing: Verdict | None = None
    if occupants == 0:
        pass
    elif (
        type(area) in _NUMBERS
        and ROOM_AREA_M2.low <= area <= ROOM_AREA_M2.high
        and type(occupants) is int
        and ROOM_OCCUPANTS.low <= occupants <= ROOM_OCCUPANTS.high
        and type(window) is bool
        and type(bunk) is bool
        and location in _BOTH
    ):
        national_limits, beijing_limits = _BOTH[location]
        national = national_limits.verdict(area, occupants, window, bunk)
        beijing = beijing_limits.verdict(area, occupants, window, bunk)
    else:
        national, beijing = _words(NATIONAL, *facts).verdict, _words(BEIJING, *facts).verdict
    return RoomVerdicts(
        room,
        occupants,
        RuleVerdict(NATIONAL, national, _CITE_ZH[NATIONAL], _CITE_EN[NATIONAL], facts),
        RuleVerdict(BEIJING, beijing, _CITE_ZH[BEIJING], _CITE_EN[BEIJING], facts),
    )


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
