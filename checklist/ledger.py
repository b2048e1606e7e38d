"""The employee health ledger (员工健康台账): its pure rules, in Chinese and English.

What the sources ask (``resources/texts/``):

* GN 一（一）: staff in isolation and dormitory residents have their temperature taken twice a day; 一（二）:
  a daily summary (每天汇总) of staff health reported to the local CDC; 四（十四）（十五）: a suspected case goes
  to the isolation area, is reported to the CDC and sent to a doctor, their workplace and dormitory are closed
  and disinfected.
* BJHQ 二: logistics staff (保洁、保安、物业、食堂、维修维护) are observed 14 days after returning to Beijing,
  checked "原则上每日上、下午各一次", and 不得带病上班; BJHQ 一: outsourced staff are the employer's responsibility.
* BJTG 三: 不得安排未完成居家或集中观察 14 天人员返岗工作.
* LK28 二（二）2: 建立员工健康台账; an observation may be shortened after screening rules out infection —
  here only by a manager, with a reason.

Nothing here touches a database or Qt: :mod:`storage.ledger` and :mod:`storage.roster` store and query, the
desktop shows. Every refusal is a :class:`LedgerError` carrying an English and a Chinese message.

The fever threshold (37.3 °C) is not in the sources: it is the figure commonly used in 2020 practice, kept as a
setting (:data:`DEFAULT_FEVER_THRESHOLD_C`, :data:`FEVER_THRESHOLD_NOTE`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from checklist.numbers import NumberFormatError, format_number, parse_number
from checklist.rules import BODY_TEMPERATURE_C, MeasurementError, MeasurementKind, validate_measurement


class LedgerError(ValueError):
    """A value the ledger refuses. ``field`` names it; ``message_en``/``message_zh`` say why, in one sentence."""

    def __init__(self, field: str, message_en: str, message_zh: str) -> None:
        super().__init__(f"{field}: {message_en}")
        self.field = field
        self.message_en = message_en
        self.message_zh = message_zh


# ---------------------------------------------------------------------------------------------------
# Roster (花名册)


class Category(StrEnum):
    """The Beijing logistics categories of BJHQ (后勤物业工作人员); ``OTHER`` is everyone else."""

    CLEANING = "保洁"
    SECURITY = "保安"
    PROPERTY = "物业"
    CANTEEN = "食堂"
    MAINTENANCE = "维修维护"
    OTHER = "其他"


CATEGORY_EN: dict[str, str] = {
    Category.CLEANING: "cleaning",
    Category.SECURITY: "security",
    Category.PROPERTY: "property management",
    Category.CANTEEN: "canteen",
    Category.MAINTENANCE: "repair and maintenance",
    Category.OTHER: "other",
}
LOGISTICS_CATEGORIES: frozenset[str] = frozenset(CATEGORY_EN) - {Category.OTHER}


class EmployeeStatus(StrEnum):
    """Where a person on the roster is. Stored as the English value."""

    ON_SITE = "on_site"  # 在岗
    HOME_OBSERVATION = "home_observation"  # 居家观察
    CENTRAL_OBSERVATION = "central_observation"  # 集中观察
    LEFT = "left"  # 离岗


STATUS_ZH: dict[str, str] = {
    EmployeeStatus.ON_SITE: "在岗",
    EmployeeStatus.HOME_OBSERVATION: "居家观察",
    EmployeeStatus.CENTRAL_OBSERVATION: "集中观察",
    EmployeeStatus.LEFT: "离岗",
}
STATUS_EN: dict[str, str] = {
    EmployeeStatus.ON_SITE: "on site",
    EmployeeStatus.HOME_OBSERVATION: "home observation",
    EmployeeStatus.CENTRAL_OBSERVATION: "centralised observation",
    EmployeeStatus.LEFT: "left",
}
_STATUS_BY_WORD = {**{v: k for k, v in STATUS_ZH.items()}, **{v: k for k, v in STATUS_EN.items()}}
_STATUS_BY_WORD.update({s.value: s for s in EmployeeStatus})

NAME_MAX = 50
TEXT_MAX = 100
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
_FORMULA_START = ("=", "+", "-", "@")


def clean_text(field: str, value: object, limit: int = TEXT_MAX, required: bool = False) -> str:
    """A short text field of the roster: no control or direction characters, no spreadsheet formula, within
    ``limit`` characters; spaces around it dropped."""
    if value is None:
        text = ""
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = format_number(float(value))
    elif isinstance(value, str):
        text = value.strip()
    else:
        raise LedgerError(field, "is not text", "不是文字")
    if not text:
        if required:
            raise LedgerError(field, "is empty", "不能为空")
        return ""
    if _CONTROL.search(text):
        raise LedgerError(field, "contains control characters", "含有控制字符")
    if len(text) > limit:
        raise LedgerError(field, f"is longer than {limit} characters", f"超过 {limit} 个字符")
    if text.startswith(_FORMULA_START) and not _looks_like_number(text):
        raise LedgerError(
            field, "starts like a spreadsheet formula (= + - @)", "以电子表格公式符号（= + - @）开头，不予接受"
        )
    return text


def _looks_like_number(text: str) -> bool:
    try:
        parse_number(text)
    except NumberFormatError:
        return False
    return True


def parse_category(value: object) -> Category:
    text = clean_text("category", value)
    if not text:
        return Category.OTHER
    for category in Category:
        if text in (category.value, CATEGORY_EN[category]):
            return category
    raise LedgerError(
        "category",
        f"{text!r} is not one of 保洁/保安/物业/食堂/维修维护/其他",
        f"“{text}”不是 保洁/保安/物业/食堂/维修维护/其他 之一",
    )


def parse_status(value: object) -> EmployeeStatus:
    text = clean_text("status", value)
    if not text:
        return EmployeeStatus.ON_SITE
    found = _STATUS_BY_WORD.get(text) or _STATUS_BY_WORD.get(text.lower())
    if found is None:
        raise LedgerError(
            "status",
            f"{text!r} is not one of 在岗/居家观察/集中观察/离岗",
            f"“{text}”不是 在岗/居家观察/集中观察/离岗 之一",
        )
    return EmployeeStatus(found)


# --- ID numbers (GB 11643-1999) and phone numbers ----------------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"^[1-9]\d{16}[\dX]$")


def id_check_character(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def validate_id_number(value: object) -> str:
    """An 18-character 居民身份证号码, upper-cased, with a valid birth date and check character; "" if empty."""
    text = clean_text("id_number", value, 40).upper().replace(" ", "")
    if not text:
        return ""
    if not _ID_SHAPE.match(text):
        raise LedgerError(
            "id_number", "is not an 18-character ID number (17 digits and a digit or X)", "不是 18 位身份证号码"
        )
    try:
        born = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise LedgerError("id_number", "holds no valid date of birth", "出生日期无效") from None
    if born.year < 1900:
        raise LedgerError("id_number", "holds no valid date of birth", "出生日期无效")
    expected = id_check_character(text[:17])
    if text[17] != expected:
        raise LedgerError("id_number", "has a wrong check character", "校验位错误")
    return text


_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def validate_phone(value: object) -> str:
    """A mainland mobile (11 digits, 13x–19x) or a landline with its area code (010-12345678); "" if empty.
    Spaces, dashes in a mobile and a leading +86 are dropped."""
    text = clean_text("phone", value, 30)
    if not text:
        return ""
    compact = text.replace(" ", "")
    if compact.startswith("+86"):
        compact = compact[3:]
    if _MOBILE.match(compact.replace("-", "")):
        return compact.replace("-", "")
    if _LANDLINE.match(compact):
        return compact
    raise LedgerError(
        "phone",
        "is not a mobile number (11 digits) or a landline with its area code",
        "不是手机号码（11 位）或带区号的固定电话",
    )


def mask_id_number(id_number: str) -> str:
    """``110105194912310021`` → ``110***********0021``: the region's first 3 and the last 4 shown."""
    if not id_number:
        return ""
    if len(id_number) <= 7:
        return "*" * len(id_number)
    return id_number[:3] + "*" * (len(id_number) - 7) + id_number[-4:]


