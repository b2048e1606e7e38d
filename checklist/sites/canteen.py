"""Canteen sittings (分散错峰就餐): from headcounts, seats and the serving window to a timetable.

GN（八） asks for 错峰就餐, a longer serving time where needed, and that staff "避免面对面就坐"; LK28 二（二）2
asks for 分散错峰就餐. Neither gives a number: how many seats of a table may be used beyond "not face to
face", the meal length and the cleaning time are the canteen's settings, and each is labelled so.

The plan is deterministic (same input, same plan) and keeps each department or shift in one sitting, so that
a case can be traced to the people who ate with it. A department larger than one sitting's seats is split into
the fewest batches, as equal as possible (the first batches take the extra person), and this is said.
Pure Python: no Qt, no database.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from checklist.numbers import format_number
from checklist.rules import MeasurementError

MAX_GROUPS = 2000
MAX_HEADCOUNT = 100_000
MAX_TABLES = 5000
MAX_SEATS_PER_TABLE = 20
DAY_MINUTES = 24 * 60


class SeatingRule(StrEnum):
    """How many of a table's seats are used in one sitting."""

    ONE_DIRECTION = "one_direction"  # 同向就座: everyone faces the same way (one side of each table)
    EVERY_OTHER_SEAT = "every_other_seat"  # 同向隔位就座: one side, every other seat
    ONE_PER_TABLE = "one_per_table"  # 每桌一人


@dataclass(frozen=True)
class SeatingRuleInfo:
    name_zh: str
    name_en: str
    source_zh: str
    source_en: str
    required: bool  # what the sources require (True), or a setting beyond them (False)


SEATING_RULES: dict[SeatingRule, SeatingRuleInfo] = {
    SeatingRule.ONE_DIRECTION: SeatingRuleInfo(
        "同向就座（只坐桌子一侧）",
        "one direction only (one side of each table)",
        "GN（八）：员工用餐时应避免面对面就坐；LK28 二（二）2：分散错峰就餐",
        "GN (8): staff avoid sitting face to face while eating; LK28 2.(2).2: dispersed, staggered meals",
        True,
    ),
    SeatingRule.EVERY_OTHER_SEAT: SeatingRuleInfo(
        "同向隔位就座",
        "one direction, every other seat",
        "良好做法（设置项）：来源只要求错峰、不面对面，隔位是更严格的做法",
        "good practice (a setting): the sources require staggering and no face-to-face seating; "
        "every other seat goes beyond them",
        False,
    ),
    SeatingRule.ONE_PER_TABLE: SeatingRuleInfo(
        "每桌一人",
        "one person per table",
        "良好做法（设置项）：来源只要求错峰、不面对面，每桌一人是更严格的做法",
        "good practice (a setting): the sources require staggering and no face-to-face seating; "
        "one person per table goes beyond them",
        False,
    ),
}


def usable_seats(seats_per_table: int, rule: SeatingRule) -> int:
    """Seats of one table used in a sitting: a table's seats are on two facing sides (a one-seat table has one)."""
    one_side = math.ceil(seats_per_table / 2)
    if rule is SeatingRule.ONE_DIRECTION:
        return one_side
    if rule is SeatingRule.EVERY_OTHER_SEAT:
        return math.ceil(one_side / 2)
    return 1


@dataclass(frozen=True)
class Group:
    """A department or shift that eats together."""

    name: str
    headcount: int


@dataclass(frozen=True)
class CanteenSettings:
    """What the canteen entered. Times are minutes after midnight; the window is ``[window_start, window_end]``."""

    groups: tuple[Group, ...]
    tables: int
    seats_per_table: int
    seating: SeatingRule
    meal_minutes: int
    cleaning_minutes: int
    window_start: int
    window_end: int

    @property
    def seats_per_sitting(self) -> int:
        return self.tables * usable_seats(self.seats_per_table, self.seating)

    @property
    def headcount(self) -> int:
        return sum(g.headcount for g in self.groups)

    def as_dict(self) -> dict[str, Any]:
        return {
            "groups": [{"name": g.name, "headcount": g.headcount} for g in self.groups],
            "tables": self.tables,
            "seats_per_table": self.seats_per_table,
            "seating": self.seating.value,
            "meal_minutes": self.meal_minutes,
            "cleaning_minutes": self.cleaning_minutes,
            "window_start": clock(self.window_start),
            "window_end": clock(self.window_end),
        }


