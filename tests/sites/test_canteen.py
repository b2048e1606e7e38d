"""Canteen sittings (checklist/sites/canteen.py), without a database or Qt; the stored settings and the door
sheet with them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.rules import MeasurementError
from checklist.sites.canteen import (
    SEATING_RULES,
    CanteenSettings,
    Group,
    SeatingRule,
    plan_sittings,
    split,
    usable_seats,
    validate_settings,
)

BASE: dict[str, Any] = {
    "groups": [
        {"name": "生产部", "headcount": 450},
        {"name": "后勤部", "headcount": 60},
        {"name": "办公室", "headcount": 30},
    ],
    "tables": 50,
    "seats_per_table": 4,
    "seating": "one_direction",
    "meal_minutes": 20,
    "cleaning_minutes": 10,
    "window_start": "11:00",
    "window_end": "14:00",
}


def test_seating_rules_use_one_side_every_other_seat_or_one_seat() -> None:
    assert [usable_seats(4, rule) for rule in SeatingRule] == [2, 1, 1]
    assert [usable_seats(8, rule) for rule in SeatingRule] == [4, 2, 1]
    assert [usable_seats(1, rule) for rule in SeatingRule] == [1, 1, 1]
    assert [usable_seats(5, rule) for rule in SeatingRule] == [3, 2, 1]


def test_only_one_direction_is_what_the_sources_require_the_rest_are_labelled_good_practice() -> None:
    required = [rule for rule, info in SEATING_RULES.items() if info.required]
    assert required == [SeatingRule.ONE_DIRECTION]
    assert "GN（八）" in SEATING_RULES[SeatingRule.ONE_DIRECTION].source_zh
    for rule in (SeatingRule.EVERY_OTHER_SEAT, SeatingRule.ONE_PER_TABLE):
        assert "良好做法" in SEATING_RULES[rule].source_zh and "good practice" in SEATING_RULES[rule].source_en


def test_a_plan_that_fits_keeps_each_department_together_and_explains_itself() -> None:
    plan = plan_sittings(validate_settings(BASE))
    assert plan.seats_per_sitting == 100
    assert plan.fits and plan.short_by_minutes == 0
    assert [s.people for s in plan.sittings] == [90, 90, 90, 90, 90, 90]
    assert [(s.start, s.end) for s in plan.sittings][:2] == [(660, 680), (690, 710)]
    last = plan.sittings[-1]
    assert [p.group for p in last.parts] == ["后勤部", "办公室"] and last.end == 660 + 5 * 30 + 20
    text = "\n".join(line.zh for line in plan.lines)
    assert "每场可坐 100 人" in text and "拆为 5 批（90、90、90、90、90 人）" in text and "可以安排" in text
    english = "\n".join(line.en for line in plan.lines)
    assert "split into 5 batches" in english and "It fits" in english


def test_a_window_too_short_says_by_how_many_minutes() -> None:
    plan = plan_sittings(validate_settings({**BASE, "window_end": "13:00"}))
    # 6 sittings: 6 × 20 + 5 × 10 = 170 minutes in a window of 120
    assert not plan.fits and plan.short_by_minutes == 50
    assert "供餐时段短了 50 分钟" in plan.lines[-1].zh
    assert "50 minutes too short" in plan.lines[-1].en


def test_a_department_larger_than_a_sitting_is_split_into_the_fewest_near_equal_batches() -> None:
    parts = split(Group("生产部", 205), 100)
    assert [p.people for p in parts] == [69, 68, 68]
    assert parts[0].label_zh() == "生产部（第 1/3 批）"
    assert split(Group("办公室", 100), 100)[0].batch == 0


def test_the_same_input_gives_the_same_plan() -> None:
    first = plan_sittings(validate_settings(BASE))
    again = plan_sittings(validate_settings(dict(BASE)))
    assert first == again


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"groups": []}, "groups"),
        ({"groups": [{"name": "甲", "headcount": 0}]}, "groups[0].headcount"),
        ({"groups": [{"name": "甲", "headcount": 1}, {"name": "甲", "headcount": 2}]}, "groups[1].name"),
        ({"tables": 0}, "tables"),
        ({"seats_per_table": "2.5"}, "seats_per_table"),
        ({"seating": "face_to_face"}, "seating"),
        ({"meal_minutes": 1}, "meal_minutes"),
        ({"window_start": "25:00"}, "window_start"),
        ({"window_end": "10:00"}, "window_end"),
    ],
)
def test_bad_settings_are_refused_naming_the_field_in_both_languages(change: dict[str, Any], field: str) -> None:
    with pytest.raises(MeasurementError) as refused:
        validate_settings({**BASE, **change})
    assert refused.value.field == field
    assert any("\u4e00" <= c <= "\u9fff" for c in refused.value.reason_zh)


def test_stored_settings_read_back_the_same() -> None:
    settings_ = validate_settings(BASE)
    assert validate_settings(settings_.as_dict()) == settings_


# --- invariants ------------------------------------------------------------------------------------------

groups_strategy = st.lists(st.integers(1, 900), min_size=1, max_size=40).map(
    lambda counts: tuple(Group(f"部门{n}", c) for n, c in enumerate(counts))
)


@st.composite
def canteens(draw: st.DrawFn) -> CanteenSettings:
    start = draw(st.integers(0, 20 * 60))
    return CanteenSettings(
        groups=draw(groups_strategy),
        tables=draw(st.integers(1, 200)),
        seats_per_table=draw(st.integers(1, 12)),
        seating=draw(st.sampled_from(list(SeatingRule))),
        meal_minutes=draw(st.integers(5, 60)),
        cleaning_minutes=draw(st.integers(0, 30)),
        window_start=start,
        window_end=draw(st.integers(start + 1, 24 * 60)),
    )


@settings(max_examples=300, deadline=None)
@given(canteens())
def test_nobody_is_seated_twice_or_left_out_and_no_sitting_is_over_capacity(canteen: CanteenSettings) -> None:
    plan = plan_sittings(canteen)
    seated: dict[str, int] = {}
    batches: dict[str, set[int]] = {}
    for sitting in plan.sittings:
        assert 0 < sitting.people <= plan.seats_per_sitting
        for part in sitting.parts:
            seated[part.group] = seated.get(part.group, 0) + part.people
            assert part.batch not in batches.setdefault(part.group, set())  # a batch is in one sitting only
            batches[part.group].add(part.batch)
    assert seated == {g.name: g.headcount for g in canteen.groups}
    for group in canteen.groups:
        if group.headcount <= plan.seats_per_sitting:  # a department that fits one sitting is in exactly one
            assert batches[group.name] == {0}


@settings(max_examples=300, deadline=None)
@given(canteens())
def test_every_sitting_is_inside_the_window_or_the_plan_says_by_how_much_it_is_not(canteen: CanteenSettings) -> None:
    plan = plan_sittings(canteen)
    last_end = plan.sittings[-1].end
    for before, after in zip(plan.sittings, plan.sittings[1:], strict=False):
        assert after.start - before.end == canteen.cleaning_minutes
        assert before.end - before.start == canteen.meal_minutes
    assert plan.sittings[0].start == canteen.window_start
    if plan.fits:
        assert last_end <= canteen.window_end
    else:
        assert last_end - canteen.window_end == plan.short_by_minutes > 0


@settings(max_examples=200, deadline=None)
@given(canteens())
def test_no_later_sitting_has_a_part_that_would_have_fit_an_earlier_one(canteen: CanteenSettings) -> None:
    """First fit: a sitting is opened only when its parts fit no earlier sitting, so the plan uses no more
    sittings than needed by that rule."""
    plan = plan_sittings(canteen)
    emptiest_so_far = plan.seats_per_sitting
    for sitting in plan.sittings:  # (for every earlier sitting; the emptiest one is the one to check)
        assert emptiest_so_far + min(p.people for p in sitting.parts) > plan.seats_per_sitting
        emptiest_so_far = min(emptiest_so_far, sitting.people)