def mask_phone(phone: str) -> str:
    """``13812341234`` → ``138****1234``; a landline keeps its area code and last 4."""
    if not phone:
        return ""
    if len(phone) <= 7:
        return "*" * len(phone)
    head = phone.split("-")[0] + "-" if "-" in phone else phone[:3]
    return head + "*" * (len(phone) - len(head) - 4) + phone[-4:]


@dataclass(frozen=True)
class EmployeeInput:
    """One person on the roster, validated (:func:`validate_employee`)."""

    name: str
    department: str = ""
    post: str = ""
    category: Category = Category.OTHER
    outsourcing_company: str = ""  # 外包单位 ("" = employed directly)
    id_number: str = ""
    phone: str = ""
    dormitory_room: str = ""
    status: EmployeeStatus = EmployeeStatus.ON_SITE
    return_date: dt.date | None = None
    returned_from: str = ""


ROSTER_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "姓名", "Name"),
    ("department", "部门", "Department"),
    ("post", "岗位", "Post"),
    ("category", "人员类别", "Category"),
    ("outsourcing_company", "外包单位", "Outsourcing company"),
    ("id_number", "身份证号", "ID number"),
    ("phone", "手机号", "Phone"),
    ("dormitory_room", "宿舍房间", "Dormitory room"),
    ("status", "状态", "Status"),
    ("return_date", "返岗日期", "Return date"),
    ("returned_from", "返回自", "Returned from"),
)
"""The roster's columns: key, Chinese header, English header (the import template uses these)."""
FIELD_ZH: dict[str, str] = {key: zh for key, zh, _ in ROSTER_FIELDS}
FIELD_EN: dict[str, str] = {key: en for key, _, en in ROSTER_FIELDS}


def parse_date(field: str, value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(field, value, 20).replace("/", "-").replace(".", "-")
    if not text:
        return None
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) != 3:
            raise ValueError
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        raise LedgerError(
            field, f"{text!r} is not a date (YYYY-MM-DD)", f"“{text}”不是日期（格式 YYYY-MM-DD）"
        ) from None


