"""The rules as the sources state them — one test per defect of issue 13, and each limit probed at, just above and
just below with hypothesis."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from checklist.catalog import Catalog, for_company, official_catalogs
from checklist.evaluation import Answer, Result, evaluate_inspection, evaluate_item
from checklist.rules import (
    RULES,
    DormitoryRoom,
    Location,
    QuestionNeeded,
    RuleKind,
    Verdict,
    evaluate_rule,
)

CATALOGS = official_catalogs()
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _only(*ids: str) -> list[Catalog]:
    return [CATALOGS[i] for i in ids]


def _outcome(catalog_ids: tuple[str, ...], item_id: str, **values: object):  # type: ignore[no-untyped-def]
    evaluation = evaluate_inspection(_only(*catalog_ids), {item_id: Answer(measurements=values)})
    return evaluation.outcomes[item_id]


# --- numbers as the issue names them ---------------------------------------------------------------------


def test_a_correct_1000_mg_per_l_disinfectant_is_not_faulted() -> None:
    outcome = _outcome(("GN",), "GN-06", chlorine_mg_per_l="1,000", contact_minutes="30")
    assert outcome.errors == ()
    assert outcome.values["chlorine_mg_per_l"] == 1000
    assert {f.verdict for f in outcome.findings} == {Verdict.PASS}


def test_1000_of_1500_staff_on_site_is_two_thirds_not_one_in_1500() -> None:
    outcome = _outcome(("BJTG",), "BJTG-09", dense_enterprise=True, on_site_staff="1,000", total_staff="1,500")
    assert outcome.derived is Result.FAIL
    assert outcome.findings[0].measured == "66.67 %"


def test_the_rate_beside_the_verdict_agrees_with_it() -> None:
    outcome = _outcome(("BJTG",), "BJTG-09", dense_enterprise=True, on_site_staff=500_001, total_staff=1_000_000)
    finding = outcome.findings[0]
    assert finding.verdict is Verdict.FAIL
    assert float(finding.measured.removesuffix(" %")) > 50  # 50.0001 % never reads "50 %"


def test_the_strength_beside_the_reference_verdict_agrees_with_it() -> None:
    finding = evaluate_rule("disinfectant.chlorine", {"chlorine_mg_per_l": 499.999})[0]
    assert finding.verdict is Verdict.WARNING
    assert finding.measured == "499.999 mg/L"


# --- BJHQ 二: morning and afternoon, not a count; GN（一） stays a count --------------------------------------


@pytest.mark.parametrize(
    ("morning", "afternoon", "expected"),
    [
        (True, True, Verdict.PASS),
        (True, False, Verdict.FAIL),
        (False, True, Verdict.FAIL),
        (False, False, Verdict.FAIL),
    ],
)
def test_bjhq_wants_one_check_in_the_morning_and_one_in_the_afternoon(
    morning: bool, afternoon: bool, expected: Verdict
) -> None:
    found = evaluate_rule("temperature.morning_afternoon", {"morning_check": morning, "afternoon_check": afternoon})
    assert [f.verdict for f in found] == [expected]


def test_two_morning_checks_do_not_meet_bjhq() -> None:
    """The officer answers per half-day; BJHQ-2 no longer takes a count that two morning checks would satisfy."""
    item = CATALOGS["BJHQ"].item("BJHQ-2")
    assert "checks_per_day" not in {m.key for m in item.measurements}
    outcome = _outcome(("BJHQ",), "BJHQ-2", morning_check=True, afternoon_check=False)
    assert outcome.derived is Result.FAIL


def test_gn_stays_a_count_of_two_a_day() -> None:
    assert _outcome(("GN",), "GN-01", checks_per_day=2).derived is Result.PASS
    assert _outcome(("GN",), "GN-01", checks_per_day=1).derived is Result.FAIL


# --- BJTG 九: only for dense enterprises; unanswered asks; encouraged, not "must"; not widened -------------


def test_unanswered_dense_question_gives_no_verdict_and_asks() -> None:
    outcome = _outcome(("BJTG",), "BJTG-09", on_site_staff=90, total_staff=100)
    assert outcome.derived is None and outcome.findings == ()
    assert [q.key for q in outcome.questions] == ["dense_enterprise"]
    assert "人员密集" in outcome.questions[0].message_zh and "dense" in outcome.questions[0].message_en
    with pytest.raises(QuestionNeeded):
        evaluate_rule("attendance.half", {"on_site_staff": 90, "total_staff": 100})


def test_not_dense_is_not_judged_and_dense_is() -> None:
    assert _outcome(("BJTG",), "BJTG-09", dense_enterprise=False, on_site_staff=90, total_staff=100).derived is None
    assert (
        _outcome(("BJTG",), "BJTG-09", dense_enterprise=True, on_site_staff=90, total_staff=100).derived is Result.FAIL
    )


def test_bjtg_nine_is_encouraged_not_hardened_nor_widened() -> None:
    item = CATALOGS["BJTG"].item("BJTG-09")
    for text in (item.title_en, item.requirement_en, item.guidance_en, RULES["attendance.half"].title_en):
        assert not re.search(r"\bmust\b", text), text
    assert "encouraged" in item.requirement_en
    assert "车间" not in item.guidance_zh and "workshop" not in item.guidance_en.lower()
    finding = evaluate_rule("attendance.half", {"dense_enterprise": True, "on_site_staff": 60, "total_staff": 100})[0]
    assert "must" not in finding.message_en and "encouraged" in finding.message_en


# --- disinfectant: a reference method with its own citation, vehicles, far above -------------------------


def test_disinfectant_is_a_reference_method_not_a_gn_verdict() -> None:
    assert RULES["disinfectant.chlorine"].kind is RuleKind.REFERENCE
    outcome = _outcome(("GN",), "GN-06", chlorine_mg_per_l=100, contact_minutes=5)
    assert outcome.derived is None  # the officer decides GN（六）; the figures only inform
    assert outcome.findings and all(f.kind is RuleKind.REFERENCE for f in outcome.findings)
    assert all(f.verdict is Verdict.WARNING for f in outcome.findings)
    assert all("公共交通防控指引" in f.citation and "GN" not in f.citation for f in outcome.findings)
    assert all("Public transport guideline 2.0" in f.message_en for f in outcome.findings)


def test_vehicles_need_fifteen_minutes_surfaces_thirty() -> None:
    vehicle = _outcome(("GN",), "GN-06", contact_minutes=20, vehicle_surfaces=True)
    surface = _outcome(("GN",), "GN-06", contact_minutes=20, vehicle_surfaces=False)
    assert [f.verdict for f in vehicle.findings] == [Verdict.PASS]
    assert "三、2" in vehicle.findings[0].citation
    assert [f.verdict for f in surface.findings] == [Verdict.WARNING]
    assert "一（一）2" in surface.findings[0].citation


def test_an_undiluted_stock_solution_is_warned_about() -> None:
    findings = evaluate_rule("disinfectant.chlorine", {"chlorine_mg_per_l": 50_000})
    far = [f for f in findings if "far above" in f.message_en]
    assert len(far) == 1 and far[0].verdict is Verdict.WARNING
    assert "过度消毒" in far[0].message_zh
    assert not any(
        "far above" in f.message_en for f in evaluate_rule("disinfectant.chlorine", {"chlorine_mg_per_l": 1000})
    )


# --- citations follow the inspection's catalogs ---------------------------------------------------------


def test_a_national_only_inspection_cites_only_the_national_guideline() -> None:
    outcome = _outcome(("GN",), "GN-01", checks_per_day=2)
    assert [f.citation for f in outcome.findings] == ["GN 一、（一）"]
    assert "BJHQ" not in outcome.findings[0].message_zh


def test_dormitory_citations_follow_the_chosen_beijing_documents() -> None:
    rows = [{"name": "A101", "area_m2": 18, "occupants": 6}]
    bjhq_only = evaluate_inspection(_only("BJHQ"), {}, rows).outcomes["BJHQ-3"]
    assert {f.citation for f in bjhq_only.findings} == {"BJHQ 三"}
    both = evaluate_inspection(_only("BJHQ", "BJTG"), {}, rows).outcomes["BJTG-08"]
    assert {f.citation for f in both.findings} == {"BJHQ 三; BJTG 八"}


# --- guidance beyond the clause is good practice -------------------------------------------------------


GOOD_PRACTICE = [
    "GN-14",
    "GN-15",
    "LK28-6",
    "LK28-12",
    "BJ4F-5",
    "BJ4F-8",
    "BJ4F-9",
    "BJ4F-12",
    "NHC-2",
    "NHC-4",
    "NHC-9",
    "NHC-11",
]


@pytest.mark.parametrize("item_id", GOOD_PRACTICE)
def test_what_goes_beyond_the_clause_is_labelled_good_practice(item_id: str) -> None:
    catalog = CATALOGS[item_id.split("-")[0]]
    item = catalog.item(item_id)
    assert item.good_practice_zh and item.good_practice_en


def test_the_right_to_refuse_entry_is_not_made_a_duty() -> None:
    item = CATALOGS["BJ4F"].item("BJ4F-6")
    assert "有权" in item.title_zh and "may" in item.title_en
    assert "有权拒绝" in item.requirement_zh


# --- coverage -----------------------------------------------------------------------------------------------


def test_bj4f_one_two_applies_to_every_beijing_employer() -> None:
    items = [i for i in CATALOGS["BJ4F"].items if i.clause_zh == "一、（二）"]
    assert [i.id for i in items] == ["BJ4F-18", "BJ4F-19"]
    assert all(not i.company_types for i in items)
    text = "".join(i.requirement_zh for i in items)
    for duty in (
        "督促其落实相关防控措施",
        "配备必要的防护用品",
        "弹性工作时间",
        "错峰上下班",
        "居家工作",
        "减少人员接触",
    ):
        assert duty in text


@pytest.mark.parametrize(
    ("company_type", "shown"),
    [
        ("mall", {"LK28-15"}),
        ("restaurant", {"LK28-15"}),
        ("hotel", {"LK28-15", "LK28-16"}),
        ("industrial", set()),
        ("office_building", set()),
        ("other", set()),
    ],
)
def test_lk28_public_places_are_shown_only_for_their_company_types(company_type: str, shown: set[str]) -> None:
    lk28 = for_company([CATALOGS["LK28"]], company_type)[0]
    assert {i.id for i in lk28.items if i.clause_zh == "二、（二）4"} == shown
    evaluation = evaluate_inspection([CATALOGS["LK28"]], {}, (), company_type)
    for item_id in {"LK28-15", "LK28-16"} - shown:
        assert evaluation.outcomes[item_id].result is Result.NA  # never a blocker for a company it does not concern


# --- English mode: English words and units only -------------------------------------------------------------


SAMPLES = {
    "dormitory.gn": ({}, [DormitoryRoom("A101", 10, 7)]),
    "dormitory.beijing": (
        {},
        [
            DormitoryRoom("B1", 12, 3, Location.UNDERGROUND, False, True),
            DormitoryRoom("S1", 12, 4, Location.SEMI_BASEMENT, False),
            DormitoryRoom("A1", 12, 7),
        ],
    ),
    "temperature.twice_daily": ({"checks_per_day": 1}, []),
    "temperature.morning_afternoon": ({"morning_check": True, "afternoon_check": False}, []),
    "observation.14_days": ({"min_observation_days": 1}, []),
    "attendance.half": ({"dense_enterprise": True, "on_site_staff": 6, "total_staff": 10}, []),
    "disinfectant.chlorine": ({"chlorine_mg_per_l": 50_000, "contact_minutes": 1, "vehicle_surfaces": True}, []),
}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_english_rule_messages_carry_english_words_and_units_only(rule_id: str) -> None:
    values, rooms = SAMPLES[rule_id]
    findings = evaluate_rule(rule_id, values, rooms, documents=set(CATALOGS))
    assert findings
    for finding in findings:
        for text in (finding.message_en, finding.measured_en, finding.limit_en, finding.citation_en):
            assert not CJK.search(text), text
        assert "bunk beds:" not in finding.message_en and "次/日" not in finding.message_en


def test_every_measurement_has_an_english_unit() -> None:
    for catalog in CATALOGS.values():
        for item in catalog.items:
            for measurement in item.measurements:
                assert not CJK.search(measurement.unit_english), f"{item.id}.{measurement.key}"


# --- each limit at, just above and just below (hypothesis) -------------------------------------------------


@given(st.integers(min_value=1, max_value=100), st.sampled_from([-1e-9, 0.0, 1e-9, -0.5, 0.5]))
@example(6, 0.0)
def test_dormitory_area_limits_hold_exactly(occupants: int, offset: float) -> None:
    for rule, location, limit in (
        ("dormitory.gn", Location.ABOVE_GROUND, 2.5),
        ("dormitory.beijing", Location.ABOVE_GROUND, 4.0),
        ("dormitory.beijing", Location.UNDERGROUND, 5.0),
    ):
        area = occupants * (limit + offset)
        room = DormitoryRoom("R", area, occupants, location)
        area_findings = [f for f in evaluate_rule(rule, {}, [room]) if "per person" in f.limit_en]
        expected = Verdict.PASS if room.area_per_person >= limit else Verdict.FAIL
        assert [f.verdict for f in area_findings] == [expected]
        shown = float(area_findings[0].measured_en.split(" ")[0])
        assert (shown >= limit) == (expected is Verdict.PASS)


@given(st.integers(min_value=1, max_value=100))
def test_occupant_limits_hold_exactly(occupants: int) -> None:
    for rule, location, limit in (
        ("dormitory.gn", Location.ABOVE_GROUND, 6),
        ("dormitory.beijing", Location.ABOVE_GROUND, 6),
        ("dormitory.beijing", Location.UNDERGROUND, 2),
    ):
        room = DormitoryRoom("R", 10_000, occupants, location)
        found = [f for f in evaluate_rule(rule, {}, [room]) if "people per room" in f.limit_en]
        assert [f.verdict for f in found] == [Verdict.PASS if occupants <= limit else Verdict.FAIL]


@given(st.integers(min_value=0, max_value=24))
def test_gn_checks_per_day_limit(checks: int) -> None:
    found = evaluate_rule("temperature.twice_daily", {"checks_per_day": checks})
    assert [f.verdict for f in found] == [Verdict.PASS if checks >= 2 else Verdict.FAIL]


@given(st.integers(min_value=0, max_value=60))
def test_observation_limit(days: int) -> None:
    found = evaluate_rule("observation.14_days", {"min_observation_days": days})
    assert [f.verdict for f in found] == [Verdict.PASS if days >= 14 else Verdict.FAIL]


@given(st.integers(min_value=1, max_value=1_000_000), st.data())
@example(2, None)
def test_attendance_limit_at_and_around_half(total: int, data: st.DataObject | None) -> None:
    half = total // 2
    choices = [n for n in (half - 1, half, half + 1, total - half) if 0 <= n <= total]
    on_site = data.draw(st.sampled_from(choices)) if data is not None else 1
    found = evaluate_rule("attendance.half", {"dense_enterprise": True, "on_site_staff": on_site, "total_staff": total})
    expected = Verdict.PASS if on_site * 2 <= total else Verdict.FAIL
    assert [f.verdict for f in found] == [expected]
    assert (float(found[0].measured.removesuffix(" %")) <= 50) == (expected is Verdict.PASS)


@given(st.sampled_from([499.0, 499.999, 499.9999999, 500.0, 500.0000001, 500.001, 501.0, 2000.0, 2000.001]))
def test_chlorine_reference_at_and_around_its_figures(strength: float) -> None:
    found = evaluate_rule("disinfectant.chlorine", {"chlorine_mg_per_l": strength})
    assert found[0].verdict is (Verdict.PASS if strength >= 500 else Verdict.WARNING)
    assert (float(found[0].measured.split(" ")[0]) >= 500) == (strength >= 500)
    assert (len(found) == 2) == (strength > 2000)


@given(st.floats(min_value=0, max_value=1440, allow_nan=False), st.booleans())
@example(30.0, False)
@example(29.999, False)
@example(15.0, True)
@example(14.999, True)
def test_contact_time_reference(minutes: float, vehicle: bool) -> None:
    found = evaluate_rule("disinfectant.chlorine", {"contact_minutes": minutes, "vehicle_surfaces": vehicle})
    needed = 15 if vehicle else 30
    assert [f.verdict for f in found] == [Verdict.PASS if minutes >= needed else Verdict.WARNING]


def test_evaluating_an_item_never_guesses_a_verdict_from_a_question() -> None:
    item = CATALOGS["BJTG"].item("BJTG-09")
    outcome = evaluate_item(item, Answer(result=Result.PASS, measurements={"on_site_staff": 99, "total_staff": 100}))
    assert outcome.derived is None and outcome.result is Result.PASS and outcome.questions


def test_good_practice_needs_both_languages() -> None:
    from importlib import resources

    from checklist.catalog import CatalogError, parse_catalog

    text = (resources.files("resources") / "catalogs" / "gn.toml").read_text(encoding="utf-8")
    start = text.index("good_practice_en = ", text.index('id = "GN-14"'))
    end = text.index("\n", start)
    with pytest.raises(CatalogError, match="both good_practice_zh and good_practice_en"):
        parse_catalog(text[:start] + text[end + 1 :], "gn.toml")


def test_old_inspections_keep_the_rules_they_were_made_with() -> None:
    """BJHQ 1.0.0 counted checks a day under BJHQ-2; an inspection that recorded it is still judged that way,
    citing its own clause (GN is not among its catalogs)."""
    from checklist.catalog import catalog_version

    old = catalog_version("BJHQ", "1.0.0")
    evaluation = evaluate_inspection([old], {"BJHQ-2": Answer(measurements={"checks_per_day": 2})})
    outcome = evaluation.outcomes["BJHQ-2"]
    assert outcome.derived is Result.PASS and outcome.errors == ()
    assert [f.citation for f in outcome.findings] == ["BJHQ 二"]


def test_without_a_company_type_every_item_is_shown() -> None:
    lk28 = for_company([CATALOGS["LK28"]], None)[0]
    assert len(lk28.items) == len(CATALOGS["LK28"].items)
