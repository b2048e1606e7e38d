"""The log's pure rules, without a database or Qt: entries validated, a chlorine entry judged by the rule
engine's reference method (not a copy of it), gaps against the plan, and the evidence of GN-04 / GN-06 / GN-10."""

from __future__ import annotations

import datetime as dt

import pytest

from checklist.rules import REFERENCE_CHLORINE_MG_PER_L, SURFACE_MINUTES, Verdict
from checklist.sites.disinfection import (
    Gap,
    Kind,
    LoggedEntry,
    Method,
    PlanInput,
    SiteError,
    day_gaps,
    evidence_for,
    meets_reference,
    parse_method,
    reference_findings,
    validate_entry,
    validate_plan,
)

DAY = dt.date(2020, 3, 2)


def chlorine(**changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "place": "电梯按钮",
        "at": "2020-03-02 09:30",
        "method": "含氯消毒液",
        "done_by": "保洁 刘姐",
        "chlorine_mg_per_l": "500",
        "contact_minutes": "30",
    }
    values.update(changes)
    return values


def test_a_chlorine_entry_is_judged_by_the_rule_engines_reference_method() -> None:
    entry = validate_entry(chlorine())
    assert entry.kind is Kind.DISINFECTION and entry.day == DAY and entry.at == dt.datetime(2020, 3, 2, 9, 30)
    findings = reference_findings(entry)
    assert {f.rule for f in findings} == {"disinfectant.chlorine"} and meets_reference(findings) is True
    weak = reference_findings(validate_entry(chlorine(chlorine_mg_per_l=REFERENCE_CHLORINE_MG_PER_L - 250)))
    assert meets_reference(weak) is False and any(f.verdict is Verdict.WARNING for f in weak)
    short = reference_findings(validate_entry(chlorine(contact_minutes=SURFACE_MINUTES - 10)))
    assert meets_reference(short) is False
    # inside a commuter vehicle 15 minutes are enough, as the reference method says
    vehicle = reference_findings(validate_entry(chlorine(contact_minutes=15, vehicle_surfaces=True)))
    assert meets_reference(vehicle) is True
    # undiluted stock: the engine's far-above warning comes through
    stock = reference_findings(validate_entry(chlorine(chlorine_mg_per_l=50_000)))
    assert any("未按比例稀释" in f.message_zh for f in stock)


def test_ventilation_and_uv_take_no_reference_and_refuse_a_strength() -> None:
    entry = validate_entry(
        {"place": "车间", "at": "2020-03-02 08:00", "method": "通风", "done_by": "班长", "duration_minutes": 30}
    )
    assert entry.method is Method.NATURAL_VENTILATION and entry.kind is Kind.VENTILATION
    assert meets_reference(reference_findings(entry)) is None
    with pytest.raises(SiteError) as refused:
        validate_entry({**chlorine(), "method": "紫外线"})
    assert "含氯" in refused.value.message_zh


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"chlorine_mg_per_l": ""}, "chlorine_mg_per_l"),
        ({"chlorine_mg_per_l": "1e9"}, "chlorine_mg_per_l"),
        ({"contact_minutes": "abc"}, "contact_minutes"),
        ({"place": ""}, "place"),
        ({"place": "=HYPERLINK(1)"}, "place"),
        ({"done_by": " "}, "done_by"),
        ({"at": "yesterday"}, "at"),
        ({"method": "烧香"}, "method"),
    ],
)
def test_bad_entries_are_refused_in_both_languages(changes: dict[str, object], field: str) -> None:
    with pytest.raises(Exception) as refused:
        validate_entry(chlorine(**changes))
    error = refused.value
    assert getattr(error, "field", None) == field
    assert getattr(error, "message_zh", "") and getattr(error, "message_en", "")


def test_parse_method_knows_both_languages() -> None:
    assert parse_method("UV lamp") is Method.UV and parse_method("84消毒液") is Method.CHLORINE


def test_plans_are_checked() -> None:
    assert validate_plan({"place": "门把手", "kind": "消毒", "times_per_day": "4"}) == PlanInput(
        "门把手", Kind.DISINFECTION, 4
    )
    for times in ("0", "49", "four"):
        with pytest.raises(SiteError):
            validate_plan({"place": "门把手", "kind": "消毒", "times_per_day": times})
    with pytest.raises(SiteError):
        validate_plan({"place": "门把手", "kind": "打扫", "times_per_day": "2"})


def test_gaps_against_the_plan_per_day() -> None:
    plans = [PlanInput("电梯按钮", Kind.DISINFECTION, 4), PlanInput("车间", Kind.VENTILATION, 2)]
    other = DAY + dt.timedelta(days=1)
    done = {
        (DAY, "电梯按钮", Kind.DISINFECTION): 3,
        (DAY, "车间", Kind.VENTILATION): 2,
        (other, "电梯按钮", Kind.DISINFECTION): 5,
        (other, "车间", Kind.DISINFECTION): 9,  # disinfection does not count as ventilation
    }
    found = day_gaps(plans, done, [other, DAY])
    assert found == [
        Gap(DAY, "电梯按钮", Kind.DISINFECTION, 4, 3),
        Gap(other, "车间", Kind.VENTILATION, 2, 0),
    ]
    assert found[0].short == 1 and found[0].text()[0] == "2020-03-02 电梯按钮 消毒 3/4 次（缺 1 次）"


def logged(n: int, method: Method, hour: int, **changes: object) -> LoggedEntry:
    values: dict[str, object] = {
        "id": n,
        "place": "电梯按钮" if method is not Method.NATURAL_VENTILATION else "车间",
        "at": dt.datetime(2020, 3, 2, hour, 0),
        "method": method,
        "chlorine_mg_per_l": 500.0 if method is Method.CHLORINE else None,
        "contact_minutes": 30.0 if method is Method.CHLORINE else None,
        "vehicle_surfaces": False,
        "mask_bins_cleared": False,
        "waste_cleared": False,
    }
    values.update(changes)
    return LoggedEntry(**values)  # type: ignore[arg-type]


def test_evidence_for_gn04_gn06_gn10() -> None:
    entries = [
        logged(3, Method.CHLORINE, 15, chlorine_mg_per_l=250.0),
        logged(2, Method.NATURAL_VENTILATION, 10),
        logged(1, Method.UV, 8, waste_cleared=True),
    ]
    gaps = [Gap(DAY, "电梯按钮", Kind.DISINFECTION, 4, 2)]
    gn06 = evidence_for("GN-06", DAY, entries, gaps)
    assert gn06.text_zh.startswith(
        "2020-02-25 至 2020-03-02 消毒记录 2 条；最近：03-02 15:00 电梯按钮 含氯消毒液 250 mg/L"
    )
    assert "未按计划 1 处：2020-03-02 电梯按钮 消毒 2/4 次（缺 2 次）" in gn06.text_zh and gn06.gaps == 1
    assert gn06.measurements == {"chlorine_mg_per_l": 250.0, "contact_minutes": 30.0, "vehicle_surfaces": False}
    gn04 = evidence_for("GN-04", DAY, entries, gaps)
    assert "通风记录 1 条" in gn04.text_zh and "均按计划完成" in gn04.text_zh and gn04.measurements == {}
    assert "every plan met" in gn04.text_en
    gn10 = evidence_for("GN-10", DAY, entries, gaps)
    assert "口罩回收箱及垃圾清运记录 1 条" in gn10.text_zh and "未按计划" not in gn10.text_zh
    with pytest.raises(SiteError):
        evidence_for("GN-01", DAY, entries, gaps)
