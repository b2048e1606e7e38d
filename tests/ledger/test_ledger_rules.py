"""The ledger's pure rules (checklist/ledger.py), without a database or Qt."""

from __future__ import annotations

import datetime as dt

import pytest

from checklist import ledger as L
from checklist.ledger import Coverage, EmployeeStatus, HalfDay, LedgerError, Symptom

DAY = dt.date(2026, 11, 30)


# --- roster --------------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["11010519491231002X", "11010519491231002x", "440524198001010013"])
def test_valid_id_numbers_pass_the_gb11643_check(number: str) -> None:
    assert L.validate_id_number(number) == number.upper()


@pytest.mark.parametrize(
    ("number", "said"),
    [
        ("110105194912310021", "check character"),
        ("11010519491331002X", "date of birth"),
        ("1101051949123100", "18-character"),
        ("01010519491231002X", "18-character"),
        ("11010518001231002X", "date of birth"),
    ],
)
def test_bad_id_numbers_are_refused_with_the_reason(number: str, said: str) -> None:
    with pytest.raises(LedgerError, match=said) as refused:
        L.validate_id_number(number)
    assert refused.value.message_zh


def test_the_check_character_is_computed_for_every_remainder() -> None:
    assert L.id_check_character("11010519491231002") == "X"
    assert {L.id_check_character(f"{n:017d}") for n in range(10**16, 10**16 + 40)} >= set("0123456789X") - {"X"}


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("13812341234", "13812341234"),
        ("138 1234 1234", "13812341234"),
        ("+8613812341234", "13812341234"),
        ("010-12345678", "010-12345678"),
    ],
)
def test_phones_are_read_in_their_usual_forms(typed: str, stored: str) -> None:
    assert L.validate_phone(typed) == stored


@pytest.mark.parametrize("typed", ["12812341234", "1381234123", "phone", "=HYPERLINK(1)"])
def test_bad_phones_are_refused(typed: str) -> None:
    with pytest.raises(LedgerError):
        L.validate_phone(typed)


def test_masks_show_only_the_ends() -> None:
    assert L.mask_id_number("11010519491231002X") == "110***********002X"
    assert L.mask_phone("13812341234") == "138****1234"
    assert L.mask_phone("010-12345678") == "010-****5678"
    assert L.mask_id_number("") == "" and L.mask_phone("") == ""


def test_a_roster_row_is_validated_field_by_field() -> None:
    person = L.validate_employee(
        {
            "name": " 张三 ",
            "category": "保洁",
            "status": "居家观察",
            "return_date": "2026/11/20",
            "phone": "13812341234",
        }
    )
    assert person.name == "张三" and person.category is L.Category.CLEANING
    assert person.status is EmployeeStatus.HOME_OBSERVATION and person.return_date == dt.date(2026, 11, 20)
    for values, field in (
        ({"name": ""}, "name"),
        ({"name": "张三", "category": "厨师"}, "category"),
        ({"name": "张三", "status": "出差"}, "status"),
        ({"name": "张三", "return_date": "2026-13-01"}, "return_date"),
        ({"name": "=cmd|' /C calc'!A0"}, "name"),
        ({"name": "张\u202e三"}, "name"),
        ({"name": "张" * 51}, "name"),
    ):
        with pytest.raises(LedgerError) as refused:
            L.validate_employee(values)
        assert refused.value.field == field


def test_duplicates_are_same_name_and_id_or_phone() -> None:
    assert L.duplicate_key("张三", "11010519491231002X", "") == ("张三|id|11010519491231002X",)
    assert L.duplicate_key("张三", "", "") == ()


# --- readings ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "expected"), [("36.5", 36.5), (37.25, 37.2), ("３６．８", 36.8), ("42.9", 42.9)])
def test_plausible_temperatures_are_read(typed: object, expected: float) -> None:
    assert L.validate_temperature(typed) == expected


@pytest.mark.parametrize(
    ("typed", "en", "zh"),
    [
        ("34", "plausible range", "合理范围"),
        ("43", "plausible range", "合理范围"),
        ("98.6", "looks like °F", "华氏度"),
        ("3.65", "did you mean 36.5", "是否应为 36.5"),
        ("37,5", "point", "小数点"),
        ("", "", ""),
        (float("nan"), "", ""),
        (True, "", ""),
    ],
)
def test_implausible_temperatures_are_refused_in_both_languages(typed: object, en: str, zh: str) -> None:
    with pytest.raises(LedgerError) as refused:
        L.validate_temperature(typed)
    assert en in refused.value.message_en and zh in refused.value.message_zh