def validate_employee(values: Mapping[str, object]) -> EmployeeInput:
    """Check one roster row (keys of :data:`ROSTER_FIELDS`); raise :class:`LedgerError` on the first bad value."""
    return EmployeeInput(
        name=clean_text("name", values.get("name"), NAME_MAX, required=True),
        department=clean_text("department", values.get("department")),
        post=clean_text("post", values.get("post")),
        category=parse_category(values.get("category")),
        outsourcing_company=clean_text("outsourcing_company", values.get("outsourcing_company")),
        id_number=validate_id_number(values.get("id_number")),
        phone=validate_phone(values.get("phone")),
        dormitory_room=clean_text("dormitory_room", values.get("dormitory_room"), 30),
        status=parse_status(values.get("status")),
        return_date=parse_date("return_date", values.get("return_date")),
        returned_from=clean_text("returned_from", values.get("returned_from")),
    )


def duplicate_key(name: str, id_number: str, phone: str) -> tuple[str, ...]:
    """The keys that make two roster rows the same person: name + ID number, name + phone."""
    keys: list[str] = []
    if id_number:
        keys.append(f"{name}|id|{id_number}")
    if phone:
        keys.append(f"{name}|phone|{phone}")
    return tuple(keys)


# ---------------------------------------------------------------------------------------------------
# Readings (体温与症状)


class HalfDay(IntEnum):
    """BJHQ 二: "原则上每日上、下午各一次". Stored as 0 / 1."""

    MORNING = 0  # 上午
    AFTERNOON = 1  # 下午


HALF_ZH = {HalfDay.MORNING: "上午", HalfDay.AFTERNOON: "下午"}
HALF_EN = {HalfDay.MORNING: "morning", HalfDay.AFTERNOON: "afternoon"}

DEFAULT_FEVER_THRESHOLD_C = 37.3
FEVER_THRESHOLD_NOTE = (
    "发热阈值 37.3 °C 为 2020 年通行做法，所引文件未规定具体数值，可在设置中修改",
    "The fever threshold of 37.3 °C is the usual figure of 2020 practice; the sources give none, so it is a setting",
)
FEVER_THRESHOLD_RANGE = (37.0, 38.5)


def validate_fever_threshold(value: object) -> float:
    number = _number("fever_threshold_c", value)
    low, high = FEVER_THRESHOLD_RANGE
    if not low <= number <= high:
        raise LedgerError(
            "fever_threshold_c",
            f"{format_number(number)} °C is outside {low:g}–{high:g} °C",
            f"{format_number(number)} °C 超出 {low:g}–{high:g} °C",
        )
    return number


class Symptom(IntEnum):
    """Symptoms recorded with a reading, as bits of one small integer (a reading stays small)."""

    FEVER = 1  # 发热（自述）
    DRY_COUGH = 2  # 干咳
    FATIGUE = 4  # 乏力
    SORE_THROAT = 8  # 咽痛
    SHORT_BREATH = 16  # 呼吸困难
    DIARRHOEA = 32  # 腹泻
    SMELL_TASTE = 64  # 嗅觉味觉减退


SYMPTOM_ZH: dict[Symptom, str] = {
    Symptom.FEVER: "发热",
    Symptom.DRY_COUGH: "干咳",
    Symptom.FATIGUE: "乏力",
    Symptom.SORE_THROAT: "咽痛",
    Symptom.SHORT_BREATH: "呼吸困难",
    Symptom.DIARRHOEA: "腹泻",
    Symptom.SMELL_TASTE: "嗅觉味觉减退",
}
SYMPTOM_EN: dict[Symptom, str] = {
    Symptom.FEVER: "fever",
    Symptom.DRY_COUGH: "dry cough",
    Symptom.FATIGUE: "fatigue",
    Symptom.SORE_THROAT: "sore throat",
    Symptom.SHORT_BREATH: "shortness of breath",
    Symptom.DIARRHOEA: "diarrhoea",
    Symptom.SMELL_TASTE: "loss of smell or taste",
}
_SYMPTOM_BY_WORD: dict[str, Symptom] = {
    **{v: k for k, v in SYMPTOM_ZH.items()},
    **{v: k for k, v in SYMPTOM_EN.items()},
    "咳嗽": Symptom.DRY_COUGH,
    "cough": Symptom.DRY_COUGH,
}
_NO_SYMPTOM = {"", "无", "否", "none", "no", "正常"}


def symptoms_mask(symptoms: Iterable[Symptom]) -> int:
    mask = 0
    for symptom in symptoms:
        mask |= int(symptom)
    return mask


def symptoms_of(mask: int) -> list[Symptom]:
    return [s for s in Symptom if mask & s]


def parse_symptoms(value: object) -> int:
    """Symptom words separated by 、 , ; or spaces (Chinese or English); "无" / "" for none. Returns the mask."""
    text = clean_text("symptoms", value, 200)
    mask = 0
    for word in re.split(r"[、,，;；/\s]+", text):
        if word.lower() in _NO_SYMPTOM:
            continue
        symptom = _SYMPTOM_BY_WORD.get(word) or _SYMPTOM_BY_WORD.get(word.lower())
        if symptom is None:
            known = "、".join(SYMPTOM_ZH.values())
            raise LedgerError(
                "symptoms", f"{word!r} is not a known symptom ({known})", f"“{word}”不是可选症状（{known}）"
            )
        mask |= int(symptom)
    return mask


