"""One way of reading numbers for the whole product: checklist.numbers, and the values built on it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist.numbers import NumberFormatError, format_number, parse_number
from checklist.rules import (
    PLAUSIBLE_RANGES,
    MeasurementError,
    MeasurementKind,
    parse_room,
    validate_measurement,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1000", 1000),
        ("1,000", 1000),
        ("12,345,678", 12345678),
        ("1,000.5", 1000.5),
        ("37.5", 37.5),
        ("-5", -5),
        ("+3", 3),
        (" 42 ", 42),
        ("１，０００", 1000),
        ("３７．５", 37.5),
        ("0.5", 0.5),
    ],
)
def test_numbers_are_read_by_the_one_rule(text: str, expected: float) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["37,5", "1,00", "1,0000", ",5", "1,000,00", "12,34.5", "1,"])
def test_any_other_comma_is_refused_saying_why_and_what_to_type(text: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    assert "thousands separator" in caught.value.message_en
    assert "千位分隔符" in caught.value.message_zh


def test_a_decimal_comma_gets_the_point_to_type() -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_number("37,5")
    assert "37.5" in caught.value.message_en and "37.5" in caught.value.message_zh


@pytest.mark.parametrize("text", ["", "  ", "abc", "1e3", "1 000", "5 mg/L", "nan", "inf", "--5", "1.2.3", "5."])
def test_anything_else_is_not_a_number(text: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_number(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_and_plain_integers_read_the_same(number: int) -> None:
    assert parse_number(f"{number:,}") == number
    assert parse_number(str(number)) == number


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_a_decimal_comma_is_never_read_as_a_number(whole: int, fraction: int) -> None:
    """ "37,5", "1,05", "3,14": one or two digits after the comma can never be a thousands separator."""
    with pytest.raises(NumberFormatError):
        parse_number(f"{whole},{fraction}")


@given(st.decimals(min_value=-(10**6), max_value=10**6, places=3, allow_nan=False, allow_infinity=False))
def test_plain_decimals_read_exactly(value: object) -> None:
    assert parse_number(str(value)) == float(str(value))


@given(
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
)
def test_the_number_shown_never_crosses_the_limit(value: float, limit: float) -> None:
    shown = float(format_number(value, limit))
    assert (shown > limit) == (value > limit)
    assert (shown < limit) == (value < limit)


def test_the_number_shown_beside_a_verdict_agrees_with_it() -> None:
    assert format_number(50.00005, 50) == "50.0001"  # shortest figure still above the limit
    assert float(format_number(49.99995, 50)) < 50
    assert format_number(499.999, 500) == "499.999"
    assert format_number(499.9999999, 500) == "499.9999999"
    assert format_number(33.333333333, 50) == "33.33"
    assert format_number(2.5, 2.5) == "2.5"


def test_one_thousand_written_with_a_separator_is_one_thousand_everywhere() -> None:
    assert validate_measurement("chlorine_mg_per_l", MeasurementKind.NUMBER, "1,000") == 1000
    assert validate_measurement("total_staff", MeasurementKind.COUNT, "1,500") == 1500


def test_every_measured_number_of_the_catalogs_has_a_plausible_range() -> None:
    from checklist.catalog import official_catalogs

    for catalog in official_catalogs().values():
        for item in catalog.items:
            for measurement in item.measurements:
                if measurement.kind in (MeasurementKind.NUMBER, MeasurementKind.COUNT, MeasurementKind.PERCENT):
                    assert measurement.key in PLAUSIBLE_RANGES, f"{item.id}.{measurement.key}"


@pytest.mark.parametrize(
    ("key", "kind", "value", "shown"),
    [
        ("checks_per_day", MeasurementKind.COUNT, 1e9, "0–24"),
        ("min_observation_days", MeasurementKind.COUNT, 1000, "0–60"),
        ("total_staff", MeasurementKind.COUNT, "2,000,000", "1–1000000"),
        ("chlorine_mg_per_l", MeasurementKind.NUMBER, 1e9, "0–100000 mg/L"),
        ("contact_minutes", MeasurementKind.NUMBER, 100000, "0–1440 min"),
    ],
)
def test_values_outside_the_plausible_range_are_refused_with_the_range(
    key: str, kind: MeasurementKind, value: object, shown: str
) -> None:
    with pytest.raises(MeasurementError) as caught:
        validate_measurement(key, kind, value)
    assert shown in caught.value.reason
    assert shown.split(" ")[0] in caught.value.reason_zh
    assert caught.value.field == key


@pytest.mark.parametrize("key", sorted(PLAUSIBLE_RANGES))
def test_each_range_holds_its_ends_and_refuses_just_beyond(key: str) -> None:
    plausible = PLAUSIBLE_RANGES[key]
    kind = MeasurementKind.TEMPERATURE_C if key == "highest_temperature_c" else MeasurementKind.NUMBER
    if kind is MeasurementKind.NUMBER and plausible.low == int(plausible.low) and key != "chlorine_mg_per_l":
        kind = MeasurementKind.COUNT if key not in ("contact_minutes",) else MeasurementKind.NUMBER
    assert validate_measurement(key, kind, plausible.low) == plausible.low
    assert validate_measurement(key, kind, plausible.high) == plausible.high
    with pytest.raises(MeasurementError):
        validate_measurement(key, kind, plausible.high + 1)


def test_the_dormitory_table_never_turns_37_comma_5_into_375_nor_minus_5_into_5() -> None:
    with pytest.raises(MeasurementError, match=r"37\.5") as caught:
        parse_room(0, {"name": "101", "area_m2": "37,5", "occupants": 2})
    assert caught.value.field == "room 101: area_m2"
    with pytest.raises(MeasurementError, match="whole number") as negative:
        parse_room(0, {"name": "101", "area_m2": 20, "occupants": "-5"})
    assert negative.value.field == "room 101: occupants"
    assert parse_room(0, {"name": "101", "area_m2": "1,000", "occupants": "6"}).area_m2 == 1000


@pytest.mark.parametrize(("area", "occupants"), [(0.5, 1), (1001, 2), (20, 101)])
def test_rooms_outside_the_plausible_range_are_refused_with_the_range(area: float, occupants: int) -> None:
    with pytest.raises(MeasurementError, match="plausible range"):
        parse_room(0, {"name": "101", "area_m2": area, "occupants": occupants})