@dataclass(frozen=True)
class Part:
    """A group, or one batch of a group split because it is larger than one sitting."""

    group: str
    people: int
    batch: int = 0  # 0: the whole group; 1, 2 …: the batch of a split group
    batches: int = 1

    def label_zh(self) -> str:
        return self.group if not self.batch else f"{self.group}（第 {self.batch}/{self.batches} 批）"

    def label_en(self) -> str:
        return self.group if not self.batch else f"{self.group} (batch {self.batch} of {self.batches})"


@dataclass(frozen=True)
class Sitting:
    number: int  # 1, 2 …
    start: int  # minutes after midnight
    end: int
    parts: tuple[Part, ...]

    @property
    def people(self) -> int:
        return sum(p.people for p in self.parts)


@dataclass(frozen=True)
class Line:
    """One line of the explanation, in Chinese and English."""

    zh: str
    en: str


@dataclass(frozen=True)
class SittingPlan:
    settings: CanteenSettings
    sittings: tuple[Sitting, ...]
    fits: bool  # every sitting ends inside the serving window
    short_by_minutes: int  # 0 when it fits
    lines: tuple[Line, ...]

    @property
    def seats_per_sitting(self) -> int:
        return self.settings.seats_per_sitting


# ---------------------------------------------------------------------------------------------------
# Input


def clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def parse_clock(field: str, value: Any) -> int:
    """``"11:00"`` → 660; also accepts a whole number of minutes after midnight."""
    if isinstance(value, int) and not isinstance(value, bool):
        minutes = value
    elif isinstance(value, str):
        text = value.strip().replace("：", ":")
        hours, _, rest = text.partition(":")
        if not (hours.isdigit() and rest.isdigit() and len(rest) == 2 and len(hours) <= 2):
            raise MeasurementError(field, f"{value!r} is not a time of day (HH:MM)", f"“{value}”不是时刻（格式 HH:MM）")
        if int(rest) > 59:
            raise MeasurementError(field, f"{value!r} is not a time of day (HH:MM)", f"“{value}”不是时刻（格式 HH:MM）")
        minutes = int(hours) * 60 + int(rest)
    else:
        raise MeasurementError(field, f"{value!r} is not a time of day (HH:MM)", f"“{value}”不是时刻（格式 HH:MM）")
    if not 0 <= minutes <= DAY_MINUTES:
        raise MeasurementError(field, f"{value!r} is not a time of day (HH:MM)", f"“{value}”不是时刻（格式 HH:MM）")
    return minutes