def test_a_fever_or_any_symptom_flags_with_the_next_steps() -> None:
    calm = L.assess_reading(37.2, 0, L.DEFAULT_FEVER_THRESHOLD_C)
    assert not calm.flagged and calm.next_steps == ()
    fever = L.assess_reading(37.3, 0, L.DEFAULT_FEVER_THRESHOLD_C)
    assert fever.flagged and fever.fever and "37.3 °C" in fever.reason_zh
    cites = " ".join(step.cite for step in fever.next_steps)
    assert "GN 四、（十四）" in cites and "GN 四、（十五）" in cites and "BJHQ 二" in cites
    assert "不得带病上班" in [s.zh for s in fever.next_steps]
    cough = L.assess_reading(36.5, int(Symptom.DRY_COUGH), 37.3)
    assert cough.flagged and not cough.fever and "干咳" in cough.reason_zh and "dry cough" in cough.reason_en
    assert not L.assess_reading(37.5, 0, 38.0).flagged


def test_the_fever_threshold_is_a_setting_labelled_as_practice() -> None:
    assert L.DEFAULT_FEVER_THRESHOLD_C == 37.3
    assert "2020" in L.FEVER_THRESHOLD_NOTE[0] and "未规定" in L.FEVER_THRESHOLD_NOTE[0]
    assert L.validate_fever_threshold("37.5") == 37.5
    for bad in ("36", "39", "x"):
        with pytest.raises(LedgerError):
            L.validate_fever_threshold(bad)


def test_symptoms_are_read_in_either_language_and_refused_when_unknown() -> None:
    assert L.parse_symptoms("干咳、乏力") == Symptom.DRY_COUGH | Symptom.FATIGUE
    assert L.parse_symptoms("dry cough, fatigue".replace("dry cough", "cough")) == Symptom.DRY_COUGH | Symptom.FATIGUE
    assert L.parse_symptoms("无") == 0 and L.parse_symptoms(None) == 0
    with pytest.raises(LedgerError, match="not a known symptom"):
        L.parse_symptoms("头疼")
    assert L.describe_symptoms(int(Symptom.FEVER | Symptom.DIARRHOEA)) == ("发热、腹泻", "fever, diarrhoea")


def test_late_entries_are_marked_and_entries_in_advance_refused() -> None:
    morning = dt.datetime(2026, 11, 30, 9)
    assert not L.is_late(DAY, HalfDay.MORNING, morning)
    assert not L.is_late(DAY, HalfDay.MORNING, dt.datetime(2026, 11, 30, 14))
    assert L.is_late(DAY, HalfDay.MORNING, dt.datetime(2026, 11, 30, 14, 0, 1))
    assert not L.is_late(DAY, HalfDay.AFTERNOON, dt.datetime(2026, 12, 1, 1, 59))
    assert L.is_late(DAY, HalfDay.AFTERNOON, dt.datetime(2026, 12, 2, 9))
    with pytest.raises(LedgerError, match="not begun") as refused:
        L.is_late(DAY, HalfDay.AFTERNOON, morning)
    assert "下午尚未开始" in refused.value.message_zh


# --- observation ----------------------------------------------------------------------------------


def test_fourteen_days_end_on_day_fourteen_and_return_the_day_after() -> None:
    end = L.observation_end(dt.date(2026, 11, 1))
    assert end == dt.date(2026, 11, 14) and L.may_return_on(end) == dt.date(2026, 11, 15)


def test_an_observation_is_extended_freely_and_shortened_only_by_a_manager_with_a_reason() -> None:
    start, end = dt.date(2026, 11, 1), dt.date(2026, 11, 14)
    assert L.check_new_end(end, dt.date(2026, 11, 20), start, "", False) is L.ObservationChange.EXTEND
    with pytest.raises(LedgerError, match="never shortened"):
        L.check_new_end(end, dt.date(2026, 11, 10), start, "阴性", False)
    with pytest.raises(LedgerError, match="reason"):
        L.check_new_end(end, dt.date(2026, 11, 10), start, " ", True)
    assert L.check_new_end(end, dt.date(2026, 11, 10), start, "核酸阴性", True) is L.ObservationChange.SHORTEN
    with pytest.raises(LedgerError, match="before the start"):
        L.check_new_end(end, dt.date(2026, 10, 1), start, "x", True)


def test_a_new_exposure_restarts_the_fourteen_days_and_never_shortens() -> None:
    assert L.restart_for_exposure(dt.date(2026, 11, 10), dt.date(2026, 11, 14)) == (
        dt.date(2026, 11, 10),
        dt.date(2026, 11, 23),
    )
    assert L.restart_for_exposure(dt.date(2026, 11, 2), dt.date(2026, 12, 30))[1] == dt.date(2026, 12, 30)


