"""The dormitory register's verdicts and remedies (checklist/sites/dormitories.py), without a database or Qt:
the verdicts are the rule engine's, and every remedy, applied, makes the room pass that very engine."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.rules import Location, MeasurementError, Verdict, evaluate_rule, parse_room
from checklist.sites.dormitories import (
    BEIJING,
    NATIONAL,
    RoomInput,
    area_needed,
    assignment_warnings,
    judge_room,
    most_people,
    validate_room,
)


def room(area: float, beds: int = 8, location: Location = Location.ABOVE_GROUND, **flags: bool) -> RoomInput:
    return RoomInput("A101", area, beds, location, flags.get("has_window", True), flags.get("bunk_beds", False))


def test_a_room_passing_both_rules_says_so_with_both_clauses() -> None:
    verdicts = judge_room(room(24), 6)
    assert verdicts.national.verdict is Verdict.PASS and verdicts.beijing.verdict is Verdict.PASS
    assert verdicts.national.clause_zh == "GN 二、（七）"
    assert verdicts.beijing.clause_zh == "BJHQ 三; BJTG 八"
    assert verdicts.national.remedy_zh == "" and verdicts.beijing.summary_en == "passes"


def test_a_room_passing_the_national_rule_but_not_beijings_says_what_would_make_it_pass() -> None:
    verdicts = judge_room(room(15), 5)  # 3 m² each: ≥ 2.5 nationally, < 4 in Beijing
    assert verdicts.national.verdict is Verdict.PASS
    beijing = verdicts.beijing
    assert beijing.verdict is Verdict.FAIL and beijing.summary_zh.startswith("不合格：3 m²/人")
    # 15 m² hold 3 people at 4 m² each: move 2 out, or 5 people need 20 m², 5 more
    assert beijing.remedy_zh == "移出 2 人，或需再 5 m²"
    assert beijing.remedy_en == "move 2 people out, or add 5 m²"


def test_too_many_people_can_only_be_fixed_by_moving_some_out() -> None:
    national = judge_room(room(40), 7).national
    assert national.verdict is Verdict.FAIL and national.remedy_zh == "移出 1 人"


def test_the_area_to_add_is_rounded_up_to_a_tenth() -> None:
    national = judge_room(room(12.4), 5).national  # 5 × 2.5 = 12.5 m²
    assert national.remedy_zh == "移出 1 人，或需再 0.1 m²"
    assert area_needed(12.4, 5, 2.5) == pytest.approx(0.1)


def test_semi_basement_without_window_and_underground_bunk_beds_are_named() -> None:
    semi = judge_room(room(40, location=Location.SEMI_BASEMENT, has_window=False), 2).beijing
    assert semi.verdict is Verdict.FAIL and "加装窗户，或迁出全部 2 人" in semi.remedy_zh
    under = judge_room(room(30, location=Location.UNDERGROUND, bunk_beds=True), 3).beijing
    assert under.verdict is Verdict.FAIL
    assert under.remedy_zh == "拆除上下床；移出 1 人"  # ≤ 2 people underground
    ok_under = judge_room(room(30, location=Location.UNDERGROUND), 2).beijing
    assert ok_under.verdict is Verdict.WARNING and "原则上不安排在地下空间居住" in ok_under.summary_zh


def test_an_empty_room_has_no_verdict() -> None:
    verdicts = judge_room(room(20), 0)
    assert verdicts.national.verdict is None and verdicts.national.summary_zh == "空置"


def test_assigning_to_a_full_or_failing_room_warns() -> None:
    assert assignment_warnings(room(40, beds=6), 3) == []
    full = assignment_warnings(room(40, beds=4), 4)
    assert full[0].zh == "A101 已住满：4 张床位已住 4 人。"
    failing = assignment_warnings(room(20, beds=8), 5)  # a 6th: 3.3 m² each, below Beijing's 4
    assert len(failing) == 1 and "BJHQ 三; BJTG 八" in failing[0].zh and "再住 1 人后（共 6 人）" in failing[0].zh


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"name": "", "area_m2": 20, "beds": 4}, "房间需要名称"),
        ({"name": "A1", "area_m2": "37,5", "beds": 4}, "37,5"),
        ({"name": "A1", "area_m2": 0, "beds": 4}, "超出 1–1000"),
        ({"name": "A1", "area_m2": 20, "beds": 0}, "床位数"),
        ({"name": "A1", "area_m2": 20, "beds": True}, "床位数"),
        ({"name": "A1", "area_m2": 20, "beds": 2.5}, "床位数"),
        ({"name": "A1", "area_m2": 20, "beds": 4, "location": "roof"}, "位置"),
        ({"name": "A1", "area_m2": 20, "beds": 4, "has_window": "yes"}, "是"),
    ],
)
def test_bad_rooms_are_refused_in_both_languages(values: dict[str, Any], said: str) -> None:
    with pytest.raises(MeasurementError) as refused:
        validate_room(values)
    assert said in refused.value.reason_zh and refused.value.reason


rooms = st.builds(
    RoomInput,
    name=st.just("B2"),
    area_m2=st.floats(1, 200).map(lambda a: round(a, 1)),
    beds=st.integers(1, 20),
    location=st.sampled_from(list(Location)),
    has_window=st.booleans(),
    bunk_beds=st.booleans(),
)


def _passes(rule: str, candidate: RoomInput, people: int) -> bool:
    findings = evaluate_rule(rule, {}, [parse_room(0, candidate.inspection_row(people))])
    return not any(f.verdict is Verdict.FAIL for f in findings)


@settings(max_examples=400, deadline=None)
@given(rooms, st.integers(1, 30))
def test_every_remedy_applied_makes_the_room_pass_the_rule_engine(candidate: RoomInput, people: int) -> None:
    verdicts = judge_room(candidate, people)
    for rule, verdict in ((NATIONAL, verdicts.national), (BEIJING, verdicts.beijing)):
        assert (verdict.verdict is Verdict.FAIL) == (not _passes(rule, candidate, people))
        if verdict.verdict is not Verdict.FAIL:
            continue
        fixed = RoomInput(
            candidate.name, candidate.area_m2, candidate.beds, candidate.location, True, False
        )  # a window fitted and bunk beds removed, where those were named
        limit_people, per_person = {
            (NATIONAL, Location.UNDERGROUND): (6, 2.5),
            (BEIJING, Location.UNDERGROUND): (2, 5.0),
        }.get((rule, candidate.location), (6, 2.5 if rule == NATIONAL else 4.0))
        fits = most_people(candidate.area_m2, per_person, limit_people)
        if fits < people:
            assert f"移出 {people - fits} 人" in verdict.remedy_zh
            if fits:
                assert _passes(rule, fixed, fits)  # moving them out passes
            if fits + 1 <= limit_people:
                assert not _passes(rule, fixed, fits + 1)  # and no fewer would do
        if "需再" in verdict.remedy_zh:
            more = area_needed(candidate.area_m2, people, per_person)
            bigger = RoomInput(fixed.name, candidate.area_m2 + more, fixed.beds, fixed.location, True, False)
            assert _passes(rule, bigger, people)


def _on_the_limit(people: int, per_person: float) -> float:
    return round(people * per_person, 2)


any_rooms = st.builds(
    RoomInput,
    name=st.just("C3"),
    area_m2=st.one_of(
        st.floats(0.5, 1100).map(lambda a: round(a, 2)),  # below 1 m² and above 1,000 m²: the engine refuses
        st.builds(_on_the_limit, st.integers(1, 12), st.sampled_from([2.5, 4.0, 5.0])),  # on a limit
        st.sampled_from([1.0, 1000.0, 1000.01, 0.99]),
    ),
    beds=st.integers(1, 20),
    location=st.sampled_from(list(Location)),
    has_window=st.booleans(),
    bunk_beds=st.booleans(),
)


@settings(max_examples=600, deadline=None)
@given(any_rooms, st.one_of(st.integers(0, 12), st.integers(95, 130)))
def test_the_compiled_verdict_is_the_rule_engines_and_the_words_are_its_findings(
    candidate: RoomInput, people: int
) -> None:
    """The room list's verdicts come from the rules' compiled form (a few comparisons, no words); for any room —
    on a limit, or with values the engine refuses — they are exactly what the engine's findings come to, and
    the words read later are the engine's findings for that room."""
    verdicts = judge_room(candidate, people)
    for rule, verdict in ((NATIONAL, verdicts.national), (BEIJING, verdicts.beijing)):
        if people == 0:
            assert verdict.verdict is None and verdict.summary_zh == "空置" and verdict.findings == ()
            continue
        try:
            parsed = parse_room(0, candidate.inspection_row(people))
        except MeasurementError as refused:
            assert verdict.verdict is None and refused.reason_zh in verdict.summary_zh
            assert verdict.findings == () and verdict.remedy_zh == ""
            continue
        findings = evaluate_rule(rule, {}, [parsed])
        said = {f.verdict for f in findings}
        expected = (
            Verdict.FAIL if Verdict.FAIL in said else Verdict.WARNING if Verdict.WARNING in said else Verdict.PASS
        )
        assert verdict.verdict is expected
        assert verdict.words.verdict is expected  # the words, computed by the engine, say the same
        assert [(f.verdict, f.measured, f.limit, f.measured_en, f.limit_en) for f in verdict.findings] == [
            (f.verdict, f.measured, f.limit, f.measured_en, f.limit_en) for f in findings
        ]
        assert (verdict.remedy_zh == "") == (expected is not Verdict.FAIL)
