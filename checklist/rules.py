"""The rule engine: numeric rules of the official sources, evaluated against measured values.

Each rule has a stable id (referenced from catalog items), the clauses it comes from, the inputs it reads,
and an ``evaluate`` function that returns :class:`Finding` objects: which rule, which clause, the measured
value, the limit, and pass / fail / warning. Bad input raises :class:`MeasurementError` with a message that
says which value is wrong and why — never a wrong verdict.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from checklist.numbers import NumberFormatError, Range, format_number, parse_number


class MeasurementKind(StrEnum):
    NUMBER = "number"  # a real number with a unit (mg/L, minutes, m²)
    COUNT = "count"  # a whole number ≥ 0
    PERCENT = "percent"  # 0 – 100
    TEMPERATURE_C = "temperature_c"  # a human body temperature in °C
    BOOLEAN = "boolean"
    DATE = "date"  # ISO date text
    TEXT = "text"


class Verdict(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    WARNING = "warning"


class Location(StrEnum):
    ABOVE_GROUND = "above_ground"
    SEMI_BASEMENT = "semi_basement"
    UNDERGROUND = "underground"


LOCATION_ZH = {Location.ABOVE_GROUND: "地上", Location.SEMI_BASEMENT: "半地下室", Location.UNDERGROUND: "地下"}

DORMITORY_ROOMS = "dormitory_rooms"
TABLE_KINDS = frozenset({DORMITORY_ROOMS})

# Plausible human body temperature in °C; outside it the value is a typing error, not a fever.
BODY_TEMPERATURE_C = (34.0, 43.0)

# The plausible range of every measured number, by measurement key: outside it a value is a typing error
# (1e9 checks a day, a million minutes) and is refused with the range in the message, never judged.
PLAUSIBLE_RANGES: dict[str, Range] = {
    "checks_per_day": Range(0, 24, "checks per day", "次/日"),
    "morning_checks_per_day": Range(0, 12, "checks", "次"),
    "afternoon_checks_per_day": Range(0, 12, "checks", "次"),
    "min_observation_days": Range(0, 60, "days", "天"),
    "on_site_staff": Range(0, 1_000_000, "people", "人"),
    "total_staff": Range(1, 1_000_000, "people", "人"),
    "chlorine_mg_per_l": Range(0, 100_000, "mg/L", "mg/L"),
    "contact_minutes": Range(0, 1440, "min", "分钟"),
    "highest_temperature_c": Range(*BODY_TEMPERATURE_C, "°C", "°C"),
}
ROOM_AREA_M2 = Range(1, 1000, "m²", "m²")
ROOM_OCCUPANTS = Range(1, 100, "people", "人")


class MeasurementError(ValueError):
    """A measured value that cannot be evaluated. ``field`` names it, the message says why."""

    def __init__(self, field: str, message: str, message_zh: str = "") -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message
        self.reason_zh = message_zh or message


@dataclass(frozen=True)
class Citation:
    document: str  # catalog id of the source, e.g. "GN"
    clause: str  # e.g. "二、（七）"

    def __str__(self) -> str:
        return f"{self.document} {self.clause}"


@dataclass(frozen=True)
class Finding:
    """One rule applied to one subject (a room, or the item itself)."""

    rule: str
    citation: str
    subject: str
    measured: str
    limit: str
    verdict: Verdict
    message_zh: str
    message_en: str

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "citation": self.citation,
            "subject": self.subject,
            "measured": self.measured,
            "limit": self.limit,
            "verdict": self.verdict.value,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


@dataclass(frozen=True)
class DormitoryRoom:
    """One row of the dormitory-room table."""

    name: str
    area_m2: float
    occupants: int
    location: Location = Location.ABOVE_GROUND
    has_window: bool = True
    bunk_beds: bool = False

    @property
    def area_per_person(self) -> float:
        return self.area_m2 / self.occupants


Evaluator = Callable[[Mapping[str, Any], Sequence[DormitoryRoom]], list[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    title_zh: str
    title_en: str
    citations: tuple[Citation, ...]
    evaluate: Evaluator
    inputs: Mapping[str, MeasurementKind] = field(default_factory=dict)
    table: str = ""

    @property
    def citation(self) -> str:
        return "; ".join(str(c) for c in self.citations)


# ---------------------------------------------------------------------------------------------------
# Input validation


def _number(name: str, value: Any) -> float:
    """A number given as a JSON/Python number or as text read by :func:`checklist.numbers.parse_number`."""
    if isinstance(value, str):
        try:
            return parse_number(value)
        except NumberFormatError as exc:
            raise MeasurementError(name, exc.message_en, exc.message_zh) from None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise MeasurementError(name, f"{value!r} is not a number", f"“{value}”不是数字")
    number = float(value)
    if not math.isfinite(number):
        raise MeasurementError(name, "must be a finite number", "应为有限的数值")
    return number


def _in_range(name: str, number: float, plausible: Range | None, what_en: str = "", what_zh: str = "") -> None:
    if plausible is None or plausible.contains(number):
        return
    what_en = what_en or name
    what_zh = what_zh or name
    raise MeasurementError(
        name,
        f"{format_number(number)} is outside the plausible range of {what_en}, "
        f"{plausible.describe_en()}; nothing was evaluated — check the value",
        f"{what_zh} {format_number(number)} 超出合理范围 {plausible.describe_zh()}，未作判定，请核对",
    )


def validate_measurement(name: str, kind: MeasurementKind, value: Any) -> Any:
    """Check one measured value and return it in canonical form, or raise :class:`MeasurementError`."""
    if kind is MeasurementKind.BOOLEAN:
        if isinstance(value, bool):
            return value
        raise MeasurementError(name, f"{value!r} is not yes/no", "应为“是”或“否”")
    if kind in (MeasurementKind.TEXT, MeasurementKind.DATE):
        if not isinstance(value, str):
            raise MeasurementError(name, f"{value!r} is not text", "应为文字")
        if kind is MeasurementKind.DATE:
            import datetime as dt

            try:
                return dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                raise MeasurementError(
                    name, f"{value!r} is not a date (YYYY-MM-DD)", f"“{value}”不是日期（格式 YYYY-MM-DD）"
                ) from None
        return value
    number = _number(name, value)
    if kind is MeasurementKind.COUNT:
        if number < 0 or number != int(number):
            raise MeasurementError(name, f"{value!r} is not a whole number ≥ 0", f"“{value}”不是大于等于 0 的整数")
        _in_range(name, number, PLAUSIBLE_RANGES.get(name))
        return int(number)
    if kind is MeasurementKind.PERCENT:
        if not 0 <= number <= 100:
            raise MeasurementError(name, f"{number:g} % is outside 0–100 %", f"{number:g} % 超出 0–100 % 的范围")
        return number
    if kind is MeasurementKind.TEMPERATURE_C:
        low, high = BODY_TEMPERATURE_C
        if low <= number <= high:
            return number
        if 93.0 <= number <= 109.0:
            celsius = (number - 32) * 5 / 9
            raise MeasurementError(
                name,
                f"{number:g} looks like °F ({celsius:.1f} °C); enter the temperature in °C",
                f"{number:g} 像是华氏度（约 {celsius:.1f} °C），请按摄氏度填写",
            )
        if low / 10 <= number <= high / 10:
            raise MeasurementError(
                name,
                f"{number:g} °C is not a body temperature; did you mean {number * 10:g} °C?",
                f"{number:g} °C 不是体温，是否应为 {number * 10:g} °C？",
            )
        raise MeasurementError(
            name,
            f"{number:g} °C is outside the plausible range {low:g}–{high:g} °C",
            f"{number:g} °C 超出体温的合理范围 {low:g}–{high:g} °C",
        )
    if number < 0:
        raise MeasurementError(name, f"{number:g} must not be negative", f"{number:g} 不能为负数")
    _in_range(name, number, PLAUSIBLE_RANGES.get(name))
    return number


def parse_room(index: int, row: Mapping[str, Any]) -> DormitoryRoom:
    """Validate one dormitory-room row (from the GUI, an import file or the database)."""
    where = f"dormitory_rooms[{index}]"
    if not isinstance(row, Mapping):
        raise MeasurementError(where, "is not a room record", "不是宿舍房间记录")
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        raise MeasurementError(f"{where}.name", "a room needs a name or number", "房间需要填写名称或编号")
    where = f"room {name.strip()}"
    area = _number(f"{where}: area_m2", row.get("area_m2"))
    if area <= 0:
        raise MeasurementError(f"{where}: area_m2", f"{area:g} m² must be greater than 0", f"面积 {area:g} m² 应大于 0")
    _in_range(f"{where}: area_m2", area, ROOM_AREA_M2, "a room's floor area", "房间面积")
    occupants_raw = row.get("occupants")
    occupants = _number(f"{where}: occupants", occupants_raw)
    if occupants != int(occupants) or occupants < 0:
        raise MeasurementError(
            f"{where}: occupants",
            f"{occupants_raw!r} is not a whole number of people ≥ 0",
            f"人数“{occupants_raw}”不是大于等于 0 的整数",
        )
    if occupants == 0:
        raise MeasurementError(
            f"{where}: occupants",
            "0 occupants: an empty room is not a dormitory in use; leave it out",
            "人数为 0：空房间不是在用宿舍，请不要录入",
        )
    _in_range(f"{where}: occupants", occupants, ROOM_OCCUPANTS, "occupants of one room", "每间人数")
    try:
        location = Location(row.get("location", Location.ABOVE_GROUND.value))
    except ValueError:
        raise MeasurementError(
            f"{where}: location",
            f"{row.get('location')!r} is not above_ground, semi_basement or underground",
            "位置应为地上、半地下室或地下",
        ) from None
    flags: dict[str, bool] = {}
    for flag, default in (("has_window", True), ("bunk_beds", False)):
        value = row.get(flag, default)
        if not isinstance(value, bool):
            raise MeasurementError(f"{where}: {flag}", f"{value!r} is not yes/no", "应为“是”或“否”")
        flags[flag] = value
    return DormitoryRoom(name.strip(), area, int(occupants), location, flags["has_window"], flags["bunk_beds"])


# ---------------------------------------------------------------------------------------------------
# The rules


def _fmt(value: float, limit: float | None = None) -> str:
    return format_number(value, limit)


def _check(
    rule: str,
    citation: str,
    subject: str,
    ok: bool,
    measured: str,
    limit: str,
    what_zh: str,
    what_en: str,
    fail_verdict: Verdict = Verdict.FAIL,
) -> Finding:
    verdict = Verdict.PASS if ok else fail_verdict
    relation = "符合" if ok else "不符合"
    relation_en = "meets" if ok else "does not meet"
    return Finding(
        rule=rule,
        citation=citation,
        subject=subject,
        measured=measured,
        limit=limit,
        verdict=verdict,
        message_zh=f"{subject}：{what_zh} {measured}，{relation}“{limit}”（{citation}）",
        message_en=f"{subject}: {what_en} {measured} {relation_en} '{limit}' ({citation})",
    )


def _dormitory_gn(_: Mapping[str, Any], rooms: Sequence[DormitoryRoom]) -> list[Finding]:
    rule, cite = "dormitory.gn", "GN 二、（七）"
    findings: list[Finding] = []
    for room in rooms:
        findings.append(
            _check(
                rule, cite, room.name, room.occupants <= 6, f"{room.occupants} 人", "≤ 6 人/间", "每间居住", "occupants"
            )
        )
        findings.append(
            _check(
                rule,
                cite,
                room.name,
                room.area_per_person >= 2.5,
                f"{_fmt(room.area_per_person, 2.5)} m²/人",
                "≥ 2.5 m²/人",
                "人均面积",
                "area per person",
            )
        )
    return findings


def _dormitory_beijing(_: Mapping[str, Any], rooms: Sequence[DormitoryRoom]) -> list[Finding]:
    rule, cite = "dormitory.beijing", "BJHQ 三; BJTG 八"
    findings: list[Finding] = []
    for room in rooms:
        limit = 5 if room.location is Location.UNDERGROUND else 4
        per_person = f"{_fmt(room.area_per_person, limit)} m²/人"
        if room.location is Location.UNDERGROUND:
            findings.append(
                Finding(
                    rule,
                    cite,
                    room.name,
                    LOCATION_ZH[room.location],
                    "原则上不安排在地下空间居住",
                    Verdict.WARNING,
                    f"{room.name}：位于地下空间，原则上不安排居住，仅在确需时允许（{cite}）",
                    f"{room.name}: underground; allowed only where unavoidable ({cite})",
                )
            )
            findings.append(
                _check(
                    rule,
                    cite,
                    room.name,
                    room.area_per_person >= 5,
                    per_person,
                    "地下 ≥ 5 m²/人",
                    "人均面积",
                    "area per person",
                )
            )
            findings.append(
                _check(
                    rule,
                    cite,
                    room.name,
                    room.occupants <= 2,
                    f"{room.occupants} 人",
                    "地下 ≤ 2 人/间",
                    "每间居住",
                    "occupants",
                )
            )
            findings.append(
                _check(
                    rule,
                    cite,
                    room.name,
                    not room.bunk_beds,
                    "有上下床" if room.bunk_beds else "无上下床",
                    "地下不得设置上下床",
                    "bunk beds:",
                    "bunk beds",
                )
            )
            continue
        if room.location is Location.SEMI_BASEMENT:
            findings.append(
                _check(
                    rule,
                    cite,
                    room.name,
                    room.has_window,
                    "有窗" if room.has_window else "无窗",
                    "半地下室无窗户的不作为宿舍",
                    "半地下室",
                    "semi-basement,",
                )
            )
        findings.append(
            _check(
                rule, cite, room.name, room.area_per_person >= 4, per_person, "≥ 4 m²/人", "人均面积", "area per person"
            )
        )
        findings.append(
            _check(
                rule, cite, room.name, room.occupants <= 6, f"{room.occupants} 人", "≤ 6 人/间", "每间居住", "occupants"
            )
        )
    return findings


def _at_least(rule: str, cite: str, key: str, minimum: float, unit: str, what_zh: str, what_en: str) -> Evaluator:
    def evaluate(values: Mapping[str, Any], _: Sequence[DormitoryRoom]) -> list[Finding]:
        if key not in values:
            return []
        value = float(values[key])
        return [
            _check(
                rule,
                cite,
                what_zh,
                value >= minimum,
                f"{_fmt(value, minimum)} {unit}",
                f"≥ {_fmt(minimum)} {unit}",
                "",
                what_en,
            )
        ]

    return evaluate


def _attendance(values: Mapping[str, Any], _: Sequence[DormitoryRoom]) -> list[Finding]:
    rule, cite = "attendance.half", "BJTG 九"
    if values.get("dense_enterprise") is False:
        return []
    if "on_site_staff" not in values or "total_staff" not in values:
        return []
    on_site, total = int(values["on_site_staff"]), int(values["total_staff"])
    if total == 0:
        raise MeasurementError(
            "total_staff", "0 employees: the attendance rate cannot be computed", "员工总数为 0，无法计算到岗率"
        )
    if on_site > total:
        raise MeasurementError(
            "on_site_staff",
            f"{on_site} on site is more than the {total} employees",
            f"到岗 {on_site} 人多于员工总数 {total} 人",
        )
    rate = on_site / total * 100
    return [_check(rule, cite, "到岗率", rate <= 50, f"{_fmt(rate, 50)} %", "≤ 50 %", "", "on-site attendance")]


def _disinfectant(values: Mapping[str, Any], rooms: Sequence[DormitoryRoom]) -> list[Finding]:
    cite = "公共交通防控指引（2.0版） 一（一）2"
    findings = _at_least(
        "disinfectant.chlorine", cite, "chlorine_mg_per_l", 500, "mg/L", "含氯消毒液有效氯浓度", "available chlorine"
    )(values, rooms)
    findings += _at_least("disinfectant.chlorine", cite, "contact_minutes", 30, "min", "消毒作用时间", "contact time")(
        values, rooms
    )
    return findings


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "dormitory.gn",
            "集体宿舍密度（全国）",
            "Dormitory density (national)",
            (Citation("GN", "二、（七）"),),
            _dormitory_gn,
            table=DORMITORY_ROOMS,
        ),
        Rule(
            "dormitory.beijing",
            "集体宿舍密度与地下空间（北京）",
            "Dormitory density and underground rooms (Beijing)",
            (Citation("BJHQ", "三"), Citation("BJTG", "八")),
            _dormitory_beijing,
            table=DORMITORY_ROOMS,
        ),
        Rule(
            "temperature.twice_daily",
            "每日 2 次体温检测",
            "Temperature checked twice a day",
            (Citation("GN", "一、（一）"), Citation("BJHQ", "二")),
            _at_least(
                "temperature.twice_daily",
                "GN 一、（一）; BJHQ 二",
                "checks_per_day",
                2,
                "次/日",
                "每日体温检测次数",
                "temperature checks per day",
            ),
            inputs={"checks_per_day": MeasurementKind.COUNT},
        ),
        Rule(
            "observation.14_days",
            "返京人员观察 14 天",
            "14-day observation after returning to Beijing",
            (Citation("BJHQ", "二"), Citation("BJTG", "三")),
            _at_least(
                "observation.14_days",
                "BJHQ 二; BJTG 三",
                "min_observation_days",
                14,
                "天",
                "返岗前最短观察天数",
                "shortest observation before returning to work",
            ),
            inputs={"min_observation_days": MeasurementKind.COUNT},
        ),
        Rule(
            "attendance.half",
            "人员密集企业到岗率不超过 50%",
            "On-site attendance ≤ 50 % in dense enterprises",
            (Citation("BJTG", "九"),),
            _attendance,
            inputs={
                "dense_enterprise": MeasurementKind.BOOLEAN,
                "on_site_staff": MeasurementKind.COUNT,
                "total_staff": MeasurementKind.COUNT,
            },
        ),
        Rule(
            "disinfectant.chlorine",
            "含氯消毒液 500 mg/L，作用 30 分钟",
            "Chlorine disinfectant 500 mg/L, 30 min",
            (Citation("公共交通防控指引（2.0版）", "一（一）2"),),
            _disinfectant,
            inputs={"chlorine_mg_per_l": MeasurementKind.NUMBER, "contact_minutes": MeasurementKind.NUMBER},
        ),
    )
}


def evaluate_rule(rule_id: str, values: Mapping[str, Any], rooms: Sequence[DormitoryRoom] = ()) -> list[Finding]:
    """Apply one rule to already validated values and rooms."""
    try:
        rule = RULES[rule_id]
    except KeyError:
        raise MeasurementError("rule", f"unknown rule {rule_id!r}", f"未知规则 {rule_id}") from None
    return rule.evaluate(values, rooms)
