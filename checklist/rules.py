"""The rule engine: numeric rules of the official sources, evaluated against measured values.

Each rule has a stable id (referenced from catalog items), the clauses it comes from, the inputs it reads,
and an ``evaluate`` function that returns :class:`Finding` objects: which rule, which clause, the measured
value, the limit, and pass / fail / warning. Bad input raises :class:`MeasurementError` with a message that
says which value is wrong and why — never a wrong verdict.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
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


class RuleKind(StrEnum):
    """A ``rule`` decides an item's result; a ``reference`` method is a figure from another document that the
    item's own clause does not state: its findings inform (pass or warning) but never decide the item."""

    RULE = "rule"
    REFERENCE = "reference"


@dataclass(frozen=True)
class Citation:
    document: str  # catalog id of the source, e.g. "GN", or a reference document's short name
    clause: str  # e.g. "二、（七）"
    clause_en: str = ""  # e.g. "2 (7)"
    document_en: str = ""  # a reference document's English short name

    def __str__(self) -> str:
        return f"{self.document} {self.clause}"

    def english(self) -> str:
        return f"{self.document_en or self.document} {self.clause_en or self.clause}"


@dataclass(frozen=True)
class Cite:
    """The citation text a finding prints, in Chinese and in English."""

    zh: str
    en: str


@dataclass(frozen=True)
class Finding:
    """One rule applied to one subject (a room, or the item itself). ``measured``/``limit`` are Chinese,
    ``measured_en``/``limit_en`` the same in English words and units."""

    rule: str
    citation: str
    subject: str
    measured: str
    limit: str
    verdict: Verdict
    message_zh: str
    message_en: str
    measured_en: str = ""
    limit_en: str = ""
    kind: RuleKind = RuleKind.RULE
    citation_en: str = ""

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
            "measured_en": self.measured_en or self.measured,
            "limit_en": self.limit_en or self.limit,
            "kind": self.kind.value,
            "citation_en": self.citation_en or self.citation,
        }


@dataclass(frozen=True)
class Question:
    """Something the officer must answer before a rule can give a verdict (no verdict is guessed)."""

    rule: str
    key: str  # the measurement that answers it
    message_zh: str
    message_en: str


class QuestionNeeded(Exception):
    """Raised by an evaluator when a fact that decides whether the rule applies is unanswered."""

    def __init__(self, question: Question) -> None:
        super().__init__(question.message_en)
        self.question = question


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