def describe_symptoms(mask: int) -> tuple[str, str]:
    symptoms = symptoms_of(mask)
    return "、".join(SYMPTOM_ZH[s] for s in symptoms), ", ".join(SYMPTOM_EN[s] for s in symptoms)


def _number(field: str, value: object) -> float:
    if isinstance(value, bool):
        raise LedgerError(field, "is not a number", "不是数字")
    if isinstance(value, (int, float)):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = parse_number(value)
        except NumberFormatError as error:
            raise LedgerError(field, error.message_en, error.message_zh) from None
    else:
        raise LedgerError(field, "is not a number", "不是数字")
    if number != number or number in (float("inf"), float("-inf")):
        raise LedgerError(field, "is not a number", "不是数字")
    return number


def validate_temperature(value: object) -> float:
    """A body temperature in °C, read by the product's number rule and checked like the rule engine's
    (``checklist.rules.validate_measurement``: a °F value or a misplaced decimal gets its hint). The ledger
    also refuses the range's ends, 34 °C and 43 °C: as a reading of a person at work they are typing errors
    or a broken thermometer, never a measurement to act on. Rounded to 0.1 °C."""
    number = _number("temperature", value)
    low, high = BODY_TEMPERATURE_C
    try:
        checked = float(validate_measurement("temperature", MeasurementKind.TEMPERATURE_C, number))
    except MeasurementError as error:
        raise LedgerError("temperature", error.reason, error.reason_zh) from None
    if checked <= low or checked >= high:
        raise LedgerError(
            "temperature",
            f"{format_number(checked)} °C is outside the plausible range {low:g}–{high:g} °C (exclusive)",
            f"{format_number(checked)} °C 超出体温的合理范围 {low:g}–{high:g} °C（不含两端）",
        )
    return round(checked, 1)


def temperature_tenths(celsius: float) -> int:
    """The stored form of a temperature: tenths of a degree (36.6 °C → 366)."""
    return round(celsius * 10)


@dataclass(frozen=True)
class NextStep:
    zh: str
    en: str
    cite: str


NEXT_STEPS: tuple[NextStep, ...] = (
    NextStep("立即到隔离观察区域暂时隔离", "Take the person to the isolation area at once", "GN 四、（十四）"),
    NextStep("报告当地疾控部门", "Report to the local CDC", "GN 四、（十四）"),
    NextStep("按规范安排就近就医", "Arrange medical care nearby", "GN 四、（十四）; BJHQ 二"),
    NextStep("不得带病上班", "No work while ill", "BJHQ 二"),
    NextStep(
        "隔离其工作岗位和宿舍，在专业人员指导下消毒",
        "Close off their workplace and dormitory; disinfect under professional guidance",
        "GN 四、（十五）",
    ),
)
"""What to do when someone is flagged, in the order of the sources."""


@dataclass(frozen=True)
class ReadingAssessment:
    flagged: bool
    fever: bool
    symptoms: int
    reason_zh: str
    reason_en: str
    next_steps: tuple[NextStep, ...] = ()


def assess_reading(temperature_c: float | None, symptoms: int, threshold_c: float) -> ReadingAssessment:
    """A temperature at or above ``threshold_c`` or any symptom flags the person, with the next steps of
    GN 四（十四）（十五） and BJHQ 二."""
    fever = temperature_c is not None and temperature_c >= threshold_c
    reasons_zh: list[str] = []
    reasons_en: list[str] = []
    if fever:
        assert temperature_c is not None
        reasons_zh.append(f"体温 {temperature_c:.1f} °C（≥ {threshold_c:g} °C）")
        reasons_en.append(f"temperature {temperature_c:.1f} °C (≥ {threshold_c:g} °C)")
    if symptoms:
        zh, en = describe_symptoms(symptoms)
        reasons_zh.append(f"症状：{zh}")
        reasons_en.append(f"symptoms: {en}")
    flagged = fever or bool(symptoms)
    return ReadingAssessment(
        flagged, fever, symptoms, "；".join(reasons_zh), "; ".join(reasons_en), NEXT_STEPS if flagged else ()
    )


# --- late entries -----------------------------------------------------------------------------------

LATE_GRACE = dt.timedelta(hours=2)


def half_day_bounds(day: dt.date, half: HalfDay) -> tuple[dt.datetime, dt.datetime]:
    """Local start and end of a half-day: 上午 00:00–12:00, 下午 12:00–24:00."""
    midnight = dt.datetime.combine(day, dt.time())
    noon = midnight + dt.timedelta(hours=12)
    return (midnight, noon) if half is HalfDay.MORNING else (noon, midnight + dt.timedelta(days=1))


