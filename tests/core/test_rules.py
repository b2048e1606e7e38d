"""Every numeric rule at, just above and just below its limit, and bad input that must not get a verdict."""

from __future__ import annotations

import math

import pytest

from checklist.rules import (
    DormitoryRoom,
    Location,
    MeasurementError,
    MeasurementKind,
    Verdict,
    evaluate_rule,
    parse_room,
    validate_measurement,
)

EPS = 0.01


def room(
    area: float, occupants: int, location: Location = Location.ABOVE_GROUND, window: bool = True, bunks: bool = False
) -> DormitoryRoom:
    return DormitoryRoom("A101", area, occupants, location, window, bunks)


def verdicts(rule: str, rooms: list[DormitoryRoom] = (), **values: object) -> dict[str, Verdict]:  # type: ignore[assignment]
    return {f.limit: f.verdict for f in evaluate_rule(rule, values, rooms)}


# --- national dormitory rule, GN（七）: ≤ 6 per room, ≥ 2.5 m² per person ----------------------------------


@pytest.mark.parametrize(("occupants", "expected"), [(5, Verdict.PASS), (6, Verdict.PASS), (7, Verdict.FAIL)])
def test_gn_occupants_limit(occupants: int, expected: Verdict) -> None:
    assert verdicts("dormitory.gn", [room(100, occupants)])["≤ 6 人/间"] is expected


@pytest.mark.parametrize(("area", "expected"), [(15 + EPS, Verdict.PASS), (15, Verdict.PASS), (15 - EPS, Verdict.FAIL)])
def test_gn_area_per_person_limit(area: float, expected: Verdict) -> None:
    assert verdicts("dormitory.gn", [room(area, 6)])["≥ 2.5 m²/人"] is expected


# --- Beijing, BJHQ 三 / BJTG 八: ≥ 4 m², ≤ 6; underground ≥ 5 m², ≤ 2, no bunks; semi-basement needs windows ---


@pytest.mark.parametrize(("area", "expected"), [(24 + EPS, Verdict.PASS), (24, Verdict.PASS), (24 - EPS, Verdict.FAIL)])
def test_beijing_area_per_person_limit(area: float, expected: Verdict) -> None:
    assert verdicts("dormitory.beijing", [room(area, 6)])["≥ 4 m²/人"] is expected


@pytest.mark.parametrize(("occupants", "expected"), [(5, Verdict.PASS), (6, Verdict.PASS), (7, Verdict.FAIL)])
def test_beijing_occupants_limit(occupants: int, expected: Verdict) -> None:
    assert verdicts("dormitory.beijing", [room(100, occupants)])["≤ 6 人/间"] is expected


def test_same_room_passes_national_and_fails_beijing() -> None:
    a101 = [room(18, 6)]  # 3 m² per person
    assert set(verdicts("dormitory.gn", a101).values()) == {Verdict.PASS}
    assert verdicts("dormitory.beijing", a101)["≥ 4 m²/人"] is Verdict.FAIL


@pytest.mark.parametrize(("area", "expected"), [(10 + EPS, Verdict.PASS), (10, Verdict.PASS), (10 - EPS, Verdict.FAIL)])
def test_underground_area_limit(area: float, expected: Verdict) -> None:
    found = verdicts("dormitory.beijing", [room(area, 2, Location.UNDERGROUND)])
    assert found["地下 ≥ 5 m²/人"] is expected


@pytest.mark.parametrize(("occupants", "expected"), [(1, Verdict.PASS), (2, Verdict.PASS), (3, Verdict.FAIL)])
def test_underground_occupants_limit(occupants: int, expected: Verdict) -> None:
    found = verdicts("dormitory.beijing", [room(100, occupants, Location.UNDERGROUND)])
    assert found["地下 ≤ 2 人/间"] is expected


