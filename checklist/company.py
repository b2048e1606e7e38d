"""Company facts that decide things: the 统一社会信用代码 check character and the inspecting authority."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

# The companies are in China: one time zone, UTC+8 all year (no daylight saving since 1991). Reports and windows
# print times in it — what the company and its inspector read — with UTC beside them, whatever the computer's
# zone.
COMPANY_TIME = dt.timezone(dt.timedelta(hours=8), "UTC+08:00")


def utc_clock() -> dt.datetime:
    """The present moment, aware, in UTC: what :func:`company_now` reads unless a test gives another clock."""
    return dt.datetime.now(dt.UTC)


def company_now(clock: Callable[[], dt.datetime] = utc_clock) -> dt.datetime:
    """The company's wall-clock time now, naive (UTC+8, whatever zone this computer is set to): the registers'
    half-days, "today" and late entries are the plant's, not the computer's. ``clock`` gives an aware moment
    (any zone); a naive one is taken as UTC."""
    moment = clock()
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(COMPANY_TIME).replace(tzinfo=None)


def company_today(clock: Callable[[], dt.datetime] = utc_clock) -> dt.date:
    """The company's date now (it turns at 16:00 UTC)."""
    return company_now(clock).date()


# GB 32100-2015: 31 characters (no I, O, Z, S, V); weights 3^i mod 31 for the first 17 positions.
CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


class CreditCodeError(ValueError):
    """A 统一社会信用代码 that is malformed or whose check character is wrong (said in Chinese and English)."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


def credit_code_check_char(first17: str) -> str:
    """The 18th (check) character for the first 17 characters of a credit code."""
    total = sum(CREDIT_CODE_CHARS.index(ch) * w for ch, w in zip(first17, _WEIGHTS, strict=True))
    return CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def validate_credit_code(code: str) -> str:
    """Return the normalised (upper-case, trimmed) code, or raise :class:`CreditCodeError` saying why."""
    normalised = code.strip().upper()
    if len(normalised) != 18:
        raise CreditCodeError(
            f"统一社会信用代码应为 18 位，输入了 {len(normalised)} 位",
            f"a credit code has 18 characters, {len(normalised)} were given",
        )
    bad = "".join(ch for ch in normalised if ch not in CREDIT_CODE_CHARS)
    if bad:
        raise CreditCodeError(
            f"统一社会信用代码含有不允许的字符 {bad}（不使用 I、O、Z、S、V）",
            f"characters not allowed in a credit code: {bad} (I, O, Z, S, V are never used)",
        )
    expected = credit_code_check_char(normalised[:17])
    if normalised[17] != expected:
        raise CreditCodeError(
            f"统一社会信用代码校验位应为 {expected}，输入的是 {normalised[17]}，请核对",
            f"the check character should be {expected}, not {normalised[17]}; please check the code",
        )
    return normalised


class CompanyType(StrEnum):
    INDUSTRIAL = "industrial"
    CONSTRUCTION = "construction"
    OFFICE_BUILDING = "office_building"
    MALL = "mall"
    RESTAURANT = "restaurant"
    HOTEL = "hotel"
    OTHER = "other"


BEIJING_DISTRICTS: tuple[str, ...] = (
    "东城区",
    "西城区",
    "朝阳区",
    "丰台区",
    "石景山区",
    "海淀区",
    "门头沟区",
    "房山区",
    "通州区",
    "顺义区",
    "昌平区",
    "大兴区",
    "怀柔区",
    "平谷区",
    "密云区",
    "延庆区",
    "北京经济技术开发区",
)
"""The 所在区 a Beijing company picks from (the sixteen districts and the development zone): the district's
authorities inspect it (京政发〔2020〕5号, 6号: 属地管理). Another city's district is typed."""
OTHER_DISTRICT = "其他"
"""Offered after the districts: a company outside Beijing (or one that does not know) says so, or types its own."""

COMPANY_TYPE_ZH = {
    CompanyType.INDUSTRIAL: "工业企业",
    CompanyType.CONSTRUCTION: "建设工程参建单位",
    CompanyType.OFFICE_BUILDING: "商务楼宇（办公楼、写字楼）",
    CompanyType.MALL: "商场（含超市）",
    CompanyType.RESTAURANT: "餐馆（含内部食堂）",
    CompanyType.HOTEL: "酒店、宾馆（住宿）",
    CompanyType.OTHER: "其他市场主体",
}


@dataclass(frozen=True)
class Authority:
    name_zh: str
    name_en: str
    basis: str


def inspecting_authority(company_type: CompanyType) -> Authority:
    """Which Beijing authority inspects epidemic-control measures for a company of this type.

    京政发〔2020〕5号: 应急管理部门 inspect industrial enterprises. 京政发〔2020〕6号: 市场监管部门 inspect
    market entities other than office buildings, malls, restaurants, industrial enterprises and construction
    units. Those excluded types are not assigned by either decision and stay with the health authority and
    their sector regulator.
    """
    if company_type is CompanyType.INDUSTRIAL:
        return Authority("应急管理部门", "Emergency management authority", "京政发〔2020〕5号")
    if company_type in (CompanyType.OTHER, CompanyType.HOTEL):  # hotels are not among 6号's exceptions
        return Authority("市场监管部门", "Market regulation authority", "京政发〔2020〕6号")
    return Authority(
        "卫生健康行政管理部门及行业主管部门",
        "Health authority and the sector regulator",
        "京政发〔2020〕6号（除外情形）",
    )