def is_late(day: dt.date, half: HalfDay, entered_at_local: dt.datetime, grace: dt.timedelta = LATE_GRACE) -> bool:
    """A reading is entered late when it is typed more than ``grace`` after its half-day ended. A late entry
    is allowed, marked and audited (never silently backdated). A reading for a half-day that has not begun is
    refused."""
    start, end = half_day_bounds(day, half)
    if entered_at_local < start:
        raise LedgerError(
            "day",
            f"the {HALF_EN[half]} of {day.isoformat()} has not begun; a reading cannot be entered in advance",
            f"{day.isoformat()} {HALF_ZH[half]}尚未开始，不能提前录入体温",
        )
    return entered_at_local > end + grace


# ---------------------------------------------------------------------------------------------------
# 14-day observation (居家 / 集中隔离医学观察)

OBSERVATION_DAYS = 14


class ObservationKind(StrEnum):
    HOME = "home"  # 居家观察
    CENTRAL = "central"  # 集中观察


OBSERVATION_KIND_ZH = {ObservationKind.HOME: "居家", ObservationKind.CENTRAL: "集中"}
OBSERVATION_KIND_EN = {ObservationKind.HOME: "home", ObservationKind.CENTRAL: "centralised"}


def observation_end(start: dt.date, days: int = OBSERVATION_DAYS) -> dt.date:
    """The last day of an observation that starts on ``start`` (day 1): 14 days → start + 13. The person may
    return to work the day after (:func:`may_return_on`)."""
    return start + dt.timedelta(days=days - 1)


def may_return_on(end: dt.date) -> dt.date:
    return end + dt.timedelta(days=1)


class ObservationChange(StrEnum):
    START = "start"
    EXTEND = "extend"
    SHORTEN = "shorten"
    RESTART = "restart"  # a new exposure: 14 days again from the exposure
    END = "end"  # ended on or after its end date (or early, by a manager with a reason)


def check_new_end(
    current_end: dt.date, new_end: dt.date, start: dt.date, reason: str, is_manager: bool
) -> ObservationChange:
    """An observation's end date may be moved later by anyone who enters the ledger; earlier only by a
    manager with a reason (LK28 二（二）2: screening ruled out infection). Returns what the change is."""
    if new_end < start:
        raise LedgerError("end", "the end is before the start", "结束日期早于开始日期")
    if new_end >= current_end:
        return ObservationChange.EXTEND
    if not is_manager:
        raise LedgerError(
            "end",
            "an observation is never shortened except by a manager (单位主要负责人) with a reason",
            "观察期不得缩短；如经检测筛查排除感染需提前结束，须由单位主要负责人填写理由",
        )
    if not reason.strip():
        raise LedgerError("reason", "shortening an observation needs a reason", "缩短观察期须填写理由")
    return ObservationChange.SHORTEN


def restart_for_exposure(exposure: dt.date, current_end: dt.date | None) -> tuple[dt.date, dt.date]:
    """A new exposure restarts the 14 days from the exposure date; an end already later is kept."""
    end = observation_end(exposure)
    if current_end is not None and current_end > end:
        end = current_end
    return exposure, end


@dataclass(frozen=True)
class ReturnFlag:
    """BJTG 三: someone marked 在岗 before their observation ends."""

    employee_id: int
    name: str
    observation_end: dt.date
    message_zh: str
    message_en: str


def check_return(
    employee_id: int, name: str, status: str, observation_end_date: dt.date | None, day: dt.date
) -> ReturnFlag | None:
    """Flag someone 在岗 on ``day`` while an observation runs until ``observation_end_date`` (inclusive)."""
    if status != EmployeeStatus.ON_SITE or observation_end_date is None or day > observation_end_date:
        return None
    return ReturnFlag(
        employee_id,
        name,
        observation_end_date,
        f"{name} 在岗，但观察期至 {observation_end_date.isoformat()} 才结束（BJTG 三：不得安排未完成 14 天观察人员返岗）",
        f"{name} is on site but their observation runs until {observation_end_date.isoformat()} "
        "(BJTG 3: no return to work before 14 days of observation)",
    )


# ---------------------------------------------------------------------------------------------------
# The daily summary (每天汇总, GN 一（二）)


@dataclass(frozen=True)
class NamedReading:
    employee_id: int
    name: str
    half: HalfDay
    temperature_c: float | None
    symptoms: int


@dataclass(frozen=True)
class Missing:
    employee_id: int
    name: str
    morning: bool  # True: the morning reading is missing
    afternoon: bool

    def describe_zh(self) -> str:
        halves = "、".join(h for h, gone in (("上午", self.morning), ("下午", self.afternoon)) if gone)
        return f"{self.name}（{halves}）"

    def describe_en(self) -> str:
        halves = ", ".join(h for h, gone in (("morning", self.morning), ("afternoon", self.afternoon)) if gone)
        return f"{self.name} ({halves})"