def test_underground_is_a_warning_and_bunks_fail() -> None:
    findings = evaluate_rule("dormitory.beijing", {}, [room(20, 2, Location.UNDERGROUND, bunks=True)])
    by_limit = {f.limit: f for f in findings}
    assert by_limit["原则上不安排在地下空间居住"].verdict is Verdict.WARNING
    assert by_limit["地下不得设置上下床"].verdict is Verdict.FAIL
    no_bunks = verdicts("dormitory.beijing", [room(20, 2, Location.UNDERGROUND)])
    assert Verdict.FAIL not in no_bunks.values()


def test_semi_basement_without_window_fails_with_window_passes() -> None:
    assert (
        verdicts("dormitory.beijing", [room(40, 4, Location.SEMI_BASEMENT, window=False)])["半地下室无窗户的不作为宿舍"]
        is Verdict.FAIL
    )
    assert set(verdicts("dormitory.beijing", [room(40, 4, Location.SEMI_BASEMENT, window=True)]).values()) == {
        Verdict.PASS
    }


def test_findings_name_rule_clause_value_and_limit() -> None:
    finding = next(f for f in evaluate_rule("dormitory.beijing", {}, [room(18, 6)]) if f.verdict is Verdict.FAIL)
    assert finding.rule == "dormitory.beijing"
    assert "BJHQ 三" in finding.citation
    assert finding.measured == "3 m²/人"
    assert finding.limit == "≥ 4 m²/人"
    assert "A101" in finding.message_zh and "3 m²/人" in finding.message_zh
    assert "3 m² per person" in finding.message_en and "人" not in finding.message_en


# --- counts and rates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("checks", "expected"), [(1, Verdict.FAIL), (2, Verdict.PASS), (3, Verdict.PASS)])
def test_temperature_checks_twice_a_day(checks: int, expected: Verdict) -> None:
    assert verdicts("temperature.twice_daily", checks_per_day=checks)["≥ 2 次/日"] is expected


@pytest.mark.parametrize(("days", "expected"), [(13, Verdict.FAIL), (14, Verdict.PASS), (15, Verdict.PASS)])
def test_fourteen_day_observation(days: int, expected: Verdict) -> None:
    assert verdicts("observation.14_days", min_observation_days=days)["≥ 14 天"] is expected


@pytest.mark.parametrize(("on_site", "expected"), [(49, Verdict.PASS), (50, Verdict.PASS), (51, Verdict.FAIL)])
def test_attendance_at_most_half(on_site: int, expected: Verdict) -> None:
    found = verdicts("attendance.half", dense_enterprise=True, on_site_staff=on_site, total_staff=100)
    assert found["人员密集企业 ≤ 50 %"] is expected


def test_attendance_only_for_dense_enterprises() -> None:
    assert evaluate_rule("attendance.half", {"dense_enterprise": False, "on_site_staff": 90, "total_staff": 100}) == []


@pytest.mark.parametrize(
    ("values", "message"),
    [({"on_site_staff": 5, "total_staff": 0}, "0 employees"), ({"on_site_staff": 11, "total_staff": 10}, "more than")],
)
def test_attendance_rejects_impossible_counts(values: dict[str, int], message: str) -> None:
    with pytest.raises(MeasurementError, match=message):
        evaluate_rule("attendance.half", values)


@pytest.mark.parametrize(
    ("values", "limit", "expected"),
    [
        ({"chlorine_mg_per_l": 499}, "≥ 500 mg/L", Verdict.WARNING),
        ({"chlorine_mg_per_l": 500}, "≥ 500 mg/L", Verdict.PASS),
        ({"chlorine_mg_per_l": 501}, "≥ 500 mg/L", Verdict.PASS),
        ({"contact_minutes": 29}, "物体表面 ≥ 30 分钟", Verdict.WARNING),
        ({"contact_minutes": 30}, "物体表面 ≥ 30 分钟", Verdict.PASS),
        ({"contact_minutes": 31}, "物体表面 ≥ 30 分钟", Verdict.PASS),
        ({"contact_minutes": 14, "vehicle_surfaces": True}, "交通工具 ≥ 15 分钟", Verdict.WARNING),
        ({"contact_minutes": 15, "vehicle_surfaces": True}, "交通工具 ≥ 15 分钟", Verdict.PASS),
        ({"contact_minutes": 16, "vehicle_surfaces": True}, "交通工具 ≥ 15 分钟", Verdict.PASS),
    ],
)
def test_disinfectant_reference_method(values: dict[str, float], limit: str, expected: Verdict) -> None:
    """A reference method warns below its figures; it never fails (the item's clause, GN（六）, has none)."""
    assert verdicts("disinfectant.chlorine", **values)[limit] is expected