def test_someone_on_site_before_the_end_is_flagged_bjtg3() -> None:
    flag = L.check_return(7, "王五", EmployeeStatus.ON_SITE, dt.date(2026, 11, 30), DAY)
    assert flag is not None and "BJTG 三" in flag.message_zh and "BJTG 3" in flag.message_en
    assert L.check_return(7, "王五", EmployeeStatus.ON_SITE, dt.date(2026, 11, 29), DAY) is None
    assert L.check_return(7, "王五", EmployeeStatus.HOME_OBSERVATION, dt.date(2026, 12, 5), DAY) is None


# --- summary and evidence -------------------------------------------------------------------------


def _summary(**changes: object) -> L.DailySummary:
    values: dict[str, object] = {
        "day": DAY,
        "headcount": 3,
        "on_site": 3,
        "checked_morning": 3,
        "checked_afternoon": 3,
        "missing": [],
        "missing_count": 0,
        "flagged": [],
        "under_observation": [],
        "under_observation_count": 0,
        "returned_today": [],
    }
    values.update(changes)
    return L.DailySummary(**values)  # type: ignore[arg-type]


def test_a_zero_report_only_when_nothing_is_abnormal_or_missing() -> None:
    assert _summary().zero_report and "零报告" in _summary().headline()[0]
    assert "zero report" in _summary().headline()[1]
    fever = L.NamedReading(1, "张三", HalfDay.MORNING, 37.8, 0)
    assert not _summary(flagged=[fever]).zero_report
    assert _summary(flagged=[fever]).fevers == [fever] and _summary(flagged=[fever]).with_symptoms == []
    assert not _summary(missing_count=1, missing=[L.Missing(2, "王五", False, True)]).zero_report
    early = L.check_return(3, "赵六", EmployeeStatus.ON_SITE, DAY, DAY)
    assert not _summary(early_returns=[early]).zero_report
    assert L.Missing(2, "王五", True, True).describe_zh() == "王五（上午、下午）"


def test_gn01_evidence_reads_like_the_issue_and_gets_the_rule_engines_verdict() -> None:
    coverage = Coverage(42, 41, 42, 41, ["王五"], 1)
    evidence = L.evidence_for("GN-01", dt.date(2026, 11, 29), coverage)
    assert evidence.text_zh == "2026-11-29 宿舍住宿及隔离员工 42 人中 41 人上下午各测 1 次；缺：王五"
    assert "41 of 42" in evidence.text_en and evidence.verdict == "fail"
    complete = L.evidence_for("GN-01", DAY, Coverage(42, 42, 42, 42, [], 2))
    assert complete.verdict == "pass" and "缺" not in complete.text_zh


def test_bjhq2_evidence_wants_morning_and_afternoon_and_fourteen_days() -> None:
    both = Coverage(5, 5, 5, 5, [], 2)
    assert L.evidence_for("BJHQ-2", DAY, both, 14).verdict == "pass"
    assert L.evidence_for("BJHQ-2", DAY, both, 12).verdict == "fail"
    no_afternoon = Coverage(5, 0, 5, 0, ["a", "b", "c", "d", "e"], 1)
    assert L.evidence_for("BJHQ-2", DAY, no_afternoon).verdict == "fail"


def test_evidence_names_at_most_ten_and_says_how_many_more() -> None:
    names = [f"员工{i}" for i in range(10)]
    evidence = L.evidence_for("LK28-2", DAY, Coverage(100, 70, 90, 80, names, 0))
    assert evidence.text_zh.endswith("等 30 人") and "and 20 more" in evidence.text_en


def test_no_one_to_check_gives_no_verdict_and_other_items_get_none() -> None:
    nobody = L.evidence_for("GN-01", DAY, Coverage(0, 0, 0, 0, [], 0))
    assert nobody.verdict is None and nobody.measurements == {}
    # a sentence, not "0 人中 0 人上下午各测 1 次" (docs/usability.md #40)
    assert nobody.text_zh == f"{DAY.isoformat()} 健康台账中没有宿舍住宿及隔离员工，无应测人员，本项不据台账判定"
    assert "0 人" not in nobody.text_zh and "0 of 0" not in nobody.text_en
    assert nobody.text_en.endswith("nobody to check, so the ledger gives no verdict")
    with pytest.raises(LedgerError):
        L.evidence_for("GN-02", DAY, Coverage(1, 1, 1, 1, [], 2))


def test_an_empty_roster_is_no_zero_report_and_the_headline_says_why() -> None:
    """A 零报告 says everyone was checked; with nobody on the roster it would certify nothing (row #41)."""
    empty = _summary(headcount=0, on_site=0, checked_morning=0, checked_afternoon=0)
    assert not empty.zero_report
    zh, en = empty.headline()
    assert zh == f"{DAY.isoformat()}：花名册中没有在册人员，本日没有可汇总的测温记录"
    assert "零报告" not in zh and "zero report" not in en and "nobody is on the roster" in en
    assert _summary(headcount=1, on_site=1, checked_morning=1, checked_afternoon=1).zero_report