@dataclass(frozen=True)
class Observed:
    employee_id: int
    name: str
    kind: ObservationKind
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class DailySummary:
    """The 每天汇总 of one day. Counts are of people on the roster (not 离岗) that day; names are listed for
    everything abnormal. ``zero_report`` (零报告) only when someone is on the roster, nobody has a fever or
    symptom, nobody's reading is missing and nobody is back before their observation ends: with nobody on the
    roster there is nothing to report as normal, and the headline says so instead."""

    day: dt.date
    headcount: int
    on_site: int
    checked_morning: int
    checked_afternoon: int
    missing: Sequence[Missing]
    missing_count: int  # may exceed len(missing) when the list was cut for a page
    flagged: Sequence[NamedReading]
    under_observation: Sequence[Observed]
    under_observation_count: int
    returned_today: Sequence[str]
    early_returns: Sequence[ReturnFlag] = field(default_factory=tuple)
    threshold_c: float = DEFAULT_FEVER_THRESHOLD_C
    flagged_people: int | None = None  # people flagged, when ``flagged`` was cut for a page (None: all listed)

    @property
    def fevers(self) -> list[NamedReading]:
        return [r for r in self.flagged if r.temperature_c is not None and r.temperature_c >= self.threshold_c]

    @property
    def with_symptoms(self) -> list[NamedReading]:
        return [r for r in self.flagged if r.symptoms]

    @property
    def zero_report(self) -> bool:
        return bool(self.headcount) and not self.flagged and not self.missing_count and not self.early_returns

    def headline(self) -> tuple[str, str]:
        """One sentence for the top of the report."""
        if not self.headcount and not self.flagged:
            return (
                f"{self.day.isoformat()}：花名册中没有在册人员，本日没有可汇总的测温记录",
                f"{self.day.isoformat()}: nobody is on the roster, so there are no checks to summarise",
            )
        if self.zero_report:
            return (
                f"{self.day.isoformat()} 零报告：在册 {self.headcount} 人，上下午均已测温，无发热及可疑症状",
                f"{self.day.isoformat()} zero report: {self.headcount} on the roster, all checked morning and "
                "afternoon, no fever or symptoms",
            )
        flagged_people = (
            len({r.employee_id for r in self.flagged}) if self.flagged_people is None else self.flagged_people
        )
        return (
            f"{self.day.isoformat()}：在册 {self.headcount} 人，在岗 {self.on_site} 人；发热或有症状 {flagged_people} 人，"
            f"缺测 {self.missing_count} 人，观察中 {self.under_observation_count} 人",
            f"{self.day.isoformat()}: {self.headcount} on the roster, {self.on_site} on site; {flagged_people} with "
            f"fever or symptoms, {self.missing_count} missing a reading, {self.under_observation_count} under "
            "observation",
        )


# ---------------------------------------------------------------------------------------------------
# Evidence for checklist items (GN-01, BJHQ-2, LK28-2)

EVIDENCE_ITEMS: frozenset[str] = frozenset({"GN-01", "BJHQ-2", "LK28-2"})
MISSING_NAMES_SHOWN = 10


@dataclass(frozen=True)
class Coverage:
    """Who in a group had both readings of a day: ``total`` people, ``complete`` with 上午 and 下午, the rest
    named (at most :data:`MISSING_NAMES_SHOWN`), and the fewest checks anyone had."""

    total: int
    complete: int
    morning: int
    afternoon: int
    missing_names: Sequence[str]
    min_checks: int


@dataclass(frozen=True)
class LedgerEvidence:
    """What the ledger says for one checklist item on one day: text in both languages, the measurements the
    item's rules read (so the rule engine gives the verdict, as for a typed answer), and that verdict."""

    item_id: str
    day: dt.date
    text_zh: str
    text_en: str
    measurements: Mapping[str, object]
    verdict: str | None  # "pass" / "fail" / None (nobody in the group: no verdict)


def _names(names: Sequence[str], missing: int) -> tuple[str, str]:
    shown = list(names[:MISSING_NAMES_SHOWN])
    more = missing - len(shown)
    zh = "、".join(shown) + (f" 等 {missing} 人" if more > 0 else "")
    en = ", ".join(shown) + (f" and {more} more" if more > 0 else "")
    return zh, en


def coverage_text(day: dt.date, group_zh: str, group_en: str, coverage: Coverage) -> tuple[str, str]:
    """E.g. "2026-11-29 宿舍住宿及隔离员工 42 人中 41 人上下午各测 1 次；缺：王五"; with nobody in the group, a
    sentence that says so (not "0 人中 0 人…各测 1 次")."""
    if coverage.total == 0:
        return (
            f"{day.isoformat()} 健康台账中没有{group_zh}，无应测人员，本项不据台账判定",
            f"{day.isoformat()}: the health ledger lists no {group_en}; nobody to check, so the ledger gives no verdict",
        )
    zh = f"{day.isoformat()} {group_zh} {coverage.total} 人中 {coverage.complete} 人上下午各测 1 次"
    en = f"{day.isoformat()}: {coverage.complete} of {coverage.total} {group_en} checked once in the morning and once in the afternoon"
    missing = coverage.total - coverage.complete
    if missing:
        names_zh, names_en = _names(coverage.missing_names, missing)
        zh += f"；缺：{names_zh}"
        en += f"; missing: {names_en}"
    return zh, en