Evaluator = Callable[[Mapping[str, Any], Sequence[DormitoryRoom], Cite], list[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule of the engine. ``evaluate(values, rooms, citation)`` gets the citation text to print, already
    narrowed to the documents the inspection chose (see :meth:`citation_for`)."""

    id: str
    title_zh: str
    title_en: str
    citations: tuple[Citation, ...]
    evaluate: Evaluator
    inputs: Mapping[str, MeasurementKind] = field(default_factory=dict)
    table: str = ""
    kind: RuleKind = RuleKind.RULE
    optional: frozenset[str] = frozenset()  # inputs an item may leave out (added after catalogs 1.0.0)

    @property
    def citation(self) -> str:
        return "; ".join(str(c) for c in self.citations)

    def cite_for(self, documents: Collection[str] | None, fallback: Cite | None = None) -> Cite:
        """The citations among ``documents`` (the catalogs an inspection chose); a reference method always cites
        its own document. Nothing left (a rule an old catalog version attached elsewhere): ``fallback``, the
        item's own clause."""
        kept = list(self.citations)
        if documents is not None and self.kind is RuleKind.RULE:
            kept = [c for c in self.citations if c.document in documents]
            if not kept and fallback is not None:
                return fallback
        return Cite("; ".join(str(c) for c in kept), "; ".join(c.english() for c in kept))


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
    cite: Cite,
    subject: tuple[str, str],
    ok: bool,
    measured: tuple[str, str],
    limit: tuple[str, str],
    what: tuple[str, str],
    fail_verdict: Verdict = Verdict.FAIL,
    kind: RuleKind = RuleKind.RULE,
) -> Finding:
    """One comparison as a finding; every text pair is (Chinese, English)."""
    verdict = Verdict.PASS if ok else fail_verdict
    if kind is RuleKind.REFERENCE:
        relation_zh = "符合参考方法" if ok else "不符合参考方法"
        relation_en = "meets the reference method" if ok else "does not meet the reference method"
    else:
        relation_zh = "符合" if ok else "不符合"
        relation_en = "meets" if ok else "does not meet"
    what_zh = f"{what[0]} " if what[0] else ""
    what_en = f"{what[1]} " if what[1] else ""
    return Finding(
        rule=rule,
        citation=cite.zh,
        subject=subject[0],
        measured=measured[0],
        limit=limit[0],
        verdict=verdict,
        message_zh=f"{subject[0]}：{what_zh}{measured[0]}，{relation_zh}“{limit[0]}”（{cite.zh}）",
        message_en=f"{subject[1]}: {what_en}{measured[1]} {relation_en} '{limit[1]}' ({cite.en})",
        measured_en=measured[1],
        limit_en=limit[1],
        kind=kind,
        citation_en=cite.en,
    )


def _people(count: int) -> tuple[str, str]:
    return f"{count} 人", f"{count} {'person' if count == 1 else 'people'}"


def _per_person(room: DormitoryRoom, limit: float) -> tuple[str, str]:
    shown = _fmt(room.area_per_person, limit)
    return f"{shown} m²/人", f"{shown} m² per person"


def _room(room: DormitoryRoom) -> tuple[str, str]:
    return room.name, f"Room {room.name}"


@dataclass(frozen=True)
class RoomLimits:
    """What a dormitory rule holds one room to, at one location. The rule's evaluator (the findings, with their
    words) and its compiled verdict (:func:`room_verdict`, no words) both read these figures, so they cannot
    disagree on a limit."""

    per_room: int  # the most people in one room
    per_person_m2: float  # the least floor area per person
    window_needed: bool = False  # a room without windows fails (a semi-basement in Beijing)
    no_bunk_beds: bool = False  # bunk beds fail (underground in Beijing)
    discouraged: bool = False  # allowed only where unavoidable: always a warning (underground in Beijing)

    def verdict(self, area_m2: float, occupants: int, has_window: bool, bunk_beds: bool) -> Verdict:
        """The verdict the rule's findings on a room of valid values come to (a fail among them: FAIL; else a
        warning: WARNING; else PASS), by the evaluator's own comparisons, without building the findings."""
        if (
            occupants > self.per_room
            or not area_m2 / occupants >= self.per_person_m2
            or (self.window_needed and not has_window)
            or (self.no_bunk_beds and bunk_beds)
        ):
            return Verdict.FAIL
        return Verdict.WARNING if self.discouraged else Verdict.PASS


DORMITORY_LIMITS: dict[str, dict[Location, RoomLimits]] = {
    # GN 二（七）: "每间宿舍居住不超过 6 人，人均居住面积不低于 2.5 平方米"
    "dormitory.gn": {location: RoomLimits(6, 2.5) for location in Location},
    # BJHQ 三 / BJTG 八: 4 m² and 6 people; semi-basements need windows; underground 5 m², 2 people, no bunk beds
    "dormitory.beijing": {
        Location.ABOVE_GROUND: RoomLimits(6, 4.0),
        Location.SEMI_BASEMENT: RoomLimits(6, 4.0, window_needed=True),
        Location.UNDERGROUND: RoomLimits(2, 5.0, no_bunk_beds=True, discouraged=True),
    },
}


def room_verdict(
    rule_id: str, area_m2: float, occupants: int, location: Location, has_window: bool, bunk_beds: bool
) -> Verdict:
    """The verdict ``rule_id``'s findings come to for one room, without building them: the compiled form of a
    dormitory rule, for a list of thousands of rooms. The values must be valid (:func:`parse_room` accepts
    them); ``tests/sites/test_dormitories.py`` holds it to the evaluator's findings for random rooms."""
    return DORMITORY_LIMITS[rule_id][location].verdict(area_m2, occupants, has_window, bunk_beds)


def _people_limit(limits: RoomLimits, prefix: tuple[str, str]) -> tuple[str, str]:
    return f"{prefix[0]}≤ {limits.per_room} 人/间", f"{prefix[1]}≤ {limits.per_room} people per room"


def _area_limit(limits: RoomLimits, prefix: tuple[str, str]) -> tuple[str, str]:
    shown = _fmt(limits.per_person_m2)
    return f"{prefix[0]}≥ {shown} m²/人", f"{prefix[1]}≥ {shown} m² per person"


def _dormitory_gn(_: Mapping[str, Any], rooms: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    rule = "dormitory.gn"
    findings: list[Finding] = []
    for room in rooms:
        limits = DORMITORY_LIMITS[rule][room.location]
        findings.append(
            _check(
                rule,
                cite,
                _room(room),
                room.occupants <= limits.per_room,
                _people(room.occupants),
                _people_limit(limits, ("", "")),
                ("每间居住", "occupants"),
            )
        )
        findings.append(
            _check(
                rule,
                cite,
                _room(room),
                room.area_per_person >= limits.per_person_m2,
                _per_person(room, limits.per_person_m2),
                _area_limit(limits, ("", "")),
                ("人均面积", "floor area per person"),
            )
        )
    return findings


def _dormitory_beijing(_: Mapping[str, Any], rooms: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    rule = "dormitory.beijing"
    findings: list[Finding] = []
    for room in rooms:
        subject = _room(room)
        limits = DORMITORY_LIMITS[rule][room.location]
        where = ("地下 ", "underground: ") if room.location is Location.UNDERGROUND else ("", "")
        if limits.discouraged:
            findings.append(
                Finding(
                    rule,
                    cite.zh,
                    room.name,
                    LOCATION_ZH[room.location],
                    "原则上不安排在地下空间居住",
                    Verdict.WARNING,
                    f"{room.name}：位于地下空间，原则上不安排居住，仅在确需时允许（{cite.zh}）",
                    f"Room {room.name}: underground; allowed only where unavoidable ({cite.en})",
                    "underground",
                    "in principle no one lives underground",
                    citation_en=cite.en,
                )
            )
        if limits.window_needed:
            findings.append(
                _check(
                    rule,
                    cite,
                    subject,
                    room.has_window,
                    ("有窗", "has a window") if room.has_window else ("无窗", "no window"),
                    ("半地下室无窗户的不作为宿舍", "a semi-basement room without windows is not used as a dormitory"),
                    ("半地下室", "semi-basement,"),
                )
            )
        findings.append(
            _check(
                rule,
                cite,
                subject,
                room.area_per_person >= limits.per_person_m2,
                _per_person(room, limits.per_person_m2),
                _area_limit(limits, where),
                ("人均面积", "floor area per person"),
            )
        )
        findings.append(
            _check(
                rule,
                cite,
                subject,
                room.occupants <= limits.per_room,
                _people(room.occupants),
                _people_limit(limits, where),
                ("每间居住", "occupants"),
            )
        )
        if limits.no_bunk_beds:
            findings.append(
                _check(
                    rule,
                    cite,
                    subject,
                    not room.bunk_beds,
                    ("有上下床", "bunk beds present") if room.bunk_beds else ("无上下床", "no bunk beds"),
                    ("地下不得设置上下床", "underground: no bunk beds"),
                    ("", ""),
                )
            )
    return findings


def _at_least(
    rule: str,
    cite: Cite,
    measured: tuple[str, str],
    value: int,
    limit: int,
    unit_zh: str,
    unit_en: Callable[[int], str],
) -> Finding:
    """A count that must reach ``limit``, said with its unit in both languages."""
    return _check(
        rule,
        cite,
        measured,
        value >= limit,
        (f"{value} {unit_zh}", f"{value} {unit_en(value)}"),
        (f"≥ {limit} {unit_zh}", f"≥ {limit} {unit_en(limit)}"),
        ("", ""),
    )


def _checks_per_day(values: Mapping[str, Any], _: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    """GN（一）: "应每日进行2次体温检测" — a count of checks a day."""
    if "checks_per_day" not in values:
        return []
    checks = int(values["checks_per_day"])
    return [
        _at_least(
            "temperature.twice_daily",
            cite,
            ("每日体温检测次数", "Temperature checks per day"),
            checks,
            2,
            "次/日",
            lambda n: f"{'check' if n == 1 else 'checks'} a day",
        )
    ]


def _morning_and_afternoon(values: Mapping[str, Any], _: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    """BJHQ 二: "原则上每日上、下午各一次" — one check in the morning and one in the afternoon, not a count:
    two morning checks do not meet it."""
    morning, afternoon = values.get("morning_check"), values.get("afternoon_check")
    if morning is None or afternoon is None:
        return []
    said_zh = f"上午{'已' if morning else '未'}测、下午{'已' if afternoon else '未'}测"
    said_en = (
        f"morning {'checked' if morning else 'not checked'}, afternoon {'checked' if afternoon else 'not checked'}"
    )
    return [
        _check(
            "temperature.morning_afternoon",
            cite,
            ("体温检测", "Temperature checks"),
            bool(morning and afternoon),
            (said_zh, said_en),
            ("原则上每日上、下午各一次", "in principle once in the morning and once in the afternoon each day"),
            ("", ""),
        )
    ]


def _observation(values: Mapping[str, Any], _: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    if "min_observation_days" not in values:
        return []
    return [
        _at_least(
            "observation.14_days",
            cite,
            ("返岗前最短观察天数", "Shortest observation before returning to work"),
            int(values["min_observation_days"]),
            14,
            "天",
            lambda n: "day" if n == 1 else "days",
        )
    ]


def _attendance(values: Mapping[str, Any], _: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    """BJTG 九: inside a clause that encourages (鼓励) office tenants to work flexibly, "人员密集的企业员工到岗率
    不超过 50%". It applies only to an enterprise with a dense concentration of staff; whether this one is, the
    officer answers — an unanswered question gives no verdict, never an assumed "dense"."""
    rule = "attendance.half"
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
    if values.get("dense_enterprise") is not True:
        raise QuestionNeeded(
            Question(
                rule,
                "dense_enterprise",
                "到岗率不超过 50% 只适用于人员密集的企业（BJTG 九）：本企业是否人员密集？请先回答，再判定到岗率。",
                "The 50 % attendance figure applies only to enterprises with a dense concentration of staff "
                "(BJTG 9): is this one? Answer that first; until then the attendance rate is not judged.",
            )
        )
    rate = on_site / total * 100
    shown = _fmt(rate, 50)
    return [
        _check(
            rule,
            cite,
            ("到岗率", "On-site attendance"),
            rate <= 50,
            (f"{shown} %", f"{shown} %"),
            ("人员密集企业 ≤ 50 %", "≤ 50 %, as encouraged for dense enterprises"),
            ("", ""),
        )
    ]


# The public-transport guideline's method, used as a reference for GN（六）, which gives no figures.
REFERENCE_CHLORINE_MG_PER_L = 500
# Far above the stated strength: more than four times it (an undiluted 5 % stock is 50,000 mg/L). The guideline
# warns against 过度消毒 but states no upper figure; this threshold is the product's, and only warns.
FAR_ABOVE_CHLORINE_MG_PER_L = 2000
SURFACE_MINUTES = 30
VEHICLE_MINUTES = 15


def _disinfectant(values: Mapping[str, Any], _: Sequence[DormitoryRoom], cite: Cite) -> list[Finding]:
    """A reference method, not the rule of GN（六）: 《市内公共交通防控指引（2.0 版）》 gives 500 mg/L available
    chlorine, 30 minutes on surfaces (一（一）2) and 15 minutes in vehicles (三、2), and warns against 过度消毒."""
    rule = "disinfectant.chlorine"
    vehicle = values.get("vehicle_surfaces") is True
    findings: list[Finding] = []
    if vehicle:
        cite = Cite("公共交通防控指引（2.0版） 三、2", "Public transport guideline 2.0, 3.2")
    else:
        cite = Cite("公共交通防控指引（2.0版） 一（一）2", "Public transport guideline 2.0, 1.(1).2")
    if "chlorine_mg_per_l" in values:
        strength = float(values["chlorine_mg_per_l"])
        shown = _fmt(strength, REFERENCE_CHLORINE_MG_PER_L)
        findings.append(
            _check(
                rule,
                cite,
                ("有效氯浓度", "Available chlorine"),
                strength >= REFERENCE_CHLORINE_MG_PER_L,
                (f"{shown} mg/L", f"{shown} mg/L"),
                (f"≥ {REFERENCE_CHLORINE_MG_PER_L} mg/L", f"≥ {REFERENCE_CHLORINE_MG_PER_L} mg/L"),
                ("", ""),
                Verdict.WARNING,
                RuleKind.REFERENCE,
            )
        )
        if strength > FAR_ABOVE_CHLORINE_MG_PER_L:
            far = _fmt(strength, FAR_ABOVE_CHLORINE_MG_PER_L)
            findings.append(
                Finding(
                    rule,
                    cite.zh,
                    "有效氯浓度",
                    f"{far} mg/L",
                    f"参考浓度 {REFERENCE_CHLORINE_MG_PER_L} mg/L",
                    Verdict.WARNING,
                    f"有效氯浓度：{far} mg/L 远高于参考方法的 {REFERENCE_CHLORINE_MG_PER_L} mg/L，可能未按比例稀释"
                    f"（5% 原液约 50,000 mg/L，应取 1 份加 99 份水）；指引要求避免过度消毒（{cite.zh}）",
                    f"Available chlorine: {far} mg/L is far above the reference method's "
                    f"{REFERENCE_CHLORINE_MG_PER_L} mg/L and may be undiluted (a 5 % stock is about 50,000 mg/L; "
                    f"dilute 1 part in 99 parts water); the guideline warns against over-disinfection ({cite.en})",
                    f"{far} mg/L",
                    f"reference strength {REFERENCE_CHLORINE_MG_PER_L} mg/L",
                    RuleKind.REFERENCE,
                    cite.en,
                )
            )
    if "contact_minutes" in values:
        minutes = float(values["contact_minutes"])
        needed = VEHICLE_MINUTES if vehicle else SURFACE_MINUTES
        shown = _fmt(minutes, needed)
        where_zh, where_en = ("交通工具", "vehicles") if vehicle else ("物体表面", "surfaces")
        findings.append(
            _check(
                rule,
                cite,
                ("消毒作用时间", "Contact time"),
                minutes >= needed,
                (f"{shown} 分钟", f"{shown} min"),
                (f"{where_zh} ≥ {needed} 分钟", f"{where_en}: ≥ {needed} min"),
                ("", ""),
                Verdict.WARNING,
                RuleKind.REFERENCE,
            )
        )
    return findings


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule(
            "dormitory.gn",
            "集体宿舍密度（全国）",
            "Dormitory density (national)",
            (Citation("GN", "二、（七）", "2 (7)"),),
            _dormitory_gn,
            table=DORMITORY_ROOMS,
        ),
        Rule(
            "dormitory.beijing",
            "集体宿舍密度与地下空间（北京）",
            "Dormitory density and underground rooms (Beijing)",
            (Citation("BJHQ", "三", "3"), Citation("BJTG", "八", "8")),
            _dormitory_beijing,
            table=DORMITORY_ROOMS,
        ),
        Rule(
            "temperature.twice_daily",
            "每日 2 次体温检测",
            "Temperature checked twice a day",
            (Citation("GN", "一、（一）", "1 (1)"),),
            _checks_per_day,
            inputs={"checks_per_day": MeasurementKind.COUNT},
        ),
        Rule(
            "temperature.morning_afternoon",
            "每日上、下午各一次体温检测",
            "Temperature checked once in the morning and once in the afternoon",
            (Citation("BJHQ", "二", "2"),),
            _morning_and_afternoon,
            inputs={"morning_check": MeasurementKind.BOOLEAN, "afternoon_check": MeasurementKind.BOOLEAN},
        ),
        Rule(
            "observation.14_days",
            "返京人员观察 14 天",
            "14-day observation after returning to Beijing",
            (Citation("BJHQ", "二", "2"), Citation("BJTG", "三", "3")),
            _observation,
            inputs={"min_observation_days": MeasurementKind.COUNT},
        ),
        Rule(
            "attendance.half",
            "人员密集企业到岗率不超过 50%",
            "On-site attendance ≤ 50 % in enterprises with dense staff",
            (Citation("BJTG", "九", "9"),),
            _attendance,
            inputs={
                "dense_enterprise": MeasurementKind.BOOLEAN,
                "on_site_staff": MeasurementKind.COUNT,
                "total_staff": MeasurementKind.COUNT,
            },
        ),
        Rule(
            "disinfectant.chlorine",
            "参考方法：含氯消毒液 500 mg/L，表面作用 30 分钟、交通工具 15 分钟",
            "Reference method: chlorine disinfectant 500 mg/L, 30 min on surfaces, 15 min in vehicles",
            (
                Citation("公共交通防控指引（2.0版）", "一（一）2", "1.(1).2", "Public transport guideline 2.0"),
                Citation("公共交通防控指引（2.0版）", "三、2", "3.2", "Public transport guideline 2.0"),
            ),
            _disinfectant,
            inputs={
                "chlorine_mg_per_l": MeasurementKind.NUMBER,
                "contact_minutes": MeasurementKind.NUMBER,
                "vehicle_surfaces": MeasurementKind.BOOLEAN,
            },
            kind=RuleKind.REFERENCE,
            optional=frozenset({"vehicle_surfaces"}),
        ),
    )
}


def evaluate_rule(
    rule_id: str,
    values: Mapping[str, Any],
    rooms: Sequence[DormitoryRoom] = (),
    documents: Collection[str] | None = None,
    fallback: Cite | None = None,
) -> list[Finding]:
    """Apply one rule to already validated values and rooms.

    Args:
        documents: the catalog ids of the inspection; findings cite only those (None: every citation).
        fallback: the citation to print when none of the rule's documents was chosen (the item's clause).
    Raises:
        MeasurementError: values that contradict each other (more staff on site than employed).
        QuestionNeeded: a fact deciding whether the rule applies is unanswered; no verdict is given.
    """
    try:
        rule = RULES[rule_id]
    except KeyError:
        raise MeasurementError("rule", f"unknown rule {rule_id!r}", f"未知规则 {rule_id}") from None
    return rule.evaluate(values, rooms, rule.cite_for(documents, fallback))
