"""The company's clock (UTC+8) from a UTC clock, whatever zone the computer is set to (#48)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from checklist.company import company_now, company_today
from tests.zones import local_zone


def at(*fields: int) -> dt.datetime:
    return dt.datetime(*fields, tzinfo=dt.UTC)  # type: ignore[misc]


def test_0626_utc_is_1426_in_the_company() -> None:
    now = company_now(lambda: at(2026, 12, 1, 6, 26))
    assert now == dt.datetime(2026, 12, 1, 14, 26)
    assert now.tzinfo is None  # compared with the registers' naive half-day bounds


@pytest.mark.parametrize(
    ("utc", "day"),
    [
        (at(2026, 12, 1, 15, 59, 59), dt.date(2026, 12, 1)),
        (at(2026, 12, 1, 16, 0), dt.date(2026, 12, 2)),
        (at(2026, 12, 31, 16, 0), dt.date(2027, 1, 1)),
    ],
)
def test_the_companys_day_turns_at_1600_utc(utc: dt.datetime, day: dt.date) -> None:
    assert company_today(lambda: utc) == day


def test_a_clock_in_another_zone_or_naive_is_the_same_moment() -> None:
    los_angeles = dt.timezone(dt.timedelta(hours=-8))
    assert company_now(lambda: dt.datetime(2026, 11, 30, 22, 26, tzinfo=los_angeles)) == dt.datetime(
        2026, 12, 1, 14, 26
    )
    assert company_now(lambda: dt.datetime(2026, 12, 1, 6, 26)) == dt.datetime(2026, 12, 1, 14, 26)


def test_the_default_clock_is_utc_not_the_computers_zone() -> None:
    before = dt.datetime.now(dt.UTC)
    with local_zone("Etc/GMT+12"):
        assert time.localtime().tm_gmtoff == -12 * 3600
        now = company_now()
    after = dt.datetime.now(dt.UTC)
    in_company = dt.timedelta(hours=8)
    assert (before + in_company).replace(tzinfo=None) <= now <= (after + in_company).replace(tzinfo=None)