def evidence_for(
    item_id: str, day: dt.date, coverage: Coverage, shortest_observation_days: int | None = None
) -> LedgerEvidence:
    """The evidence text and measurements for GN-01 (dormitory residents and staff under observation, checks a
    day), BJHQ-2 (logistics staff, morning and afternoon; the shortest completed observation) or LK28-2 (the
    whole roster in the health ledger). The verdict is the rule engine's (``temperature.twice_daily``,
    ``temperature.morning_afternoon``, ``observation.14_days``)."""
    from checklist.rules import Verdict, evaluate_rule

    measurements: dict[str, object]
    if item_id == "GN-01":
        text = coverage_text(day, "宿舍住宿及隔离员工", "dormitory residents and staff under observation", coverage)
        measurements = {"checks_per_day": coverage.min_checks}
        rules = ["temperature.twice_daily"]
    elif item_id == "BJHQ-2":
        text = coverage_text(day, "后勤物业人员", "logistics staff", coverage)
        measurements = {
            "morning_check": coverage.morning == coverage.total,
            "afternoon_check": coverage.afternoon == coverage.total,
        }
        if shortest_observation_days is not None:
            measurements["min_observation_days"] = shortest_observation_days
            text = (
                text[0] + f"；已结束的观察最短 {shortest_observation_days} 天",
                text[1] + f"; shortest completed observation {shortest_observation_days} days",
            )
        rules = ["temperature.morning_afternoon", "observation.14_days"]
    elif item_id == "LK28-2":
        text = coverage_text(day, "在册员工（健康台账）", "staff on the roster (health ledger)", coverage)
        measurements = {"checks_per_day": coverage.min_checks}
        rules = ["temperature.twice_daily"]
    else:
        raise LedgerError("item", f"the ledger gives no evidence for {item_id}", f"健康台账不为 {item_id} 提供依据")
    if coverage.total == 0:
        return LedgerEvidence(item_id, day, text[0], text[1], {}, None)
    verdicts = [f.verdict for rule in rules for f in evaluate_rule(rule, measurements)]
    verdict = "fail" if Verdict.FAIL in verdicts else "pass"
    return LedgerEvidence(item_id, day, text[0], text[1], measurements, verdict)


# ---------------------------------------------------------------------------------------------------
# Consent (个人信息保护: PIPL arts. 28–29 — health data is sensitive, collected with separate consent for a stated
# purpose; 社区防控信息化指引 三（三） 隐私保护 — 明确提示并取得同意，明确用于此次疫情防控)

CONSENT_PURPOSE = "epidemic_control"
"""The only purpose a consent is recorded for: any other use needs the person's consent again (三（三）)."""
CONSENT_PURPOSE_ZH = "仅用于本次疫情防控"
CONSENT_PURPOSE_EN = "epidemic control only"
CONSENT_EARLIEST = dt.date(2020, 1, 1)
CONSENT_FIELD_ZH = {
    "consented_on": "同意日期",
    "notice_version": "告知书版本",
    "notice_text": "告知书内容",
    "purpose": "用途",
}
CONSENT_FIELD_EN = {
    "consented_on": "Consent date",
    "notice_version": "Notice version",
    "notice_text": "Notice text",
    "purpose": "Purpose",
}

PRIVACY_NOTICES: dict[str, tuple[str, str]] = {
    "1.0": (
        "员工健康信息收集告知书（第 1.0 版）\n\n"
        "一、收集目的：本单位收集您的健康信息，仅用于本次新冠肺炎疫情防控（复工复产期间每日测温、健康台账、"
        "医学观察和向属地疾控机构报送每日汇总），不用于其他任何目的；如需用于其他目的，将重新征得您本人同意。\n"
        "二、收集内容：姓名、部门、岗位、人员类别、外包单位、宿舍房间、在岗状态、返岗日期及返回地；"
        "身份证号和手机号（可不提供）；每日上午、下午的体温和症状；居家或集中医学观察的起止日期和原因。\n"
        "三、保护措施：身份证号和手机号在屏幕、导出文件和报告中一律部分隐藏，仅单位主要负责人可查看完整号码，"
        "每次查看均记入审计记录；日志和错误信息中不出现您的个人信息。\n"
        "四、保存期限：疫情防控期结束或达到单位设定的保存天数后，您的健康信息将被删除或匿名化，并留有删除记录；"
        "已签署的每日汇总按防控要求保留。\n"
        "五、依据：《中华人民共和国个人信息保护法》第二十八条、第二十九条（健康信息属敏感个人信息，须取得单独同意）；"
        "《社区防控信息化产品（服务）使用指引》三（三）隐私保护。\n\n"
        "本人已阅读并理解上述内容，同意本单位为疫情防控目的收集和使用本人的上述信息。",
        "Notice on collecting employees' health information (version 1.0)\n\n"
        "1. Purpose: the company collects your health information only for the control of the current COVID-19 "
        "epidemic (daily temperature checks while work resumes, the health ledger, medical observation and the daily "
        "summary reported to the local CDC) and for no other purpose; any other use needs your consent again.\n"
        "2. What is collected: name, department, post, category, outsourcing company, dormitory room, status, return "
        "date and where you returned from; ID number and phone (optional); your temperature and symptoms each "
        "morning and afternoon; the dates and reason of any home or centralised medical observation.\n"
        "3. Protection: ID numbers and phones are partly hidden on screens, in exported files and in reports; only "
        "the company's principal may see them in full, and each time is recorded in the audit trail; no log or error "
        "message shows your personal information.\n"
        "4. Retention: when the epidemic period is declared over, or after the number of days the company set, your "
        "health information is deleted or anonymised, with a record of what was removed; signed daily summaries are "
        "kept as epidemic control requires.\n"
        "5. Grounds: Personal Information Protection Law arts. 28 and 29 (health information is sensitive personal "
        "information and needs separate consent); the community epidemic-control information guidelines 3(3), "
        "privacy protection.\n\n"
        "I have read and understood the above and agree that the company collects and uses this information of mine "
        "for epidemic control.",
    ),
}
"""The text of each notice version an employee may be shown (Chinese, English)."""