# --- bad values get a clear error, never a verdict ------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "message"),
    [
        (MeasurementKind.TEMPERATURE_C, 3.65, "did you mean 36.5"),
        (MeasurementKind.TEMPERATURE_C, 98.6, "looks like °F"),
        (MeasurementKind.TEMPERATURE_C, 60, "outside the plausible range"),
        (MeasurementKind.TEMPERATURE_C, math.nan, "finite"),
        (MeasurementKind.NUMBER, -1, "negative"),
        (MeasurementKind.NUMBER, math.inf, "finite"),
        (MeasurementKind.NUMBER, "abc", "not a number"),
        (MeasurementKind.COUNT, 2.5, "whole number"),
        (MeasurementKind.COUNT, -3, "whole number"),
        (MeasurementKind.COUNT, True, "not a number"),
        (MeasurementKind.PERCENT, 120, "outside 0–100"),
        (MeasurementKind.BOOLEAN, "yes", "yes/no"),
        (MeasurementKind.DATE, "2026-13-01", "not a date"),
    ],
)
def test_bad_measurements_are_rejected_with_reasons(kind: MeasurementKind, value: object, message: str) -> None:
    with pytest.raises(MeasurementError, match=message) as caught:
        validate_measurement("value", kind, value)
    assert caught.value.field == "value"


def test_good_measurements_are_normalised() -> None:
    assert validate_measurement("t", MeasurementKind.TEMPERATURE_C, "36.8") == 36.8
    assert validate_measurement("t", MeasurementKind.TEMPERATURE_C, "３６．８") == 36.8  # full-width input method
    assert validate_measurement("n", MeasurementKind.COUNT, "2") == 2
    assert validate_measurement("d", MeasurementKind.DATE, " 2026-11-20 ") == "2026-11-20"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"name": "A1", "area_m2": -5, "occupants": 2}, "greater than 0"),
        ({"name": "A1", "area_m2": 20, "occupants": 0}, "0 occupants"),
        ({"name": "A1", "area_m2": math.nan, "occupants": 2}, "finite"),
        ({"name": "A1", "area_m2": 20, "occupants": 2.5}, "whole number"),
        ({"name": "", "area_m2": 20, "occupants": 2}, "name"),
        ({"name": "A1", "area_m2": 20, "occupants": 2, "location": "roof"}, "above_ground"),
        ({"name": "A1", "area_m2": 20, "occupants": 2, "bunk_beds": "no"}, "yes/no"),
        ({"name": "A1", "occupants": 2}, "not a number"),
    ],
)
def test_bad_rooms_are_rejected(row: dict[str, object], message: str) -> None:
    with pytest.raises(MeasurementError, match=message):
        parse_room(0, row)


def test_unknown_rule_is_an_error() -> None:
    with pytest.raises(MeasurementError, match="unknown rule"):
        evaluate_rule("nope", {})


@pytest.mark.parametrize(("value", "chinese"), [(98.6, "华氏度"), (3.65, "是否应为 36.5 °C"), (60, "合理范围")])
def test_temperature_errors_are_explained_in_chinese_too(value: float, chinese: str) -> None:
    with pytest.raises(MeasurementError) as caught:
        validate_measurement("t", MeasurementKind.TEMPERATURE_C, value)
    assert chinese in caught.value.reason_zh
