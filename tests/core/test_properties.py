"""Property tests: the loader and the rule engine never crash on arbitrary input."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist.catalog import CatalogError, official_catalogs, parse_catalog
from checklist.evaluation import Answer, Result, evaluate_inspection
from checklist.rules import (
    RULES,
    MeasurementError,
    MeasurementKind,
    QuestionNeeded,
    Verdict,
    evaluate_rule,
    validate_measurement,
)

CATALOGS = list(official_catalogs().values())[:2]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12)
)
json_like = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12,
)


@settings(max_examples=300)
@given(st.text(max_size=400))
def test_loader_never_crashes_on_text(text: str) -> None:
    try:
        parse_catalog(text, "fuzz.toml")
    except CatalogError as exc:
        assert str(exc).startswith("fuzz.toml: ")


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(["schema", "id", "version", "date", "items", "sections", "title_zh"]), json_like, max_size=7
    )
)
def test_loader_never_crashes_on_structures(data: dict[str, Any]) -> None:
    import tomllib

    try:
        import json

        text = "\n".join(f"{k} = {json.dumps(v)}" for k, v in data.items())
        tomllib.loads(text)
    except Exception:
        text = str(data)
    try:
        parse_catalog(text, "fuzz.toml")
    except CatalogError as exc:
        assert str(exc).startswith("fuzz.toml: ")


@settings(max_examples=300)
@given(st.sampled_from(list(MeasurementKind)), scalars)
def test_validation_returns_value_or_clear_error(kind: MeasurementKind, value: Any) -> None:
    try:
        result = validate_measurement("x", kind, value)
    except MeasurementError as exc:
        assert exc.field == "x" and exc.reason
    else:
        if isinstance(result, float):
            assert math.isfinite(result)


room_rows = st.lists(
    st.dictionaries(
        st.sampled_from(["name", "area_m2", "occupants", "location", "has_window", "bunk_beds"]), scalars, max_size=6
    ),
    max_size=4,
)
measurements = st.dictionaries(
    st.sampled_from(
        [
            "checks_per_day",
            "min_observation_days",
            "chlorine_mg_per_l",
            "contact_minutes",
            "highest_temperature_c",
            "bogus",
        ]
    ),
    scalars,
    max_size=3,
)


@settings(max_examples=200, deadline=None)
@given(
    room_rows,
    st.dictionaries(
        st.sampled_from(["GN-01", "GN-03", "GN-06", "BJHQ-2", "GN-07"]),
        st.tuples(st.sampled_from([None, *Result]), measurements, st.text(max_size=5)),
        max_size=5,
    ),
)
def test_evaluation_never_crashes(rows: list[dict[str, Any]], raw: dict[str, Any]) -> None:
    answers = {k: Answer(result, values, reason) for k, (result, values, reason) in raw.items()}
    evaluation = evaluate_inspection(CATALOGS, answers, rows)
    for outcome in evaluation.outcomes.values():
        assert outcome.result in (None, *Result)
        for finding in outcome.findings:
            assert finding.verdict in Verdict


@settings(max_examples=200)
@given(
    st.sampled_from(sorted(RULES)),
    st.dictionaries(
        st.sampled_from(["checks_per_day", "on_site_staff", "total_staff", "dense_enterprise"]),
        st.integers(min_value=0, max_value=10_000),
        max_size=4,
    ),
)
def test_rules_return_findings_or_clear_error(rule: str, values: dict[str, int]) -> None:
    try:
        findings = evaluate_rule(rule, values, [])
    except MeasurementError as exc:
        assert exc.reason
    except QuestionNeeded as asked:  # "dense enterprise?" unanswered: no verdict, a question
        assert rule == "attendance.half" and values.get("dense_enterprise") is not True
        assert asked.question.key == "dense_enterprise"
    else:
        assert all(f.rule == rule for f in findings)