def privacy_notice(version: str) -> tuple[str, str] | None:
    """The (Chinese, English) text of notice ``version``, or None when this product does not hold it (a notice
    of the company's own, recorded by its version only)."""
    return PRIVACY_NOTICES.get(version.strip())


def validate_consent(
    consented_on: object, notice_version: object, purpose: object, today: dt.date
) -> tuple[dt.date, str]:
    """The day and notice version of a consent record, checked: a day from 2020 to ``today`` (a consent is not
    recorded ahead of time), a version of 1–20 characters, and the purpose epidemic control only."""
    if purpose != CONSENT_PURPOSE:
        raise LedgerError(
            "purpose",
            "a consent is recorded for epidemic control only",
            "同意仅可用于疫情防控目的；用于其他目的须重新征得本人同意",
        )
    day = parse_date("consented_on", consented_on)
    if day is None:
        raise LedgerError("consented_on", "is required", "必须填写")
    if day > today:
        raise LedgerError("consented_on", f"{day.isoformat()} is in the future", f"{day.isoformat()} 晚于今天")
    if day < CONSENT_EARLIEST:
        raise LedgerError(
            "consented_on", f"{day.isoformat()} is before 2020", f"{day.isoformat()} 早于 2020 年，不是本次疫情期间"
        )
    version = clean_text("notice_version", notice_version, 20, required=True)
    return day, normalise_notice_version(version)


# A notice version is a real version: one to four numbers (each at most six digits) separated by dots or
# hyphens — "1", "1.2", "2020-02", "2020-02-15". It is compared number by number, never as text (so 10 > 9,
# 1.10 > 1.9, 2020-02 = 2020-2), and trailing zeros do not count (1 = 1.0 = 1.0.0), the way PEP 440 compares
# release numbers. Letters are refused: "v2", "第二版", "2a" could not be ordered without guessing.
NOTICE_VERSION = re.compile(r"\d{1,6}(?:[.-]\d{1,6}){0,3}")


def normalise_notice_version(text: str) -> str:
    """``text`` as a notice version (full-width digits and dots folded, spaces around dropped), or
    :class:`LedgerError` saying in one sentence what a version looks like."""
    from checklist.messages import msg

    folded = unicodedata.normalize("NFKC", text).strip()
    if not NOTICE_VERSION.fullmatch(folded):
        refusal = msg("ledger.notice_version_format", version=text.strip()[:20])
        raise LedgerError("notice_version", refusal.en, refusal.zh)
    return folded


def notice_version_key(version: str) -> tuple[int, ...] | None:
    """The numbers of a notice version without its trailing zeros (what versions are compared by); None for a
    text that is not a version (a record made before versions were checked: it counts as older than any)."""
    try:
        folded = normalise_notice_version(version)
    except LedgerError:
        return None
    numbers = [int(part) for part in re.split(r"[.-]", folded)]
    while len(numbers) > 1 and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)


def _order(version: str) -> tuple[int, tuple[int, ...]]:
    key = notice_version_key(version)
    return (0, ()) if key is None else (1, key)


def notice_at_least(version: str, current: str) -> bool:
    """Whether a consent to notice ``version`` covers notice ``current``: the same or a later version."""
    mine, theirs = notice_version_key(version), notice_version_key(current)
    return mine is not None and theirs is not None and mine >= theirs


def newest_notice_version(versions: Iterable[str]) -> str | None:
    """The newest of the versions a person consented to (by version, not by text); None for none."""
    return max(versions, key=_order, default=None)


class ConsentState(StrEnum):
    """Where a person stands against the notice in force."""

    NONE = "none"  # no consent recorded
    CURRENT = "current"  # consented to the notice in force or a later one
    OUTDATED = "outdated"  # consented only to an older notice: to be asked again


def consent_state(versions: Iterable[str], current: str) -> ConsentState:
    """A person's consent (the versions they consented to) against the notice in force.

    An outdated or missing consent blocks nothing in the ledger: the twice-daily checks, observation and the
    daily summary are what the epidemic-control rules require of the company for everyone on site (GN 一;
    PIPL art. 13(1)(4) lets health data be processed without consent to respond to a public-health emergency),
    so refusing a reading would only leave a fever unrecorded. It is shown in the roster (需重新同意) and listed
    by :func:`storage.roster.list_employees` ``without_consent_to``, so the officer asks the person again."""
    given = list(versions)
    if not given:
        return ConsentState.NONE
    return ConsentState.CURRENT if any(notice_at_least(v, current) for v in given) else ConsentState.OUTDATED