def _whole(field: str, value: Any, low: int, high: int, what_en: str, what_zh: str) -> int:
    if isinstance(value, str):
        from checklist.numbers import NumberFormatError, parse_count

        try:
            value = parse_count(value)
        except NumberFormatError as error:
            raise MeasurementError(field, f"{what_en}: {error.message_en}", f"{what_zh}：{error.message_zh}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
        raise MeasurementError(field, f"{what_en}: {value!r} is not a whole number", f"{what_zh}：“{value}”不是整数")
    number = int(value)
    if not low <= number <= high:
        raise MeasurementError(
            field,
            f"{what_en}: {number} is outside {low}–{high}; nothing was planned",
            f"{what_zh} {number} 超出 {low}–{high} 的范围，未作安排",
        )
    return number


def validate_settings(values: Mapping[str, Any]) -> CanteenSettings:
    """Check what was typed (a dict as :meth:`CanteenSettings.as_dict` writes it) or raise
    :class:`~checklist.rules.MeasurementError` naming the field, in both languages."""
    raw_groups = values.get("groups")
    if not isinstance(raw_groups, Sequence) or isinstance(raw_groups, str) or not raw_groups:
        raise MeasurementError("groups", "enter at least one department or shift", "请至少填写一个部门或班次")
    if len(raw_groups) > MAX_GROUPS:
        raise MeasurementError(
            "groups", f"more than {MAX_GROUPS} departments or shifts", f"部门或班次超过 {MAX_GROUPS} 个"
        )
    groups: list[Group] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_groups):
        where = f"groups[{index}]"
        if not isinstance(raw, Mapping):
            raise MeasurementError(where, "is not a department", "不是部门记录")
        name = raw.get("name")
        if not isinstance(name, str) or not name.strip() or len(name.strip()) > 50:
            raise MeasurementError(
                f"{where}.name",
                "a department or shift needs a name (1–50 characters)",
                "部门或班次需要名称（1–50 个字）",
            )
        name = name.strip()
        if name in seen:
            raise MeasurementError(f"{where}.name", f"{name!r} is listed twice", f"“{name}”填写了两次")
        seen.add(name)
        count = _whole(f"{where}.headcount", raw.get("headcount"), 1, MAX_HEADCOUNT, f"{name} headcount", f"{name}人数")
        groups.append(Group(name, count))
    tables = _whole("tables", values.get("tables"), 1, MAX_TABLES, "tables", "餐桌数")
    seats = _whole(
        "seats_per_table", values.get("seats_per_table"), 1, MAX_SEATS_PER_TABLE, "seats per table", "每桌座位"
    )
    try:
        seating = SeatingRule(values.get("seating", SeatingRule.ONE_DIRECTION.value))
    except ValueError:
        raise MeasurementError(
            "seating",
            f"{values.get('seating')!r} is not one_direction, every_other_seat or one_per_table",
            "就座方式应为同向就座、同向隔位就座或每桌一人",
        ) from None
    meal = _whole("meal_minutes", values.get("meal_minutes"), 5, 180, "meal length (min)", "每场用餐时长（分钟）")
    cleaning = _whole(
        "cleaning_minutes", values.get("cleaning_minutes"), 0, 120, "cleaning time (min)", "清洁消毒时间（分钟）"
    )
    start = parse_clock("window_start", values.get("window_start"))
    end = parse_clock("window_end", values.get("window_end"))
    if end <= start:
        raise MeasurementError(
            "window_end",
            f"the serving window ends ({clock(end)}) before it starts ({clock(start)})",
            f"供餐结束时间 {clock(end)} 不晚于开始时间 {clock(start)}",
        )
    return CanteenSettings(tuple(groups), tables, seats, seating, meal, cleaning, start, end)


# ---------------------------------------------------------------------------------------------------
# The plan


def split(group: Group, capacity: int) -> list[Part]:
    """The group whole, or in the fewest batches that fit one sitting, as equal as possible, the first
    batches one person larger."""
    if group.headcount <= capacity:
        return [Part(group.name, group.headcount)]
    batches = math.ceil(group.headcount / capacity)
    size, extra = divmod(group.headcount, batches)
    return [Part(group.name, size + (1 if n < extra else 0), n + 1, batches) for n in range(batches)]


def _first_fit(parts: Sequence[Part], capacity: int) -> list[list[Part]]:
    """First fit, largest first: each part into the first sitting with room for it.

    ``tree`` is a max segment tree over the sittings' free seats, so finding the first sitting with room
    takes log(n) steps: a plan for 20,000 people split into 2,000 batches stays fast."""
    size = 1
    while size < max(len(parts), 1):
        size *= 2
    tree = [0] * (2 * size)
    bins: list[list[Part]] = []
    for part in parts:
        if tree[1] >= part.people:
            node = 1
            while node < size:
                node = 2 * node if tree[2 * node] >= part.people else 2 * node + 1
            index = node - size
        else:
            index = len(bins)
            bins.append([])
            node = size + index
            tree[node] = capacity
        bins[index].append(part)
        node = size + index
        tree[node] -= part.people
        node //= 2
        while node:
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
            node //= 2
    return bins


