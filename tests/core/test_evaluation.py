"""Deriving results, overrides, scoring and completion blockers."""

from __future__ import annotations

import pytest

from checklist.catalog import official_catalogs
from checklist.company import (
    CompanyType,
    CreditCodeError,
    credit_code_check_char,
    inspecting_authority,
    validate_credit_code,
)
from checklist.evaluation import (
    Answer,
    Result,
    completion_blockers,
    evaluate_inspection,
    evaluate_item,
)

CATALOGS = official_catalogs()
GN, BJHQ = CATALOGS["GN"], CATALOGS["BJHQ"]
A101 = {"name": "A101", "area_m2": 18, "occupants": 6, "location": "above_ground"}


def test_result_is_derived_from_measured_values() -> None:
    outcome = evaluate_item(GN.item("GN-01"), Answer(measurements={"checks_per_day": 1}))
    assert outcome.derived is Result.FAIL and outcome.result is Result.FAIL and not outcome.overridden
    assert evaluate_item(GN.item("GN-01"), Answer(measurements={"checks_per_day": "2"})).result is Result.PASS


def test_reasoned_override_is_kept_and_marked() -> None:
    answer = Answer(Result.PASS, {"checks_per_day": 1}, override_reason="夜班员工另有测温记录")
    outcome = evaluate_item(GN.item("GN-01"), answer)
    assert outcome.derived is Result.FAIL
    assert outcome.result is Result.PASS and outcome.overridden


def test_override_without_reason_does_not_count() -> None:
    outcome = evaluate_item(GN.item("GN-01"), Answer(Result.PASS, {"checks_per_day": 1}))
    assert outcome.result is Result.FAIL and not outcome.overridden
    assert any("give a reason" in e for e in outcome.errors)


def test_invalid_value_is_an_error_not_a_verdict() -> None:
    outcome = evaluate_item(GN.item("GN-03"), Answer(measurements={"highest_temperature_c": 98.6}))
    assert outcome.derived is None and outcome.result is None
    assert any("°F" in e for e in outcome.errors)


def test_same_room_passes_gn_and_fails_bjhq_in_one_inspection() -> None:
    evaluation = evaluate_inspection([GN, BJHQ], {}, [A101])
    assert evaluation.outcomes["GN-07"].result is Result.PASS
    assert evaluation.outcomes["BJHQ-3"].result is Result.FAIL


def test_rules_apply_only_for_chosen_catalogs() -> None:
    evaluation = evaluate_inspection([GN], {}, [A101])
    assert "BJHQ-3" not in evaluation.outcomes
    assert evaluation.score.overall.failed == 0


def test_bad_room_rows_are_reported_and_good_rows_still_judged() -> None:
    rows = [A101, {"name": "B2", "area_m2": -3, "occupants": 2}, dict(A101)]
    evaluation = evaluate_inspection([BJHQ], {}, rows)
    assert [r.name for r in evaluation.rooms] == ["A101"]
    assert any("B2" in e and "greater than 0" in e for e in evaluation.room_errors)
    assert any("appears twice" in e for e in evaluation.room_errors)
    assert evaluation.outcomes["BJHQ-3"].result is Result.FAIL
    assert evaluation.outcomes["BJHQ-3"].errors


def test_scoring_counts_per_section_and_severe_failures() -> None:
    answers = {item.id: Answer(Result.PASS) for item in GN.items}
    answers["GN-02"] = Answer(Result.FAIL)  # critical
    answers["GN-11"] = Answer(Result.FAIL)  # minor
    answers["GN-12"] = Answer(Result.NA)
    del answers["GN-13"]
    evaluation = evaluate_inspection([GN], answers, [A101])
    score = evaluation.score
    assert (score.overall.passed, score.overall.failed, score.overall.na, score.overall.unchecked) == (12, 2, 1, 1)
    assert score.overall.total == 16
    assert score.sections[("GN", "1")].failed == 1
    assert score.sections[("GN", "3")].failed == 1 and score.sections[("GN", "3")].na == 1
    assert score.failed == ["GN-02", "GN-11"]
    assert score.severe_failed == ["GN-02"]
    assert score.overall.pass_rate == pytest.approx(12 / 14)


def test_completion_blockers() -> None:
    answers = {item.id: Answer(Result.PASS) for item in GN.items}
    answers["GN-02"] = Answer(Result.FAIL)
    del answers["GN-13"]
    evaluation = evaluate_inspection([GN], answers, [A101])
    blockers = completion_blockers(evaluation, set())
    assert "GN-13: not answered" in blockers
    assert "GN-02: failed without a corrective action" in blockers
    assert (
        completion_blockers(evaluate_inspection([GN], {**answers, "GN-13": Answer(Result.NA)}, [A101]), {"GN-02"}) == []
    )


# --- company ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["91110000600037341L", "91350100M000100Y43"])
def test_valid_credit_codes(code: str) -> None:
    assert validate_credit_code(code.lower()) == code


@pytest.mark.parametrize(
    ("code", "message"),
    [("91110000600037341X", "校验位应为 L"), ("9111000060003734", "18 位"), ("91110000600O37341L", "不允许的字符")],
)
def test_invalid_credit_codes(code: str, message: str) -> None:
    with pytest.raises(CreditCodeError, match=message):
        validate_credit_code(code)


def test_check_character_of_a_known_code() -> None:
    assert credit_code_check_char("91110000600037341") == "L"


def test_inspecting_authority_by_company_type() -> None:
    assert inspecting_authority(CompanyType.INDUSTRIAL).name_zh == "应急管理部门"
    assert inspecting_authority(CompanyType.OTHER).basis == "京政发〔2020〕6号"
    assert "卫生健康" in inspecting_authority(CompanyType.RESTAURANT).name_zh