def plan_sittings(settings: CanteenSettings) -> SittingPlan:
    """The sittings and their timetable, explained line by line."""
    s = settings
    info = SEATING_RULES[s.seating]
    per_table = usable_seats(s.seats_per_table, s.seating)
    capacity = s.seats_per_sitting
    total = s.headcount
    lines = [
        Line(
            f"座位：{s.tables} 张餐桌 × 每桌 {s.seats_per_table} 座，按“{info.name_zh}”每桌坐 {per_table} 人，"
            f"每场可坐 {capacity} 人。依据：{info.source_zh}。",
            f"Seats: {s.tables} tables × {s.seats_per_table} seats; seated {info.name_en}, {per_table} per table: "
            f"{capacity} people per sitting. Basis: {info.source_en}.",
        ),
        Line(
            f"就餐人数：{len(s.groups)} 个部门/班次共 {total} 人，至少需要 {math.ceil(total / capacity)} 场"
            f"（{total} ÷ {capacity}，向上取整）。",
            f"Diners: {total} people in {len(s.groups)} departments or shifts; at least "
            f"{math.ceil(total / capacity)} sittings ({total} ÷ {capacity}, rounded up).",
        ),
    ]
    parts: list[Part] = []
    for group in s.groups:
        pieces = split(group, capacity)
        if len(pieces) > 1:
            sizes = "、".join(str(p.people) for p in pieces)
            lines.append(
                Line(
                    f"{group.name} {group.headcount} 人，多于一场的 {capacity} 个座位：拆为 {len(pieces)} 批"
                    f"（{sizes} 人），按部门名单顺序依次分批，各批分别记录以便追踪。",
                    f"{group.name}: {group.headcount} people, more than the {capacity} seats of one sitting: split "
                    f"into {len(pieces)} batches ({', '.join(str(p.people) for p in pieces)} people), in roster "
                    "order; each batch is recorded for tracing.",
                )
            )
        parts.extend(pieces)
    order = {g.name: n for n, g in enumerate(s.groups)}
    parts.sort(key=lambda p: (-p.people, order[p.group], p.batch))
    bins = _first_fit(parts, capacity)
    lines.append(
        Line(
            f"按人数从多到少，把每个部门（或批次）整体安排进第一个坐得下的场次，同一部门同场就餐便于追踪：共 {len(bins)} 场。",
            f"Largest first, each department (or batch) goes whole into the first sitting with room for it, so "
            f"that a department eats together and a case can be traced: {len(bins)} sittings.",
        )
    )
    step = s.meal_minutes + s.cleaning_minutes
    needed = len(bins) * s.meal_minutes + (len(bins) - 1) * s.cleaning_minutes
    window = s.window_end - s.window_start
    lines.append(
        Line(
            f"时间：每场用餐 {s.meal_minutes} 分钟，场间清洁消毒 {s.cleaning_minutes} 分钟（均为本食堂的设置，来源未规定）；"
            f"{len(bins)} 场共需 {needed} 分钟，供餐时段 {clock(s.window_start)}–{clock(s.window_end)} 共 {window} 分钟。",
            f"Time: {s.meal_minutes} min per meal, {s.cleaning_minutes} min cleaning between sittings (the canteen's "
            f"settings; the sources give no figure); {len(bins)} sittings need {needed} min, the serving window "
            f"{clock(s.window_start)}–{clock(s.window_end)} has {window} min.",
        )
    )
    short = max(0, needed - window)
    if short:
        lines.append(
            Line(
                f"供餐时段短了 {short} 分钟：请延长供餐时间（GN（八）：适当延长食堂供餐时间）、增加座位、"
                "缩短每场或清洁时间，或改用餐盒分散用餐。",
                f"The serving window is {short} minutes too short: serve longer (GN (8): extend the canteen's serving "
                "time), add seats, shorten the meal or cleaning time, or hand out boxed meals to eat apart.",
            )
        )
    else:
        lines.append(
            Line(
                f"可以安排：最后一场 {clock(s.window_start + needed)} 结束，距供餐结束还有 {window - needed} 分钟。",
                f"It fits: the last sitting ends at {clock(s.window_start + needed)}, {window - needed} min before "
                "the window closes.",
            )
        )
    sittings = tuple(
        Sitting(
            n + 1,
            s.window_start + n * step,
            s.window_start + n * step + s.meal_minutes,
            tuple(sorted(parts_in, key=lambda p: (order[p.group], p.batch))),
        )
        for n, parts_in in enumerate(bins)
    )
    return SittingPlan(s, sittings, not short, short, tuple(lines))


def describe_occupancy(sitting: Sitting, capacity: int) -> Line:
    share = format_number(sitting.people / capacity * 100)
    return Line(f"{sitting.people}/{capacity} 人（{share}%）", f"{sitting.people}/{capacity} people ({share} %)")
